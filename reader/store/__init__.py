"""The user-data store: one SQLite database with the user's corrections and library. Pure Python, no Qt.

    from reader.store import CorrectionStore, StoreError, open_database

    with open_database(path) as db:  # path None: --db, READER_LIBRARY or the user data folder
        corrections = CorrectionStore(db).corrections()
"""

from __future__ import annotations

from .corrections import Added, CorrectionStore, StoredCorrection, load_corrections, parse_export
from .database import Database, open_database
from .errors import StoreError
from .library import ArticleRecord, Library, Linker, NameLinker, refresh_counts, store_analysis
from .location import ENV_VAR, database_path, default_path
from .schema import LATEST, MIGRATIONS, Migration

__all__ = [
    "ENV_VAR", "LATEST", "MIGRATIONS", "Added", "ArticleRecord", "CorrectionStore", "Database", "Library", "Linker",
    "Migration", "NameLinker", "StoreError", "StoredCorrection", "database_path", "default_path", "load_corrections",
    "open_database", "parse_export", "refresh_counts", "store_analysis",
]
