"""Issue 10, defects 7 and 8: while analysing, the panels say so; a cut text says so as soon as it is shown."""

from __future__ import annotations

from dataclasses import replace

from reader.core.load import TRUNCATED_NOTICE


def test_panels_say_analysing_until_the_analysis_arrives(window, synthetic):
    window.show_article(synthetic.article)
    quotes = window.quote_panel
    assert "No quotations" not in quotes.summary.text()
    assert quotes.summary.text() == "Analysing…"
    assert "(0)" not in quotes.speaker.currentText()
    assert not quotes.speaker.isEnabled()
    assert window.entity_panel.status.text() == "Analysing…" and not window.entity_panel.status.isHidden()
    window.show_analysis(synthetic)
    assert quotes.summary.text() == "4 quotations"
    assert quotes.speaker.isEnabled() and quotes.speaker.currentText() == "All speakers (4)"
    assert window.entity_panel.status.isHidden()


def test_a_failed_analysis_does_not_leave_panels_analysing(window, synthetic):
    window.show_article(synthetic.article)
    window.session.analysing = 7
    window._on_failed(7, "The analysis failed", False)
    assert window.quote_panel.summary.text() != "Analysing…"
    assert window.entity_panel.status.text() != "Analysing…"


def test_the_cut_text_notice_comes_with_the_text(window, synthetic):
    article = replace(synthetic.article, notices=(TRUNCATED_NOTICE,))
    window.show_article(article)
    assert window.message_bar.messages("info") == [TRUNCATED_NOTICE]
    analysis = replace(synthetic, article=article, notices=(TRUNCATED_NOTICE, "Entities by rules."))
    window.show_analysis(analysis)
    assert window.message_bar.messages("info") == [TRUNCATED_NOTICE, "Entities by rules."]  # not twice
