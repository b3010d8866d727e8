"""The library's questions, each one indexed SQL query (plus at most a key lookup), returning plain dataclasses.

They stay fast on a large library because nothing is aggregated at query time: counts live on
``library_entities`` (refreshed when rows change, see reader.store.library), names to look up live
in ``library_entity_keys``, and text search is FTS5's. ``bench/library.py`` times each on 10,000
articles.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from reader.store import Database
from reader.store.library import SPEECH

from .linking import PERSON, name_key

PEOPLE = frozenset({PERSON})
# What ``entities`` lists unless asked for a label: names, not dates, times and amounts.
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
ALL = "ALL"
ORGANISATIONS = frozenset({"ORG"})


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    label: str
    aliases: list[str]
    articles: int
    mentions: int
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class QuoteRow:
    text: str
    speaker: str | None  # as written next to the quote ("she", "Mrs Merkel")
    speaker_entity: str | None  # the library entity's name
    speaker_entity_id: int | None
    speaker_label: str | None
    article_id: int
    source: str
    title: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpeakerRow:
    id: int
    name: str
    label: str
    quotes: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Speakers:
    speakers: list[SpeakerRow]
    quotes_by_label: dict[str, int]  # attributed speech quotes per speaker label
    unattributed: int  # speech quotes with no speaker entity
    people_share: float  # of attributed quotes, said by people
    organisations_share: float

    def to_dict(self) -> dict[str, Any]:
        return {"speakers": [row.to_dict() for row in self.speakers], "quotes_by_label": self.quotes_by_label,
                "unattributed": self.unattributed, "people_share": self.people_share,
                "organisations_share": self.organisations_share}


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    source: str
    title: str | None
    date: str | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleRow:
    id: int
    source: str
    title: str | None
    date: str | None
    site: str | None
    added_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MentionRow:
    article_id: int
    source: str
    title: str | None
    start: int
    end: int
    text: str
    context: str  # the sentence-sized text around it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ENTITY_COLUMNS = "id, name, label, aliases, article_count, mention_count, quote_count"


def _entity(row: Any) -> EntityRow:
    return EntityRow(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6])


def entities(db: Database, label: str | None = None, limit: int | None = 50) -> list[EntityRow]:
    """Library entities, most mentioned first: names (NAME_LABELS) unless ``label`` is given (``ALL``: every label)."""
    if label is None:
        where, parameters = f"WHERE label IN ({','.join('?' * len(NAME_LABELS))})", list(NAME_LABELS)
    elif label.upper() == ALL:
        where, parameters = "", []
    else:
        where, parameters = "WHERE label = ?", [label.upper()]
    rows = db.query(f"SELECT {_ENTITY_COLUMNS} FROM library_entities {where}"
                    " ORDER BY mention_count DESC, article_count DESC, id LIMIT ?", [*parameters, _limit(limit)])
    return [_entity(row) for row in rows]


def entity(db: Database, library_id: int) -> EntityRow | None:
    rows = db.query(f"SELECT {_ENTITY_COLUMNS} FROM library_entities WHERE id = ?", (library_id,))
    return _entity(rows[0]) if rows else None


def resolve(db: Database, name: str, label: str | None = None) -> list[int]:
    """The library entities ``name`` names: by their names and aliases, titles ignored; a bare surname
    also names the people whose full name ends with it."""
    keys = sorted({name_key(name, PERSON), name_key(name, "ORG")})
    marks = ",".join("?" * len(keys))
    rows = db.query(f"SELECT DISTINCT library_entity_id, label, key FROM library_entity_keys WHERE kind = 'name'"
                    f" AND key IN ({marks})", keys)
    found = {row[0] for row in rows if (label is None or row[1] == label) and row[2] == name_key(name, row[1])}
    person = name_key(name, PERSON)  # "Ms Nwosu" is "nwosu"
    if not found and len(person.split()) == 1 and label in (None, PERSON):
        found = {row[0] for row in db.query("SELECT library_entity_id FROM library_entity_keys"
                                            " WHERE kind = 'surname' AND label = ? AND key = ?", (PERSON, person))}
    return sorted(found)


def quotes(db: Database, speaker: str | None = None, speaker_ids: list[int] | None = None,
           limit: int | None = None) -> list[QuoteRow]:
    """Speech quotes in article order; ``speaker`` (any of the speaker's names) or ``speaker_ids`` keeps
    those said by those library entities."""
    columns = ("q.text, q.speaker_text, le.name, le.id, le.label, a.id, a.source, a.title, q.start_offset,"
               " q.end_offset")
    if speaker is not None or speaker_ids is not None:
        ids = list(speaker_ids or []) + (resolve(db, speaker) if speaker is not None else [])
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = db.query(
            f"SELECT {columns} FROM entities e JOIN quotes q ON q.speaker_entity_id = e.id"
            " JOIN library_entities le ON le.id = e.library_entity_id JOIN articles a ON a.id = q.article_id"
            f" WHERE e.library_entity_id IN ({marks}) AND q.kind IN {SPEECH}"
            " ORDER BY q.article_id, q.start_offset LIMIT ?", [*ids, _limit(limit)])
    else:
        rows = db.query(
            f"SELECT {columns} FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id"
            " LEFT JOIN library_entities le ON le.id = e.library_entity_id JOIN articles a ON a.id = q.article_id"
            f" WHERE q.kind IN {SPEECH} ORDER BY q.article_id, q.start_offset LIMIT ?", [_limit(limit)])
    return [QuoteRow(*row) for row in rows]


def speakers(db: Database, limit: int | None = None) -> Speakers:
    """Who is quoted how often (speech quotes and the articles they are in), and the share of people and
    organisations among the attributed quotes."""
    rows = db.query("SELECT id, name, label, quote_count, quote_article_count FROM library_entities"
                    " WHERE quote_count > 0 ORDER BY quote_count DESC, quote_article_count DESC, id LIMIT ?",
                    (_limit(limit),))
    by_label = {row[0]: int(row[1]) for row in db.query(
        "SELECT label, sum(quote_count) FROM library_entities WHERE quote_count > 0 GROUP BY label ORDER BY 2 DESC")}
    unattributed = int(db.query(f"SELECT count(*) FROM quotes WHERE speaker_entity_id IS NULL AND kind IN {SPEECH}")
                       [0][0])
    total = sum(by_label.values())
    people = sum(count for label, count in by_label.items() if label in PEOPLE)
    organisations = sum(count for label, count in by_label.items() if label in ORGANISATIONS)
    return Speakers([SpeakerRow(*row) for row in rows], by_label, unattributed,
                    round(people / total, 4) if total else 0.0, round(organisations / total, 4) if total else 0.0)


def search(db: Database, text: str, limit: int | None = 20) -> list[SearchHit]:
    """Articles whose title or text hold every word of ``text`` ("double quotes" for a phrase), best first."""
    match = fts_query(text)
    if not match:
        return []
    rows = db.query(
        "SELECT a.id, a.source, a.title, a.date, snippet(articles_fts, -1, '[', ']', '…', 16)"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, _limit(limit)))
    return [SearchHit(*row) for row in rows]


def articles(db: Database, limit: int | None = 200, offset: int = 0) -> list[ArticleRow]:
    """The articles, newest added first."""
    rows = db.query("SELECT id, source, title, date, site, added_at FROM articles ORDER BY id DESC LIMIT ? OFFSET ?",
                    (_limit(limit), offset))
    return [ArticleRow(*row) for row in rows]


def mentions(db: Database, library_id: int, limit: int | None = 500, context: int = 80) -> list[MentionRow]:
    """Every mention of a library entity across the library, with the text around it."""
    rows = db.query(
        "SELECT a.id, a.source, a.title, m.start_offset, m.end_offset, m.text,"
        " substr(a.text, max(1, m.start_offset + 1 - ?), m.end_offset - max(0, m.start_offset - ?) + ?)"
        " FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = e.article_id"
        " WHERE e.library_entity_id = ? ORDER BY a.id, m.start_offset LIMIT ?",
        (context, context, context, library_id, _limit(limit)))
    return [MentionRow(row[0], row[1], row[2], row[3], row[4], row[5], " ".join(row[6].split())) for row in rows]


_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """Words (and "phrases") as an FTS5 query in which every one must occur; FTS5's own syntax
    (operators, column filters, punctuation) is quoted away, so no input is a syntax error."""
    terms = []
    for phrase, word in _PHRASE.findall(text):
        term = (phrase or word).replace('"', "").strip()
        if term and any(character.isalnum() for character in term):
            terms.append('"' + term + '"')
    return " ".join(terms)


def _limit(limit: int | None) -> int:
    return -1 if limit is None or limit <= 0 else limit  # SQLite: a negative LIMIT is no limit
