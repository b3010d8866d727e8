"""One document's NER shared out between processes: the recogniser's helper, short-lived extra
helpers for a long document, and the calling thread.

spaCy holds the GIL while it works, so more threads would not help; more processes do.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

from ..model import RawMention, Span
from .helpers import Helper, HelperError
from .interface import Ents
from .spacy_loading import _ents

# Long documents get one more helper process. A helper costs ~1.2 s to start (import spaCy,
# load the model) and ~110 MB; below this size it would not pay for itself.
PARALLEL_MIN_CHARS = 150_000
PARALLEL_SLICE_CHARS = 20_000  # work handed out at a time: small enough to balance, large enough to amortise IPC


class Owner(Protocol):
    """What a run needs of the recogniser it works for."""

    model: str

    @property
    def helper(self) -> Helper | None: ...

    @property
    def nlp(self) -> Any: ...


def extra_processes(total_chars: int, processes: int) -> int:
    """Short-lived helpers to add for a document of ``total_chars``, when ``processes`` may share it."""
    return processes - 1 if total_chars >= PARALLEL_MIN_CHARS else 0


class Run:
    """One document's NER, shared out in slices between workers:

    * the recogniser's own helper process, when it has one (takes slices from the front);
    * ``extra`` short-lived helpers for a long document (they start while work goes on, and
      take slices from the back);
    * this thread, when the pipeline is loaded here (no helper) or once every helper has
      failed. When the queue is empty it also redoes a slice still out at a slow helper:
      whichever finishes first counts.

    Progress and cancellation (an exception from ``progress``) stay on the calling thread.
    """

    def __init__(self, recogniser: Owner, text: str, chunks: list[Span], total: int,
                 progress: Callable[[float], None] | None, extra: int) -> None:
        self.recogniser = recogniser
        self.text = text
        self.chunks = chunks
        self.total = total
        self.progress = progress
        self.extra = extra
        self.queue: deque[tuple[int, int]] = deque(_slices(chunks, PARALLEL_SLICE_CHARS))
        self.count = len(self.queue)
        self.results: dict[int, list[Ents]] = {}
        self.out: list[tuple[int, int]] = []  # sent to a helper, result not back yet
        self.done_chars = 0
        self.workers = 0  # helper feeders still running
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.stop = threading.Event()
        self.extras: list[Helper] = []
        self.model_s = 0.0  # the model's own time, summed over every process that worked
        self.used: set[str] = set()

    @property
    def processes_used(self) -> int:
        return len(self.used)

    def run(self) -> list[RawMention]:
        own = self.recogniser.helper
        here = not (own is not None and own.alive)  # no helper of its own: this thread works too
        threads = []
        if own is not None and not here:
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
            for chunk, ents in zip(self.chunks[first:], found, strict=False):  # the slice's chunks, in order
                mentions.extend(RawMention(chunk.start + s, chunk.start + e, label) for s, e, label in ents)
        return mentions

    def _texts(self, item: tuple[int, int]) -> list[str]:
        return [self.text[chunk.start:chunk.end] for chunk in self.chunks[item[0]:item[1]]]

    def _run_here(self, item: tuple[int, int]) -> None:
        found: list[Ents] = []
        nlp = self.recogniser.nlp
        timer = [0.0]
        for i, ents in enumerate(_ents(nlp, self._texts(item), timer)):
            found.append(ents)
            self._report(self.done_chars + sum(len(chunk) for chunk in self.chunks[item[0]:item[0] + i + 1]))
        self._store(item, found, timer[0], "here")

    def _feed_own(self, helper: Helper) -> None:
        with helper.lock:  # one document at a time through it (a cancelled one stops after its slice)
            self._feed(helper, front=True)

    def _feed_extra(self) -> None:
        try:
            helper = Helper(self.recogniser.model)
        except HelperError:
            return self._retire()
        with self.lock:
            if self.stop.is_set():
                helper.close(kill=True)
                return self._retire(locked=True)
            self.extras.append(helper)
        try:
            helper.wait_ready()
        except HelperError:
            return self._retire()
        self._feed(helper, front=False)

    def _feed(self, helper: Helper, front: bool) -> None:
        while not self.stop.is_set():
            with self.lock:
                item = (self.queue.popleft() if front else self.queue.pop()) if self.queue else None
                if item is not None:
                    self.out.append(item)
            if item is None:
                break
            try:
                seconds, found = helper.ents(self._texts(item))
            except HelperError:  # it died: its slice goes back to the queue, the others carry on
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

    def _store(self, item: tuple[int, int], found: list[Ents], seconds: float, worker: str) -> None:
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
