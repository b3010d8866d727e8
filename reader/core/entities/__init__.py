"""Raw mentions -> clean, consistently labelled mentions -> entities (alias clusters).

A small statistical model alone is not enough for a reader: it tags a city as an
organisation in one sentence and a place in the next, takes a religious minority for a
person, and drags "the" and "'s" into names. This package fixes what can be fixed with
evidence from the whole article, one stage per module:

1. ``boundaries``: no leading article, title or sentence-initial ordinary word, no trailing
   possessive or lower-case noun; ``quantities``: amounts, ages and spans of time.
2. ``labels``: one name, one label per article, from the model's votes, the gazetteers and
   the article's own evidence.
3. ``propagation``: every other occurrence of a recognised name; names seen on sight.
4. Institutions: a nationality followed by an institution noun is an organisation.
5. ``clusters``: mentions that name one thing become one entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..lexicon.gazetteers import Gazetteer, load_gazetteer
from ..lexicon.time import MONTHS, WEEKDAYS
from ..model import Block, Entity, RawMention, Span
from .boundaries import (
    ampersand_names,
    capitalised_mid_sentence,
    clean,
    datelines,
    extend_person_names,
    joined_organisations,
    sentence_starts,
    split_affiliations,
    split_clock_times,
    title_before,
)
from .clusters import cluster_entities
from .common import NAME_LABELS, Candidate, name_key, resolve_overlaps
from .evidence import gather
from .labels import decide_labels
from .propagation import institutions, propagate, unlabelled_names
from .quantities import money_mentions
from .sports import club_mentions, extend_team_names, is_sports_story, places_kept
from .works import case_names, languages, law_years, quoted_titles

__all__ = ["build_entities"]


def build_entities(text: str, raw: Sequence[RawMention], sentences: Sequence[Span],
                   gazetteer: Gazetteer | None = None, blocks: Sequence[Block] = ()) -> list[Entity]:
    gazetteer = gazetteer or load_gazetteer()
    headings = [block for block in blocks if block.kind.startswith("h")]
    starts = sentence_starts(text, sentences)
    mid_sentence = capitalised_mid_sentence(text)
    raw = split_affiliations(text, split_clock_times(text, raw))
    mentions = [m for m in (clean(text, r, starts, gazetteer, mid_sentence) for r in raw) if m is not None]
    extend_person_names(text, mentions, gazetteer)
    sports = is_sports_story(text)
    # Titles of works and cases first: they hold names of their own ("North of Helsinki", "Roe v Wade").
    found = quoted_titles(text) + ([] if sports else case_names(text, gazetteer.function_words))
    mentions = resolve_overlaps(mentions + found + ampersand_names(text, starts, gazetteer)
                                + datelines(text, gazetteer))
    mentions = resolve_overlaps(mentions + unlabelled_names(text, mentions, starts, gazetteer, headings))
    mentions = _with_amounts(text, mentions)
    if joined_organisations(text, mentions, gazetteer):
        mentions = resolve_overlaps(mentions)
    if sports:
        extend_team_names(text, mentions, gazetteer)
        mentions = resolve_overlaps(mentions)
    labels = decide_labels(text, mentions, gazetteer, gather(text, mentions, sports), sports)
    for mention in mentions:
        if mention.source != "title":
            mention.label = labels.get(name_key(text, mention), mention.label)
    law_years(text, mentions)
    mentions = resolve_overlaps(mentions + _longer_names(text, mentions, propagate(text, mentions, starts, gazetteer)))
    if sports:
        mentions = resolve_overlaps(mentions + club_mentions(text, mentions, starts, gazetteer))
        places_kept(text, mentions, gazetteer)
    mentions = resolve_overlaps(institutions(text, mentions))
    languages(text, mentions)
    for mention in mentions:
        if mention.label == "PERSON":
            mention.title = mention.title or title_before(text, mention.start)
    return cluster_entities(text, mentions, gazetteer)


_CALENDAR = frozenset(MONTHS + WEEKDAYS)


def _longer_names(text: str, mentions: list[Candidate], added: list[Candidate]) -> list[Candidate]:
    """A known name that holds a shorter mention wins over it: "Holloway Stern" (named so elsewhere in the
    article) over the model's "Holloway", the gazetteer's "French Guiana" over "French"; a person's family
    name the model typed as a quantity is the person's ("Morrow" as a date)."""
    starts = [m.start for m in mentions]  # sorted, disjoint
    for candidate in added:
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and mentions[index - 1].end > candidate.start:
            continue  # a mention runs into it from the left
        inner = 0
        while index < len(mentions) and mentions[index].start < candidate.end:
            same = (mentions[index].start, mentions[index].end) == (candidate.start, candidate.end)
            if same and mentions[index].label not in NAME_LABELS and candidate.label == "PERSON" \
                    and text[candidate.start:candidate.end].lower() not in _CALENDAR:
                # "Morrow" (of "Kenji Morrow") typed as a date: the person's name, not a time.
                mentions[index].label = "PERSON"
                inner = -1
                break
            if mentions[index].end > candidate.end or mentions[index].label not in NAME_LABELS:
                inner = -1
                break
            inner += 1
            index += 1
        if inner > 1 or (inner == 1 and (mentions[index - 1].start, mentions[index - 1].end)
                         != (candidate.start, candidate.end)):
            candidate.source = "known"
    return added


def _with_amounts(text: str, mentions: list[Candidate]) -> list[Candidate]:
    """Amounts of money the recogniser left out ("86p"); over its bare numbers, never over its names."""
    amounts = money_mentions(text)
    if not amounts:
        return mentions
    taken = bytearray(len(text) + 1)
    for mention in mentions:
        if mention.label == "MONEY" or mention.label in NAME_LABELS:
            taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    amounts = [m for m in amounts if taken.find(1, m.start, m.end) == -1]
    if not amounts:
        return mentions
    # The amounts overlap no name and no amount: they only replace the bare numbers under them.
    covered = bytearray(len(text) + 1)
    for amount in amounts:
        covered[amount.start:amount.end] = b"\x01" * (amount.end - amount.start)
    kept = [m for m in mentions if covered.find(1, m.start, m.end) == -1]
    return sorted(kept + amounts, key=lambda m: (m.start, m.end))
