"""The attribution sieve: for one quotation, who said it and by which cue, most precise rule first.

See the table in ``reader.core.quotes``: naming and titles first, then the tag right after the
quote, a cue earlier in the sentence, a cue later in it, and "according to".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import alternation
from ..lexicon.function_words import (
    BETWEEN_SUBJECT_AND_VERB,
    DETERMINERS,
    GENERIC_STARTS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    SPECIFIC_STARTS,
    STOP,
    SUBJECT_INTRODUCERS,
    SUBJECT_PRONOUNS,
)
from ..lexicon.names import NAME_PARTICLES, PERSON_TITLES, SPOKESPEOPLE
from ..lexicon.organisations import ORGANISATION_REFERENCES
from ..lexicon.reporting import (
    CODE_WORDS,
    COLON_LABELS,
    DOCUMENT_NOUNS,
    EVALUATIVE_FORMS,
    GENERIC_PRONOUNS,
    NAMING_BY_ITSELF,
    NAMING_FORMS,
    NAMING_NEEDS_AS,
    NOUN_LIKE,
    PASSIVE_AUXILIARIES,
    PASSIVE_BEFORE_NAMING,
    QUOTING_FORMS,
    RELATIVE_SUBJECTS,
    REPORTING_FORMS,
    TERM_NOUNS,
    TITLE_CUES,
    WORK_NOUNS,
)
from ..model import Span
from .context import Context
from .phrases import Cue, Token, cue_at, is_name, np_after, np_before, np_ending_at, third_person
from .scan import QuoteSpan

WINDOW = 400  # characters of context the attribution rules look at on each side of a quote
NAMING = 0.85  # "X called it “…”": the naming verb's subject, right before the quote
BEFORE_NEAR_CONFIDENCE = 0.9  # "X said “…”": the cue right before the quote
OPEN_NAMING = "naming-open"  # a phrase of several words after a naming verb with no subject in sight
FEATURE_PARAGRAPH = 0.55  # a quotation paragraph after one about a person: a guess, said to be one
BEAT_WORDS = 3  # words after the subject in a clause that introduces a quote with no verb of speech
SPEECH_MIN_WORDS = 3  # a named or described phrase this long is somebody's speech, not a label
CREDIT = 0.9  # a credit line: "— Ann Roe, The Stage" under the quote, "Ann Roe, The Stage:" before it
# A name: capitalised words, with particles, hyphens and initials inside ("Kit Marlowe-Jones", "Ann de la Roe").
_NAME = r"[A-Z][\w’'.-]*(?:[ \t]+(?:(?:" + alternation(NAME_PARTICLES) + r")[ \t]+)*[A-Z][\w’'.-]*){0,4}"
_CREDIT_AFTER = re.compile(r"[ \t]*\n?[ \t]*[—–―][ \t]*(" + _NAME + r")[ \t]*(?=[,(\n]|$)")
_CODE = re.compile(r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,}")  # SPRING25, VAPE20; an all-capital word after "code"
_CREDIT_DASH = re.compile(r"[ \t]*\n?[ \t]*[—–―][ \t]*\w")
# Before the quote, a name and what they are: "Ann Roe, The Stage:" (a bare "Roe:" is the colon rule's).
_CREDIT_BEFORE = re.compile(r"[ \t]*(" + _NAME + r"),[^:\n“”\"]{1,80}:[ \t]*")


@dataclass(slots=True)
class Attribution:
    speaker: tuple[int, int] | None  # character offsets of the speaker's noun phrase
    cue: tuple[int, int] | None  # character offsets of the cue
    confidence: float
    kind: str | None = None  # forced kind: "term", "title"
    sieve: str = "none"


def attribute(ctx: Context, number: int) -> Attribution:
    span = ctx.spans[number]
    text = ctx.text
    sentence = ctx.sentence(span.open_pos)
    before_start = max(sentence.start, span.open_pos - WINDOW)
    before = ctx.tokens(before_start, span.open_pos)

    if _is_code(text[span.start:span.end], before):
        return Attribution(None, None, 0.0, kind="term", sieve="code")
    naming = _naming(ctx, span, before)
    if naming is not None and naming.sieve != OPEN_NAMING:
        return naming
    title = _title(text, span, before)
    if title is not None:
        return title

    after_pos = span.close_pos + 1 if span.close_pos is not None else span.end
    credit = _credit_line(ctx, span, after_pos)
    if credit is not None:
        return credit
    if _modifier(ctx, span, before):
        # A reporting verb before it makes it the speaker's own word ("warned of the “unprecedented” floods");
        # otherwise it is the writer's scare quote.
        earlier = _earlier_in_sentence(ctx, span, before, after_pos)
        return earlier if earlier is not None else Attribution(None, None, 0.0, kind="term", sieve="modifier")
    for sieve in (_after_quote, _earlier_in_sentence, _later_in_sentence, _according_to):
        found = sieve(ctx, span, before, after_pos)
        if found is not None and naming is not None:
            if found.speaker is None or found.kind is not None:
                continue
            return Attribution(found.speaker, found.cue, found.confidence, kind="partial", sieve=found.sieve)
        if found is not None:
            if sieve is _after_quote:
                return _inner_report(ctx, span, before, after_pos) or found
            return found
    return naming or Attribution(None, None, 0.0)


def _inner_report(ctx: Context, span: QuoteSpan, before: list[Token], after_pos: int) -> Attribution | None:
    """A report inside a report: in "Adverts promise “20% off”, he said" the quoted words are the adverts',
    not his; the speech verb right before the quote, with its own subject, says whose they are."""
    words = [token for token in before if token.is_word]
    if not words or before[-1].end < span.open_pos - 3 or ctx.text[span.start].isupper():
        return None  # a quote opening its sentence, after a colon or a capital: the tag after it is its own
    inner = _earlier_in_sentence(ctx, span, before, after_pos)
    if inner is None or inner.cue is None or inner.confidence < BEFORE_NEAR_CONFIDENCE:
        return None
    if [token for token in before if token.start >= inner.cue[1] and token.is_word]:
        return None  # the inner verb governs the quote only when nothing stands between them
    return inner


def _naming(ctx: Context, span: QuoteSpan, before: list[Token]) -> Attribution | None:
    """what some analysts call “useful Syria”; the so-called “X”; an area dubbed “X”; known as “X”."""
    if not before or before[-1].end < span.open_pos - 3:
        return None
    last = len(before) - 1
    if before[last].lower in NAMING_BY_ITSELF:
        return Attribution(None, (before[last].start, before[last].end), 0.0, kind="term", sieve="naming")
    if before[last].lower in TERM_NOUNS and last > 0 and before[last - 1].lower in DETERMINERS:
        return Attribution(None, None, 0.0, kind="term", sieve="naming")  # the word “genocide”: no verb
    # The naming verb is at most six words back, with no punctuation or reporting verb after it.
    for index in range(last, max(-1, last - 7), -1):
        token = before[index]
        if not token.is_word:
            return None
        lemma = NAMING_FORMS.get(token.lower)
        evaluative = lemma is None and token.lower in EVALUATIVE_FORMS
        if evaluative:
            lemma = EVALUATIVE_FORMS[token.lower]
        if lemma is None:
            if cue_at(before, index) is not None:
                return None
            continue
        following = before[index + 1] if index + 1 < len(before) else None
        if lemma == "call" and following is not None and following.lower in ("for", "on", "upon"):
            return None  # "called for": a demand, reported speech
        if (lemma in NAMING_NEEDS_AS or evaluative) and before[last].lower != "as":
            continue
        if index > 0 and before[index - 1].lower in DETERMINERS and token.lower in (lemma, lemma + "s"):
            return None  # "the term", "a label": a noun
        between = last - index  # object words between the verb and the quote
        speaker = None
        previous = before[index - 1].lower if index > 0 else ""
        bare = between <= (1 if before[last].lower == "as" else 0)  # nothing named between verb and quote
        passive = previous in PASSIVE_BEFORE_NAMING or (previous in (",", "and") and bare)
        present = token.lower in (lemma, third_person(lemma)) or token.lower.endswith("ing")
        if not passive:
            found = np_before(before, index)
            if found is not None:
                first = found[0]
                ahead = before[first - 1].lower if first > 0 else ""
                active = present or (between > (1 if before[last].lower == "as" else 0)) \
                    or first == 0 or ahead in SUBJECT_INTRODUCERS
                if active:
                    speaker = (before[found[0]].start, before[found[1]].end)
        if speaker is None:
            speaker = _agent_after(ctx, span)  # passive with its agent: dubbed “X” by analysts
        by_form = _by_form(ctx, span, before, index, speaker, evaluative or passive, bare)
        if by_form is not None:
            return by_form
        if evaluative:
            # "dismissed the report as “nonsense”": the subject's own word, a partial quote.
            if speaker is None:
                return None  # nobody judging in sight: leave it to the other rules
            return Attribution(speaker, (token.start, token.end), 0.85, sieve="naming")
        if speaker is not None and not passive and _specific(before, speaker):
            # "Feeney called the second act “baggy”", "what he called “a betrayal”": one person's or body's
            # own words about something, a partial quote; "what some analysts call “X”" stays a label.
            return Attribution(speaker, (token.start, token.end), NAMING, kind="partial", sieve="naming")
        confidence = NAMING if speaker else 0.0
        return Attribution(speaker, (token.start, token.end), confidence, kind="term", sieve="naming")
    return None


def _by_form(ctx: Context, span: QuoteSpan, before: list[Token], index: int, speaker: tuple[int, int] | None,
             judging_or_passive: bool, bare: bool) -> Attribution | None:
    """The phrase's form decides after a naming verb: a coinage is a term, several words somebody uses speech."""
    token = before[index]
    words = ctx.text[span.start:span.end].split()
    if _coinage(words):
        # "the battery the company calls “FlexaCore”": a name made up for a thing, a term whoever coined it.
        return Attribution(None, (token.start, token.end), 0.0, kind="term", sieve="naming")
    if len(words) < SPEECH_MIN_WORDS or judging_or_passive or (speaker is None and bare) \
            or words[0].lower() == "the":
        return None
    # "called the fund “a leaky bucket with a new coat of paint”", "what they call “double loops from
    # nowhere”", "described it as “encouraging yet thin”": a phrase of several words somebody uses is
    # their speech ("what critics call “the rust corridor”", a name for a thing, stays a label).
    if speaker is not None and (_specific(before, speaker) or not _generic(ctx.text, speaker)):
        return Attribution(speaker, (token.start, token.end), NAMING, kind="partial", sieve="naming")
    # No subject of its own: ", which described it as “…”" is the relative's antecedent's phrase, "X
    # accused …, and called the scheme “…”" the sentence subject's; else the other rules may name one.
    found = _shared_subject(ctx, before, index)
    if found is not None:
        return Attribution(found, (token.start, token.end), NAMING, kind="partial", sieve="naming")
    return Attribution(None, (token.start, token.end), 0.0, kind="partial", sieve=OPEN_NAMING)


