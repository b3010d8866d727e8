"""The library's repository: articles and their analyses, with counts kept for cross-article queries.

Promises: the same text is one article however often it is added; storing an analysis replaces
the article's previous one in a single transaction (all rows or none); ``save_analyses`` stores a
batch in one transaction (one fsync for many articles, which is what makes adding a folder fast).

Which library entity an article's entity belongs to is a Linker's decision (reader.library.linking
makes the real one; ``NameLinker`` here, one library entity per normalised name and label, keeps
the store usable on its own). After the rows change, the counts of every library entity touched
are recomputed in the same transaction, and library entities left without rows are removed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from reader.core.corrections import article_key, normalise_name
from reader.core.model import Analysis, Article, Entity

from .database import Database


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    source: str
    title: str | None
    date: str | None
    site: str | None
    content_hash: str
    model: str | None
    model_version: str | None
    added_at: str
    analysed_at: str | None


class Linker(Protocol):
    """Decides the library entity of an article's entity, inside the transaction that stores it."""

    def link(self, connection: sqlite3.Connection, article_key: str, entity: Entity) -> int:
        """The id of ``entity``'s library entity (made now if needed)."""
        ...

    def finish(self, connection: sqlite3.Connection) -> set[int]:
        """Called once before the transaction commits; the ids of library entities changed besides those
        ``link`` returned (joined, renamed, emptied), so that their counts are refreshed too."""
        ...


class NameLinker:
    """The simplest linking: one library entity per (normalised name, label)."""

    def link(self, connection: sqlite3.Connection, article_key: str, entity: Entity) -> int:
        norm = normalise_name(entity.name)
        connection.execute("INSERT INTO library_entities (name, norm_name, label) VALUES (?, ?, ?)"
                           " ON CONFLICT (norm_name, label) DO NOTHING", (entity.name, norm, entity.label))
        library_id: int = connection.execute("SELECT id FROM library_entities WHERE norm_name = ? AND label = ?",
                                             (norm, entity.label)).fetchone()[0]
        connection.execute("INSERT OR IGNORE INTO library_entity_keys (kind, label, key, library_entity_id)"
                           " VALUES ('name', ?, ?, ?)", (entity.label, norm, library_id))
        return library_id

    def finish(self, connection: sqlite3.Connection) -> set[int]:
        return set()


# The quote kinds that are speech or writing someone is reported to have said; "term" and "title" are not.
SPEECH = "('full', 'partial')"
_COLUMNS = "id, source, title, date, site, content_hash, model, model_version, added_at, analysed_at"


class Library:
    def __init__(self, database: Database, linker: Linker | None = None) -> None:
        self._db = database
        self._linker: Linker = linker or NameLinker()

    @property
    def database(self) -> Database:
        return self._db

    def add_article(self, article: Article) -> int:
        """The article's id; stored now unless the same text is stored already (then that one's id)."""
        with self._db.transaction() as connection:
            return _add_article(connection, article)

    def save_analysis(self, analysis: Analysis) -> int:
        """Store ``analysis`` as its article's analysis (adding the article if needed), replacing any
        earlier one atomically; returns the article's id."""
        return self.save_analyses([analysis])[0]

    def save_analyses(self, analyses: Sequence[Analysis]) -> list[int]:
        """``save_analysis`` for each, all in one transaction: every one is stored, or none."""
        with self._db.transaction() as connection:
            touched: set[int] = set()
            ids = [store_analysis(connection, analysis, self._linker, touched) for analysis in analyses]
            touched |= self._linker.finish(connection)
            refresh_counts(connection, touched)
        return ids

    def find_by_hash(self, content_hash: str) -> ArticleRecord | None:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM articles WHERE content_hash = ?", (content_hash,))
        return ArticleRecord(*rows[0]) if rows else None

    def find(self, article: Article) -> ArticleRecord | None:
        return self.find_by_hash(article_key(article))

    def get(self, article_id: int) -> ArticleRecord | None:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return ArticleRecord(*rows[0]) if rows else None

    def text(self, article_id: int) -> str | None:
        rows = self._db.query("SELECT text FROM articles WHERE id = ?", (article_id,))
        return str(rows[0][0]) if rows else None

    def is_analysed(self, content_hash: str) -> bool:
        rows = self._db.query("SELECT analysed_at IS NOT NULL FROM articles WHERE content_hash = ?", (content_hash,))
        return bool(rows and rows[0][0])

    def count(self) -> int:
        return int(self._db.query("SELECT count(*) FROM articles")[0][0])


