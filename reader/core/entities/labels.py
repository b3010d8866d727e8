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
    ORGANISATION_HEADS_NOT_SURNAMES,
    ORGANISATION_NAME_HEADS,
    ORGANISATION_NAME_STARTS,
    PLACE_QUALIFIERS,
)
from ..lexicon.places import (
    BUILDING_NAME_ENDINGS,
    CELESTIAL_BODIES,
    FACILITY_NAME_ENDINGS,
    NATURAL_FEATURE_ENDINGS,
    NATURAL_FEATURE_STARTS,
    NUMBERED_FACILITIES,
    VENUE_NAME_ENDINGS,
)
from ..lexicon.products import PRODUCT_NAME_ENDINGS
from ..lexicon.time import MONTHS
from ..lexicon.works import EVENT_NAME_ENDINGS, LAW_NAME_ENDINGS, WEATHER_SYSTEM_QUALIFIERS, WEATHER_SYSTEM_WORDS
from .common import NAME_LABELS, Candidate, name_key, name_words
from .evidence import Evidence


def person_name_tokens(text: str, mentions: Iterable[Candidate], gazetteer: Gazetteer | None = None) -> set[str]:
    """Shorter forms of multi-word person names in this article: the family name ("assad" of "Bashar Al
    Assad") and the last two name words of a longer name; never a name itself ("Arvik Pharma" typed a
    person once is no evidence that it is one), nor a name whose words say it is no person's ("Elections
    Ontario" typed a person says nothing of "Ontario")."""
    tokens: set[str] = set()
    seen: set[str] = set()
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if mention.label == "PERSON" and " " in surface and surface not in seen:
            seen.add(surface)
            if gazetteer is not None and _named_kind(surface.split(), "PERSON", gazetteer, True) is not None:
                continue
            words = name_words(surface)
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
    person_tokens = person_name_tokens(text, mentions, gazetteer)
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
            primary = place.kind == "country" or place.canonical in {surface, surface.title()} or " " not in surface
            # A town's one-word name the model calls a person, where nobody in the article has that name
            # (people are named in full before their surname stands alone) and it is no first name.
            town = label == "PERSON" and " " not in surface and not place.ambiguous and not evidence.person[key] \
                and key not in evidence.addressed and first_name_gender(surface) is None
            if counter["GPE"] + counter["LOC"] > 0 or (place.well_known and primary) or evidence.place[key] or town:
                label = place.label
        elif place is not None and label == "PRODUCT" and place.well_known and not evidence.product[key]:
            label = place.label  # "the Leeds band": a city, not a product
        elif place is not None and label == "LOC" and place.label == "GPE" and not place.ambiguous \
                and place.kind == "city" and place.population >= _TOWN:
            label = "GPE"  # "Bucharest", "Doncaster": a city is a GPE (not a state: "the Mississippi" is a river)
        elif label != "PERSON" and is_persons_name and counter["PERSON"] + counter["ORG"] + counter["GPE"] > 0:
            label = "PERSON"  # "Assad" tagged ORG once, in an article about Bashar Al Assad
        labels[key] = _with_evidence(key, surface, label, gazetteer, evidence, sports, is_persons_name)
    _short_company_names(labels, surfaces, gazetteer, person_tokens, evidence)
    _short_names(labels, surfaces, gazetteer)
    return labels


