"""The quotes panel: speakers, verbs, kinds, the speaker filter, and selecting a quote's words."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from reader.ui.quote_panel import BadgesRole, CueRole, SpeakerRole


def _rows(panel):
    model = panel.list.model()
    return [model.index(r, 0) for r in range(model.rowCount())]


def test_quotes_show_speaker_cue_and_kind(shown, synthetic):
    panel = shown.quote_panel
    rows = _rows(panel)
    assert len(rows) == 4
    full, term, partial, anonymous = rows
    assert (full.data(SpeakerRole), full.data(CueRole), full.data(BadgesRole)) == ("Maria Lopez", "said", [])
    assert term.data(BadgesRole) == ["term"] and term.data(SpeakerRole) == "Critics"
    assert partial.data(BadgesRole) == ["partial quote"]
    assert anonymous.data(SpeakerRole) == "Unattributed" and "unattributed" in anonymous.data(BadgesRole)
    assert "Unattributed" in anonymous.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.summary.text() == "4 quotations"


def test_clicking_a_quote_selects_its_words_in_the_article(shown, qtbot, synthetic):
    panel = shown.quote_panel
    quote = synthetic.quotes[1]
    index = _rows(panel)[1]
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center())
    assert shown.view.selected_span() == (quote.start, quote.end)
    assert shown.view.textCursor().selectedText() == "vanity project"


def test_filter_by_speaker(shown, synthetic):
    panel = shown.quote_panel
    labels = [panel.speaker.itemText(i) for i in range(panel.speaker.count())]
    assert labels == ["All speakers (4)", "Maria Lopez (2)", "Critics (1)", "Unattributed (1)"]
    panel.speaker.setCurrentIndex(1)
    assert [r.data(SpeakerRole) for r in _rows(panel)] == ["Maria Lopez", "Maria Lopez"]
    assert panel.summary.text() == "2 of 4 quotations"
    panel.filter_speaker("")
    assert [r.data() for r in _rows(panel)] == ["Nobody knows,"]
    panel.filter_speaker(None)
    assert len(_rows(panel)) == 4


def test_quote_from_the_entity_card_selects_it(shown, qtbot, synthetic):
    shown.select_entity("p1")
    with qtbot.waitSignal(shown.entity_card.quoteActivated):
        shown.entity_card.mentions.anchorClicked.emit(QUrl("quote:1"))
    quote = synthetic.quotes[2]
    assert shown.view.selected_span() == (quote.start, quote.end)


def test_sample_quotes_are_listed(sample_window):
    analysis = sample_window.analysis
    assert sample_window.quote_panel.list.model().rowCount() == len(analysis.quotes)


def test_a_long_list_is_filled_as_it_scrolls_and_counted_whole(window, qtbot, synthetic):
    """Thousands of quotes reach the list in batches (fetchMore); counts, filter and activation see all."""
    from dataclasses import replace

    from reader.ui.quote_panel import BATCH

    many = tuple(replace(synthetic.quotes[i % 4], text=f"{synthetic.quotes[i % 4].text} {i}") for i in range(BATCH * 3))
    analysis = replace(synthetic, quotes=many)
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    panel = window.quote_panel
    assert panel.summary.text() == f"{len(many)} quotations"
    assert panel.speaker.itemText(0) == f"All speakers ({len(many)})"
    assert panel.list.model().rowCount() < len(many)  # not all measured up front
    scroll = panel.list.verticalScrollBar()
    for _ in range(10):
        scroll.setValue(scroll.maximum())
        qtbot.wait(5)
    assert panel.list.model().rowCount() == len(many)
    # A speaker filter and a quote chosen elsewhere reach quotes beyond the first batch at once.
    window.show_analysis(analysis)
    panel.filter_speaker("p1")
    assert len(_rows(panel)) == sum(1 for q in many if q.speaker and q.speaker.entity_id == "p1")
    assert panel.summary.text() == f"{len(_rows(panel))} of {len(many)} quotations"
    window.show_analysis(analysis)
    with qtbot.waitSignal(panel.quoteActivated) as signal:
        panel.activate_row(len(many) - 1)
    assert signal.args == [many[-1].start, many[-1].end]


def _with_uncertain_speaker(synthetic):
    """The hand-made analysis with one confident quote (Lopez, 0.95) and one guessed speaker (Lopez, low)."""
    from dataclasses import replace

    from reader.core.model import LOW_CONFIDENCE

    quotes = list(synthetic.quotes)
    quotes[2] = replace(quotes[2], confidence=LOW_CONFIDENCE - 0.25)  # "soon", Lopez wrote: now a guess
    assert not quotes[0].speaker_uncertain and quotes[2].speaker_uncertain
    return replace(synthetic, quotes=tuple(quotes))


def test_an_uncertain_speaker_reads_probably(window, synthetic):
    from reader.ui.quote_panel import SPEAKER_SURE, SPEAKER_UNCERTAIN, UNCERTAIN_TIP, LinesRole

    analysis = _with_uncertain_speaker(synthetic)
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    sure, _term, guess, _anonymous = _rows(window.quote_panel)
    assert sure.data(LinesRole)[1].startswith("— Maria Lopez") and sure.data(LinesRole)[2] == SPEAKER_SURE
    assert guess.data(LinesRole)[1].startswith("— probably Maria Lopez")
    assert guess.data(LinesRole)[2] == SPEAKER_UNCERTAIN  # drawn muted and in italics
    assert UNCERTAIN_TIP in guess.data(Qt.ItemDataRole.ToolTipRole)
    assert UNCERTAIN_TIP not in sure.data(Qt.ItemDataRole.ToolTipRole)
    assert guess.data(SpeakerRole) == "Maria Lopez"  # the filter still counts it as hers
    window.quote_panel.list.grab()  # paints both styles without error
    window.select_entity("p1")  # her card lists both quotes: only the guessed one says "probably"
    assert window.entity_card.mentions.toPlainText().count("(probably)") == 1


def test_hovering_a_quote_with_an_uncertain_speaker_says_probably(window, synthetic):
    analysis = _with_uncertain_speaker(synthetic)
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    view = window.view
    guess, sure = analysis.quotes[2], analysis.quotes[0]
    tip = view.tooltip_at(view.point_of(guess.start + 1))
    assert "probably Maria Lopez" in tip and "not sure" in tip
    assert "probably" not in view.tooltip_at(view.point_of(sure.start + 3))
