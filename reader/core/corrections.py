"""A person's corrections to the analysis, and how they are applied to every later analysis.

Pure data and pure functions (no storage): ``reader.store`` keeps the corrections in SQLite,
the pipeline calls :func:`apply_corrections` on each fresh Analysis.

Every correction has a scope. ``article=None`` is global: it acts in every article where its
name occurs (a user gazetteer and stoplist). ``article=<key>`` acts only in the article whose
:func:`article_key` (sha256 of the text) is that key, so the offsets it carries stay valid: a
different text is a different article.

Corrections name entities by name, not by id: ids are made per analysis and a global
correction must find "the same" entity in an article it has never seen. Names are compared
after :func:`normalise_name` (case, spacing, Unicode forms and curly apostrophes ignored).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field, fields, replace
from typing import Any, TypeAlias

from .entity_ids import new_entity_id
from .errors import ReaderError
from .model import Analysis, Article, Entity, Mention, Quote, Speaker


class CorrectionError(ReaderError, ValueError):
    """A correction that cannot be valid in any article (bad span, empty name, unknown kind)."""


_KEY = re.compile(r"[0-9a-f]{64}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def article_key(article: Article) -> str:
    """The key of per-article corrections: sha256 of the text, so a changed text gets none of them."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def normalise_name(name: str) -> str:
    """The form names are compared in, here and in the library's entity index."""
    return " ".join(unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold().split())


# ------------------------------------------------------------------ the kinds


def _check_name(value: str | None, what: str) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise CorrectionError(f"A correction's {what} must be a non-empty text.")


def _check_label(value: str | None, what: str) -> None:
    _check_name(value, what)
    if value is not None and value != value.strip():
        raise CorrectionError(f"A correction's {what} must not start or end with spaces.")


def _check_scope(article: str | None, required: bool) -> None:
    if article is None:
        if required:
            raise CorrectionError("A correction that carries text offsets must name its article.")
    elif not isinstance(article, str) or not _KEY.fullmatch(article):
        raise CorrectionError("A correction's article must be the sha256 of the article's text (64 hex digits).")


def _check_span(start: int | None, end: int | None, what: str = "span") -> None:
    if (start is None) != (end is None):
        raise CorrectionError(f"A correction's {what} needs both a start and an end.")
    if start is not None and end is not None:
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) \
                or isinstance(end, bool) or not 0 <= start < end:
            raise CorrectionError(f"A correction's {what} must be two offsets with 0 <= start < end.")


@dataclass(frozen=True)
class RetypeEntity:
    """The entity called ``name`` (with label ``label_from``, when given) has label ``label_to``."""

    name: str
    label_to: str
    _: KW_ONLY
    label_from: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "entity name")
        _check_label(self.label_to, "new label")
        _check_label(self.label_from, "old label")
        _check_scope(self.article, required=False)


@dataclass(frozen=True)
class RenameEntity:
    """The entity called ``name`` is shown as ``new_name``; if one is called that already, they join."""

    name: str
    new_name: str
    _: KW_ONLY
    label: str | None = None
    article: str | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "entity name")
        _check_name(self.new_name, "new name")
        _check_label(self.label, "label")
        _check_scope(self.article, required=False)


@dataclass(frozen=True)
class MergeEntities:
    """Entity ``b`` is the same as entity ``a``: its mentions join ``a``, which keeps its id, name and label."""

    a: str
    b: str
    _: KW_ONLY
    article: str | None = None

    def __post_init__(self) -> None:
        _check_name(self.a, "first entity")
        _check_name(self.b, "second entity")
        if normalise_name(self.a) == normalise_name(self.b):
            raise CorrectionError("An entity cannot be merged with itself.")
        _check_scope(self.article, required=False)


@dataclass(frozen=True)
class SplitMention:
    """The mention at ``start``..``end`` is an entity of its own (with ``label``, or its old one).
    ``text``, the mention's words, is for people (the Corrections dialog), not for applying."""

    article: str
    start: int
    end: int
    _: KW_ONLY
    label: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        _check_scope(self.article, required=True)
        _check_span(self.start, self.end, "mention")
        _check_label(self.label, "label")
        _check_name(self.text, "text")


