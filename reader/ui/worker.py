"""Loading and analysis off the GUI thread.

Two kinds of request, each with its own id: ``open_path`` reads a file and reports
``loaded``; ``analyse`` analyses an article and reports ``analysed``. The window asks for
the analysis once the text is on screen, so the model loading (heavy, and holding the
GIL much of the time) never delays the first paint of the text.

Every result carries its request id; the receiver keeps only the newest. An analysis
whose article has been superseded by a newer ``analyse`` call is cancelled through the
analyzer's ``cancelled`` callback; a file that fails to open cancels nothing.

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


def _import_core() -> None:
    from .. import core  # noqa: F401, PLC0415


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self._work()


class Analyst(QObject):
    """Reads files and analyses articles in a thread pool; reports back by signal."""

    loaded = Signal(int, object)  # open request id, Article
    progress = Signal(int, str, float)  # analysis request id, stage, fraction of the whole
    analysed = Signal(int, object)  # analysis request id, Analysis
    failed = Signal(int, str, bool)  # request id, one-line message, True when a file could not be read

    def __init__(self, analyzer: Analyzer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._analyzer = analyzer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one can read a file while the other analyses
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._newest_open = 0  # GUI thread writes
        self._active = 0  # newest analysis request
        self._closing = False
        self._pool.start(_Job(_import_core))  # starts now, while the window is still being built

    @property
    def analyzer(self) -> Analyzer:
        """The shared analyzer, made on first use (cheap: its model loads on its first analysis)."""
        with self._lock:
            if self._analyzer is None:
                from ..core import Analyzer  # noqa: PLC0415

                self._analyzer = Analyzer()
            return self._analyzer

    def open_path(self, path: str | os.PathLike[str]) -> int:
        request = self._newest_open = next(self._ids)
        self._pool.start(_Job(lambda: self._load(request, path)))
        return request

    def analyse(self, article: Article) -> int:
        """Analyse ``article``; every analysis asked for before this one becomes stale."""
        request = next(self._ids)
        with self._lock:
            self._active = max(self._active, request)
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
    def _load(self, request: int, path: str | os.PathLike[str]) -> None:
        from ..core import ReaderError, load_path  # noqa: PLC0415

        try:
            article = load_path(path)
        except ReaderError as error:
            self.failed.emit(request, str(error), True)
            return
        except Exception as error:  # noqa: BLE001 - a bad file must never take the window down
            self.failed.emit(request, f"{os.fspath(path)} cannot be opened ({type(error).__name__}: {error})", True)
            return
        if not self._closing and request == self._newest_open:  # else a newer file was asked for meanwhile
            self.loaded.emit(request, article)

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
