"""Loading and analysis off the GUI thread.

Three kinds of request, each with its own id: ``open_path`` reads a file and
``open_url`` downloads a page, both reporting ``loaded``; ``analyse`` analyses an article
and reports ``analysed``. The window asks for
the analysis once the text is on screen, so the model loading (heavy, and holding the
GIL much of the time) never delays the first paint of the text.

Every result carries its request id; the receiver keeps only the newest. Which requests
are current is the ``session``'s to say (session.py), for this object and the window alike.
An analysis whose article has been superseded by a newer ``analyse`` call is cancelled
through the analyzer's ``cancelled`` callback; a file that fails to open cancels nothing. A download
is cancelled (through ``fetch``'s ``cancelled`` callback) by ``cancel_open`` or by any
newer ``open_path`` / ``open_url``; it then reports ``cancelled`` rather than ``failed``.

Downloads run in daemon threads of their own, not in the pool: a server that never
answers holds its thread until the fetch timeout, and must hold up neither the analysis
nor the closing of the window. They report through a parentless relay, so a download
that ends after the window has gone emits into nothing.

The analyzer is made by ``factory(model)`` on first use; ``set_model`` switches to
another entity model (``None``: the best installed, "rules": no model), made on the
next analysis.

The core (and with it lxml, spaCy, ...) is imported here, in a pool thread, so the
window appears before those imports finish.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .session import Session

if TYPE_CHECKING:
    from ..core import Analyzer, Article

FETCH_TIMEOUT = 20.0  # seconds for the whole download
FETCH_MAX_BYTES = 10 * 1024 * 1024
FETCH_MAX_REDIRECTS = 5


def _import_core() -> None:
    from .. import core  # noqa: F401, PLC0415


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


def _load_path(path: str | os.PathLike[str]) -> Article:
    from ..core import load_path  # noqa: PLC0415 - the loader (lxml, bs4) is imported off the GUI thread

    return load_path(path)


def _make_analyzer(model: str | None) -> Analyzer:
    from ..core import Analyzer  # noqa: PLC0415

    return Analyzer(model=model)


class _Relay(QObject):
    """Carries one download's result to the GUI thread; owned by nobody, so never deleted under it."""

    loaded = Signal(int, object)
    failed = Signal(int, str, bool)
    cancelled = Signal(int)


