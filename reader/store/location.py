"""Where the user-data database lives: ``--db FILE`` > ``READER_LIBRARY`` > the platform's user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from .errors import StoreError

ENV_VAR = "READER_LIBRARY"
FILE_NAME = "reader.sqlite3"
APP_NAME = "reader"


def default_path() -> Path:
    """``~/.local/share/reader/reader.sqlite3`` on Linux, ``~/Library/Application Support/reader/...`` on macOS,
    ``%LOCALAPPDATA%\\reader\\...`` on Windows."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def database_path(explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None,
                  create_folder: bool = True) -> Path:
    """The database file to use, its folder created (so opening it can only fail on the file itself)."""
    environ = os.environ if environ is None else environ
    chosen = explicit if explicit is not None and str(explicit) != "" else environ.get(ENV_VAR) or None
    path = Path(chosen).expanduser().absolute() if chosen is not None else default_path()
    if create_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"Reader cannot create the folder for its database, {path.parent} "
                             f"({error.strerror or error}).") from None
    return path
