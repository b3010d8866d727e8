"""Bringing the library up to date after the corrections changed, for what they touch only.

``library relink`` links the whole library again: 1.8 s on 500 articles, 7-9 s on 2,000 (measured
with bench/library.py's generator), far too slow to run after each correction made in the window.
``update_library`` does the part of that work a change of corrections can affect:

* the articles given (the corrected analysis on screen) are stored again, if the library has them
  (a correction never adds an article), replacing their rows;
* the library entities that may link differently are linked again from their rows, from scratch
  (so that names and aliases a correction brought leave with its undo): those of the entities of the
  stored-again articles that changed, those answering to a name of a global rename or merge that was
  made or taken back, and the bare surnames ("Merkel") of the people among them, which the surname
  rule may now give to someone else;
* the global renames and merges are applied again (``LibraryLinker.finish``) and the counts refreshed.

All in one transaction; the result is the library a full relink would make (tests/library/test_update.py).
Measured on the same libraries, a rename, merge or change of type of the most mentioned person (67 and
245 articles): 6-36 ms on 500 articles, 30-96 ms on 2,000, commit included; it grows with the rows of
the people touched, not with the library. The window runs it off the GUI thread all the same.

What it leaves: a global change of type, "not an entity" or new entity, and a correction of a stored
article that is not on screen, change that article's *analysis*; those reach the library when the
article is stored again (opened in the window and added with Add to Library, or ``library add --reanalyse``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.corrections import Correction, MergeEntities, RenameEntity, article_key
from reader.core.model import Analysis, Entity
from reader.store import Database, refresh_counts, store_analysis
from reader.store.library import SPEECH

from .linking import ENTITY_ROWS, PERSON, LibraryLinker, answering, link_rows

_CHUNK = 500  # ids per IN (...) list: far below SQLite's limit on parameters


@dataclass
class Update:
    """What ``update_library`` did."""

    articles: list[int] = field(default_factory=list)  # library ids of the articles stored again
    relinked: int = 0  # article entity rows linked again
    library_entities: set[int] = field(default_factory=set)  # library entities changed (some now gone)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.articles or self.library_entities)


def library_names(corrections: Iterable[Correction]) -> list[str]:
    """The names whose library entities a change of these corrections may join or part: those of the
    global renames and merges (the only corrections applied at library level, see linking)."""
    names: list[str] = []
    for correction in corrections:
        if correction.article is None and isinstance(correction, RenameEntity):
            names += [correction.name, correction.new_name]
        elif correction.article is None and isinstance(correction, MergeEntities):
            names += [correction.a, correction.b]
    return list(dict.fromkeys(names))


def update_library(db: Database, corrections: Sequence[Correction], changed: Iterable[Correction] = (),
                   analyses: Sequence[Analysis] = ()) -> Update:
    """Bring the library in ``db`` up to date with ``corrections`` (all the stored ones), after those in
    ``changed`` were made or taken back; ``analyses`` are articles' analyses made with ``corrections``
    (stored again if the library has them). One transaction."""
    started = time.perf_counter()
    update = Update()
    linker = LibraryLinker(corrections)
    with db.transaction() as connection:
        relink: set[int] = set()  # library entities to link again from their rows
        recount: set[int] = set()  # library entities whose counts may have changed
        for analysis in analyses:
            article_id = _stored_article(connection, article_key(analysis.article))
            if article_id is None:
                continue  # not in the library: a correction does not add it
            # The entities that changed (or came, or went): their library entities, old and new, and the
            # bare surnames of the old ones (found now: an old one may be gone once the article is stored).
            before = _entity_rows(connection, article_id)
            now = {entity.id: _signature(entity) for entity in analysis.entities}
            old = {library_id for key, (signature, _said, library_id) in before.items()
                   if library_id is not None and now.get(key) != signature}
            relink |= old | _bare_namesakes(connection, old)
            store_analysis(connection, analysis, linker, set())  # the counts: only those that changed, below
            for key, (signature, said, library_id) in _entity_rows(connection, article_id).items():
                was = before.get(key)
                if library_id is not None and (was is None or was[0] != signature):
                    relink.add(library_id)
                if was is None or was[1:] != (said, library_id):
                    recount.update(i for i in (library_id, None if was is None else was[2]) if i is not None)
            recount.update(library_id for key, (_signature_, _said, library_id) in before.items()
                           if key not in now and library_id is not None)
            update.articles.append(article_id)
        for name in library_names(changed):
            relink.update(library_id for library_id, _label in answering(connection, name, None))
        relink |= _bare_namesakes(connection, relink)
        rows = _unlink(connection, relink)
        update.relinked = len(rows)
        update.library_entities = recount | relink | link_rows(connection, linker, rows) | linker.finish(connection)
        refresh_counts(connection, update.library_entities)
    update.seconds = time.perf_counter() - started
    return update


def _unlink(connection: sqlite3.Connection, library_ids: set[int]) -> list[Any]:
    """Take these library entities apart: their rows (of ``ENTITY_ROWS``, in article order, as relink links
    them) are returned without a library entity, and the entities go, with the names they answered to."""
    rows: list[Any] = []
    for chunk in _chunks(sorted(library_ids)):
        marks = ",".join("?" * len(chunk))
        rows += connection.execute(f"{ENTITY_ROWS} WHERE e.library_entity_id IN ({marks})", chunk).fetchall()
        connection.execute(f"UPDATE entities SET library_entity_id = NULL WHERE library_entity_id IN ({marks})",
                           chunk)
        connection.execute(f"DELETE FROM library_entities WHERE id IN ({marks})", chunk)  # keys: ON DELETE CASCADE
    rows.sort(key=lambda row: (row[6], row[0]))
    return rows


def _bare_namesakes(connection: sqlite3.Connection, library_ids: set[int]) -> set[int]:
    """The library people that a bare surname ("Merkel") of one of these people names: a bare "Merkel" and
    whoever holds bare "Merkel"s now. Which full name (if any) the surname rule gives those to may change."""
    surnames: set[str] = set()
    for chunk in _chunks(sorted(library_ids)):
        surnames.update(str(row[0]) for row in connection.execute(
            f"SELECT key FROM library_entity_keys WHERE kind = 'surname' AND library_entity_id IN"
            f" ({','.join('?' * len(chunk))})", chunk))
    found: set[int] = set()
    for chunk in _chunks(sorted(surnames)):
        found.update(int(row[0]) for row in connection.execute(
            "SELECT library_entity_id FROM library_entity_keys"
            f" WHERE kind = 'name' AND label = ? AND key IN ({','.join('?' * len(chunk))})", [PERSON, *chunk]))
    return found


def _stored_article(connection: sqlite3.Connection, content_hash: str) -> int | None:
    row = connection.execute("SELECT id FROM articles WHERE content_hash = ? AND analysed_at IS NOT NULL",
                             (content_hash,)).fetchone()
    return None if row is None else int(row[0])


def _signature(entity: Entity) -> tuple[Any, ...]:
    """What linking looks at in an entity (``_entity_rows`` reads the same from its stored row)."""
    return entity.name, entity.label, tuple(entity.aliases), tuple(sorted((m.start, m.end) for m in entity.mentions))


def _entity_rows(connection: sqlite3.Connection, article_id: int) -> dict[str, tuple[tuple[Any, ...], int, int | None]]:
    """An article's stored entities by their analysis id: (``_signature``, the speech quotes said by it,
    its library entity)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for entity_id, start, end in connection.execute(
            "SELECT entity_id, start_offset, end_offset FROM mentions WHERE article_id = ?", (article_id,)):
        spans.setdefault(int(entity_id), []).append((int(start), int(end)))
    said: dict[int, int] = {int(row[0]): int(row[1]) for row in connection.execute(
        f"SELECT speaker_entity_id, count(*) FROM quotes WHERE article_id = ? AND kind IN {SPEECH}"
        " AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id", (article_id,))}
    return {str(key): ((name, label, tuple(json.loads(aliases)), tuple(sorted(spans.get(int(row_id), [])))),
                       said.get(int(row_id), 0), None if library_id is None else int(library_id))
            for row_id, key, name, label, aliases, library_id in connection.execute(
                "SELECT id, key, name, label, aliases, library_entity_id FROM entities WHERE article_id = ?",
                (article_id,))}


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
