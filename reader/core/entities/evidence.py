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
from ..lexicon.function_words import PREPOSITIONS, STOP
from ..lexicon.names import HONORIFICS, KINSHIP_NOUNS, PERSON_TITLES
from ..lexicon.organisations import (
    ORGANISATION_KIND_AFTER,
    ORGANISATION_KIND_NOUNS,
    ORGANISATION_MEMBER_NOUNS,
    ORGANISATION_OWNED_NOUNS,
    POSTING_VERBS,
    SHARE_MOVES,
)
from ..lexicon.places import FACILITY_NOUNS, PLACE_KIND_NOUNS, PLACE_PEOPLE_NOUNS, PLACE_PREPOSITIONS
from ..lexicon.products import (
    APPOSED_PRODUCT_NOUNS,
    APPOSITION_DETERMINERS,
    BRAND_WORDS,
    PRODUCT_APPOSITION_FOLLOWERS,
    PRODUCT_DETERMINERS,
    PRODUCT_KIND_BEFORE,
    PRODUCT_NOUNS,
    PRODUCT_PREDICATES,
)
from ..lexicon.sports import (
    CLUB_OWNED_NOUNS,
    FIXTURE_AUXILIARIES,
    FIXTURE_PREPOSITIONS,
    FIXTURE_VERBS,
    FOR_CLUB_WORDS,
)
from .common import NAME_LABELS, Candidate, name_key

_WINDOW = 80
_POSSESSIVE = r"(?:['’]s?)"
# Words an apposition's head cannot follow: a preposition, or a clause's start ("X, the singer whose band").
_NOT_PREPOSITION = r"(?!(?:" + alternation(PREPOSITIONS | STOP) + r")\b)"
_KIND = alternation(ORGANISATION_KIND_NOUNS)
_TITLE = alternation(PERSON_TITLES)

# After the name.
_ORG_AFTER = re.compile(
    rf"{_POSSESSIVE}?\s+(?:[a-z-]+\s+)?(?:{alternation(ORGANISATION_OWNED_NOUNS)})\b"  # "X's co-founder"
    rf"|,\s+(?:a|an|the)\s+(?:{_NOT_PREPOSITION}[\w-]+\s+){{0,3}}(?:{_KIND})\b(?!['’])"  # "X, a Finnish start-up"
    rf"|\s+(?:{alternation(ORGANISATION_KIND_AFTER)})\b(?!['’])"  # "Soundcheck magazine"
    r"|,?\s+(?:said|says|added|announced)\s+(?:that\s+|on\s+\w+\s+)?(?:it|its)\b"  # "Velour said its sales"
    rf"|\s+(?:shares\s+)?(?:{alternation(SHARE_MOVES)})\s+(?:by\s+)?[\d.]+\s*(?:per\s*cent|percent|%|p\b)",  # "fell 3%"
)
_PERSON_AFTER = re.compile(
    r",\s+\d{1,3}\s*[,;)]"  # "Rourke, 58,"
    rf"|,\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?(?:{_TITLE})\b(?!['’])"  # "Marcus Bell-Fairweather, delivery driver"
    r"|\s+\((?:\d{1,3})\)",  # "Jane Roe (44)"
)
# "its Vela accelerator chips", "the company's Aero EV crossover", "a Falcon 9 rocket": after the name, up to
# two lower-case words and a product noun; before it, a possessive or an article (checked with the tail words).
_PRODUCT_AFTER = re.compile(
    rf"[\"”’']?\s+(?:[a-z-]+\s+){{0,2}}(?:{alternation(PRODUCT_NOUNS)})\b(?!['’])")
# "Zelvora, a once-weekly injection for heart failure": a product noun heading an apposition (not "a drug
# developer", where the noun only qualifies another); "Tesla's Cybertruck went on sale".
_PRODUCT_APPOSED = re.compile(
    rf",\s+(?:{alternation(APPOSITION_DETERMINERS)})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(APPOSED_PRODUCT_NOUNS)})"
    rf"(?=\s*[,.;:)—–]|\s+(?:{alternation(PRODUCT_APPOSITION_FOLLOWERS)})\b)"
    rf"|\s+(?:{alternation(PRODUCT_PREDICATES)})\b")
