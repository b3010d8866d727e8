"""Issue 10, defect 10: card contexts, the list scrolls the text, legend counts, link failures, About."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from reader.core.model import Analysis, Article, Block, Entity, Mention, Span
from reader.ui.entity_panel import EntityIdRole

from .conftest import TEXT, at


def _long_sentence() -> Analysis:
    words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
             "quebec romeo sierra tango uniform victor whiskey xray yankee zulu ").split()
    before = " ".join(words * 3)
    text = f"{before} Maria Lopez {before}."
    start = text.index("Maria Lopez")
    mention = Mention(start, start + 11, "Maria Lopez", "PERSON", "p1")
    article = Article("long.txt", text, (Block(0, len(text), "p"),))
    entity = Entity("p1", "Maria Lopez", "PERSON", ("Maria Lopez",), (mention,))
    return Analysis(article, (Span(0, len(text)),), (entity,), (), (), "hand-made")


def test_card_contexts_are_cut_at_word_boundaries(window):
    analysis = _long_sentence()
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    window.select_entity("p1")
    listing = " ".join(window.entity_card.mentions.toPlainText().split())
    line = listing[listing.index("…"):]
    words = set(analysis.text.replace(".", "").split())
    shown = re.sub(r"^\d+\.\s*", "", line).replace("…", " ").split()
    assert shown and all(w in words for w in shown), shown
    assert line.startswith("…") and line.rstrip().endswith("…")


def test_choosing_an_entity_in_the_list_scrolls_the_text_to_its_first_mention(window, qtbot):
    from .test_reading import _long_article

    analysis = _long_article()
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    tree = window.entity_panel.tree
    people = tree.model().index(0, 0)
    grey = tree.model().index(0, 0, people)
    assert grey.data(EntityIdRole) == "a"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(grey).center())
    first = analysis.entities[0].mentions[0]
    assert window.view.selected_span() == (first.start, first.end)
    assert bar.value() < bar.maximum() // 2
    assert window.entity_card.current_index == 0


def test_legend_says_its_counts_are_mentions(shown):
    legend = shown.legend
    assert legend.caption.text() == "Mentions:" and not legend.caption.isHidden()
    assert legend.button("PERSON").text() == "People 4"
    assert "1 name, 4 mentions" in legend.button("PERSON").toolTip()
    assert "1 mention;" in legend.button("GPE").toolTip()
    shown.show_article(shown.analysis.article)
    assert legend.caption.isHidden()  # no numbers while analysing


def test_a_failed_open_in_browser_stays_in_the_message_bar(shown, qtbot, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    start, _ = at(TEXT, "the report here")
    shown.link_inspector.select_link_at(start)
    shown.link_inspector.open_current()
    errors = shown.message_bar.messages("error")
    assert errors and "could not open" in errors[0]
    qtbot.wait(50)
    assert shown.message_bar.messages("error") == errors  # not a passing status message
    shown.message_bar.rows[-1].close_button.click()
    qtbot.waitUntil(lambda: not shown.message_bar.messages("error"), timeout=2000)
