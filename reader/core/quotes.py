"""Quotations: find quote spans, attribute speakers, map speakers to entities.

Three stages, each cheap and deterministic:

1. ``scan_quotes`` - a character scanner (not a parser) pairs quotation marks. Curly marks
   give their direction; straight ``"`` and ``'`` get theirs from the characters around them;
   an apostrophe between letters (Syria’s, don't) is never a mark, and a ``s’`` before a
   lower-case word (the rebels’ positions) is only a closing mark if nothing better turns up.
   Marks of another family nest inside an open quote (“… ‘…’ …”) and stay part of it, so
   quotes never overlap. A quote still open at the end of a paragraph continues when the
   next paragraph opens with a mark of the same family (the news convention for long
   quotes); otherwise it is reported unclosed, ending at the paragraph end, and no quote
   runs on for more than ``MAX_SEGMENT`` characters without a paragraph or closing mark.

2. ``find_quotes`` attributes each quote with an ordered sieve, most precise first:

   ====  ============================================================  ==========
   step  pattern                                                       confidence
   ====  ============================================================  ==========
   T     naming verb right before: some analysts call “…”, the         0.85, or
         so-called “…”, an area dubbed “…” - a ``term``                0.0 if nobody
   J     judging verb + "as": X dismissed the report as “nonsense”     0.85
   T'    "titled"/"entitled", or a work noun before a Title Cased      0.0
         quote: the book “The Art of War” - a ``title``
   1     “…,” X said / “…,” said X right after the closing mark        0.95
   2     X said (that) … “…” - a cue earlier in the same sentence      0.9 near,
         (also "X said:" ending the previous paragraph, and            0.8 far
         "quoted X as saying")
   2'    no verb: "Name: “…”" filling a headline or transcript line    0.6
   3     a cue later in the same sentence: “…” …, X said.              0.7
   4     "according to X" in the same sentence                         0.7
   5     no cue: inherit the previous quote's speaker when that quote  0.5
         ended at most two sentences back and no cue sits in between
   6     nobody: speaker None (said so, not guessed)                   0.0
   ====  ============================================================  ==========

   The naming check runs first although it is the fifth rule of the design: it only fires
   on the tight local shape "call [object] “…”", and when it does, the quote is somebody's
   label, not the words of the sentence's reporting verb ("X said the area, which analysts
   call “useful Syria”, was lost" is the analysts' term, not X's words).

   The kind: ``term`` and ``title`` come from the patterns above. Otherwise a quote is
   ``full`` when it is clause-sized (``FULL_MIN_WORDS`` words or more), or reads as a
   sentence of its own (opens its sentence with a capital, follows a colon, or is
   capitalised and ends in . ! ?); a shorter fragment is ``partial`` when someone said it
   and ``term`` (a scare quote) when nobody did. Word count, capitals, position and the cue
   are all the evidence used; on news prose "fierce battles." embedded in the reporter's
   sentence is partial, "to preserve the lives of civilians" is full.

3. The speaker's noun phrase is mapped to an entity: a PERSON mention inside it wins
   ("Hezbollah leader Naim Qassem" -> Naim Qassem), then an ORG/GPE/NORP mention covering
   its head word; a name with no mention there is matched on its last word against the
   entities' names; "the army" takes the most recent entity whose name ends in "army";
   "the group"-style heads and pronouns take the most recent compatible speaker (It/They:
   not a person; He/She: a person), then the most recent compatible mention a few sentences
   back. An indefinite or unknown speaker ("some analysts") keeps ``entity_id=None``.

Everything works on offsets into the text; nothing here knows about any particular article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import quote_cues as cues
from .model import Entity, Quote, Span, Speaker
from .sentences import split_sentences

MAX_SEGMENT = 3000  # characters a quote may run within one paragraph without closing
FULL_MIN_WORDS = 4  # a quote this long is a clause someone spoke, not a borrowed word or two
INHERIT_SENTENCES = 2  # how far back an uncued quote may look for the previous quote's speaker
PRONOUN_LOOKBACK = 6  # sentences searched back for a pronoun's antecedent
WINDOW = 400  # characters of context the attribution rules look at on each side of a quote

# ---------------------------------------------------------------------------------------------
# 1. The scanner
# ---------------------------------------------------------------------------------------------

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "d", "s", "g", "sg"
_FAMILY = {"“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, '"': DOUBLE, "＂": DOUBLE,
           "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE, "'": SINGLE,
           "«": GUILLEMET, "»": GUILLEMET, "‹": SINGLE_GUILLEMET, "›": SINGLE_GUILLEMET}
# An apostrophe between two letters or digits is never a mark: leave it out before any work is done.
_MARKS = re.compile("[" + re.escape("".join(c for c in _FAMILY if c not in "'’")) + "]"
                    "|(?<![^\\W_])['’]|['’](?![^\\W_])")
_OPENING_PUNCT = set("([{<—–-/\u00a0") | set("“‘„‚«‹‟‛")
_CLOSING_PUNCT = set(".,;:!?)]}>…—–-/") | set("”’»›")
# Elisions that begin with an apostrophe: 'em, 'n', 'til, '90s.
_ELISION = re.compile(r"(?:em|n|tis|twas|til|cause|bout|round|nuff|ol|s|\d\ds?|\d0s)(?![\w])", re.I)


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


def _classify(text: str, pos: int) -> _Mark | None:
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
        if opens_here and after.isalnum() or (opens_here and char == "‛"):
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


def scan_quotes(text: str) -> list[QuoteSpan]:
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


# ---------------------------------------------------------------------------------------------
# Tokens: words with offsets, enough to walk noun phrases and find verbs
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Mx|Dr|Gen|Lt|Col|Sen|Rep|Gov|Prof|Sgt|Capt|Maj|Adm|Cmdr|Rev|Hon|St|Jr|Sr|Supt|Insp|Det)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    r"|\w+(?:[-‑’'.]\w+)*"
    r"|[^\w\s]"
)


class _Token:
    """A word or punctuation mark with its offsets; the derived fields are computed once."""

    __slots__ = ("start", "end", "text", "lower", "is_word", "is_capitalised", "maybe_cue")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        self.is_word = text[0].isalnum()
        self.is_capitalised = text[0].isupper()
        self.maybe_cue = self.lower in _CUE_WORDS

    def __repr__(self) -> str:
        return f"_Token({self.start}, {self.end}, {self.text!r})"


_CUE_WORDS = frozenset(cues.REPORTING_FORMS) | frozenset(cues.PHRASAL_FORMS)


def _tokens(text: str, start: int, end: int, hidden: "_Hidden") -> list[_Token]:
    """Tokens of text[start:end], leaving out whatever sits inside a quotation."""
    covers = hidden.covers
    return [_Token(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(text, start, end)
            if not covers(match.start())]


class _Hidden:
    """The quoted stretches (marks included): words in there are the speaker's, never a cue."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.starts = [span.open_pos for span in spans]
        self.ends = [(span.close_pos + 1) if span.close_pos is not None else span.end for span in spans]

    def covers(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and pos < self.ends[index]


# ---------------------------------------------------------------------------------------------
# Cues and noun phrases
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Cue:
    index: int  # token index of the verb
    last: int  # token index of the cue's last word (the particle of "pointed out")
    lemma: str
    start: int
    end: int


def _cue_at(tokens: list[_Token], index: int, adjacent: bool = False) -> _Cue | None:
    """The reporting verb starting at ``tokens[index]``, if it is one here."""
    token = tokens[index]
    if not token.maybe_cue:
        return None
    word = token.lower
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.lower in cues.DETERMINERS and before.lower not in ("that", "one", "all", "both"):
        return None  # "the stated aim", "a report"
    if token.is_capitalised and before is not None and before.is_word:
        return None  # a capital inside a sentence is a name: the Washington Post, Secretary of State
    if word in cues.PHRASAL_FORMS and after is not None:
        phrasal = cues.PHRASAL.get((cues.PHRASAL_FORMS[word], after.lower))
        if phrasal is not None:
            return _Cue(index, index + 1, phrasal, token.start, after.end)
    lemma = cues.REPORTING_FORMS.get(word)
    if lemma is None:
        return None
    followed = after is not None and (after.lower in ("that", ":") or after.text in "“\"‘'«,—")
    if lemma in cues.NOUN_LIKE and word in (lemma, _third(lemma)) and not (followed or adjacent):
        return None
    if lemma in cues.WEAK and not (followed or adjacent):
        return None
    return _Cue(index, index, lemma, token.start, token.end)


def _third(lemma: str) -> str:
    return lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"


_NAME_PARTICLES = frozenset("al al- el bin ibn bint abu de da del della di du van von der den la le ter dos das y"
                            .split())


def _is_name(token: _Token) -> bool:
    if not token.is_word or not token.is_capitalised:
        return False
    word = token.lower
    if word in cues.REPORTING_FORMS:
        # Capitalised noun-like forms are names: Secretary of State, the Washington Post.
        lemma = cues.REPORTING_FORMS[word]
        return lemma in cues.NOUN_LIKE and word in (lemma, _third(lemma))
    return word not in cues.STOP and word not in cues.DETERMINERS and word not in cues.SUBJECT_PRONOUNS \
        and word not in cues.WEEKDAYS


def _is_common(token: _Token) -> bool:
    """A lower-case word that can sit inside a noun phrase."""
    if not token.is_word:
        return token.text in "-‑"
    word = token.lower
    if word in cues.REPORTING_FORMS or word in cues.NAMING_FORMS:
        # "the report", "the claims", "a statement": a noun-like form of a reporting verb is a noun here.
        lemma = cues.REPORTING_FORMS.get(word) or cues.NAMING_FORMS.get(word)
        return lemma in cues.NOUN_LIKE | {"term", "label", "brand", "nickname", "call", "style"} \
            and word in (lemma, _third(lemma))
    return word not in cues.STOP and word not in cues.SUBJECT_PRONOUNS


def _np_before(tokens: list[_Token], end: int, floor: int = 0) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (a verb): token indices [first, last].

    Skips "has also", "later", "on Thursday" between subject and verb, and an appositive
    ("X, the leader of Y, said"), then takes a pronoun, a name with its role words
    ("Hezbollah leader Naim Qassem"), or a short common noun phrase ("The Syrian army",
    "some analysts", "a spokesman for the ministry").
    """
    index = end - 1
    while index >= floor:
        word = tokens[index].lower
        if word in cues.BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and tokens[index].text.islower()
                                                     and len(word) > 4 and word not in ("family", "ally", "rally")):
            index -= 1
        elif word in cues.WEEKDAYS and index - 1 >= floor and tokens[index - 1].lower == "on":
            index -= 2
        else:
            break
    if index < floor:
        return None
    if tokens[index].text == ",":
        return _appositive_head(tokens, index, floor)
    return _np_ending_at(tokens, index, floor)


_COORDINATORS = frozenset({"and", "but", "or", "yet", "so"})
_ADVERBIAL_STARTS = cues.PREPOSITIONS | frozenset("""after before when while as although though because since if once
until unless despite however meanwhile moreover separately earlier later also still yesterday today instead
nevertheless then now indeed speaking asked writing""".split()) | cues.WEEKDAYS


def _appositive_head(tokens: list[_Token], comma: int, floor: int) -> tuple[int, int] | None:
    """Find the subject when a comma sits before the verb.

    "X, the leader of Y, an offshoot of Z, said" -> X;  "In a statement, the ministry, which ..., said"
    -> the ministry;  "and Smith, a commander, said" -> Smith;  "The prime minister, Keir Starmer, said"
    -> both, since the name is what the entity stage can find.
    """
    chunks: list[tuple[int, int]] = []  # token ranges between commas, left to right
    boundary = comma
    while len(chunks) < 5:
        previous = boundary - 1
        while previous >= floor and tokens[previous].text not in ",;:()—–.!?":
            previous -= 1
        if previous + 1 > boundary - 1:
            break
        chunks.insert(0, (previous + 1, boundary - 1))
        if previous < floor or tokens[previous].text != ",":
            break
        boundary = previous
    # A coordinating conjunction starts a new clause: "The rebels advanced, and Smith, a commander, said".
    for position in range(len(chunks) - 1, -1, -1):
        first, last = chunks[position]
        if tokens[first].lower in _COORDINATORS:
            chunks = chunks[position:]
            chunks[0] = (first + 1, last)
            if first + 1 > last:
                chunks.pop(0)
            break
    # Leading adverbials are not the subject: "In a statement,", "On Friday,", "Speaking in London,".
    while len(chunks) > 1 and (tokens[chunks[0][0]].lower in _ADVERBIAL_STARTS
                               or tokens[chunks[0][0]].lower.endswith("ly")):
        chunks.pop(0)
    if not chunks:
        return None
    head = chunks[0]
    found = _np_ending_at(tokens, head[1], head[0])
    if found is None:
        return None
    if len(chunks) > 1 and not _is_name(tokens[_np_head(tokens, found[0], found[1])]):
        first, last = chunks[1]
        if all(_is_name(token) or token.lower in _NAME_PARTICLES or token.text in "-‑"
               for token in tokens[first:last + 1]):
            return (found[0], last)
    return found


def _np_ending_at(tokens: list[_Token], last: int, floor: int = 0, owned: bool = False) -> tuple[int, int] | None:
    token = tokens[last]
    if token.lower in cues.SUBJECT_PRONOUNS:
        return (last, last)
    index = last
    # A name: capitalised words, with particles inside (Abu Muhammad Al Golani, Ursula von der Leyen).
    while index >= floor and (_is_name(tokens[index]) or (tokens[index].lower in _NAME_PARTICLES and index < last
                                                          and index - 1 >= floor and _is_name(tokens[index - 1]))):
        index -= 1
    if index < last:
        first = index + 1
        while tokens[first].text in _NAME_PARTICLES and first < last:  # lower-case only: keep "Abu", "Al"
            first += 1
        if index >= floor and (tokens[index].lower in cues.ROLES or tokens[first].lower in cues.ROLES):
            # Role words before the name, and what qualifies the role: "Hezbollah leader", "rebel commander".
            while index >= floor and tokens[index].lower in cues.ROLES:
                index -= 1
            modifiers = 0
            while index >= floor and modifiers < 3 and (_is_name(tokens[index]) or _is_common(tokens[index])) \
                    and tokens[index].is_word:
                index -= 1
                modifiers += 1
            if index >= floor and tokens[index].lower in cues.DETERMINERS:
                index -= 1
            first = index + 1
        elif index >= floor and tokens[index].lower == "the":
            first = index  # the BBC, the New York Times
        # "Officials at the Pentagon", "the leader of Hezbollah": the name is only the object.
        preposition = first - 1
        if owned:
            pass  # one "of" phrase is enough: no chains of owners
        elif preposition - 1 >= floor and tokens[preposition].lower in ("of", "for", "at", "from") \
                and tokens[preposition - 1].is_word and tokens[preposition - 1].lower not in cues.ROLES | cues.STOP:
            # (and "the Bank of England", "the President of France Emmanuel Macron": one name)
            owner = _np_ending_at(tokens, preposition - 1, floor, owned=True)
            if owner is not None:
                return (owner[0], last)
        elif preposition - 1 >= floor and tokens[preposition].lower in ("of", "for", "at", "from") \
                and tokens[preposition - 1].lower in cues.ROLES:
            owner = _np_ending_at(tokens, preposition - 1, floor, owned=True)
            if owner is not None:
                return (owner[0], last)
        return (first, last)
    # A common noun phrase, possibly with one "of/for/from" phrase: a spokesman for the ministry.
    index = last
    words = 0
    prepositions = 0
    while index >= floor and words < 8:
        current = tokens[index]
        if current.lower in cues.DETERMINERS and current.lower != "that":
            index -= 1
            if (prepositions < 1 and index - 1 >= floor and tokens[index].lower in ("of", "for", "from", "at")
                    and _is_common(tokens[index - 1]) and tokens[index - 1].is_word):
                index -= 1
                prepositions += 1
                continue
            break
        if current.is_word and (_is_common(current) or _is_name(current)):
            index -= 1
            words += 1
            continue
        if current.text in "-‑" and words:
            index -= 1
            continue
        break
    first = index + 1
    if first > last or not any(tokens[i].is_word and tokens[i].lower not in cues.DETERMINERS
                               for i in range(first, last + 1)):
        return None
    if not tokens[last].is_word or tokens[last].text[0].isdigit():
        return None
    return (first, last)


def _np_after(tokens: list[_Token], first: int, allow_by: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at token ``first``: said [Hezbollah leader Naim Qassem] in a speech."""
    if first >= len(tokens):
        return None
    token = tokens[first]
    if token.lower in cues.SUBJECT_PRONOUNS:
        return (first, first)
    index = first
    last = None
    prepositions = 0
    nouns = 0
    while index < len(tokens) and index - first < 10:
        current = tokens[index]
        word = current.lower
        if current.is_word and word in cues.DETERMINERS and word != "that":
            index += 1
            continue
        if current.is_word and (word in ("of", "for", "from") or (allow_by and word == "by") or (
                word in ("with", "to", "on", "in") and tokens[index - 1].lower in _SOURCE_ADJECTIVES)) and nouns \
                and prepositions < 2 and index + 1 < len(tokens) and tokens[index + 1].is_word:
            prepositions += 1
            index += 1
            continue
        if current.is_word and (_is_name(current) or (_is_common(current) and not (
                nouns and current.text.islower() and word.endswith("ed") and not allow_by))):
            last = index
            nouns += 1
            index += 1
            continue
        if current.text in "-‑" and last == index - 1:
            index += 1
            continue
        break
    if last is None:
        return None
    return (first, last)


# "people familiar with the matter", "a source close to the family", "officials briefed on the talks"
_SOURCE_ADJECTIVES = frozenset({"familiar", "close", "briefed", "involved", "knowledge", "knowledgeable", "loyal"})


def _np_head(tokens: list[_Token], first: int, last: int) -> int:
    """The head word of a noun phrase: the last word before an of/for phrase, else the last word."""
    for index in range(first, last + 1):
        if tokens[index].lower in ("of", "for", "from", "at", "by") and index > first:
            return index - 1
    return last


# ---------------------------------------------------------------------------------------------
# 2. Attribution
# ---------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Attribution:
    speaker: tuple[int, int] | None  # character offsets of the speaker's noun phrase
    cue: tuple[int, int] | None  # character offsets of the cue
    confidence: float
    kind: str | None = None  # forced kind: "term", "title"
    sieve: str = "none"


class _Context:
    """The text, its sentences and its quotes, with the lookups the sieve needs."""

    def __init__(self, text: str, sentences: Sequence[Span], spans: list[QuoteSpan]) -> None:
        self.text = text
        self.sentences = list(sentences) or list(split_sentences(text)) or [Span(0, len(text))]
        self.starts = [sentence.start for sentence in self.sentences]
        self.spans = spans
        self.hidden = _Hidden(spans)
        self._token_cache: dict[int, tuple[list[int], list[_Token]]] = {}

    def tokens(self, start: int, end: int) -> list[_Token]:
        """Tokens of text[start:end] outside quotations. Each sentence is tokenised once, on demand."""
        if end <= start:
            return []
        result: list[_Token] = []
        for index in range(self.sentence_index(start), self.sentence_index(end - 1) + 1):
            starts, tokens = self._sentence_tokens(index)
            low = bisect.bisect_left(starts, start)
            high = bisect.bisect_left(starts, end)
            result.extend(token for token in tokens[low:high] if token.end <= end)
        return result

    def _sentence_tokens(self, index: int) -> tuple[list[int], list[_Token]]:
        cached = self._token_cache.get(index)
        if cached is None:
            # A sentence's tokens run to the next sentence, so nothing between sentences is lost.
            start = 0 if index == 0 else self.sentences[index].start
            end = self.sentences[index + 1].start if index + 1 < len(self.sentences) else len(self.text)
            tokens = _tokens(self.text, start, end, self.hidden)
            cached = ([token.start for token in tokens], tokens)
            self._token_cache[index] = cached
        return cached

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def sentence(self, pos: int) -> Span:
        return self.sentences[self.sentence_index(pos)]


def _attribute(ctx: _Context, number: int) -> _Attribution:
    span = ctx.spans[number]
    text = ctx.text
    sentence = ctx.sentence(span.open_pos)
    before_start = max(sentence.start, span.open_pos - WINDOW)
    before = ctx.tokens(before_start, span.open_pos)

    naming = _naming(ctx, span, before)
    if naming is not None:
        return naming
    title = _title(text, span, before)
    if title is not None:
        return title

    after_pos = span.close_pos + 1 if span.close_pos is not None else span.end
    for sieve in (_after_quote, _earlier_in_sentence, _later_in_sentence, _according_to):
        found = sieve(ctx, span, before, after_pos)
        if found is not None:
            return found
    return _Attribution(None, None, 0.0)


def _naming(ctx: _Context, span: QuoteSpan, before: list[_Token]) -> _Attribution | None:
    """what some analysts call “useful Syria”; the so-called “X”; an area dubbed “X”; known as “X”."""
    if not before or before[-1].end < span.open_pos - 3:
        return None
    last = len(before) - 1
    if before[last].lower in cues.NAMING_BY_ITSELF:
        return _Attribution(None, (before[last].start, before[last].end), 0.0, kind="term", sieve="naming")
    if before[last].lower in cues.TERM_NOUNS and last > 0 and before[last - 1].lower in cues.DETERMINERS:
        return _Attribution(None, None, 0.0, kind="term", sieve="naming")  # the word “genocide”: no verb
    # The naming verb is at most six words back, with no punctuation or reporting verb after it.
    for index in range(last, max(-1, last - 7), -1):
        token = before[index]
        if not token.is_word:
            return None
        lemma = cues.NAMING_FORMS.get(token.lower)
        evaluative = lemma is None and token.lower in cues.EVALUATIVE_FORMS
        if evaluative:
            lemma = cues.EVALUATIVE_FORMS[token.lower]
        if lemma is None:
            if _cue_at(before, index) is not None:
                return None
            continue
        following = before[index + 1] if index + 1 < len(before) else None
        if lemma == "call" and following is not None and following.lower in ("for", "on", "upon"):
            return None  # "called for": a demand, reported speech
        if (lemma in cues.NAMING_NEEDS_AS or evaluative) and before[last].lower != "as":
            continue
        if index > 0 and before[index - 1].lower in cues.DETERMINERS and token.lower in (lemma, lemma + "s"):
            return None  # "the term", "a label": a noun
        between = last - index  # object words between the verb and the quote
        speaker = None
        previous = before[index - 1].lower if index > 0 else ""
        bare = between <= (1 if before[last].lower == "as" else 0)  # nothing named between verb and quote
        passive = previous in ("is", "are", "was", "were", "be", "been", "being", "also", "often", "sometimes",
                               "widely", "commonly", "so", "now") or (previous in (",", "and") and bare)
        present = token.lower in (lemma, _third(lemma)) or token.lower.endswith("ing")
        if not passive:
            found = _np_before(before, index)
            if found is not None:
                first = found[0]
                ahead = before[first - 1].lower if first > 0 else ""
                active = present or (between > (1 if before[last].lower == "as" else 0)) \
                    or first == 0 or ahead in ("that", "which", "what", "who", "whom", "as", "and", ";")
                if active:
                    speaker = (before[found[0]].start, before[found[1]].end)
        if speaker is None:
            speaker = _agent_after(ctx, span)  # passive with its agent: dubbed “X” by analysts
        if evaluative:
            # "dismissed the report as “nonsense”": the subject's own word, a partial quote.
            if speaker is None:
                return None  # nobody judging in sight: leave it to the other rules
            return _Attribution(speaker, (token.start, token.end), 0.85, sieve="naming")
        confidence = 0.85 if speaker else 0.0
        return _Attribution(speaker, (token.start, token.end), confidence, kind="term", sieve="naming")
    return None


def _agent_after(ctx: _Context, span: QuoteSpan) -> tuple[int, int] | None:
    """The "by X" right after a quotation: described as “catastrophic” by aid workers."""
    if span.close_pos is None:
        return None
    after = span.close_pos + 1
    tokens = ctx.tokens(after, min(ctx.sentence(span.close_pos).end, after + 120))
    if len(tokens) >= 2 and tokens[0].lower == "by" and tokens[0].start - after <= 2:
        found = _np_after(tokens, 1)
        if found is not None:
            return (tokens[found[0]].start, tokens[found[1]].end)
    return None


def _title(text: str, span: QuoteSpan, before: list[_Token]) -> _Attribution | None:
    """Titles of works: the book “The Art of War”, an article headlined “...”."""
    words = text[span.start:span.end].split()
    if not words or not before or len(words) > 15:
        return None
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    title_case = words[0][0].isupper() and capitalised * 2 >= len(words) + (1 if len(words) > 2 else 0)
    tail = [token.lower for token in before[-4:]]
    if tail and tail[-1] in cues.TITLE_CUES:
        return _Attribution(None, None, 0.0, kind="title", sieve="title")
    if title_case and len(words) >= 2 and any(word in cues.WORK_NOUNS for word in tail[-3:]) \
            and before[-1].end >= span.open_pos - 2:
        return _Attribution(None, None, 0.0, kind="title", sieve="title")
    return None


def _ends_sentence(text: str, span: QuoteSpan) -> bool:
    return span.end > span.start and text[span.end - 1] in ".!?…"


def _after_quote(ctx: _Context, span: QuoteSpan, before: list[_Token], after_pos: int) -> _Attribution | None:
    """“…,” X said  /  “…,” said X  /  “…” X told reporters - right after the closing mark."""
    text = ctx.text
    if span.close_pos is None:
        return None
    sentence = ctx.sentence(span.close_pos)
    end = min(sentence.end, after_pos + WINDOW)
    crossed = text[after_pos:end].strip(" \t\n.,;:!?…”’\"'»") == ""
    if crossed:
        # The quote ended its sentence; an attribution may be the next sentence: “We won.” Smith said.
        following = ctx.sentence_index(span.close_pos) + 1
        if following >= len(ctx.sentences) or ctx.sentences[following].start - after_pos > 3:
            return None
        if "\n" in text[after_pos:ctx.sentences[following].start]:
            return None  # a new paragraph is a new thought, not this quote's tag
        end = min(ctx.sentences[following].end, after_pos + WINDOW)
    tokens = ctx.tokens(after_pos, end)
    first = 0
    while first < len(tokens) and tokens[first].text in ",—–-:":
        first += 1
    if first >= len(tokens):
        return None
    terminal = _ends_sentence(text, span) or crossed
    # said X
    cue = _cue_at(tokens, first, adjacent=True)
    if cue is not None:
        found = _np_after(tokens, cue.last + 1)
        if found is not None and not (terminal and tokens[first].is_capitalised and not crossed):
            return _Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, cue.end), 0.95,
                                sieve="after")
        return None
    # X said
    for index in range(first + 1, min(len(tokens), first + 25)):
        if tokens[index].text in ".;!?":
            return None
        cue = _cue_at(tokens, index, adjacent=True)
        if cue is None:
            continue
        found = _np_before(tokens, index, first)
        if found is None or found[0] != first:
            return None
        if terminal:
            # A new sentence after a finished quote is only its tag if it ends right there:
            # “We won.” Smith said.   not   “We won.” Smith said the vote was fair.
            rest = [t for t in tokens[cue.last + 1:] if t.is_word]
            stop = next((i for i, t in enumerate(tokens[cue.last + 1:]) if t.text in ".;!?"), None)
            rest = [t for t in tokens[cue.last + 1:cue.last + 1 + stop] if t.is_word] if stop is not None else rest
            if len(rest) > 5 or any(t.lower == "that" for t in rest):
                return None
            if not crossed and tokens[found[0]].is_capitalised and tokens[found[0]].lower not in cues.SUBJECT_PRONOUNS \
                    and not _is_name(tokens[found[0]]):
                return None
        return _Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end), 0.95,
                            sieve="after")
    return None


