"""Offsets: the core counts Python characters, the document counts UTF-16 units and block separators."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.core.model import Article, Block, Metadata
from reader.ui import document, theme

pytestmark = pytest.mark.usefixtures("qapp")


def _slice(doc, a, b):
    """Document positions [a, b) as text (positions count UTF-16 units, so Python slicing would not do)."""
    cursor = QTextCursor(doc)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def _build(article):
    doc = QTextDocument()
    built = document.build(doc, article, document.Typography(theme.reading_font(), theme.LIGHT))
    return doc, built.offsets


def test_offsets_survive_astral_characters_and_dropped_gaps():
    text = "Fans 🎉🎉 cheered Zoë.\n\n\n   Then 👍🏽 Ana Lima spoke.\n\nEnd."
    blocks = (Block(0, 20, "p"), Block(text.index("Then"), text.index("spoke.") + 6, "p"),
              Block(text.index("End."), len(text), "h2"))
    doc, offsets = _build(Article("x.txt", text, blocks))
    for needle in ("Zoë", "Ana Lima", "End", "🎉", "cheered"):
        start = text.index(needle)
        a, b = offsets.span(start, start + len(needle))
        assert _slice(doc, a, b) == needle
        assert offsets.offset(a) == start
    assert offsets.offset(offsets.position(text.index("🎉") + 1) - 1) == text.index("🎉") + 0


def test_text_outside_blocks_is_still_shown():
    text = "Heading\n\nStray paragraph not in a block.\n\nLast one."
    blocks = (Block(0, 7, "h1"), Block(text.index("Last"), len(text), "p"))
    doc, offsets = _build(Article("x.txt", text, blocks))
    assert "Stray paragraph" in doc.toPlainText()
    start = text.index("Stray")
    a, b = offsets.span(start, start + 5)
    assert _slice(doc, a, b) == "Stray"


def test_header_is_outside_the_article_offsets():
    text = "Body text here."
    doc, offsets = _build(Article("x.html", text, (Block(0, len(text)),),
                                  metadata=Metadata(title="A Title", byline="By Someone", date="2024-12-05")))
    plain = doc.toPlainText()
    assert plain.startswith("A Title\u2029By Someone · 2024-12-05") or plain.startswith("A Title\nBy Someone")
    assert offsets.offset(0) is None
    a, b = offsets.span(0, 4)
    assert _slice(doc, a, b) == "Body"


def test_articles_without_blocks_show_their_whole_text():
    text = "Line one\nline two\n\nline three"
    doc, offsets = _build(Article("x.txt", text))
    start = text.index("three")
    a, b = offsets.span(start, start + 5)
    assert _slice(doc, a, b) == "three"


def test_many_spans_at_once_agree_with_one_by_one():
    """``positions`` (C-level loops) agrees with ``position``, also across blocks and before the first."""
    import random

    text = "Fans 🎉 cheered.\n\nThen Ana spoke.\n\n\n   End of it."
    plain = text.replace("🎉", "xx")
    for body in (plain, text):
        blocks = (Block(0, body.index(".") + 1, "p"), Block(body.index("Then"), body.index("spoke.") + 6, "p"),
                  Block(body.index("End"), len(body), "p"))
        _doc, offsets = _build(Article("x.txt", body, blocks))
        rng = random.Random(3)
        starts = sorted(rng.randrange(len(body)) for _ in range(200))
        ends = [min(len(body), s + rng.randrange(1, 12)) for s in starts]
        got = offsets.positions(starts, ends)
        assert got == ([offsets.position(s) for s in starts], [offsets.position(e) for e in ends])
        inside = [(b.start + 1, b.start + 3) for b in blocks]
        assert offsets.spans(inside) == [offsets.span(s, e) for s, e in inside]
    assert offsets.positions([], []) == ([], [])
