"""Rule-based sentence splitting: fast, deterministic and good enough for news prose.

A sentence ends at . ! ? or … (with any closing quotes or brackets after it) when
whitespace and a capital, digit or opening quote follow, unless the word before the
full stop is a known abbreviation or a single initial. Blocks (paragraphs) always
end a sentence. A statistical parser would do a little better, at many times the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon.abbreviations import SENTENCE_ABBREVIATIONS
from .model import Span

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str, blocks: Iterable[Span] = ()) -> tuple[Span, ...]:
    regions = [Span(block.start, block.end) for block in blocks] or [Span(0, len(text))]
    sentences: list[Span] = []
    for region in regions:
        sentences.extend(_split_region(text, region.start, region.end))
    return tuple(sentences)


def _split_region(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    segment = text[start:end]
    cursor = 0
    for match in _CANDIDATE.finditer(segment):
        if match.group().startswith(".") and _is_abbreviation(segment, match.start()):
            continue
        _append(spans, text, start + cursor, start + match.end())
        cursor = match.end()
    _append(spans, text, start + cursor, end)
    return spans


def _is_abbreviation(segment: str, dot: int) -> bool:
    before = _WORD_BEFORE.search(segment[max(0, dot - 20):dot + 1])
    if not before:
        return False
    word = before.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word in SENTENCE_ABBREVIATIONS or (word.replace(".", "") in {"us", "uk", "un", "eu"} and "." in word)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past whitespace (equal when only whitespace was there)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        spans.append(Span(start, end))


def sentence_at(sentences: tuple[Span, ...] | list[Span], offset: int) -> Span | None:
    """The sentence holding ``offset`` (binary search; sentences are sorted and disjoint)."""
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        sentence = sentences[middle]
        if offset < sentence.start:
            high = middle - 1
        elif offset >= sentence.end:
            low = middle + 1
        else:
            return sentence
    return None
