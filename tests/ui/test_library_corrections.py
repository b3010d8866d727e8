"""A correction made in the window (and its undo) brings the library up to date, off the GUI thread, and the Library
panel shows it without being asked: a rename, a merge, a change of type, here or in every article."""

from __future__ import annotations

import dataclasses
import re
import threading

import pytest

from reader.core.corrections import apply_corrections
from reader.core.model import Analysis, Article, Block, Entity, Mention, Metadata, Quote, Span, Speaker
from reader.library import queries
from reader.ui import library_panel as library_panel_module

from .test_corrections_ui import list_menu, trigger

SCREEN = ("Maria Lopez met Juan Perez of Acme Corp in Paris.\n\n"
          "“We will rebuild the port,” Lopez said. “Not this year,” Perez said.")
BRIDGE = "Maria Lopez opened the new bridge.\n\n“It took too long,” Lopez said."
LIMA = "Juan Perez spoke in Lima.\n\n“Prices will fall,” Perez said."


def build(text: str, title: str, entities: list[tuple[str, str, str, list[str]]],
          quotes: list[tuple[str, str, str]]) -> Analysis:
    """``entities``: (id, name, label, surfaces); ``quotes``: (words, speaker surface after them, speaker id)."""
    built = []
    for entity_id, name, label, surfaces in entities:
        spans = sorted({m.span() for surface in surfaces for m in re.finditer(rf"\b{re.escape(surface)}\b", text)})
        spans = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
        built.append(Entity(entity_id, name, label, tuple(dict.fromkeys(text[a:b] for a, b in spans)),
                            tuple(Mention(a, b, text[a:b], label, entity_id) for a, b in spans)))
    found = []
    for words, surface, speaker in quotes:
        start = text.index(words)
        at = text.index(surface, start)
        found.append(Quote(start, start + len(words), words, "full", Speaker(surface, at, at + len(surface), speaker),
                           "said", 0.9))
    split = text.index("\n\n")
    article = Article(source=f"/news/{title.lower().replace(' ', '-')}.txt", text=text,
                      blocks=(Block(0, split, "p"), Block(split + 2, len(text), "p")), metadata=Metadata(title=title),
                      format="text")
    return Analysis(article=article, sentences=(Span(0, split), Span(split + 2, len(text))), entities=tuple(built),
                    quotes=tuple(found), links=(), recogniser="hand-made")


def screen() -> Analysis:
    return build(SCREEN, "Port plans",
                 [("p1", "Maria Lopez", "PERSON", ["Maria Lopez", "Lopez"]),
                  ("p2", "Juan Perez", "PERSON", ["Juan Perez", "Perez"]),
                  ("o1", "Acme Corp", "ORG", ["Acme Corp"]), ("g1", "Paris", "GPE", ["Paris"])],
                 [("We will rebuild the port,", "Lopez", "p1"), ("Not this year,", "Perez", "p2")])


def bridge() -> Analysis:
    return build(BRIDGE, "Bridge opens", [("p1", "Maria Lopez", "PERSON", ["Maria Lopez", "Lopez"])],
                 [("It took too long,", "Lopez", "p1")])


def lima() -> Analysis:
    return build(LIMA, "Lima", [("p1", "Juan Perez", "PERSON", ["Juan Perez", "Perez"]),
                                ("g1", "Lima", "GPE", ["Lima"])], [("Prices will fall,", "Perez", "p1")])


@pytest.fixture
def updates(monkeypatch) -> list[str]:
    """The threads the library was updated in."""
    threads: list[str] = []
    update = library_panel_module.update_library

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return update(*args, **kwargs)

    monkeypatch.setattr(library_panel_module, "update_library", recorded)
    return threads


@pytest.fixture
def library(window, updates):
    """The window with three articles in its library and the port story on screen."""
    for analysis in (bridge(), lima(), screen()):
        window.show_article(analysis.article)
        window.show_analysis(analysis)
        assert window.add_to_library()
    return window