def _shared_subject(ctx: Context, before: list[Token], verb: int) -> tuple[int, int] | None:
    """The subject a verb with none of its own shares: the antecedent of ", which/who VERB", or the subject
    that opens the sentence for "…, and VERB"."""
    previous = before[verb - 1].lower if verb > 0 else ""
    if previous in RELATIVE_SUBJECTS and verb >= 3 and before[verb - 2].text == ",":
        found = np_ending_at(before, verb - 3)
        if found is not None and any(is_name(before[at]) for at in range(found[0], found[1] + 1)):
            return (before[found[0]].start, before[found[1]].end)
        return None
    if previous != "and" or before[0].start != ctx.sentence(before[0].start).start:
        return None
    found = np_after(before, 0)
    if found is None or found[1] + 1 >= verb or not (is_name(before[found[0]]) or before[found[0]].lower in
                                                     PERSON_PRONOUNS):
        return None
    if before[found[1] + 1].is_word and before[found[1] + 1].lower not in STOP:
        return (before[found[0]].start, before[found[1]].end)  # the subject, then its own verb
    return None


def _modifier(ctx: Context, span: QuoteSpan, before: list[Token]) -> bool:
    """One lower-case word set off before a noun: Supermarket “heritage” rolls, the “smart” meters: a scare
    quote on a modifier, not anybody's speech."""
    words = ctx.text[span.start:span.end]
    if span.close_pos is None or not words.isalpha() or not words.islower() or not before \
            or before[-1].end < span.open_pos - 1 or not before[-1].is_word:
        return False
    previous = before[-1].lower
    if previous in STOP or previous in PASSIVE_AUXILIARIES or previous in REPORTING_FORMS \
            or previous in NAMING_FORMS or previous in EVALUATIVE_FORMS:
        return False
    following = ctx.tokens(span.close_pos + 1, min(len(ctx.text), span.close_pos + 40))
    if not following or following[0].start != span.close_pos + 2 or not following[0].is_word:
        return False
    noun = following[0].text
    return noun.islower() and noun.lower() not in STOP and not noun.endswith("ly")


