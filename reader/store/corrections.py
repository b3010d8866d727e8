"""The user's corrections in the database: add, list, remove (with undo), export and import as JSON.

What a correction means and how it is applied lives in reader.core.corrections; this only keeps
them, in the order they were made (the order they apply in), with the title and source of the
article a per-article correction was made in, so that the Corrections dialog can say which.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core.corrections import Correction, CorrectionError, correction_from_dict, correction_to_dict, kind_of

from .database import Database, open_database
from .location import database_path

EXPORT_FORMAT = "reader-corrections"
EXPORT_VERSION = 1
# Bookkeeping that travels with a correction in an export file, beside the correction's own fields.
_EXTRA = ("created_at", "article_title", "article_source")


@dataclass(frozen=True)
class StoredCorrection:
    id: int
    position: int
    correction: Correction
    created_at: str  # ISO 8601, UTC
    article_title: str | None = None  # the article a per-article correction was made in, for people
    article_source: str | None = None


@dataclass(frozen=True)
class Added:
    """What ``add`` did, so that ``undo_add`` can take it back exactly."""

    stored: StoredCorrection
    new: bool  # False: the same correction was stored already, and moved to the end (it is the latest now)
    previous_position: int | None = None


class CorrectionStore:
    """The corrections repository over an open Database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, correction: Correction, *, article_title: str | None = None,
            article_source: str | None = None) -> Added:
        """Store ``correction`` as the latest. Made again, it is not stored twice but moves to the end,
        so that it wins over what was made in between (retype to ORG, to PERSON, to ORG again: ORG)."""
        payload = _payload(correction)
        with self._db.transaction() as connection:
            position = _next_position(connection)
            row = connection.execute("SELECT * FROM corrections WHERE payload = ?", (payload,)).fetchone()
            if row is not None:
                connection.execute("UPDATE corrections SET position = ? WHERE id = ?", (position, row["id"]))
                stored = StoredCorrection(row["id"], position, correction, row["created_at"], row["article_title"],
                                          row["article_source"])
                return Added(stored, new=False, previous_position=row["position"])
            stored = StoredCorrection(0, position, correction, _now(), article_title, article_source)
            return Added(_insert(connection, stored), new=True)

    def undo_add(self, added: Added) -> None:
        """Take back an ``add``: remove what it stored, or move what it moved back to its place."""
        with self._db.transaction() as connection:
            if added.new:
                connection.execute("DELETE FROM corrections WHERE id = ?", (added.stored.id,))
            else:
                connection.execute("UPDATE corrections SET position = ? WHERE id = ?",
                                   (added.previous_position, added.stored.id))

    def remove(self, correction_id: int) -> StoredCorrection | None:
        """Remove one correction; returns it (for ``restore``), or None when there was none with that id."""
        with self._db.transaction() as connection:
            row = connection.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
            if row is None:
                return None
            connection.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
        try:
            return _stored(row)
        except (CorrectionError, ValueError):
            return None  # a kind this version cannot read: gone, and nothing to restore it from

    def restore(self, stored: StoredCorrection) -> None:
        """Undo a ``remove`` (or a ``clear``, one by one): the correction returns with its id, at its place."""
        with self._db.transaction() as connection:
            if connection.execute("SELECT 1 FROM corrections WHERE payload = ?",
                                  (_payload(stored.correction),)).fetchone() is None:
                _insert(connection, stored, keep_id=True)  # made again meanwhile: the newer one stays

    def clear(self) -> int:
        """Remove them all; returns how many there were."""
        with self._db.transaction() as connection:
            return connection.execute("DELETE FROM corrections").rowcount

    def stored(self, article: str | None = None) -> list[StoredCorrection]:
        """All corrections in the order they apply in; with ``article`` (an article_key), only those
        that concern it: the global ones and its own."""
        if article is None:
            rows = self._db.query("SELECT * FROM corrections ORDER BY position, id")
        else:
            rows = self._db.query("SELECT * FROM corrections WHERE article_key IS NULL OR article_key = ? "
                                  "ORDER BY position, id", (article,))
        result = []
        for row in rows:
            try:
                result.append(_stored(row))
            except (CorrectionError, ValueError):
                # A kind this version does not know (written by a newer Reader): kept, not applied.
                continue
        return result

    def corrections(self, article: str | None = None) -> list[Correction]:
        """What ``apply_corrections`` takes: ``stored(article)`` without the bookkeeping."""
        return [item.correction for item in self.stored(article)]

    def export_json(self) -> str:
        entries = [{**correction_to_dict(item.correction), "created_at": item.created_at,
                    "article_title": item.article_title, "article_source": item.article_source}
                   for item in self.stored()]
        document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported_at": _now(), "corrections": entries}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def import_json(self, text: str) -> int:
        """Add the corrections of an export, all or none (one transaction); returns how many were new.
        Raises CorrectionError, naming the first problem, when the text is not a valid export."""
        entries = parse_export(text)
        added = 0
        with self._db.transaction() as connection:
            for entry in entries:
                if connection.execute("SELECT 1 FROM corrections WHERE payload = ?",
                                      (_payload(entry.correction),)).fetchone():
                    continue  # already here: its place in the order stays
                _insert(connection, StoredCorrection(0, _next_position(connection), entry.correction,
                                                     entry.created_at, entry.article_title, entry.article_source))
                added += 1
        return added


