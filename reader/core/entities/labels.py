"""Labels: one name, one label per article, decided by the model's votes and the gazetteers
(places, nationalities), unless the article itself shows the name is a person's."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..lexicon.gazetteers import Gazetteer
from .common import NAME_LABELS, Candidate, name_key, name_words


def person_name_tokens(text: str, mentions: Iterable[Candidate]) -> set[str]:
    """Tokens that end or start a multi-word person name in this article."""
    tokens: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            words = name_words(text[mention.start:mention.end])
            if len(words) >= 2:
                tokens.add(words[-1])
                tokens.add(" ".join(words[-2:]))  # "al assad"
    return tokens


def decide_labels(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> dict[str, str]:
    """One label per name in the article: the model's majority, corrected by the gazetteers."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, str] = {}
    for mention in mentions:
        if mention.label in NAME_LABELS:
            key = name_key(text, mention)
            votes[key][mention.label] += 1
            surfaces.setdefault(key, text[mention.start:mention.end])
    person_tokens = person_name_tokens(text, mentions)
    labels: dict[str, str] = {}
    for key, counter in votes.items():
        surface = surfaces[key]
        label = majority(counter)
        norp = gazetteer.norp.get(surface)
        place = gazetteer.place(surface)
        is_persons_name = " ".join(name_words(surface)) in person_tokens and len(name_words(surface)) <= 2
        if surface in gazetteer.orgs and label in {"GPE", "PERSON", "NORP", "LOC", "FAC"}:
            label = "ORG"  # "Hamas" or "Al Qaeda" tagged as a place or a person
        elif norp is not None and not is_persons_name:
            label = "NORP"  # "Alawite" is a minority, not a person
        elif place is not None and label in {"ORG", "PERSON", "NORP"} and not is_persons_name:
            # A well-known place the model calls an organisation ("Hama" as ORG) is still a
            # place; a small town's name or a city's nickname used by a club ("Chelsea",
            # "Manchester City") keeps the model's label unless the model also saw a place.
            primary = place.kind == "country" or place.canonical == surface or " " not in surface
            if counter["GPE"] + counter["LOC"] > 0 or (place.well_known and primary):
                label = place.label
        elif label != "PERSON" and is_persons_name and counter["PERSON"] + counter["ORG"] + counter["GPE"] > 0:
            label = "PERSON"  # "Assad" tagged ORG once, in an article about Bashar Al Assad
        labels[key] = label
    return labels


def majority(counter: Counter[str]) -> str:
    order = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
    return max(counter, key=lambda label: (counter[label], -order.index(label) if label in order else -99))