def refresh_counts(connection: sqlite3.Connection, library_ids: Iterable[int]) -> None:
    """Recount the rows of these library entities, and remove those that have none left."""
    ids = sorted(set(library_ids))
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters is 32766; stay far below it
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        connection.execute(f"""
            UPDATE library_entities SET
              article_count = (SELECT count(DISTINCT article_id) FROM entities e
                               WHERE e.library_entity_id = library_entities.id),
              mention_count = (SELECT coalesce(sum(mention_count), 0) FROM entities e
                               WHERE e.library_entity_id = library_entities.id),
              quote_count = (SELECT count(*) FROM entities e JOIN quotes q ON q.speaker_entity_id = e.id
                             WHERE e.library_entity_id = library_entities.id AND q.kind IN {SPEECH}),
              quote_article_count = (SELECT count(DISTINCT q.article_id) FROM entities e
                                     JOIN quotes q ON q.speaker_entity_id = e.id
                                     WHERE e.library_entity_id = library_entities.id AND q.kind IN {SPEECH})
            WHERE id IN ({marks})""", chunk)
        connection.execute(f"DELETE FROM library_entities WHERE id IN ({marks}) AND article_count = 0", chunk)


def store_analysis(connection: sqlite3.Connection, analysis: Analysis, linker: Linker, touched: set[int]) -> int:
    """``save_analysis``'s rows, in the caller's transaction: the article (added if needed) and its analysis'
    rows, replacing the old ones. Adds to ``touched`` the library entities of the old rows and the new; the
    caller calls ``linker.finish`` and ``refresh_counts``. Returns the article's id."""
    article_id = _add_article(connection, analysis.article)
    # The library entities the old analysis used: their counts change too.
    touched.update(row[0] for row in connection.execute(
        "SELECT DISTINCT library_entity_id FROM entities WHERE article_id = ? AND library_entity_id IS NOT NULL",
        (article_id,)))
    # Mentions go with their entities (ON DELETE CASCADE); quotes' speakers point at entities, so quotes go first.
    for table in ("quotes", "links", "entities"):
        connection.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    key = article_key(analysis.article)
    entity_rows = _insert_entities(connection, article_id, key, analysis, linker, touched)
    _insert_quotes(connection, article_id, analysis, entity_rows)
    connection.executemany(
        "INSERT INTO links (article_id, start_offset, end_offset, text, href, url, domain, warnings, policy)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, link.start, link.end, link.text, link.href, link.url, link.domain,
          json.dumps([w.code for w in link.warnings]), link.policy) for link in analysis.links])
    connection.execute("UPDATE articles SET model = ?, model_version = ?, analysed_at = ? WHERE id = ?",
                       (analysis.model or None, analysis.model_version, _now(), article_id))
    return article_id


def _add_article(connection: sqlite3.Connection, article: Article) -> int:
    content_hash = article_key(article)
    meta = article.metadata
    connection.execute(
        "INSERT INTO articles (source, title, date, site, content_hash, text, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (content_hash) DO NOTHING",
        (article.source, meta.title, meta.date, meta.site_name, content_hash, article.text, _now()))
    article_id: int = connection.execute("SELECT id FROM articles WHERE content_hash = ?",
                                         (content_hash,)).fetchone()[0]
    return article_id


def _insert_entities(connection: sqlite3.Connection, article_id: int, key: str, analysis: Analysis,
                     linker: Linker, touched: set[int]) -> dict[str, int]:
    """Entity rows (with their mentions), each linked to its library entity; returns the analysis'
    entity ids -> row ids."""
    rows: dict[str, int] = {}
    for entity in analysis.entities:
        library_id = linker.link(connection, key, entity)
        touched.add(library_id)
        cursor = connection.execute(
            "INSERT INTO entities (article_id, key, name, norm_name, label, aliases, library_entity_id, mention_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, entity.id, entity.name, normalise_name(entity.name), entity.label,
             json.dumps(list(entity.aliases), ensure_ascii=False), library_id, len(entity.mentions)))
        assert cursor.lastrowid is not None
        rows[entity.id] = cursor.lastrowid
        connection.executemany(
            "INSERT INTO mentions (entity_id, article_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)",
            [(cursor.lastrowid, article_id, m.start, m.end, m.text) for m in entity.mentions])
    return rows


def _insert_quotes(connection: sqlite3.Connection, article_id: int, analysis: Analysis,
                   entity_rows: dict[str, int]) -> None:
    values = []
    for quote in analysis.quotes:
        speaker = quote.speaker
        values.append((
            article_id, quote.start, quote.end, quote.text, quote.kind, quote.cue, quote.confidence, int(quote.closed),
            speaker.text if speaker else None, speaker.start if speaker else None, speaker.end if speaker else None,
            entity_rows.get(speaker.entity_id) if speaker and speaker.entity_id else None))
    connection.executemany(
        "INSERT INTO quotes (article_id, start_offset, end_offset, text, kind, cue, confidence, closed, speaker_text,"
        " speaker_start, speaker_end, speaker_entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
