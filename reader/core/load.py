"""A path or bytes -> Article.

Decides what the bytes are by their content (not only the file name), decodes them
with real charset detection, and hands them to the HTML, Markdown or plain-text
reader. It only ever reads the user's file.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import charset_normalizer

from .errors import LoadError
from .html import html_to_text
from .model import Article, Block, Metadata

MAX_BYTES = 200 * 1024 * 1024

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 file"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_HTML_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<p[\s>]|<div[\s>]|<a\s[^>]*href|<br\s*/?>|<article[\s>]|<span[\s>]|<h[1-6][\s>]",
    re.I,
)
_MARKDOWN_SNIFF = re.compile(r"^(#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```)|\[[^\]\n]+\]\([^)\s]+\)", re.M)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def load_path(path: str | os.PathLike[str], source: str | None = None) -> Article:
    """Read a file (read-only) and make an Article of it."""
    file_path = Path(path)
    label = source if source is not None else str(path)
    try:
        if file_path.is_dir():
            raise LoadError(f"{label} is a folder, not a file")
        size = file_path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{label} is too large to open ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        with open(file_path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(f"{label}: no such file") from None
    except PermissionError:
        raise LoadError(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise LoadError(f"{label} is a folder, not a file") from None
    except OSError as error:
        raise LoadError(f"{label}: cannot be read ({error.strerror or error})") from None
    return load_bytes(data, source=label, filename=file_path.name)


def load_bytes(data: bytes, source: str = "<bytes>", filename: str | None = None) -> Article:
    if not data.strip():
        raise LoadError(f"{source} is empty")
    if len(data) > MAX_BYTES:
        raise LoadError(f"{source} is too large to open")
    kind = _binary_kind(data)
    if kind:
        raise LoadError(f"{source} is {kind}, not an article Reader can open")
    text, encoding, notices = decode(data)
    if _looks_binary(text):
        raise LoadError(f"{source} looks like a binary file, not an article Reader can open")
    return load_text(text, source=source, filename=filename, encoding=encoding, notices=notices)


def load_text(text: str, source: str = "<text>", filename: str | None = None,
              encoding: str | None = None, notices: tuple[str, ...] = ()) -> Article:
    """Make an Article of already-decoded text, choosing HTML, Markdown or plain text by content."""
    text = text.lstrip("\ufeff")
    fmt = sniff_format(text, filename)
    if fmt == "html":
        return _from_html(text, source, encoding, notices)
    if fmt == "markdown":
        from .markdown import markdown_to_html  # imported on use: plain files never pay for it

        article = _from_html(markdown_to_html(text), source, encoding, notices)
        return Article(article.source, article.text, article.blocks, article.links, article.metadata,
                       article.base_url, "markdown", encoding, notices)
    return _from_plain_text(text, source, encoding, notices)


def sniff_format(text: str, filename: str | None = None) -> str:
    """"html", "markdown" or "text", decided by content first and the file name second."""
    head = text[:4096].encode("utf-8", "ignore")
    if _HTML_SNIFF.search(head) or (head.lstrip()[:1] == b"<" and b">" in head):
        return "html"
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix != ".txt" and _MARKDOWN_SNIFF.search(text[:20000]):
        return "markdown"
    return "text"


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Bytes -> text: a BOM or a declared charset first, then statistical detection."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, ()
    declared = _declared_charset(data[:8192])
    if declared:
        try:
            return data.decode(declared), declared, ()
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is not None:
        encoding = best.encoding
        try:
            return data.decode(encoding, errors="replace"), encoding, (f"Text encoding detected as {encoding}.",)
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8", ("The text is not valid UTF-8; unreadable bytes were replaced.",)


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    # Browsers treat a declared latin-1 as windows-1252 (the WHATWG encoding standard).
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for char in sample if (ord(char) < 32 and char not in "\t\n\r\f") or char == "\ufffd")
    return "\x00" in sample or controls / len(sample) > 0.05


def _from_html(markup: str, source: str, encoding: str | None, notices: tuple[str, ...]) -> Article:
    result = html_to_text(markup)
    return Article(source=source, text=result.text, blocks=result.blocks, links=result.links,
                   metadata=Metadata(title=result.title), base_url=result.base_href, format="html",
                   encoding=encoding, notices=notices)


def _from_plain_text(text: str, source: str, encoding: str | None, notices: tuple[str, ...]) -> Article:
    """Plain text keeps its characters; only line endings are unified so offsets stay simple."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(char if char >= " " or char in "\n\t" else " " for char in text) if _has_controls(text) else text
    blocks = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_block(blocks, text, position, match.start())
        position = match.end()
    _add_block(blocks, text, position, len(text))
    return Article(source=source, text=text, blocks=tuple(blocks), format="text", encoding=encoding, notices=notices)


def _has_controls(text: str) -> bool:
    return any(char < " " and char not in "\n\t" for char in text)


def _add_block(blocks: list[Block], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(Block(start, end))
