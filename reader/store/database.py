"""Opening the user-data database: checks, migrations, transactions, and errors in words.

One SQLite file holds the user's corrections and library (see ``schema``). The rules:

* nothing is written to a file before it is known to be a Reader database of a version this
  code understands: a damaged file, another program's database or one from a newer Reader is
  refused with a StoreError and left byte for byte as it was;
* every write is a transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a crash or an exception
  half-way leaves the database as it was before; WAL with ``synchronous=FULL`` makes a commit
  durable once it returns;
* each migration runs in its own transaction, together with the ``user_version`` bump, so a
  database is always at exactly one version;
* a database another program keeps locked gives a StoreError after ``busy_timeout`` seconds,
  never a hang.

A Database (like the sqlite3 connection in it) belongs to the thread that opened it; a worker
thread opens its own (``check=False`` skips the integrity check the first opening did).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from .errors import StoreError
from .location import database_path
from .schema import MIGRATIONS, Migration

APPLICATION_ID = 0x52454452  # "REDR": marks the file as Reader's, so another program's database is never migrated
MEMORY = ":memory:"
_HEADER = b"SQLite format 3\x00"


class Database:
    """An open, migrated database. Use ``transaction()`` for every write."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, busy_timeout: float) -> None:
        self._connection = connection
        self._path = path
        self._busy_timeout = busy_timeout
        self._savepoints = 0

    @property
    def path(self) -> Path | None:
        """The file; None for an in-memory database."""
        return self._path

    @property
    def connection(self) -> sqlite3.Connection:
        """For reads (rows are sqlite3.Row); writes go through ``transaction()``."""
        return self._connection

    @property
    def version(self) -> int:
        return _user_version(self._connection)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls everything back and propagates
        (sqlite3 errors as StoreError). Nested use is a savepoint: the inner block undoes alone."""
        connection = self._connection
        if connection.in_transaction:
            with self._savepoint() as inner:
                yield inner
            return
        with self._translated():
            connection.execute("BEGIN IMMEDIATE")  # the write lock now, so a conflict cannot surface mid-way
        with self._translated():
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        self._savepoints += 1
        name = f"reader_{self._savepoints}"
        connection = self._connection
        connection.execute(f"SAVEPOINT {name}")
        try:
            yield connection
        except BaseException:
            if connection.in_transaction:
                connection.execute(f"ROLLBACK TO {name}")
                connection.execute(f"RELEASE {name}")
            raise
        connection.execute(f"RELEASE {name}")

    def _rollback(self) -> None:
        # SQLite may have rolled back already (disk full, I/O error); ROLLBACK would then fail.
        if self._connection.in_transaction:
            try:
                self._connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the transaction is gone either way; the first error is the one to report

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Rows of a read, with sqlite3 errors as StoreError."""
        with self._translated():
            rows: list[sqlite3.Row] = self._connection.execute(sql, parameters).fetchall()
        return rows

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """sqlite3 errors that describe the file (locked, damaged, read-only, full) become StoreError;
        the others (bad SQL, a violated constraint) are bugs and stay as they are."""
        try:
            yield
        except sqlite3.Error as error:
            translated = _translate(error, self._path, self._busy_timeout)
            if translated is None:
                raise
            raise translated from error

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def open_database(path: str | os.PathLike[str] | None = None, *, busy_timeout: float = 5.0,
                  migrations: Sequence[Migration] | None = None, check: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    ``path`` None means the usual place (``READER_LIBRARY``, else the user data folder, see
    ``location``); ``":memory:"`` a private in-memory database. ``check`` runs ``PRAGMA
    quick_check`` on an existing file first (it reads the whole file: skip it for a second
    connection). Raises StoreError, the file untouched, when it cannot be used.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    _check_order(migrations)
    target: Path | None = None if str(path) == MEMORY else database_path(path)
    existed = target is not None and target.exists() and target.stat().st_size > 0
    if target is not None and existed:
        _check_header(target)
    try:
        connection = sqlite3.connect(MEMORY if target is None else target, timeout=busy_timeout,
                                     isolation_level=None)  # autocommit: transactions are explicit
    except sqlite3.Error as error:
        raise _translate(error, target, busy_timeout) or error from None
    try:
        connection.row_factory = sqlite3.Row
        latest = migrations[-1].version if migrations else 0
        _check_readable(connection, target, latest, check and existed)
        # Only now may anything be written.
        connection.execute("PRAGMA foreign_keys = ON")
        if target is not None:
            connection.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer
            connection.execute("PRAGMA synchronous = FULL")  # a returned COMMIT survives a power cut
        _migrate(connection, migrations)
    except BaseException as error:
        connection.close()
        if not isinstance(error, sqlite3.Error):
            raise
        # An SQLite that cannot build the schema (one without FTS5, say) must not stop the reader
        # either: a StoreError too. The migration's transaction was rolled back; the file is as it was.
        raise _translate(error, target, busy_timeout) or StoreError(
            f"Reader could not prepare its database {'in memory' if target is None else target} ({error}).") from error
    return Database(connection, target, busy_timeout)


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migrations must be numbered 1, 2, 3, ... in order, not {versions}")


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all without letting SQLite near it."""
    try:
        with path.open("rb") as file:
            header = file.read(len(_HEADER))
    except OSError as error:
        raise StoreError(f"Reader cannot read its database {path} ({error.strerror or error}).") from None
    if header != _HEADER:
        raise StoreError(_damaged(path))


def _check_readable(connection: sqlite3.Connection, path: Path | None, latest: int, integrity: bool) -> None:
    """Reads only: the version, whose file it is, and (for an existing file) its integrity."""
    version = _user_version(connection)
    if version > latest:
        raise StoreError(f"The database {path} was written by a newer version of Reader (schema {version}; "
                         f"this one knows up to {latest}); Reader has left it as it is. Update Reader, or "
                         "choose another database with --db or READER_LIBRARY.")
    application = connection.execute("PRAGMA application_id").fetchone()[0]
    has_tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if application not in (0, APPLICATION_ID) or (application == 0 and has_tables):
        raise StoreError(f"{path} is another program's database, not Reader's; Reader has left it as it is. "
                         "Choose another file with --db or READER_LIBRARY.")
    if integrity:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise StoreError(_damaged(path))


def _migrate(connection: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    if _user_version(connection) >= len(migrations):
        return
    for migration in migrations:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            if _user_version(connection) >= migration.version:
                connection.execute("ROLLBACK")
                continue
            if migration.version == 1:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            if isinstance(migration.apply, str):
                for statement in _statements(migration.apply):
                    connection.execute(statement)
            else:
                migration.apply(connection)
            connection.execute(f"PRAGMA user_version = {migration.version}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one: ``executescript`` would commit our transaction."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):  # knows that a trigger's body holds ';'
            yield buffer
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {buffer.strip()[:60]!r}")


def _user_version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def _damaged(path: Path | None) -> str:
    return (f"The database {path} is damaged or is not a database; Reader has left it as it is "
            "(move it away, or choose another file with --db or READER_LIBRARY, to start afresh).")


# SQLite's primary result codes (the low byte of extended ones).
_BUSY, _LOCKED, _READONLY, _PERM, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 3, 10, 11, 13, 14, 26


def _translate(error: sqlite3.Error, path: Path | None, busy_timeout: float) -> StoreError | None:
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    where = "the in-memory database" if path is None else str(path)
    if primary in (_BUSY, _LOCKED):
        return StoreError(f"The database {where} is in use by another program (it stayed locked for "
                          f"{busy_timeout:g} s); try again when that program is done.")
    if primary in (_CORRUPT, _NOTADB):
        return StoreError(_damaged(path))
    if primary in (_READONLY, _PERM):
        return StoreError(f"Reader cannot write to its database {where}: the file or its folder is read-only.")
    if primary == _FULL:
        return StoreError(f"The disk holding the database {where} is full; the last change was not saved.")
    if primary == _IOERR:
        return StoreError(f"Reader could not read or write its database {where} (a disk error: {error}).")
    if primary == _CANTOPEN:
        return StoreError(f"Reader cannot open its database {where} ({error}).")
    return None