def _generic(text: str, speaker: tuple[int, int]) -> bool:
    """"they", "you", "some analysts", "critics": nobody in particular."""
    words = text[speaker[0]:speaker[1]].lower().split()
    return not words or words[0] in GENERIC_STARTS or words[-1] in GENERIC_STARTS or (
        len(words) == 1 and words[0] in GENERIC_PRONOUNS)


def _coinage(words: list[str]) -> bool:
    """A made-up name rather than a phrase: every word capitalised and some word with a capital inside or
    the phrase a single word ("FlexaCore", "Project Lantern"), never a sentence."""
    stripped = [word.strip(".,;:!?") for word in words]
    if not stripped or len(stripped) > 3 or not all(word[:1].isupper() for word in stripped):
        return False
    return len(stripped) > 1 or any(char.isupper() for char in stripped[0][1:]) or len(stripped[0]) > 1


def _specific(tokens: list[Token], speaker: tuple[int, int]) -> bool:
    """Does the noun phrase at ``speaker`` (character offsets) name someone in particular? "Ms Roe", "he",
    "the council" do; "some analysts", "critics", "they" speak for nobody in particular."""
    first = next((token for token in tokens if token.start == speaker[0]), None)
    last = next((token for token in tokens if token.end == speaker[1]), None)
    if first is None or last is None or last.lower in GENERIC_STARTS:
        return False
    return first.lower in SPECIFIC_STARTS or (is_name(first) and first.lower not in GENERIC_STARTS)


