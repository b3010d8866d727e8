"""Cross-article entity linking: which article entities are the same person, organisation or place.

The analysis already clusters one article's mentions ("Angela Merkel", "Mrs Merkel", "Merkel" are
one entity there). Across articles the rules are:

* names are compared normalised (case, spacing, Unicode forms) and without titles or "'s"
  ("Chancellor Angela Merkel" is "angela merkel"), and only within one label;
* an entity joins the library entity that answers to its name or to one of its aliases (a person's
  aliases count only when they are full names: "Merkel" alone names no one in particular);
* a person known only by a surname ("Mrs Merkel", "Merkel") joins the one library person whose full
  name ends with it; when there are several (Angela and Hans Merkel) it stays apart, as "Merkel";
  a full name that arrives later adopts such a bare surname if it is then the only one with it;
* distinct full names stay apart, whatever surname they share;
* organisations and places also answer to their aliases, so an acronym the analysis joined to its
  expansion ("ECB" with "European Central Bank") links an article that only says "ECB";
* the user's global corrections apply at library level too: a merge joins the library entities of
  its two names, a rename renames (and joins the one already called so), and a mention split off in
  an article is linked by its own name only, never by the surname rule;
* a rename or merge made in one article stays in it: the name it took away (the old name, the merged
  one) is still an alias of the entity there, but not a name to link it by, so the other articles'
  entities of that name are not joined to it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from reader.core.corrections import (
    Correction,
    MergeEntities,
    RenameEntity,
    SplitMention,
    normalise_name,
)
from reader.core.lexicon.names import HONORIFICS, OFFICES
from reader.core.model import Entity, Mention
from reader.store.library import refresh_counts

PERSON = "PERSON"
MAX_ALIASES = 24  # shown per library entity; the keys (what it answers to) are not limited
_TITLE_WORDS = HONORIFICS | OFFICES
_POSSESSIVE = re.compile(r"['’]s?$")


def name_key(name: str, label: str) -> str:
    """``name`` normalised for comparison across articles: no titles before a person's name, no
    leading "the" before an organisation's or place's, no possessive."""
    words = normalise_name(name).replace(".", " ").split()
    if label == PERSON:
        while len(words) > 1 and words[0].strip(",") in _TITLE_WORDS:
            words = words[1:]
    elif len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words)


def entity_keys(entity: Entity) -> list[str]:
    """What ``entity`` may be found by in the library, its name first."""
    keys = [name_key(entity.name, entity.label)]
    for alias in entity.aliases:
        key = name_key(alias, entity.label)
        if entity.label == PERSON and len(key.split()) < 2:
            continue  # a bare surname is not a name to link by: it goes by the surname rule
        if key and key not in keys:
            keys.append(key)
    return [key for key in keys if key]


class LibraryLinker:
    """The reader.store Linker that applies the rules above (and the user's corrections) in a transaction."""

    def __init__(self, corrections: Sequence[Correction] = ()) -> None:
        self._merges = [c for c in corrections if isinstance(c, MergeEntities) and c.article is None]
        self._renames = [c for c in corrections if isinstance(c, RenameEntity) and c.article is None]
        self._splits: dict[str, set[tuple[int, int]]] = {}
        # article -> the names its own renames and merges took away: not names to link its entity by there
        # (a rename or merge made in one article must not join other articles' namesakes).
        self._local_names: dict[str, set[str]] = {}
        for correction in corrections:
            if isinstance(correction, SplitMention):
                self._splits.setdefault(correction.article, set()).add((correction.start, correction.end))
            elif isinstance(correction, RenameEntity) and correction.article is not None:
                self._local_names.setdefault(correction.article, set()).add(correction.name)
            elif isinstance(correction, MergeEntities) and correction.article is not None:
                self._local_names.setdefault(correction.article, set()).add(correction.b)
        self._touched: set[int] = set()

    # -- the reader.store.Linker protocol

    def link(self, connection: sqlite3.Connection, article_key: str, entity: Entity) -> int:
        keys = entity_keys(entity)
        gone = {name_key(name, entity.label) for name in self._local_names.get(article_key, ())}
        keys = keys[:1] + [key for key in keys[1:] if key not in gone]
        if not keys:  # a name of punctuation only: its own entry, by its normalised form
            keys = [normalise_name(entity.name) or entity.id]
        split = bool(self._splits.get(article_key, set()) & {(m.start, m.end) for m in entity.mentions})
        found: int | None = None
        if entity.label == PERSON and len(keys[0].split()) == 1 and not split:
            owners = _surname_owners(connection, keys[0])
            if len(owners) == 1:
                found = owners[0]
            elif len(owners) > 1:  # several people have this surname: "Merkel" alone is none of them
                found = _create(connection, entity.name, entity.label)
        if found is None:
            found = _by_keys(connection, entity.label, keys)
        if found is None:
            found = _create(connection, entity.name, entity.label)
            if entity.label == PERSON and len(keys[0].split()) > 1:
                self._adopt_surname(connection, found, keys[0])
        _add_keys(connection, found, entity.label, keys)
        _add_aliases(connection, found, [entity.name, *entity.aliases])
        return found

    def finish(self, connection: sqlite3.Connection) -> set[int]:
        """The library-level corrections, over everything stored so far (cheap: a few indexed lookups each).
        Merges first, then renames, so that running it again changes nothing: a merged entity that a rename
        names keeps that name (renames first, the merge's kept name would win once, the rename's the next time)."""
        for correction in self._merges:
            for library_id, label in answering(connection, correction.a, None):
                for other, other_label in answering(connection, correction.b, None):
                    if other != library_id and other_label == label:
                        self._touched.update((library_id, other))
                        merge(connection, library_id, other)
        for rename in self._renames:
            for library_id, label in answering(connection, rename.name, rename.label):
                new_key = name_key(rename.new_name, label)
                connection.execute("UPDATE library_entities SET name = ? WHERE id = ?", (rename.new_name, library_id))
                twin = _by_keys(connection, label, [new_key], exclude=library_id)
                target = library_id
                if twin is not None:
                    target = merge(connection, twin, library_id)
                    connection.execute("UPDATE library_entities SET name = ? WHERE id = ?", (rename.new_name, target))
                _add_keys(connection, target, label, [new_key])
                self._touched.update((library_id, target))
        touched, self._touched = self._touched, set()
        return touched

    # -- helpers

    def _adopt_surname(self, connection: sqlite3.Connection, full: int, key: str) -> None:
        """A full name arrives: the bare surname stored earlier joins it, if it is now the only one with it."""
        surname = key.split()[-1]
        owners = {row[0] for row in connection.execute(
            "SELECT library_entity_id FROM library_entity_keys WHERE kind = 'surname' AND label = ? AND key = ?",
            (PERSON, surname))} | {full}
        if len(owners) != 1:
            return
        bare = _by_keys(connection, PERSON, [surname], exclude=full)
        if bare is not None and len(_name_of(connection, bare).split()) == 1:
            merge(connection, full, bare)
            self._touched.update((full, bare))


def merge(connection: sqlite3.Connection, target: int, source: int) -> int:
    """Library entity ``source`` becomes part of ``target``: its rows, keys and aliases move; returns ``target``."""
    connection.execute("UPDATE entities SET library_entity_id = ? WHERE library_entity_id = ?", (target, source))
    connection.execute("INSERT OR IGNORE INTO library_entity_keys (kind, label, key, library_entity_id)"
                       " SELECT kind, label, key, ? FROM library_entity_keys WHERE library_entity_id = ?",
                       (target, source))
    row = connection.execute("SELECT aliases FROM library_entities WHERE id = ?", (source,)).fetchone()
    connection.execute("DELETE FROM library_entities WHERE id = ?", (source,))
    if row is not None:
        _add_aliases(connection, target, json.loads(row[0]))
    return target


# The article entity rows ``link_rows`` takes: (row id, key, name, label, aliases, the article's content hash,
# the article's id).
ENTITY_ROWS = ("SELECT e.id, e.key, e.name, e.label, e.aliases, a.content_hash, e.article_id FROM entities e"
               " JOIN articles a ON a.id = e.article_id")


def relink(connection: sqlite3.Connection, corrections: Sequence[Correction] = ()) -> int:
    """Link every stored entity again from scratch (after the corrections changed, or the rules did),
    full names first so that no earlier bare surname decides for them. Returns the number of library
    entities. Run it inside a transaction."""
    connection.execute("UPDATE entities SET library_entity_id = NULL")
    connection.execute("DELETE FROM library_entities")
    rows = connection.execute(f"{ENTITY_ROWS} ORDER BY e.article_id, e.id").fetchall()
    linker = LibraryLinker(corrections)
    touched = link_rows(connection, linker, rows)
    touched |= linker.finish(connection)
    refresh_counts(connection, touched)
    return int(connection.execute("SELECT count(*) FROM library_entities").fetchone()[0])


def link_rows(connection: sqlite3.Connection, linker: LibraryLinker, rows: Sequence[Sequence[Any]]) -> set[int]:
    """Link these article entity rows (of ``ENTITY_ROWS``, in article order) with ``linker``: full names first,
    bare surnames after, so that no earlier bare surname decides for a full name. Returns the library
    entities they went to (the caller calls ``finish`` and refreshes the counts)."""
    bare: list[Sequence[Any]] = []
    touched: set[int] = set()
    for phase in (0, 1):
        for row in rows if phase == 0 else bare:
            entity = Entity(row[1], row[2], row[3], tuple(json.loads(row[4])), _mentions(connection, row[0]))
            is_bare = row[3] == PERSON and len(name_key(row[2], row[3]).split()) == 1
            if phase == 0 and is_bare:
                bare.append(row)
                continue
            library_id = linker.link(connection, row[5], entity)
            connection.execute("UPDATE entities SET library_entity_id = ? WHERE id = ?", (library_id, row[0]))
            touched.add(library_id)
    return touched


def _mentions(connection: sqlite3.Connection, entity_row: int) -> tuple[Mention, ...]:
    # Only the spans matter to linking (split mentions).
    return tuple(Mention(start, end, text, "", "") for start, end, text in connection.execute(
        "SELECT start_offset, end_offset, text FROM mentions WHERE entity_id = ?", (entity_row,)))


def _by_keys(connection: sqlite3.Connection, label: str, keys: Iterable[str], exclude: int | None = None) -> int | None:
    """The library entity answering to the first of ``keys`` that one answers to."""
    for key in keys:
        row = connection.execute(
            "SELECT library_entity_id FROM library_entity_keys WHERE kind = 'name' AND label = ? AND key = ?"
            " AND library_entity_id IS NOT ? ORDER BY library_entity_id LIMIT 1", (label, key, exclude)).fetchone()
        if row is not None:
            return int(row[0])
    return None


def _surname_owners(connection: sqlite3.Connection, surname: str) -> list[int]:
    """The library people with a full name ending in ``surname`` (two at most: enough to know it is not one)."""
    return [int(row[0]) for row in connection.execute(
        "SELECT DISTINCT library_entity_id FROM library_entity_keys WHERE kind = 'surname' AND label = ? AND key = ?"
        " LIMIT 2", (PERSON, surname))]


def answering(connection: sqlite3.Connection, name: str, label: str | None) -> list[tuple[int, str]]:
    """Library entities answering to ``name`` (any label unless given), as (id, label)."""
    keys = {name_key(name, PERSON), name_key(name, "ORG")}
    found: dict[int, str] = {}
    for library_id, row_label, key in connection.execute(
            f"SELECT library_entity_id, label, key FROM library_entity_keys WHERE kind = 'name'"
            f" AND key IN ({','.join('?' * len(keys))})", sorted(keys)):
        if (label is None or row_label == label) and key == name_key(name, row_label):
            found[int(library_id)] = str(row_label)
    return sorted(found.items())


def _create(connection: sqlite3.Connection, name: str, label: str) -> int:
    norm = normalise_name(name)
    row = connection.execute("SELECT id FROM library_entities WHERE norm_name = ? AND label = ?",
                             (norm, label)).fetchone()
    if row is not None:  # the same written name, reached another way (a split mention): one row per name
        return int(row[0])
    cursor = connection.execute("INSERT INTO library_entities (name, norm_name, label) VALUES (?, ?, ?)",
                                (name, norm, label))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _add_keys(connection: sqlite3.Connection, library_id: int, label: str, keys: Sequence[str]) -> None:
    rows = [("name", label, key, library_id) for key in keys]
    if label == PERSON:
        rows += [("surname", label, key.split()[-1], library_id) for key in keys if len(key.split()) > 1]
    connection.executemany("INSERT OR IGNORE INTO library_entity_keys (kind, label, key, library_entity_id)"
                           " VALUES (?, ?, ?, ?)", rows)


def _add_aliases(connection: sqlite3.Connection, library_id: int, names: Iterable[str]) -> None:
    row = connection.execute("SELECT aliases FROM library_entities WHERE id = ?", (library_id,)).fetchone()
    if row is None:
        return
    aliases: list[str] = json.loads(row[0])
    if len(aliases) >= MAX_ALIASES:
        return
    seen = {normalise_name(a) for a in aliases}
    changed = False
    for name in names:
        if normalise_name(name) not in seen and len(aliases) < MAX_ALIASES:
            aliases.append(name)
            seen.add(normalise_name(name))
            changed = True
    if changed:
        connection.execute("UPDATE library_entities SET aliases = ? WHERE id = ?",
                           (json.dumps(aliases, ensure_ascii=False), library_id))


def _name_of(connection: sqlite3.Connection, library_id: int) -> str:
    row = connection.execute("SELECT norm_name FROM library_entities WHERE id = ?", (library_id,)).fetchone()
    return str(row[0]) if row else ""
