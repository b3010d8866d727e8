"""The text as the attribution sieve reads it: sentences, and tokens outside quotations."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import Span
from ..sentences import split_sentences
from .phrases import Token, tokenize
from .scan import QuoteSpan

_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() calls alphanumeric


class Hidden:
    """The quoted stretches (marks included): words in there are the speaker's, never a cue."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.starts = [span.open_pos for span in spans]
        self.ends = [(span.close_pos + 1) if span.close_pos is not None else span.end for span in spans]

    def covers(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and pos < self.ends[index]


class Context:
    """The text, its sentences and its quotes, with the lookups the sieve needs."""

    def __init__(self, text: str, sentences: Sequence[Span], spans: list[QuoteSpan]) -> None:
        self.text = text
        self.sentences = list(sentences) or list(split_sentences(text)) or [Span(0, len(text))]
        self.starts = [sentence.start for sentence in self.sentences]
        self.spans = spans
        self.hidden = Hidden(spans)
        # Where each quote opens and where it last reaches (its closing mark, or its end when unclosed).
        self.opens = [span.open_pos for span in spans]
        self.lasts = [span.close_pos if span.close_pos is not None else span.end for span in spans]
        # The scanner gives quotes in order, never overlapping; the lookups by position rely on it (and fall back
        # to a walk over every quote if it ever did not hold).
        self.ordered = all(self.opens[i] <= self.opens[i + 1] and self.lasts[i] <= self.opens[i + 1]
                           for i in range(len(spans) - 1))
        self._token_cache: dict[int, tuple[list[int], list[int], list[Token]]] = {}
        self._first_alnum: dict[int, int] = {}
        self._colon_end: dict[int, bool] = {}
        self._newlines: list[int] | None = None

    def quotes_opening_in(self, start: int, end: int) -> range:
        """The numbers of the quotes whose opening mark lies in [start, end), in order."""
        if not self.ordered:
            return range(len(self.spans))  # the caller checks each one
        return range(bisect.bisect_left(self.opens, start), bisect.bisect_left(self.opens, end))

    def alnum_before(self, pos: int) -> bool:
        """Is there a letter or digit between the start of the sentence holding ``pos`` and ``pos``?"""
        index = self.sentence_index(pos)
        start = self.sentences[index].start
        stop = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        if pos > stop:  # sentences out of order: look at the stretch itself
            return _ALNUM.search(self.text, start, pos) is not None
        first = self._first_alnum.get(index)
        if first is None:  # once per sentence: the first letter or digit in it, if any
            found = _ALNUM.search(self.text, start, max(start, stop))
            first = found.start() if found is not None else len(self.text)
            self._first_alnum[index] = first
        return start <= first < pos

    def ends_with_colon(self, index: int) -> bool:
        """Does sentence ``index`` end with a colon (trailing space aside)?"""
        cached = self._colon_end.get(index)
        if cached is None:
            sentence = self.sentences[index]
            cached = self.text[sentence.start:sentence.end].rstrip().endswith(":")
            self._colon_end[index] = cached
        return cached

    def line_start(self, pos: int) -> int:
        """Where the line holding ``pos`` starts: just after the last newline before it."""
        if self._newlines is None:
            self._newlines = [match.start() for match in re.finditer("\n", self.text)]
        index = bisect.bisect_left(self._newlines, pos)
        return self._newlines[index - 1] + 1 if index > 0 else 0

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens of text[start:end] outside quotations. Each sentence is tokenised once, on demand."""
        if end <= start:
            return []
        result: list[Token] = []
        for index in range(self.sentence_index(start), self.sentence_index(end - 1) + 1):
            starts, ends, tokens = self._sentence_tokens(index)
            # The tokens starting in [start, end) and ending by ``end``: tokens never overlap, so their ends are
            # in order too, and the slice is found by bisection (no walk over the sentence, however long).
            low = bisect.bisect_left(starts, start)
            high = min(bisect.bisect_left(starts, end), bisect.bisect_right(ends, end))
            result.extend(tokens[low:high])
        return result

    def _sentence_tokens(self, index: int) -> tuple[list[int], list[int], list[Token]]:
        cached = self._token_cache.get(index)
        if cached is None:
            # A sentence's tokens run to the next sentence, so nothing between sentences is lost.
            start = 0 if index == 0 else self.sentences[index].start
            end = self.sentences[index + 1].start if index + 1 < len(self.sentences) else len(self.text)
            tokens = tokenize(self.text, start, end, self.hidden.covers)
            cached = ([token.start for token in tokens], [token.end for token in tokens], tokens)
            self._token_cache[index] = cached
        return cached

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def sentence(self, pos: int) -> Span:
        return self.sentences[self.sentence_index(pos)]