def _earlier_in_sentence(ctx: _Context, span: QuoteSpan, before: list[_Token], after_pos: int) -> _Attribution | None:
    """X said (that) “…”; X said its units have “redeployed”; X said: (new paragraph) “…”."""
    tokens = before
    text = ctx.text
    if not [t for t in tokens if t.is_word]:
        # The quote opens its sentence: a colon at the end of the previous one introduces it.
        index = ctx.sentence_index(span.open_pos)
        if index == 0:
            return None
        previous = ctx.sentences[index - 1]
        if not text[previous.start:previous.end].rstrip().endswith(":"):
            return None
        tokens = ctx.tokens(max(previous.start, previous.end - WINDOW), previous.end)
    cues_tried = 0
    pending: _Cue | None = None
    words_after = 0  # words between a candidate verb and the quote
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].is_word and tokens[index].lower != "that":
            words_after += 1
        # Right before the quote even a sometime-reporting verb is one: told Reuters: “…”.
        cue = _cue_at(tokens, index, adjacent=words_after <= 4)
        if cue is None:
            continue
        cues_tried += 1
        found = None
        quoting = _quoted_as_saying(tokens, index)
        if quoting is not None:
            found = quoting  # "The paper quoted him as saying “…”": the object speaks
        elif tokens[index].lower.endswith("ing") and index > 0 and tokens[index - 1].text == ",":
            # "The ministry issued a statement, saying “…”": the clause's subject speaks.
            found = _np_after(tokens, _clause_start(tokens, index))
        else:
            found = _np_before(tokens, index)
            if found is None and index + 1 < len(tokens) and tokens[index].is_capitalised:
                found = _np_after(tokens, cue.last + 1)  # "Said X: “…”"
        if found is not None:
            if pending is not None:
                cue = pending  # the nearer verb is the quote's cue; this one only lent its subject
            gap = [t for t in tokens[cue.last + 1:] if t.is_word and t.lower != "that"]
            confidence = 0.9 if len(gap) <= 3 else 0.8
            return _Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end),
                                confidence, sieve="before")
        if pending is None and index > 0 and (tokens[index - 1].lower in ("and", "but", "then", "also") or (
                tokens[index].lower.endswith("ing") and tokens[index - 1].lower in ("before", "after", "while", "by"))):
            # A second verb sharing the first one's subject: "X said ... and urged both sides to “…”".
            pending = cue
        if cues_tried >= 3:
            break
    # A headline's or a transcript's "Name: “…”" has no verb at all.
    if len(tokens) >= 2 and tokens[-1].text == ":" and tokens is before and span.close_pos is not None \
            and not text[span.close_pos + 1:ctx.sentence(span.close_pos).end].strip(" .,;!?”’\"'") \
            and tokens[-2].lower not in _LABELS:
        found = _np_ending_at(tokens, len(tokens) - 2)
        if found is not None and found[0] == 0 and (_is_name(tokens[found[1]]) or found[1] - found[0] < 4):
            return _Attribution((tokens[found[0]].start, tokens[found[1]].end), None, 0.6, sieve="colon")
    return None


