"""The one facade: an Article in, an Analysis out. Stages are modules; this only wires them."""

from __future__ import annotations

import threading
from collections.abc import Callable

from .entities import build_entities
from .links import inspect_links
from .model import Analysis, Article
from .quotes import find_quotes
from .recognisers import Recogniser, load_recogniser
from .sentences import split_sentences

Progress = Callable[[str, float], None]  # (stage name, fraction of the whole analysis done)


class Cancelled(Exception):
    """The caller asked to stop; the partial work is thrown away."""


class Analyzer:
    """Holds the (expensive) recogniser so a run over many files loads the model once.

    Thread-safe to share: the model is loaded once under a lock, on first use.
    """

    def __init__(self, model: str | None = None, recogniser: Recogniser | None = None) -> None:
        self._model = model
        self._recogniser = recogniser
        self._notices: tuple[str, ...] = ()
        self._lock = threading.Lock()

    @property
    def recogniser(self) -> Recogniser:
        with self._lock:
            if self._recogniser is None:
                self._recogniser, self._notices = load_recogniser(self._model)
            return self._recogniser

    @property
    def notices(self) -> tuple[str, ...]:
        self.recogniser  # noqa: B018 - loading decides the notices
        return self._notices

    def analyze(self, article: Article, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Analysis:
        def report(stage: str, fraction: float) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(stage, fraction)

        recogniser = self.recogniser
        report("sentences", 0.0)
        sentences = split_sentences(article.text, article.blocks)
        report("entities", 0.05)
        raw = recogniser.recognise(article.text, article.blocks or sentences,
                                   progress=lambda done: report("entities", 0.05 + 0.8 * done))
        entities = build_entities(article.text, raw, sentences, blocks=article.blocks)
        report("quotes", 0.9)
        quotes = find_quotes(article.text, sentences, entities)
        report("links", 0.95)
        links = inspect_links(article)
        report("done", 1.0)
        return Analysis(article=article, sentences=sentences, entities=tuple(entities), quotes=tuple(quotes),
                        links=tuple(links), recogniser=recogniser.name,
                        notices=article.notices + self.notices)
