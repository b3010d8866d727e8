"""The one place that knows where bundled resources live.

Resources ship inside the package (``reader/data``) and are found with
``importlib.resources``, so a plain ``pip install .`` carries them. A missing one is an
error with one clear sentence: the reader never runs silently without its data.
"""

from __future__ import annotations

from importlib import resources as _importlib_resources
from pathlib import Path

from .core.errors import ReaderError


class MissingResourceError(ReaderError):
    """A data file that ships with the reader is not where the installation put it."""


def _data_root() -> Path:
    # A regular (wheel or editable) install keeps package data on the file system.
    return Path(str(_importlib_resources.files("reader") / "data"))


def resource(*parts: str) -> Path:
    """The path of a bundled data file; raises MissingResourceError if it is not installed."""
    path = _data_root().joinpath(*parts)
    if not path.is_file():
        raise MissingResourceError(
            f"the reader's data file {'/'.join(parts)} is missing from its installation "
            f"(expected at {path}); reinstall the reader")
    return path


def gazetteer(name: str) -> Path:
    return resource("gazetteers", name)


def sample_article() -> Path:
    return resource("samples", "hama.html")