@dataclass(frozen=True)
class NotAnEntity:
    """Not an entity: every entity called ``name`` and every mention reading ``name`` (limited to
    ``label`` when given), or, given a span, only the mention at ``start``..``end`` of one article
    (``name`` then just says what it read, for people)."""

    name: str | None = None
    _: KW_ONLY
    label: str | None = None
    article: str | None = None
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "name")
        _check_label(self.label, "label")
        _check_span(self.start, self.end)
        if self.name is None and self.start is None:
            raise CorrectionError("“Not an entity” needs a name or a span.")
        _check_scope(self.article, required=self.start is not None)


@dataclass(frozen=True)
class NewEntity:
    """``name`` is an entity with ``label``: at ``start``..``end`` of one article, or else wherever
    it occurs as a whole word (in one article, or in all of them: the user gazetteer)."""

    name: str
    label: str
    _: KW_ONLY
    article: str | None = None
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        _check_name(self.name, "name")
        _check_label(self.label, "label")
        _check_span(self.start, self.end)
        _check_scope(self.article, required=self.start is not None)


@dataclass(frozen=True)
class SetSpeaker:
    """The quote at ``start``..``end`` was said by ``speaker`` (an entity's name or any text), or
    by nobody known (``None``). ``speaker_start``/``speaker_end`` point at the name in the text,
    when the person selected it there. ``text``, the quote's words, is for people, not for applying."""

    article: str
    start: int
    end: int
    speaker: str | None
    _: KW_ONLY
    speaker_start: int | None = None
    speaker_end: int | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        _check_scope(self.article, required=True)
        _check_span(self.start, self.end, "quote")
        _check_name(self.speaker, "speaker")
        _check_name(self.text, "text")
        _check_span(self.speaker_start, self.speaker_end, "speaker span")
        if self.speaker is None and self.speaker_start is not None:
            raise CorrectionError("A cleared speaker cannot have a span.")


Correction: TypeAlias = (RetypeEntity | RenameEntity | MergeEntities | SplitMention | NotAnEntity | NewEntity
                          | SetSpeaker)

# The names in the JSON form; stable (stored in users' databases and export files).
KINDS: Mapping[str, type[Correction]] = {
    "retype": RetypeEntity, "rename": RenameEntity, "merge": MergeEntities, "split": SplitMention,
    "not-entity": NotAnEntity, "new-entity": NewEntity, "speaker": SetSpeaker,
}
_KIND_OF: Mapping[type[Correction], str] = {cls: kind for kind, cls in KINDS.items()}


def kind_of(correction: Correction) -> str:
    return _KIND_OF[type(correction)]


def correction_to_dict(correction: Correction) -> dict[str, Any]:
    """The JSON form: ``{"kind": ..., field: value, ...}``, every field present (None as null)."""
    data: dict[str, Any] = {"kind": kind_of(correction)}
    for item in fields(correction):
        data[item.name] = getattr(correction, item.name)
    return data


def correction_from_dict(data: object) -> Correction:
    """The inverse of :func:`correction_to_dict`; a CorrectionError says what is wrong, in one sentence."""
    if not isinstance(data, dict):
        raise CorrectionError("A correction must be a JSON object.")
    kind = data.get("kind")
    cls = KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise CorrectionError(f"Unknown kind of correction: {kind!r}.")
    known = {item.name for item in fields(cls)}
    unknown = sorted(set(data) - known - {"kind"})
    if unknown:
        raise CorrectionError(f"A “{kind}” correction has unknown fields: {', '.join(unknown)}.")
    values = {name: value for name, value in data.items() if name != "kind"}
    for name, value in values.items():
        if (value is not None and not isinstance(value, str | int)) or isinstance(value, bool):
            raise CorrectionError(f"A “{kind}” correction's {name} must be a text, a number or null.")
    try:
        return cls(**values)
    except TypeError as error:  # a required field is missing
        raise CorrectionError(f"A “{kind}” correction is incomplete ({error}).") from None


