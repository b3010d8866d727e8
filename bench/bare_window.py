"""The baseline for the reader's cold start: a bare PySide6 window showing the sample's text.

    READER_TIMING=$(date +%s.%N) python bench/bare_window.py [FILE]

A QTextBrowser, nothing else: the interpreter, the Qt import, a QApplication, the sample's
HTML given to ``setHtml``, the window shown. When READER_TIMING holds the launch time it
prints ``timing: text shown X s`` on stderr when the text view paints its first frame with
the text (the same moment ``main.py`` reports, see reader/app.py), then quits. bench/run.py
starts it and the reader alternately, in the same run.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reader", "data", "samples", "hama.html")


class _FirstPaint(QObject):
    def __init__(self, launched: float) -> None:
        super().__init__()
        self.launched = launched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.launched:
            # After this paint returns: the frame is drawn.
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        if self.launched:
            print(f"timing: text shown {time.time() - self.launched:.3f} s, cpu {time.process_time():.3f} s",
                  file=sys.stderr, flush=True)
            self.launched = 0.0
            QApplication.quit()


def main() -> int:
    launched = float(os.environ.get("READER_TIMING") or 0)
    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    browser.resize(1280, 800)
    with open(sys.argv[1] if len(sys.argv) > 1 else SAMPLE, encoding="utf-8") as handle:
        browser.setHtml(handle.read())
    if launched:
        watcher = _FirstPaint(launched)
        browser.viewport().installEventFilter(watcher)
    browser.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
