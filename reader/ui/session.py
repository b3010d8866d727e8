"""The reading session: what is on screen, what has been asked for, and which results are still wanted.

One object, shared by the worker (``Analyst``, which makes it) and the window (which
reads it from the analyst). Requests are numbered by the analyst from one counter, for
opens and analyses alike. Two kinds of question are asked of it:

* the worker's, from pool threads: "has a newer request superseded this one?"
  (``open_superseded``, ``analysis_superseded``), to stop work nobody will use;
* the window's, on the GUI thread: "is this the result I am waiting for?"
  (``is_current_open``, ``is_current_analysis``, ``accept_analysis``), to show only that.

They differ on purpose: a newer request supersedes an older one the moment it is made,
while the window stops waiting for an analysis as soon as another article is on screen,
before the next analysis is asked for. Only the GUI thread writes; the worker threads
read single attributes (atomic under the GIL) and never change anything.

No Qt here: the session is plain state with its rules, testable without a window.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .settings import is_web_address

if TYPE_CHECKING:  # the core is imported off the GUI thread, after the window shows
    from ..core.model import Analysis, Article


class Session:
    def __init__(self) -> None:
        # What the worker started: the newest of each kind supersedes the older ones.
        self.newest_open = 0
        self.newest_analysis = 0
        self.cancelled_opens: set[int] = set()
        self.closing = False  # the window is closing: every request is superseded
        self._lock = threading.Lock()
        # What the window waits for and shows.
        self.requested = 0  # newest open request still wanted (0: none)
        self.shown = 0  # open request whose article is on screen (0: not opened through a request)
        self.analysing = 0  # analysis request for the article on screen (0: none asked for)
        self.paths: dict[int, str] = {}  # open request -> the file path or web address asked for
        self.fetching = 0  # the download under way (0: none)
        self.path: str | None = None  # the file on screen (None for a fetched page)
        self.source: str | None = None  # the file or web address on screen
        self.article: Article | None = None  # on screen
        self.analysis: Analysis | None = None  # on screen, for ``article``
        self.analysis_model: str | None = None  # the model asked for when the analysis on screen was
        self.stale_results = 0  # analyses that arrived for a document no longer shown (and were dropped)

    # the worker's side ------------------------------------------------------------------------
    def open_started(self, request: int) -> None:
        self.newest_open = request

    def cancel_open(self, request: int) -> None:
        self.cancelled_opens.add(request)

    def open_superseded(self, request: int) -> bool:
        """True when a newer open was started, this one was cancelled, or the window is closing."""
        return self.closing or request != self.newest_open or request in self.cancelled_opens

    def analysis_started(self, request: int) -> None:
        with self._lock:
            self.newest_analysis = max(self.newest_analysis, request)

    def analysis_superseded(self, request: int) -> bool:
        """True when a newer analysis was started or the window is closing: this one can stop."""
        return self.closing or self.newest_analysis > request

    def close(self) -> None:
        self.closing = True

    # the window's side: opening ---------------------------------------------------------------
    def want_open(self, request: int, target: str) -> None:
        """The window waits for ``request``, which opens ``target`` (a path or web address)."""
        self.requested = request
        self.paths[request] = target

    def is_current_open(self, request: int) -> bool:
        return request == self.requested

    def open_arrived(self, request: int, fallback: str) -> str:
        """The article of ``request`` goes on screen: remember where it came from, and return that."""
        self.shown = request
        source = self.paths.pop(request, fallback)
        self.source = source
        self.path = None if is_web_address(source) else source
        return source

    def forget_open(self, request: int) -> None:
        """``request`` ended without an article (failed, cancelled)."""
        self.paths.pop(request, None)

    def cancel_fetch(self) -> int:
        """Stop waiting for the download under way; its request id (0: there was none)."""
        request = self.fetching
        if request:
            self.requested = 0 if self.requested == request else self.requested
            self.paths.pop(request, None)
        return request

    def shown_directly(self, source: str) -> None:
        """An article shown without an open request: any file still being read is no longer wanted."""
        self.requested = self.shown = 0
        self.path = None
        self.source = source

    # the window's side: analysing -------------------------------------------------------------
    def article_shown(self, article: Article) -> None:
        """A new article is on screen: the old analysis, and any analysis under way, are not for it."""
        self.article = article
        self.analysis = None
        self.analysing = 0

    def needs_analysis(self, article: Article) -> bool:
        """True when ``article`` is on screen and no analysis of it has been asked for."""
        return self.article is article and self.analysing == 0

    def analysis_asked(self, request: int, model: str | None) -> None:
        self.analysing = request
        self.analysis_model = model

    def stop_waiting_for_analysis(self) -> None:
        """The analysis under way (if any) is no longer wanted, for instance after another model was chosen."""
        self.analysing = 0

    def is_current_analysis(self, request: int) -> bool:
        return request == self.analysing

    def accept_analysis(self, request: int) -> bool:
        """True when ``request`` is the analysis the window waits for; otherwise it is counted as stale."""
        if request != self.analysing:
            self.stale_results += 1
            return False
        return True

    def analysis_shown(self, analysis: Analysis) -> None:
        self.analysis = analysis

    def model_on_screen(self, wanted: str | None) -> str | None:
        """The model that produced the analysis on screen, when it was made with the ``wanted`` choice
        (the truth even when that choice fell back); None when that is unknown or another was chosen since."""
        if self.analysis is not None and self.analysis_model == wanted:
            return self.analysis.model or None
        return None