# Words before a colon that label what follows rather than name who speaks.
_LABELS = frozenset("""note update warning correction clarification caption source headline photo pictured
watch read listen related see also quote quotes example question answer q a title subject re fw fwd""".split())


def _quoted_as_saying(tokens: list[_Token], index: int) -> tuple[int, int] | None:
    if tokens[index].lower != "saying" or index < 3 or tokens[index - 1].lower != "as":
        return None
    for position in range(index - 2, max(-1, index - 10), -1):
        if tokens[position].lower in ("quoted", "quotes", "quoting", "quote", "cited", "cites", "citing"):
            if position + 1 <= index - 2:
                return _np_ending_at(tokens, index - 2, position + 1)
            return None
    return None


def _clause_start(tokens: list[_Token], index: int) -> int:
    start = 0
    # Skip a leading adverbial chunk: "On Friday, the ministry ..."
    for position in range(0, min(index, 8)):
        if tokens[position].text == ",":
            if tokens[0].lower in cues.PREPOSITIONS or tokens[0].lower in ("meanwhile", "however", "later", "earlier"):
                start = position + 1
            break
    return start


def _later_in_sentence(ctx: _Context, span: QuoteSpan, before: list[_Token], after_pos: int) -> _Attribution | None:
    """He has “no intention” of resigning, the minister said."""
    sentence = ctx.sentence(max(span.open_pos, after_pos - 1))
    tokens = ctx.tokens(after_pos, min(sentence.end, after_pos + WINDOW))
    for index in range(len(tokens)):
        if tokens[index].text in ".!?":
            break
        # A verb that closes the sentence is a tag even when it could be something else:
        # "..., the minister told parliament."
        tail = 0
        for following in tokens[index + 1:]:
            if following.text in ".!?;":
                break
            tail += following.is_word
        cue = _cue_at(tokens, index, adjacent=tail <= 3)
        if cue is None:
            continue
        found = None
        if index == 0 or tokens[index - 1].text != ",":
            found = _np_before(tokens, index)
            # The tag is its own clause: ", the minister said", "is what the minister said".
            if found is not None and found[0] > 0 \
                    and tokens[found[0] - 1].lower not in (",", "what", "—", "–", "as"):
                found = None
        if found is None:
            found = _np_after(tokens, cue.last + 1)  # ", said Mr O'Neill"
        if found is not None:
            return _Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end),
                                0.7, sieve="later")
        return None
    return None