def _is_code(words: str, before: list[Token]) -> bool:
    """A discount or promotion code is no quotation: use the code “SAVE20”. (An advert's words that offer
    one, “20% off with code SAVE20”, are: somebody wrote them.)"""
    match = _CODE.fullmatch(words.strip(" .,;:!?"))
    return match is not None and (any(char.isdigit() for char in words) or (bool(before)
                                  and before[-1].lower in CODE_WORDS))


def _agent_after(ctx: Context, span: QuoteSpan) -> tuple[int, int] | None:
    """The "by X" right after a quotation: described as “catastrophic” by aid workers."""
    if span.close_pos is None:
        return None
    after = span.close_pos + 1
    tokens = ctx.tokens(after, min(ctx.sentence(span.close_pos).end, after + 120))
    if len(tokens) >= 2 and tokens[0].lower == "by" and tokens[0].start - after <= 2:
        found = np_after(tokens, 1)
        if found is not None:
            return (tokens[found[0]].start, tokens[found[1]].end)
    return None


def _title(text: str, span: QuoteSpan, before: list[Token]) -> Attribution | None:
    """Titles of works: the book “The Art of War”, an article headlined “...”."""
    words = text[span.start:span.end].split()
    if not words or not before or len(words) > 15:
        return None
    capitalised = sum(1 for word in words if word[0].isupper() or not word[0].isalpha())
    title_case = words[0][0].isupper() and capitalised * 2 >= len(words) + (1 if len(words) > 2 else 0)
    tail = [token.lower for token in before[-4:]]
    if tail and tail[-1] in TITLE_CUES:
        return Attribution(None, None, 0.0, kind="title", sieve="title")
    if title_case and len(words) >= 2 and any(word in WORK_NOUNS for word in tail[-3:]) \
            and before[-1].end >= span.open_pos - 2:
        return Attribution(None, None, 0.0, kind="title", sieve="title")
    return None


