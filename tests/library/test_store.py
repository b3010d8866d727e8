"""The library's tables: migration 3 on an existing library, duplicates, atomic re-analysis with counts, damage."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.model import Mention
from reader.library import LibraryLinker, queries
from reader.store import LATEST, MIGRATIONS, Library, StoreError, open_database

from .helpers import make

FIRST = make("Jane Doe visited Paris. “It is calm,” Doe said.",
             [("Jane Doe", "PERSON", ["Jane Doe", "Doe"]), ("Paris", "GPE", ["Paris"])],
             [("It is calm,", "Doe", "Jane Doe")], source="first.txt")
SECOND = make("Jane Doe left Paris for Lyon.",
              [("Jane Doe", "PERSON", ["Jane Doe"]), ("Paris", "GPE", ["Paris"]), ("Lyon", "GPE", ["Lyon"])],
              source="second.txt")


def counts(db) -> dict[str, tuple[int, int, int]]:
    return {row.name: (row.articles, row.mentions, row.quotes) for row in queries.entities(db, label="ALL")}


def test_a_version_2_library_is_upgraded_with_keys_and_counts_filled_in(db_path):
    with open_database(db_path, migrations=MIGRATIONS[:2]) as db:
        assert db.version == 2
        # The version 2 store's own code path, by hand: the columns of migration 3 do not exist yet.
        with db.transaction() as connection:
            connection.execute("INSERT INTO articles (id, source, content_hash, text, added_at)"
                               " VALUES (1, 'a.txt', 'h1', 'Jane Doe said “hi,” Doe said.', 'now')")
            connection.execute("INSERT INTO library_entities (id, name, norm_name, label) VALUES (7, 'Jane Doe',"
                               " 'jane doe', 'PERSON')")
            connection.execute("INSERT INTO entities (id, article_id, key, name, norm_name, label, library_entity_id)"
                               " VALUES (1, 1, 'person-jane-doe', 'Jane Doe', 'jane doe', 'PERSON', 7)")
            connection.execute("INSERT INTO mentions (entity_id, article_id, start_offset, end_offset, text)"
                               " VALUES (1, 1, 0, 8, 'Jane Doe'), (1, 1, 21, 24, 'Doe')")
            connection.execute("INSERT INTO quotes (article_id, start_offset, end_offset, text, kind, confidence,"
                               " speaker_entity_id) VALUES (1, 15, 18, 'hi,', 'full', 0.9, 1)")
    with open_database(db_path) as db:
        assert db.version == LATEST >= 3
        assert counts(db) == {"Jane Doe": (1, 2, 1)}
        assert queries.resolve(db, "jane doe") == [7]


def test_the_same_text_added_twice_is_one_article_with_one_set_of_rows(db):
    library = Library(db, LibraryLinker())
    first = library.save_analysis(FIRST)
    again = library.save_analysis(dataclasses.replace(FIRST, article=dataclasses.replace(FIRST.article,
                                                                                          source="copy.txt")))
    assert first == again
    assert db.query("SELECT count(*), min(source) FROM articles")[0][:] == (1, "first.txt")
    assert counts(db) == {"Jane Doe": (1, 2, 1), "Paris": (1, 1, 0)}


def test_a_reanalysis_replaces_rows_and_counts_and_drops_entities_left_empty(db):
    library = Library(db, LibraryLinker())
    library.save_analyses([FIRST, SECOND])
    assert counts(db)["Paris"] == (2, 2, 0)
    poorer = dataclasses.replace(SECOND, entities=SECOND.entities[:1])  # Paris and Lyon gone from the second
    library.save_analysis(poorer)
    assert counts(db) == {"Jane Doe": (2, 3, 1), "Paris": (1, 1, 0)}  # Lyon had no other article: removed
    assert db.query("SELECT count(*) FROM library_entity_keys WHERE key = 'lyon'")[0][0] == 0


def test_a_failed_batch_leaves_every_article_and_count_as_it_was(db):
    library = Library(db, LibraryLinker())
    library.save_analysis(FIRST)
    before = counts(db), db.query("SELECT count(*) FROM mentions")[0][0]
    paris = dataclasses.replace(SECOND.entities[1], mentions=(Mention(5, 5, "", "GPE", "gpe-paris"),))
    broken = dataclasses.replace(SECOND, entities=(SECOND.entities[0], paris))
    renamed = dataclasses.replace(FIRST, entities=FIRST.entities[:1])
    with pytest.raises(sqlite3.IntegrityError):  # the empty mention fails the second of the batch
        library.save_analyses([renamed, broken])
    assert (counts(db), db.query("SELECT count(*) FROM mentions")[0][0]) == before
    assert db.query("SELECT count(*) FROM articles")[0][0] == 1


def test_a_damaged_library_is_refused_in_words_and_left_as_it_was(db_path):
    with open_database(db_path) as db:
        Library(db, LibraryLinker()).save_analysis(FIRST)
    data = bytearray(db_path.read_bytes())
    data[4096:] = (b"\x0dgarbage" * len(data))[:len(data) - 4096]  # every page after the first
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged") as error:
        open_database(db_path)
    assert "left it as it is" in str(error.value)
    assert db_path.read_bytes() == bytes(data)
