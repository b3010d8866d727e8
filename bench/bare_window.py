"""The baselines for the reader's cold start: bare PySide6 windows showing the sample's text.

    READER_TIMING=$(date +%s.%N) python bench/bare_window.py [--skeleton] [FILE]

Bare: a QTextBrowser, nothing else: the interpreter, the Qt import, a QApplication, the
sample's HTML given to ``setHtml``, the window shown. ``--skeleton``: the same text in a window
of the reader's shape made of plain Qt widgets and none of the reader's code (a menu bar with
its five menus, a row of legend buttons over the text, five docks, a status bar): what any
window of that shape costs, so that the reader's own part can be told from it.
When READER_TIMING holds the launch time it prints ``timing: text shown X s`` on stderr when
the text view paints its first frame with the text (the same moment ``main.py`` reports, see
reader/app.py), then quits. bench/run.py starts them and the reader in turn, in the same run.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser, QWidget

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
    arguments = sys.argv[1:]
    skeleton = "--skeleton" in arguments
    files = [a for a in arguments if a != "--skeleton"]
    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    window: QWidget = _skeleton(browser) if skeleton else browser
    window.resize(1280, 800)
    with open(files[0] if files else SAMPLE, encoding="utf-8") as handle:
        browser.setHtml(handle.read())
    if launched:
        watcher = _FirstPaint(launched)
        browser.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


def _skeleton(browser: QTextBrowser) -> QMainWindow:
    """The reader's window shape in plain widgets: menus, legend row, text, five docks, status bar."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

    window = QMainWindow()
    for title in ("&File", "&Edit", "&View", "&Navigate", "&Help"):
        window.menuBar().addMenu(title)
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    legend = QWidget()
    row = QHBoxLayout(legend)
    row.addWidget(QLabel("Mentions:"))
    for name in ("People", "Organisations", "Places", "Dates", "Quotes"):
        button = QToolButton()
        button.setText(name)
        row.addWidget(button)
    column.addWidget(legend)
    column.addWidget(browser)
    window.setCentralWidget(central)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    docks = []
    for title, area in (("Entities", left), ("Entity", left), ("Quotes", right), ("Links", right), ("Library", right)):
        dock = QDockWidget(title, window)
        dock.setWidget(QWidget())
        window.addDockWidget(area, dock)
        docks.append(dock)
    window.tabifyDockWidget(docks[2], docks[3])
    window.tabifyDockWidget(docks[3], docks[4])
    window.statusBar().showMessage("Reading…")
    return window


if __name__ == "__main__":
    sys.exit(main())
