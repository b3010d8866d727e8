"""Deterministic long articles for the benchmark.

Paragraphs mix three sources so the text is varied, not the sample repeated:

* sentences of the bundled sample (reader/data/samples/hama.html),
* sentences of the English test pages (tests/data/pages/*.html), when present,
* synthetic news sentences built from templates, with a pool of a few hundred
  people, organisations and places that recur across the document (titles, "Mr X"
  back-references, quotations with reporting verbs, dates, numbers).

Some phrases become links (absolute, relative, tracking parameters, plain http,
a numeric host), so the link inspector has real work. The result is an HTML page;
the same seed and size always give the same bytes.
"""

from __future__ import annotations

import html
import random
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "reader" / "data" / "samples" / "hama.html"
PAGES = ROOT / "tests" / "data" / "pages"

FIRST = """Amira Omar Layla Karim Nadia Samir Hassan Rania Yusuf Mariam Tariq Salma Ahmed Huda Khalid Dina
Elena Marco Sofia Lukas Anna Pierre Claire Jonas Ingrid Mateo Lucia Pavel Olga Tomasz Agnieszka Sean
Grace Daniel Rachel Michael Sarah David Emily James Laura Robert Helen Thomas Alice Peter Susan John
Mei Hiroshi Yuki Arjun Priya Kwame Amara Chidi Fatima Ibrahim Zeynep Emre Leila Reza""".split()
LAST = """Haddad Khoury Mansour Nasser Saleh Farouk Aziz Darwish Hamdan Qasim Rahman Sabbagh Tawil Yassin
Zidan Bakr Costa Moreau Weber Novak Kowalski Lindqvist Fernandez Rossi Petrov Schneider Dubois Jansen
Okafor Mensah Adeyemi Nakamura Tanaka Sharma Gupta Chen Wang Kim Park Nguyen Yilmaz Demir Kaya Hosseini
Carter Bennett Hughes Morgan Fletcher Reid Walsh Doyle Brennan Sullivan Harper Lawson Griffin Foster""".split()
TITLES = ["Mr", "Ms", "Dr", "President", "Minister", "General", "Senator", "Governor", "Professor"]
ROLES = ["spokesman", "spokeswoman", "foreign minister", "commander", "analyst", "director", "envoy",
         "chief executive", "mayor", "researcher", "deputy leader", "ambassador"]
ORGS = ["United Nations", "World Health Organization", "Red Cross", "European Union", "African Union",
        "Arab League", "International Monetary Fund", "World Bank", "Amnesty International",
        "Human Rights Watch", "Syrian Observatory for Human Rights", "Ministry of Defence",
        "Central Bank", "National Security Council", "Kurdish Democratic Party", "Free Syrian Army",
        "Reuters", "Associated Press", "Al Jazeera", "BBC", "Doctors Without Borders", "Nato",
        "Organisation for Economic Co-operation and Development", "Council of Europe"]
PLACES = ["Damascus", "Aleppo", "Homs", "Latakia", "Idlib", "Deir Ezzor", "Raqqa", "Beirut", "Amman",
          "Baghdad", "Ankara", "Istanbul", "Cairo", "Tehran", "Moscow", "Washington", "London", "Paris",
          "Berlin", "Geneva", "Brussels", "Doha", "Riyadh", "Tel Aviv", "Gaza", "Mosul", "Kirkuk", "Erbil",
          "Tartus", "Daraa", "Qamishli", "Palmyra", "Euphrates", "Golan Heights", "Mediterranean"]
NORPS = ["Syrian", "Russian", "Iranian", "Turkish", "Kurdish", "Lebanese", "Israeli", "American", "French",
         "British", "German", "Iraqi", "Jordanian", "Egyptian", "Sunni", "Shiite", "Alawite", "Christian"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "predicted", "wrote", "tweeted", "argued",
         "explained", "noted", "claimed", "stressed", "acknowledged"]
NOUNS = ["ceasefire", "offensive", "negotiations", "humanitarian corridor", "supply route", "checkpoint",
         "power plant", "airport", "border crossing", "hospital", "water supply", "grain harvest", "election",
         "budget", "pipeline", "refugee camp", "convoy", "parliament", "currency", "railway"]
ADJS = ["fragile", "unexpected", "long-awaited", "controversial", "costly", "decisive", "temporary", "limited",
        "ambitious", "disputed", "symbolic", "urgent"]
QUOTES = ["We will not abandon the people of {place}", "There is no military solution to this conflict",
          "The {noun} must be protected at all costs", "Nobody expected the front to collapse this quickly",
          "We are ready to talk, but not under fire", "Every day without a {noun} costs lives",
          "This is a turning point for {place}", "The numbers we are seeing are deeply alarming",
          "Our teams cannot reach the wounded", "History will judge those who stayed silent",
          "The {adj} {noun} is only the first step", "We have asked for guarantees and received none"]


def _sentences_of(text: str) -> list[str]:
    from reader.core.sentences import split_sentences

    return [text[s.start:s.end] for s in split_sentences(text)
            if 8 <= len(text[s.start:s.end].split()) <= 60]