def _according_to(ctx: _Context, span: QuoteSpan, before: list[_Token], after_pos: int) -> _Attribution | None:
    sentence = ctx.sentence(span.open_pos)
    end_sentence = ctx.sentence(max(span.open_pos, after_pos - 1))
    tokens = ctx.tokens(max(sentence.start, span.open_pos - WINDOW), min(end_sentence.end, after_pos + WINDOW))
    for index in range(len(tokens) - 1):
        if tokens[index].lower == "according" and tokens[index + 1].lower == "to":
            found = _np_after(tokens, index + 2, allow_by=True)
            if found is not None:
                return _Attribution((tokens[found[0]].start, tokens[found[1]].end),
                                    (tokens[index].start, tokens[index + 1].end), 0.7, sieve="according")
    return None


# ---------------------------------------------------------------------------------------------
# 3. Speakers -> entities
# ---------------------------------------------------------------------------------------------

_PERSON = "PERSON"
_GROUP_LABELS = ("ORG", "GPE", "NORP")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _head_words(name: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", name.lower())
    if not words:
        return set()
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])  # Bank of England -> bank
    return heads | {head[:-1] if head.endswith("s") else head + "s" for head in heads}


class _Resolver:
    def __init__(self, text: str, entities: Sequence[Entity], ctx: _Context) -> None:
        self.text = text
        self.ctx = ctx
        self.by_id = {entity.id: entity for entity in entities}
        mentions = []
        for entity in entities:
            for mention in entity.mentions:
                mentions.append((mention.start, mention.end, entity.id, mention.label or entity.label))
        mentions.sort()
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.heads = {entity.id: set().union(*(_head_words(name) for name in (entity.name, *entity.aliases)))
                      for entity in entities}
        self.surnames: dict[str, list[str]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                words = re.findall(r"[\w’'-]+", name)
                if words and (words[-1][0].isupper() or words[-1].rsplit("-", 1)[-1][:1].isupper()):
                    last = _strip_possessive(words[-1]).lower()
                    self.surnames.setdefault(last, []).append(entity.id)
                    if "-" in last:  # al-Assad is also "Assad"
                        self.surnames.setdefault(last.rsplit("-", 1)[1], []).append(entity.id)
        self.speakers: list[tuple[int, str]] = []  # (offset, entity id) of resolved speakers so far

    def label(self, entity_id: str) -> str:
        return self.by_id[entity_id].label

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        index = bisect.bisect_left(self.mention_starts, start - 200)
        found = []
        while index < len(self.mentions) and self.mentions[index][0] < end:
            mention = self.mentions[index]
            if mention[1] > start:
                found.append(mention)
            index += 1
        return found

    def resolve(self, start: int, end: int) -> str | None:
        text = self.text
        phrase = text[start:end]
        tokens = [t for t in _TOKEN.finditer(phrase)]
        if not tokens:
            return None
        words = [t.group() for t in tokens]
        lower = [w.lower() for w in words]
        if len(words) == 1 and (lower[0] in cues.SUBJECT_PRONOUNS or lower[0] in cues.OBJECT_PRONOUNS):
            return self.pronoun(cues.OBJECT_PRONOUNS.get(lower[0], lower[0]), start)
        overlap = [m for m in self.overlapping(start, end) if self.by_id[m[2]].label in _SPEAKER_LABELS]
        people = [m for m in overlap if self.label(m[2]) == _PERSON or m[3] == _PERSON]
        if people:
            return people[-1][2]  # the name at the end, after the roles
        head_index = len(words) - 1
        for index, word in enumerate(lower):
            if word in ("of", "for", "from", "at", "by") and index > 0:
                head_index = index - 1
                break
        head_start = start + tokens[head_index].start()
        head_end = start + tokens[head_index].end()
        for mention in reversed(overlap):
            if mention[0] <= head_start and mention[1] >= head_end \
                    and self.label(mention[2]) in _GROUP_LABELS + ("FAC",):
                return mention[2]
        head = lower[head_index]
        if words[head_index][0].isupper() and lower[0] not in ("the", "a", "an"):
            # A name the recogniser did not mark here: match it on its last word.
            found = self.by_surname(_strip_possessive(head), start)
            if found is not None:
                return found
        if lower[0] in ("the", "this", "that") and len(words) <= 4:
            if head in cues.ROLES:
                return self.only_person_nearby(start)
            return self.nominal(_strip_possessive(head), start)
        return None

    def only_person_nearby(self, offset: int) -> str | None:
        """"the prime minister said" right after "Boris Johnson has said": the one person named in
        this and the previous two sentences, outside quotations; nobody when there are two."""
        floor = self.ctx.sentences[max(0, self.ctx.sentence_index(offset) - 2)].start
        people = set()
        index = bisect.bisect_left(self.mention_starts, offset) - 1
        while index >= 0 and self.mentions[index][0] >= floor:
            start, _, entity_id, _ = self.mentions[index]
            if self.label(entity_id) == _PERSON and not self.ctx.hidden.covers(start):
                people.add(entity_id)
            index -= 1
        return people.pop() if len(people) == 1 else None

    def organisation_in(self, start: int, end: int) -> str | None:
        for mention in reversed(self.overlapping(start, end)):
            if self.label(mention[2]) in ("ORG", "GPE") and mention[0] >= start:
                return mention[2]
        return None

    def by_surname(self, word: str, before: int) -> str | None:
        ids = self.surnames.get(word)
        if not ids:
            return None
        best = None
        for entity_id in dict.fromkeys(ids):
            entity = self.by_id[entity_id]
            previous = [m.start for m in entity.mentions if m.start < before]
            key = (entity.label == _PERSON, max(previous) if previous else -1)
            if best is None or key > best[0]:
                best = (key, entity_id)
        return best[1] if best else None

    def nominal(self, head: str, before: int) -> str | None:
        """the army -> the most recent entity named "... army"; the group -> the last group that spoke."""
        index = bisect.bisect_left(self.mention_starts, before) - 1
        while index >= 0:
            entity_id = self.mentions[index][2]
            if self.label(entity_id) != _PERSON and head in self.heads[entity_id]:
                return entity_id
            index -= 1
        if head in cues.GENERIC_ORG_HEADS:
            return self.recent(before, ("ORG",), ("ORG",))
        return None

    def pronoun(self, word: str, offset: int) -> str | None:
        if word in cues.PERSON_PRONOUNS:
            return self.recent(offset, (_PERSON,), (_PERSON,))
        if word == "it":
            # "It" is an organisation or a country; a nationality adjective (Russian) hardly ever.
            return self.recent(offset, _GROUP_LABELS, ("ORG", "GPE"))
        if word == "they":
            return self.recent(offset, _GROUP_LABELS, ("ORG", "NORP", "GPE"))
        return None  # I, we, you: the speaker is inside a quotation, not named here

    def recent(self, offset: int, speaker_labels: tuple[str, ...], mention_labels: tuple[str, ...]) -> str | None:
        """The most recent compatible speaker within a few sentences, else the most recent compatible
        mention outside quotations in the last three sentences, in the order of ``mention_labels``."""
        sentence = self.ctx.sentence_index(offset)
        floor = self.ctx.sentences[max(0, sentence - PRONOUN_LOOKBACK)].start
        for position, entity_id in reversed(self.speakers):
            if position < floor:
                break
            if position < offset and self.label(entity_id) in speaker_labels:
                return entity_id
        floor = self.ctx.sentences[max(0, sentence - 3)].start
        best: tuple[int, str] | None = None
        index = bisect.bisect_left(self.mention_starts, offset) - 1
        while index >= 0 and self.mentions[index][0] >= floor:
            start, _, entity_id, _ = self.mentions[index]
            label = self.label(entity_id)
            if label in mention_labels and not self.ctx.hidden.covers(start):
                rank = mention_labels.index(label)
                if best is None or rank < best[0]:
                    best = (rank, entity_id)
                if rank == 0:
                    break
            index -= 1
        return best[1] if best else None


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# ---------------------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------------------

def find_quotes(text: str, sentences: Sequence[Span], entities: Sequence[Entity], *,
                inherit: bool = True) -> list[Quote]:
    """Quotations in ``text`` with kind, speaker, cue and confidence. Never raises on odd input."""
    spans = scan_quotes(text)
    if not spans:
        return []
    ctx = _Context(text, sentences, spans)
    resolver = _Resolver(text, entities, ctx)
    quotes: list[Quote] = []
    previous_speaker: Speaker | None = None
    previous_end_sentence = -10
    previous_end = 0
    for number, span in enumerate(spans):
        attribution = _attribute(ctx, number)
        words = len(text[span.start:span.end].split())
        # A capitalised quote that ends like a sentence is a sentence, however short: said: “We are ready.”
        opens_sentence = _opens_sentence(ctx, span) or (text[span.start].isupper() and (
            text[span.end - 1] in ".!?" or text[max(0, span.open_pos - 3):span.open_pos].rstrip().endswith(":")))
        speaker = None
        cue = cue_start = cue_end = None
        confidence = attribution.confidence
        if attribution.cue is not None:
            cue_start, cue_end = attribution.cue
            cue = text[cue_start:cue_end]
        if attribution.speaker is not None:
            start, end = attribution.speaker
            entity_id = resolver.resolve(start, end)
            speaker = Speaker(text[start:end], start, end, entity_id)
            if entity_id is not None:
                resolver.speakers.append((start, entity_id))
            else:
                # "A spokesperson for the Treasury" is nobody we know, but a later "It" is the Treasury.
                voice = resolver.organisation_in(start, end)
                if voice is not None:
                    resolver.speakers.append((start, voice))
        kind = attribution.kind
        if kind is None:
            if (words >= FULL_MIN_WORDS or opens_sentence) and attribution.sieve == "none" and inherit \
                    and previous_speaker is not None \
                    and ctx.sentence_index(span.open_pos) - previous_end_sentence <= INHERIT_SENTENCES \
                    and not _cue_between(ctx, previous_end, span.open_pos):
                # No cue of its own: the same voice goes on (“…,” she said. “…”).
                speaker, confidence = previous_speaker, 0.5
            if words >= FULL_MIN_WORDS or opens_sentence:
                kind = "full"
            else:
                # Nobody said a short fragment: a scare quote, unless it reads like a sentence.
                fragment = not any(char in ",;!?" for char in text[span.start:span.end])
                kind = "partial" if speaker is not None or not fragment else "term"
        if quotes and kind == "partial" and attribution.sieve == "before" and text[span.start].islower():
            last = quotes[-1]
            gap = span.open_pos - last.end
            if last.text.endswith(",") and 0 < gap <= 60 and last.speaker is not None:
                kind = last.kind  # “This is,” he said, “a historic day.”: one sentence, split by its tag
        quotes.append(Quote(span.start, span.end, text[span.start:span.end], kind, speaker, cue, confidence,
                            cue_start, cue_end, span.closed))
        if kind in ("full", "partial") and speaker is not None:
            previous_speaker = speaker
            # Where the next quote's search for a competing cue starts: after this quote and its own tag.
            previous_end = max(span.close_pos + 1 if span.close_pos is not None else span.end, cue_end or 0)
            previous_end_sentence = ctx.sentence_index(max(span.open_pos, span.end - 1))
    return quotes


def _opens_sentence(ctx: _Context, span: QuoteSpan) -> bool:
    sentence = ctx.sentence(span.open_pos)
    lead = ctx.text[sentence.start:span.open_pos]
    return not any(char.isalnum() for char in lead) and ctx.text[span.start:span.start + 1].isupper()


def _cue_between(ctx: _Context, start: int, end: int) -> bool:
    """Is there a reporting verb outside quotations between two quotes? Then a new voice may speak."""
    if end - start > 4 * WINDOW:
        return True
    tokens = ctx.tokens(start, end)
    return any(_cue_at(tokens, index) is not None for index in range(len(tokens)))
