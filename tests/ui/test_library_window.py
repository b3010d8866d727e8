"""The Library in the window (issue 11): Add to Library, opening a stored article, "In other articles" from the
entity card, the Speakers view, and a library that cannot be used. Every test has its own database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.model import Analysis, Article, Block, Entity, Mention, Metadata, Quote, Span, Speaker
from reader.ui.library_panel import SOURCE_ROLE

BRIDGE_TEXT = "Maria Lopez opened the new bridge on Friday.\n\n“It took too long,” Lopez said."


@pytest.fixture(autouse=True)
def library_file(tmp_path, monkeypatch) -> Path:
    """A database of the test's own: never the user data folder's."""
    path = tmp_path / "library" / "reader.sqlite3"
    path.parent.mkdir()
    monkeypatch.setenv("READER_LIBRARY", str(path))
    return path


def _bridge(source: str = "/news/bridge.html") -> Analysis:
    """A second article in which Maria Lopez is mentioned twice and quoted once."""
    text = BRIDGE_TEXT
    first = text.index("Maria Lopez")
    again = text.index("Lopez said")
    words = text.index("It took too long,")
    lopez = Entity("p1", "Maria Lopez", "PERSON", ("Maria Lopez", "Lopez"),
                   (Mention(first, first + 11, "Maria Lopez", "PERSON", "p1"),
                    Mention(again, again + 5, "Lopez", "PERSON", "p1")))
    quote = Quote(words, words + 17, "It took too long,", "full", Speaker("Lopez", again, again + 5, "p1"), "said", 0.9)
    split = text.index("\n\n")
    article = Article(source=source, text=text, blocks=(Block(0, split, "p"), Block(split + 2, len(text), "p")),
                      metadata=Metadata(title="Bridge opens", date="2026-11-02"), format="text")
    return Analysis(article=article, sentences=(Span(0, split), Span(split + 2, len(text))), entities=(lopez,),
                    quotes=(quote,), links=(), recogniser="hand-made")


def _show(window, analysis: Analysis) -> None:
    window.show_article(analysis.article)
    window.show_analysis(analysis)


def _titles(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_the_library_panel_is_built_only_when_first_shown(window, qtbot):
    assert window._library_panel is None  # a cold start does not open the database
    assert window.library_dock in window.panel_layout.docks
    window._show_dock(window.library_dock)
    qtbot.waitUntil(lambda: window._library_panel is not None, timeout=2000)
    assert window.library_dock.widget() is window.library_panel


def test_add_to_library_stores_the_article_on_screen(shown, synthetic):
    assert shown.add_to_library_action.isEnabled()
    shown.add_to_library_action.trigger()
    panel = shown.library_panel
    assert shown.library_dock.isVisible()
    assert _titles(panel.articles) == ["Port plans"]
    assert panel.articles.topLevelItem(0).data(0, SOURCE_ROLE) == synthetic.article.source
    assert shown.message_bar.messages("error") == []


def test_opening_an_article_from_the_library_reads_it(window, qtbot, tmp_path):
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    _show(window, _bridge(str(story)))
    assert window.add_to_library()
    _show(window, _bridge("/news/elsewhere.html"))  # something else on screen
    panel = window.library_panel
    item = next(panel.articles.topLevelItem(i) for i in range(panel.articles.topLevelItemCount())
                if panel.articles.topLevelItem(i).data(0, SOURCE_ROLE) == str(story))
    with qtbot.waitSignal(window.articleShown, timeout=10_000) as shown_signal:
        panel.articles.itemActivated.emit(item, 0)
    assert shown_signal.args[0].source == str(story)
    assert "Maria Lopez opened the new bridge" in window.view.toPlainText()


def test_in_other_articles_on_the_card_shows_mentions_across_the_library(window, qtbot, synthetic):
    _show(window, _bridge())
    assert window.add_to_library()
    _show(window, synthetic)
    assert window.add_to_library()
    window.select_entity("p1")
    card = window.entity_card
    assert card.other_articles_button.isEnabled()
    qtbot.mouseClick(card.other_articles_button, Qt.MouseButton.LeftButton)
    panel = window.library_panel
    assert window.library_dock.isVisible()
    assert panel.tabs.currentIndex() == 2
    assert "Maria Lopez" in panel.entity_title.text()
    mentions, quotes = panel.occurrences.topLevelItem(0), panel.occurrences.topLevelItem(1)
    articles = {mentions.child(i).text(0) for i in range(mentions.childCount())}
    assert articles == {"Port plans", "Bridge opens"}
    assert mentions.childCount() == 6  # four in the port story, two in the bridge story
    said = {quotes.child(i).text(1) for i in range(quotes.childCount())}
    assert "“It took too long,”" in said and "“We will rebuild the port,”" in said


def test_in_other_articles_without_a_name_asks_for_one(window):
    assert window.in_other_articles() is False
    assert not window.entity_card.other_articles_button.isEnabled()
    assert window._library_panel is None  # nothing to look up: the database stays closed


def test_speakers_view_counts_quotes_and_articles(window, synthetic):
    _show(window, _bridge())
    window.add_to_library()
    _show(window, synthetic)
    window.add_to_library()
    panel = window.library_panel
    speakers = panel.speakers
    rows = {speakers.topLevelItem(i).text(0): (speakers.topLevelItem(i).text(2), speakers.topLevelItem(i).text(3))
            for i in range(speakers.topLevelItemCount())}
    assert rows["Maria Lopez"] == ("3", "2")  # two quotes in the port story, one in the bridge story
    assert panel.chart.rows and panel.chart.rows[0][0] == "Maria Lopez"
    panel.tabs.setCurrentIndex(1)
    panel.grab()  # the chart paints


def test_a_damaged_library_is_one_message_and_the_reader_still_works(library_file, make_window, synthetic, qtbot):
    library_file.write_bytes(b"this is not a database, only some bytes" * 100)
    window = make_window()
    _show(window, synthetic)
    assert window.add_to_library() is False
    errors = window.message_bar.messages("error")
    assert len(errors) == 1 and "damaged" in errors[0]
    window.select_entity("p1")
    assert window.in_other_articles() is False
    window._show_dock(window.library_dock)
    qtbot.wait(20)  # the shown tab refreshes once the layout settles
    assert len(window.message_bar.messages("error")) == 1  # said once, however often it is asked
    _show(window, replace(_bridge(), article=replace(_bridge().article, source="/news/bridge2.html")))
    assert "Maria Lopez opened the new bridge" in window.view.toPlainText()
    assert window.entity_panel.isEnabled() and window.quote_panel.model.total() == 1
    assert library_file.read_bytes().startswith(b"this is not a database")  # left as it was


def _resize(window, qtbot, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=2000)
    qtbot.wait(50)


def test_small_windows_treat_the_library_like_the_other_panels(shown, qtbot):
    right = Qt.DockWidgetArea.RightDockWidgetArea
    _resize(shown, qtbot, 800, 600)  # one column of tabs
    assert not shown.library_dock.isFloating() and shown.dockWidgetArea(shown.library_dock) == right
    assert shown.library_dock in shown.tabifiedDockWidgets(shown.quotes_dock)
    _resize(shown, qtbot, 640, 480)  # no room for panels
    assert not shown.library_dock.isVisible()
    assert shown._library_panel is None  # hiding and showing never built it
    _resize(shown, qtbot, 1280, 800)
    assert shown.dockWidgetArea(shown.library_dock) == right
    assert shown.library_dock in shown.tabifiedDockWidgets(shown.links_dock)
    assert shown.quotes_dock.isVisible() and not shown.quotes_dock.visibleRegion().isEmpty()  # still in front


def test_reset_layout_puts_the_library_back_beside_the_links(shown, qtbot):
    shown.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, shown.library_dock)
    shown.library_dock.setFloating(True)
    shown.reset_layout_action.trigger()
    qtbot.wait(20)
    assert not shown.library_dock.isFloating()
    assert shown.dockWidgetArea(shown.library_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert shown.library_dock in shown.tabifiedDockWidgets(shown.links_dock)


def test_a_layout_saved_before_the_library_existed_still_has_it(window, qtbot):
    from PySide6.QtWidgets import QMainWindow

    window.removeDockWidget(window.library_dock)  # the window as it was before issue 11
    old = window.saveState()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.library_dock)
    QMainWindow.restoreState(window, old)
    window.library_dock.show()
    window.focus_actions[-1].trigger()  # Ctrl+6
    qtbot.waitUntil(lambda: window.library_dock.isVisible(), timeout=2000)
    assert window.library_panel.search.hasFocus() or window.focusWidget() is window.library_panel.search


def test_a_folder_that_could_not_be_added_is_said_in_the_message_bar(window, qtbot):
    panel = window.library_panel
    panel.addFinished.emit("The database is locked by another program.")
    assert window.message_bar.messages("error") == ["The database is locked by another program."]
