"""Database fixtures (tests/conftest.py keeps every test out of the real user data folder)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "reader.sqlite3"

