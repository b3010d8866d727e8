"""The hostile-file set (issue 12): files built to tie the reader up, generated on demand.

Nothing here is committed as data: multi-megabyte files are made in memory (or written to a
temporary folder by ``write_all``) from these recipes. Each case names its group, the file name it
is loaded under, and what a sensible answer is: words the article's text must hold, or the words
of the one clear error sentence. tests/core/test_hostile.py checks each result; tools/score_hostile.py
prints per-group figures (cases, CPU seconds, peak memory, outcome).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = ("The minister said the budget would protect families, while officials in Brussels disagreed. "
           "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the treaty. ")
PROSE = ARTICLE * 3
KEY = "Emmanuel Macron"  # a sensible result keeps the article's words
LAST = "The closing paragraph survives."  # what comes after a hostile run must too


@dataclass(frozen=True)
class Case:
    name: str
    group: str
    filename: str
    make: Callable[[], bytes]
    expect_text: str | None = KEY  # words the text must contain (None: an error is expected)
    expect_error: str | None = None  # words of the one clear error sentence
    heavy: bool = False  # seconds even when bounded: marked slow in the tests
    also_absent: str | None = None  # text that must not appear (a mis-decoding's tell-tale)
    open_issue: str | None = None  # not yet bounded: why, and whose stage it is (the test is an expected failure)


def _html(body: str, head: str = "") -> bytes:
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>Hostile</title>{head}</head>"
            f"<body><article><p>{PROSE}</p>{body}</article></body></html>").encode()


def _text(run: str) -> bytes:
    return (PROSE + "\n\n" + run + "\n\n" + PROSE).encode()


def _attributes(count: int) -> bytes:
    attributes = " ".join(f"a{i}=\"v\"" for i in range(count))
    return _html(f"<div {attributes}>tail</div>")


def _unclosed_tables() -> bytes:
    furniture = "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><footer>Contact us</footer>"
    return _html(furniture + "<table>" * 2000)


def _mixed_encoding() -> bytes:
    utf8 = ("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><p>“Fine,” said Ann. " + PROSE
            + "</p><p>").encode()
    return utf8 + "Il a dit « très bien » à l’été, “quoted”.".encode("cp1252") + ("</p><p>Café “ok”. " + PROSE
                                                                               + "</p></body></html>").encode()


def _utf7() -> bytes:
    body = f"<p>{PROSE}</p><p>+ADw-a href+AD0AIg-javascript:alert(1)+ACI-+AD4-click+ADw-/a+AD4-</p>"
    return f"<html><head><meta charset=\"utf-7\"></head><body>{body}</body></html>".encode()


def _bracket_attribute_names(count: int) -> bytes:
    """One tag whose attribute names start with "<": libxml2 compared each with all before it (minutes)."""
    names = " ".join(f"<a{i}" for i in range(count))
    return _html(f"<div {names}>{LAST}</div>")


def _big_attribute() -> bytes:
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"x\" content=\""
            + "x" * 30_000_000 + f"\"></head><body><article><p>{PROSE}</p></article></body></html>").encode()


def _value_with_less_than() -> bytes:
    """20 MB of "<" in one quoted attribute before the article's last sentence (it pushed the markup past the cap)."""
    return _html(f"<div title=\"{'<' * 20_000_000}\">{LAST}</div>")


def _meta_with_less_than() -> bytes:
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"description\" content=\""
            + "a<b" * 333_333 + f"\"></head><body><article><p>{PROSE}</p></article></body></html>").encode()


def _json_ld_with_less_than() -> bytes:
    headline = "a<b" * 333_333
    script = f'{{"@type": "NewsArticle", "headline": "{headline}"}}'
    return _html("", head=f'<script type="application/ld+json">{script}</script>')


def _emphasis() -> bytes:
    return (PROSE + "\n\n" + "*a _b " * 120_000 + "\n\n" + PROSE).encode()


def _nested_quotes() -> bytes:
    return (PROSE + "\n\n" + "> " * 100_000 + "deep\n\n" + PROSE).encode()


