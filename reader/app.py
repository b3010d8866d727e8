"""Desktop app entry point: ``python main.py [FILE] [--screenshot OUT.png]``.

Start-up: this module imports nothing heavy at the top (``parse_args`` and the tests need
none of it); Qt and the window are imported in ``main``. The file is read in the window's
worker while the window is shown; the language model's helper process starts once the
window has painted (it loads on the other core, at a lower priority, while the file is
read), and the analysis is asked for after the text has been painted.
Where the rest of the time to the first paint goes: docs/desktop.md, "Start-up".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

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
    _defer_import("soupsieve")  # see _defer_import
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - not at import time: see the module's notes

    QCoreApplication.setOrganizationName("Reader")  # what QSettings needs (read before the application exists)
    QCoreApplication.setApplicationName("Reader")
    from .ui.settings import Settings  # noqa: PLC0415

    scratch = None
    if args.screenshot:
        import tempfile  # noqa: PLC0415

        scratch = tempfile.TemporaryDirectory(prefix="reader-")
    settings = Settings.at(os.path.join(scratch.name, "settings.ini")) if scratch else Settings()

    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from .ui import theme  # noqa: PLC0415
    from .ui.window import MainWindow  # noqa: PLC0415
    from .ui.worker import Analyst  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reader"])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    theme.apply(app)
    window = MainWindow(Analyst(model=settings.entity_model()), settings)
    _report_timings(window)
    window.show()
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    prestart = _once(lambda: _prestart(settings.entity_model()))
    if args.file and _is_web_address(args.file):
        window.open_url(args.file)
        # A download takes a while: the model's helper process starts once the window has painted.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, prestart))
    else:
        # The model's helper process starts once the text has been painted, before the panels are built:
        # started after the empty window's first paint, its start (importing reader.core.ner, ~0.1 s of
        # CPU) competed with the reading of the file for the GIL. Started before the window's imports,
        # spaCy's import took CPU from the window's own start on a busy two-core machine (text 2.69 s
        # instead of 1.95 s, median of 8 interleaved pairs at load 5), and the highlights came no sooner.
        window.textPainted.connect(prestart)
        window.openFailed.connect(lambda _message: prestart())
        window.open_path(args.file or _sample_article())
    if args.screenshot:
        code = _screenshot(app, window, args.screenshot)
        window.close()
        if scratch:
            scratch.cleanup()
        return code
    return app.exec()


def _defer_import(name: str) -> None:
    """Make the next ``import name`` cheap: the module is executed when one of its attributes is first used.

    For soupsieve: BeautifulSoup imports it when bs4 is imported (for CSS selectors, which the
    core does not use), and compiling its patterns is on the way to the text's first paint (the
    file is read then). ``importlib.util.LazyLoader`` is the standard library's; the finder
    below hands it the module's spec the first time the module is imported, and only then.
    """
    if name in sys.modules:
        return
    sys.meta_path.insert(0, _LazyFinder(name))


class _LazyFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def find_spec(self, name: str, path: object = None, target: object = None):
        if name != self.name:
            return None
        import importlib.util  # noqa: PLC0415

        sys.meta_path.remove(self)  # once: the lookup below goes to the usual finders
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def _once(function: Callable[[], object]) -> Callable[[], None]:
    done: list[bool] = []

    def call() -> None:
        if not done:
            done.append(True)
            function()

    return call


def _prestart(model: str | None) -> None:
    from .core.ner import prestart  # noqa: PLC0415 - performance hook, see bench/run.py

    prestart(model)  # the model loads in a helper process, on the other core, while the text is read


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
