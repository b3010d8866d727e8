"""Reader's parsing core: pure Python, no Qt. File -> Article -> Analysis.

Names are imported on first use (PEP 562), so that ``from reader.core import load_path``
does not pay for the pipeline's imports: the window shows text before they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "LoadError": "errors", "ReaderError": "errors",
    "load_bytes": "load", "load_path": "load", "load_text": "load",
    "Analysis": "model", "Article": "model", "Entity": "model", "Link": "model", "Mention": "model",
    "Quote": "model", "Span": "model",
    "Analyzer": "pipeline", "Cancelled": "pipeline",
    "fetch": "fetch", "is_english": "language",
}
# Spelled out (not derived from _EXPORTS) so linters see the re-exports; a test keeps the two equal.
__all__ = [
    "Analysis", "Analyzer", "Article", "Cancelled", "Entity", "Link", "LoadError", "Mention", "Quote",
    "ReaderError", "Span", "fetch", "is_english", "load_bytes", "load_path", "load_text",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and readers
    from .errors import LoadError, ReaderError
    from .fetch import fetch
    from .language import is_english
    from .load import load_bytes, load_path, load_text
    from .model import Analysis, Article, Entity, Link, Mention, Quote, Span
    from .pipeline import Analyzer, Cancelled


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value
