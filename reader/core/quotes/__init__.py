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
   runs on for more than ``MAX_SEGMENT`` characters without a paragraph or closing mark. The scanner's
   span is the whole quotation (attribution looks at it whole); ``find_quotes`` reports a continued one
   as one quote per paragraph, each with the whole's speaker.

2. ``find_quotes`` attributes each quote with an ordered sieve, most precise first:

   ====  ============================================================  ==========
   step  pattern                                                       confidence
   ====  ============================================================  ==========
   T     naming verb right before: some analysts call “…”, the         0.85, or
         so-called “…”, an area dubbed “…” - a ``term``                0.0 if nobody
   J     judging verb + "as": X dismissed the report as “nonsense”     0.85
         (and a naming verb with a particular subject: a partial quote)
   T'    "titled"/"entitled", or a work noun before a Title Cased      0.0
         quote: the book “The Art of War” - a ``title``
   1     “…,” X said / “…,” said X right after the closing mark        0.95
   2     X said (that) … “…” - a cue earlier in the same sentence      0.9 near,
         (also "X said:" ending the previous paragraph, and            0.8 far
         "quoted X as saying")
   2'    no verb: "Name: “…”" filling a headline or transcript line    0.6
         (also "She was brief: “…”", "She laughs. “…”"; a quotation     0.55
         paragraph after a paragraph ending in a sentence about one
         person is theirs, as a guess)
   3     a cue later in the same sentence: “…” …, X said.              0.7
   4     "according to X" in the same sentence                         0.7
   C     credit line: “…” (new line) — Name, Outlet; Name, job: “…”    0.9
   P     the parse (``parse`` given): subject of the speech verb       0.75
         governing the quote, for quotes rules 2 far, 3 or 6 leave
   5     no cue: inherit the previous quote's speaker when that quote  0.7, 0.55
         ended at most two sentences back and no cue sits in between   across a
                                                                       paragraph
   6     nobody: speaker None (said so, not guessed)                   0.0
   R     then, for a quote with no cue (or a "Label:" naming nobody    0.7
         known): the speaker of the same words where a cue gives them
         (a headline, a sub-heading or a pull quote repeated in the
         article)
   ====  ============================================================  ==========

   The naming check runs first although it is the fifth rule of the design: it only fires
   on the tight local shape "call [object] “…”", and when it does, the quote is somebody's
   label, not the words of the sentence's reporting verb ("X said the area, which analysts
   call “useful Syria”, was lost" is the analysts' term, not X's words).

   After a naming or describing verb the phrase's form decides: a capitalised coinage ("FlexaCore") is a
   ``term``; three words or more not opening with "the" are somebody's speech (``partial``: "called the
   fund “a leaky bucket”", "what they call “double loops from nowhere”"); a lone lower-case word before a
   noun (Supermarket “heritage” rolls) is a ``term`` unless a reporting verb before it governs it.

   The kind: ``term`` and ``title`` come from the patterns above. Otherwise a quote is
   ``full`` when it is clause-sized (``FULL_MIN_WORDS`` words or more), or reads as a
   sentence of its own (opens its sentence with a capital, follows a colon, or is
   capitalised and ends in . ! ?); a shorter fragment is ``partial`` when someone said it
   and ``term`` (a scare quote) when nobody did. Word count, capitals, position and the cue
   are all the evidence used; on news prose "fierce battles." embedded in the reporter's
   sentence is partial, "to preserve the lives of civilians" is full.

   The confidence is then multiplied by how sure the speaker -> entity mapping is (1.0 for a name in the
   phrase, less for a pronoun, a role, a spokesperson; see ``speakers``). Below
   ``reader.core.model.LOW_CONFIDENCE`` the speaker is a guess, and ``Quote.speaker_uncertain`` says so.

3. The speaker's noun phrase is mapped to an entity: a PERSON mention inside it wins
   ("Hezbollah leader Naim Qassem" -> Naim Qassem), then an ORG/GPE/NORP mention covering
   its head word; a name with no mention there is matched on its last word against the
   entities' names; "the army" takes the most recent entity whose name ends in "army";
   "the group"-style heads and pronouns take the most recent compatible speaker (It/They:
   not a person; He/She: a person), then the most recent compatible mention a few sentences
   back. An indefinite or unknown speaker ("some analysts") keeps ``entity_id=None``.

Everything works on offsets into the text; nothing here knows about any particular article.

