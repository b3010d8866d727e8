"""Showing text safely: hidden characters made visible, long text cut, URL parts percent-encoded."""

from __future__ import annotations

import functools
import re
import unicodedata

# Longest piece of a URL or link text quoted inside a warning message.
QUOTE_LIMIT = 80
# display_url is meant for a label; a multi-megabyte data: URL would freeze one.
DISPLAY_LIMIT = 2048

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and marks that draw nothing though their category says otherwise.
_BLANK_GLYPHS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u2800\u3164\uffa0"
                          "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c"
                          "\ufe0d\ufe0e\ufe0f")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp", "Zs"})
_UNUSUAL = re.compile(r"[^\x20-\x7e]")  # anything but printable ASCII

# --------------------------------------------------------------------------- display helpers

def is_hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _BLANK_GLYPHS


def hidden_chars(text: str) -> list[str]:
    """The distinct characters of ``text`` that draw nothing, reorder text or are not characters at all."""
    if len(text) < 100_000:
        unusual = set(_UNUSUAL.findall(text))  # usually none, or a handful
    else:
        unusual = set(text)  # a giant data: URL: its distinct characters, without a giant list first
    return sorted(c for c in unusual if c != " " and is_hidden(c))


@functools.lru_cache(maxsize=1024)
def percent(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        char = "\ufffd"  # a lone surrogate has no UTF-8 form
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def escape(text: str, spaces: bool = True) -> str:
    """Make every hidden character visible as its percent-escape (so the result still reads as a URL)."""
    hidden = hidden_chars(text)
    if spaces and " " in text:
        hidden.append(" ")
    if not hidden:
        return text
    return text.translate({ord(c): percent(c) for c in hidden})


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def quote(text: str) -> str:
    return truncate(escape(text, spaces=False), QUOTE_LIMIT)


def char_names(chars: list[str], limit: int = 3) -> str:
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}".rstrip() for c in chars[:limit]]
    if len(chars) > limit:
        names.append(f"and {len(chars) - limit} more")
    return ", ".join(names)


def encode(text: str, needs: re.Pattern[str]) -> str:
    if not needs.search(text):
        return text
    return needs.sub(lambda m: percent(m.group()), text)

