"""The model-free recogniser: capitalisation, cue words and date patterns.

It is what the reader falls back to when no model is installed, and it says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..lexicon import title_case
from ..lexicon.function_words import RULES_SENTENCE_WORDS
from ..lexicon.gazetteers import load_gazetteer
from ..lexicon.name_forms import CAPITAL_LETTERS, SURNAME_PREFIXES
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

    # Capitalised words in any Latin, Greek or Cyrillic alphabet ("Kučera", "Ødegaard"), holding digits,
    # inner capitals, a web suffix or an ampersand as brands do ("Jet2", "McDonald", "Otter.ai", "AT&T");
    # initials ("U.S.", "J.K."); hyphenated parts capitalised too ("Iranian-allied" is no name). Joined by
    # spaces or lower-case name particles, ending at a possessive; a model number may end the run
    # ("Ariane 6"), kept only where the words before it name something (see ``_number_kept``).
    _U = f"[{CAPITAL_LETTERS}]"
    _WORD = (rf"(?:[A-Z]{{1,3}}&[A-Z]{{1,3}}|(?:{_U}\.){{2,}}|{_U}\.(?=[ \t]+{_U})"
             rf"|{_U}\w*(?:['’]{_U}\w+)?(?:-{_U}\w*)*(?:\.[a-z]{{2,}})*)")
    _CAPITALISED = re.compile(rf"(?<![\w&.-]){_WORD}(?![\w&-])"
                              rf"(?:[ \t]+(?:(?:{'|'.join(RULES_RUN_CONNECTORS)})[ \t]+)?{_WORD}(?![\w&-]))*"
                              rf"(?:[ \t]+\d{{1,3}}(?![\w%/&-]|[.,:]\d))?")
    _MONTHS = "|".join(month.title() for month in MONTHS)
    _DAYS = "|".join(day.title() for day in WEEKDAYS)
    _YEAR_PREPOSITIONS = frozenset(YEAR_PREPOSITIONS)
    _DATE = re.compile(
        rf"\b(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[5-9]|20)\d\d)?|(?:{_DAYS})"
        rf"|(?:{'|'.join(YEAR_PREPOSITIONS)})\s+(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d)\b"
    )
    _TOKEN = re.compile(r"\S+")
    # After a number: a unit, a time or an amount makes it no model number ("Kent 3 per cent", "Ward 5 am").
    _NOT_A_UNIT = re.compile(r"\s*(?:%|per\b|percent|[ap]\.?m\b|years?\b|months?\b|days?\b|weeks?\b|hours?\b"
                             r"|minutes?\b|points?\b|goals?\b|people\b|million|billion|bn\b|m\b|km|kg|mph)")
    # Written as brands are ("SolarPower", "PayPal", "Otter.ai", "AT&T"), not as surnames ("McDonald", "DiCaprio").
    _BRAND = re.compile(rf"(?!{'|'.join(SURNAME_PREFIXES)})[A-Z][a-z]+[A-Z]|.*[&.][a-z]")
    _CODE = re.compile(r"[A-Z]{3,}\d+")
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
                for start, end in self._runs(segment, match.start(), match.end()):
                    if any(span.overlaps(Span(start, end)) for span in taken):
                        continue
                    words = segment[start:end].split()
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

    def _runs(self, segment: str, start: int, end: int) -> list[tuple[int, int]]:
        """A matched run, without a model number that names nothing ("Level 3", "Covid 19 deaths") and split
        after an initial that ends a sentence ("Plan B. The")."""
        words = [(m.start(), m.end()) for m in self._TOKEN.finditer(segment, start, end)]
        if len(words) > 1 and segment[words[-1][0]].isdigit() and not self._number_kept(segment, words):
            words.pop()
        runs: list[tuple[int, int]] = []
        first = 0
        for index in range(1, len(words)):
            previous = segment[slice(*words[index - 1])]
            if len(previous) == 2 and previous[1] == "." and segment[slice(*words[index])] in self._SENTENCE_WORDS:
                runs.append((words[first][0], words[index - 1][1]))
                first = index
        if words:
            runs.append((words[first][0], words[-1][1]))
        return runs

    def _number_kept(self, segment: str, words: list[tuple[int, int]]) -> bool:
        """"Ariane 6", "Boeing 737": a number after a name that is no ordinary word, and no amount or time."""
        name = segment[slice(*words[-2])]
        after = segment[words[-1][1]:words[-1][1] + 12].lower()
        gazetteer = load_gazetteer()
        return not gazetteer.is_common_word(name) and name not in self._SENTENCE_WORDS \
            and self._NOT_A_UNIT.match(after) is None

    def _label(self, words: list[str], before: str) -> str | None:
        if len(words) == 1 and len(words[0]) == 1:
            return None  # a lone letter ("U" of "U.S.-led"), no name
        if len(words) == 1 and self._CODE.fullmatch(words[0]):
            return None  # a discount or booking code ("SPRING25"), not a brand ("G20", "A380")
        if " ".join(words) in load_gazetteer().orgs:
            return "ORG"  # "Goldman Sachs", "Morgan Stanley": known companies, not people
        if words[-1].isdigit():
            return "ORG" if any(word in self._ORG_WORDS for word in words) else "PRODUCT"  # "Ariane 6"
        if len(words) == 1 and (words[0] in self._SENTENCE_WORDS or words[0].rstrip(".") in self._PERSON_CUES):
            return None
        if any(word in self._ORG_WORDS or self._BRAND.match(word) for word in words) or (
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
