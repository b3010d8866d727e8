"""Quantities: money amounts take in their currency sign and magnitude; ages, scores, temperatures and
vague spans ("billions of years") are no dates; a share is no money; equal amounts get one key."""

from __future__ import annotations

import re

from ..lexicon import alternation
from ..lexicon.quantities import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    CURRENCY_WORDS_AFTER_MAGNITUDES,
    CURRENCY_WORDS_AFTER_NUMBERS,
    MAGNITUDE_WORDS,
    MAGNITUDES,
    PERCENT_WORDS,
    RESOLUTIONS,
)
from ..lexicon.time import DATE_ING_ADJECTIVES, TIME_UNITS
from .common import Candidate

MONEY_SUFFIX = re.compile(r"(?:bn|tn|m|k|b)(?![\w])", re.I)
_UNITS = alternation(TIME_UNITS)
# A bare number ("Rourke, 58,": an age), an age ("41-year-old", "aged 74", "74 years old"), a score ("2-11"),
# a temperature ("44C"): a small model calls them dates.
_NOT_A_DATE = re.compile(
    r"\d{1,3}"
    r"|(?:aged\s+)?\d{1,3}(?:[-\s]years?[-\s]old|[-\s]year[-\s]olds?)?"
    r"|(?:a|an|the)?\s*\d{1,3}[-\s]year[-\s]olds?"
    r"|\d{1,3}\s*[-–]\s*\d{1,3}"
    r"|-?\d{1,3}(?:\.\d)?\s*°?\s*[CF]"
    # Vague spans: "billions of years", "thousands of years" (an amount of time, not a point or a period)
    rf"|(?:many\s+|several\s+|some\s+|tens\s+of\s+|hundreds\s+of\s+)?"
    rf"(?:hundreds|thousands|millions|billions|trillions)\s+(?:of\s+)?(?:{_UNITS})"
    # A unit on its own, or after a verb ("ending months of uncertainty")
    rf"|(?:[a-z]+ing\s+)?(?:{_UNITS})",
    re.I)
_PERCENT = re.compile(r"(?:" + alternation(PERCENT_WORDS) + r")(?!\w)", re.I)
_TIME_UNIT = re.compile(rf"\b(?:{_UNITS})\b", re.I)
_CURRENCY_WORD = re.compile(r"\b(?:" + alternation(CURRENCY_WORDS) + r")\b", re.I)
_AMOUNT = re.compile(
    rf"(?P<sign>[{CURRENCY_SIGNS}])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<magnitude>" + alternation(MAGNITUDES) + r")?(?![a-z])\s*(?P<word>[a-z]+)?", re.I)


def money_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """"£28m" is the amount, not "28": take in the currency sign and a glued magnitude."""
    if start > 0 and text[start - 1] in CURRENCY_SIGNS and not text[start].isspace():
        start -= 1
    suffix = MONEY_SUFFIX.match(text, end)
    if suffix and end > start and text[end - 1].isdigit():
        end = suffix.end()
    return start, end


def quantity_label(surface: str, label: str) -> str | None:
    """The label a model's quantity really has, or None when it is no entity at all."""
    if label == "DATE":
        match = _NOT_A_DATE.fullmatch(surface.strip())
        if match is None:
            return label
        first = surface.split()[0].lower()
        if first.endswith("ing") and first in DATE_ING_ADJECTIVES:
            return label  # "the coming months" is a date
        return None
    if label == "MONEY":
        if _PERCENT.search(surface):
            return "PERCENT"  # "11 per cent"
        if not any(sign in surface for sign in CURRENCY_SIGNS) and not _CURRENCY_WORD.search(surface):
            # "about 3.1 billion years" is a span of time; "billions of years" not even that.
            if _TIME_UNIT.search(surface):
                return None if _NOT_A_DATE.fullmatch(surface.strip()) else "DATE"
    return label


def money_key(surface: str) -> str | None:
    """One key for equal amounts: "£40m", "£40 million" and "40 million pounds" are all "GBP 40000000"."""
    match = _AMOUNT.search(surface)
    if match is None:
        return None
    number = float(match.group("number").replace(",", ""))
    magnitude = (match.group("magnitude") or "").lower()
    number *= MAGNITUDES.get(magnitude, 1.0)
    currency = match.group("sign") or (match.group("word") or "").lower()
    code = CURRENCY_CODES.get(currency, currency or "?")
    return f"{code} {number:.0f}" if number >= 1 else f"{code} {number}"


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MAGNITUDE = rf"(?:\s?(?:bn|tn|mn|m|k)(?![\w])|\s(?:{alternation(MAGNITUDE_WORDS)})\b)"
_MONEY = re.compile(
    rf"[{CURRENCY_SIGNS}]\s?(?:{_NUMBER}){_MAGNITUDE}?"  # "£40m", "$2.5 billion" (and "US$": see below)
    rf"|(?<![\w.,])(?P<pence>\d{{1,4}}(?:\.\d+)?)p(?![\w])(?!\.m\b)"  # "312p" (not "5p.m.")
    rf"|(?<![\w.,$£€¥])(?:{_NUMBER})\s(?:{alternation(MAGNITUDE_WORDS)})\s"
    rf"(?:{alternation(CURRENCY_WORDS_AFTER_MAGNITUDES)})(?![\w])"  # "40 million pounds"
    rf"|(?<![\w.,$£€¥])(?:{_NUMBER})\s(?:{alternation(CURRENCY_WORDS_AFTER_NUMBERS)})(?![\w])")  # "300 yen"


def money_mentions(text: str) -> list[Candidate]:
    """Amounts of money written plainly, for a recogniser that finds none or misses some ("86p", "€12bn")."""
    found = []
    for match in _MONEY.finditer(text):
        if match.group("pence") in RESOLUTIONS:
            continue
        start = match.start()
        prefix = _COUNTRY_PREFIX.search(text, max(0, start - 3), start)
        if prefix:
            start = prefix.start()  # "US$2.5 billion", "A$40m"
        elif start and (text[start - 1].isalnum() or text[start - 1] in CURRENCY_SIGNS):
            continue
        found.append(Candidate(start, match.end(), "MONEY", "amount"))
    return found


_COUNTRY_PREFIX = re.compile(r"(?<![\w$£€¥])[A-Z]{1,2}$")