def speakers(panel) -> dict[tuple[str, str], tuple[int, int]]:
    """The Speakers list: (name, type) -> (quotes, articles)."""
    tree = panel.speakers
    return {(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)):
            (int(tree.topLevelItem(i).text(2)), int(tree.topLevelItem(i).text(3)))
            for i in range(tree.topLevelItemCount())}


BEFORE = {("Maria Lopez", "People"): (2, 2), ("Juan Perez", "People"): (2, 2)}


def settle(window) -> None:
    """Let the library's thread finish what it was given (the panel is shown again by a queued signal after)."""
    assert window.corrections.library_updater is not None
    assert window.corrections.library_updater.wait(10)


def test_a_rename_in_this_article_and_its_undo_show_in_the_library_panel(library, qtbot, updates):
    window, panel = library, library.library_panel
    assert speakers(panel) == BEFORE
    window.corrections.ask_text = lambda *args, **kwargs: ("Maria López", False)
    trigger(list_menu(window, "p1"), "Rename")
    qtbot.waitUntil(lambda: ("Maria López", "People") in speakers(panel), timeout=10_000)
    assert speakers(panel) == {("Maria López", "People"): (1, 1), ("Maria Lopez", "People"): (1, 1),
                               ("Juan Perez", "People"): (2, 2)}  # the bridge story's Maria Lopez is hers still
    assert updates and all(name == "reader-library-update" for name in updates)  # not on the GUI thread
    window.corrections.undo_stack.undo()
    qtbot.waitUntil(lambda: speakers(panel) == BEFORE, timeout=10_000)
    db = panel.database()
    assert queries.resolve(db, "Maria López") == []  # no trace of the name once undone
    window.corrections.undo_stack.redo()
    qtbot.waitUntil(lambda: ("Maria López", "People") in speakers(panel), timeout=10_000)


def test_a_rename_in_every_article_renames_the_person_across_the_library_and_in_other_articles(library, qtbot):
    window, panel = library, library.library_panel
    panel.show_entity("Maria Lopez", "PERSON")
    assert panel.entity_title.text().startswith("Maria Lopez (People): 4 mentions in 2 articles")
    window.corrections.ask_text = lambda *args, **kwargs: ("Maria López", True)
    trigger(list_menu(window, "p1"), "Rename")
    qtbot.waitUntil(lambda: ("Maria López", "People") in speakers(panel), timeout=10_000)
    assert speakers(panel) == {("Maria López", "People"): (2, 2), ("Juan Perez", "People"): (2, 2)}
    # "In other articles" follows the person to the new name, on its tab (no manual refresh).
    assert panel.entity_title.text().startswith("Maria López (People): 4 mentions in 2 articles")
    assert panel.tabs.currentIndex() == 2
    window.corrections.undo_stack.undo()
    qtbot.waitUntil(lambda: speakers(panel) == BEFORE, timeout=10_000)
    qtbot.waitUntil(lambda: panel.entity_title.text().startswith("Maria Lopez (People): 4 mentions in 2 articles"),
                    timeout=10_000)


def test_a_merge_in_every_article_joins_two_people_across_the_library_and_undo_parts_them(library, qtbot):
    window, panel = library, library.library_panel
    window.corrections.pick_entity = lambda parent, title, names, scope=None: (
        next(name for name in names if name.startswith("Juan Perez")), True)
    trigger(list_menu(window, "p1"), "Merge With", "Other…")
    qtbot.waitUntil(lambda: len(speakers(panel)) == 1, timeout=10_000)
    [(name, label)] = speakers(panel)
    assert label == "People" and speakers(panel)[name, label] == (4, 3)  # every quote, in the three articles
    window.corrections.undo_stack.undo()
    qtbot.waitUntil(lambda: speakers(panel) == BEFORE, timeout=10_000)


