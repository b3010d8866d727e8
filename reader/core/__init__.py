"""Reader's parsing core: pure Python, no Qt. File -> Article -> Analysis."""

from .errors import LoadError, ReaderError
from .load import load_bytes, load_path, load_text
from .model import Analysis, Article, Entity, Link, Mention, Quote, Span
from .pipeline import Analyzer, Cancelled

__all__ = ["Analysis", "Analyzer", "Article", "Cancelled", "Entity", "Link", "LoadError", "Mention",
           "Quote", "ReaderError", "Span", "load_bytes", "load_path", "load_text"]