def load_corrections(path: str | os.PathLike[str] | None = None) -> list[Correction]:
    """Every stored correction, for a run that only reads them (the CLI). No database yet: none,
    and none is created. Raises StoreError when the database cannot be read."""
    target = database_path(path, create_folder=False)
    if not target.exists():
        return []
    # No integrity check: it reads the whole file on every run, and damage met while reading is a StoreError too.
    with open_database(target, check=False) as database:
        return CorrectionStore(database).corrections()


def parse_export(text: str) -> list[StoredCorrection]:
    """The corrections of an export file, in order (their ids and positions are 0: not stored yet).
    A CorrectionError names the first problem."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        message = getattr(error, "msg", "too deeply nested")
        raise CorrectionError(f"The corrections file is not valid JSON ({message}).") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise CorrectionError("The file is not a Reader corrections export (its “format” is not "
                              f"“{EXPORT_FORMAT}”).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorrectionError("The corrections file has no valid “version”.")
    if version > EXPORT_VERSION:
        raise CorrectionError("The corrections file was written by a newer version of Reader; update Reader "
                              "to import it.")
    entries = document.get("corrections")
    if not isinstance(entries, list):
        raise CorrectionError("The corrections file has no “corrections” list.")
    result: list[StoredCorrection] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CorrectionError(f"Correction {number} in the file is not a JSON object.")
        fields: dict[str, Any] = dict(entry)
        extra = {name: fields.pop(name, None) for name in _EXTRA}
        try:
            correction = correction_from_dict(fields)
        except CorrectionError as error:
            raise CorrectionError(f"Correction {number} in the file: {error}") from None
        texts = {name: value if isinstance(value, str) else None for name, value in extra.items()}
        result.append(StoredCorrection(0, 0, correction, texts["created_at"] or _now(), texts["article_title"],
                                       texts["article_source"]))
    return result


def _insert(connection: sqlite3.Connection, stored: StoredCorrection, keep_id: bool = False) -> StoredCorrection:
    correction = stored.correction
    cursor = connection.execute(
        "INSERT INTO corrections (id, position, kind, article_key, payload, created_at, article_title, article_source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (stored.id if keep_id else None, stored.position, kind_of(correction), correction.article,
         _payload(correction), stored.created_at, stored.article_title, stored.article_source))
    assert cursor.lastrowid is not None
    return StoredCorrection(cursor.lastrowid, stored.position, correction, stored.created_at, stored.article_title,
                            stored.article_source)


def _payload(correction: Correction) -> str:
    # Canonical (sorted keys, no spaces), so the UNIQUE constraint recognises the same correction.
    return json.dumps(correction_to_dict(correction), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _stored(row: sqlite3.Row) -> StoredCorrection:
    return StoredCorrection(row["id"], row["position"], correction_from_dict(json.loads(row["payload"])),
                            row["created_at"], row["article_title"], row["article_source"])


def _next_position(connection: sqlite3.Connection) -> int:
    position: int = connection.execute("SELECT coalesce(max(position), 0) + 1 FROM corrections").fetchone()[0]
    return position


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
