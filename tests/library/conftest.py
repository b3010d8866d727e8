"""Database fixtures (tests/conftest.py keeps every test out of the real user data folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "library.sqlite3"


@pytest.fixture
def db(db_path):
    with open_database(db_path) as database:
        yield database
