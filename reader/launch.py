"""The app's first act, before Qt is imported: fork a child that reads the article, then loads the model.

Why: the text's first paint waited for the file to be read, and reading it in the window's
worker thread (importing lxml, bs4 and the loader, then parsing: ~0.15 s of CPU) shared the
GIL with the window being built. Forked at launch, the child reads the file on the other core
while this process imports Qt and builds the window, and it costs no interpreter start: it
is a copy of this process, which has imported nothing heavy yet.

Then the child becomes the language model's helper process (the same pipe protocol as
reader/core/ner/helpers.py, from the model message on): once this process says which model
the user prefers (``send_model``, as soon as the settings are read), the child loads it at a
lower priority, while the window paints. ``helper_process`` hands it to ``prestart``, and the
recogniser made for the first analysis adopts it. The model's load thus starts ~0.3 s sooner
than a helper started after the first paint, and without a second interpreter start.

Forking is safe only while this process has one thread and no Qt (``start`` checks both) and
only where fork is the platform's way (Linux); elsewhere, or with READER_EARLY_READ=0,
``start`` returns None and the window's worker reads the file itself, as it always could.
Whatever goes wrong in the child, the worker then reads the file itself: the result and its
error messages are the same either way (the child sends back ``load_path``'s own exception).
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core.model import Article

EARLY_READ_ENV = "READER_EARLY_READ"  # 0: no child forked at launch (the worker reads the file)


def start(path: str) -> EarlyRead | None:
    """Fork the child that reads ``path``; None where forking is not safe or not wanted."""
    if not _fork_is_safe() or os.environ.get(EARLY_READ_ENV, "1") == "0":
        return None
    to_child_read, to_child_write = os.pipe()
    from_child_read, from_child_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (to_child_read, to_child_write, from_child_read, from_child_write):
            os.close(fd)
        return None
    if pid == 0:  # the child: never returns
        os.close(to_child_write)
        os.close(from_child_read)
        _child(path, os.fdopen(to_child_read, "rb"), os.fdopen(from_child_write, "wb"))
    os.close(to_child_read)
    os.close(from_child_write)
    return EarlyRead(path, pid, os.fdopen(to_child_write, "wb"), os.fdopen(from_child_read, "rb"))


def _fork_is_safe() -> bool:
    # Qt starts threads and holds state a forked copy must not touch; any other thread may hold a
    # lock the copy would wait on forever. At the app's first line there is neither.
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and not any(name.startswith("PySide6") for name in sys.modules))


class EarlyRead:
    """This process's side of the child: the article it read, then the helper it became."""

    def __init__(self, path: str, pid: int, to_child: IO[bytes], from_child: IO[bytes]) -> None:
        self.path = path
        self.pid = pid
        self._to_child = to_child
        self._from_child = from_child
        self._lock = threading.Lock()
        self._article_taken = False
        self._model_sent = False

    def load_path(self, path: str | os.PathLike[str]) -> Article:
        """``reader.core.load_path(path)``: the child's reading the first time ``path`` is the file it read.

        Blocks (in the caller's worker thread, not holding the GIL) until the child has sent it.
        Raises what ``load_path`` raised in the child; when the child failed in any other way,
        reads the file here.
        """
        with self._lock:
            # Taken off the pipe whichever file is asked for: what follows on it is the helper's.
            outcome = None if self._article_taken else self._receive()
            self._article_taken = True
        if outcome is not None and os.fspath(path) == self.path:
            kind, value = outcome
            if kind == "article":
                return value  # type: ignore[no-any-return]
            if isinstance(value, BaseException):
                raise value
        from .core import load_path  # noqa: PLC0415 - the core is imported off the GUI thread

        return load_path(path)

    def _receive(self) -> tuple[str, Any] | None:
        try:
            outcome = pickle.load(self._from_child)
        except Exception:  # noqa: BLE001 - EOF (it died) or garbage: the caller reads the file itself
            return None
        return outcome if isinstance(outcome, tuple) and len(outcome) == 2 else None

    def send_model(self, preferred: str | None) -> None:
        """Tell the child which model the user prefers (None: the best installed); it loads it if a helper would."""
        if self._model_sent:
            return
        self._model_sent = True
        try:
            pickle.dump(preferred, self._to_child, protocol=pickle.HIGHEST_PROTOCOL)
            self._to_child.flush()
        except (OSError, ValueError):  # it has gone: prestart() then starts a helper of its own
            pass

    def helper_process(self) -> _ChildProcess | None:
        """The child as a helper process, for ``prestart(running=...)``; None before its article was taken.

        Before that, its pipe still holds the article: another reader of it would get that.
        """
        with self._lock:
            if not self._article_taken:
                return None
        return _ChildProcess(self.pid, self._to_child, self._from_child)


class _ChildProcess:
    """The child as ``Helper`` sees a process (reader/core/ner/helpers.py, HelperProcess)."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout

    def kill(self) -> None:
        import signal  # noqa: PLC0415

        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:  # already gone
            pass

    def wait(self) -> int | None:
        try:
            return os.waitpid(self.pid, 0)[1]
        except ChildProcessError:  # reaped already
            return None


def _child(path: str, from_parent: IO[bytes], to_parent: IO[bytes]) -> None:
    """The forked child's whole life; it ends with ``os._exit``, never returning into the app's code."""
    code = 0
    try:
        _die_with(os.getppid())
        _quiet()
        outcome = _read(path)
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled: the parent reads the file itself
            data = pickle.dumps(("unsent", None), protocol=pickle.HIGHEST_PROTOCOL)
        to_parent.write(data)
        to_parent.flush()
        try:
            preferred = pickle.load(from_parent)
        except EOFError:  # the app is done with us
            return
        from .core.ner.helpers import helper_model, serve  # noqa: PLC0415

        model = helper_model(preferred)
        if model is not None:
            serve(from_parent, to_parent, model, parser=True)
    except BaseException:  # noqa: BLE001 - the parent sees EOF and does the work itself
        code = 1
    finally:
        os._exit(code)


def _read(path: str) -> tuple[str, object]:
    # bs4 imports soupsieve for CSS selectors, which the loader never uses: compiling its patterns is ~40 ms
    # of this read. None in sys.modules makes that import fail, as if it were not installed, and bs4 goes on
    # without CSS selectors; in this child only, which selects nothing with CSS, now or as a helper.
    sys.modules.setdefault("soupsieve", None)  # type: ignore[arg-type]
    import warnings  # noqa: PLC0415

    warnings.filterwarnings("ignore", "The soupsieve package is not installed", UserWarning)  # bs4 says so
    from .core import load_path  # noqa: PLC0415 - in the child only

    try:
        return ("article", load_path(path))
    except Exception as error:  # noqa: BLE001 - raised again in the parent, as if read there
        return ("error", error)


def _die_with(parent: int) -> None:
    # A helper started by Popen exits when its stdin closes, but only between two jobs: loading the
    # model takes a second or more. The child goes with the app at once (Linux's PR_SET_PDEATHSIG).
    import ctypes  # noqa: PLC0415
    import signal  # noqa: PLC0415

    pr_set_pdeathsig = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: it exits at its next read instead
        pass
    if os.getppid() != parent:  # the app ended before the line above
        os._exit(0)


def _quiet() -> None:
    # The child must not read the terminal nor write to it (spaCy's warnings), as a helper started by
    # Popen does not; and Python's own buffered stdout must never be flushed twice (os._exit skips it).
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
