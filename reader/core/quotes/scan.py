"""The quotation scanner: pairs quotation marks in a text, character by character.

A scanner, not a parser. Curly marks give their direction; straight ``"`` and ``'`` get theirs
from the characters around them; an apostrophe between letters (Syria’s, don't) is never a
mark, and a ``s’`` before a lower-case word (the rebels’ positions) is only a closing mark if
nothing better turns up. Marks of another family nest inside an open quote (“… ‘…’ …”) and
stay part of it, so quotes never overlap. A quote still open at the end of a paragraph
continues when the next paragraph opens with a mark of the same family (the news convention
for long quotes); otherwise it is reported unclosed, ending at the paragraph end, and no quote
runs on for more than ``MAX_SEGMENT`` characters without a paragraph or closing mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicon.function_words import APOSTROPHE_ELISIONS

MAX_SEGMENT = 3000  # characters a quote may run within one paragraph without closing


DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "d", "s", "g", "sg"
_FAMILY = {"“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, '"': DOUBLE, "＂": DOUBLE,
           "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE, "'": SINGLE,
           "«": GUILLEMET, "»": GUILLEMET, "‹": SINGLE_GUILLEMET, "›": SINGLE_GUILLEMET}
# An apostrophe between two letters or digits is never a mark: leave it out before any work is done.
_MARKS = re.compile("[" + re.escape("".join(c for c in _FAMILY if c not in "'’")) + "]"
                    "|(?<![^\\W_])['’]|['’](?![^\\W_])")
CONTINUATION_MARKS = frozenset(char for char in _FAMILY if char not in "’")  # what may open a continued paragraph
_OPENING_PUNCT = set("([{<—–-/\u00a0") | set("“‘„‚«‹‟‛")
_CLOSING_PUNCT = set(".,;:!?)]}>…—–-/") | set("”’»›")
# Elisions that begin with an apostrophe: 'em, 'n', 'til, '90s.
_ELISION = re.compile(r"(?:" + "|".join(APOSTROPHE_ELISIONS) + r"|\d\ds?|\d0s)(?![\w])", re.I)


@dataclass(slots=True)
class _Mark:
    pos: int
    char: str
    family: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closing mark that is more likely an apostrophe: the rebels’ positions


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """What the scanner found: the words' span and where the marks were."""

    start: int  # first character of the words (after the opening mark and any space)
    end: int  # end of the words, exclusive (before the closing mark)
    open_pos: int  # the opening mark
    close_pos: int | None  # the closing mark; None when unclosed
    closed: bool
    family: str


