"""The library: every article you have read, its analysis, and who said what across them. Pure Python, no Qt.

    from reader.store import open_database
    from reader.library import add_paths, queries

    with open_database(None) as db:            # --db, READER_LIBRARY or the user data folder
        report = add_paths(db, ["articles/"])   # analysed on every core, stored in batches
        top = queries.entities(db, label="PERSON", limit=10)

Modules: ``linking`` (the same person, organisation or place across articles), ``update``
(after a correction, what it touches linked again), ``ingest`` (adding files), ``queries`` (the
questions, as indexed SQL), ``export`` (tables for notebooks and engines). The tables live in
reader.store.
"""

from __future__ import annotations

from . import queries
from .export import FORMATS, ExportError, export_library
from .ingest import AddReport, add_paths, article_paths
from .linking import LibraryLinker, entity_keys, name_key, relink
from .update import Update, library_names, update_library

__all__ = ["FORMATS", "AddReport", "ExportError", "LibraryLinker", "Update", "add_paths", "article_paths",
           "entity_keys", "export_library", "library_names", "name_key", "queries", "relink", "update_library"]
