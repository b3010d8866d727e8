"""Highlights as character formats, in layers, applied inside one edit block.

Each layer is a list of (start, end, format) in document positions. Changing a layer
restyles only the ranges it touched: those ranges go back to their base format, then
every layer is merged over them again, in order. ExtraSelections are not used: they
repaint slowly with thousands of marks. A full render is meant for a document that is
not yet shown in a view: then no layout runs until the view lays it out, lazily.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import itemgetter

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

Mark = tuple[int, int, QTextCharFormat]

LAYERS = ("entities", "links", "focus", "find")  # later layers win


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
