"""Messages in the window: the same sentences as the CLI, and the analysis's notices shown as notices."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers import SAMPLE_TIMEOUT_MS

ROOT = Path(__file__).resolve().parents[2]
FRENCH = (
    "Le maire de Lyon a inauguré mardi le nouveau pont sur le Rhône, en présence de nombreux habitants "
    "venus assister à la cérémonie.\n\n"
    "« C'est une journée historique pour notre ville », a déclaré Claire Dubois devant la foule. Les travaux "
    "ont duré trois ans et ont coûté plus de quarante millions d'euros.\n"
)


def bad_file(kind: str, folder: Path) -> Path:
    path = folder / {"empty": "empty.html", "binary": "scan.html", "zip": "archive.txt", "missing": "gone.html",
                     "folder": "a-folder"}[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(300))
    elif kind == "zip":
        path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100))
    elif kind == "folder":
        path.mkdir()
    return path


def cli_message(path: Path) -> str:
    """The CLI's one line about ``path``, without its "reader: " prefix."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "reader", "analyze", str(path)], capture_output=True, text=True,
                            timeout=180, cwd=ROOT, env=env)
    assert result.returncode == 1 and result.stdout.strip().startswith("{")  # the error object, not a traceback
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("reader: ") and "Traceback" not in result.stderr
    return last[len("reader: "):]


@pytest.mark.parametrize("kind", ["empty", "binary", "zip", "missing", "folder"])
def test_the_window_and_the_cli_say_the_same(window, qtbot, tmp_path, kind):
    path = bad_file(kind, tmp_path)
    expected = cli_message(path)
    with qtbot.waitSignal(window.openFailed, timeout=10_000):
        window.open_path(path)
    row = window.message_bar.rows[-1]
    assert row.kind == "error" and row.isVisible()
    assert row.text.text() == expected  # what the reader sees, word for word
    assert str(path.name) in expected


def test_a_french_article_says_why_it_has_no_entities(window, qtbot, tmp_path):
    article = tmp_path / "pont.txt"
    article.write_text(FRENCH, encoding="utf-8")
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS) as shown:
        window.open_path(article)
    analysis = shown.args[0]
    assert analysis.entities == ()
    assert "Claire Dubois" in window.view.toPlainText()
    bar = window.message_bar
    notices = bar.messages("info")
    assert any(n.startswith("This article appears to be in French;") and "no entities are highlighted" in n
               for n in notices)
    assert bar.messages("error") == [] and bar.isVisible()
    row = next(r for r in bar.rows if "French" in r.message)
    assert row.kind == "info" and row.icon.text() == "ℹ" and row.text.text() == row.message
    qtbot.mouseClick(row.close_button, Qt.MouseButton.LeftButton)  # dismissible
    assert not any("French" in m for m in bar.messages())
    assert bar.isVisible() == bool(bar.messages())  # hidden once empty


def test_a_full_web_page_says_its_article_was_extracted(window, qtbot, data_dir):
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS):
        window.open_path(data_dir / "pages" / "ledger_semantic.html")
    assert any(m.startswith("Main article extracted from a full web page") for m in window.message_bar.messages("info"))


def test_every_notice_is_its_own_row_and_a_new_article_clears_them(shown, synthetic, qtbot):
    import dataclasses

    notices = ("No statistical entity model is installed; entities come from simple rules and will be less accurate.",
               "The document is very long; only its first 5,000,000 characters are shown.")
    shown.show_analysis(dataclasses.replace(synthetic, notices=notices))
    assert shown.message_bar.messages("info") == list(notices)
    shown.show_analysis(dataclasses.replace(synthetic, notices=notices[:1]))  # re-analysed: replaced, not added
    assert shown.message_bar.messages("info") == list(notices[:1])
    shown.message_bar.show_message("Could not open the file", "error", group="open")
    shown.show_analysis(dataclasses.replace(synthetic, notices=notices[1:]))
    assert shown.message_bar.messages() == ["Could not open the file", notices[1]]  # an error and a notice together
    shown.show_article(synthetic.article)
    assert shown.message_bar.messages() == [] and not shown.message_bar.isVisible()


def test_messages_are_plain_text(window):
    row = window.message_bar.show_message("<b>bold.html</b> <img src='http://127.0.0.1:9/x.png'> is empty", "error")
    assert row.text.textFormat() == Qt.TextFormat.PlainText
    assert row.text.text().startswith("<b>bold.html</b>")
