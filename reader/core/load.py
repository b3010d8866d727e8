"""A path or bytes -> Article.

Decides what the bytes are by their content (not only the file name), decodes them the way
a browser would (BOM, then the transport's charset, then the page's own declaration, then
detection, with the usual mis-declarations corrected), and hands them to the HTML, Markdown
or plain-text reader. A full saved web page is cut down to its main article (``extract``).
Browser archives (MHTML "single file" pages, Safari .webarchive) are unpacked first.

It only ever reads the user's file, never writes it, and never touches the network.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

import lxml.html

from . import extract
from .errors import LoadError
from .html import MAX_BLOCKS, MAX_TEXT_CHARS, HtmlText, drop_hidden, parse_html, tree_to_text
from .language import detect_language, reconcile
from .model import Article, Block, Metadata
from .page import is_byline, read_page
from .sentences import strip_span

MAX_BYTES = 100 * 1024 * 1024

_BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"SQLite format 3\x00", "a database file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\xca\xfe\xba\xbe", "a program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
    (b"\x00asm", "a program"),
    (b"wOFF", "a font file"),
    (b"wOF2", "a font file"),
    (b"OTTO", "a font file"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"fLaC", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"\x1a\x45\xdf\xa3", "a video file"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_STRONG_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_HTML_TAG = re.compile(
    r"<(?:p|div|span|a\s[^>]*href|br|article|section|h[1-6]|ul|ol|li|table|em|strong|b|i|img|blockquote|pre|meta|title|"
    r"script|style|link)[\s/>]", re.I)
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6} \S|[-*+] \S|\d+\. \S|> \S|```|~~~|\|.*\|\s*$|(?:-{3,}|={3,})\s*$)", re.M)
_MARKDOWN_INLINE = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)|(?<![*\w])\*\*[^*\n]+\*\*(?!\*)|`[^`\n]+`")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_LOOKS_LIKE_MARKUP = re.compile(r"\s*<[!?A-Za-z]")
# A plain-text article's first line is its headline when it stands alone (a blank line after it), is short,
# starts as a title does and does not end as a sentence or a lead-in does (see _headline).
HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 20
HEADLINE_BODY_MIN_CHARS = 40  # the paragraph that shows a body follows
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_NOT_A_HEADLINE_END = frozenset(".,;:…-–—/。，；：、")
_SENTENCE_END = frozenset(".!?…。！？")

# The WHATWG Encoding Standard's labels (https://encoding.spec.whatwg.org/#names-and-labels), as every browser
# reads them, -> the Python codec that decodes that encoding. A label not here (utf-7, idna, punycode, rot13,
# "undefined", utf-32, ...) is no encoding of a web page: it is ignored and the bytes are detected instead.
# UTF-7 in particular is refused: browsers never decode it, and "+ADw-" turns into live markup.
_WHATWG_ENCODINGS: dict[str, tuple[str, str]] = {  # codec: (its name for notices, its labels)
    "utf-8": ("UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    "cp866": ("IBM866", "866 cp866 csibm866 ibm866"),
    "iso8859_2": ("ISO-8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
                                "iso_8859-2:1987 l2 latin2"),
    "iso8859_3": ("ISO-8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 "
                                "iso_8859-3:1988 l3 latin3"),
    "iso8859_4": ("ISO-8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 "
                                "iso_8859-4:1988 l4 latin4"),
    "iso8859_5": ("ISO-8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
                                "iso_8859-5:1988"),
    "iso8859_6": ("ISO-8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
                                "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"),
    "iso8859_7": ("ISO-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
                                "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
    "iso8859_8": ("ISO-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 "
                                "iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical"),
    "iso8859_10": ("ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    "iso8859_13": ("ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"),
    "iso8859_14": ("ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"),
    "iso8859_15": ("ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    "iso8859_16": ("ISO-8859-16", "iso-8859-16"),
    "koi8_r": ("KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"),
    "koi8_u": ("KOI8-U", "koi8-ru koi8-u"),
    "mac_roman": ("macintosh", "csmacintosh mac macintosh x-mac-roman"),
    "cp874": ("windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    "cp1250": ("windows-1250", "cp1250 windows-1250 x-cp1250"),
    "cp1251": ("windows-1251", "cp1251 windows-1251 x-cp1251"),
    # ASCII and latin-1 labels are windows-1252 on the web; so is x-user-defined in a page's own declaration.
    "cp1252": ("windows-1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
                               "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
                               "x-cp1252 x-user-defined"),
    "cp1253": ("windows-1253", "cp1253 windows-1253 x-cp1253"),
    "cp1254": ("windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
                               "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
    "cp1255": ("windows-1255", "cp1255 windows-1255 x-cp1255"),
    "cp1256": ("windows-1256", "cp1256 windows-1256 x-cp1256"),
    "cp1257": ("windows-1257", "cp1257 windows-1257 x-cp1257"),
    "cp1258": ("windows-1258", "cp1258 windows-1258 x-cp1258"),
    "mac_cyrillic": ("x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    # GBK is decoded by the gb18030 decoder (the standard says so); Big5 is Big5-HKSCS.
    "gb18030": ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030"),
    "big5hkscs": ("Big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "euc_jp": ("EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "iso2022_jp": ("ISO-2022-JP", "csiso2022jp iso-2022-jp"),
    "cp932": ("Shift_JIS", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    "cp949": ("EUC-KR", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
                        "ksc_5601 windows-949"),
    # A byte stream declaring UTF-16 without a BOM is ASCII-compatible: browsers read such a declaration as UTF-8
    # (a real BOM-less UTF-16 file is recognised by its NUL bytes first, _bomless_utf16).
    "utf-16": ("UTF-16", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le unicodefffe utf-16be"),
}
# The labels of the standard's "replacement" encoding (ISO-2022-KR/CN, HZ: decoders that smuggled markup past
# filters) are left out on purpose: a browser shows nothing; here they are ignored and the bytes detected.
_LABELS = {label: codec for codec, (_, labels) in _WHATWG_ENCODINGS.items() for label in labels.split()}
WEB_CODECS = frozenset(_WHATWG_ENCODINGS)  # what a page may be decoded as (detection included)
_ASCII_WHITESPACE = "\t\n\x0c\r "
_LATIN_SINGLE_BYTE = {"cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp775", "cp850", "cp437", "latin_1",
                      "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
                      "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish"}
TRUNCATED_NOTICE = f"The document is very long; only its first {MAX_TEXT_CHARS:,} characters are shown."
BLOCKS_NOTICE = f"The document has very many paragraphs; only its first {MAX_BLOCKS:,} are shown."


def load_path(path: str | os.PathLike[str], source: str | None = None) -> Article:
    """Read a file (read-only) and make an Article of it."""
    file_path = Path(path)
    label = source if source is not None else str(path)
    try:
        if file_path.is_dir():
            raise LoadError(f"{label} is a folder, not a file")
        status = file_path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe would block for ever, a device never ends
            raise LoadError(f"{label} is a device or special file, not a document")
        size = status.st_size
        if size > MAX_BYTES:
            raise LoadError(f"{label} is too large to open ({size // (1024 * 1024)} MB; "
                            f"the limit is {MAX_BYTES // (1024 * 1024)} MB)")
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


def load_bytes(data: bytes, source: str = "<bytes>", filename: str | None = None, *,
               charset: str | None = None, page_url: str | None = None, content_type: str | None = None) -> Article:
    """Bytes -> Article. ``charset``, ``page_url`` and ``content_type`` come from HTTP when the page was fetched."""
    if not data.strip():
        raise LoadError(f"{source} is empty")
    if len(data) > MAX_BYTES:
        raise LoadError(f"{source} is too large to open ({len(data) // (1024 * 1024)} MB; "
                        f"the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    notices: tuple[str, ...] = ()
    if data.startswith(b"bplist00"):
        data, charset, page_url = _unpack_webarchive(data, source)
        notices += ("Opened the page saved in a Safari web archive.",)
        content_type = "text/html"
    elif _is_mhtml(data):
        data, charset, page_url = _unpack_mhtml(data, source)
        notices += ("Opened the page saved in an MHTML web archive.",)
        content_type = "text/html"
    kind = _binary_kind(data)
    if kind:
        raise LoadError(f"{source} is {kind}, not an article Reader can open")
    text, encoding, decode_notices = decode(data, charset)
    if _looks_binary(text):
        raise LoadError(f"{source} looks like a binary file, not an article Reader can open")
    return load_text(text, source=source, filename=filename, encoding=encoding, notices=notices + decode_notices,
                     page_url=page_url, content_type=content_type)


def load_text(text: str, source: str = "<text>", filename: str | None = None,
              encoding: str | None = None, notices: tuple[str, ...] = (), *,
              page_url: str | None = None, content_type: str | None = None) -> Article:
    """Make an Article of already-decoded text, choosing HTML, Markdown or plain text by content."""
    text = text.lstrip("\ufeff")
    fmt = sniff_format(text, filename, content_type)
    if fmt == "html":
        article = _from_html(text, source, encoding, notices, page_url=page_url)
    elif fmt == "markdown":
        from .markdown import markdown_to_html  # noqa: PLC0415 - imported on use: plain files never pay for it

        article = _from_html(markdown_to_html(text), source, encoding, notices, page_url=page_url,
                             fmt="markdown", whole_page=False)
        if article.metadata.title is None:
            article = _with_title(article, _markdown_title(article.text, article.blocks))
    else:
        article = _from_plain_text(text, source, encoding, notices)
    if not article.text.strip():
        raise LoadError(f"{source} has no readable text")
    return _with_language(article)


def sniff_format(text: str, filename: str | None = None, content_type: str | None = None) -> str:
    """"html", "markdown" or "text", decided by content first and the file name (or HTTP type) second."""
    head = text[:20000]
    suffix = Path(filename).suffix.lower() if filename else ""
    mime = (content_type or "").split(";")[0].strip().lower()
    if _STRONG_HTML.search(head[:4096].encode("utf-8", "ignore")) or head.lstrip().startswith("<?xml"):
        return "html"
    tags = len(_HTML_TAG.findall(head))
    markdown = len(_MARKDOWN_LINE.findall(head)) + len(_MARKDOWN_INLINE.findall(head))
    if suffix in {".md", ".markdown", ".mdown", ".mkd"} or mime == "text/markdown":
        return "markdown" if markdown or not tags else "html"
    if tags >= 3 or (tags and tags >= markdown) or (_LOOKS_LIKE_MARKUP.match(head) and ">" in head[:4096]):
        return "html"
    if suffix in {".htm", ".html", ".xhtml", ".shtml"} or mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if suffix != ".txt" and mime != "text/plain" and markdown >= 2:
        return "markdown"
    return "text"


def decode(data: bytes, charset: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Bytes -> text. A BOM first, then ``charset`` (from HTTP), then the page's declaration, then detection.

    Corrects the usual lies: a page declaring latin-1 (or any legacy encoding) whose bytes are
    valid UTF-8 is UTF-8; a declaration the bytes cannot be decoded with is ignored.
    """
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name, ()
    wide = _bomless_utf16(data)
    if wide:
        return data.decode(wide, errors="replace"), wide, ()
    if b"\x1b$B" in data[:65536] or b"\x1b$@" in data[:65536]:  # ISO-2022-JP: 7-bit, switched by escapes
        try:
            return data.decode("iso2022_jp"), "iso2022_jp", ()
        except UnicodeDecodeError:
            pass
    utf8 = _utf8(data)
    declared = [name for name in (_codec(charset), _declared_charset(data[:8192])) if name]
    for name in declared:
        if name == "utf-8":
            if utf8 is not None:
                return utf8
            continue
        if utf8 is not None and not data.isascii():
            return utf8[0], "utf-8", utf8[2] + (f"The page declares {name} but its text is UTF-8; read as UTF-8.",)
        try:
            return data.decode(name), name, ()
        except UnicodeDecodeError:
            text = data.decode(name, errors="replace")
            if text.count("\ufffd") <= max(2, len(text) // 1000):
                return text, name, ("A few bytes could not be read and were replaced.",)
        except (LookupError, UnicodeError):  # not a text encoding a page can be in ("punycode", "undefined")
            continue
    if utf8 is not None:
        return utf8
    return _detect(data)


def _utf8(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """The text if the bytes are UTF-8, else None.

    Allows a cut-off last character, a rare stray byte (replaced), and a UTF-8 page with passages in
    windows-1252 (a pasted sentence, an old include): those passages are repaired, each invalid byte read
    as windows-1252, while the rest stays UTF-8. Reading the whole page as another encoding would turn
    every “ of the UTF-8 part into ‚Äú. A page with no valid multi-byte UTF-8 at all is not UTF-8.
    """
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            return (data[:error.start].decode("utf-8", errors="replace") + "\ufffd", "utf-8",
                    ("The file ends in the middle of a character; it may be cut short.",))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for char in text[:1_000_000] if char > "\x7f") - bad
    if wide >= 20 * bad:
        return text, "utf-8", ("A few bytes were not valid UTF-8 and were replaced.",)
    # Windows-1252 passages leave single bad bytes between ASCII letters (é, “); a page wholly in a multi-byte
    # or Cyrillic encoding leaves them in clusters, and may hold a few valid-looking UTF-8 pairs by chance.
    if wide >= _MIXED_MIN_UTF8 and text.count("\ufffd\ufffd") <= bad * 0.2:
        return (data.decode("utf-8", errors=_CP1252_REPAIR), "utf-8",
                ("Parts of the page were not UTF-8; they were read as windows-1252.",))
    return None


def _repair_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 could not decode, read as windows-1252 (its five holes replaced)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return bytes(chunk).decode("cp1252", errors="replace"), error.end


_CP1252_REPAIR = "reader-cp1252-repair"
_MIXED_MIN_UTF8 = 3  # valid multi-byte sequences: in real windows-1252 text they are next to impossible
codecs.register_error(_CP1252_REPAIR, _repair_cp1252)


def _detect(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    import charset_normalizer  # noqa: PLC0415 - only for bytes that declare no encoding and are not UTF-8

    results = charset_normalizer.from_bytes(data[:1_000_000])
    candidates = [match for match in results if _web_codec(match.encoding)]  # never UTF-7, EBCDIC, ...
    best = candidates[0] if candidates else None
    if best is not None:
        encoding = _web_codec(best.encoding) or "cp1252"
        if encoding in _LATIN_SINGLE_BYTE and encoding != "cp1252":
            # Short Latin texts fit several code pages about equally; windows-1252 is by far the most
            # common on the web, so it wins a near tie (not a clear loss: Czech in cp1250 stays cp1250).
            close = [match for match in candidates if match.percent_chaos <= best.percent_chaos + 10]
            top = max(match.percent_coherence for match in close)
            if any("cp1252" in match.could_be_from_charset and match.percent_coherence >= top - 2 for match in close):
                encoding = "cp1252"
        text = data.decode(encoding, errors="replace")
        return text, encoding, (f"Text encoding detected as {codecs.lookup(encoding).name}.",)
    return (data.decode("utf-8", errors="replace"), "utf-8",
            ("The text is not valid UTF-8; unreadable bytes were replaced.",))


# Codecs a detector names that are extensions of a web encoding: the web's decoder reads the same text.
_DETECTOR_SUPERSETS = {"euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp", "shift_jis_2004": "cp932",
                       "shift_jisx0213": "cp932", "iso2022_jp_2": "iso2022_jp", "iso2022_jp_ext": "iso2022_jp",
                       "big5": "big5hkscs", "cp950": "big5hkscs", "cp936": "gb18030", "hz": "", "utf_7": ""}


def _web_codec(name: str) -> str | None:
    """A detector's codec name -> the codec a browser would use for that encoding; None if no browser decodes it."""
    try:
        python = codecs.lookup(name).name
    except LookupError:
        return None
    python = _DETECTOR_SUPERSETS.get(python, python)
    if not python:
        return None
    for codec in (python, python.replace("-", "_")):
        if codec in WEB_CODECS:
            return "utf-8" if codec == "utf-16" else codec
    for label in (python, python.replace("_", "-"), python.replace("_", "")):
        if label in _LABELS:
            return _codec(label)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position of mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _codec(label: str | None) -> str | None:
    """A charset label as a browser reads it (the WHATWG table) -> a Python codec name; None if unknown or refused."""
    if not label:
        return None
    name = label.strip(_ASCII_WHITESPACE).strip("\"'").strip(_ASCII_WHITESPACE).lower()
    codec = _LABELS.get(name)
    if codec == "utf-16":
        return "utf-8"
    return codec


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            if signature == b"PK\x03\x04":
                if b"mimetypeapplication/epub+zip" in data[:100]:
                    return "an EPUB e-book"
                if b"word/" in data[:2000]:
                    return "a Word document"
            return kind
    if data[4:8] == b"ftyp":
        return "a video file"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    nul = sample.count("\x00")
    controls = len(_CONTROLS.findall(sample)) + sample.count("\ufffd")
    return nul > len(sample) * 0.01 or controls > len(sample) * 0.05


def _is_mhtml(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return (head.startswith((b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:",
                             b"snapshot-content-location:"))
            and b"multipart/related" in head)


def _unpack_mhtml(data: bytes, source: str) -> tuple[bytes, str | None, str | None]:
    """MHTML (Chrome's "Webpage, Single File"): the first text/html part and its address."""
    try:
        import email  # noqa: PLC0415 - MHTML only: the email package is ~15 ms of every file's load
        import email.policy  # noqa: PLC0415

        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() in ("text/html", "application/xhtml+xml"):
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset(), part.get("Content-Location") or message.get(
                        "Snapshot-Content-Location")
    except Exception:  # noqa: BLE001 - a damaged archive is reported, not raised
        pass
    raise LoadError(f"{source} is a web archive (MHTML) without a readable page in it")


def _unpack_webarchive(data: bytes, source: str) -> tuple[bytes, str | None, str | None]:
    """Safari's .webarchive: a binary property list around the page."""
    try:
        import plistlib  # noqa: PLC0415 - Safari's .webarchive only

        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        payload = main["WebResourceData"]
        if isinstance(payload, bytes) and payload.strip():
            return payload, main.get("WebResourceTextEncodingName"), main.get("WebResourceURL")
    except Exception:  # noqa: BLE001 - any other property list is not an article
        pass
    raise LoadError(f"{source} is a property list or damaged web archive, not an article Reader can open")


def _from_html(markup: str, source: str, encoding: str | None, notices: tuple[str, ...], *,
               page_url: str | None = None, fmt: str = "html", whole_page: bool = True) -> Article:
    """HTML -> Article. A full web page is cut down to its main article; a clean fragment is read whole.

    A page counts as full when it shows the usual scaffolding (navigation, sidebars, footers,
    banners, comments), or when the extractor leaves out blocks of links or a sizeable part of
    the text. A clean document (a print view, an article's own HTML) keeps every word.
    """
    document = whole_page and _STRONG_HTML.search(markup[:65536].encode("utf-8", "ignore")) is not None
    page = read_page(markup)  # BeautifulSoup: clean-up, head, JSON-LD, link titles; a huge page cut down first
    root = parse_html(page.markup)
    if not page.whole:  # bs4 read only the head of this huge page: the same clean-up, on the lxml tree
        drop_hidden(root)
    cut = page.cut
    small = whole_page and not cut and not extract.too_big(root, page.markup)
    info = extract.read_page_info(root, page, thorough=document and small, page_url=page_url)
    full = small and extract.is_full_page(root)
    if whole_page and not small and document:
        notices += (extract.TOO_BIG_NOTICE,)
    result = None
    if full or (document and small):
        body = extract.extract_main(root)
        main = tree_to_text(body) if body is not None else None
        if main is not None and main.text.strip():
            if full:
                result = main
            else:
                whole = tree_to_text(root)
                result = main if extract.left_out_boilerplate(whole, main.text) else whole
            if result is main:
                notices += (extract.EXTRACTED_NOTICE,)
        elif full:
            notices += (extract.WHOLE_PAGE_NOTICE,)
    if result is None:
        result = tree_to_text(root)
    elif result.links:
        result = _with_link_titles(result, page.link_titles if page.link_titles is not None else _link_titles(root))
    if result.truncated or cut:
        notices += (BLOCKS_NOTICE if len(result.blocks) >= MAX_BLOCKS else TRUNCATED_NOTICE,)
    metadata = Metadata(title=info.title, byline=info.byline, date=info.date, site_name=info.site_name,
                        canonical_url=info.canonical_url or info.og_url, language=info.language,
                        description=info.description, page_url=page_url or info.saved_from)
    return Article(source=source, text=result.text, blocks=result.blocks, links=result.links, metadata=metadata,
                   base_url=info.base_url(page_url) if fmt == "html" else None, format=fmt,
                   encoding=encoding, notices=notices)


def _with_link_titles(result: HtmlText, titles: dict[str, str]) -> HtmlText:
    """Extraction drops <a title>; take it back from the page (first link with the same href)."""
    if not titles:
        return result
    links = tuple(link if link.title or link.href not in titles else dataclasses.replace(link, title=titles[link.href])
                  for link in result.links)
    return dataclasses.replace(result, links=links)


def _link_titles(root: lxml.html.HtmlElement) -> dict[str, str]:
    """href -> <a title> read from the lxml tree, for a page too large for bs4 to read whole."""
    titles: dict[str, str] = {}
    for anchor in root.iter("a"):
        title, href = anchor.get("title"), anchor.get("href")
        if title and href is not None:
            titles.setdefault(href.strip(), title)
    return titles


def _from_plain_text(text: str, source: str, encoding: str | None, notices: tuple[str, ...]) -> Article:
    """Plain text keeps its characters; only line endings are unified so offsets stay simple."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_CHARS:
        cut = text.rfind("\n", MAX_TEXT_CHARS // 2, MAX_TEXT_CHARS)
        text = text[:cut if cut > 0 else MAX_TEXT_CHARS]
        notices += (TRUNCATED_NOTICE,)
    if _has_controls(text):
        text = "".join(char if char >= " " or char in "\n\t" else " " for char in text)
    if _SURROGATES.search(text):  # only a caller's str can hold them; they cannot be shown or saved
        text = _SURROGATES.sub("\ufffd", text)
    blocks: list[Block] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_block(blocks, text, position, match.start())
        position = match.end()
    _add_block(blocks, text, position, len(text))
    if len(blocks) > MAX_BLOCKS:  # see html.MAX_BLOCKS
        blocks = blocks[:MAX_BLOCKS]
        text = text[:blocks[-1].end]
        notices += (BLOCKS_NOTICE,)
    return Article(source=source, text=text, blocks=tuple(blocks), metadata=Metadata(title=_headline(text, blocks)),
                   format="text", encoding=encoding, notices=notices)


def _headline(text: str, blocks: Sequence[Block]) -> str | None:
    """The first paragraph as the title when it reads as a headline; None when it may be the body's start.

    A headline is one line with a blank line after it, at most HEADLINE_MAX_CHARS characters and
    HEADLINE_MAX_WORDS words, mostly letters (not a date or a rule of dashes); it starts with a letter, a
    digit or an opening quote (not lower case, not a list's bullet), does not end as a sentence does
    (a full stop) nor as a lead-in does (a comma, a colon), and is no byline. And the body follows: one of
    the next three paragraphs is longer than it (and than HEADLINE_BODY_MIN_CHARS) and ends as a sentence
    (short lines between blank lines, a poem's, stay untitled). The text is not changed:
    the title is the first paragraph's own characters, which stay in the text with their offsets.
    """
    if len(blocks) < 2 or blocks[0].kind != "p":
        return None
    line = text[blocks[0].start:blocks[0].end]
    words = line.split()
    if "\n" in line or len(line) > HEADLINE_MAX_CHARS or len(words) > HEADLINE_MAX_WORDS:
        return None
    first, last = line[0], line.rstrip(_CLOSERS)[-1:]
    letters = sum(char.isalpha() for char in line)
    if first.islower() or not (first.isalnum() or first in _OPENERS) or not last or last in _NOT_A_HEADLINE_END:
        return None
    if letters < 4 or letters * 2 < len(line) - line.count(" ") or is_byline(line):
        return None
    for block in blocks[1:4]:
        body = text[block.start:block.end]
        if len(body) > max(len(line), HEADLINE_BODY_MIN_CHARS) and body.rstrip(_CLOSERS)[-1:] in _SENTENCE_END:
            return line
    return None


def _markdown_title(text: str, blocks: Sequence[Block]) -> str | None:
    """Markdown's title: a level-one heading opening the document ("# Title", or underlined with "="), else a
    first paragraph that reads as a headline, as in plain text."""
    if blocks and blocks[0].kind == "h1":
        return " ".join(text[blocks[0].start:blocks[0].end].split()) or None
    return _headline(text, blocks)


def _with_title(article: Article, title: str | None) -> Article:
    if title is None:
        return article
    return dataclasses.replace(article, metadata=dataclasses.replace(article.metadata, title=title))


def _with_language(article: Article) -> Article:
    """Record the article's language (declared, checked against the text).

    What a language means for the analysis (no English entities on French text) is the
    pipeline's to say, in one notice.
    """
    declared = article.metadata.language
    language = reconcile(declared, article.text) if declared else detect_language(article.text)
    if language == article.metadata.language:
        return article
    return dataclasses.replace(article, metadata=dataclasses.replace(article.metadata, language=language))


def _has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def _add_block(blocks: list[Block], text: str, start: int, end: int) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        blocks.append(Block(start, end))
