"""Sports context: is this a sports story? Only there may a city's name be its club ("Hull beat Stoke")
and a capitalised plural its team ("the Owls"); in a politics story club rules never fire."""

from __future__ import annotations

import re

from ..lexicon import alternation
from ..lexicon.first_names import first_name_gender
from ..lexicon.gazetteers import Gazetteer
from ..lexicon.organisations import CLUB_NAME_ENDINGS, CLUB_NAME_ENDINGS_IN_SPORT
from ..lexicon.places import PLACE_PREPOSITIONS
from ..lexicon.sports import SPORTS_EVENT_PLURALS, SPORTS_MIN_WORDS, SPORTS_WORDS, SPORTS_WORDS_PER_THOUSAND
from .common import CAPITALISED_RUN, TOKEN, Candidate, strip_edges
from .evidence import in_fixture

_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# A result written in figures: "won 3-1", "a 2-2 draw", "6-4, 7-5" (no years: "2019-20" has four digits).
SCORE = re.compile(r"(?<![\w.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.-]|,\d)")


def is_sports_story(text: str) -> bool:
    """Enough sports words (a score counts as one) for the story's length: one linear pass each."""
    words = _LOWER_WORD.findall(text.lower())
    hits = sum(1 for word in words if word in SPORTS_WORDS) + len(SCORE.findall(text))
    return hits >= SPORTS_MIN_WORDS and hits * 1000 >= SPORTS_WORDS_PER_THOUSAND * len(words)


# A capitalised plural after "the", or anywhere in a fixture: a team's nickname ("the Owls", "Robins boss").
_NICKNAME = re.compile(r"(?:(?<=\bthe )|(?<=\bThe ))?(?<![\w'’-])[A-Z][a-z]{2,}s(?![\w'’-])")