The modules, one stage each: ``scan`` (1), ``phrases`` (tokens, reporting verbs, noun phrases),
``context`` (sentences and tokens outside quotations), ``attribution`` (2), ``speakers`` (3);
this one runs them (``find_quotes``). Their words come from ``reader.core.lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..lexicon.function_words import SUBJECTLESS_BEFORE
from ..lexicon.reporting import REPORTING_FORMS, TEXT_PRONOUNS, TEXT_SUBJECT_VERBS
from ..model import Entity, Parse, Quote, Span, Speaker
from .attribution import WINDOW, Attribution, attribute
from .context import Context
from .parsed import layouts_for, speaker_from_parse
from .phrases import Token, cue_at
from .scan import CONTINUATION_MARKS, MAX_SEGMENT, QuoteSpan, scan_quotes
from .speakers import PRONOUN_LOOKBACK, Resolver

__all__ = ["FULL_MIN_WORDS", "INHERIT_SENTENCES", "MAX_SEGMENT", "PRONOUN_LOOKBACK", "WINDOW", "QuoteSpan",
           "find_quotes", "scan_quotes"]

FULL_MIN_WORDS = 4  # a quote this long is a clause someone spoke, not a borrowed word or two
INHERIT_SENTENCES = 2  # how far back an uncued quote may look for the previous quote's speaker
SAME_SENTENCE = 0.8  # an uncued quote in the sentence of an attributed one
INHERIT = 0.7  # an uncued quote right after a speaker's quote in the same paragraph
INHERIT_PARAGRAPH = 0.55  # the same, across a paragraph break: below LOW_CONFIDENCE, said to be a guess
BEFORE_NEAR = 0.9  # the confidence of a cue right before the quote; below it the parse is asked too
PARSED = 0.75  # the subject of the speech verb that governs the quote, from the parse
REPEATED_MIN_WORDS = 2  # words a quote needs before its repetition elsewhere may lend it a speaker
_NO_CUE = ("none", "colon")  # sieves that found no reporting verb for the quote
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def find_quotes(text: str, sentences: Sequence[Span], entities: Sequence[Entity], *,
                inherit: bool = True, parse: Parse | None = None) -> list[Quote]:
    """Quotations in ``text`` with kind, speaker, cue and confidence. Never raises on odd input.

    ``parse`` (a recogniser's dependency parser, when it has one) is asked about the sentences of the
    quotes the rules attribute weakly or not at all, in one call.
    """
    spans = scan_quotes(text)
    if not spans:
        return []
    ctx = Context(text, sentences, spans)
    attributions = [attribute(ctx, number) for number in range(len(spans))]
    if parse is not None:
        _use_parse(ctx, attributions, parse)
    resolver = Resolver(text, entities, ctx)
    quotes: list[Quote] = []
    previous_speaker: Speaker | None = None
    previous_end_sentence = -10
    previous_end = 0
    for number, span in enumerate(spans):
        attribution = attributions[number]
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
            entity_id = None if _text_pronoun(text[start:end], cue) else resolver.resolve(start, end)
            speaker = Speaker(text[start:end], start, end, entity_id)
            confidence = round(confidence * resolver.certainty, 2)
            if entity_id is not None:
                resolver.speakers.append((start, entity_id))
            else:
                # "A spokesperson for the Treasury" is nobody we know, but a later "It" is the Treasury.
                voice = resolver.organisation_in(start, end)
                if voice is not None:
                    resolver.speakers.append((start, voice))
        kind = attribution.kind
        if kind is None:
            same_sentence = ctx.sentence_index(span.open_pos) == previous_end_sentence
            if (words >= FULL_MIN_WORDS or opens_sentence) and attribution.sieve == "none" and inherit \
                    and previous_speaker is not None \
                    and ctx.sentence_index(span.open_pos) - previous_end_sentence <= INHERIT_SENTENCES \
                    and (same_sentence or not _cue_between(ctx, previous_end, span.open_pos)):
                # No cue of its own: the same voice goes on (“…,” she said. “…”), less surely in a new paragraph.
                # In one sentence, one speaker: a cue between with no subject of its own ("“…,” said X, going on
                # to praise the squad: “…”") is still X's.
                speaker = previous_speaker
                confidence = INHERIT_PARAGRAPH if "\n" in text[previous_end:span.open_pos] else (
                    SAME_SENTENCE if same_sentence else INHERIT)
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
    return [replace(quote, start=start, end=end, text=text[start:end])
            for quote, span in zip(_repeated(quotes, attributions), spans, strict=True)
            for start, end in _paragraph_parts(text, span)]


