"""Highlights: painted over the visible lines (``PaintLayer``, ``line_boxes``), or as formats.

The reading view paints entity, focus, find and quote highlights itself, from sorted document
positions, over the lines on screen only: an analysis changes no character format, so the
document is neither re-formatted nor laid out again (see article_view.py).

``Highlighter`` writes character formats into a document: links (anchors the view needs to
click, hover and tab through) and the printed copy (printing.py). Each layer is a list of
(start, end, format) in document positions. Changing a layer
restyles only the ranges it touched: those ranges go back to their base format, then
every layer is merged over them again, in order. ExtraSelections are not used: they
repaint slowly with thousands of marks. A full render is meant for a document that is
not yet shown in a view: then no layout runs until the view lays it out, lazily.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import count
from operator import itemgetter, sub
from typing import NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

Mark = tuple[int, int, QTextCharFormat]

LAYERS = ("quotes", "entities", "links", "focus", "find")  # later layers win


class _Layer:
    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self.marks = sorted((m for m in marks if m[1] > m[0]), key=itemgetter(0))
        self.starts = [m[0] for m in self.marks]
        self.longest = max((m[1] - m[0] for m in self.marks), default=0)

    def overlapping(self, start: int, end: int) -> list[Mark]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [m for m in self.marks[lo:hi] if m[1] > start]

    def ranges(self) -> list[tuple[int, int]]:
        return [(m[0], m[1]) for m in self.marks]


class Highlighter:
    """The layers of one document. Fill them, then ``render`` (all) or ``restyle`` (what changed)."""

    def __init__(self, document: QTextDocument, base: list[Mark]) -> None:
        self._document = document
        self._base = base  # each block's text with its base character format
        self._base_starts = [m[0] for m in base]
        self._layers: dict[str, _Layer] = {name: _Layer() for name in LAYERS}

    @property
    def document(self) -> QTextDocument:
        return self._document

    def marks(self, layer: str) -> list[Mark]:
        return self._layers[layer].marks

    def set_layer(self, name: str, marks: Iterable[Mark]) -> list[tuple[int, int]]:
        """Replace a layer; returns the ranges whose look may have changed (to ``restyle``)."""
        old = self._layers[name]
        new = self._layers[name] = _Layer(marks)
        return old.ranges() + new.ranges()

    def render(self) -> None:
        """Apply every layer to a freshly built document (its text already has the base formats).

        The fast path of ``restyle`` over everything: tens of thousands of marks, so no base reset,
        no clipping to a region, and the cursor's methods looked up once.
        """
        cursor = QTextCursor(self._document)
        move, merge = cursor.setPosition, cursor.mergeCharFormat
        cursor.beginEditBlock()
        for name in LAYERS:
            for start, end, fmt in self._layers[name].marks:
                move(start)
                move(end, _KEEP)
                merge(fmt)
        cursor.endEditBlock()

    def restyle(self, ranges: Iterable[tuple[int, int]]) -> None:
        regions = _merged(ranges)
        if not regions:
            return
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        for start, end in regions:
            for s, e, fmt in self._base_overlapping(start, end):
                _select(cursor, max(s, start), min(e, end))
                cursor.setCharFormat(fmt)
            for name in LAYERS:
                for s, e, fmt in self._layers[name].overlapping(start, end):
                    _select(cursor, max(s, start), min(e, end))
                    cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def _base_overlapping(self, start: int, end: int) -> list[Mark]:
        lo = max(bisect_right(self._base_starts, start) - 1, 0)
        hi = bisect_left(self._base_starts, end)
        return [m for m in self._base[lo:hi] if m[1] > start]


_KEEP = QTextCursor.MoveMode.KeepAnchor


def _select(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, _KEEP)


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


# --------------------------------------------------------------------------- painted highlights


class PaintLayer:
    """Ranges in document positions, sorted by start, each with a key (a label, an index...)."""

    __slots__ = ("ends", "keys", "longest", "starts")

    def __init__(self, starts: list[int], ends: list[int], keys: list) -> None:
        self.starts, self.ends, self.keys = starts, ends, keys
        self.longest = max(map(sub, ends, starts), default=0)

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]], keys: Iterable | None = None) -> PaintLayer:
        """From (start, end) pairs in any order, with a key each (by default the pair's index)."""
        rows = [(s, e, k) for (s, e), k in zip(spans, keys if keys is not None else count(), strict=False) if e > s]
        rows.sort(key=itemgetter(0))
        return cls([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])

    @classmethod
    def empty(cls) -> PaintLayer:
        return cls([], [], [])

    def __len__(self) -> int:
        return len(self.starts)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices of the ranges overlapping [start, end), by start."""
        ends = self.ends
        lo = bisect_left(self.starts, start - self.longest)
        return [i for i in range(lo, bisect_left(self.starts, end)) if ends[i] > start]

    def at(self, position: int) -> list[int]:
        """Indices of the ranges holding ``position``, the latest start first."""
        return self.overlapping(position, position + 1)[::-1]


class LineBox(NamedTuple):
    rect: QRectF  # document coordinates: the part of one line the range takes
    baseline: float  # document y of that line's baseline
    ascent: float
    descent: float


def line_boxes(document: QTextDocument, start: int, end: int) -> list[LineBox]:
    """Where the text [start, end) is, in document coordinates: one box per line it is on.

    Read from the layout the view made (block by block, line by line); asking for a block's
    rectangle lays out at most up to that block, which the view has done for what it shows.
    """
    boxes: list[LineBox] = []
    layout = document.documentLayout()
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        base = block.position()
        box = layout.blockBoundingRect(block)  # lays the block out if it was not yet
        text_layout = block.layout()
        lines = text_layout.lineCount() if text_layout is not None else 0
        if lines:
            origin = box.topLeft() - text_layout.boundingRect().topLeft()
            a = max(start, base) - base
            b = min(end, base + block.length() - 1) - base
            line = text_layout.lineForTextPosition(a)
            n = line.lineNumber() if line.isValid() else 0
            while n < lines:
                line = text_layout.lineAt(n)
                first = line.textStart()
                last = first + line.textLength()
                x1 = line.cursorToX(max(a, first))[0]
                x2 = line.cursorToX(min(b, last))[0]
                if last < b or b == last:  # a line's trailing space is never highlighted (nor was it as a format)
                    x1, x2 = (min(x, line.x() + line.naturalTextWidth()) for x in (x1, x2))
                if x2 != x1:
                    top = origin.y() + line.y()
                    boxes.append(LineBox(QRectF(origin.x() + min(x1, x2), top, abs(x2 - x1), line.height()),
                                         top + line.ascent(), line.ascent(), line.descent()))
                if last >= b:
                    break
                n += 1
        block = block.next()
    return boxes
