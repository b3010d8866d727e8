"""Errors the reader explains to a person: each carries one clear sentence."""


class ReaderError(Exception):
    """Base for errors whose message is fit to show as is (CLI stderr, window dialog)."""


class LoadError(ReaderError):
    """The file cannot be read as an article."""
