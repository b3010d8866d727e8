"""Schema versions: built from nothing, upgraded in place with the data kept."""

from __future__ import annotations

import sqlite3

from reader.core.corrections import NewEntity, RetypeEntity
from reader.store import LATEST, MIGRATIONS, CorrectionStore, open_database

LIBRARY_TABLES = {"articles", "entities", "mentions", "quotes", "links", "library_entities", "articles_fts"}


def names(db, kind: str) -> set[str]:
    return {row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_an_empty_database_gets_every_table_and_index(db_path):
    with open_database(db_path) as db:
        assert db.version == LATEST == len(MIGRATIONS) >= 3
        assert {"corrections"} | LIBRARY_TABLES <= names(db, "table")
        indexes = {"entities_name_label", "entities_library", "quotes_speaker", "mentions_article",
                   "corrections_article"}
        assert indexes <= names(db, "index")
        assert {"articles_fts_insert", "articles_fts_delete", "articles_fts_update"} <= names(db, "trigger")


def test_an_empty_file_is_a_new_database(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with open_database(db_path) as db:
        assert db.version == LATEST


def test_version_1_is_upgraded_to_2_and_keeps_its_corrections(db_path):
    with open_database(db_path, migrations=MIGRATIONS[:1]) as db:
        assert db.version == 1
        assert not LIBRARY_TABLES & names(db, "table")
        store = CorrectionStore(db)
        store.add(RetypeEntity("Hayat Tahrir Al Sham", "ORG", label_from="PERSON"))
        store.add(NewEntity("Golani", "PERSON"))
    with open_database(db_path) as db:
        assert db.version == LATEST
        assert LIBRARY_TABLES <= names(db, "table")
        assert CorrectionStore(db).corrections() == [RetypeEntity("Hayat Tahrir Al Sham", "ORG", label_from="PERSON"),
                                                     NewEntity("Golani", "PERSON")]


def test_a_second_opening_runs_no_migration_again(db_path):
    with open_database(db_path):
        pass
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE marker (x)")  # a migration re-run from scratch would fail or drop nothing
    connection.commit()
    connection.close()
    with open_database(db_path, check=False) as db:
        assert db.version == LATEST and "marker" in names(db, "table")
