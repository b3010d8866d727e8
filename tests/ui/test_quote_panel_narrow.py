"""The Quotes panel at a dock's minimum width (200 px): the summary wraps between words, a long speaker in the filter
is shortened with "…" (its count kept) and whole in the tooltip; nothing is cut mid-word with no way to read it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from reader.ui.quote_panel import QuotePanel, elide_keeping_count

NARROW = 200  # panel_layout.PANEL_MIN_WIDTH: a dock column is never narrower
LONG_NAME = "Abu Muhammad Al Golani Abdul Rahman"


@pytest.fixture
def panel(qtbot):
    panel = QuotePanel()
    qtbot.addWidget(panel)
    panel.resize(NARROW, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _field_width(box) -> int:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()


def test_the_summary_wraps_between_words_in_a_narrow_panel(panel, qtbot, synthetic):
    panel.set_analysis(replace(synthetic, quotes=()))
    summary = panel.summary
    text = "No quotations found in this article."
    assert summary.text() == text and summary.toolTip() == text
    qtbot.waitUntil(lambda: summary.width() <= NARROW)
    assert summary.fontMetrics().horizontalAdvance(text) > summary.width()  # on one line it would be cut
    assert summary.wordWrap()
    one_line = summary.fontMetrics().lineSpacing()
    assert summary.heightForWidth(summary.width()) >= 2 * one_line - 1  # two lines, broken between words
    qtbot.waitUntil(lambda: summary.height() >= summary.heightForWidth(summary.width()))  # and given their height
    assert panel.minimumSizeHint().width() <= NARROW  # it never asks the dock for more


def test_a_long_speaker_is_shortened_with_an_ellipsis_keeping_its_count_and_whole_in_the_tooltip(panel, qtbot,
                                                                                                  synthetic):
    lopez = synthetic.entities[0]
    analysis = replace(synthetic, entities=(replace(lopez, name=LONG_NAME), *synthetic.entities[1:]))
    panel.set_analysis(analysis)
    box = panel.speaker
    panel.filter_speaker("p1")
    full = f"{LONG_NAME} (2)"
    assert box.currentText() == full
    panel.grab()  # painted at this width
    shown = box.displayed_text()
    assert shown != full and shown.endswith("… (2)") and LONG_NAME.startswith(shown[:-len("… (2)")])
    assert box.fontMetrics().horizontalAdvance(shown) <= _field_width(box)
    assert box.toolTip() == full
    assert panel.minimumSizeHint().width() <= NARROW
    # Wide enough, it is shown whole and needs no tooltip; "All speakers" fits anyway.
    panel.resize(600, 400)
    qtbot.waitUntil(lambda: box.width() > 500)
    assert box.displayed_text() == full and box.toolTip() == ""
    panel.resize(NARROW, 400)
    qtbot.waitUntil(lambda: box.toolTip() == full)
    panel.filter_speaker(None)
    assert box.displayed_text() == box.currentText() and box.toolTip() == ""


def test_eliding_keeps_the_count_while_a_few_letters_of_the_name_fit(panel):
    metrics = panel.speaker.fontMetrics()
    text = f"{LONG_NAME} (12)"
    assert elide_keeping_count(metrics, text, 10_000) == text
    medium = elide_keeping_count(metrics, text, metrics.horizontalAdvance("Abu Muhammad (12)") + 8)
    assert medium.endswith("… (12)") and metrics.horizontalAdvance(medium) <= metrics.horizontalAdvance(text)
    assert not medium[:-len("… (12)")].endswith(" ")  # the ellipsis against the word, not after a space
    tiny = elide_keeping_count(metrics, text, metrics.horizontalAdvance("Ab…"))
    assert tiny.endswith("…") and "(12)" not in tiny  # no room for the name: the text shortened as a whole