def _credit_line(ctx: Context, span: QuoteSpan, after_pos: int) -> Attribution | None:
    """Credit lines: “…” (new line) — Ann Roe, The Stage  /  Ann Roe, The Stage: “…”  /  Ann Roe, nurse: “…”."""
    text = ctx.text
    if span.close_pos is not None:
        dash = _CREDIT_AFTER.match(text, after_pos)
        if dash is not None:
            return Attribution((dash.start(1), dash.end(1)), None, CREDIT, sieve="credit")
        if _CREDIT_DASH.match(text, after_pos):
            # "— Name and address supplied": a credit all the same, so no earlier speaker goes on here.
            return Attribution(None, None, 0.0, sieve="credit")
    line_start = ctx.line_start(span.open_pos)
    lead = _CREDIT_BEFORE.fullmatch(text, line_start, span.open_pos)
    if lead is not None and lead.group(1).split()[0].lower() not in COLON_LABELS:
        return Attribution((lead.start(1), lead.end(1)), None, CREDIT, sieve="credit")
    return None


def _ends_sentence(text: str, span: QuoteSpan) -> bool:
    return span.end > span.start and text[span.end - 1] in ".!?…"


def _after_quote(ctx: Context, span: QuoteSpan, before: list[Token], after_pos: int) -> Attribution | None:
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
    cue = cue_at(tokens, first, adjacent=True)
    if cue is not None:
        found = np_after(tokens, cue.last + 1)
        if found is not None and not (terminal and tokens[first].is_capitalised and not crossed):
            return Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, cue.end), 0.95,
                                sieve="after")
        return None
    # X said
    for index in range(first + 1, min(len(tokens), first + 25)):
        if tokens[index].text in ".;!?":
            return None
        cue = cue_at(tokens, index, adjacent=True)
        if cue is None:
            continue
        found = np_before(tokens, index, first)
        if found is None or found[0] != first:
            return None
        if terminal:
            # A new sentence after a finished quote is only its tag if it ends right there:
            # “We won.” Smith said.   not   “We won.” Smith said the vote was fair.
            rest = [t for t in tokens[cue.last + 1:] if t.is_word]
            stop = next((i for i, t in enumerate(tokens[cue.last + 1:]) if t.text in ".;!?"), None)
            rest = [t for t in tokens[cue.last + 1:cue.last + 1 + stop] if t.is_word] if stop is not None else rest
            if len(rest) > 5 or any(t.lower == "that" or t.lower in SUBJECT_PRONOUNS for t in rest):
                # "“…” He said he did not believe her": a new statement, not the tag of the quote
                return None
            if not crossed and tokens[found[0]].is_capitalised and tokens[found[0]].lower not in SUBJECT_PRONOUNS \
                    and not is_name(tokens[found[0]]):
                return None
        return Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end), 0.95,
                            sieve="after")
    return None