def describe(correction: Correction, article_title: str | None = None) -> str:
    """One line for a person (the Corrections dialog's list); ``article_title`` names the article
    of a per-article correction."""
    if correction.article is None:
        where = "in every article"
    else:
        where = f"in “{_shorten(article_title)}”" if article_title else "in one article"
    match correction:
        case RetypeEntity():
            label_from = f" ({correction.label_from})" if correction.label_from else ""
            return f"“{correction.name}”{label_from} is {correction.label_to}, {where}"
        case RenameEntity():
            return f"“{correction.name}” is called “{correction.new_name}”, {where}"
        case MergeEntities():
            return f"“{correction.b}” is the same as “{correction.a}”, {where}"
        case SplitMention():
            what = f"“{_shorten(correction.text)}” at" if correction.text else "The mention at"
            return f"{what} {correction.start}–{correction.end} is an entity of its own, {where}"
        case NotAnEntity():
            if correction.start is None:
                return f"“{correction.name}” is not an entity, {where}"
            what = f"“{_shorten(correction.name)}” at" if correction.name else "The text at"
            return f"{what} {correction.start}–{correction.end} is not an entity, {where}"
        case NewEntity():
            at = "" if correction.start is None else f" at {correction.start}–{correction.end}"
            return f"“{correction.name}”{at} is {correction.label}, {where}"
        case SetSpeaker():
            who = f"“{correction.speaker}”" if correction.speaker else "nobody known"
            quote = f"“{_shorten(correction.text)}”" if correction.text else \
                f"The quote at {correction.start}–{correction.end}"
            return f"{quote} was said by {who}, {where}"


