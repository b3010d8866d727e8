"""Adding files to the library: walk folders, skip what is stored already, analyse on every core, store in batches.

How it stays fast and small:

* the content hash is checked *before* analysing (in the worker, against the database read-only),
  so adding a folder again costs a file read per article, not an analysis;
* a large folder goes to ``workers`` processes (one per CPU, up to 2), each loading the model once
  and running the whole pipeline (the GIL of one is not the other's); a smaller one to two threads
  sharing one model in the NER helper process (one article's NER overlaps the next one's Python
  stages), which spares a second model load;
* at most four files per worker (four with the threads) are in flight and at most ``batch_size`` analyses wait to be
  written, so memory does not grow with the folder; each batch is one transaction (one fsync);
* a file that fails is one line in the report and the run goes on; a cancel stops after the
  articles being analysed, keeping every batch already written.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import quote

from reader.core.corrections import Correction, article_key
from reader.core.errors import ReaderError
from reader.core.load import load_path
from reader.core.model import Analysis
from reader.core.ner import default_processes
from reader.core.pipeline import Analyzer
from reader.store import Database, Library

from .linking import LibraryLinker

# What a folder walk picks up (a file named on the command line is always tried, whatever its name).
ARTICLE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md", ".markdown", ".mhtml",
                              ".mht", ".webarchive"})
BATCH_SIZE = 32
Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass
class AddReport:
    added: int = 0
    updated: int = 0  # already present and analysed again (``reanalyse``)
    skipped: int = 0  # already present (or the same text twice in this run)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    cancelled: bool = False

    @property
    def total(self) -> int:
        return self.added + self.updated + self.skipped + len(self.failed)


def article_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and the article files in folders named (recursively, in name order, hidden ones left out)."""
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        for folder, folders, files in os.walk(path):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                    yield Path(folder) / name


def add_paths(database: Database, paths: Iterable[str | os.PathLike[str]], *, model: str | None = None,
              all_languages: bool = False, corrections: Sequence[Correction] = (), workers: int | None = None,
              reanalyse: bool = False, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, batch_size: int = BATCH_SIZE,
              analyzer: Analyzer | None = None) -> AddReport:
    """Add the articles at ``paths`` (files and folders) to the library in ``database``.

    ``workers``: 2 or more, that many processes each with its own model; 1, one Analyzer (its model in
    the NER helper process) shared by two threads, so that one article's NER in the helper overlaps
    another's reading, clustering and quote finding here; 0, one article after another in this thread
    (with ``analyzer`` when given). Default: processes for a large folder, where their second model
    load pays off, else the threads (see ``default_workers``). ``corrections`` apply to each analysis
    and to the linking.
    """
    files = [str(path) for path in article_paths(paths)]
    workers = default_workers(len(files)) if workers is None else workers
    writer = _Writer(Library(database, LibraryLinker(corrections)), reanalyse, batch_size)
    results: Iterator[_Result]
    if workers >= 2 and len(files) > 1:
        results = _in_pool(files, workers, model, all_languages, corrections, database.path, reanalyse, cancelled)
    else:
        analyzer = analyzer or Analyzer(model=model, all_languages=all_languages)
        if workers == 1 and len(files) > 1:
            results = _in_threads(files, analyzer, corrections, database.path, reanalyse)
        else:
            results = (_analyse(analyzer, path, corrections, _known(database, reanalyse)) for path in files)
    for done, result in enumerate(results, start=1):
        writer.take(result)
        if progress is not None:
            progress(done, len(files))
        if cancelled is not None and cancelled():
            writer.report.cancelled = True
            break
    writer.flush()
    return writer.report


# A second model load (~1.5 s of a core, ~100 MB) pays off from about this many files (bench/library.py).
PROCESSES_FROM_FILES = 400


def default_workers(files: int) -> int:
    """Processes (one per CPU, up to 2) for a large folder; else 1 (two threads sharing one model)."""
    processes = default_processes()
    return processes if files >= PROCESSES_FROM_FILES and processes > 1 else 1


# ------------------------------------------------------------------ one file

# (path, "analysed" | "skipped" | "failed", the analysis or the reason)
_Result = tuple[str, str, Analysis | str | None]
Known = Callable[[str], bool]  # is this content hash stored (and analysed) already?


def _analyse(analyzer: Analyzer, path: str, corrections: Sequence[Correction], known: Known) -> _Result:
    try:
        article = load_path(path, source=path)
        if known(article_key(article)):
            return path, "skipped", None
        return path, "analysed", analyzer.analyze(article, corrections=corrections)
    except ReaderError as error:
        return path, "failed", str(error)
    except Exception as error:  # noqa: BLE001 - a bug on one file must not lose the others
        return path, "failed", f"{path}: internal error: {type(error).__name__}: {error}"


def _known(database: Database, reanalyse: bool) -> Known:
    def known(key: str) -> bool:
        return not reanalyse and bool(database.query(
            "SELECT 1 FROM articles WHERE content_hash = ? AND analysed_at IS NOT NULL", (key,)))
    return known


# ------------------------------------------------------------------ two threads, one model


