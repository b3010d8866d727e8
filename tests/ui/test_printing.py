"""Print and PDF: the article with its highlights and a legend, checked by rendering a page to an image."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from reader.ui import theme

from .helpers import SAMPLE_TIMEOUT_MS

# reader.ui.printing is imported inside each test, not here: imported at collection, it would be an
# attribute of reader.ui before test_dialogs.py pretends that it cannot be imported.


def article_document(window):
    from reader.ui.printing import article_document

    return article_document(window)


def export_pdf(window, path):
    from reader.ui.printing import export_pdf

    export_pdf(window, path)


def print_article(window):
    from reader.ui.printing import print_article

    print_article(window)

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="pdftoppm (poppler-utils, scripts/setup.sh) renders the PDF's pages")


def _page_image(pdf, tmp_path, page: int = 1) -> QImage:
    """Page ``page`` of a PDF as an image (pdftoppm: QtPdf is not part of PySide6-Essentials)."""
    out = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(out)], check=True, timeout=60)
    return QImage(str(out) + ".png")


def _colours(image: QImage) -> Counter:
    step = 2
    return Counter(image.pixelColor(x, y).name() for x in range(0, image.width(), step)
                   for y in range(0, image.height(), step))


def _has(colours: Counter, colour: QColor, tolerance: int = 6, at_least: int = 20) -> bool:
    """At least ``at_least`` sampled pixels within ``tolerance`` of ``colour`` (rendering rounds a little)."""
    r, g, b = colour.red(), colour.green(), colour.blue()
    count = 0
    for name, n in colours.items():
        c = QColor(name)
        if abs(c.red() - r) <= tolerance and abs(c.green() - g) <= tolerance and abs(c.blue() - b) <= tolerance:
            count += n
    return count >= at_least


@needs_pdftoppm
def test_pdf_of_the_sample_shows_its_highlights(window, qtbot, data_dir, tmp_path):
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS) as done:
        window.open_path(data_dir / "hama.html")
    analysis = done.args[0]
    pdf = tmp_path / "hama.pdf"
    export_pdf(window, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    image = _page_image(pdf, tmp_path)
    assert image.width() > 300 and image.height() > 400
    colours = _colours(image)
    white = colours.get("#ffffff", 0)
    assert white < 0.97 * sum(colours.values())  # not blank: text and highlights
    dark = sum(n for name, n in colours.items() if QColor(name).lightness() < 100)
    assert dark > 200  # text
    labels = {e.label for e in analysis.entities}
    for label in ("PERSON", "GPE") if {"PERSON", "GPE"} <= labels else labels:
        assert _has(colours, theme.LIGHT.type_style(label).background), label  # printed in the light theme


def test_the_printed_copy_has_a_legend_and_leaves_out_hidden_types(shown, synthetic):
    shown.legend.set_label_visible("GPE", False)
    doc = article_document(shown)
    text = doc.toPlainText()
    assert "Highlights:" in text and re.search(r"People\s+4\b", text) and re.search(r"Quotations\s+4\b", text)
    assert "Organisations" in text and "Countries" not in text  # hidden in the legend, left out of the print
    assert "Quotations" in text
    assert "Maria Lopez met officials" in text

    def background_at(needle: str):
        from PySide6.QtGui import QTextCursor

        found = doc.find(needle)
        cursor = QTextCursor(doc)
        cursor.setPosition(found.selectionStart() + 1)
        brush = cursor.charFormat().background()
        return brush.color() if brush.style() != brush.style().NoBrush else None

    assert background_at("Maria Lopez met") == theme.LIGHT.type_style("PERSON").background
    assert background_at("Paris on Monday") is None  # hidden
    from reader.ui.printing import QUOTE_TINT

    assert background_at("rebuild the port") == QUOTE_TINT
    # Links keep their look, but a printed link is not a link (a flagged one must not become clickable).
    found = doc.find("the script link")
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(doc)
    cursor.setPosition(found.selectionStart() + 1)
    assert cursor.charFormat().foreground().color() == theme.LIGHT.link_danger
    assert not cursor.charFormat().isAnchor()


def test_dark_theme_on_screen_still_prints_on_white(shown):
    shown.set_theme(theme.DARK)
    doc = article_document(shown)
    found = doc.find("Maria Lopez met")
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(doc)
    cursor.setPosition(found.selectionStart() + 1)
    assert cursor.charFormat().background().color() == theme.LIGHT.type_style("PERSON").background
    shown.set_theme(theme.LIGHT)


@needs_pdftoppm
def test_print_goes_to_the_chosen_printer_and_cancel_prints_nothing(shown, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    target = tmp_path / "printed.pdf"
    answers = []

    class FakeDialog:
        def __init__(self, printer: QPrinter, parent) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return answers.pop(0)

    from PySide6 import QtPrintSupport

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", FakeDialog)
    answers.append(QDialog.DialogCode.Rejected)
    print_article(shown)
    assert not target.exists()
    answers.append(QDialog.DialogCode.Accepted)
    print_article(shown)
    assert target.read_bytes().startswith(b"%PDF")
    colours = _colours(_page_image(target, tmp_path))
    assert _has(colours, theme.LIGHT.type_style("PERSON").background, at_least=5)


def test_nothing_to_print_without_an_article(window, tmp_path):
    export_pdf(window, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    assert article_document(window) is None


def test_an_unwritable_path_is_an_os_error_with_its_reason(shown, tmp_path):
    with pytest.raises(OSError) as raised:
        export_pdf(shown, tmp_path / "no such folder" / "x.pdf")
    assert raised.value.strerror  # the window shows it: "Could not write …: No such file or directory"
    assert shown.export_pdf_to(tmp_path / "no such folder" / "x.pdf") is False
    assert any("No such file" in m for m in shown.message_bar.messages("error"))