_BRAND_BEFORE = re.compile(r"(?:" + alternation(BRAND_WORDS) + r")\s*[\"“‘']?$", re.I)
_FACILITY_AFTER = re.compile(rf"\s+(?:{alternation(FACILITY_NOUNS)})\b(?!['’])")
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|added)\b")

# Before the name: its last few words, compared with sets (a regex anchored at the window's end would try
# every position of the window).
_TAIL = re.compile(r"[\w'’-]+|[,.;:]")
_TAIL_CHARS = 48
_OWNER_PREPOSITIONS = frozenset({"in", "of", "at", "for", "with"})
_KIND_DETERMINERS = frozenset({"the", "a", "an", "its", "rival", "fellow", ".", ":", ";"})
_MEMBER = frozenset(ORGANISATION_MEMBER_NOUNS)
_PLACE_PREPOSITION = frozenset(PLACE_PREPOSITIONS[:4])  # "in Wenbury" ("around" is too loose here)
_FIXTURE_BEFORE = FIXTURE_VERBS | FIXTURE_PREPOSITIONS
_FIXTURE_PAIRS = frozenset({("home", "to"), ("away", "to"), ("away", "at"), ("win", "over"), ("defeat", "to"),
                            ("loss", "to"), ("draw", "with"), ("drew", "with")})
_PLACE_AFTER = re.compile(rf"-based\b|\s+(?:{alternation(PLACE_PEOPLE_NOUNS)})\b")  # "Leeds-based", "X residents"
_SCORE_BEFORE = re.compile(
    r"\d{1,3}\s?[-–]\s?\d{1,3}\s+(?:win|victory|defeat|loss|draw)?\s*(?:over|against|to|at|with|by)?\s*$")


def _org_before(words: list[str]) -> bool:
    """"shares in X", "an analyst at X", "the regulator X", "a Finnish start-up X"."""
    if len(words) >= 2 and words[-1] in _OWNER_PREPOSITIONS:
        return words[-2] in _MEMBER or " ".join(words[-3:-1]) in _MEMBER
    if len(words) >= 2 and words[-1] == "on" and words[-2] in POSTING_VERBS:
        return True  # "writing on Bluesky"
    # "the regulator X", "the video game studio X", "Bus operator X" (a sentence's start as its determiner),
    # "Brazil's environment agency, Ibama"
    if words[-1:] == [","]:
        words = words[:-1]
    return bool(words) and words[-1] in ORGANISATION_KIND_NOUNS and any(
        word in _KIND_DETERMINERS or word.endswith(("'s", "’s")) for word in words[-4:-1])


def _person_before(raw: list[str]) -> bool:
    """"the prime minister, Alistair Brooke", "general manager Tessa Huang" (a title in lower case)."""
    words = raw[:-1] if raw[-1:] == [","] else raw
    return bool(words) and (words[-1] in PERSON_TITLES or words[-1] in KINSHIP_NOUNS)


def _place_before(raw: list[str], words: list[str]) -> bool:
    """"in Wenbury", "the village of Ashcombe"."""
    return bool(raw) and (raw[-1] in _PLACE_PREPOSITION or (
        len(words) >= 2 and words[-1] == "of" and (words[-2] in PLACE_KIND_NOUNS or words[-2] in PLACE_PEOPLE_NOUNS)))


def _product(raw: list[str], words: list[str], after: str, before: str) -> bool:
    """"its Vela accelerator chips", "the research ship Polar Tern", "branded “Ask Penny”", "its own app, Ride
    Hollis", "older drugs such as Entresto", "Zelvora, a once-weekly injection"."""
    if _PRODUCT_APPOSED.match(after):
        return True
    kind = words[:-1] if words[-1:] == [","] else words
    if kind and kind[-1] in PRODUCT_KIND_BEFORE and any(word in PRODUCT_DETERMINERS for word in kind[-4:-1]):
        return True
    if len(words) >= 3 and words[-2:] == ["such", "as"] and words[-3] in PRODUCT_NOUNS:
        return True
    if _BRAND_BEFORE.search(before, max(0, len(before) - 30)):
        return True
    owned = bool(words) and (words[-1] in PRODUCT_DETERMINERS or (raw[-1].endswith(("'s", "’s")) and len(raw) > 1))
    return owned and bool(_PRODUCT_AFTER.match(after))