def _short_names(labels: dict[str, str], surfaces: dict[str, str], gazetteer: Gazetteer) -> None:
    """A name's one-word short form, after the full name was given: "Adela" after "Storm Adela" is the storm;
    "Anjali" after "Anjali Mehta" is the person (not a place, group or company known by that word, nor an
    ordinary word: "Will" of "Will Dunmore")."""
    storms: set[str] = set()
    first_names: set[str] = set()
    for key, label in labels.items():
        words = surfaces[key].split()
        if label == "EVENT" and _weather_system(words):
            storms.add(words[-1].casefold())
        elif label == "PERSON" and 2 <= len(words) <= 3 and all(word[:1].isupper() for word in words):
            first_names.add(words[0].casefold())
    for key in (storms | first_names) & labels.keys():
        surface = surfaces[key]
        if key in storms and labels[key] in {"PERSON", "ORG", "GPE", "NORP"}:
            labels[key] = "EVENT"
            continue
        place = gazetteer.place(surface)
        if labels[key] in {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"} \
                and (place is None or not (place.well_known or place.kind in {"country", "state", "continent"})) \
                and surface not in gazetteer.orgs and surface not in gazetteer.norp and surface not in gazetteer.clubs \
                and not gazetteer.is_common_word(surface) and surface[:1].isupper() and not surface.isupper():
            labels[key] = "PERSON"


_MONTHS = frozenset(MONTHS)
_TOWN = 50_000  # a city this large is not taken for a natural feature of the same name


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
    named = _named_kind(words, label, gazetteer, place is None) or _persons(key, surface, label, gazetteer, evidence)
    if named is not None:
        return named
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
    where = _affiliation_or_facility(key, label, place is None and surface not in gazetteer.orgs, evidence)
    if where is not None:
        return where
    if label == "ORG" and surface not in gazetteer.orgs and last not in ORGANISATION_NAME_HEADS \
            and last not in ORGANISATION_HEADS_NOT_SURNAMES and not evidence.org[key] and not evidence.affiliation[key]:
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
    if label in {"PERSON", "ORG", "GPE", "LOC", "EVENT"} and len(words) > 1 and last in FACILITY_NAME_ENDINGS \
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


def _named_kind(words: list[str], label: str, gazetteer: Gazetteer, unknown_place: bool) -> str | None:
    """What the words of a name say it is, whatever the model said: "Housing (Scotland) Act 2006" is a law,
    "Dutch Grand Prix" an event, "Govan Law Centre" and "Team Sky" organisations, and so are "Shelter
    Scotland" and "Elections Ontario" (ordinary words and the country or province they serve)."""
    if label == "PERSON" and any(char.isdigit() for char in "".join(words)):
        return "ORG"  # "Jet2": no person's name holds a figure
    if len(words) == 1 and words[0].lower() in _MONTHS:
        return "DATE"  # "in May", to a recogniser that took the month for a place (not "Theresa May"'s "May")
    if len(words) < 2 or not (words[0][:1].isupper() or words[0][:2] in {"(", "(" + words[0][1:2]}):
        return None
    if _weather_system(words):
        return "EVENT"  # "Storm Adela", "Typhoon Koinu": a storm's name, never a person's
    if len(words) == 2 and words[1].isdigit() and words[0].lower() in NUMBERED_FACILITIES:
        return "FAC"  # "Terminal 2"
    tail = words[:-1] if words[-1].isdigit() and len(words) > 2 else words
    last = tail[-1].lower().strip(".,")
    if last in LAW_NAME_ENDINGS and tail[-1][:1].isupper() and label != "WORK_OF_ART":
        return "LAW"
    if label not in {"EVENT", "WORK_OF_ART", "PRODUCT", "LAW"} and last in EVENT_NAME_ENDINGS:
        return "EVENT"
    if label in {"EVENT", "WORK_OF_ART", "PRODUCT"} and last in BUILDING_NAME_ENDINGS:
        return "FAC"
    if label != "ORG" and words[0].lower() in ORGANISATION_NAME_STARTS:
        return "ORG"
    if label == "PERSON" and last in ORGANISATION_HEADS_NOT_SURNAMES:
        return "ORG"
    served = gazetteer.place(words[-1])
    if label in {"PERSON", "GPE", "NORP"} and unknown_place and served is not None \
            and served.kind in {"country", "state"} and all(
                word[:1].isupper() and gazetteer.is_common_word(word) and word.lower() not in PLACE_QUALIFIERS
                and word.lower() not in NATURAL_FEATURE_STARTS for word in words[:-1]):  # not "Lake Chad"
        return "ORG"
    return None


def _weather_system(words: list[str]) -> bool:
    """"Storm Adela", "Tropical Storm Alberto": qualifiers, a weather system's word, then one capitalised name."""
    lower = [word.lower() for word in words]
    index = 0
    while index < len(lower) - 1 and lower[index] in WEATHER_SYSTEM_QUALIFIERS:
        index += 1
    return index == len(lower) - 2 and lower[index] in WEATHER_SYSTEM_WORDS and words[-1][:1].isupper() \
        and words[index][:1].isupper() and not words[-1].isupper()


def _affiliation_or_facility(key: str, label: str, unknown_place: bool, evidence: Evidence) -> str | None:
    """"Benedict Osei of Carver Lyle", "Aston Martin's Fernando Alonso": an organisation (where no place is
    known by that name); "Manchester Piccadilly station": a facility."""
    if label != "ORG" and unknown_place and evidence.affiliation[key] > evidence.person[key]:
        return "ORG"
    if label in {"PERSON", "ORG", "GPE"} and evidence.facility[key] and unknown_place and not evidence.person[key] \
            and not evidence.org[key]:
        return "FAC"
    return None


def _persons(key: str, surface: str, label: str, gazetteer: Gazetteer, evidence: Evidence) -> str | None:
    """"The Conservative leader, Kemi Badenoch" (a GPE to the model), "his brother, Winston" (a city's name)."""
    place = gazetteer.place(surface)
    if label not in {"PERSON", "ORG"} and evidence.person[key] and not (
            evidence.org[key] or evidence.place[key] or evidence.product[key] or evidence.affiliation[key]) \
            and (place is None or place.kind == "city") and surface not in gazetteer.norp \
            and _person_shaped(surface.split(), gazetteer):
        return "PERSON"
    return None


def _person_shaped(words: list[str], gazetteer: Gazetteer) -> bool:
    """Two or three capitalised words that end no venue's name ("Kemi Badenoch"), or a known first name."""
    if len(words) == 1:
        return _first_name(words[0], gazetteer)
    return 2 <= len(words) <= 3 and all(word[:1].isupper() and not word.isupper() for word in words) \
        and words[-1].lower() not in VENUE_NAME_ENDINGS


def majority(counter: Counter[str]) -> str:
    order = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
    return max(counter, key=lambda label: (counter[label], -order.index(label) if label in order else -99))



def _first_name(word: str, gazetteer: Gazetteer) -> bool:
    """A first name that is no ordinary word too ("Nadia", not "Velvet", "Van" or "Diamond")."""
    return first_name_gender(word) is not None and not gazetteer.is_common_word(word)