def _in_threads(files: list[str], analyzer: Analyzer, corrections: Sequence[Correction], db: Path | None,
                reanalyse: bool) -> Iterator[_Result]:
    """Results in file order, two analyses under way at a time (the NER of one runs in the helper process
    while the other's Python stages run here; the GIL is released while waiting on the helper)."""
    local = threading.local()
    connections: list[sqlite3.Connection] = []  # one per thread, closed at the end (a leaked one holds the file)

    def known(key: str) -> bool:
        if db is None or reanalyse:
            return False  # an in-memory library cannot be read from another thread: the writer decides
        if not hasattr(local, "connection"):
            # check_same_thread=False only so that the finally below may close it; one thread uses it.
            local.connection = sqlite3.connect(f"file:{quote(str(db))}?mode=ro", uri=True, timeout=5.0,
                                               check_same_thread=False)
            connections.append(local.connection)
        return _stored(local.connection, key)

    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader-library-add") as pool:
            queue = iter(files)
            pending: deque[Future[_Result]] = deque()
            try:
                while True:
                    while len(pending) < 4:
                        path = next(queue, None)
                        if path is None:
                            break
                        pending.append(pool.submit(_analyse, analyzer, path, corrections, known))
                    if not pending:
                        return
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
    finally:
        for connection in connections:  # the pool has finished (left its with): no thread uses them any more
            connection.close()


# ------------------------------------------------------------------ the worker processes

_worker: dict[str, object] = {}


def _init_worker(model: str | None, all_languages: bool, corrections: Sequence[Correction], db: str | None,
                 reanalyse: bool) -> None:
    # The model runs in this worker itself: a helper process per worker would double the processes for nothing.
    os.environ["READER_NER_IN_PROCESS"] = "1"
    os.environ["READER_NER_PROCESSES"] = "1"
    # One thread of linear algebra per worker: there is a worker per core already, and BLAS/OpenMP pools
    # sized to the machine in each would fight over the same cores (measured: 100 files in 9.3 s, 5.2 s
    # with these). Set before spaCy (and numpy with it) is imported, below.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                     "NUMEXPR_NUM_THREADS"):
        os.environ[variable] = "1"
    analyzer = Analyzer(model=model, all_languages=all_languages)
    analyzer.recogniser  # noqa: B018 - load the model now, once, before the first file
    connection = None
    if db is not None and not reanalyse:
        # Read-only, and never blocking the writer (WAL): only to skip what is stored already.
        connection = sqlite3.connect(f"file:{quote(db)}?mode=ro", uri=True, timeout=5.0)
    _worker.update(analyzer=analyzer, corrections=corrections, connection=connection)


def _work(path: str) -> _Result:
    analyzer = _worker["analyzer"]
    assert isinstance(analyzer, Analyzer)
    connection = _worker.get("connection")
    corrections: Sequence[Correction] = _worker["corrections"]  # type: ignore[assignment]

    def known(key: str) -> bool:
        return isinstance(connection, sqlite3.Connection) and _stored(connection, key)
    return _analyse(analyzer, path, corrections, known)


def _stored(connection: sqlite3.Connection, key: str) -> bool:
    try:
        return connection.execute("SELECT 1 FROM articles WHERE content_hash = ? AND analysed_at IS NOT NULL",
                                  (key,)).fetchone() is not None
    except sqlite3.Error:
        return False  # the writer decides in the end; this only saves work


def _in_pool(files: list[str], workers: int, model: str | None, all_languages: bool,
             corrections: Sequence[Correction], db: Path | None, reanalyse: bool,
             cancelled: Callable[[], bool] | None) -> Iterator[_Result]:
    # spawn, not fork: the caller may be a Qt application with threads running.
    context = get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(model, all_languages, tuple(corrections), None if db is None else str(db),
                                         reanalyse))
    queue = iter(files)
    pending: dict[Future[_Result], str] = {}
    try:
        while True:
            while len(pending) < 4 * workers:
                path = next(queue, None)
                if path is None:
                    break
                pending[pool.submit(_work, path)] = path
            if not pending:
                return
            done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in done:
                path = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield path, "failed", f"{path}: the analysing process stopped (out of memory?)"
                    for other in [*pending.values(), *queue]:
                        yield other, "failed", f"{other}: not analysed (the analysing process stopped)"
                    return
            if cancelled is not None and cancelled():
                return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ storing


class _Writer:
    def __init__(self, library: Library, reanalyse: bool, batch_size: int) -> None:
        self.library = library
        self.reanalyse = reanalyse
        self.batch_size = batch_size
        self.batch: list[Analysis] = []
        self.run_keys: set[str] = set()  # every text stored in this run (64 bytes each: fine for 100,000 files)
        self.present: set[str] = set()  # of the batch, those stored before this run (updated, not added)
        self.report = AddReport()

    def take(self, result: _Result) -> None:
        path, status, payload = result
        if status == "failed":
            self.report.failed.append((path, str(payload)))
            return
        if status == "skipped" or not isinstance(payload, Analysis):
            self.report.skipped += 1
            return
        key = article_key(payload.article)
        stored = self.library.is_analysed(key)
        if key in self.run_keys or (stored and not self.reanalyse):
            self.report.skipped += 1  # the same text twice in this run, or stored meanwhile
            return
        if stored:
            self.present.add(key)
        self.batch.append(payload)
        self.run_keys.add(key)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        self.library.save_analyses(self.batch)
        updated = len(self.present)
        self.report.updated += updated
        self.report.added += len(self.batch) - updated
        self.batch, self.present = [], set()
