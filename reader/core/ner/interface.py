"""What every entity recogniser offers, and what they share: kept labels and chunking.

A recogniser proposes raw mentions (offsets and an OntoNotes label); everything after
that (gazetteers, consistency, clean-up, clustering) lives in ``entities`` and works
the same whichever recogniser ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from ..model import RawMention, Span

# Labels the reader keeps. Bare numbers (CARDINAL, ORDINAL) are not named entities to a reader.
KEPT_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME MONEY PERCENT QUANTITY".split()
)
CHUNK_CHARS = 100_000  # spaCy's cost grows with document length; chunks keep memory flat

# One text's entities as the model reports them: (start, end, label), offsets into that text.
Ents = list[tuple[int, int, str]]


class Recogniser(Protocol):
    name: str  # shown to the user: which recogniser produced the entities
    model: str  # the model as data, for code: "rules" or the spaCy package name
    version: str | None  # the model package's version ("3.8.0"); None for the rules

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        """Raw mentions in ``text``; ``regions`` are the blocks to read (mentions never cross them)."""
        ...


class ModelError(Exception):
    """A model could not be loaded (missing, damaged, or failing its integrity check)."""


def chunk_regions(text: str, regions: Iterable[Span], limit: int = CHUNK_CHARS) -> list[Span]:
    """Regions split so that none exceeds ``limit`` characters, cutting at sentence-ish boundaries."""
    chunks: list[Span] = []
    for region in regions:
        start = region.start
        while region.end - start > limit:
            cut = _cut_point(text, start, start + limit)
            chunks.append(Span(start, cut))
            start = cut
        if region.end > start:
            chunks.append(Span(start, region.end))
    return chunks


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end a chunk: the last sentence end, else line end, else space, in its second half."""
    for pattern in (". ", "\n", " "):
        position = text.rfind(pattern, start + (limit - start) // 2, limit)
        if position != -1:
            return position + len(pattern)
    return limit
