"""The database's schema, as the ordered migrations that build it. Append; never edit a released one.

Offsets are Python string indices into the article's text (as in reader.core.model), end exclusive;
they are stored as ``start_offset``/``end_offset`` because END is an SQL keyword.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One step of the schema: SQL (one or more statements) or a function given the connection.

    It runs inside the transaction that also sets ``user_version`` to ``version`` (see
    reader.store.database); it must not commit, and its SQL must not contain BEGIN or COMMIT.
    """

    version: int
    description: str
    apply: str | Callable[[sqlite3.Connection], None]


CORRECTIONS = """
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an undone removal gets its id back
    position    INTEGER NOT NULL,         -- with id, the order they apply in (a later one wins); a re-made
                                          -- correction moves to the end, a restored one back to its place
    kind        TEXT NOT NULL,            -- reader.core.corrections.KINDS
    article_key TEXT,                     -- sha256 of the article's text; NULL: every article (the user gazetteer)
    payload     TEXT NOT NULL UNIQUE,     -- the correction as canonical JSON: the same correction is stored once
    created_at  TEXT NOT NULL,            -- ISO 8601, UTC
    -- The article a per-article correction was made in, for the Corrections dialog (not its identity).
    article_title  TEXT,
    article_source TEXT
);
CREATE INDEX corrections_article ON corrections (article_key, position);
"""

# The library (issue 11). Each article's entities are its analysis' own (ids unique in the article);
# ``library_entity_id`` links them across articles to one row of ``library_entities``, so "every
# article that mentions X" is one indexed join, however the linking is decided.
LIBRARY = """
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,          -- the path or URL it was opened from
    title         TEXT,
    date          TEXT,                   -- as the page gives it
    site          TEXT,
    content_hash  TEXT NOT NULL UNIQUE,   -- sha256 of the text (reader.core.corrections.article_key)
    text          TEXT NOT NULL,
    model         TEXT,                   -- the recogniser's model ("rules", "en_core_web_sm")
    model_version TEXT,
    added_at      TEXT NOT NULL,
    analysed_at   TEXT                    -- NULL until its analysis is stored
);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_site ON articles (site);

CREATE TABLE library_entities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    norm_name TEXT NOT NULL,              -- reader.core.corrections.normalise_name(name)
    label     TEXT NOT NULL,
    UNIQUE (norm_name, label)
);

CREATE TABLE entities (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key               TEXT NOT NULL,      -- Entity.id in the analysis
    name              TEXT NOT NULL,
    norm_name         TEXT NOT NULL,
    label             TEXT NOT NULL,
    aliases           TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    library_entity_id INTEGER REFERENCES library_entities (id) ON DELETE SET NULL,
    UNIQUE (article_id, key)
);
CREATE INDEX entities_name_label ON entities (norm_name, label);
CREATE INDEX entities_library ON entities (library_entity_id);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    entity_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    CHECK (0 <= start_offset AND start_offset < end_offset)
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_article ON mentions (article_id, start_offset);

CREATE TABLE quotes (
    id                INTEGER PRIMARY KEY,
    article_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset      INTEGER NOT NULL,
    end_offset        INTEGER NOT NULL,
    text              TEXT NOT NULL,
    kind              TEXT NOT NULL,
    cue               TEXT,
    confidence        REAL NOT NULL,
    closed            INTEGER NOT NULL DEFAULT 1,
    speaker_text      TEXT,
    speaker_start     INTEGER,
    speaker_end       INTEGER,
    speaker_entity_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    CHECK (0 <= start_offset AND start_offset <= end_offset)
);
CREATE INDEX quotes_article ON quotes (article_id, start_offset);
CREATE INDEX quotes_speaker ON quotes (speaker_entity_id);

CREATE TABLE links (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    href         TEXT NOT NULL,
    url          TEXT,
    domain       TEXT,
    warnings     TEXT NOT NULL DEFAULT '[]',  -- JSON array of warning codes
    policy       TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX links_article ON links (article_id);
CREATE INDEX links_domain ON links (domain);

-- Full-text search over title and text, kept in step with ``articles`` by the triggers below
-- (an external-content table: the text is stored once).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

# The library's cross-article index (issue 11). Counts are kept on each library entity (refreshed in the
# transaction that changes its rows), so "most mentioned" and "most quoted" are an index scan on a
# library of any size rather than a GROUP BY over every mention. ``library_entity_keys`` holds the
# names a library entity answers to (normalised, without titles): its name, its aliases, and for a
# person with a full name its surname (kind 'surname'), which a bare "Merkel" in another article joins.
# Quote counts count speech only (kinds 'full' and 'partial'), not scare quotes or titles.
LIBRARY_INDEX = """
ALTER TABLE library_entities ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
ALTER TABLE library_entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE library_entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE library_entities ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE library_entities ADD COLUMN quote_article_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX library_entities_frequent ON library_entities (mention_count DESC, article_count DESC);
CREATE INDEX library_entities_label_frequent ON library_entities (label, mention_count DESC);
CREATE INDEX library_entities_quoted ON library_entities (quote_count DESC) WHERE quote_count > 0;

ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET mention_count = (SELECT count(*) FROM mentions WHERE mentions.entity_id = entities.id);

CREATE TABLE library_entity_keys (
    kind              TEXT NOT NULL,      -- 'name' (a full name or an alias) or 'surname'
    label             TEXT NOT NULL,
    key               TEXT NOT NULL,      -- normalised, titles and "'s" removed
    library_entity_id INTEGER NOT NULL REFERENCES library_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, label, key, library_entity_id)
) WITHOUT ROWID;
CREATE INDEX library_entity_keys_entity ON library_entity_keys (library_entity_id);
INSERT INTO library_entity_keys (kind, label, key, library_entity_id)
    SELECT 'name', label, norm_name, id FROM library_entities;

UPDATE library_entities SET
    article_count = (SELECT count(DISTINCT article_id) FROM entities e WHERE e.library_entity_id = library_entities.id),
    mention_count = (SELECT coalesce(sum(mention_count), 0) FROM entities e
                     WHERE e.library_entity_id = library_entities.id),
    quote_count = (SELECT count(*) FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id
                   WHERE e.library_entity_id = library_entities.id AND q.kind IN ('full', 'partial')),
    quote_article_count = (SELECT count(DISTINCT q.article_id) FROM quotes q
                           JOIN entities e ON e.id = q.speaker_entity_id
                           WHERE e.library_entity_id = library_entities.id AND q.kind IN ('full', 'partial'));
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "corrections", CORRECTIONS),
    Migration(2, "library: articles, their analyses, full-text index", LIBRARY),
    Migration(3, "library: entity keys and counts for cross-article queries", LIBRARY_INDEX),
)
LATEST = MIGRATIONS[-1].version
