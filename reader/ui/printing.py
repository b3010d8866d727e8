"""File > Print and Export > PDF: the article on screen, with its highlights and a legend.

The reading view paints its highlights over the lines it shows; they are not in its
document. A printed copy is therefore a document of its own: built from the article like
the view's (document.py), in the light theme at a print size, with the highlights written
into it as character formats (highlights.Highlighter) and a legend of the entity types
above the text. What the reader hid in the legend is left out; quotes are tinted when
their marks are shown. Links keep their look but are not links in the PDF (a flagged one
must not become clickable there).

``print_article(window)`` asks for a printer (QPrintDialog); ``export_pdf(window, path)``
writes A4 pages with QPdfWriter. Both take what they need from ``window.view``.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QDialog, QWidget

from . import document, theme
from .highlights import Highlighter
from .privacy import LocalOnlyDocument

if TYPE_CHECKING:

    from ..core.model import Analysis, Article

PRINT_POINT_SIZE = 10.5
MARGINS_MM = QMarginsF(0, 0, 0, 0)  # QTextDocument.print_ adds its own 2 cm all round
QUOTE_TINT = QColor("#ebe6f2")  # quotes on paper: a faint lilac, under the entity colours


def print_article(window: QWidget) -> None:
    """Ask for a printer and print the article on screen with its highlights and legend."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - only when printing

    doc = article_document(window)
    if doc is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(_title(window.view.article))
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle("Print Article")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    doc.print_(printer)


def export_pdf(window: QWidget, path: str | os.PathLike[str]) -> None:
    """Write the article on screen, with its highlights and legend, as an A4 PDF at ``path``.

    Raises OSError (with the system's reason) when the file cannot be written: QPdfWriter
    itself says nothing, so the file is opened here first.
    """
    doc = article_document(window)
    if doc is None:
        return
    path = os.fspath(path)
    with open(path, "wb"):  # FileNotFoundError, PermissionError, IsADirectoryError... with their strerror
        pass
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(_title(window.view.article))
    writer.setCreator("Reader")
    doc.print_(writer)
    del writer  # the file is complete once the writer is gone
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise OSError(errno.EIO, "nothing was written", path)


def article_document(window: QWidget) -> QTextDocument | None:
    """The printed copy of what ``window.view`` shows: legend, then the article with its highlights."""
    view = window.view
    article: Article | None = view.article
    if article is None:
        return None
    analysis: Analysis | None = view.analysis
    hidden = view.hidden_labels()
    quotes = view.quote_marks_visible()
    paper = theme.LIGHT
    font = theme.reading_font(PRINT_POINT_SIZE)
    body = LocalOnlyDocument()
    body.setUndoRedoEnabled(False)
    built = document.build(body, article, document.Typography(font, paper))
    highlighter = Highlighter(body, built.base)
    if analysis is not None:
        spans = built.offsets.spans
        entities = []
        for entity in analysis.entities:
            if entity.label in hidden:
                continue
            fmt = _entity_format(paper.type_style(entity.label))
            entities.extend((a, b, fmt) for a, b in spans([(m.start, m.end) for m in entity.mentions]))
        highlighter.set_layer("entities", entities)
        if quotes and analysis.quotes:
            tint = QTextCharFormat()
            tint.setBackground(QUOTE_TINT)
            quoted = spans([(q.start, q.end) for q in analysis.quotes])
            highlighter.set_layer("quotes", [(a, b, tint) for a, b in quoted])
    highlighter.set_layer("links", _link_marks(article, analysis, built.offsets, paper))
    highlighter.render()

    doc = LocalOnlyDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    _legend(cursor, analysis, hidden, quotes, paper, font)
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertFragment(QTextDocumentFragment(body))
    cursor.endEditBlock()
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, _title(article))
    return doc


def _legend(cursor: QTextCursor, analysis: Analysis | None, hidden: set[str], quotes: bool, paper: theme.Theme,
            font: QFont) -> None:
    """One line: each entity type shown, in its own look, with its count (and the quotes' tint)."""
    block = QTextBlockFormat()
    block.setBottomMargin(font.pointSizeF() * 0.8)
    block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    small = QTextCharFormat()
    small.setFontPointSize(font.pointSizeF() * 0.85)
    small.setForeground(paper.muted)
    cursor.setBlockFormat(block)
    counts: dict[str, int] = {}
    for entity in analysis.entities if analysis else ():
        counts[entity.label] = counts.get(entity.label, 0) + len(entity.mentions)
    order = {label: i for i, label in enumerate(theme.TYPE_ORDER)}
    ranked = sorted(counts, key=lambda name: (order.get(name, len(order)), name))
    shown = [label for label in ranked if label not in hidden]
    if not shown:
        cursor.insertText("Not analysed: no highlights." if analysis is None else "No highlights.", small)
        return
    cursor.insertText("Highlights:  ", small)
    for label in shown:
        style = paper.type_style(label)
        sample = _entity_format(style)
        sample.setFontPointSize(font.pointSizeF() * 0.85)
        cursor.insertText(f"\u00a0{style.name}\u00a0", sample)
        cursor.insertText(f"\u00a0{counts[label]}    ", small)
    if quotes and analysis is not None and analysis.quotes:
        tint = QTextCharFormat(small)
        tint.setBackground(QUOTE_TINT)
        tint.setForeground(paper.ink)
        cursor.insertText("\u00a0Quotations\u00a0", tint)
        cursor.insertText(f"\u00a0{len(analysis.quotes)}", small)


def _entity_format(style: theme.TypeStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(style.background)
    fmt.setUnderlineStyle(style.underline_style)
    fmt.setUnderlineColor(style.underline)
    return fmt


def _link_marks(article: Article, analysis: Analysis | None, offsets: document.OffsetMap, paper: theme.Theme):
    policies = {link.start: link.policy for link in analysis.links} if analysis else {}
    marks = []
    for span in article.links:
        policy = policies.get(span.start, "open")
        colour = {"never": paper.link_danger, "confirm": paper.link_warning}.get(policy, paper.link)
        fmt = QTextCharFormat()
        fmt.setForeground(colour)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if policy == "never"
                              else QTextCharFormat.UnderlineStyle.DashUnderline if policy == "confirm"
                              else QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        marks.append((*offsets.span(span.start, span.end), fmt))
    return marks


def _title(article: Article | None) -> str:
    if article is None:
        return "Article"
    return (article.title or os.path.basename(article.source) or "Article").strip()