def test_a_person_made_an_organisation_here_leaves_the_people_and_comes_back_with_undo(library, qtbot):
    window, panel = library, library.library_panel
    trigger(list_menu(window, "p1"), "Change Type", "Organisation")
    qtbot.waitUntil(lambda: ("Maria Lopez", "Organisations") in speakers(panel), timeout=10_000)
    assert speakers(panel) == {("Maria Lopez", "Organisations"): (1, 1), ("Maria Lopez", "People"): (1, 1),
                               ("Juan Perez", "People"): (2, 2)}
    people = {row.name: row.articles for row in queries.entities(panel.database(), label="PERSON")}
    assert people == {"Maria Lopez": 1, "Juan Perez": 2}
    window.corrections.undo_stack.undo()
    qtbot.waitUntil(lambda: speakers(panel) == BEFORE, timeout=10_000)


def test_not_an_entity_here_takes_the_persons_mentions_and_quotes_out_of_the_library(library, qtbot):
    window, panel = library, library.library_panel
    trigger(list_menu(window, "p2"), "Not an Entity", "In This Article")
    qtbot.waitUntil(lambda: speakers(panel).get(("Juan Perez", "People")) == (1, 1), timeout=10_000)
    window.corrections.undo_stack.undo()
    qtbot.waitUntil(lambda: speakers(panel) == BEFORE, timeout=10_000)


def test_a_correction_of_an_article_not_in_the_library_does_not_add_it(window, qtbot, updates):
    window.show_article(bridge().article)
    window.show_analysis(bridge())
    assert window.add_to_library()
    panel = window.library_panel
    window.show_article(screen().article)
    window.show_analysis(screen())  # on screen, not in the library
    trigger(list_menu(window, "p1"), "Change Type", "Organisation")
    settle(window)
    assert updates  # it was asked, and found nothing to store
    assert [row.title for row in queries.articles(panel.database())] == ["Bridge opens"]
    assert speakers(panel) == {("Maria Lopez", "People"): (1, 1)}


class StandIn:
    """The core's stand-in: the port story's analysis for any article, corrected as the core would."""

    model_loaded = True

    def analyze(self, article, progress=None, cancelled=None, corrections=()):
        return apply_corrections(dataclasses.replace(screen(), article=article), corrections)


def test_a_removed_correction_reaches_the_library_once_the_article_is_analysed_again(make_window, qtbot, updates):
    window = make_window(StandIn())
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.open_article(screen().article)
    trigger(list_menu(window, "p1"), "Change Type", "Organisation")
    assert window.add_to_library()  # stored with the correction
    panel = window.library_panel
    assert ("Maria Lopez", "Organisations") in speakers(panel)
    second = make_window(StandIn())  # a window whose analysis was made with the correction
    with qtbot.waitSignal(second.analysisShown, timeout=10_000):
        second.open_article(screen().article)
    with qtbot.waitSignal(second.analysisShown, timeout=10_000):  # only a new analysis can take it back
        second.corrections.remove([item.id for item in second.corrections.stored()])
    assert second.corrections.library_updater.wait(10)
    qtbot.waitUntil(lambda: speakers(second.library_panel) == {("Maria Lopez", "People"): (1, 1),
                                                                ("Juan Perez", "People"): (1, 1)}, timeout=10_000)
    assert queries.entities(panel.database(), label="ORG", limit=0)[0].name == "Acme Corp"


def test_a_library_that_cannot_be_updated_is_said_and_the_next_correction_tries_again(library, qtbot, monkeypatch):
    from reader.store import StoreError

    window, panel = library, library.library_panel
    update = library_panel_module.update_library
    monkeypatch.setattr(library_panel_module, "update_library",
                        lambda *args, **kwargs: (_ for _ in ()).throw(StoreError("The library is locked.")))
    trigger(list_menu(window, "p1"), "Change Type", "Organisation")
    settle(window)
    qtbot.waitUntil(lambda: any("The library is locked." in text for text in window.message_bar.messages("error")),
                    timeout=10_000)
    assert speakers(panel) == BEFORE
    monkeypatch.setattr(library_panel_module, "update_library", update)
    trigger(list_menu(window, "o1"), "Change Type", "Person")  # the next one does its own work and the first's
    qtbot.waitUntil(lambda: ("Maria Lopez", "Organisations") in speakers(panel), timeout=10_000)
    assert {row.name for row in queries.entities(panel.database(), label="PERSON")} >= {"Acme Corp"}
