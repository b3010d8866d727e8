"""Recall: every other occurrence of a recognised name is a mention too; well-known places and
nationalities are recognised on sight; capitalised phrases the model left out; institutions
("Syrian army")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..lexicon import alternation
from ..lexicon.gazetteers import Gazetteer
from ..lexicon.names import CAPITALISED_RUN_CONNECTORS, NAME_PARTICLES, PERSON_TITLES
from ..lexicon.organisations import INSTITUTION_NOUNS, ORGANISATION_NAME_HEADS
from ..lexicon.reporting import REPORTING_FORMS
from ..model import Block
from .common import CAPITALISED_RUN, PROPAGATED_LABELS, TOKEN, Candidate, inside, strip_edges

# After a name opening a sentence: an apposition or a verb of saying make it the name, not the word.
_SPEAKS_OR_APPOSED = re.compile(r",|\s+(?:" + alternation(REPORTING_FORMS) + r")\b")


def propagate(text: str, mentions: list[Candidate], sentence_starts: frozenset[int],
               gazetteer: Gazetteer) -> list[Candidate]:
    """Other occurrences of recognised names, and well-known places and groups seen on sight."""
    known: dict[str, str] = {}
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if mention.label in PROPAGATED_LABELS and len(surface) > 1 and surface[:1].isupper():
            known.setdefault(surface, mention.label)
    for mention in mentions:
        # A person's family name on its own ("Arteta" after "Mikel Arteta") is that person,
        # unless the name is also a country's, where a bare mention is more likely the place.
        if mention.label == "PERSON":
            words = text[mention.start:mention.end].split()
            surname = words[-1] if len(words) >= 2 else ""
            place = gazetteer.place(surname)
            if len(surname) > 2 and surname[:1].isupper() and surname.lower() not in NAME_PARTICLES \
                    and not (place is not None and place.kind == "country") and surname not in gazetteer.norp:
                known.setdefault(surname, "PERSON")
    added: list[Candidate] = []
    if known:
        pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
                             + r")(?![\w-])")
        for match in pattern.finditer(text):
            surface = match.group()
            if match.start() in sentence_starts and gazetteer.is_common_word(surface) \
                    and not (known[surface] == "PERSON" and _SPEAKS_OR_APPOSED.match(text, match.end())):
                continue  # "Price rose" is the word; "Price, of Leeds," and "Price said" are Daniel Price
            added.append(Candidate(match.start(), match.end(), known[surface], "propagated"))
    memo: dict[str, list[tuple[int, int, str]]] = {}
    for match in CAPITALISED_RUN.finditer(text):
        added.extend(gazetteer_mentions(text, match.start(), match.group(), sentence_starts, gazetteer, memo))
    return added


def gazetteer_mentions(text: str, offset: int, run: str, sentence_starts: frozenset[int],
                        gazetteer: Gazetteer, memo: dict[str, list[tuple[int, int, str]]]) -> list[Candidate]:
    """Longest gazetteer names inside a run of capitalised words (runs repeat: looked up once each)."""
    names = memo.get(run)
    if names is None:
        names = memo[run] = gazetteer_names(run, gazetteer)
    return [Candidate(offset + start, offset + end, label, "gazetteer") for start, end, label in names
            if not (offset + start in sentence_starts and gazetteer.is_common_word(run[start:end]))]


def gazetteer_names(run: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s]+", run)]
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        for size in range(min(4, len(words) - index), 0, -1):
            start, end = strip_edges(run, words[index][0], words[index + size - 1][1])
            label = gazetteer_label(run[start:end], gazetteer)
            if label:
                found.append((start, end, label))
                index += size
                break
        else:
            index += 1
    return found


def gazetteer_label(surface: str, gazetteer: Gazetteer) -> str | None:
    if surface in gazetteer.norp:
        return "NORP"
    if surface in gazetteer.orgs:
        return "ORG"
    place = gazetteer.place(surface)
    if place is not None and place.well_known:
        return place.label
    return None


def unlabelled_names(text: str, mentions: list[Candidate], sentence_starts: frozenset[int],
                      gazetteer: Gazetteer, headings: Sequence[Block]) -> list[Candidate]:
    """Multi-word capitalised names the model left out ("Mikel Arteta told ...").

    Only phrases of two to four words none of which is an ordinary word (or whose last word
    names an organisation), outside headings, where title case says nothing.
    """
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    heading_starts = [block.start for block in headings]  # blocks are sorted and disjoint
    found: list[Candidate] = []
    for match in CAPITALISED_RUN.finditer(text):
        start, end = strip_edges(text, match.start(), match.end())
        index = bisect.bisect_left(starts, end)
        if index > 0 and ends[index - 1] > start:
            continue  # overlaps something already recognised
        if inside(headings, heading_starts, start):
            continue
        words = [(start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]
        # Leading words that cannot begin a name: "The", "Losing", titles ("Prime Minister").
        while words and ((words[0][0] in sentence_starts and gazetteer.starts_no_name(text[slice(*words[0])]))
                         or text[slice(*words[0])].rstrip(".").lower() in PERSON_TITLES
                         or gazetteer.is_common_word(text[slice(*words[0])])):  # "Coach", "Striker"
            words = words[1:]
            if words and text[slice(*words[0])].lower() in CAPITALISED_RUN_CONNECTORS:
                words = []  # "Minister of Defence": a title, not a name
        if not words:
            continue
        start = words[0][0]
        names = [text[slice(*word)] for word in words if text[slice(*word)].lower() not in CAPITALISED_RUN_CONNECTORS]
        if not 2 <= len(names) <= 4:
            continue
        ordinary = [word for word in names if gazetteer.is_common_word(word.rstrip("."))]
        if not ordinary and all(word[:1].isupper() and not word.isupper() for word in names):
            found.append(Candidate(start, end, "PERSON", "rule"))
        elif names[-1].lower() in ORGANISATION_NAME_HEADS and not gazetteer.is_common_word(names[0]):
            found.append(Candidate(start, end, "ORG", "rule"))
    return found


INSTITUTION_AFTER = re.compile(r"[ \t]+(" + alternation(INSTITUTION_NOUNS) + r")\b")


def institutions(text: str, mentions: list[Candidate]) -> list[Candidate]:
    """"Syrian army", "Russian government": a nationality with an institution noun is an organisation;
    "Hungarian" + " Grand Prix": a nationality before an event's name is part of it."""
    result: list[Candidate] = []
    for mention in mentions:
        if mention.label == "EVENT" and result and result[-1].label == "NORP" \
                and text[result[-1].end:mention.start] == " ":
            result[-1] = Candidate(result[-1].start, mention.end, "EVENT", mention.source)
            continue
        if mention.label == "NORP":
            match = INSTITUTION_AFTER.match(text, mention.end)
            if match:
                result.append(Candidate(mention.start, match.end(), "ORG", "institution"))
                continue
        result.append(mention)
    return result