class Analyst(QObject):
    """Reads files, downloads pages and analyses articles off the GUI thread; reports back by signal."""

    loaded = Signal(int, object)  # open request id, Article
    progress = Signal(int, str, float)  # analysis request id, stage, fraction of the whole
    analysed = Signal(int, object)  # analysis request id, Analysis
    failed = Signal(int, str, bool)  # request id, one-line message, True when a file or page could not be opened
    cancelled = Signal(int)  # open request id: a download stopped because it was cancelled or superseded

    def __init__(self, analyzer: Analyzer | None = None, parent: QObject | None = None, *,
                 model: str | None = None, factory: Callable[[str | None], Any] | None = None,
                 fetcher: Callable[..., Article] | None = None, session: Session | None = None,
                 loader: Callable[[str | os.PathLike[str]], Article] | None = None) -> None:
        super().__init__(parent)
        self.session = session if session is not None else Session()  # which requests are current; the window shares it
        self._analyzer = analyzer
        self._model = model
        self._factory = factory or _make_analyzer
        self._fetcher = fetcher  # reader.core.fetch.fetch unless a test gives another
        self._loader = loader  # reader.core.load_path unless the app read the file at launch (reader/launch.py)
        # The user's corrections for an article, asked on the GUI thread when its analysis is asked for
        # (the store belongs to that thread); the core applies them as it analyses (ui/corrections.py).
        self.corrections: Callable[[Article], Sequence[Any]] | None = None
        self.fetch_timeout = FETCH_TIMEOUT
        self.fetch_max_bytes = FETCH_MAX_BYTES
        self.fetch_max_redirects = FETCH_MAX_REDIRECTS
        self._relays: dict[int, _Relay] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one can read a file while the other analyses
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pool.start(_Job(_import_core))  # starts now, while the window is still being built

    @property
    def analyzer(self) -> Analyzer:
        """The shared analyzer, made on first use (cheap: its model loads on its first analysis)."""
        with self._lock:
            if self._analyzer is None:
                self._analyzer = self._factory(self._model)
            return self._analyzer

    @property
    def model(self) -> str | None:
        """The entity model asked for: a spaCy package name, "rules", or None for the best installed."""
        return self._model

    def set_model(self, model: str | None, reuse: bool = False) -> bool:
        """Use another entity model from the next analysis on; False when it is the one asked for already.

        ``reuse``: the analyzer in use already runs that model (it was the automatic choice), keep it.
        """
        with self._lock:
            if model == self._model:
                return False
            self._model = model
            if not reuse:
                self._analyzer = None  # made (and its model loaded) by the next analysis, in a pool thread
            return True

    def open_path(self, path: str | os.PathLike[str]) -> int:
        request = next(self._ids)
        self.session.open_started(request)
        self._pool.start(_Job(lambda: self._load(request, path)))
        return request

    def open_url(self, url: str) -> int:
        """Download ``url`` in the background; any earlier download still running is cancelled."""
        request = next(self._ids)
        self.session.open_started(request)
        relay = _Relay()
        relay.loaded.connect(self._relay_loaded)  # slots of this object: queued to the GUI thread,
        relay.failed.connect(self._relay_failed)  # and disconnected by Qt if it is deleted first
        relay.cancelled.connect(self._relay_cancelled)
        self._relays[request] = relay  # the thread holds it too; the GUI thread lets go when it reports
        options = (self.fetch_timeout, self.fetch_max_bytes, self.fetch_max_redirects)
        threading.Thread(target=self._fetch, args=(request, url, options, relay), name=f"fetch-{request}",
                         daemon=True).start()
        return request

    def cancel_open(self, request: int) -> None:
        """Stop a download (it reports ``cancelled``); a file being read is simply not shown."""
        self.session.cancel_open(request)

    @property
    def downloads(self) -> int:
        """Downloads that have not reported yet."""
        return len(self._relays)

    def _relay_loaded(self, request: int, article: Article) -> None:
        self._relays.pop(request, None)
        if not self.session.open_superseded(request):  # cancelled while the result was on its way
            self.loaded.emit(request, article)
        else:
            self.cancelled.emit(request)

    def _relay_failed(self, request: int, message: str, opening: bool) -> None:
        self._relays.pop(request, None)
        self.failed.emit(request, message, opening)

    def _relay_cancelled(self, request: int) -> None:
        self._relays.pop(request, None)
        self.cancelled.emit(request)

    def analyse(self, article: Article) -> int:
        """Analyse ``article``; every analysis asked for before this one becomes stale."""
        request = next(self._ids)
        self.session.analysis_started(request)
        corrections = tuple(self.corrections(article)) if self.corrections is not None else ()
        self._pool.start(_Job(lambda: self._analyse(request, article, corrections)))
        return request

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel what runs and wait for the pool, so nothing emits into a deleted object.

        Downloads are not waited for: they see the session closing between chunks, and report
        (if ever) through their own relay.
        """
        self.session.close()
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)

    # worker threads ------------------------------------------------------------------------
    def _load(self, request: int, path: str | os.PathLike[str]) -> None:
        from ..core.errors import ReaderError  # noqa: PLC0415

        try:
            article = (self._loader or _load_path)(path)
        except ReaderError as error:
            self.failed.emit(request, str(error), True)
            return
        except Exception as error:  # noqa: BLE001 - a bad file must never take the window down
            self.failed.emit(request, f"{os.fspath(path)} cannot be opened ({type(error).__name__}: {error})", True)
            return
        if not self.session.open_superseded(request):  # else a newer file was asked for meanwhile
            self.loaded.emit(request, article)

    def _fetch(self, request: int, url: str, options: tuple[float, int, int], relay: _Relay) -> None:
        from ..core import ReaderError  # noqa: PLC0415

        timeout, max_bytes, max_redirects = options
        fetcher = self._fetcher
        if fetcher is None:
            from ..core.fetch import fetch as fetcher  # noqa: PLC0415
        stale = lambda: self.session.open_superseded(request)  # noqa: E731
        try:
            article = fetcher(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects, cancelled=stale)
        except ReaderError as error:
            if stale():
                relay.cancelled.emit(request)
            else:
                relay.failed.emit(request, str(error), True)
            return
        except Exception as error:  # noqa: BLE001 - a bad page must never take the window down
            relay.failed.emit(request, f"{url} cannot be opened ({type(error).__name__}: {error})", True)
            return
        if stale():
            relay.cancelled.emit(request)
        else:
            relay.loaded.emit(request, article)

    def _analyse(self, request: int, article: Article, corrections: Sequence[Any] = ()) -> None:
        from ..core import Cancelled  # noqa: PLC0415

        if self.session.analysis_superseded(request):
            return
        try:
            analyzer = self.analyzer
            if not analyzer.model_loaded:  # its model is about to load: say so (it takes a while)
                self.progress.emit(request, "model", 0.0)
            extra = {"corrections": corrections} if corrections else {}  # stand-ins in tests take none
            analysis = analyzer.analyze(
                article, progress=lambda stage, fraction: self.progress.emit(request, stage, fraction),
                cancelled=lambda: self.session.analysis_superseded(request), **extra)
        except Cancelled:
            return
        except Exception as error:  # noqa: BLE001
            if not self.session.closing:
                self.failed.emit(request, f"The analysis failed ({type(error).__name__}: {error})", False)
            return
        if not self.session.closing:
            self.analysed.emit(request, analysis)