def _paragraph_parts(text: str, span: QuoteSpan) -> list[tuple[int, int]]:
    """A quotation that runs on into the next paragraph (no closing mark, the next paragraph opening with one)
    is one quote per paragraph: each part ends at its paragraph's last character, whole words, and the next
    starts after its own opening mark. Attribution was made for the whole, so every part has its speaker."""
    parts = []
    start = span.start
    while True:
        newline = text.find("\n", start, span.end)
        if newline < 0:
            parts.append((start, span.end))
            return parts
        end = newline
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            parts.append((start, end))
        start = newline + 1
        while start < span.end and text[start].isspace():
            start += 1
        if start < span.end and text[start] in CONTINUATION_MARKS:
            start += 1
        while start < span.end and text[start].isspace():
            start += 1
        if start >= span.end:
            return parts


def _text_pronoun(speaker: str, cue: str | None) -> bool:
    """"It read: “…”": the pronoun is the sign or the letter, not a speaker to look for."""
    return cue is not None and REPORTING_FORMS.get(cue.lower()) in TEXT_SUBJECT_VERBS \
        and speaker.lower() in TEXT_PRONOUNS


def _said_again_key(words: str) -> str:
    return " ".join(_WORD.findall(words.casefold()))


def _repeated(quotes: list[Quote], attributions: list[Attribution]) -> list[Quote]:
    """A headline, a sub-heading or a pull quote repeats words the article attributes elsewhere ("Traders:
    ‘We will not be moved’" ... “We will not be moved,” said Ann Roe): a quote with no cue of its own, or only a
    "Label:" that names nobody we know, takes the speaker of the same words where a cue gives them."""
    attributed: dict[str, Quote] = {}
    for quote, attribution in zip(quotes, attributions, strict=True):
        key = _said_again_key(quote.text)
        if attribution.sieve not in _NO_CUE and quote.speaker is not None and quote.speaker.entity_id is not None \
                and len(key.split()) >= REPEATED_MIN_WORDS:
            attributed.setdefault(key, quote)
    if not attributed:
        return quotes
    result = []
    for quote, attribution in zip(quotes, attributions, strict=True):
        source = attributed.get(_said_again_key(quote.text))
        if source is not None and source is not quote and attribution.sieve in _NO_CUE and attribution.kind is None \
                and (quote.speaker is None or quote.speaker.entity_id is None or attribution.sieve == "none"):
            kind = "full" if quote.kind == "full" else "partial"
            quote = replace(quote, speaker=source.speaker, kind=kind, confidence=INHERIT, cue=None, cue_start=None,
                            cue_end=None)
        result.append(quote)
    return result


def _weak(attribution: Attribution) -> bool:
    """No speaker, or only from the sieve's weak rules: a cue far before, or later in the sentence."""
    if attribution.kind is not None:
        return False  # a term or a title: the naming rules are sure of that
    return attribution.speaker is None or attribution.sieve == "later" or (
        attribution.sieve == "before" and attribution.confidence < BEFORE_NEAR)


def _use_parse(ctx: Context, attributions: list[Attribution], parse: Parse) -> None:
    wanted = [number for number, attribution in enumerate(attributions) if _weak(attribution)]
    layouts = layouts_for(ctx, wanted)
    if not layouts:
        return
    unique = list({id(layout): layout for layout in layouts.values()}.values())
    try:
        parsed = parse([layout.text for layout in unique])
    except Exception:  # noqa: BLE001 - a parser that fails leaves the rules' answers; quotes never fail on it
        return
    if len(parsed) != len(unique):
        return
    by_layout = {id(layout): result for layout, result in zip(unique, parsed, strict=True)}
    for number, layout in layouts.items():
        found = speaker_from_parse(layout, by_layout[id(layout)], number)
        if found is not None:
            attributions[number] = Attribution(found.speaker, found.cue, PARSED, sieve="parse")


def _opens_sentence(ctx: Context, span: QuoteSpan) -> bool:
    return ctx.text[span.start:span.start + 1].isupper() and not ctx.alnum_before(span.open_pos)


def _cue_between(ctx: Context, start: int, end: int) -> bool:
    """Is there a reporting verb outside quotations between two quotes? Then a new voice may speak."""
    if end - start > 4 * WINDOW:
        return True
    tokens = ctx.tokens(start, end)
    return any(cue_at(tokens, index) is not None and not _subjectless(ctx, tokens, index)
               for index in range(len(tokens)))


def _subjectless(ctx: Context, tokens: list[Token], index: int) -> bool:
    """A participle with no subject of its own ("Speaking of the deal,", ", adding:", "going on to"): the
    speaker so far goes on, so it is no new voice."""
    token = tokens[index]
    if not token.lower.endswith("ing"):
        return False
    previous = tokens[index - 1] if index > 0 else None
    return previous is None or previous.text in ",;:—–" or previous.lower in SUBJECTLESS_BEFORE \
        or ctx.sentence(token.start).start == token.start
