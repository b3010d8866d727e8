"""Quantities: money amounts take in their currency sign and magnitude."""

from __future__ import annotations

import re

MONEY_SUFFIX = re.compile(r"(?:bn|tn|m|k|b)(?![\w])", re.I)


def money_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """"£28m" is the amount, not "28": take in the currency sign and a glued magnitude."""
    if start > 0 and text[start - 1] in "$£€¥₹₽₩₺" and not text[start].isspace():
        start -= 1
    suffix = MONEY_SUFFIX.match(text, end)
    if suffix and end > start and text[end - 1].isdigit():
        end = suffix.end()
    return start, end

