"""Loading and analysis off the GUI thread.

Every request gets an id. Results come back by signal carrying that id; the receiver
keeps only the newest. A job whose document has been superseded (a newer one loaded)
is cancelled through the analyzer's ``cancelled`` callback, and what it still emits
is marked stale by its id.

The core (and with it lxml, spaCy, ...) is imported here, in a pool thread, so the
window appears before those imports finish.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from ..core import Analyzer, Article


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class Analyst(QObject):
    """Loads files and analyses articles in a thread pool; reports back by signal."""

    loaded = Signal(int, object)  # request id, Article
    progress = Signal(int, str, float)  # request id, stage, fraction of the whole
    analysed = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str, bool)  # request id, one-line message, True when the file could not be read

    def __init__(self, analyzer: Analyzer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._analyzer = analyzer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one can read a file while the other analyses
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._requested = 0  # newest request (GUI thread writes)
        self._active = 0  # newest request whose document loaded (worker threads write, under the lock)
        self._closing = False

    @property
    def analyzer(self) -> Analyzer:
        """The shared analyzer, made on first use (cheap: its model loads on its first analysis)."""
        with self._lock:
            if self._analyzer is None:
                from ..core import Analyzer  # noqa: PLC0415

                self._analyzer = Analyzer()
            return self._analyzer

    def open_path(self, path: str | os.PathLike[str]) -> int:
        request = self._next_id()
        self._pool.start(_Job(lambda: self._load_and_analyse(request, path)))
        return request

    def analyse(self, article: Article) -> int:
        request = self._next_id()
        self._activate(request)
        self._pool.start(_Job(lambda: self._analyse(request, article)))
        return request

    def is_stale(self, request: int) -> bool:
        return self._closing or self._active > request

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel what runs and wait for the threads, so nothing emits into a deleted object."""
        self._closing = True
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)

    # worker threads ------------------------------------------------------------------------
    def _next_id(self) -> int:
        self._requested = next(self._ids)
        return self._requested

    def _activate(self, request: int) -> None:
        with self._lock:
            self._active = max(self._active, request)

    def _load_and_analyse(self, request: int, path: str | os.PathLike[str]) -> None:
        from ..core import ReaderError, load_path  # noqa: PLC0415

        try:
            article = load_path(path)
        except ReaderError as error:
            self.failed.emit(request, str(error), True)
            return
        except Exception as error:  # noqa: BLE001 - a bad file must never take the window down
            self.failed.emit(request, f"{os.fspath(path)} cannot be opened ({type(error).__name__}: {error})", True)
            return
        if self._closing or request < self._requested:
            return  # a newer request was made while this file was read
        self._activate(request)
        self.loaded.emit(request, article)
        self._analyse(request, article)

    def _analyse(self, request: int, article: Article) -> None:
        from ..core import Cancelled  # noqa: PLC0415

        if self.is_stale(request):
            return
        analyzer = self.analyzer
        if getattr(analyzer, "_recogniser", True) is None:  # its model is about to load
            self.progress.emit(request, "model", 0.0)
        try:
            analysis = analyzer.analyze(
                article, progress=lambda stage, fraction: self.progress.emit(request, stage, fraction),
                cancelled=lambda: self.is_stale(request))
        except Cancelled:
            return
        except Exception as error:  # noqa: BLE001
            if not self._closing:
                self.failed.emit(request, f"The analysis failed ({type(error).__name__}: {error})", False)
            return
        if not self._closing:
            self.analysed.emit(request, analysis)