def _earlier_in_sentence(ctx: Context, span: QuoteSpan, before: list[Token], after_pos: int) -> Attribution | None:
    """X said (that) “…”; X said its units have “redeployed”; X said: (new paragraph) “…”."""
    tokens = before
    if not [t for t in tokens if t.is_word]:
        # The quote opens its sentence: a colon at the end of the previous one introduces it.
        index = ctx.sentence_index(span.open_pos)
        if index == 0:
            return None
        previous = ctx.sentences[index - 1]
        if not ctx.ends_with_colon(index - 1):
            return _beat(ctx, previous, span)
        tokens = ctx.tokens(max(previous.start, previous.end - WINDOW), previous.end)
    cues_tried = 0
    outer: tuple[tuple[int, int], Cue] | None = None  # a thing's verb found first: "the survey showed"
    pending: Cue | None = None
    words_after = 0  # words between a candidate verb and the quote
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].is_word and tokens[index].lower != "that":
            words_after += 1
        # Right before the quote even a sometime-reporting verb is one: told Reuters: “…”.
        cue = cue_at(tokens, index, adjacent=words_after <= 4)
        if cue is None:
            continue
        cues_tried += 1
        found = None
        quoting = _quoted_as_saying(tokens, index)
        if quoting is not None:
            found = quoting  # "The paper quoted him as saying “…”": the object speaks
        elif tokens[index].lower.endswith("ing") and index > 0 and tokens[index - 1].text == ",":
            # "The ministry issued a statement, saying “…”": the clause's subject speaks.
            found = np_after(tokens, _clause_start(tokens, index))
        else:
            found = np_before(tokens, index)
            if found is None and index + 1 < len(tokens) and tokens[index].is_capitalised \
                    and not tokens[index].lower.endswith("ing"):
                # "Said X: “…”"; but "Speaking of the deal, “…”" has no subject here: whoever spoke last goes on.
                found = np_after(tokens, cue.last + 1)
        if found is not None and _noun_cue(tokens, index, found):
            # "shared the photograph with a short message: “…”": the message's words are the sharer's.
            found = _subject_of_clause(tokens, index)
        if found is not None and outer is None and _thing(tokens, found) and cues_tried < 3:
            # "X said the survey showed the scheme was “…”": a thing's verb inside a report; the outer
            # subject that reports it speaks, if there is one.
            outer = (found, cue)
            continue
        if found is None and outer is not None:
            continue
        if found is not None:
            if pending is not None:
                cue = pending  # the nearer verb is the quote's cue; this one only lent its subject
            gap = [t for t in tokens[cue.last + 1:] if t.is_word and t.lower != "that"]
            # A thing's verb passed over for this one is no doubt about it: the parse would only take the thing.
            confidence = 0.9 if len(gap) <= 3 or outer is not None else 0.8
            return Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end),
                                confidence, sieve="before")
        if pending is None and index > 0 and (tokens[index - 1].lower in ("and", "but", "then", "also") or (
                tokens[index].lower.endswith("ing") and tokens[index - 1].lower in ("before", "after", "while", "by"))):
            # A second verb sharing the first one's subject: "X said ... and urged both sides to “…”".
            pending = cue
        if cues_tried >= 3:
            break
    if outer is not None:
        found, cue = outer
        return Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end), 0.8,
                           sieve="before")
    return _colon_label(ctx, span, tokens, tokens is before)


def _colon_label(ctx: Context, span: QuoteSpan, tokens: list[Token], own_sentence: bool) -> Attribution | None:
    """No verb at all: a headline's or a transcript's "Name: “…”", or "She was brief: “…”"."""
    text = ctx.text
    if len(tokens) >= 2 and tokens[-1].text == ":" and own_sentence and span.close_pos is not None \
            and not text[span.close_pos + 1:ctx.sentence(span.close_pos).end].strip(" .,;!?”’\"'") \
            and tokens[-2].lower not in COLON_LABELS:
        found = np_ending_at(tokens, len(tokens) - 2)
        if found is not None and found[0] == 0 and (is_name(tokens[found[1]]) or found[1] - found[0] < 4):
            return Attribution((tokens[found[0]].start, tokens[found[1]].end), None, 0.6, sieve="colon")
    if tokens and tokens[-1].text == ":" and ctx.text[span.start].isupper():
        # "She was characteristically brief: “Not yet.”": a short clause about a person introduces her words.
        found = _short_clause_subject(tokens[:-1])
        if found is not None:
            return Attribution(found, None, 0.6, sieve="colon")
    return None