CASES: tuple[Case, ...] = (
    # -------------------------------------------------------------- tokenizer runs
    Case("curly_quotes_300k", "tokenizer runs", "quotes.txt", lambda: _text("“" * 100_000), heavy=True),
    Case("less_than_300k", "tokenizer runs", "lt.txt", lambda: _text("<" * 300_000), heavy=True),
    Case("brackets_300k", "tokenizer runs", "brackets.txt", lambda: _text("[" * 300_000), heavy=True),
    Case("ampersands_300k", "tokenizer runs", "amp.txt", lambda: _text("&" * 300_000), heavy=True),
    Case("backticks_300k", "tokenizer runs", "ticks.txt", lambda: _text("`" * 300_000), heavy=True),
    Case("capitals_1m", "tokenizer runs", "caps.txt", lambda: _text("ABCDEFGHIJ" * 100_000), heavy=True),
    Case("mister_250k", "tokenizer runs", "mr.txt", lambda: _text("Mr. " * 250_000), heavy=True),
    Case("said_100k", "tokenizer runs", "said.txt", lambda: _text('"a," said ' * 100_000), heavy=True),
    # -------------------------------------------------------------- markup bombs
    Case("br_1m", "markup bombs", "br.html", lambda: _html("<br>" * 1_000_000), heavy=True),
    Case("tiny_p_1m", "markup bombs", "p.html", lambda: _html("<p>a</p>" * 1_000_000), heavy=True),
    Case("attributes_80k", "markup bombs", "attrs80.html", lambda: _attributes(80_000)),
    Case("attributes_300k", "markup bombs", "attrs300.html", lambda: _attributes(300_000), heavy=True),
    Case("deep_nesting_100k", "markup bombs", "deep.html", lambda: _html("<div>" * 100_000 + "deep")),
    Case("bracket_attribute_names_80k", "markup bombs", "ltnames.html", lambda: _bracket_attribute_names(80_000),
         expect_text=LAST),
    Case("attribute_30mb", "markup bombs", "bigattr.html", _big_attribute, heavy=True),
    Case("attribute_lt_20mb", "markup bombs", "ltattr.html", _value_with_less_than, expect_text=LAST, heavy=True),
    Case("meta_lt_1mb", "markup bombs", "ltmeta.html", _meta_with_less_than),  # trafilatura: 270 s
    Case("json_ld_lt_1mb", "markup bombs", "ltjsonld.html", _json_ld_with_less_than),  # trafilatura: minutes
    # -------------------------------------------------------------- extraction traps
    Case("unclosed_tables", "extraction traps", "tables.html", _unclosed_tables),
    Case("fragment_54_bytes", "extraction traps", "fragment.html",
         lambda: b"<html><body><p>x</p><graphic>a</graphic><td><lb/>y</td>",
         expect_text=None, expect_error=None),
    # -------------------------------------------------------------- encodings
    Case("charset_undefined", "encodings", "undefined.html",
         lambda: _html("", head="<meta charset=\"undefined\">").replace(b"charset=\"utf-8\"", b"")),
    Case("charset_idna", "encodings", "idna.html",
         lambda: _html("<p>Caf\xe9</p>").replace(b"charset=\"utf-8\"", b"charset=\"idna\"")),
    Case("charset_punycode", "encodings", "punycode.html",
         lambda: _html("").replace(b"charset=\"utf-8\"", b"charset=\"punycode\"")),
    Case("charset_utf7", "encodings", "utf7.html", _utf7, expect_text="+ADw-a href"),  # stays inert text
    Case("mixed_utf8_cp1252", "encodings", "mixed.html", _mixed_encoding, also_absent="‚Äú"),
    Case("charset_rot13", "encodings", "rot13.html",
         lambda: _html("").replace(b"charset=\"utf-8\"", b"charset=\"rot13\"")),
    Case("charset_koi8u_label", "encodings", "koi.html",
         lambda: ("<html><head><meta charset=\"koi8-ru\"></head><body><p>" + PROSE + "Привет, мир, как дела.</p>"
                  "</body></html>").encode("koi8_u")),
    # -------------------------------------------------------------- markdown
    Case("emphasis_700k", "markdown", "emphasis.md", _emphasis, heavy=True),
    Case("nested_quotes_100k", "markdown", "nested.md", _nested_quotes),
)

BY_NAME = {case.name: case for case in CASES}

# File names that must not reach a terminal raw, nor break the JSON (tests/core/test_hostile.py, the scorer).
HOSTILE_NAMES: tuple[bytes, ...] = (
    b"bad\xffbyte.txt",  # not UTF-8: a lone surrogate in Python's str
    b"new\nline.txt",
    b"ansi\x1b[31mred\x1b[0m.txt",
    "bidi\u202egnp.txt".encode(),
    b"bell\x07.txt",
)


def write_all(folder: Path) -> list[Path]:
    """Write every case into ``folder`` (the scorer's and a developer's way to get the files)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        path = folder / f"{case.name}-{case.filename}"
        path.write_bytes(case.make())
        written.append(path)
    return written


assert codecs.lookup("cp1252")  # the mixed case relies on it
