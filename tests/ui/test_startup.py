"""Cold start: only the reading area before the first paint; the panels, actions and menus after the text's.

They are built once the article's text has been painted, or at once when anything asks for them.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from reader.ui.settings import Settings
from reader.ui.window import MainWindow
from reader.ui.worker import Analyst

from .helpers import SAMPLE_TIMEOUT_MS


def test_the_rest_of_the_window_is_built_when_first_asked_for(qtbot, analyzer, tmp_path, synthetic):
    window = MainWindow(Analyst(analyzer), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.findChild(QWidget, "quotePanel") is None  # nothing but the reading area yet
    assert window.quotes_dock.widget() is not None  # the docks hold their places
    assert window.menuBar().actions()  # the menu bar's titles are there from the start
    panel = window.quote_panel  # asked for: everything is built
    assert window.findChild(QWidget, "quotePanel") is panel and window.quotes_dock.widget() is panel
    assert window.findChild(QWidget, "linkInspector") is window.link_inspector
    assert window.open_action.shortcut().toString() and not window.export_actions["json"].isEnabled()
    window.show_article(synthetic.article)
    assert panel.summary.text() == "Analysing…"
    window.show_analysis(synthetic)
    assert window.export_actions["json"].isEnabled()


def test_a_window_shown_without_an_article_builds_the_rest_on_its_first_turn(qtbot, analyzer, tmp_path):
    window = MainWindow(Analyst(analyzer), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "entityPanel") is not None)
    window.close()


def test_the_panels_wait_for_the_text_of_the_first_file(qtbot, analyzer, tmp_path, data_dir):
    window = MainWindow(Analyst(analyzer), Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.open_path(data_dir / "hama.html")  # as reader.app does, right after show()
    modules = ("reader.ui.quote_panel", "reader.ui.link_inspector", "reader.ui.entity_panel")
    built_before_text: list[bool] = []
    window.articleShown.connect(lambda _a: built_before_text.append(window.findChild(QWidget, "quotePanel")
                                                                    is not None))
    analysed: list[object] = []
    window.analysisShown.connect(analysed.append)
    with qtbot.waitSignal(window.textPainted, timeout=SAMPLE_TIMEOUT_MS):
        pass
    assert built_before_text == [False]
    qtbot.waitUntil(lambda: window.findChild(QWidget, "quotePanel") is not None)
    assert all(name in sys.modules for name in modules)
    qtbot.waitUntil(lambda: bool(analysed), timeout=SAMPLE_TIMEOUT_MS)  # asked for once the rest was built
    assert window.quote_panel.model.total() > 0 and window.export_actions["json"].isEnabled()
    window.close()
