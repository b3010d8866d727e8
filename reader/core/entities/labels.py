"""Labels: one name, one label per article, decided by the model's votes and the gazetteers
(places, nationalities), unless the article itself shows the name is a person's."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..lexicon import alternation
from ..lexicon.first_names import first_name_gender
from ..lexicon.gazetteers import Gazetteer
from ..lexicon.name_forms import SURNAME_PREFIXES
from ..lexicon.organisations import (
    CLUB_NAME_ENDINGS,
    CLUB_NAME_ENDINGS_IN_SPORT,
    COMPANY_NAME_ENDINGS,
    MEDIA_NAME_ENDINGS,
    ORGANISATION_NAME_HEADS,
)
from ..lexicon.places import (
    CELESTIAL_BODIES,
    FACILITY_NAME_ENDINGS,
    NATURAL_FEATURE_ENDINGS,
    NATURAL_FEATURE_STARTS,
    VENUE_NAME_ENDINGS,
)
from ..lexicon.products import PRODUCT_NAME_ENDINGS
from .common import NAME_LABELS, Candidate, name_key, name_words
from .evidence import Evidence


def person_name_tokens(text: str, mentions: Iterable[Candidate]) -> set[str]:
    """Shorter forms of multi-word person names in this article: the family name ("assad" of "Bashar Al
    Assad") and the last two name words of a longer name; never a name itself ("Arvik Pharma" typed a
    person once is no evidence that it is one)."""
    tokens: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            words = name_words(text[mention.start:mention.end])
            if len(words) >= 2:
                tokens.add(words[-1])
            if len(words) >= 3:
                tokens.add(" ".join(words[-2:]))
    return tokens


def decide_labels(text: str, mentions: list[Candidate], gazetteer: Gazetteer, evidence: Evidence | None = None,
                  sports: bool = False) -> dict[str, str]:
    """One label per name in the article: the model's majority, corrected by the gazetteers and evidence."""
    evidence = evidence or Evidence()
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
            if counter["GPE"] + counter["LOC"] > 0 or (place.well_known and primary) or evidence.place[key]:
                label = place.label
        elif label != "PERSON" and is_persons_name and counter["PERSON"] + counter["ORG"] + counter["GPE"] > 0:
            label = "PERSON"  # "Assad" tagged ORG once, in an article about Bashar Al Assad
        labels[key] = _with_evidence(key, surface, label, gazetteer, evidence, sports, is_persons_name)
    _short_company_names(labels, surfaces, gazetteer, person_tokens, evidence)
    return labels


def _short_company_names(labels: dict[str, str], surfaces: dict[str, str], gazetteer: Gazetteer,
                         person_tokens: set[str], evidence: Evidence) -> None:
    """"Corvane" after "Corvane Systems" is the company, whatever the model said of it; not a place's name
    ("Yorkshire" of "Yorkshire Water") nor a person's."""
    stems: set[str] = set()
    for key, label in labels.items():
        words = key.split()
        if label == "ORG":
            while len(words) > 1 and words[-1] in COMPANY_NAME_ENDINGS | MEDIA_NAME_ENDINGS:
                words.pop()
                stems.add(" ".join(words))
    for key in stems & labels.keys():
        if labels[key] in {"PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"} \
                and gazetteer.place(surfaces[key]) is None and surfaces[key] not in gazetteer.norp \
                and " ".join(name_words(surfaces[key])) not in person_tokens and not evidence.place[key]:
            labels[key] = "ORG"  # (but "in Gorsley" is the town of the "Gorsley Gazette")


# Nationality and group words end so: "Kenyan", "Kurdish", "Sunni", "Iraqis", "Alawite", "Islamists".
# (Plurals in -is, "Iraqis", are left to the gazetteer: "Artemis" ends so too.)
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|ic|ics|i|ite|ites|ist|ists|ch|er|ers|ot|ots|ive|ives|al|als|crat|crats|"
                      r"ant|ants)$")
# A capital after a lower-case letter ("SpaceX", "PayPal"), not a surname's ("McDonald", "DiCaprio", "LeBron").
_CAMEL_CASE = re.compile(r"^(?!" + alternation(SURNAME_PREFIXES) + r")[A-Z]?[a-z]+[A-Z]")


