"""The model-free recogniser: capitalisation, cue words and date patterns.

It is what the reader falls back to when no model is installed, and it says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..lexicon import title_case
from ..lexicon.function_words import RULES_SENTENCE_WORDS
from ..lexicon.names import RULES_PERSON_CUES, RULES_RUN_CONNECTORS
from ..lexicon.organisations import RULES_ORG_WORDS
from ..lexicon.time import MONTHS, WEEKDAYS, YEAR_PREPOSITIONS
from ..model import RawMention, Span
from .choice import RULES


class RulesRecogniser:
    """Capitalised word sequences, cue words and date patterns: a model-free baseline."""

    name = "rules (no statistical model)"
    model = RULES
    version: str | None = None

    # Capitalised words (hyphenated parts must be capitalised too: "Iranian-allied" stops at
    # "Iranian"), joined by spaces or lower-case name particles; a possessive ends the run.
    _WORD = r"(?:[A-Z][a-z\d]*(?:['’][A-Z][a-z]+)?(?:-[A-Z][\w]*)*[a-z\d]*|[A-Z]{2,})"
    _CAPITALISED = re.compile(rf"\b{_WORD}(?![\w-])"
                              rf"(?:[ \t]+(?:(?:{'|'.join(RULES_RUN_CONNECTORS)})[ \t]+)?{_WORD}(?![\w-]))*")
    _MONTHS = "|".join(month.title() for month in MONTHS)
    _DAYS = "|".join(day.title() for day in WEEKDAYS)
    _YEAR_PREPOSITIONS = frozenset(YEAR_PREPOSITIONS)
    _DATE = re.compile(
        rf"\b(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[5-9]|20)\d\d)?|(?:{_DAYS})"
        rf"|(?:{'|'.join(YEAR_PREPOSITIONS)})\s+(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d)\b"
    )
    _ORG_WORDS = title_case(RULES_ORG_WORDS)
    _PERSON_CUES = title_case(RULES_PERSON_CUES)
    _SENTENCE_WORDS = title_case(RULES_SENTENCE_WORDS)

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        mentions: list[RawMention] = []
        for region in regions:
            segment = text[region.start:region.end]
            taken: list[Span] = []
            for match in self._DATE.finditer(segment):
                start, end = match.span()
                words = match.group().split()
                if words[0].lower() in self._YEAR_PREPOSITIONS:
                    start += len(match.group()) - len(match.group().split(None, 1)[1])
                if words[-1] == "May" and len(words) == 1:
                    continue  # the verb, far more often than the month
                mentions.append(RawMention(region.start + start, region.start + end, "DATE", "rule"))
                taken.append(Span(start, end))
            for match in self._CAPITALISED.finditer(segment):
                start, end = match.span()
                if any(span.overlaps(Span(start, end)) for span in taken):
                    continue
                words = match.group().split()
                label = self._label(words, segment[max(0, start - 30):start])
                while words and words[0] in self._SENTENCE_WORDS:
                    start += len(words[0]) + 1
                    words = words[1:]
                if not words or label is None:
                    continue
                mentions.append(RawMention(region.start + start, region.start + end, label, "rule"))
        if progress is not None:
            progress(1.0)
        return mentions

    def _label(self, words: list[str], before: str) -> str | None:
        if len(words) == 1 and (words[0] in self._SENTENCE_WORDS or words[0].rstrip(".") in self._PERSON_CUES):
            return None
        if any(word in self._ORG_WORDS for word in words) or (
                len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            return "ORG"
        previous = before.split()[-1:] if before.split() else []
        if previous and previous[0].rstrip(".") in self._PERSON_CUES:
            return "PERSON"
        if len(words) >= 2:
            return "PERSON"
        # A lone unknown capitalised word: the entity stage's gazetteers and document-level
        # evidence turn places, nationalities and family names into what they are.
        return "ORG" if len(words) == 1 else None