def _shorten(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# ------------------------------------------------------------------ applying them


def apply_corrections(analysis: Analysis, corrections: Sequence[Correction]) -> Analysis:
    """``analysis`` with the corrections that concern its article applied: a new Analysis, or the
    same object when none concern it.

    Global corrections apply first, then this article's own (they override the gazetteer), each
    group in the given order (the order they were made in: a later one wins). A correction that
    finds nothing to act on (a name absent from this article, a quote no longer found) does
    nothing. Entities keep their ids; new ones get ids of the builder's form ("person-jane-doe"),
    never one the analysis used. Offsets are only ever taken from the article's text.
    """
    if not corrections:
        return analysis
    key = article_key(analysis.article)
    relevant = [c for c in corrections if c.article is None] + [c for c in corrections if c.article == key]
    if not relevant:
        return analysis
    work = _Work(analysis)
    for correction in relevant:
        _APPLY[type(correction)](work, correction)
    return work.result()


def correct_entities(article: Article, entities: Sequence[Entity],
                     corrections: Sequence[Correction]) -> tuple[Entity, ...]:
    """The entity corrections (all kinds but SetSpeaker) applied to freshly built entities, for the
    pipeline to call before quotes are attributed: the quote finder then resolves speakers to the
    corrected entities. Apply the speakers' corrections afterwards with ``speaker_corrections``."""
    entity_kinds = [c for c in corrections if not isinstance(c, SetSpeaker)]
    bare = Analysis(article=article, sentences=(), entities=tuple(entities), quotes=(), links=(), recogniser="")
    return apply_corrections(bare, entity_kinds).entities


def speaker_corrections(corrections: Sequence[Correction]) -> list[SetSpeaker]:
    return [c for c in corrections if isinstance(c, SetSpeaker)]


@dataclass(eq=False)
class _Draft:
    """An entity being corrected."""

    id: str
    name: str
    label: str
    aliases: list[str]
    spans: set[tuple[int, int]]
    original: Entity | None = None  # returned as is when nothing touched it
    changed: bool = False
    user_named: bool = False  # a rename sticks even when the mentions it was named after leave
    lost: set[str] = field(default_factory=set)  # surfaces of mentions taken away from it


class _Work:
    """The analysis' entities and quotes in a mutable form, with an index of mention spans."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.drafts: dict[str, _Draft] = {}
        self.owner: dict[tuple[int, int], str] = {}  # mention span -> entity id
        self.spans: list[tuple[int, int]] = []  # the same spans, sorted, for overlap queries
        self.longest = 0
        self.used_ids: set[str] = set()
        self.merged_into: dict[str, str] = {}  # entity id -> the id it joined
        self.quotes: list[Quote] = list(analysis.quotes)
        for entity in analysis.entities:
            draft = _Draft(entity.id, entity.name, entity.label, list(entity.aliases), set(), original=entity)
            self.drafts[entity.id] = draft
            self.used_ids.add(entity.id)
            for mention in entity.mentions:
                span = (mention.start, mention.end)
                if span not in self.owner:  # mentions never share a span; if they did, the first keeps it
                    self.owner[span] = draft.id
                    draft.spans.add(span)
        self.spans = sorted(self.owner)
        self.longest = max((end - start for start, end in self.spans), default=0)

    # -- mention index

    def _own(self, span: tuple[int, int], draft: _Draft) -> None:
        if span in self.owner:  # mentions never share a span; a second claim takes it over
            self.disown(span)
        self.owner[span] = draft.id
        draft.spans.add(span)
        bisect.insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def own(self, span: tuple[int, int], draft: _Draft) -> None:
        self._own(span, draft)
        draft.changed = True

    def disown(self, span: tuple[int, int]) -> None:
        entity_id = self.owner.pop(span)
        draft = self.drafts[entity_id]
        draft.spans.discard(span)
        draft.lost.add(self.surface(span))
        draft.changed = True
        del self.spans[bisect.bisect_left(self.spans, span)]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        found = []
        index = bisect.bisect_left(self.spans, (start - self.longest, 0))
        while index < len(self.spans) and self.spans[index][0] < end:
            span = self.spans[index]
            if span[1] > start:
                found.append(span)
            index += 1
        return found

    # -- entities

    def find(self, name: str, label: str | None = None) -> list[_Draft]:
        """Entities called ``name``; failing that, entities with ``name`` among their aliases."""
        wanted = normalise_name(name)
        candidates = [d for d in self.drafts.values() if d.spans and (label is None or d.label == label)]
        by_name = [d for d in candidates if normalise_name(d.name) == wanted]
        return by_name or [d for d in candidates if any(normalise_name(a) == wanted for a in d.aliases)]

    def new_draft(self, name: str, label: str) -> _Draft:
        draft = _Draft(new_entity_id(label, name, self.used_ids), name, label, [], set(),
                       changed=True)
        self.drafts[draft.id] = draft
        return draft

    def twin(self, draft: _Draft) -> _Draft | None:
        """Another entity with the same name and label (after a retype or rename: they are one)."""
        wanted = normalise_name(draft.name)
        for other in self.drafts.values():
            if other is not draft and other.spans and other.label == draft.label \
                    and normalise_name(other.name) == wanted:
                return other
        return None

    def merge(self, target: _Draft, source: _Draft) -> None:
        for span in sorted(source.spans):
            self.own(span, target)
        target.aliases.extend(a for a in source.aliases if a not in target.aliases)
        target.changed = True
        self.merged_into[source.id] = target.id
        del self.drafts[source.id]

    def join_twin(self, draft: _Draft) -> None:
        twin = self.twin(draft)
        if twin is not None:
            self.merge(twin, draft)  # the entity that already had the name keeps its id

    def surface(self, span: tuple[int, int]) -> str:
        return self.text[span[0]:span[1]]

    # -- the result

    def result(self) -> Analysis:
        entities = [self._entity(d) for d in self.drafts.values() if d.spans]
        entities.sort(key=lambda e: e.mentions[0].start)  # the builder's order: by first mention
        quotes = tuple(self._speaker_entity(q) for q in self.quotes)
        return replace(self.analysis, entities=tuple(entities), quotes=quotes)

    def _entity(self, draft: _Draft) -> Entity:
        if not draft.changed and draft.original is not None:
            return draft.original
        spans = sorted(draft.spans)
        surfaces = [self.surface(s) for s in spans]
        if not draft.user_named and normalise_name(draft.name) not in {normalise_name(s) for s in surfaces}:
            # Its name left with a mention (split off, not an entity): name it as the builder would.
            draft.name = max(surfaces, key=lambda s: (len(s.split()), len(s)))
        # An alias goes with the last mention that reads it ("Jane Doe", and "President Jane Doe" with
        # it); the others stay ("President Doe" while a "Doe" remains).
        gone = draft.lost - set(surfaces)
        aliases = [a for a in draft.aliases if not any(a == g or a.endswith(" " + g) for g in gone)]
        aliases.extend(s for s in dict.fromkeys(surfaces) if s not in aliases)
        return Entity(id=draft.id, name=draft.name, label=draft.label, aliases=tuple(aliases),
                      mentions=tuple(Mention(s[0], s[1], self.surface(s), draft.label, draft.id) for s in spans))

    def _speaker_entity(self, quote: Quote) -> Quote:
        """The speaker's entity id after the corrections: the entity now owning the speaker's span,
        else the one its old entity joined, else none (the entity is gone)."""
        speaker = quote.speaker
        if speaker is None:
            return quote
        entity_id: str | None = None
        if speaker.start is not None and speaker.end is not None and (speaker.start, speaker.end) in self.owner:
            entity_id = self.owner[(speaker.start, speaker.end)]
        elif speaker.entity_id is not None:
            entity_id = speaker.entity_id
            while entity_id in self.merged_into:
                entity_id = self.merged_into[entity_id]
            if entity_id not in self.drafts or not self.drafts[entity_id].spans:
                entity_id = None
        if entity_id == speaker.entity_id:
            return quote
        return replace(quote, speaker=replace(speaker, entity_id=entity_id))


def _retype(work: _Work, correction: RetypeEntity) -> None:
    for draft in work.find(correction.name, correction.label_from):
        if draft.label != correction.label_to:
            draft.label = correction.label_to
            draft.changed = True
            work.join_twin(draft)


def _rename(work: _Work, correction: RenameEntity) -> None:
    for draft in work.find(correction.name, correction.label):
        draft.name = correction.new_name
        draft.user_named = draft.changed = True
        work.join_twin(draft)


def _merge(work: _Work, correction: MergeEntities) -> None:
    targets, sources = work.find(correction.a), work.find(correction.b)
    if targets:
        for source in sources:
            if source is not targets[0] and source.id in work.drafts:
                work.merge(targets[0], source)


def _split(work: _Work, correction: SplitMention) -> None:
    span = (correction.start, correction.end)
    entity_id = work.owner.get(span)
    if entity_id is None:
        return
    old = work.drafts[entity_id]
    label = correction.label or old.label
    if len(old.spans) == 1 and label == old.label:
        return  # alone already
    work.own(span, work.new_draft(work.surface(span), label))


def _not_an_entity(work: _Work, correction: NotAnEntity) -> None:
    if correction.start is not None and correction.end is not None:
        for span in work.overlapping(correction.start, correction.end):
            if correction.start <= span[0] and span[1] <= correction.end:
                work.disown(span)
        return
    if correction.name is None:
        return
    wanted = normalise_name(correction.name)
    for draft in list(work.drafts.values()):
        if correction.label is not None and draft.label != correction.label:
            continue
        if normalise_name(draft.name) == wanted:
            spans = list(draft.spans)
        else:
            spans = [s for s in draft.spans if normalise_name(work.surface(s)) == wanted]
        for span in spans:
            work.disown(span)


def _new_entity(work: _Work, correction: NewEntity) -> None:
    text = work.text
    if correction.start is not None and correction.end is not None:
        start, end = correction.start, correction.end
        if end > len(text) or not text[start:end].strip():
            return
        # A selection dragged over a space or a line break: the mention is the words only.
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end -= len(text[start:end]) - len(text[start:end].rstrip())
        occurrences = [(start, end)]
        chosen = True
    else:
        occurrences = list(_occurrences(text, correction.name))
        chosen = False
    target: _Draft | None = None
    for start, end in occurrences:
        overlapping = work.overlapping(start, end)
        # A gazetteer name inside a longer mention is part of another name ("Assad" in "Bashar Al
        # Assad"); a span the person selected wins over whatever was there.
        if not chosen and any(s[0] <= start and end <= s[1] and s != (start, end) for s in overlapping):
            continue
        if target is None:
            target = _named(work, correction.name, correction.label)
        for span in overlapping:
            if work.owner[span] != target.id or span != (start, end):
                work.disown(span)
        if (start, end) not in work.owner:
            work.own((start, end), target)


def _named(work: _Work, name: str, label: str) -> _Draft:
    wanted = normalise_name(name)
    for draft in work.drafts.values():
        if draft.label == label and normalise_name(draft.name) == wanted:
            return draft
    return work.new_draft(name, label)


def _occurrences(text: str, name: str) -> Iterable[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences ("May" the person, not "may"); any run of spaces
    or a line break matches a space."""
    pattern = r"\s+".join(re.escape(word) for word in name.split())
    # The word boundary before is checked here, not with a look-behind: a pattern that starts with
    # its literal text lets the regex engine skip ahead to candidates (about 20 times faster).
    regex = re.compile(rf"{pattern}(?!\w)")
    match = regex.search(text)
    while match is not None:
        start = match.start()
        if start == 0 or not _WORD.match(text, start - 1):
            yield match.span()
            match = regex.search(text, match.end())
        else:  # inside a word: a whole-word match may still begin within this one ("xAb Ab Ab")
            match = regex.search(text, start + 1)


_WORD = re.compile(r"\w")


def _set_speaker(work: _Work, correction: SetSpeaker) -> None:
    for index, quote in enumerate(work.quotes):
        if (quote.start, quote.end) == (correction.start, correction.end):
            work.quotes[index] = replace(quote, speaker=_speaker(work, quote, correction))
            return


def _speaker(work: _Work, quote: Quote, correction: SetSpeaker) -> Speaker | None:
    if correction.speaker is None:
        return None
    start, end = correction.speaker_start, correction.speaker_end
    if start is not None and end is not None and end <= len(work.text):
        span = (start, end)
        owner = work.owner.get(span)
        if owner is None:
            found = work.find(correction.speaker)
            owner = found[0].id if found else None
        return Speaker(work.surface(span), start, end, owner)
    found = work.find(correction.speaker)
    # Point at the name where it is written nearest the quote, so the window can show it.
    candidates = sorted(found[0].spans) if found else list(_occurrences(work.text, correction.speaker))
    if not candidates:
        return Speaker(correction.speaker, None, None, None)
    span = min(candidates, key=lambda s: (_distance(s, quote), s[0]))
    return Speaker(work.surface(span), span[0], span[1], found[0].id if found else None)


def _distance(span: tuple[int, int], quote: Quote) -> int:
    if span[1] <= quote.start:
        return quote.start - span[1]
    return max(0, span[0] - quote.end)


_APPLY: Mapping[type[Any], Callable[[_Work, Any], None]] = {
    RetypeEntity: _retype, RenameEntity: _rename, MergeEntities: _merge, SplitMention: _split,
    NotAnEntity: _not_an_entity, NewEntity: _new_entity, SetSpeaker: _set_speaker,
}


__all__ = [
    "KINDS", "Correction", "CorrectionError", "MergeEntities", "NewEntity", "NotAnEntity", "RenameEntity",
    "RetypeEntity", "SetSpeaker", "SplitMention", "apply_corrections", "article_key", "correct_entities",
    "correction_from_dict", "correction_to_dict", "describe", "kind_of", "normalise_name", "speaker_corrections",
]
