"""Document-level evidence of what a name is, read from the words around each of its mentions.

"Lumora's co-founder", "shares in Corvane", "the regulator Ofsted" make a name an organisation's;
"Rourke, 58," and "the prime minister, Alistair Brooke" a person's; "in Wenbury" a place's; in a sports
story "beat Hull", "Hull 3-1" and "Stoke's manager" a club's. Each mention looks at a fixed window on
each side with anchored, precompiled patterns, so the pass is linear in the number of mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lexicon import alternation
from ..lexicon.function_words import PREPOSITIONS
from ..lexicon.names import HONORIFICS, PERSON_TITLES
from ..lexicon.organisations import (
    ORGANISATION_KIND_NOUNS,
    ORGANISATION_MEMBER_NOUNS,
    ORGANISATION_OWNED_NOUNS,
)
from ..lexicon.places import PLACE_KIND_NOUNS, PLACE_PEOPLE_NOUNS, PLACE_PREPOSITIONS
from ..lexicon.sports import CLUB_OWNED_NOUNS, FIXTURE_PREPOSITIONS, FIXTURE_VERBS
from .common import NAME_LABELS, Candidate, name_key

_WINDOW = 80
_POSSESSIVE = r"(?:['’]s?)"
_NOT_PREPOSITION = r"(?!(?:" + alternation(PREPOSITIONS) + r")\b)"
_KIND = alternation(ORGANISATION_KIND_NOUNS)
_TITLE = alternation(PERSON_TITLES)

# After the name.
_ORG_AFTER = re.compile(
    rf"{_POSSESSIVE}?\s+(?:[a-z-]+\s+)?(?:{alternation(ORGANISATION_OWNED_NOUNS)})\b"  # "X's co-founder"
    rf"|,\s+(?:a|an|the)\s+(?:{_NOT_PREPOSITION}[\w-]+\s+){{0,3}}(?:{_KIND})\b(?!['’])",  # "X, a Finnish start-up"
)
_PERSON_AFTER = re.compile(
    r",\s+\d{1,3}\s*[,;)]"  # "Rourke, 58,"
    rf"|,\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?(?:{_TITLE})\b(?!['’])"  # "Marcus Bell-Fairweather, delivery driver"
    r"|\s+\((?:\d{1,3})\)",  # "Jane Roe (44)"
)
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|added)\b")

# Before the name (the pattern is matched against the text just before it, anchored at its end).
_ORG_BEFORE = re.compile(
    rf"(?:\b(?:{alternation(ORGANISATION_MEMBER_NOUNS)})\s+(?:in|of|at|for|with)\s+"  # "shares in X"
    rf"|\b(?:the|a|an|its|rival|fellow)\s+(?:[\w-]+\s+)?(?:{_KIND})\s+)$",  # "the regulator X"
    re.I)
_PERSON_BEFORE = re.compile(rf"\b(?:{_TITLE}),?\s+$")  # "the prime minister, Alistair Brooke" (lower case only)
_PLACE_BEFORE = re.compile(
    rf"(?:\b(?:{alternation(PLACE_PREPOSITIONS[:3])})\s+"  # "in Wenbury" ("around" is too loose here)
    rf"|\b(?:{alternation(PLACE_KIND_NOUNS)})\s+of\s+)$")  # "the village of X"
_PLACE_AFTER = re.compile(rf"-based\b|\s+(?:{alternation(PLACE_PEOPLE_NOUNS)})\b")

# In a sports story: a name in a fixture, next to a score, or owning a manager or fans is a club.
_CLUB_AFTER = re.compile(
    r"\s*\d{1,3}\s?[-–]\s?\d{1,3}(?!\d)"  # "Hull 3-1"
    rf"|{_POSSESSIVE}?\s+(?:[a-z-]+\s+)?(?:{alternation(CLUB_OWNED_NOUNS)})\b"  # "Stoke's manager", "Hull fans"
    rf"|\s+(?:{alternation(FIXTURE_VERBS)})\b")  # "Hull beat"
_CLUB_BEFORE = re.compile(
    rf"(?:\b(?:{alternation(FIXTURE_VERBS | FIXTURE_PREPOSITIONS)})\.?\s+"  # "beat Hull", "against Stoke"
    r"|\b(?:at\s+home\s+to|away\s+(?:to|at)|win\s+over|defeat\s+to|loss\s+to|draw\s+with|drew\s+with)\s+"
    r"|\d{1,3}\s?[-–]\s?\d{1,3}\s+(?:win|victory|defeat|loss|draw)?\s*(?:over|against|to|at|with|by)?\s*)$")
_HONORIFIC_SURNAME = re.compile(
    r"\b(?:" + alternation(word.title() for word in HONORIFICS) + r")\.?\s+([A-Z][\w'’-]+)")


@dataclass
class Evidence:
    """Counts of each kind of evidence, by name key."""

    org: Counter[str] = field(default_factory=Counter)
    person: Counter[str] = field(default_factory=Counter)
    place: Counter[str] = field(default_factory=Counter)
    club: Counter[str] = field(default_factory=Counter)
    said: Counter[str] = field(default_factory=Counter)
    # Family names written after an honorific somewhere in the article ("Mr Tranter").
    addressed: frozenset[str] = frozenset()


def gather(text: str, mentions: Iterable[Candidate], sports: bool) -> Evidence:
    evidence = Evidence(addressed=frozenset(m.group(1).casefold() for m in _HONORIFIC_SURNAME.finditer(text)))
    for mention in mentions:
        if mention.label not in NAME_LABELS:
            continue
        key = name_key(text, mention)
        after = text[mention.end:mention.end + _WINDOW]
        before = text[max(0, mention.start - _WINDOW):mention.start]
        if _ORG_AFTER.match(after) or _ORG_BEFORE.search(before):
            evidence.org[key] += 1
        if _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before):
            evidence.person[key] += 1
        if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after):
            evidence.place[key] += 1
        if _SAID_AFTER.match(after):
            evidence.said[key] += 1
        if sports and (_CLUB_AFTER.match(after) or _CLUB_BEFORE.search(before)):
            evidence.club[key] += 1
    return evidence


def in_fixture(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` written as a club's: in a fixture, by a score, owning a manager?"""
    return bool(_CLUB_AFTER.match(text, end, end + _WINDOW)
                or _CLUB_BEFORE.search(text[max(0, start - _WINDOW):start]))
