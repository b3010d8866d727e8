"""Helper processes that load a spaCy model and run its NER, so the caller never imports spaCy.

A helper is a plain ``python -c`` child speaking pickle over its stdin/stdout: unlike
multiprocessing's spawn it does not re-run the parent's main script, and unlike fork it is
safe from a process that runs Qt threads. It exits when its stdin closes (also when this
process dies). It imports this package (not the whole reader.core package) and spaCy.

The protocol: the parent sends ``sys.path`` and (the model name, whether to load the parser);
the helper answers ("ready", version) or ("model-error", message); then each list of texts
sent gets back (the model's seconds, entities per text), and each ("parse", texts) gets back
(the seconds, one ``ParsedSentence`` per text; none when the pipeline has no parser).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import weakref
from typing import IO, Any, Protocol

from ..model import ParsedSentence
from .choice import RULES, choose_model, is_installed
from .interface import Ents
from .spacy_loading import _ents, _parse, load_ner_pipeline, model_version

PROCESSES_ENV = "READER_NER_PROCESSES"
HELPER_NICE = 5  # helpers run at a lower CPU priority: a busy machine serves the window first
IN_PROCESS_ENV = "READER_NER_IN_PROCESS"  # 1: load the model in this process instead of a helper process

# The child's whole program. It makes a bare ``reader.core`` package so that importing this
# package does not run reader/core/__init__.py (and with it nothing else of the core).
_HELPER_BOOT = """\
import os, pickle, sys, types
sys.path[:0] = pickle.load(sys.stdin.buffer)
import reader
core = types.ModuleType("reader.core")
core.__path__ = [os.path.join(reader.__path__[0], "core")]
sys.modules["reader.core"] = core
from reader.core.ner.helpers import _helper_main
_helper_main()
"""


def in_process_wanted() -> bool:
    """True when $READER_NER_IN_PROCESS asks for the model in this process (no helper)."""
    return os.environ.get(IN_PROCESS_ENV, "") not in ("", "0")


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


def _helper_main() -> None:
    """A helper process started by ``Helper``: its orders come on stdin, its answers go to stdout."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    model, parser = pickle.load(stdin)
    serve(stdin, stdout, model, parser)


