"""Desktop app entry point: ``python main.py [FILE] [--screenshot OUT.png]``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import resources
from .ui import theme
from .ui.settings import Settings, is_web_address
from .ui.window import MainWindow
from .ui.worker import Analyst

SCREENSHOT_TIMEOUT_MS = 120_000
TIMING_ENV = "READER_TIMING"  # set to the launch time (seconds since the epoch) to print timings on stderr


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reader", description="Read a news article closely: entities, quotes, links.")
    parser.add_argument("file", nargs="?",
                        help="an article (HTML, Markdown or text file, or an http/https address); the bundled sample if omitted")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window with the file analysed, save it as a PNG and exit")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reader"])
    app.setOrganizationName("Reader")
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    theme.apply(app)
    scratch = tempfile.TemporaryDirectory(prefix="reader-") if args.screenshot else None
    settings = Settings.at(Path(scratch.name) / "settings.ini") if scratch else Settings()
    from .core.ner import prestart  # noqa: PLC0415 - performance hook, see bench/run.py

    prestart(settings.entity_model())  # the model starts loading in a helper process, on another core, now
    window = MainWindow(Analyst(model=settings.entity_model()), settings)
    _report_timings(window)
    window.show()
    if args.file and is_web_address(args.file):
        window.open_url(args.file)
    else:
        window.open_path(args.file or resources.sample_article())
    if args.screenshot:
        code = _screenshot(app, window, args.screenshot)
        window.close()
        if scratch:
            scratch.cleanup()
        return code
    return app.exec()


def _screenshot(app: QApplication, window: MainWindow, out: str) -> int:
    """Wait for the analysis, show the most mentioned person's card, then save the window."""
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
    launched = os.environ.get(TIMING_ENV)
    if not launched:
        return
    t0 = float(launched)

    def text_shown(_article) -> None:
        QTimer.singleShot(0, lambda: print(f"timing: text shown {time.time() - t0:.3f} s", file=sys.stderr))

    window.articleShown.connect(text_shown)
    window.analysisShown.connect(
        lambda _a: print(f"timing: highlights shown {time.time() - t0:.3f} s", file=sys.stderr))
