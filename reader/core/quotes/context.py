"""The text as the attribution sieve reads it: sentences, and tokens outside quotations."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import Span
from ..sentences import split_sentences
from .phrases import Token, tokenize
from .scan import QuoteSpan


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
        self._token_cache: dict[int, tuple[list[int], list[Token]]] = {}

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens of text[start:end] outside quotations. Each sentence is tokenised once, on demand."""
        if end <= start:
            return []
        result: list[Token] = []
        for index in range(self.sentence_index(start), self.sentence_index(end - 1) + 1):
            starts, tokens = self._sentence_tokens(index)
            low = bisect.bisect_left(starts, start)
            high = bisect.bisect_left(starts, end)
            result.extend(token for token in tokens[low:high] if token.end <= end)
        return result

    def _sentence_tokens(self, index: int) -> tuple[list[int], list[Token]]:
        cached = self._token_cache.get(index)
        if cached is None:
            # A sentence's tokens run to the next sentence, so nothing between sentences is lost.
            start = 0 if index == 0 else self.sentences[index].start
            end = self.sentences[index + 1].start if index + 1 < len(self.sentences) else len(self.text)
            tokens = tokenize(self.text, start, end, self.hidden.covers)
            cached = ([token.start for token in tokens], tokens)
            self._token_cache[index] = cached
        return cached

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def sentence(self, pos: int) -> Span:
        return self.sentences[self.sentence_index(pos)]
