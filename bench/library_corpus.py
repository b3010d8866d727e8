"""A folder of 100 news texts for the library: the 70 hand-written passages and 30 generated follow-ups.

    .venv/bin/python bench/library_corpus.py OUT_FOLDER [--follow-ups 30]

The passages (tests/data/news/*.txt) are copied as they are. Each follow-up is a small saved web
page (title, site, date) that returns to people of a passage: a speaker's full name once, then
the surname with a title ("Ms Ellery"), quotes attributed in the usual ways, the organisations and
places of the passage, and a second person who shares a speaker's surname but not the first name
(so that cross-article linking has both cases to get right: one person across articles, and two
people with one surname kept apart). Deterministic (seeded), so figures are comparable.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1] / "tests" / "data" / "news"
SITES = ["The Northern Courier", "Harbour Evening Post", "The Midland Ledger", "Westcountry Herald"]
FIRST_NAMES = ["Thomas", "Ruth", "Daniel", "Aisha", "Peter", "Joanna", "Samuel", "Helen", "Marcus", "Irene"]
QUOTES = [
    "We said at the time that this would not be the end of it, and we were right",
    "Nobody should be surprised by where we are today",
    "I have not changed my mind, and I do not expect to",
    "The people affected deserve a straight answer, not another consultation",
    "There is still a lot of work to do before anyone can call this a success",
    "We are listening, but we will not be rushed into a decision",
    "It has been a difficult few weeks for everyone involved",
    "The figures speak for themselves",
    "I would urge anyone with concerns to come forward",
    "This was never about one person; it was about how the whole system works",
    "We will keep pressing until we get the answers we were promised",
    "I think the public will judge us on what we do next, not on what we said",
]
OPENINGS = [
    "{full}, who made headlines last month, was back in the spotlight on {day} as the row over {topic} "
    "showed no sign of ending.",
    "Weeks after the dispute over {topic} first broke, {full} has spoken again, telling {site} that little "
    "has changed.",
    "The debate over {topic} returned on {day}, with {full} once more at the centre of it.",
    "{full} on {day} defended {pronoun} handling of {topic}, in {pronoun} first interview since the story "
    "broke.",
]
MIDDLES = [
    "“{q1},” {title} {surname} said. “{q2}.”",
    "Speaking in {place}, {title} {surname} said: “{q1}.”",
    "“{q1},” said {title} {surname}, adding that {pronoun_subject} would set out more details later in the week.",
    "{title} {surname} told reporters that {pronoun_subject} was “{q_partial}” about the outcome.",
]
ORG_LINES = [
    "A spokesperson for {org} said the organisation would respond in due course.",
    "{org} said in a statement: “{q3}.”",
    "Officials at {org} declined to comment on the latest figures.",
    "“{q3},” {org} said in a statement on {day}.",
]
NAMESAKE_LINES = [
    "{other} — no relation — also weighed in. “{q4},” {other_first} {surname} said, speaking from {place}.",
    "Among those watching closely was {other}, a local business owner. “{q4},” {other} said.",
]
CLOSINGS = [
    "{title} {surname} is expected to give evidence again before the end of the month.",
    "The matter is due to be discussed again at a meeting in {place} next week.",
    "{surname} did not respond to a request for further comment.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class Seed:
    id: str
    person: str  # a speaker's full name
    female: bool | None
    orgs: list[str]
    places: list[str]
    topic: str


def seeds() -> list[Seed]:
    """Passages with a speaker known by a full name, with their organisations, places and a topic."""
    found = []
    for gold_path in sorted(NEWS.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (NEWS / f"{gold['id']}.txt").read_text(encoding="utf-8")
        people = [e[0] for e in gold["entities"] if e[1] == "PERSON" and len(e[0].split()) >= 2]
        speakers = [q["speaker"] for q in gold["quotes"] if q.get("speaker") in people]
        if not speakers:
            continue
        person = speakers[0]
        if "-" in person.split()[-1]:
            continue  # "Park Ji-hoon": the family name comes first; the templates would get it wrong
        words = text.replace("“", " ").replace("”", " ").split()
        she, he = sum(w.lower() in ("she", "her") for w in words), sum(w.lower() in ("he", "his", "him") for w in words)
        female = True if she > he else False if he > she else None
        orgs = [e[0] for e in gold["entities"] if e[1] == "ORG" and len(e[0]) > 3]
        places = [e[0] for e in gold["entities"] if e[1] == "GPE"]
        topic = {"politics": "the vote", "business": "the company's results", "sport": "the club's season",
                 "science": "the study's findings", "health": "waiting times", "tech": "the data breach",
                 "local": "the council's plans", "courts": "the case", "culture": "the festival's future",
                 "international": "the talks"}.get(gold.get("beat", ""), "the affair")
        found.append(Seed(gold["id"], person, female, orgs, places or ["London"], topic))
    return found


def follow_up(seed: Seed, number: int, rng: random.Random, namesake: bool) -> tuple[str, str]:
    """(file name, page) of one follow-up article."""
    surname = seed.person.split()[-1]
    title = "Ms" if seed.female else "Mr" if seed.female is False else rng.choice(["Dr", "Prof"])
    pronoun = "her" if seed.female else "his" if seed.female is False else "their"
    subject = "she" if seed.female else "he" if seed.female is False else "they"
    quotes = rng.sample(QUOTES, 6)
    other_first = rng.choice([n for n in FIRST_NAMES if n != seed.person.split()[0]])
    values = {"full": seed.person, "surname": surname, "title": title, "pronoun": pronoun,
              "pronoun_subject": subject, "day": rng.choice(DAYS), "topic": seed.topic, "site": rng.choice(SITES),
              "place": rng.choice(seed.places), "org": rng.choice(seed.orgs) if seed.orgs else "the council",
              "q1": quotes[0], "q2": quotes[1], "q3": quotes[2], "q4": quotes[3],
              "q_partial": rng.choice(["cautiously optimistic", "deeply disappointed", "not surprised"]),
              "other": f"{other_first} {surname}", "other_first": other_first}
    first, second = rng.sample(MIDDLES, 2)
    paragraphs = [rng.choice(OPENINGS), first]
    if seed.orgs:
        paragraphs.append(rng.choice(ORG_LINES))
    if namesake:
        paragraphs.append(rng.choice(NAMESAKE_LINES))
    paragraphs.append(rng.choice(CLOSINGS))
    body = [p.format(**values) for p in paragraphs]
    body.insert(2, second.format(**{**values, "q1": quotes[4], "q2": quotes[5]}))  # other words the second time
    headline = f"{surname} returns to {seed.topic}" if number % 2 else f"{seed.person} speaks again on {seed.topic}"
    headline = headline[0].upper() + headline[1:]
    date = f"2026-{10 + number % 3:02d}-{1 + number % 27:02d}T08:00:00Z"
    site = html.escape(values["site"])
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(headline)} | '
            f'{site}</title><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{date}"></head><body><article>'
            f"<h1>{html.escape(headline)}</h1>"
            + "".join(f"<p>{html.escape(p)}</p>" for p in body) + "</article></body></html>\n")
    return f"follow-{number:03d}-{seed.id}.html", page


def write_corpus(folder: Path, follow_ups: int = 30, seed: int = 11) -> list[Path]:
    """Write the corpus into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(NEWS.glob("*.txt")):
        target = folder / path.name
        shutil.copy(path, target)
        written.append(target)
    rng = random.Random(seed)
    pool = seeds()
    for number in range(follow_ups):
        name, page = follow_up(pool[number % len(pool)], number, rng, namesake=number % 4 == 3)
        target = folder / name
        target.write_text(page, encoding="utf-8")
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--follow-ups", type=int, default=30)
    args = parser.parse_args()
    files = write_corpus(args.out, args.follow_ups)
    print(f"{len(files)} articles in {args.out}")


if __name__ == "__main__":
    main()
