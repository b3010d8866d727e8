"""The one facade: an Article in, an Analysis out. Stages are modules; this only wires them."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from .corrections import Correction, apply_corrections, correct_entities, speaker_corrections
from .entities import build_entities
from .language import detect_language, is_english, language_name
from .lexicon.gazetteers import load_gazetteer
from .links import inspect_href, inspect_links
from .model import Analysis, Article
from .ner import Recogniser, load_recogniser, prestart
from .quotes import find_quotes
from .sentences import split_sentences

Progress = Callable[[str, float], None]  # (stage name, fraction of the whole analysis done)


class Cancelled(Exception):  # noqa: N818 - public name since the first release; a stop, not an error
    """The caller asked to stop; the partial work is thrown away."""


class Analyzer:
    """Holds the (expensive) recogniser so a run over many files loads the model once.

    Thread-safe to share: the model is loaded once under a lock, on first use.
    """

    def __init__(self, model: str | None = None, recogniser: Recogniser | None = None,
                 all_languages: bool = False) -> None:
        self._model = model
        self._all_languages = all_languages  # run the English recogniser on any language
        self._recogniser = recogniser
        self._notices: tuple[str, ...] = ()
        self._lock = threading.Lock()

    @property
    def recogniser(self) -> Recogniser:
        with self._lock:
            if self._recogniser is None:
                with _long_lived():
                    self._recogniser, self._notices = load_recogniser(self._model)
            return self._recogniser

    def preload(self) -> None:
        """Start loading the model now, in the background, and return at once.

        Cheap for the caller: the spaCy model loads in a helper process (see reader.core.ner),
        so an app can call this at start-up, before its window is built, and the first
        analysis finds the model (nearly) ready.
        """
        if self._recogniser is None:
            prestart(self._model)  # the helper process starts now, before the thread below gets going
            threading.Thread(target=lambda: self.recogniser, name="reader-preload", daemon=True).start()

    @property
    def model_loaded(self) -> bool:
        """True once the recogniser is loaded (the first analysis will not wait for it)."""
        return self._recogniser is not None

    @property
    def notices(self) -> tuple[str, ...]:
        self.recogniser  # noqa: B018 - loading decides the notices
        return self._notices

    def analyze(self, article: Article, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None,
                timings: dict[str, float] | None = None, corrections: Sequence[Correction] = ()) -> Analysis:
        """``timings``, when given, receives each stage's wall time in seconds (for bench/run.py).

        ``corrections`` (the user's, as stored: global ones and any article's own) are applied as the
        analysis is made: the entity corrections before quotes are attributed, so that a speaker is
        found among the corrected entities, and the speaker corrections last, over the quotes found.
        """
        def report(stage: str, fraction: float) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(stage, fraction)

        clock = _Clock(timings)
        resources = _load_resources_in_background()  # while the model may still be loading
        recogniser = self.recogniser
        if resources is not None:
            resources.join()
        clock("model")
        report("sentences", 0.0)
        sentences = split_sentences(article.text, article.blocks)
        clock("sentences")
        report("entities", 0.05)
        notices = list(article.notices + self.notices)
        if is_english(article) or self._all_languages:
            raw = recogniser.recognise(article.text, article.blocks or sentences,
                                       progress=lambda done: report("entities", 0.05 + 0.8 * done))
            clock("ner")
            entities = build_entities(article.text, raw, sentences, blocks=article.blocks)
        else:
            # English models on other languages highlight nonsense; better none, and say why.
            language = language_name(article.metadata.language or detect_language(article.text)) or "another language"
            notices.append(f"This article appears to be in {language}; entity recognition works on English "
                           "only, so no entities are highlighted.")
            entities = []
            clock("ner")
        corrected = correct_entities(article, entities, corrections) if corrections else tuple(entities)
        clock("entities")
        report("quotes", 0.9)
        quotes = find_quotes(article.text, sentences, corrected, parse=getattr(recogniser, "parse", None))
        clock("quotes")
        report("links", 0.95)
        links = inspect_links(article)
        clock("links")
        report("done", 1.0)
        analysis = Analysis(article=article, sentences=sentences, entities=corrected, quotes=tuple(quotes),
                            links=tuple(links), recogniser=recogniser.name, notices=tuple(notices),
                            model=recogniser.model, model_version=recogniser.version)
        return apply_corrections(analysis, speaker_corrections(corrections))


_resources_lock = threading.Lock()
_resources_loaded = False


def _load_resources_in_background() -> threading.Thread | None:
    """The stages' one-time loads (gazetteers, the link inspector's suffix list), in a thread;
    None when they are loaded already."""
    if _resources_loaded:
        return None
    thread = threading.Thread(target=_load_resources, name="reader-resources", daemon=True)
    thread.start()
    return thread


def _load_resources() -> None:
    global _resources_loaded
    with _resources_lock:
        if not _resources_loaded:
            with _long_lived():
                load_gazetteer()
                inspect_href("https://example.com/")
            _resources_loaded = True


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def _long_lived() -> Iterator[None]:
    """Load objects that live as long as the process (model, gazetteers) without garbage collection.

    Loading them allocates hundreds of thousands of objects, which triggers full collections
    of the whole heap; each holds the GIL for 100+ ms and freezes a GUI running next to the
    load (measured by bench/run.py). Nothing loaded here is garbage, so collection is paused,
    and afterwards everything is moved out of the collector's sight (``gc.freeze``): later
    collections scan only what the analyses allocate. Nestable, and safe from several threads.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.freeze()
                if _gc_was_enabled:
                    gc.enable()


class _Clock:
    """Stage timing for ``Analyzer.analyze(timings=...)``: each call records the time since the previous one."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self._timings = timings
        self._last = time.perf_counter() if timings is not None else 0.0

    def __call__(self, stage: str) -> None:
        if self._timings is not None:
            now = time.perf_counter()
            self._timings[stage] = self._timings.get(stage, 0.0) + now - self._last
            self._last = now
