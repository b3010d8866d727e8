"""The store's one error: a sentence for a person, never a traceback."""

from __future__ import annotations

from reader.core.errors import ReaderError


class StoreError(ReaderError):
    """The user-data database cannot be used (corrupt, locked, newer, unwritable); the reader goes on without it."""
