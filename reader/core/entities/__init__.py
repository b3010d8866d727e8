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

from collections.abc import Sequence

from ..lexicon.gazetteers import Gazetteer, load_gazetteer
from ..model import Block, Entity, RawMention, Span
from .boundaries import capitalised_mid_sentence, clean, sentence_starts, title_before
from .clusters import cluster_entities
from .common import name_key, resolve_overlaps
from .evidence import gather
from .labels import decide_labels
from .propagation import institutions, propagate, unlabelled_names
from .sports import club_mentions, extend_team_names, is_sports_story, places_kept

__all__ = ["build_entities"]


def build_entities(text: str, raw: Sequence[RawMention], sentences: Sequence[Span],
                   gazetteer: Gazetteer | None = None, blocks: Sequence[Block] = ()) -> list[Entity]:
    gazetteer = gazetteer or load_gazetteer()
    headings = [block for block in blocks if block.kind.startswith("h")]
    starts = sentence_starts(text, sentences)
    mid_sentence = capitalised_mid_sentence(text)
    mentions = [m for m in (clean(text, r, starts, gazetteer, mid_sentence) for r in raw) if m is not None]
    mentions = resolve_overlaps(mentions)
    mentions = resolve_overlaps(mentions + unlabelled_names(text, mentions, starts, gazetteer, headings))
    sports = is_sports_story(text)
    if sports:
        extend_team_names(text, mentions, gazetteer)
        mentions = resolve_overlaps(mentions)
    labels = decide_labels(text, mentions, gazetteer, gather(text, mentions, sports), sports)
    for mention in mentions:
        mention.label = labels.get(name_key(text, mention), mention.label)
    mentions = resolve_overlaps(mentions + propagate(text, mentions, starts, gazetteer))
    if sports:
        mentions = resolve_overlaps(mentions + club_mentions(text, mentions, starts, gazetteer))
        places_kept(text, mentions, gazetteer)
    mentions = resolve_overlaps(institutions(text, mentions))
    for mention in mentions:
        if mention.label == "PERSON":
            mention.title = title_before(text, mention.start)
    return cluster_entities(text, mentions, gazetteer)
