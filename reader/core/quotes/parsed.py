"""Attribution from a dependency parse: the subject of the speech verb that governs the quotation.

Used where the sieve has no speaker or only its weak rules (a cue far before or later in the
sentence); the precise local rules come first. Each sentence that holds such a quote is parsed once,
with every quotation in it replaced by a placeholder ("“Q”"), so the parser reads the reporter's
sentence and not the speaker's: "Porto's president was quoted by O Jogo as saying Ribeiro had “Q” the
league". From the placeholder, climb to the first verb above it, then through clausal links (ccomp,
xcomp, conj, advcl, ...) to the nearest speech verb; its subject speaks (passive: the "by" agent; "X was
quoted as saying": X; "X was told “…”": nobody named). A quote that is the subject of that verb ("the
“peace plan” was rejected") is not its speech.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon.reporting import (
    COLON_ONLY,
    EVALUATIVE_FORMS,
    GOVERNING_FORMS,
    NAMING_FORMS,
    PHRASAL,
    PHRASAL_FORMS,
    QUOTING_FORMS,
    REPORTING_FORMS,
)
from ..model import ParsedSentence, ParsedToken
from .context import Context

PLACEHOLDER = "Q"
MAX_PARSE_CHARS = 1500  # a longer sentence is a run-on list or a table: the parse is neither cheap nor good there
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_CLIMB = ("ccomp", "xcomp", "conj", "advcl", "pcomp", "prep", "acl", "parataxis", "dep", "pobj")
_CUT = ("relcl", "acl", "advcl", "parataxis")  # a clause about the speaker: the noun phrase ends before it
_SKIP = ("punct", "cc", "conj")  # not part of the speaker's noun phrase ("Smith and Jones": Smith)
_RELATIVES = ("who", "which", "that", "whom")
_SAID_FORMS = frozenset(REPORTING_FORMS) | frozenset(NAMING_FORMS) | frozenset(EVALUATIVE_FORMS) \
    | frozenset(QUOTING_FORMS)
GOVERNING_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    speaker: tuple[int, int]  # character offsets into the article's text
    cue: tuple[int, int]


class Layout:
    """A sentence as the parser reads it: quotations replaced by a placeholder, with offsets back."""

    def __init__(self, ctx: Context, start: int, end: int) -> None:
        self.text_parts: list[str] = []
        self.starts: list[int] = []  # start of each piece in the parsed text
        self.origins: list[int] = []  # where the piece starts in the article's text
        self.placeholders: dict[int, int] = {}  # quote number -> offset of its placeholder in the parsed text
        self.words: dict[int, int] = {}  # quote number -> how many words it has
        self.original = ctx.text
        length = 0
        position = start
        for number in ctx.quotes_opening_in(start, end):
            span = ctx.spans[number]
            if span.open_pos < start or span.open_pos >= end:
                continue
            length = self._copy(position, span.open_pos + 1, length)
            self.placeholders[number] = length
            words = ctx.text[span.start:span.end]
            self.words[number] = len(words.split())
            tail = words[-1] if words and words[-1] in ",.?!" else ""
            length = self._add(PLACEHOLDER + tail, span.start, length)
            position = span.close_pos if span.close_pos is not None else span.end
        self._copy(position, end, length)
        self.text = "".join(self.text_parts)

    def _copy(self, start: int, end: int, length: int) -> int:
        return self._add(self.original[start:end], start, length) if end > start else length

    def _add(self, piece: str, origin: int, length: int) -> int:
        self.text_parts.append(piece)
        self.starts.append(length)
        self.origins.append(origin)
        return length + len(piece)

    def original_offset(self, offset: int) -> int:
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.origins[index] + offset - self.starts[index]


def layouts_for(ctx: Context, numbers: Sequence[int]) -> dict[int, Layout]:
    """quote number -> the layout of the sentence(s) holding it; quotes of one sentence share one."""
    by_range: dict[tuple[int, int], Layout] = {}
    found: dict[int, Layout] = {}
    for number in numbers:
        span = ctx.spans[number]
        last = span.close_pos if span.close_pos is not None else max(span.open_pos, span.end - 1)
        start, end = _take_in_straddlers(ctx, ctx.sentence(span.open_pos).start, ctx.sentence(last).end)
        if end - start > MAX_PARSE_CHARS:
            continue
        layout = by_range.get((start, end))
        if layout is None:
            layout = by_range[(start, end)] = Layout(ctx, start, end)
        if number in layout.placeholders:
            found[number] = layout
    return found


def _take_in_straddlers(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A quotation that straddles the edge of [start, end) takes its whole sentence in.

    The quotes are in order and never overlap, so at most one straddles ``start`` (the last to open before it),
    and ``end`` moves on one quote at a time: a few bisections, not a walk over every quote of the text. Once
    the range is longer than the parser is given, how much longer does not matter.
    """
    opens, lasts = ctx.opens, ctx.lasts
    if not ctx.ordered:
        for other_open, other_last in zip(opens, lasts, strict=True):
            if other_open < start < other_last:
                start = ctx.sentence(other_open).start
            if other_open < end < other_last:
                end = ctx.sentence(other_last).end
        return start, end
    before = bisect.bisect_left(opens, start) - 1
    if before >= 0 and start < lasts[before]:
        start = ctx.sentence(opens[before]).start
    seen = -1
    while end - start <= MAX_PARSE_CHARS:
        before = bisect.bisect_left(opens, end) - 1
        if before <= seen or not end < lasts[before]:
            break
        end = ctx.sentence(lasts[before]).end
        seen = before
    return start, end