def _with_evidence(key: str, surface: str, label: str, gazetteer: Gazetteer, evidence: Evidence, sports: bool,
                   is_persons_name: bool) -> str:
    """The label the article's own evidence gives a name, where it says more than the model."""
    words = surface.split()
    last = words[-1].lower().strip(".") if words else ""
    place = gazetteer.place(surface)
    well_known_place = place is not None and place.well_known
    if is_persons_name:
        return label
    club = sports and (surface in gazetteer.clubs or (last in CLUB_NAME_ENDINGS_IN_SPORT and len(words) > 1))
    if (len(words) > 1 and (last in CLUB_NAME_ENDINGS or (" " in surface and surface in gazetteer.clubs))) \
            or (club and not well_known_place and place is None) or (sports and evidence.club[key] > evidence.place[key]
                                                                    and (club or place is not None)):
        return "ORG"  # "Leeds United", in a sports story "Spurs", "Bristol City", "beat Hull 2-0"
    if label == "NORP" and len(words) == 1 and surface not in gazetteer.norp and not _DEMONYM.search(surface) \
            and place is None:
        return "ORG" if evidence.org[key] or evidence.said[key] else "PRODUCT"  # "Artemis" is no nationality
    if label == "NORP" or well_known_place:
        return label
    if label in {"PERSON", "ORG", "FAC", "GPE"} and not evidence.org[key] and not evidence.person[key] and (
            (len(words) > 1 and (words[0].lower() in NATURAL_FEATURE_STARTS or last in NATURAL_FEATURE_ENDINGS)
             and all(word[:1].isupper() for word in words))
            or (len(words) == 1 and last in CELESTIAL_BODIES and label != "GPE")):
        return "LOC"  # "River Alde", "Cairngorm Mountains", "the Moon"
    if label == "PERSON" and len(words) == 1 and (_CAMEL_CASE.search(surface) or surface.endswith("+")):
        # "SpaceX", "DigitalEurope", "Disney+": written as brands are, never as people's names are
        return "ORG" if not evidence.product[key] else "PRODUCT"
    if evidence.product[key] > evidence.org[key] + evidence.person[key] + evidence.said[key] or (
            len(words) > 1 and last in PRODUCT_NAME_ENDINGS and not evidence.org[key] and not evidence.person[key]):
        return "PRODUCT"  # "its Vela accelerator chips", "Chirrup Pro"
    # ... unless the article shows a person by that name ("Emily Post, 52,"), not an ordinary word ("Financial")
    person = evidence.person[key] and not gazetteer.is_common_word(words[0])
    if len(words) > 1 and last in ORGANISATION_NAME_HEADS and label in {"GPE", "LOC", "NORP"} and place is None:
        return "ORG"  # "West Yorkshire Police", "Kent County Council" typed as places
    if len(words) > 1 and (last in COMPANY_NAME_ENDINGS or last in MEDIA_NAME_ENDINGS) and not person:
        return "ORG"  # "Arvik Pharma", "Penhallow Mutual", "Gorsley Gazette"
    if label != "ORG" and evidence.org[key] > evidence.person[key]:
        return "ORG"  # "Lumora's co-founder", "shares in Corvane", "the regulator Ofsted"
    if label == "ORG" and surface not in gazetteer.orgs and last not in ORGANISATION_NAME_HEADS \
            and not evidence.org[key]:
        person_shaped = 2 <= len(words) <= 3 and all(word[:1].isupper() and not word.isupper() for word in words) \
            and last not in VENUE_NAME_ENDINGS
        if person_shaped and (evidence.person[key] or last in evidence.addressed or _first_name(words[0], gazetteer)):
            # "the prime minister, Alistair Brooke"; "Philip Tranter" who is "Mr Tranter"; a known first name
            return "PERSON"
        if evidence.place[key] and not evidence.person[key]:
            return place.label if place is not None else "GPE"  # "in Wenbury"
    if label == "PERSON" and evidence.place[key] and not evidence.person[key] and not evidence.org[key] \
            and not _first_name(words[0], gazetteer) and last not in evidence.addressed:
        return place.label if place is not None else "GPE"  # "in Little Brampton": a place, not a person
    if label in {"PERSON", "ORG", "GPE"} and len(words) > 1 and last in FACILITY_NAME_ENDINGS \
            and not evidence.person[key] and place is None and all(word[:1].isupper() for word in words):
        return "FAC"  # "Stoneyford Lane", "Marrick Bridge"
    if label in {"PRODUCT", "WORK_OF_ART"} and not evidence.product[key] and not evidence.org[key] \
            and 2 <= len(words) <= 3 and _first_name(words[0], gazetteer) and words[-1][:1].isupper() \
            and last not in VENUE_NAME_ENDINGS \
            and not gazetteer.is_common_word(words[-1]):
        return "PERSON"  # "Ciaran Fallon" is no work of art
    if label in {"PRODUCT", "WORK_OF_ART", "LAW", "FAC"} and evidence.said[key]:
        # A name used with "said" speaks: a person or an organisation, not a product.
        person_shaped = 2 <= len(words) <= 3 and all(word[:1].isupper() for word in words)
        return "PERSON" if person_shaped else "ORG"
    return label


def majority(counter: Counter[str]) -> str:
    order = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
    return max(counter, key=lambda label: (counter[label], -order.index(label) if label in order else -99))



def _first_name(word: str, gazetteer: Gazetteer) -> bool:
    """A first name that is no ordinary word too ("Nadia", not "Velvet", "Van" or "Diamond")."""
    return first_name_gender(word) is not None and not gazetteer.is_common_word(word)