def extend_team_names(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> None:
    """"Portland" + " Pioneers", "Sheffield" + " Wednesday": a place the model cut from its club's name."""
    for mention in mentions:
        if mention.label not in {"GPE", "LOC", "ORG", "PERSON", "NORP", "LAW"}:
            continue
        surface = text[mention.start:mention.end]
        words = surface.split()
        if len(words) == 2 and _team_name(words, gazetteer):
            mention.label = "ORG"  # "Leeds Rhinos" the model took for a person
            continue
        following = _NEXT_WORD.match(text, mention.end)
        if following is None:
            continue
        word = following.group(1)
        longer = f"{surface} {word}"
        nickname = gazetteer.place(surface) is not None and _team_plural(word, gazetteer)
        if longer in gazetteer.clubs or nickname:
            mention.end, mention.label = following.end(), "ORG"


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’]+)(?![\w'’-])")


def club_mentions(text: str, mentions: list[Candidate], sentence_starts: frozenset[int],
                  gazetteer: Gazetteer) -> list[Candidate]:
    """In a sports story, clubs seen on sight: a club's name ("Stoke" only in a fixture, since it is also a
    town), a capitalised plural after "the" or in a fixture ("the Owls"), and the last word of a club's name
    used alone ("City" after "Bristol City", "Pioneers" after "Portland Pioneers"). A name once seen as a
    club is the club everywhere in the story; a mention the model typed otherwise is retyped."""
    persons = {word for m in mentions if m.label == "PERSON" and " " in text[m.start:m.end]
               for word in text[m.start:m.end].split()}
    short: set[str] = set()
    towns: set[str] = set()  # "Dunmore" of "Dunmore Otters": its club where a fixture says so
    for mention in mentions:
        words = text[mention.start:mention.end].split()
        if mention.label == "ORG" and len(words) > 1 and (
                words[-1].lower() in CLUB_NAME_ENDINGS | CLUB_NAME_ENDINGS_IN_SPORT or words[-1].endswith("s")):
            short.add(words[-1])
            if len(words) == 2:
                towns.add(words[0])
    seen: list[tuple[int, int, str, bool]] = []
    for match in CAPITALISED_RUN.finditer(text):
        spans = [(match.start() + m.start(), match.start() + m.end()) for m in TOKEN.finditer(match.group())]
        index = 0
        while index < len(spans):
            for size in range(min(4, len(spans) - index), 0, -1):
                start, end = strip_edges(text, spans[index][0], spans[index + size - 1][1])
                name = text[start:end]
                verdict = _is_club(text, name, start, end, sentence_starts, gazetteer, persons, short, towns)
                if verdict is not None:
                    seen.append((start, end, name, verdict))
                    index += size
                    break
            else:
                index += 1
    clubs = {name for _, _, name, verdict in seen if verdict}
    by_span = {(m.start, m.end): m for m in mentions}
    found: list[Candidate] = []
    for start, end, name, _ in seen:
        if name in clubs:
            existing = by_span.get((start, end))
            if existing is not None:
                existing.label = "ORG"  # "the Robins" the model took for a person
            else:
                found.append(Candidate(start, end, "ORG", "club"))
    return found


def _is_club(text: str, name: str, start: int, end: int, sentence_starts: frozenset[int], gazetteer: Gazetteer,
             persons: set[str], short: set[str], towns: set[str]) -> bool | None:
    """True: a club here; False: a name clubs have, not used as one here; None: no club's name."""
    if not name or name in persons or name in gazetteer.norp:
        return None
    words = name.split()
    place = gazetteer.place(name)
    if name in short or name in gazetteer.clubs:
        clubish = True
    elif len(words) == 1 and _NICKNAME.fullmatch(name) and place is None and not _sport_word(name):
        clubish = True
        if text[max(0, start - 4):start] in {"the ", "The "}:
            return True  # "the Owls"
    elif len(words) == 2 and _team_name(words, gazetteer):
        return True  # "Portland Pioneers": a city and a plural
    elif (place is not None and place.kind != "country") or name in towns:
        clubish = False
    else:
        return None
    if name in short:
        return True  # "The Rhinos, who sit third" after "Leeds Rhinos"
    fixture = in_fixture(text, start, end)
    if start in sentence_starts and gazetteer.is_common_word(name) and not fixture:
        return False  # "Wolves" opening a sentence about wolves, until the story shows the club
    if clubish and (place is None or name in short):
        return True
    return fixture


def _sport_word(word: str) -> bool:
    """"Games", "Athletics": an event's or a sport's name, not a team's nickname."""
    return word.lower() in SPORTS_EVENT_PLURALS or word.lower() in SPORTS_WORDS


_PLACE_BEFORE = re.compile(rf"\b(?:{alternation(PLACE_PREPOSITIONS)})\s+$")


def places_kept(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> None:
    """A club named after its city is still the city after "in": "fans in Leicester" (not "in Leicester's")."""
    for mention in mentions:
        if mention.label == "ORG":
            place = gazetteer.place(text[mention.start:mention.end])
            if place is not None and _PLACE_BEFORE.search(text, max(0, mention.start - 8), mention.start) \
                    and text[mention.end:mention.end + 1] not in {"'", "’"}:
                mention.label = place.label


def _team_plural(word: str, gazetteer: Gazetteer) -> bool:
    """"Rhinos", "Pioneers": a capitalised plural that is no place, group, sport or event."""
    return bool(_NICKNAME.fullmatch(word)) and gazetteer.place(word) is None and word not in gazetteer.norp \
        and not _sport_word(word)


def _team_name(words: list[str], gazetteer: Gazetteer) -> bool:
    """"Portland Pioneers", "Kelso Ravens": a town (known, or at least no first name: "Gordon Banks" is a
    player) and a plural nickname (for an unknown town, an ordinary word's plural)."""
    if not _team_plural(words[1], gazetteer):
        return False
    if gazetteer.place(words[0]) is not None:
        return True
    return first_name_gender(words[0]) is None and gazetteer.is_common_word(words[1]) \
        and words[0][:1].isupper() and not words[0].isupper() and not gazetteer.is_common_word(words[0]) \
        and words[0].lower() not in gazetteer.function_words
