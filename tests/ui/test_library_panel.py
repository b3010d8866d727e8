"""The Library panel: articles with search, opening one, the Speakers view and its chart, an entity in other
articles, adding the article on screen, adding a folder with progress and Cancel, a damaged library in words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.model import Analysis, Article, Entity, Mention, Metadata, Quote, Speaker
from reader.library import LibraryLinker
from reader.store import Library, open_database
from reader.ui.library_panel import SOURCE_ROLE, LibraryPanel

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"


def analysis(source: str, text: str, people: list[tuple[str, list[str]]], quotes: list[tuple[str, str, str]],
             orgs: list[str] = (), title: str | None = None) -> Analysis:
    """people: (name, surfaces); quotes: (words, speaker surface after them, speaker name)."""
    entities, ids = [], {}
    for name, surfaces, label in [(n, s, "PERSON") for n, s in people] + [(o, [o], "ORG") for o in orgs]:
        entity_id = f"{label.lower()}-{name.lower().replace(' ', '-')}"
        ids[name] = entity_id
        spans, position = [], 0
        for surface in surfaces:
            start = text.index(surface, position)
            spans.append(Mention(start, start + len(surface), surface, label, entity_id))
            position = start + len(surface)
        entities.append(Entity(entity_id, name, label, tuple(dict.fromkeys(surfaces)), tuple(spans)))
    found = []
    for words, surface, name in quotes:
        start = text.index(words)
        at = text.index(surface, start)
        found.append(Quote(start, start + len(words), words, "full", Speaker(surface, at, at + len(surface), ids[name]),
                           "said", 0.9))
    article = Article(source=source, text=text, metadata=Metadata(title=title, date="2026-11-02"))
    return Analysis(article=article, sentences=(), entities=tuple(entities), quotes=tuple(found), links=(),
                    recogniser="test", model="test", model_version="1")


HARBOUR = analysis("/news/harbour.html", "Ruth Ellery opened the harbour. “It is a good day,” Ellery said. "
                   "“We welcome it,” the Port Trust said.",
                   [("Ruth Ellery", ["Ruth Ellery", "Ellery"])],
                   [("It is a good day,", "Ellery", "Ruth Ellery"), ("We welcome it,", "Port Trust", "Port Trust")],
                   orgs=["Port Trust"], title="Harbour opens")
BRIDGE = analysis("/news/bridge.html", "Mrs Ellery crossed the new bridge. “It took too long,” Ellery said. "
                  "“Worth the wait,” Ellery added.",
                  [("Ellery", ["Mrs Ellery", "Ellery", "Ellery"])],
                  [("It took too long,", "Ellery", "Ellery"), ("Worth the wait,", "Ellery", "Ellery")],
                  title="Bridge finished at last")
SCHOOL = analysis("/news/school.html",
                  "Tom Grieve, a teacher, spoke about the school bridge. “Too small,” Grieve said.",
                  [("Tom Grieve", ["Tom Grieve", "Grieve"])], [("Too small,", "Grieve", "Tom Grieve")],
                  title="School worries")


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "library.sqlite3"
    with open_database(path) as db:
        Library(db, LibraryLinker()).save_analyses([HARBOUR, BRIDGE, SCHOOL])
    return path


@pytest.fixture
def panel(qtbot, db_path):
    widget = LibraryPanel(db_path, add_options={"model": "rules", "workers": 0})
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    widget.refresh()
    return widget


def rows(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def test_the_articles_are_listed_newest_first_and_opening_one_emits_its_source(panel, qtbot):
    assert [row[0] for row in rows(panel.articles)] == ["School worries", "Bridge finished at last", "Harbour opens"]
    item = panel.articles.topLevelItem(1)
    with qtbot.waitSignal(panel.articleOpened, timeout=1000) as signal:
        panel.articles.itemDoubleClicked.emit(item, 0)
    assert signal.args == ["/news/bridge.html"]


def test_typing_in_the_search_field_lists_the_hits_with_a_snippet(panel, qtbot):
    qtbot.keyClicks(panel.search, "bridge")
    qtbot.waitUntil(lambda: panel.articles.topLevelItemCount() == 2, timeout=2000)
    found = rows(panel.articles)
    assert {row[0] for row in found} == {"Bridge finished at last", "School worries"}
    assert all("[bridge]" in row[2].lower() for row in found)
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.articles.topLevelItemCount() == 3, timeout=2000)


def test_the_speakers_view_counts_quotes_and_articles_and_draws_a_bar_each(panel, qtbot):
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.chart.isVisible() and panel.chart.width() > 200, timeout=2000)
    assert rows(panel.speakers)[0][0] == "Ruth Ellery"
    counts = {row[0]: (row[2], row[3]) for row in rows(panel.speakers)}
    assert counts == {"Ruth Ellery": ("3", "2"), "Port Trust": ("1", "1"), "Tom Grieve": ("1", "1")}
    bars = panel.chart.bar_rects()
    assert len(bars) == 3
    assert bars[0].width() == pytest.approx(3 * bars[1].width())  # bar length is proportional to the count
    assert panel.chart.shares == pytest.approx((0.8, 0.2))
    assert "people 80%" in panel.share.text() and "organisations 20%" in panel.share.text()
    image = panel.chart.grab().toImage()  # it paints without error, and paints something
    assert image.pixelColor(int(bars[0].center().x()), int(bars[0].center().y())) != \
        image.pixelColor(image.width() - 2, int(bars[0].center().y()))


def test_an_entity_in_other_articles_lists_every_mention_and_quote_and_opens_them(panel, qtbot):
    assert panel.show_entity("Mrs Ellery", "PERSON")
    assert panel.tabs.currentIndex() == 2
    assert "Ruth Ellery" in panel.entity_title.text() and "2 articles" in panel.entity_title.text()
    mentions, said = (panel.occurrences.topLevelItem(i) for i in range(2))
    assert mentions.childCount() == 5 and said.childCount() == 3
    assert {mentions.child(i).data(0, SOURCE_ROLE) for i in range(5)} == {"/news/harbour.html", "/news/bridge.html"}
    assert "crossed the new bridge" in mentions.child(2).text(1)
    with qtbot.waitSignal(panel.articleOpened, timeout=1000) as signal:
        panel.occurrences.itemActivated.emit(said.child(2), 0)
    assert signal.args == ["/news/bridge.html"]
    assert not panel.show_entity("Nobody Known")
    assert "no article of the library" in panel.entity_title.text()


def test_a_speaker_opens_in_other_articles(panel):
    item = panel.speakers.findItems("Tom Grieve", Qt.MatchFlag.MatchExactly)[0]
    panel.speakers.itemDoubleClicked.emit(item, 0)
    assert panel.tabs.currentIndex() == 2 and panel.entity_title.text().startswith("Tom Grieve")


def test_adding_the_article_on_screen_is_one_call_and_shows_up(panel):
    on_screen = analysis("/news/more.html", "Ruth Ellery said “Enough,” at the quay.",
                         [("Ruth Ellery", ["Ruth Ellery"])], [("Enough,", "at", "Ruth Ellery")], title="More")
    assert panel.add_analysis(on_screen) is not None
    assert rows(panel.articles)[0][0] == "More"
    assert panel.add_analysis(on_screen) is not None  # again: the same article, not a second one
    assert panel.articles.topLevelItemCount() == 4


def test_adding_a_folder_shows_progress_and_reports(panel, qtbot, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("pol-01", "pol-02", "bus-01"):
        shutil.copy(NEWS / f"{name}.txt", folder / f"{name}.txt")
    with qtbot.waitSignal(panel.addFinished, timeout=30000) as signal:
        panel.add_folder(folder)
        assert panel.progress.isVisible() and panel.cancel_button.isVisible() and not panel.add_button.isEnabled()
    report = signal.args[0]
    assert (report.added, report.cancelled) == (3, False)
    assert panel.articles.topLevelItemCount() == 6
    assert not panel.progress.isVisible() and panel.add_button.isEnabled()
    assert panel.message.text().startswith("Added 3 articles")


def test_adding_a_folder_can_be_cancelled(panel, qtbot, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for path in sorted(NEWS.glob("*.txt"))[:30]:
        shutil.copy(path, folder / path.name)
    panel._relay.progress.connect(lambda done, total: panel.cancel_add() if done == 2 else None)
    with qtbot.waitSignal(panel.addFinished, timeout=30000) as signal:
        panel.add_folder(folder)
    report = signal.args[0]
    assert report.cancelled and 2 <= report.added < 30
    assert "(cancelled)" in panel.message.text()


def test_a_damaged_library_is_a_message_not_a_crash(qtbot, tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"not a database" * 50)
    widget = LibraryPanel(path)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.message.isVisible() and "damaged" in widget.message.text()
    assert widget.articles.topLevelItemCount() == 0
    assert path.read_bytes() == b"not a database" * 50