@lru_cache(maxsize=1)
def borrowed_sentences() -> tuple[str, ...]:
    """Sentences of the sample and of the English test pages (read once)."""
    from reader.core import load_path

    found: list[str] = []
    paths = [SAMPLE, *sorted(p for p in PAGES.glob("*.htm*") if p.suffix in (".html", ".htm", ".xhtml"))]
    for path in paths:
        try:
            article = load_path(path)
        except Exception:  # noqa: BLE001 - a page the loader rejects is simply not used
            continue
        language = (article.metadata.language or "en").lower()
        if path != SAMPLE and not language.startswith("en"):
            continue
        found.extend(_sentences_of(article.text))
    return tuple(found)


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        people = [(first, last) for first in FIRST for last in LAST]
        rng.shuffle(people)
        self.people = people[:400]  # recurring cast: ~400 distinct people
        self.links = 0

    def person(self, cast: list[tuple[str, str]], full: bool = True) -> str:
        first, last = self.rng.choice(cast)
        if full:
            return f"{first} {last}"
        return f"{self.rng.choice(TITLES)} {last}" if self.rng.random() < 0.6 else last

    def fill(self, template: str, cast: list[tuple[str, str]]) -> str:
        r = self.rng
        values = {
            "person": self.person(cast), "ref": self.person(cast, full=False), "title": r.choice(TITLES),
            "role": r.choice(ROLES), "org": r.choice(ORGS), "place": r.choice(PLACES),
            "place2": r.choice(PLACES), "norp": r.choice(NORPS), "month": r.choice(MONTHS),
            "day": r.choice(DAYS), "d": r.randint(1, 28), "year": r.randint(1982, 2025),
            "n": f"{r.randint(2, 90_000):,}", "verb": r.choice(VERBS), "noun": r.choice(NOUNS),
            "noun2": r.choice(NOUNS), "adj": r.choice(ADJS), "pct": r.randint(2, 97),
        }
        values["quote"] = r.choice(QUOTES).format(**values)
        return template.format(**values)

    def link(self, phrase: str) -> str:
        r, i = self.rng, self.links
        self.links += 1
        kind = i % 9
        slug = "-".join(phrase.lower().split())[:40]
        href = [f"https://www.example-news.com/world/2024/{i % 12 + 1:02d}/{slug}",
                f"/news/{slug}-{i}", f"https://www.example-news.com/{slug}?utm_source=feed&utm_medium=rss&id={i}",
                f"http://archive.example.org/{i}/{slug}", f"https://en.wikipedia.org/wiki/{phrase.replace(' ', '_')}",
                f"https://t.co/{i:x}", f"https://www.google.com/url?q=https://example.org/{slug}&sa=D",
                f"https://{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}/{slug}",
                f"https://reports.example.net/{slug}.pdf#page={i % 40}"][kind]
        return f'<a href="{html.escape(href)}">{html.escape(phrase)}</a>'


NAMED = tuple(PLACES + ORGS)
TEMPLATES = [
    "{person}, the {role} of the {org}, said on {day} that the {noun} near {place} had been {adj}.",
    "“{quote},” {person} {verb} on {day}.",
    "“{quote},” {ref} said, adding that talks in {place} would resume in {month}.",
    "{ref} {verb} that the {norp} government would review the {noun} before {month} {d}.",
    "According to the {org}, {n} people have fled {place} since {month} {year}.",
    "In {place}, residents described a {adj} {noun} and long queues for bread and fuel.",
    "The {org} {role}, {person}, warned: “{quote}.”",
    "{title} {person} met officials from the {org} in {place2} on {day}, {month} {d}, {year}.",
    "Prices in {place} rose by {pct} per cent in {month}, the {org} said in a report published on {day}.",
    "{person} told the {org} that {norp} forces had withdrawn from the {noun} outside {place}.",
    "Asked about the {noun}, {ref} declined to comment.",
    "The {adj} {noun} between {place} and {place2} reopened after {n} days, officials said.",
    "Analysts at the {org} called the move “a {adj} gamble”.",
    "{person} and {ref} are expected to travel to {place2} next week for talks on the {noun}.",
    "Since {year}, more than {n} {norp} families have returned to {place}, the {org} estimates.",
    "It was not immediately clear who controlled the {noun2} on the road to {place}.",
]


def long_article_html(words: int = 100_000, seed: int = 1982) -> str:
    """An HTML page of at least ``words`` words of varied news prose."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    borrowed = borrowed_sentences()
    paragraphs: list[str] = []
    count = 0
    while count < words:
        cast = rng.sample(writer.people, 4)  # each paragraph is about a few people
        sentences: list[str] = []
        for _ in range(rng.randint(3, 7)):
            if borrowed and rng.random() < 0.3:
                sentences.append(html.escape(rng.choice(borrowed), quote=False))
            else:
                sentence = html.escape(writer.fill(rng.choice(TEMPLATES), cast), quote=False)
                named = [name for name in NAMED if name in sentence]
                if named and rng.random() < 0.2:  # link a place or organisation named in it
                    name = rng.choice(named)
                    sentence = sentence.replace(name, writer.link(name), 1)
                sentences.append(sentence)
        paragraph = " ".join(sentences)
        count += len(paragraph.split()) - paragraph.count("<a ")
        tag = "h2" if rng.random() < 0.03 else "p"
        paragraphs.append(f"<{tag}>{paragraph}</{tag}>" if tag == "p"
                          else f"<h2>{rng.choice(PLACES)}</h2>\n<p>{paragraph}</p>")
    body = "\n".join(paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A long report ({words:,} words)'
            f'</title></head>\n<body><article>\n<h1>A long report</h1>\n{body}\n</article></body></html>\n')


def article_of_size(size_bytes: int, seed: int = 1982) -> str:
    """An HTML page whose article text is about ``size_bytes`` characters (for the GUI scenario)."""
    # ~6.2 characters of text per word in this prose; generate a little more, then trim paragraphs.
    page = long_article_html(int(size_bytes / 6.0) + 1000, seed)
    head, _, rest = page.partition("<h1>")
    paragraphs = rest.split("\n")
    kept: list[str] = []
    total = 0
    for line in paragraphs:
        if line.startswith("</article>"):
            break
        kept.append(line)
        total += len(line) - 80 * line.count("<a ")  # markup of links is not text
        if total >= size_bytes * 1.08:
            break
    return head + "<h1>" + "\n".join(kept) + "\n</article></body></html>\n"
