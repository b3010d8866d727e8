"""The model-free recogniser: capitalisation, cue words and date patterns.

It is what the reader falls back to when no model is installed, and it says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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
                              rf"(?:[ \t]+(?:(?:of|the|al|bin|de|del|van|von|der|la|le|du)[ \t]+)?{_WORD}(?![\w-]))*")
    _MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
    _DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    _DATE = re.compile(
        rf"\b(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[5-9]|20)\d\d)?|(?:{_DAYS})|(?:in|since|until|by|from|of|before|after)\s+(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d)\b"
    )
    _ORG_WORDS = frozenset(
        "Party Ministry Council Committee Commission Agency Bank Company Corporation Corp Inc Ltd "
        "University College Institute Association Union Organisation Organization Army Forces Force "
        "Police Court Parliament Congress Senate Department Office Group Front Movement Foundation "
        "News Times Post Journal Airlines Club Federation Authority Assembly Companies Brigades Brigade "
        "Guards Corps Battalion Regiment Division Fund Bureau Service Services Network Institute".split()
    )
    _PERSON_CUES = frozenset(
        "Mr Mrs Ms Dr President Minister Senator Governor General Judge Prince Princess King Queen "
        "Sheikh Pope Chancellor Professor Prof Rev Sir Dame Lord Lady Colonel Captain".split()
    )
    _SENTENCE_WORDS = frozenset(
        "The A An But And Or So If When While As In On At For From By With After Before This That "
        "These Those It He She They We I You His Her Their Its Our My There Here What Who Why How "
        "Some Many Most All No Yes Yet Still Also Even Then Now However Meanwhile".split()
    )

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        mentions: list[RawMention] = []
        for region in regions:
            segment = text[region.start:region.end]
            taken: list[Span] = []
            for match in self._DATE.finditer(segment):
                start, end = match.span()
                words = match.group().split()
                if words[0].lower() in {"in", "since", "until", "by", "from", "of", "before", "after"}:
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
