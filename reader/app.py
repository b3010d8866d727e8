"""Desktop app entry point: ``python main.py [FILE] [--screenshot OUT.png]``.

Start-up: this module imports nothing heavy at the top (``parse_args`` and the tests need
none of it); Qt and the window are imported in ``main``, after a child forked first thing
(reader/launch.py) has started reading the file on the other core; the child then loads the
language model at a lower priority, while the window is built and paints the text. Where it
cannot fork, the window's worker reads the file and a helper process loads the model once the
text has been painted. The analysis is asked for after the text has been painted.
Where the rest of the time to the first paint goes: docs/desktop.md, "Start-up".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import launch

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .ui.window import MainWindow

SCREENSHOT_TIMEOUT_MS = 120_000
TIMING_ENV = "READER_TIMING"  # set to the launch time (seconds since the epoch) to print timings on stderr


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reader", description="Read a news article closely: entities, quotes, links.")
    parser.add_argument("file", nargs="?",
                        help="an article (HTML, Markdown or text file, or an http/https address); "
                             "the bundled sample if omitted")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window with the file analysed, save it as a PNG and exit")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    path = None if args.file and _is_web_address(args.file) else args.file or _sample_article()
    # First, before Qt: a child forked now reads the file on the other core while the window is built,
    # then loads the language model (reader/launch.py). None where that is not possible: the worker reads it.
    early = launch.start(path) if path else None
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - not at import time: see the module's notes

    QCoreApplication.setOrganizationName("Reader")  # what QSettings needs (read before the application exists)
    QCoreApplication.setApplicationName("Reader")
    from .ui.settings import Settings  # noqa: PLC0415

    scratch = None
    if args.screenshot:
        import tempfile  # noqa: PLC0415

        scratch = tempfile.TemporaryDirectory(prefix="reader-")
    settings = Settings.at(os.path.join(scratch.name, "settings.ini")) if scratch else Settings()
    if early:
        early.send_model(settings.entity_model())  # the child loads it once it has read the file

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from .ui import theme  # noqa: PLC0415
    from .ui.window import MainWindow  # noqa: PLC0415
    from .ui.worker import Analyst  # noqa: PLC0415

    existing = QApplication.instance()
    app = existing or QApplication([sys.argv[0] if sys.argv else "reader", "-style", theme.STYLE])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    theme.apply(app, style_given=existing is None)
    window = MainWindow(Analyst(model=settings.entity_model(), loader=early.load_path if early else None), settings)
    _report_timings(window)
    window.show()
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    prestart = _once(lambda: _prestart(settings.entity_model(), early))
    if path is None:
        window.open_url(args.file)
        # A download takes a while: the model's helper process starts once the window has painted.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, prestart))
    else:
        # The model's helper (the launch child, or a new process where there is none) is handed to the
        # core once the text has been painted: importing reader.core.ner costs ~0.1 s of CPU, which
        # must not compete with the first paint.
        window.textPainted.connect(prestart)
        window.openFailed.connect(lambda _message: prestart())
        window.open_path(path)
    if args.screenshot:
        code = _screenshot(app, window, args.screenshot)
        window.close()
        if scratch:
            scratch.cleanup()
        return code
    return app.exec()


def _once(function: Callable[[], object]) -> Callable[[], None]:
    done: list[bool] = []

    def call() -> None:
        if not done:
            done.append(True)
            function()

    return call


def _prestart(model: str | None, early: launch.EarlyRead | None) -> None:
    from .core.ner import prestart  # noqa: PLC0415 - performance hook, see bench/run.py

    # The model loads in a helper process, on the other core: the launch child, already at it, or a new one.
    prestart(model, running=early.helper_process() if early else None)


# ------------------------------------------------------------------------------------------ helpers


def _sample_article() -> str:
    from . import resources  # noqa: PLC0415

    return str(resources.sample_article())


def _is_web_address(text: str) -> bool:
    from .ui.settings import is_web_address  # noqa: PLC0415

    return is_web_address(text)


# ------------------------------------------------------------------------------------------ screenshot, timing


def _screenshot(app: QApplication, window: MainWindow, out: str) -> int:
    """Wait for the analysis, show the most mentioned person's card, then save the window."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    result = {"code": 1}

    def capture() -> None:
        saved = window.grab().save(out)
        result["code"] = 0 if saved and window.analysis is not None else 1
        if not saved:
            print(f"reader: could not write {out}", file=sys.stderr)
        app.quit()

    def ready(analysis) -> None:
        people = sorted((e for e in analysis.entities if e.label == "PERSON"), key=lambda e: -len(e.mentions))
        anyone = people or sorted(analysis.entities, key=lambda e: -len(e.mentions))
        if anyone:
            window.select_entity(anyone[0].id)
        QTimer.singleShot(500, capture)

    def failed(message: str) -> None:
        print(f"reader: {message}", file=sys.stderr)
        QTimer.singleShot(300, capture)

    window.analysisShown.connect(ready)
    window.openFailed.connect(failed)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, capture)
    app.exec()
    return result["code"]


def _report_timings(window: MainWindow) -> None:
    """With READER_TIMING set to the launch time: print when the text is painted and when the highlights are shown.

    "Text shown" is the article view's first paint with the article's text in it (what a
    reader sees), with the CPU time this process had used by then (less noisy than the wall
    clock on a busy machine); "highlights shown" the end of the call that put the analysis on screen.
    """
    launched = os.environ.get(TIMING_ENV)
    if not launched:
        return
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415

    t0 = float(launched)

    class FirstPaint(QObject):
        armed = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if self.armed and event.type() == QEvent.Type.Paint:
                self.armed = False
                QTimer.singleShot(0, lambda: print(f"timing: text shown {time.time() - t0:.3f} s, "
                                                   f"cpu {time.process_time():.3f} s", file=sys.stderr, flush=True))
            return False

    watcher = FirstPaint(window)
    window.view.viewport().installEventFilter(watcher)

    def text_set(_article) -> None:
        watcher.armed = True

    window.articleShown.connect(text_set)
    window.analysisShown.connect(
        lambda _a: print(f"timing: highlights shown {time.time() - t0:.3f} s", file=sys.stderr, flush=True))
