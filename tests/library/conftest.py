"""The library's tests never touch the real user data folder: READER_LIBRARY and XDG_DATA_HOME point into tmp."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import open_database


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env" / "reader.sqlite3"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "db" / "library.sqlite3"


@pytest.fixture
def db(db_path):
    with open_database(db_path) as database:
        yield database
