"""Word lists the entity stage trusts more than a small statistical model.

Places come from GeoNames (via tools/build_gazetteers.py), football clubs from openfootball
(via tools/build_clubs.py), nationalities and groups from a hand-kept list, common words from a
dictionary. They are loaded once, lazily.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ... import resources


@dataclass(frozen=True, slots=True)
class Place:
    label: str  # GPE or LOC
    kind: str  # country, state, city, region, continent
    population: int
    ambiguous: bool  # its lower-case form is an ordinary word ("Reading", "Mobile")
    canonical: str  # the name its aliases share ("US" -> "United States")

    @property
    def well_known(self) -> bool:
        """Safe to recognise on sight, without a model's say-so."""
        return not self.ambiguous and (self.kind != "city" or self.population >= 200_000)


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]
    norp: dict[str, str]  # surface (singular or plural) -> singular name
    orgs: dict[str, str]  # surface or alias -> canonical organisation name
    common_words: frozenset[str]
    function_words: frozenset[str] = frozenset()
    clubs: dict[str, str] = field(default_factory=dict)  # club name or short form -> the club's name

    def place(self, name: str) -> Place | None:
        place = self.places.get(name)
        if place is None and not name.isascii():
            place = self.places.get(_without_accents(name))  # "Málaga", "Constanța" as GeoNames spells them
        if place is None and len(name) > 3 and name.isupper() and name not in self.orgs:
            # A dateline's "NAIROBI", "RIO DE JANEIRO" (no acronym: "BBC").
            place = self.places.get(name.title()) or self.places.get(_without_accents(name.title()))
        return place

    def is_common_word(self, word: str) -> bool:
        return word.lower() in self.common_words

    def starts_no_name(self, word: str) -> bool:
        """A sentence-initial word that cannot begin a name: "The", "Losing", "Reportedly" (not "Bill")."""
        lower = word.lower()
        return lower in self.function_words or (
            lower in self.common_words and lower.endswith(("ing", "ed", "ly")) and len(lower) > 4)


def _without_accents(name: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))


def _read_lines(name: str) -> list[str]:
    # A missing or unreadable data file is an error, never a silently weaker recogniser.
    path = resources.gazetteer(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise resources.MissingResourceError(
            f"the reader's data file gazetteers/{name} cannot be read ({error}); reinstall the reader") from error
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    places: dict[str, Place] = {}
    for line in _read_lines("places.tsv"):
        fields = line.split("\t")
        if len(fields) == 6:
            name, label, kind, population, ambiguous, canonical = fields
            places[name] = Place(label, kind, int(population), ambiguous == "1", canonical)
    norp: dict[str, str] = {}
    for name in _read_lines("norp.txt"):
        name = name.strip()
        norp[name] = name
        if not name.endswith(("ese", "ish", "ch", "ss", "s", "ic")):  # no "Chineses", "Frenchs"
            norp.setdefault(name + "s", name)  # Syrians, Kurds, Iraqis, Islamists
    orgs: dict[str, str] = {}
    for line in _read_lines("orgs.txt"):
        names = [name.strip() for name in line.split("\t") if name.strip()]
        for name in names:
            orgs.setdefault(name, names[0])
    common = frozenset(_read_lines("common_words.txt"))
    for line in _read_lines("regions.txt"):
        name, _country = line.split("\t")
        known = places.get(name)
        if known is None or known.kind == "city":  # "Ontario" the province, not the Californian city
            places[name] = Place("GPE", "state", 0, name.lower() in common, name)
    clubs: dict[str, str] = {}
    for line in _read_lines("clubs.tsv"):
        names = line.split("\t")
        for name in names:
            # A one-word short form that is an ordinary word ("Reading", "Start", "Brown") is left out,
            # unless it is a plural nickname ("Spurs", "Wolves"): in text it is far more often the word.
            if " " in name or name.lower() not in common or name.endswith("s"):
                clubs.setdefault(name, names[0])
    return Gazetteer(places, norp, orgs, common, frozenset(_read_lines("function_words.txt")), clubs)