def _club_before(words: list[str], before: str) -> bool:
    """"beat Hull", "against Stoke", "at home to Hull", "a 2-0 win over Hull"."""
    if words and words[-1].rstrip(".") in _FIXTURE_BEFORE:
        return True
    if len(words) >= 2 and ((words[-2], words[-1]) in _FIXTURE_PAIRS
                            or (words[-1] == "for" and words[-2] in FOR_CLUB_WORDS)
                            or (words[-1] == "for" and len(words) >= 3 and words[-3] in FOR_CLUB_WORDS)):
        return True  # "at home to Hull", "scored (twice) for Leeds"
    return bool(_SCORE_BEFORE.search(before, max(0, len(before) - 24)))


# In a sports story: a name in a fixture, next to a score, or owning a manager or fans is a club.
_CLUB_AFTER = re.compile(
    r"\s*\d{1,3}\s?[-–]\s?\d{1,3}(?!\d)"  # "Hull 3-1"
    rf"|{_POSSESSIVE}?\s+(?:[a-z-]+\s+)?(?:{alternation(CLUB_OWNED_NOUNS)})\b"  # "Stoke's manager", "Hull fans"
    rf"|\s+(?:(?:{alternation(FIXTURE_AUXILIARIES)})\s+)?(?:{alternation(FIXTURE_VERBS)})\b")  # "Hull beat"
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
    product: Counter[str] = field(default_factory=Counter)
    # "Benedict Osei of X", "X's Fernando Alonso": an organisation's or a place's.
    affiliation: Counter[str] = field(default_factory=Counter)
    # "X station", "X airport": a facility's name.
    facility: Counter[str] = field(default_factory=Counter)
    # Family names written after an honorific somewhere in the article ("Mr Tranter").
    addressed: frozenset[str] = frozenset()


_OF_BEFORE = re.compile(r" of $")
_POSSESSIVE_BEFORE_NAME = re.compile(r"['’]s ")


def gather(text: str, mentions: Iterable[Candidate], sports: bool) -> Evidence:
    evidence = Evidence(addressed=frozenset(m.group(1).casefold() for m in _HONORIFIC_SURNAME.finditer(text)))
    mentions = list(mentions)
    # Where people's full names end and start: "Benedict Osei of X" and "X's Fernando Alonso" make X an
    # organisation or a place (a person is of one, and an organisation or a place has people), not a person.
    full_names = [m for m in mentions if m.label == "PERSON" and " " in text[m.start:m.end]]
    person_ends = {m.end for m in full_names}
    person_starts = {m.start for m in full_names}
    for mention in mentions:
        if mention.label not in NAME_LABELS:
            continue
        key = name_key(text, mention)
        after = text[mention.end:mention.end + _WINDOW]
        before = text[max(0, mention.start - _TAIL_CHARS):mention.start]
        raw = _TAIL.findall(before)[-5:]
        words = [word.lower() for word in raw]
        if _ORG_AFTER.match(after) or _org_before(words):
            evidence.org[key] += 1
        of = _OF_BEFORE.search(text, max(0, mention.start - 4), mention.start)
        owner = _POSSESSIVE_BEFORE_NAME.match(text, mention.end)
        if (of and of.start() in person_ends) or (owner and owner.end() in person_starts):
            evidence.affiliation[key] += 1
        if _PERSON_AFTER.match(after) or (raw and _person_before(raw)):
            evidence.person[key] += 1
        if _place_before(raw, words) or _PLACE_AFTER.match(after):
            evidence.place[key] += 1
        if _FACILITY_AFTER.match(after):
            evidence.facility[key] += 1
        if _SAID_AFTER.match(after):
            evidence.said[key] += 1
        if _product(raw, words, after, before):
            evidence.product[key] += 1
        if sports and (_CLUB_AFTER.match(after) or _club_before(words, before)):
            evidence.club[key] += 1
    return evidence


def in_fixture(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` written as a club's: in a fixture, by a score, owning a manager?"""
    before = text[max(0, start - _TAIL_CHARS):start]
    return bool(_CLUB_AFTER.match(text, end, end + _WINDOW)) \
        or _club_before([word.lower() for word in _TAIL.findall(before)[-5:]], before)