def serve(stdin: IO[bytes], stdout: IO[bytes], model: str, parser: bool) -> None:
    """A helper's life: load the pipeline, say so, then answer lists of texts until EOF.

    Run by the helper processes ``Helper`` starts, and by the child the app forks at launch
    (reader/launch.py), which reads the article first and then becomes a helper.
    """

    def send(value: object) -> None:
        pickle.dump(value, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()

    nice = int(os.environ.get("READER_HELPER_NICE", HELPER_NICE))
    if nice and hasattr(os, "nice"):  # background work: the app's own process comes first for the CPU
        try:
            os.nice(nice)
        except OSError:
            pass
    try:
        nlp = load_ner_pipeline(model, parser=parser)
    except Exception as error:  # noqa: BLE001 - reported to the parent, which raises ModelError
        send(("model-error", f"{type(error).__name__}: {error}"))
        return
    send(("ready", model_version(nlp)))
    while True:
        try:
            texts = pickle.load(stdin)
        except EOFError:
            return
        timer = [0.0]
        if isinstance(texts, tuple) and texts[0] == "parse":
            parsed = _parse(nlp, texts[1], timer) if parser else []
            send((timer[0], parsed))
            continue
        found = list(_ents(nlp, texts, timer))
        send((timer[0], found))


def helper_model(preferred: str | None) -> str | None:
    """The model a helper process would serve for ``preferred``; None when no helper is wanted.

    None for the rules, for in-process NER ($READER_NER_IN_PROCESS) and for a model that is not
    installed. One decision for ``prestart`` and for the child the app forks at launch.
    """
    choice = choose_model(preferred)
    if choice == RULES or in_process_wanted() or not is_installed(choice):
        return None
    return choice


class HelperProcess(Protocol):
    """What ``Helper`` needs of its process: a ``subprocess.Popen``, or the app's forked child."""

    @property
    def stdin(self) -> IO[bytes] | None: ...

    @property
    def stdout(self) -> IO[bytes] | None: ...

    def kill(self) -> None: ...

    def wait(self) -> object: ...


class HelperError(Exception):
    """A helper could not start or stopped; ``model_error``: it ran, but could not load the model."""

    def __init__(self, message: str, model_error: bool = False) -> None:
        super().__init__(message)
        self.model_error = model_error


class Helper:
    """One helper process. Not thread-safe: one caller at a time (``lock``)."""

    process: HelperProcess

    def __init__(self, model: str, parser: bool = False, process: HelperProcess | None = None) -> None:
        """Start a helper for ``model``; or, given ``process``, take over one already serving it."""
        self.lock = threading.Lock()
        self.alive = True
        self.parser = parser  # it loads the parser too (the recogniser's own helper; extra ones do NER only)
        if process is not None:
            self.process = process
            return
        try:
            self.process = subprocess.Popen([sys.executable, "-c", _HELPER_BOOT], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self._send([p for p in sys.path if p])
            self._send((model, parser))
        except (OSError, ValueError) as error:
            self.alive = False
            raise HelperError(f"cannot start a helper process ({error})") from None

    def _pipe(self, name: str) -> IO[bytes]:
        pipe: IO[bytes] | None = getattr(self.process, name)
        if pipe is None:  # pragma: no cover - both pipes are asked for in Popen
            raise ValueError(f"the helper has no {name}")
        return pipe

    def _send(self, value: object) -> None:
        stdin = self._pipe("stdin")
        pickle.dump(value, stdin, protocol=pickle.HIGHEST_PROTOCOL)
        stdin.flush()

    def _receive(self) -> Any:
        try:
            return pickle.load(self._pipe("stdout"))
        except Exception as error:  # noqa: BLE001 - EOF (it died) or garbage: either way it is gone
            self.alive = False
            raise HelperError(f"the helper process stopped ({type(error).__name__})") from None

    def wait_ready(self) -> str:
        """Block until the model is loaded there (a pipe read: this process's other threads run on); its version."""
        kind, detail = self._receive()
        if kind != "ready":
            self.alive = False
            raise HelperError(detail, model_error=kind == "model-error")
        return str(detail)

    def ents(self, texts: list[str]) -> tuple[float, list[Ents]]:
        """(the model's time there, entities per text)."""
        try:
            self._send(texts)
        except (OSError, ValueError) as error:
            self.alive = False
            raise HelperError(f"the helper process stopped ({error})") from None
        result: tuple[float, list[Ents]] = self._receive()
        return result

    def parse(self, texts: list[str]) -> list[ParsedSentence]:
        """A dependency parse of each text (empty when this helper has no parser)."""
        try:
            self._send(("parse", texts))
        except (OSError, ValueError) as error:
            self.alive = False
            raise HelperError(f"the helper process stopped ({error})") from None
        result: tuple[float, list[ParsedSentence]] = self._receive()
        return result[1]

    def close(self, kill: bool = False) -> None:
        self.alive = False
        try:
            if kill:
                self.process.kill()
            self._pipe("stdin").close()  # an idle helper exits on EOF
        except (OSError, ValueError, AttributeError):
            pass
        if hasattr(self, "process"):
            try:
                threading.Thread(target=self.process.wait, name="ner-helper-reaper", daemon=True).start()
            except RuntimeError:  # interpreter shutting down: nothing left to reap for
                pass


# Helpers started by prestart(), waiting for the recogniser that adopts them.
_prestarted: dict[str, Helper] = {}
_prestart_lock = threading.Lock()


def prestart(preferred: str | None = None, running: HelperProcess | None = None) -> None:
    """Start the helper process for the model ``load_recogniser`` will choose, and return at once.

    For an app's first lines: the model then loads on another core while the window is
    built, and the recogniser made later adopts the running helper. Cheap (no spaCy import
    here, one process start); does nothing when the choice is the rules or in-process NER.
    ``running``: a process already loading that model (the app's child forked at launch,
    which made the same ``helper_model`` decision), taken over instead of starting one.
    """
    choice = helper_model(preferred)
    with _prestart_lock:
        if choice is None or choice in _prestarted:
            if running is not None:  # not wanted after all: it exits when its pipes close
                Helper(RULES, process=running).close(kill=True)
            return
        try:
            helper = Helper(choice, parser=True, process=running)
        except HelperError:
            return
        _prestarted[choice] = helper
        weakref.finalize(helper, helper.close)


def adopt_prestarted(model: str) -> Helper | None:
    """The helper prestart() started for ``model``, if any; it is the caller's from now on."""
    with _prestart_lock:
        return _prestarted.pop(model, None)
