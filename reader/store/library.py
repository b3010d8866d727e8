"""The library's repository, first cut: store an article and its analysis, find an article by content.

Issue 11 builds the library on this (listing, search, cross-article entities). What is here
already keeps its promises: the same text is one article however often it is added, and storing
an analysis replaces the article's previous one in a single transaction (all rows or none).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.corrections import article_key, normalise_name
from reader.core.model import Analysis, Article

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


class Library:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add_article(self, article: Article) -> int:
        """The article's id; stored now unless the same text is stored already (then that one's id)."""
        with self._db.transaction() as connection:
            return _add_article(connection, article)

    def save_analysis(self, analysis: Analysis) -> int:
        """Store ``analysis`` as its article's analysis (adding the article if needed), replacing any
        earlier one atomically; returns the article's id."""
        with self._db.transaction() as connection:
            article_id = _add_article(connection, analysis.article)
            # Mentions go with their entities (ON DELETE CASCADE); quotes' speakers point at entities,
            # so quotes go first.
            for table in ("quotes", "links", "entities"):
                connection.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            entity_rows = _insert_entities(connection, article_id, analysis)
            _insert_quotes(connection, article_id, analysis, entity_rows)
            connection.executemany(
                "INSERT INTO links (article_id, start_offset, end_offset, text, href, url, domain, warnings, policy)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, link.start, link.end, link.text, link.href, link.url, link.domain,
                  json.dumps([w.code for w in link.warnings]), link.policy) for link in analysis.links])
            connection.execute("UPDATE articles SET model = ?, model_version = ?, analysed_at = ? WHERE id = ?",
                               (analysis.model or None, analysis.model_version, _now(), article_id))
        return article_id

    def find_by_hash(self, content_hash: str) -> ArticleRecord | None:
        rows = self._db.query(
            "SELECT id, source, title, date, site, content_hash, model, model_version, added_at, analysed_at "
            "FROM articles WHERE content_hash = ?", (content_hash,))
        return ArticleRecord(*rows[0]) if rows else None

    def find(self, article: Article) -> ArticleRecord | None:
        return self.find_by_hash(article_key(article))


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


def _insert_entities(connection: sqlite3.Connection, article_id: int, analysis: Analysis) -> dict[str, int]:
    """Entity rows (with their mentions), linked to library entities by normalised name and label;
    returns the analysis' entity ids -> row ids."""
    rows: dict[str, int] = {}
    for entity in analysis.entities:
        norm = normalise_name(entity.name)
        # The simplest cross-article link: one library entity per (normalised name, label). The
        # library may decide otherwise later; the column, not this rule, is the schema's promise.
        connection.execute("INSERT INTO library_entities (name, norm_name, label) VALUES (?, ?, ?)"
                           " ON CONFLICT (norm_name, label) DO NOTHING", (entity.name, norm, entity.label))
        library_id = connection.execute("SELECT id FROM library_entities WHERE norm_name = ? AND label = ?",
                                        (norm, entity.label)).fetchone()[0]
        cursor = connection.execute(
            "INSERT INTO entities (article_id, key, name, norm_name, label, aliases, library_entity_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article_id, entity.id, entity.name, norm, entity.label, json.dumps(list(entity.aliases)), library_id))
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
