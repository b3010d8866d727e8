"""The core's data: immutable values that flow one way, file -> Article -> Analysis -> views.

Offsets are Python string indices into ``Article.text``, end exclusive. Nothing here
imports Qt or does work; the stages that build these objects live in sibling modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Block(Span):
    """A block of the article's text: a paragraph, heading, list item, quote block or preformatted text."""

    kind: str = "p"  # "p", "h1".."h6", "li", "blockquote", "pre"


@dataclass(frozen=True, slots=True)
class LinkSpan(Span):
    """An <a href> as found in the source: where its text sits and the raw href, unresolved."""

    href: str
    title: str | None = None


@dataclass(frozen=True)
class Metadata:
    """What the page says about itself, when it says it."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None
    page_url: str | None = None  # where the page was fetched from, or saved from (browsers note it)


@dataclass(frozen=True)
class Article:
    """A loaded document: its plain text and the structure found in the source."""

    source: str
    text: str
    blocks: tuple[Block, ...] = ()
    links: tuple[LinkSpan, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    base_url: str | None = None  # what relative links resolve against
    format: str = "text"  # "html", "text", "markdown"
    encoding: str | None = None
    notices: tuple[str, ...] = ()  # things the reader should be told (encoding guessed, content extracted, ...)

    @property
    def title(self) -> str | None:
        return self.metadata.title


@dataclass(frozen=True, slots=True)
class RawMention(Span):
    """A recogniser's proposal, before clean-up and clustering."""

    label: str
    source: str = "model"  # "model", "gazetteer", "rule"


@dataclass(frozen=True, slots=True)
class Mention(Span):
    text: str
    label: str
    entity_id: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int | None
    end: int | None
    entity_id: str | None


# Below this confidence a quote's speaker is a guess (an uncued quote inheriting across a paragraph, a
# pronoun with no clear antecedent): the reader shows it as uncertain, in the panel and in exports.
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Quote(Span):
    """A quotation. ``start``/``end`` cover its words, without the quotation marks."""

    text: str
    kind: str  # "full", "partial", "term", "title"
    speaker: Speaker | None
    cue: str | None  # the reporting verb as written ("said", "added", "call")
    confidence: float
    cue_start: int | None = None
    cue_end: int | None = None
    closed: bool = True  # False when the closing mark was never found

    @property
    def speaker_uncertain(self) -> bool:
        """True when the quote has a speaker but the attribution is a guess (confidence < LOW_CONFIDENCE)."""
        return self.speaker is not None and self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class LinkWarning:
    code: str  # stable identifier, e.g. "javascript-scheme"
    message: str  # one sentence for a person
    severity: str = "warning"  # "info", "warning", "danger"


@dataclass(frozen=True)
class Link(Span):
    text: str
    href: str  # as written in the source
    url: str | None  # resolved absolute URL; None when it does not parse
    domain: str | None  # registrable domain (eTLD+1), or the host for IPs
    warnings: tuple[LinkWarning, ...] = ()
    scheme: str | None = None
    host: str | None = None
    display_url: str | None = None  # safe to show: punycode where needed, invisibles escaped, no credentials
    clean_url: str | None = None  # without tracking parameters, when it had any
    tracking_params: tuple[str, ...] = ()
    real_target: str | None = None  # the destination behind a known redirect wrapper
    policy: str = "open"  # "open", "confirm", "never"


@dataclass(frozen=True)
class Analysis:
    article: Article
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    links: tuple[Link, ...]
    recogniser: str  # which entity recogniser produced the entities, for people ("spaCy en_core_web_sm 3.8.0")
    notices: tuple[str, ...] = ()
    # The same as data, for code (the UI's model menu, the JSON export): "rules" or the spaCy
    # package that ran, and its version; "" / None when whoever made the analysis did not say.
    model: str = ""
    model_version: str | None = None

    @property
    def text(self) -> str:
        return self.article.text

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """One token of a dependency parse: offsets into the text that was parsed, and its links."""

    start: int
    end: int
    pos: str  # universal part of speech: "VERB", "PROPN", "PRON", ...
    tag: str  # the fine-grained tag: "VBD", "NNP", ...
    dep: str  # the relation to its head: "nsubj", "nsubjpass", "ccomp", "agent", ...
    head: int  # index of its head in the sentence's tokens (itself for the root)
    gender: str | None = None  # "f" / "m" when the morphology says (she, her; he, his)


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A dependency parse of one text, as plain data (it crosses a process boundary)."""

    tokens: tuple[ParsedToken, ...]


# A parser: texts in, one parse per text out (an empty list when it cannot parse).
Parse = Callable[[list[str]], list[ParsedSentence]]
