"""Article -> QTextDocument, and the map between the core's offsets and document positions.

The core counts Python string indices; a QTextDocument counts UTF-16 units and puts
one separator between blocks. Each article block becomes one document block; the
whitespace between blocks is not shown. ``OffsetMap`` converts both ways.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import add, itemgetter, le, sub
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)

from .theme import Theme

if TYPE_CHECKING:
    from ..core.model import Article

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_HEADING_SCALE = {"h1": 1.7, "h2": 1.4, "h3": 1.2, "h4": 1.08, "h5": 1.0, "h6": 1.0, "title": 1.9}


class Piece(NamedTuple):
    """A stretch of the article's text shown as one block."""

    start: int
    end: int
    kind: str


class Segment(NamedTuple):
    start: int  # text offsets
    end: int
    position: int  # document position of ``start``
    kind: str


class OffsetMap:
    """Text offsets <-> document positions for the segments shown."""

    def __init__(self, text: str, segments: list[Segment], length: int) -> None:
        self._segments = segments
        self._starts = [s.start for s in segments]
        self._positions = [s.position for s in segments]
        self._ends = [s.end for s in segments]
        self._shifts = [s.position - s.start for s in segments]
        self._length = length  # characters in the document
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [a + k for k, a in enumerate(self._astral)]

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    def _utf16(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def _from_utf16(self, unit: int) -> int:
        return unit - bisect_left(self._astral16, unit) if self._astral else unit

    def position(self, offset: int) -> int:
        """The document position of a text offset (offsets between blocks go to the next block)."""
        starts = self._starts
        if not starts:
            return 0
        i = bisect_right(starts, offset) - 1
        if i < 0:
            i, offset = 0, starts[0]
        segment = self._segments[i]
        if offset > segment.end:
            if i + 1 < len(starts):
                segment, offset = self._segments[i + 1], starts[i + 1]
            else:
                offset = segment.end
        if self._astral:
            return segment.position + self._utf16(offset) - self._utf16(segment.start)
        return segment.position + offset - segment.start  # the common case: no character beyond the BMP

    def offset(self, position: int) -> int | None:
        """The text offset at a document position; None outside the article's text (e.g. its header)."""
        if not self._segments or position < self._positions[0] or position > self._length:
            return None
        segment = self._segments[bisect_right(self._positions, position) - 1]
        unit = position - segment.position + self._utf16(segment.start)
        return min(self._from_utf16(unit), segment.end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.position(start), self.position(end)

    def spans(self, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Many spans at once (tens of thousands of mentions): one bisect each when inside a block."""
        starts, ends = self.positions([s for s, _ in pairs], [e for _, e in pairs])
        return list(zip(starts, ends, strict=True))

    def positions(self, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
        """``spans`` for parallel lists of starts and ends, in C-level loops when all lie inside blocks.

        25,000 mentions: a few milliseconds (map over bisect and itemgetter) instead of a Python loop.
        """
        if not starts:
            return [], []
        if self._astral or not self._segments:
            pairs = [(self.position(s), self.position(e)) for s, e in zip(starts, ends, strict=True)]
            return [a for a, _ in pairs], [b for _, b in pairs]
        found = list(map(sub, map(bisect_right, repeat(self._starts), starts), repeat(1)))
        if min(found) >= 0:
            pick = itemgetter(*found) if len(found) > 1 else (lambda seq: (seq[found[0]],))
            inside = pick(self._ends)
            if all(map(le, ends, inside)):
                shifts = pick(self._shifts)
                return list(map(add, starts, shifts)), list(map(add, ends, shifts))
        position = self.position  # some span crosses a block's end or starts before the first: one by one
        out_starts, out_ends = [], []
        for s, e, i in zip(starts, ends, found, strict=True):
            if i >= 0 and e <= self._ends[i]:
                out_starts.append(s + self._shifts[i])
                out_ends.append(e + self._shifts[i])
            else:
                out_starts.append(position(s))
                out_ends.append(position(e))
        return out_starts, out_ends


def segments_of(article: Article) -> list[Piece]:
    """The blocks to show: the article's own, plus any text between them that is not blank."""
    text = article.text
    blocks = sorted((Piece(b.start, b.end, b.kind) for b in article.blocks), key=lambda b: (b.start, b.end)) \
        or [Piece(0, len(text), "p")]
    shown: list[Piece] = []
    cursor = 0
    for block in blocks:
        if block.start < cursor:
            continue  # nested or overlapping: the outer block already shows this text
        if text[cursor:block.start].strip():
            shown.append(_trimmed(text, cursor, block.start))
        shown.append(block)
        cursor = block.end
    if text[cursor:].strip():
        shown.append(_trimmed(text, cursor, len(text)))
    return shown


def _trimmed(text: str, start: int, end: int) -> Piece:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end, "p")


class Typography:
    """Fonts and spacing for the reading view at one size."""

    def __init__(self, font: QFont, theme: Theme) -> None:
        self.font = font
        self.theme = theme
        self._formats: dict[str, tuple[QTextBlockFormat, QTextCharFormat]] = {}  # per kind: thousands of blocks

    def formats(self, kind: str) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """The block and character formats of one kind of block, made once."""
        made = self._formats.get(kind)
        if made is None:
            made = self._formats[kind] = (self.block_format(kind), self.char_format(kind))
        return made

    @property
    def em(self) -> float:
        return self.font.pointSizeF() * 96 / 72

    @property
    def natural_line(self) -> float:
        return QFontMetricsF(self.font).lineSpacing()

    def block_format(self, kind: str) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        em = self.em
        # Line height as a multiple of the font size, whatever the font's own line gap (Charis SIL's is large).
        ratio = (1.7 if kind not in _HEADING_SCALE else 1.25) * em / self.natural_line
        fmt.setLineHeight(round(100 * ratio), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(em * (0.85 if kind not in _HEADING_SCALE else 0.45))
        if kind in _HEADING_SCALE:
            fmt.setTopMargin(em * 0.9)
        if kind == "blockquote":
            fmt.setLeftMargin(em * 1.5)
            fmt.setRightMargin(em * 1.0)
        elif kind == "li":
            fmt.setLeftMargin(em * 1.2)
        elif kind == "byline":
            fmt.setBottomMargin(em * 1.4)
        return fmt

    def char_format(self, kind: str) -> QTextCharFormat:
        """The base look of a block's text, before any highlight."""
        fmt = QTextCharFormat()
        if kind in _HEADING_SCALE:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self.font.pointSizeF() * _HEADING_SCALE[kind])
        elif kind == "blockquote":
            fmt.setFontItalic(True)
        elif kind == "pre":
            fmt.setFontFamilies(["DejaVu Sans Mono", "monospace"])
            fmt.setFontPointSize(self.font.pointSizeF() * 0.85)
        elif kind == "byline":
            fmt.setForeground(self.theme.muted)
            fmt.setFontPointSize(self.font.pointSizeF() * 0.85)
        return fmt


class Built(NamedTuple):
    offsets: OffsetMap
    base: list[tuple[int, int, QTextCharFormat]]  # document ranges with their base character format


def build(document: QTextDocument, article: Article, typography: Typography) -> Built:
    """Fill ``document`` with the article: a header (title, byline) then one block per article block."""
    document.clear()
    document.setDefaultFont(typography.font)
    document.setUndoRedoEnabled(False)
    text = article.text
    shown = segments_of(article)
    header = _header_lines(article, text, shown)
    base: list[tuple[int, int, QTextCharFormat]] = []
    segments: list[Segment] = []
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    first = True
    for kind, start, end, line in [(k, -1, -1, t) for k, t in header] + [(b.kind, b.start, b.end, None) for b in shown]:
        block_fmt, char_fmt = typography.formats(kind)
        if first:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(char_fmt)
            first = False
        else:
            cursor.insertBlock(block_fmt, char_fmt)
        position = cursor.position()
        cursor.insertText(line if line is not None else text[start:end], char_fmt)
        base.append((position, cursor.position(), char_fmt))
        if line is None:
            segments.append(Segment(start, end, position, kind))
    cursor.endEditBlock()
    return Built(OffsetMap(text, segments, document.characterCount() - 1), base)


def _header_lines(article: Article, text: str, shown: list[Piece]) -> list[tuple[str, str]]:
    meta = article.metadata
    lines: list[tuple[str, str]] = []
    opening = text[shown[0].start:shown[0].end].strip() if shown else ""
    if meta.title and meta.title.strip() != opening:
        lines.append(("title", meta.title.strip()))
    byline = " · ".join(part for part in (meta.byline, meta.site_name, meta.date) if part)
    if byline:
        lines.append(("byline", byline))
    return lines


def set_measure(document: QTextDocument, viewport_width: int, measure: float, em: float) -> None:
    """Centre a column of ``measure`` pixels, with at least ``2em`` either side when there is room."""
    side = max(em * 1.2, (viewport_width - measure) / 2)
    frame = document.rootFrame()
    fmt: QTextFrameFormat = frame.frameFormat()
    if abs(fmt.leftMargin() - side) < 1 and fmt.topMargin() == round(em * 1.8):
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(round(em * 1.8))
    fmt.setBottomMargin(round(em * 3))
    frame.setFrameFormat(fmt)
