"""Issue 10, defect 3: at small sizes the article keeps a readable measure; the panels give way, and come back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from reader.ui import theme

SAMPLE = "the quick brown fox jumps over the lazy dog, Syria said on Thursday. "


def chars_per_line(window) -> float:
    view = window.view
    frame = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - frame.leftMargin() - frame.rightMargin()
    metrics = QFontMetricsF(theme.reading_font(view.font_point_size()))
    return column / (metrics.horizontalAdvance(SAMPLE) / len(SAMPLE))


def _resize(window, qtbot, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=2000)
    qtbot.wait(50)


def _shown(window, dock) -> bool:
    """Visible: docked and either alone in its place or the raised tab."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_small_windows_keep_a_readable_measure(shown, qtbot):
    for width, height, least in ((1024, 700, 55), (800, 600, 50)):
        _resize(shown, qtbot, width, height)
        assert shown.width() == width  # the window could be made that small
        assert chars_per_line(shown) >= least, (width, chars_per_line(shown))
        # The panels are still at hand: every one is docked (maybe as a tab), none was lost.
        for dock in (shown.entities_dock, shown.card_dock, shown.quotes_dock, shown.links_dock):
            assert not dock.isFloating()
        assert any(_shown(shown, d) for d in (shown.entities_dock, shown.card_dock, shown.quotes_dock,
                                               shown.links_dock))


def test_panels_come_back_to_sensible_widths_when_the_window_grows(shown, qtbot):
    _resize(shown, qtbot, 800, 600)
    _resize(shown, qtbot, 1280, 800)
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    assert shown.dockWidgetArea(shown.entities_dock) == left and shown.dockWidgetArea(shown.card_dock) == left
    assert shown.dockWidgetArea(shown.quotes_dock) == right and shown.dockWidgetArea(shown.links_dock) == right
    assert shown.entities_dock.width() >= 240
    assert shown.quotes_dock.width() >= 280
    assert _shown(shown, shown.entities_dock) and _shown(shown, shown.card_dock)
    assert chars_per_line(shown) >= 60


def test_a_name_clicked_in_a_small_window_shows_its_card(shown, qtbot, synthetic):
    _resize(shown, qtbot, 800, 600)
    shown.select_entity("p1")
    qtbot.wait(20)
    assert _shown(shown, shown.card_dock)
    assert shown.width() == 800
    assert chars_per_line(shown) >= 50


def test_a_closed_panel_stays_closed_through_resizes(shown, qtbot):
    shown.links_dock.close()
    _resize(shown, qtbot, 800, 600)
    _resize(shown, qtbot, 1280, 800)
    assert not shown.links_dock.isVisible()


def test_a_tiny_window_hides_the_panels_and_brings_them_back(shown, qtbot):
    _resize(shown, qtbot, 640, 480)
    assert chars_per_line(shown) >= 50
    assert not any(d.isVisible() for d in (shown.entities_dock, shown.card_dock, shown.quotes_dock, shown.links_dock))
    _resize(shown, qtbot, 1280, 800)
    assert all(_shown(shown, d) for d in (shown.entities_dock, shown.card_dock, shown.quotes_dock))


def test_a_layout_saved_small_opens_with_the_panels_in_their_places(make_window, settings, qtbot):
    first = make_window()
    _resize(first, qtbot, 800, 600)
    first.close()
    second = make_window()
    _resize(second, qtbot, 1280, 800)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.dockWidgetArea(second.entities_dock) == left
    assert _shown(second, second.entities_dock) and _shown(second, second.card_dock)


def test_reset_layout_in_a_small_window_keeps_the_measure(shown, qtbot):
    _resize(shown, qtbot, 800, 600)
    shown.reset_layout_action.trigger()
    qtbot.wait(20)
    assert chars_per_line(shown) >= 50
