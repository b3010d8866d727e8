"""Opening, transactions and refusals: a file Reader cannot use is refused and left exactly as it was."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.core.errors import ReaderError
from reader.store import LATEST, Migration, StoreError, open_database
from reader.store.database import APPLICATION_ID


def rows(db_path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_new_database_is_created_migrated_and_configured(db_path):
    with open_database(db_path) as db:
        assert db.path == db_path and db.version == LATEST
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
        assert db.query("PRAGMA foreign_keys")[0][0] == 1
        assert db.query("PRAGMA application_id")[0][0] == APPLICATION_ID
    assert rows(db_path, "PRAGMA user_version") == [(LATEST,)]


def test_store_errors_are_reader_errors():
    assert issubclass(StoreError, ReaderError)


def test_an_in_memory_database_works(tmp_path):
    with open_database(":memory:") as db:
        assert db.path is None and db.version == LATEST
    assert not any(tmp_path.iterdir()) or all(p.name in {"xdg", "env"} for p in tmp_path.iterdir())


def test_a_transaction_commits(db_path):
    with open_database(db_path) as db:
        with db.transaction() as connection:
            connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                               "VALUES (1, 'k', 'a', 't')")
    assert rows(db_path, "SELECT payload FROM corrections") == [("a",)]


def test_an_exception_inside_a_transaction_leaves_no_partial_rows(db_path):
    with open_database(db_path) as db:
        with pytest.raises(KeyError):
            with db.transaction() as connection:
                connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                                   "VALUES (1, 'k', 'a', 't')")
                connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                                   "VALUES (2, 'k', 'b', 't')")
                raise KeyError("crash half-way")
        assert db.query("SELECT count(*) FROM corrections")[0][0] == 0
        assert not db.connection.in_transaction
        # The database is still usable afterwards.
        with db.transaction() as connection:
            connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                               "VALUES (1, 'k', 'c', 't')")
    assert rows(db_path, "SELECT payload FROM corrections") == [("c",)]


def test_a_nested_transaction_undoes_alone(db_path):
    insert = "INSERT INTO corrections (position, kind, payload, created_at) VALUES (?, 'k', ?, 't')"
    with open_database(db_path) as db:
        with db.transaction() as connection:
            connection.execute(insert, (1, "outer"))
            with pytest.raises(ValueError):
                with db.transaction() as inner:
                    inner.execute(insert, (2, "inner"))
                    raise ValueError
        assert [r[0] for r in db.query("SELECT payload FROM corrections")] == ["outer"]


def test_a_process_killed_mid_transaction_loses_nothing_committed(db_path):
    with open_database(db_path) as db, db.transaction() as connection:
        connection.execute("INSERT INTO corrections (position, kind, payload, created_at) VALUES (1, 'k', 'kept', 't')")
    script = textwrap.dedent(f"""
        import os
        from reader.store import open_database
        db = open_database({str(db_path)!r})
        with db.transaction() as connection:
            for n in range(2, 500):
                connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                                   "VALUES (?, 'k', ?, 't')", (n, f"lost {{n}}"))
            os._exit(3)  # dies with the transaction open: no rollback, no close
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], timeout=60)
    assert done.returncode == 3
    with open_database(db_path) as db:
        assert [r[0] for r in db.query("SELECT payload FROM corrections")] == ["kept"]
        assert db.query("PRAGMA integrity_check")[0][0] == "ok"


def test_a_failing_migration_leaves_the_previous_version(db_path):
    def half_done(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half (x)")
        raise RuntimeError("migration bug")

    first = Migration(1, "one", "CREATE TABLE one (x);")
    with open_database(db_path, migrations=[first]):
        pass
    with pytest.raises(RuntimeError, match="migration bug"):
        open_database(db_path, migrations=[first, Migration(2, "two", half_done)])
    assert rows(db_path, "PRAGMA user_version") == [(1,)]
    assert rows(db_path, "SELECT name FROM sqlite_master WHERE name = 'half'") == []


def test_a_migration_sqlite_cannot_run_is_a_store_error_and_changes_nothing(db_path):
    first = Migration(1, "one", "CREATE TABLE one (x);")
    with open_database(db_path, migrations=[first]):
        pass
    needs_a_module = Migration(2, "two", "CREATE TABLE two (x);\nCREATE VIRTUAL TABLE t USING no_such_module (x);")
    with pytest.raises(StoreError, match=r"could not prepare its database .*no such module"):
        open_database(db_path, migrations=[first, needs_a_module])
    assert rows(db_path, "PRAGMA user_version") == [(1,)]
    assert rows(db_path, "SELECT name FROM sqlite_master WHERE name = 'two'") == []


def test_migrations_must_be_numbered_in_order(db_path):
    with pytest.raises(ValueError, match="numbered"):
        open_database(db_path, migrations=[Migration(2, "two", "SELECT 1;")])


# ------------------------------------------------------------------ refusals


def newer_database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE future (x)")
    connection.execute("INSERT INTO future VALUES ('keep me')")
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.commit()
    connection.close()


def test_a_database_from_a_newer_reader_is_refused_and_untouched(db_path):
    newer_database(db_path)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="written by a newer version of Reader"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists()  # not even switched to WAL


def test_a_file_that_is_not_a_database_is_refused_and_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"These are my notes, not a database.\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="damaged or is not a database") as caught:
        open_database(db_path)
    assert str(db_path) in str(caught.value) and "\n" not in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_damaged_database_is_refused_and_untouched(db_path):
    with open_database(db_path) as db, db.transaction() as connection:
        for n in range(300):
            connection.execute("INSERT INTO corrections (position, kind, payload, created_at) VALUES (?, 'k', ?, 't')",
                               (n, f"payload {n} " + "x" * 100))
    root = rows(db_path, "SELECT rootpage FROM sqlite_master WHERE name = 'corrections'")[0][0]
    data = bytearray(db_path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    start = (root - 1) * size  # scribble over the table's root page, as a bad disk or a stray write would
    data[start:start + 600] = b"\xff" * 600
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        open_database(db_path)
    assert db_path.read_bytes() == bytes(data)


def test_another_programs_database_is_refused_and_untouched(db_path):
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE photos (x)")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="another program's database"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_locked_database_gives_a_store_error_after_the_busy_timeout(db_path):
    with open_database(db_path):
        pass
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with open_database(db_path, busy_timeout=0.2) as db:  # reading still works (WAL)
            started = time.monotonic()
            with pytest.raises(StoreError, match="in use by another program"):
                with db.transaction() as connection:
                    connection.execute("INSERT INTO corrections (position, kind, payload, created_at) "
                                       "VALUES (1, 'k', 'a', 't')")
            assert time.monotonic() - started < 3
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_database_locked_before_its_first_migration_cannot_be_opened(db_path):
    db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a new file, locked by whoever is creating it
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="in use by another program"):
            open_database(db_path, busy_timeout=0.2)
        assert time.monotonic() - started < 3
    finally:
        other.execute("ROLLBACK")
        other.close()
