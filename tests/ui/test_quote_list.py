"""Issue 10, defects 4 and 9: the quote list and the text mark the same quote, filtered or not, by keyboard too."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from reader.ui.quote_panel import SpanRole


def _row(panel, r):
    return panel.list.model().index(r, 0)


def test_with_a_speaker_filter_the_list_marks_the_quote_marked_in_the_text(shown, qtbot, synthetic):
    panel = shown.quote_panel
    critics = _row(panel, 1)  # "vanity project", by Critics
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(critics).center())
    assert shown.view.selected_span() == (synthetic.quotes[1].start, synthetic.quotes[1].end)
    panel.filter_speaker("p1")  # Lopez's quotes only: the one in the text is filtered out
    current = panel.list.currentIndex()
    assert not current.isValid() or current.data(SpanRole) == shown.view.selected_span()
    assert not panel.list.selectionModel().selectedIndexes()
    # A quote chosen elsewhere (the entity card) is the one the filtered list marks.
    shown.select_entity("p1")
    shown.entity_card.mentions.anchorClicked.emit(QUrl("quote:1"))
    soon = synthetic.quotes[2]
    assert shown.view.selected_span() == (soon.start, soon.end)
    assert panel.list.currentIndex().data(SpanRole) == (soon.start, soon.end)
    assert panel.list.currentIndex().row() == 1  # a proxy row, not the source row (2)
    panel.filter_speaker(None)
    assert panel.list.currentIndex().data(SpanRole) == (soon.start, soon.end)


def test_arrow_keys_in_the_quote_list_follow_in_the_text(shown, qtbot, synthetic):
    panel = shown.quote_panel
    shown.focus_actions[3].trigger()  # Ctrl+4
    qtbot.waitUntil(panel.list.hasFocus, timeout=2000)
    panel.filter_speaker("p1")
    panel.list.setCurrentIndex(_row(panel, 0))
    first, second = synthetic.quotes[0], synthetic.quotes[2]
    assert shown.view.selected_span() == (first.start, first.end)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert shown.view.selected_span() == (second.start, second.end)
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    assert shown.view.selected_span() == (first.start, first.end)
