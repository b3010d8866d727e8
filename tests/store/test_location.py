"""Where the database lives: --db > READER_LIBRARY > the platform's user data folder."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from reader.store import StoreError, database_path, default_path


def test_an_explicit_path_wins_over_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env.sqlite3"))
    chosen = tmp_path / "chosen" / "mine.sqlite3"
    assert database_path(chosen) == chosen
    assert chosen.parent.is_dir()  # created, so opening can only fail on the file itself


def test_the_environment_wins_over_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env" / "lib.sqlite3"))
    assert database_path() == tmp_path / "env" / "lib.sqlite3"
    assert database_path(None, environ={"READER_LIBRARY": str(tmp_path / "x.db")}) == tmp_path / "x.db"


def test_an_empty_variable_means_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_LIBRARY", "")
    assert database_path(create_folder=False) == default_path()


def test_the_default_is_in_the_platforms_user_data_folder():
    assert default_path() == platformdirs.user_data_path("reader", appauthor=False) / "reader.sqlite3"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME is the Linux convention")
def test_the_default_folder_is_created(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY")
    path = database_path()
    assert path == tmp_path / "xdg" / "reader" / "reader.sqlite3"
    assert path.parent.is_dir()


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder"):
        database_path(blocker / "reader.sqlite3")
