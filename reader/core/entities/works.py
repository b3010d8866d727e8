"""Names that a small model cuts up or mistypes but English prose marks plainly: titles of works in
quotation marks next to a work noun ("her third novel, “The Salt Orchard”"), cases ("Roe v Wade"), a law's
year ("the Housing Act 1988"), and languages ("translated into French"). Each is one linear pass."""

from __future__ import annotations

import re

from ..lexicon import alternation
from ..lexicon.products import APPOSITION_DETERMINERS
from ..lexicon.works import (
    CASE_SEPARATORS,
    LANGUAGE_CUES,
    LANGUAGE_FOLLOWERS,
    LANGUAGE_NAMES,
    LEGAL_CONTEXT_WORDS,
    LIST_CONJUNCTIONS,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
)
from .common import Candidate

# A title in quotation marks, not longer than a title runs, with no sentence punctuation inside.
_QUOTED = re.compile(r"[“\"‘]([A-Z0-9][^“”\"\n.!?;:]{0,80}?)[,]?[”\"’](?![\w’'])")
_WORD = re.compile(r"[\w'’-]+")
_TAIL_WORDS = re.compile(r"[\w'’-]+|,")
_WORK_NOUN = frozenset(WORK_NOUNS)
# "“The Quiet Orchard”, a drama about ...", "“Benzină”, her second novel": a work noun in apposition.
_APPOSED_WORK = re.compile(rf",\s+(?:(?:{alternation(APPOSITION_DETERMINERS)})\s+)(?:[\w-]+\s+){{0,3}}?"
                           rf"({alternation(WORK_NOUNS)})\b")


def _title_cased(title: str) -> bool:
    """Every word capitalised but the small ones ("The Life of a Showgirl"), the first always."""
    words = _WORD.findall(title)
    if not words or len(words) > 10 or (not words[0][:1].isupper() and not words[0][:1].isdigit()):
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word in TITLE_SMALL_WORDS for word in words)


def quoted_titles(text: str) -> list[Candidate]:
    """Titles in quotation marks that a work noun introduces or follows: "the album “Tidewater”",
    "his suite “Windrush Variations”", "“The Quiet Orchard”, a drama"."""
    found: list[Candidate] = []
    for match in _QUOTED.finditer(text):
        title = match.group(1).rstrip(", ")
        if not _title_cased(title):
            continue
        before = _TAIL_WORDS.findall(text, max(0, match.start() - 40), match.start())[-4:]
        before = [word.lower() for word in before if word != ","]
        introduced = bool(before) and (before[-1] in _WORK_NOUN or (
            len(before) >= 2 and before[-2] in _WORK_NOUN and before[-1] in {"called", "titled", "entitled"}))
        if introduced or _APPOSED_WORK.match(text, match.end()):
            start = match.start(1)
            found.append(Candidate(start, start + len(title), "WORK_OF_ART", "title"))
    return found


_LEGAL_CONTEXT = re.compile(r"\b(?:" + alternation(LEGAL_CONTEXT_WORDS) + r")\b", re.I)
_SEPARATOR = re.compile(r"(?<=[\w.]) (?:" + alternation(CASE_SEPARATORS) + r") (?=[A-Z])")
_CAPITALISED = re.compile(r"[A-Z][\w'’.&-]*$")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})
_TOKEN = re.compile(r"\S+")
_PUNCTUATION = ",;:)”\"’"
_OPENING = "(“\"‘"


def case_names(text: str, function_words: frozenset[str]) -> list[Candidate]:
    """"Macrae v Dunlop Properties Ltd", "Brown v. Board of Education": a case (LAW) in a story about the law."""
    if " v" not in text or not _LEGAL_CONTEXT.search(text):
        return []
    found: list[Candidate] = []
    for match in _SEPARATOR.finditer(text):
        start = _left_party(text, match.start(), function_words)
        end = _right_party(text, match.end())
        if start is not None and end is not None:
            found.append(Candidate(start, end, "LAW", "title"))
    return found


def _left_party(text: str, end: int, function_words: frozenset[str]) -> int | None:
    """The start of the capitalised words before ``end`` ("In Macrae" -> "Macrae")."""
    offset = max(0, end - 80)
    start = None
    for token in reversed(list(_TOKEN.finditer(text, offset, end))):
        word = token.group()
        if word[-1] in _PUNCTUATION:
            break
        opening = word[0] in _OPENING
        word = word.lstrip(_OPENING)
        if _CAPITALISED.match(word) and word.lower() not in function_words:
            start = token.end() - len(word)
        elif word.lower() not in _CONNECTORS or start is None:
            break
        if opening:
            break
    return start


def _right_party(text: str, start: int) -> int | None:
    """The end of the capitalised words from ``start`` ("Board of Education", "Dunlop Properties Ltd")."""
    end = None
    for token in _TOKEN.finditer(text, start, start + 80):
        word = token.group()
        bare = word.rstrip(_PUNCTUATION + ".")
        if _CAPITALISED.match(bare):
            end = token.start() + len(bare)
        elif bare.lower() not in _CONNECTORS or end is None:
            break
        if bare != word:
            break
    return end


_YEAR_AFTER = re.compile(r" (?:1[6-9]|20)\d\d(?!\d)")


def law_years(text: str, mentions: list[Candidate]) -> None:
    """"the Housing (Scotland) Act" + " 2006": a law's year is part of its name."""
    for mention in mentions:
        if mention.label == "LAW":
            year = _YEAR_AFTER.match(text, mention.end)
            if year:
                mention.end = year.end()


# After a language: the end of the phrase, also after more languages ("into German and French."), not a noun
# ("from Italian and Spanish ministers").
_AND = alternation(LIST_CONJUNCTIONS)
_LANGUAGE_AFTER = re.compile(rf"(?:(?:,\s+|\s+(?=(?:{_AND})\b))(?:(?:{_AND})\s+)?[A-Z][\w-]*)*"
                             rf"(?:[^\w\s-]|\s+(?:{alternation(LANGUAGE_FOLLOWERS)})\b|\s*$)")
_CUE_BEFORE = re.compile(r"\b(?:" + alternation(LANGUAGE_CUES) + r")\s+$")


def languages(text: str, mentions: list[Candidate]) -> None:
    """A nationality's adjective used as a noun after "in", "into", "speaks" is a language ("translated into
    German and French"), but not before a noun ("in French politics")."""
    previous_end = -1
    previous_language = False
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if mention.label in {"NORP", "LANGUAGE"} and surface in LANGUAGE_NAMES \
                and _LANGUAGE_AFTER.match(text, mention.end):
            cue = _CUE_BEFORE.search(text, max(0, mention.start - 14), mention.start)
            between = text[previous_end:mention.start].strip(" ,")
            listed = previous_language and (between in LIST_CONJUNCTIONS or not between)
            if listed or cue:
                mention.label = "LANGUAGE"
        previous_language = mention.label == "LANGUAGE"
        previous_end = mention.end
