"""What the entity stages share: the working mention, labels, name words, edges and overlaps."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import alternation
from ..lexicon.names import CAPITALISED_RUN_CONNECTORS, NAME_PARTICLES, PERSON_TITLES
from ..model import Block, Span

NAME_LABELS = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())


PROPAGATED_LABELS = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT".split())


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


TOKEN = re.compile(r"[^\s]+")


EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?*•·|/\\—–-"


POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


# Capital letters of the Latin alphabets: "Świątek", "Țiriac", "Ødegaard" start names as "Smith" does.
UPPER = "A-Z" + "".join(sorted({char for char in map(chr, range(0xC0, 0x250)) if char.isupper()}))
NAME_WORD = rf"(?:[A-Z]\.(?:[A-Z]\.)*|[{UPPER}][\w'’]*(?:-[{UPPER}][\w'’]*)*)"


RUN_CONNECTOR = alternation(CAPITALISED_RUN_CONNECTORS)


CAPITALISED_RUN = re.compile(rf"(?<![\w'’-]){NAME_WORD}(?:[ \t]+(?:(?:{RUN_CONNECTOR})[ \t]+)?{NAME_WORD})*")



@dataclass
class Candidate:
    """A mention being worked on (mutable until it becomes a model.Mention)."""

    start: int
    end: int
    label: str
    source: str
    title: str | None = None  # a title written just before it ("President", "Mr")


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
        end -= 1
    if end > start and text[end - 1] == ".":
        last_word = text[start:end - 1].rsplit(None, 1)[-1] if text[start:end - 1].strip() else ""
        if "." not in last_word:
            end -= 1  # a sentence's full stop, not an abbreviation's ("U.S.")
    possessive = POSSESSIVE.search(text, start, end)
    if possessive and possessive.start() > start:
        end = possessive.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
        end -= 1
    return start, end


# Sources that outrank the model: titles and cases hold names of their own ("North of Helsinki"), a plain
# amount beats a bare number, "Syrian army" beats "Syrian". Ranked with the model: the rules recogniser, a
# club seen on sight in a sports story ("Sheffield Wednesday" over a date), a known name holding a shorter
# mention. Below it: other occurrences of known names, then the gazetteer's.
_BEFORE_MODEL = frozenset({"institution", "title", "amount"})
_WITH_MODEL = frozenset({"model", "rule", "club", "known"})


def _rank(source: str) -> int:
    return 0 if source in _BEFORE_MODEL else 1 if source in _WITH_MODEL else 3 if source == "gazetteer" else 2


def resolve_overlaps(mentions: Iterable[Candidate]) -> list[Candidate]:
    """Keep non-overlapping mentions: longer first, then the model's over propagated ones."""
    # A club seen on sight in a sports story ranks with the model: "Sheffield Wednesday" over a date.
    ordered = sorted(mentions, key=lambda m: (_rank(m.source), -(m.end - m.start), m.start))
    if not ordered:
        return []
    # One byte per character: finding a taken character in a span is a C-speed search.
    taken = bytearray(max(m.end for m in ordered))
    kept: list[Candidate] = []
    for mention in ordered:
        if taken.find(1, mention.start, mention.end) != -1:
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        kept.append(mention)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def name_key(text: str, mention: Candidate | Span) -> str:
    return normalise(text[mention.start:mention.end])


def normalise(surface: str) -> str:
    surface = unicodedata.normalize("NFKC", surface).replace("’", "'").replace("-", " ")
    return " ".join(surface.split()).casefold()


def name_words(surface: str) -> list[str]:
    """Lower-cased name words without particles or titles: "Mr Al-Assad" -> ["assad"]."""
    words = normalise(surface).replace(".", " ").split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words = words[1:]
    return [word for word in words if word not in NAME_PARTICLES] or words


def inside(blocks: Sequence[Block], starts: list[int], offset: int) -> bool:
    """Does ``offset`` fall in one of ``blocks`` (sorted, disjoint; ``starts`` their starts)?"""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < blocks[index].end