def _classify(text: str, pos: int) -> _Mark | None:  # noqa: C901 - one case per kind of mark reads best as a table
    char = text[pos]
    family = _FAMILY[char]
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    space_before = not before or before.isspace()
    space_after = not after or after.isspace()
    # Left-flanking: could open (nothing word-like before, something after).
    opens_here = (space_before or before in _OPENING_PUNCT) and not space_after
    # Right-flanking: could close (something before, nothing word-like after).
    closes_here = not space_before and before not in "([{" and (space_after or after in _CLOSING_PUNCT)
    between_words = before.isalnum() and after.isalnum()

    if char in "“‟":
        # Opens in English; closes a German „…“ or a mistyped closer: he said“ .
        return _Mark(pos, char, family, can_open=not closes_here or opens_here, can_close=closes_here)
    if char == "”":
        # Closes; opens only where it plainly starts a word (Swedish ”…”, or a typo).
        return _Mark(pos, char, family, can_open=opens_here and not closes_here,
                     can_close=not opens_here or closes_here)
    if char == "„":
        return _Mark(pos, char, family, can_open=True, can_close=False)
    if char in "\"＂":
        if opens_here and not closes_here:
            return _Mark(pos, char, family, True, False)
        if closes_here and not opens_here:
            # 6' 2" is a measurement, not a quotation ending.
            return None if before.isdigit() and _inch(text, pos) else _Mark(pos, char, family, False, True)
        if between_words or (not space_before and not space_after):
            return _Mark(pos, char, family, True, True)  # word"word: let the state decide
        return None  # surrounded by space: a stray mark
    if char in "'’‛":
        if between_words:
            return None  # don't, Syria’s, O'Brien
        if (opens_here and after.isalnum()) or (opens_here and char == "‛"):
            if _ELISION.match(text, pos + 1):
                return None  # 'em, rock 'n' roll, the '90s
            return _Mark(pos, char, family, True, False)
        if closes_here:
            # s’ + lower-case word is usually a plural possessive (the rebels’ positions).
            weak = before in "sS" and _next_word_is_lower(text, pos + 1)
            return _Mark(pos, char, family, False, True, weak=weak)
        return None
    if char == "‘":
        if between_words:
            return None  # mistyped apostrophe: don‘t
        if not space_after and not closes_here:
            if _ELISION.match(text, pos + 1):
                return None
            return _Mark(pos, char, family, True, False)
        if closes_here:
            return _Mark(pos, char, family, False, True)
        return None
    if char == "‚":
        # Low single mark opens German single quotes; elsewhere it is a comma look-alike.
        return _Mark(pos, char, family, True, False) if opens_here and after.isalpha() else None
    # Guillemets: French sets them off with spaces (« Oui »), so only a word hugging the mark
    # from the other side turns its direction round (Danish and German »Ja«).
    if char in "«‹":
        backwards = before.isalnum() and (space_after or after in _CLOSING_PUNCT)
        return _Mark(pos, char, family, can_open=not backwards, can_close=backwards or not space_before)
    if char in "»›":
        backwards = (space_before or before in _OPENING_PUNCT) and after.isalnum()
        return _Mark(pos, char, family, can_open=backwards, can_close=not backwards)
    return None


def _inch(text: str, pos: int) -> bool:
    """A straight double mark after a number is inches when it reads like a measure: 6' 2", a 55" screen."""
    if re.search(r"\d['’]\s?\d{1,2}$", text[max(0, pos - 6):pos]):
        return True
    # Two digits at most (years are not sizes) and a lower-case word after: 55" screen.
    return (re.search(r"(?<![\d.,])\d{1,2}$", text[max(0, pos - 4):pos]) is not None
            and re.match(r" [a-z]", text[pos + 1:pos + 3]) is not None)


def _next_word_is_lower(text: str, pos: int) -> bool:
    index = pos
    while index < len(text) and text[index] in " \t":
        index += 1
    return index > pos and index < len(text) and text[index].islower()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines: a line break ends a paragraph in the loaders' text."""
    spans = []
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end < 0:
            end = length
        if not text[start:end].isspace() and end > start:
            spans.append((start, end))
        start = end + 1
    return spans