def _short_clause_subject(tokens: list[Token]) -> tuple[int, int] | None:
    """The subject of a short clause ("She laughs", "Ann Roe was brief") when it is he/she or a name and no
    more than ``BEAT_WORDS`` words follow it."""
    words = [token for token in tokens if token.is_word]
    if not words or len(words) != len(tokens) or any(cue_at(tokens, at) is not None for at in range(len(tokens))):
        return None
    found = np_after(tokens, 0)
    if found is None or found[0] != 0 or len(tokens) - found[1] - 1 > BEAT_WORDS or found[1] + 1 >= len(tokens):
        return None
    head = tokens[found[1]]
    if head.lower in PERSON_PRONOUNS or all(is_name(tokens[at]) for at in range(found[0], found[1] + 1)):
        return (tokens[found[0]].start, head.end)
    return None


def _beat(ctx: Context, previous: Span, span: QuoteSpan) -> Attribution | None:
    """"She laughs. “People think it is a holiday.”": a sentence of a subject and a word or two of action,
    right before a quote in the same paragraph, is who speaks. A feature's paragraph that is nothing but a
    quotation, with no cue anywhere, after a paragraph ending in a sentence about one person ("She remembers
    the night of the wreck." / "“The radio was useless …”") is that person's, said to be a guess."""
    if not ctx.text[span.start].isupper():
        return None
    tokens = ctx.tokens(previous.start, previous.end)
    if not tokens or tokens[-1].text != ".":
        return None
    if "\n" in ctx.text[previous.end:span.open_pos]:
        return _feature_paragraph(ctx, span, tokens)
    found = _short_clause_subject(tokens[:-1])
    if found is None:
        return None
    return Attribution(found, None, 0.6, sieve="colon")


def _noun_cue(tokens: list[Token], index: int, found: tuple[int, int]) -> bool:
    """Is the cue a noun ("a short message") that took its own determiner for a subject?"""
    return tokens[index].lower in NOUN_LIKE and tokens[found[0]].lower in DETERMINERS \
        and tokens[found[1]].end <= tokens[index].start and not is_name(tokens[found[1]])


def _thing(tokens: list[Token], found: tuple[int, int]) -> bool:
    """Is the noun phrase a thing rather than someone: "the survey", "the figures", "the results"?"""
    first, last = tokens[found[0]], tokens[found[1]]
    return first.lower in ("the", "these", "this", "its", "their") and last.text.islower() and last.is_word \
        and last.lower not in PERSON_TITLES and last.lower not in SPOKESPEOPLE \
        and last.lower not in ORGANISATION_REFERENCES and last.lower not in DOCUMENT_NOUNS \
        and not any(is_name(tokens[at]) for at in range(found[0], found[1] + 1))