def speaker_from_parse(layout: Layout, parsed: ParsedSentence, number: int) -> Found | None:
    tokens = parsed.tokens
    text = layout.text
    at = layout.placeholders[number]
    quote = next((i for i, token in enumerate(tokens) if token.start <= at < token.end), None)
    if quote is None:
        return None
    verb, below = _governing_verb(tokens, quote)
    for _ in range(4):
        if verb is None:
            return None
        if _is_speech(tokens, verb, text, layout.words[number]):
            break
        below, verb = verb, _up_clause(tokens, verb)
    else:
        return None
    if verb is None or below is None or tokens[below].dep in _SUBJECTS:
        return None  # the quotation is what the verb's sentence is about, not what was said
    subject = _subject(tokens, verb, text)
    if subject is None:
        return None
    first, last = _phrase(tokens, subject)
    start = layout.original_offset(tokens[first].start)
    end = layout.original_offset(tokens[last].end - 1) + 1
    cue_start = layout.original_offset(tokens[verb].start)
    cue_end = layout.original_offset(tokens[verb].end - 1) + 1
    if start >= end or _inside_placeholder(layout, tokens[first], tokens[last]):
        return None
    return Found((start, end), (cue_start, cue_end))


def _governing_verb(tokens: Sequence[ParsedToken], index: int) -> tuple[int | None, int | None]:
    """The first verb above the placeholder, and its child on the way there."""
    below = index
    for _ in range(8):
        head = tokens[index].head
        if head == index:
            return None, None
        below, index = index, head
        if tokens[index].pos in ("VERB", "AUX"):
            return index, below
    return None, None


def _up_clause(tokens: Sequence[ParsedToken], verb: int) -> int | None:
    """From a verb to the verb of the clause it belongs to (through a preposition: "as saying")."""
    index = verb
    for _ in range(3):
        token = tokens[index]
        if token.dep not in _CLIMB or token.head == index:
            return None
        index = token.head
        if tokens[index].pos in ("VERB", "AUX"):
            return index
    return None


def _is_speech(tokens: Sequence[ParsedToken], index: int, text: str, words: int) -> bool:
    token = tokens[index]
    if token.pos != "VERB":
        return False
    word = text[token.start:token.end].lower()
    if word in _SAID_FORMS and REPORTING_FORMS.get(word) not in COLON_ONLY:
        return True
    if word in GOVERNING_FORMS:
        # "The sign read: “No entry for lorries”" is speech, "he read “Middlemarch”" is not: these verbs govern
        # words someone said only when the quote is clause-sized.
        return words >= GOVERNING_MIN_WORDS
    lemma = PHRASAL_FORMS.get(word)
    if lemma is None:
        return False
    particles = [text[t.start:t.end].lower() for t in tokens if t.head == index and t.dep in ("prt", "prep")]
    return any((lemma, particle) in PHRASAL for particle in particles)


def _subject(tokens: Sequence[ParsedToken], verb: int, text: str) -> int | None:
    """Who speaks: the verb's subject, the "by" agent of a passive, a shared subject up the clause."""
    index: int | None = verb
    for _ in range(4):
        if index is None:
            return None
        children = [i for i, token in enumerate(tokens) if token.head == index and i != index]
        word = text[tokens[index].start:tokens[index].end].lower()
        objects = [child for child in children if tokens[child].dep == "dobj"]
        if objects and word in QUOTING_FORMS and index != verb:
            return objects[0]  # "The agency quoted X as saying": X
        for child in children:
            if tokens[child].dep == "nsubj":
                if text[tokens[child].start:tokens[child].end].lower() in _RELATIVES \
                        and tokens[index].dep == "relcl":
                    return tokens[index].head  # "Smith, who said “…”"
                return child
        passive = [child for child in children if tokens[child].dep == "nsubjpass"]
        if passive and word in QUOTING_FORMS:
            return passive[0]  # "X was quoted as saying": X
        for child in children:
            if tokens[child].dep == "agent":
                objects = [i for i, token in enumerate(tokens) if token.head == child and token.dep == "pobj"]
                return objects[0] if objects else None
        if passive:
            return None  # "X was told “…”": X heard it; who said it is not named here
        if tokens[index].dep == "relcl":
            return tokens[index].head
        index = _up_clause(tokens, index)
    return None


def _phrase(tokens: Sequence[ParsedToken], head: int) -> tuple[int, int]:
    """The noun phrase headed by ``head``, without relative clauses and what follows them."""
    children: dict[int, list[int]] = {}
    for i, token in enumerate(tokens):
        if token.head != i:
            children.setdefault(token.head, []).append(i)
    kept = [head]
    cut = len(tokens)
    stack = [head]
    while stack:
        node = stack.pop()
        for child in children.get(node, []):
            # A name's appositive ("Golani, the leader of ...") only describes it; a role's names it
            # ("Porto's president, André Vilaça").
            if tokens[child].dep in _CUT or (tokens[child].dep == "appos" and tokens[node].pos == "PROPN"):
                if child > head:
                    cut = min(cut, _left_edge(children, child))
                continue
            if tokens[child].dep in _SKIP:
                continue
            kept.append(child)
            stack.append(child)
    kept = [i for i in kept if i < cut]
    return min(kept), max(kept)


def _left_edge(children: dict[int, list[int]], node: int) -> int:
    edge = node
    stack = [node]
    while stack:
        current = stack.pop()
        edge = min(edge, current)
        stack.extend(children.get(current, []))
    return edge


def _inside_placeholder(layout: Layout, first: ParsedToken, last: ParsedToken) -> bool:
    spots = layout.placeholders.values()
    return any(spot <= first.start < spot + len(PLACEHOLDER) + 1 or spot <= last.start < spot + len(PLACEHOLDER) + 1
               for spot in spots)