def scan_quotes(text: str) -> list[QuoteSpan]:  # noqa: C901 - one pass over the marks: a state machine kept whole
    """All top-level quotations in ``text``, in order, never overlapping. Linear in practice."""
    marks = [mark for match in _MARKS.finditer(text) if (mark := _classify(text, match.start())) is not None]
    if not marks:
        return []
    paragraphs = _paragraphs(text)
    para_starts = [start for start, _ in paragraphs]

    def paragraph_of(pos: int) -> int:
        return max(0, bisect.bisect_right(para_starts, pos) - 1)

    positions = [mark.pos for mark in marks]
    found: list[QuoteSpan] = []

    # The open quote: its opening mark, the family, where its current paragraph segment started,
    # the nested families inside it, and the first weak closing mark seen (a fallback).
    opener: _Mark | None = None
    segment_start = 0
    paragraph = 0
    nested: list[str] = []
    fallback: int | None = None  # index into marks

    def emit(close_index: int | None, end: int) -> None:
        assert opener is not None
        start = opener.pos + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(char.isalnum() for char in text[start:min(end, start + 200)]):
            close_pos = marks[close_index].pos if close_index is not None else None
            found.append(QuoteSpan(start, end, opener.pos, close_pos, close_pos is not None, opener.family))

    def unclosed_end(limit: int) -> int:
        """Where an unclosed quote stops: the paragraph end or, past MAX_SEGMENT, the last sentence end."""
        para_end = paragraphs[paragraph][1]
        if para_end - segment_start <= MAX_SEGMENT and para_end <= limit:
            return para_end
        cap = min(limit, segment_start + MAX_SEGMENT, para_end)
        window = text[segment_start:cap]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        if cut > 0:
            return segment_start + cut + 1
        space = window.rfind(" ")
        return segment_start + space if space > 0 else cap

    index = 0
    while True:
        while index < len(marks):
            mark = marks[index]
            if opener is not None:
                mark_paragraph = paragraph if mark.pos < paragraphs[paragraph][1] else paragraph_of(mark.pos)
                if mark_paragraph != paragraph:
                    # The paragraph ended with the quote open.
                    if opener.family == SINGLE and fallback is not None:
                        emit(fallback, marks[fallback].pos)
                        opener, index = None, fallback + 1
                        continue
                    next_start = paragraphs[paragraph + 1][0] if paragraph + 1 < len(paragraphs) else -1
                    first = next_start
                    while 0 <= first < len(text) and text[first] in " \t":
                        first += 1
                    if (mark_paragraph == paragraph + 1 and mark.pos == first and mark.can_open
                            and mark.family == opener.family
                            and paragraphs[paragraph][1] - segment_start <= MAX_SEGMENT):
                        # “… (paragraph) “… : the same quote goes on.
                        paragraph, segment_start, nested, fallback = mark_paragraph, mark.pos, [], None
                        index += 1
                        continue
                    emit(None, unclosed_end(len(text)))
                    opener = None
                    continue  # look at this mark again with nothing open
                if mark.pos - segment_start > MAX_SEGMENT:
                    if opener.family == SINGLE and fallback is not None:
                        emit(fallback, marks[fallback].pos)
                        opener, index = None, fallback + 1
                        continue
                    end = unclosed_end(mark.pos)
                    emit(None, end)
                    opener = None
                    index = bisect.bisect_left(positions, end)
                    continue

            if opener is None:
                if mark.can_open:
                    opener, segment_start, nested, fallback = mark, mark.pos, [], None
                    paragraph = paragraph_of(mark.pos)
                index += 1
                continue

            if mark.can_close and mark.family in nested:
                # Closes the innermost nested quote of its family (and anything opened inside it).
                while nested and nested.pop() != mark.family:
                    pass
            elif mark.can_close and mark.family == opener.family and _closes(opener, mark):
                if mark.weak and opener.family == SINGLE:
                    if fallback is None:
                        fallback = index
                else:
                    emit(index, mark.pos)
                    opener = None
            elif mark.can_open:
                if mark.family == opener.family and not nested:
                    # A second opening mark of the same family: the first quote was never closed
                    # (double quotes do not nest inside double quotes).
                    if opener.family == SINGLE and fallback is not None:
                        emit(fallback, marks[fallback].pos)
                        opener, index = None, fallback + 1
                        continue
                    emit(None, mark.pos)
                    opener, segment_start, nested, fallback = mark, mark.pos, [], None
                elif len(nested) < 4:
                    nested.append(mark.family)
            index += 1

        if opener is not None and opener.family == SINGLE and fallback is not None:
            # The text after the fallback was scanned as inside the quote: close there, scan it again.
            emit(fallback, marks[fallback].pos)
            opener, index = None, fallback + 1
            continue
        if opener is not None:
            emit(None, unclosed_end(len(text)))
        break

    # A straight single quote left open is far more often a stray apostrophe than a quotation.
    return [quote for quote in found if quote.closed or text[quote.open_pos] not in "'’"]


def _closes(opener: _Mark, mark: _Mark) -> bool:
    """Does ``mark`` close ``opener``? Within a family any closing mark will do (sloppy copy mixes
    curly and straight marks), except that guillemets close with the other direction: «…», »…«."""
    if opener.family in (GUILLEMET, SINGLE_GUILLEMET):
        return mark.char != opener.char
    return True