def _subject_of_clause(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The subject opening the clause of the token at ``index`` when it is a name or he/she."""
    found = np_after(tokens, _clause_start(tokens, index))
    if found is None or tokens[found[1]].end > tokens[index].start:
        return None
    head = tokens[found[1]]
    return found if is_name(head) or head.lower in PERSON_PRONOUNS else None


def _quoted_as_saying(tokens: list[Token], index: int) -> tuple[int, int] | None:
    if tokens[index].lower != "saying" or index < 3 or tokens[index - 1].lower != "as":
        return None
    for position in range(index - 2, max(-1, index - 12), -1):
        if tokens[position].lower in QUOTING_FORMS:
            previous = position - 1
            while previous >= 0 and tokens[previous].lower in BETWEEN_SUBJECT_AND_VERB \
                    and tokens[previous].lower not in PASSIVE_AUXILIARIES:
                previous -= 1
            if previous >= 0 and tokens[previous].lower in PASSIVE_AUXILIARIES:
                return np_before(tokens, position)  # "X was quoted by the paper as saying": X
            end = index - 3 if tokens[index - 2].text == "," else index - 2  # "quoted his rival, Ann Lee, as"
            if position + 1 <= end:
                return np_ending_at(tokens, end, position + 1)
            return None
    return None


def _clause_start(tokens: list[Token], index: int) -> int:
    start = 0
    # Skip a leading adverbial chunk: "On Friday, the ministry ..."
    for position in range(0, min(index, 8)):
        if tokens[position].text == ",":
            if tokens[0].lower in PREPOSITIONS or tokens[0].lower in ("meanwhile", "however", "later", "earlier"):
                start = position + 1
            break
    return start


def _later_in_sentence(ctx: Context, span: QuoteSpan, before: list[Token], after_pos: int) -> Attribution | None:
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
        cue = cue_at(tokens, index, adjacent=tail <= 3)
        if cue is None:
            continue
        if any(tokens[at].lower == "according" and tokens[at + 1].lower == "to" for at in range(index - 1)):
            # "… “at breaking point”, according to Dr Roe, who said it had …": the source is the speaker; the
            # verb of the relative clause after it is hers, its subject no speaker.
            return None
        found = None
        if index == 0 or tokens[index - 1].text != ",":
            found = np_before(tokens, index)
            # The tag is its own clause: ", the minister said", "is what the minister said".
            if found is not None and found[0] > 0 \
                    and tokens[found[0] - 1].lower not in (",", "what", "—", "–", "as"):
                found = None
        if found is None:
            found = np_after(tokens, cue.last + 1)  # ", said Mr O'Neill"
        if found is not None:
            return Attribution((tokens[found[0]].start, tokens[found[1]].end), (cue.start, tokens[cue.last].end),
                                0.7, sieve="later")
        return None
    return None


def _according_to(ctx: Context, span: QuoteSpan, before: list[Token], after_pos: int) -> Attribution | None:
    sentence = ctx.sentence(span.open_pos)
    end_sentence = ctx.sentence(max(span.open_pos, after_pos - 1))
    tokens = ctx.tokens(max(sentence.start, span.open_pos - WINDOW), min(end_sentence.end, after_pos + WINDOW))
    for index in range(len(tokens) - 1):
        if tokens[index].lower == "according" and tokens[index + 1].lower == "to":
            found = np_after(tokens, index + 2, allow_by=True)
            if found is not None:
                return Attribution((tokens[found[0]].start, tokens[found[1]].end),
                                    (tokens[index].start, tokens[index + 1].end), 0.7, sieve="according")
    return None


def _feature_paragraph(ctx: Context, span: QuoteSpan, previous: list[Token]) -> Attribution | None:
    """The subject of the sentence ``previous`` (a paragraph's last) for a quotation paragraph after it."""
    if span.close_pos is None or ctx.line_start(span.open_pos) != span.open_pos:
        return None
    if any(token.is_word for token in ctx.tokens(span.close_pos + 1, ctx.sentence(span.close_pos).end)):
        return None  # words after the quote: a tag of its own, or the reporter's sentence
    found = np_after(previous, 0)
    if found is None or found[1] + 1 >= len(previous):
        return None
    verb_at = found[1] + 1
    if previous[verb_at].text == ",":
        # "Its owner, Victor Roe, bought it in 2003.": the name in apposition.
        named = np_after(previous, verb_at + 1)
        if named is None or named[1] + 2 >= len(previous) or previous[named[1] + 1].text != "," \
                or not is_name(previous[named[1]]):
            return None
        found, verb_at = named, named[1] + 2
    verb = previous[verb_at]
    head = previous[found[1]]
    if not verb.is_word or not verb.text.islower() or verb.lower in STOP:
        return None
    if head.lower in PERSON_PRONOUNS or (is_name(head) and head.lower not in SUBJECT_PRONOUNS):
        return Attribution((previous[found[0]].start, head.end), None, FEATURE_PARAGRAPH, sieve="colon")
    return None
