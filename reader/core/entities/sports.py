"""Sports context: is this a sports story? Only there may a city's name be its club ("Hull beat Stoke")
and a capitalised plural its team ("the Owls"); in a politics story club rules never fire."""

from __future__ import annotations

import re

from ..lexicon import alternation
from ..lexicon.sports import SPORTS_MIN_WORDS, SPORTS_WORDS, SPORTS_WORDS_PER_THOUSAND

_SPORTS_WORD = re.compile(r"(?<![\w-])(?:" + alternation(SPORTS_WORDS) + r")(?![\w-])", re.I)
# A result written in figures: "won 3-1", "a 2-2 draw", "6-4, 7-5" (no years: "2019-20" has four digits).
SCORE = re.compile(r"(?<![\w.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.-]|,\d)")
_WORD = re.compile(r"\w+")


def is_sports_story(text: str) -> bool:
    """Enough sports words (a score counts as one) for the story's length: one linear pass each."""
    hits = len(_SPORTS_WORD.findall(text)) + len(SCORE.findall(text))
    if hits < SPORTS_MIN_WORDS:
        return False
    words = sum(1 for _ in _WORD.finditer(text))
    return hits * 1000 >= SPORTS_WORDS_PER_THOUSAND * words
