"""Corrections in the window (issue 10): context menus, undo, the store, the dialog, a bad database.

Every test has its own database (READER_LIBRARY in a temporary folder): never the user's.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from reader.core.corrections import apply_corrections
from reader.ui import corrections as corrections_ui
from reader.ui import theme
from reader.ui.corrections import find_action

from .conftest import at, make_synthetic


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    """A database of the test's own; writes wait at most 0.2 s for a lock."""
    path = tmp_path / "user-data" / "reader.sqlite3"
    monkeypatch.setenv("READER_LIBRARY", str(path))
    monkeypatch.setattr(corrections_ui, "BUSY_TIMEOUT", 0.2)
    return path


class StandIn:
    """The core's stand-in: the hand-made analysis of whatever article it is given, corrected as the core would."""

    model_loaded = True

    def __init__(self) -> None:
        self.asked: list[tuple] = []

    def analyze(self, article, progress=None, cancelled=None, corrections=()):
        self.asked.append(tuple(corrections))
        return apply_corrections(dataclasses.replace(make_synthetic(), article=article), corrections)


def show(window, analysis=None):
    analysis = analysis or make_synthetic()
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    return analysis


def entity_named(window, name):
    return next((e for e in window.analysis.entities if e.name == name), None)


def list_menu(window, entity_id):
    """The entity list's context menu on an entity's row, as a right click opens it."""
    panel = window.entity_panel
    index = panel._proxy.mapFromSource(panel.model.index_of(entity_id))
    point = panel.tree.visualRect(index).center()
    assert panel.entity_at_point(point).id == entity_id
    panel.tree.customContextMenuRequested.emit(point)
    return window.corrections.last_menu


def quote_menu(window, row):
    panel = window.quote_panel
    point = panel.list.visualRect(panel._proxy.index(row, 0)).center()
    panel.list.customContextMenuRequested.emit(point)
    return window.corrections.last_menu


def text_menu(window, offset):
    return window.view.context_menu(window.view.point_of(offset))


def trigger(menu, *path):
    action = find_action(menu, *path)
    assert action is not None and action.isEnabled(), f"no {' > '.join(path)} in the menu"
    action.trigger()
    menu.close()


def stored(window):
    return [item.correction for item in window.corrections.stored()]


def test_retype_from_the_entity_list_shows_at_once_and_persists(make_window, qtbot):
    window = make_window()
    synthetic = show(window)
    menu = list_menu(window, "o1")
    assert menu.isVisible() and find_action(menu, "Copy") is None
    trigger(menu, "Change Type", "Person")
    acme = entity_named(window, "Acme Corp")
    assert acme.label == "PERSON" and acme.id == "o1"
    panel = window.entity_panel
    assert panel.model.index_of("o1").parent().data() == theme.type_name("PERSON")  # listed among people
    start = at(synthetic.text, "Acme Corp")[0]
    assert window.view.painted_at(start).background == theme.current().type_style("PERSON").background
    assert len(stored(window)) == 1 and stored(window)[0].article is not None
    assert window.statusBar().currentMessage().startswith("Change Type of “Acme Corp” to Person. Ctrl+Z undoes it")
    # A new window, and the same article analysed again through the worker: still a person.
    stand_in = StandIn()
    second = make_window(stand_in)
    with qtbot.waitSignal(second.analysisShown, timeout=10_000):
        second.open_article(synthetic.article)
    assert stand_in.asked and stand_in.asked[-1] == tuple(stored(window))  # the core was given them
    assert entity_named(second, "Acme Corp").label == "PERSON"
    # Shown directly (not through the worker), an analysis is corrected too.
    third = make_window()
    show(third)
    assert entity_named(third, "Acme Corp").label == "PERSON"


def test_ctrl_z_undoes_in_the_store_and_on_screen(window, qtbot):
    synthetic = show(window)
    trigger(list_menu(window, "o1"), "Change Type", "In Every Article", "Person")
    assert stored(window)[0].article is None  # every article: the user gazetteer
    assert entity_named(window, "Acme Corp").label == "PERSON"
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    assert window.corrections.undo_action.text().startswith("&Undo Change Type")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == []
    assert entity_named(window, "Acme Corp").label == "ORG"
    start = at(synthetic.text, "Acme Corp")[0]
    assert window.view.painted_at(start).background == theme.current().type_style("ORG").background
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(stored(window)) == 1 and entity_named(window, "Acme Corp").label == "PERSON"


def test_not_an_entity_from_the_text(window):
    synthetic = show(window)
    start = at(synthetic.text, "Paris")[0]
    menu = text_menu(window, start)
    assert find_action(menu, "Copy") is not None  # Qt's own stay
    trigger(menu, "Not an Entity", "In This Article")
    assert entity_named(window, "Paris") is None
    assert window.view.painted_at(start) is None
    assert window.entity_panel.model.index_of("g1").isValid() is False


def test_one_mention_is_not_an_entity(window):
    synthetic = show(window)
    start = at(synthetic.text, "Lopez", 3)[0]
    trigger(text_menu(window, start), "Not an Entity", "Only “Lopez” Here")
    lopez = entity_named(window, "Maria Lopez")
    assert len(lopez.mentions) == 3 and start not in {m.start for m in lopez.mentions}


def test_new_entity_from_a_selection(window):
    synthetic = show(window)
    start, end = at(synthetic.text, "Critics")
    window.view.select_span(start, end)
    menu = text_menu(window, start + 2)
    trigger(menu, "Mark “Critics” as Entity", "Nationality or group")
    critics = entity_named(window, "Critics")
    assert critics is not None and critics.label == "NORP"
    assert window.view.painted_at(start).background == theme.current().type_style("NORP").background
    term = next(q for q in window.analysis.quotes if q.text == "vanity project")
    assert term.speaker.entity_id == critics.id  # the quote's speaker is now that entity
    assert stored(window)[0].article is not None


def test_a_selection_inside_words_marks_the_whole_words(window):
    synthetic = show(window)
    start, end = at(synthetic.text, "fficials fr")  # a drag that stopped inside both words
    window.view.select_span(start, end)
    trigger(text_menu(window, start + 2), "Mark “officials from” as Entity", "Nationality or group")
    assert entity_named(window, "officials from").mentions[0].start == start - 1


def test_merge_with_another_entity(window):
    show(window)
    offered = []

    def pick(parent, title, names, scope):  # the searchable picker, answered
        offered.extend(names)
        return next(n for n in names if n.startswith("Acme Corp")), False

    window.corrections.pick_entity = pick
    trigger(list_menu(window, "g1"), "Merge With", "Other")
    acme = entity_named(window, "Acme Corp")
    assert entity_named(window, "Paris") is None and len(acme.mentions) == 3 and acme.id == "o1"
    assert offered[0] == "Maria Lopez — Person (4)" and "Paris — Country, city or state (1)" not in offered


def test_the_entity_picker_filters(qtbot):
    picker = corrections_ui.EntityPicker(None, "Merge", ["Maria Lopez — Person (4)", "Acme Corp — Organisation (2)"])
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.filter, "acme")
    assert picker.proxy.rowCount() == 1 and picker.chosen() == "Acme Corp — Organisation (2)"


def test_merge_offers_kindred_entities_most_mentioned_first(window):
    show(window)
    trigger(list_menu(window, "g1"), "Change Type", "Organisation")  # Paris, an organisation here
    menu = list_menu(window, "g1")
    merge = find_action(menu, "Merge With").menu()
    assert [a.text() for a in merge.actions() if a.text()][:1] == ["Acme Corp (2)"]
    trigger(menu, "Merge With", "Acme Corp (2)")
    assert entity_named(window, "Paris") is None and len(entity_named(window, "Acme Corp").mentions) == 3


def test_split_a_mention_off(window):
    synthetic = show(window)
    start = at(synthetic.text, "Lopez", 2)[0]
    trigger(text_menu(window, start), "Split This Mention Off")
    assert len(entity_named(window, "Maria Lopez").mentions) == 3
    alone = window.view.mention_at(start)
    assert alone.entity_id != "p1" and len(window.analysis.entity(alone.entity_id).mentions) == 1


def test_rename(window):
    show(window)
    window.corrections.ask_text = lambda *args: ("Acme Corporation", False)
    trigger(list_menu(window, "o1"), "Rename")
    assert entity_named(window, "Acme Corporation").id == "o1"


def test_change_and_clear_a_speaker_in_the_quotes_list(window):
    show(window)
    panel = window.quote_panel
    trigger(quote_menu(window, 1), "Change Speaker", "Maria Lopez (Person)")  # "vanity project", by Critics
    term = next(q for q in window.analysis.quotes if q.text == "vanity project")
    assert term.speaker.entity_id == "p1"
    assert panel.model.quote(1).speaker.entity_id == "p1"
    trigger(quote_menu(window, 0), "Clear Speaker")
    assert window.analysis.quotes[0].speaker is None
    assert panel.speaker.itemText(panel.speaker.count() - 1).startswith("Unattributed (2)")
    window.corrections.ask_text = lambda *args: ("A spokesman", False)
    trigger(quote_menu(window, 3), "Change Speaker", "Other")
    assert window.analysis.quotes[3].speaker.text == "A spokesman"
    window.corrections.undo_stack.undo()
    assert window.analysis.quotes[3].speaker is None


def test_quote_actions_in_the_text(window):
    synthetic = show(window)
    start = at(synthetic.text, "Nobody")[0]
    menu = text_menu(window, start)
    assert find_action(menu, "Clear Speaker").isEnabled() is False  # unattributed already
    trigger(menu, "Change Speaker", "Acme Corp (Organisation)")
    assert window.analysis.quotes[3].speaker.entity_id == "o1"


def test_the_dialog_lists_and_removes(window, qtbot):
    show(window)
    trigger(list_menu(window, "o1"), "Change Type", "Person")
    trigger(list_menu(window, "g1"), "Not an Entity", "In Every Article")
    dialog = window.corrections.open_dialog()
    qtbot.addWidget(dialog)
    try:
        assert dialog.list.topLevelItemCount() == 2
        first = dialog.list.topLevelItem(0)
        assert first.text(0).startswith("“Acme Corp” (ORG) is PERSON") and first.text(1) == "One article"
        assert first.text(2) == "Port plans" and dialog.list.topLevelItem(1).text(1) == "Every article"
        first.setSelected(True)
        dialog.remove_button.click()
        assert dialog.list.topLevelItemCount() == 1
        assert entity_named(window, "Acme Corp").label == "ORG"  # on screen at once
        window.corrections.undo_stack.undo()  # the removal is undoable
        assert dialog.list.topLevelItemCount() == 2 and entity_named(window, "Acme Corp").label == "PERSON"
        assert window.corrections.dialog_action.text() == "C&orrections…"
    finally:
        dialog.reject()


def test_removing_a_correction_the_analysis_was_made_with_analyses_again(make_window, qtbot):
    first = make_window()
    synthetic = show(first)
    trigger(list_menu(first, "o1"), "Change Type", "Person")
    stand_in = StandIn()
    window = make_window(stand_in)
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.open_article(synthetic.article)
    assert entity_named(window, "Acme Corp").label == "PERSON"
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.corrections.remove([item.id for item in window.corrections.stored()])
    assert entity_named(window, "Acme Corp").label == "ORG" and stand_in.asked[-1] == ()


def test_export_and_import_round_trip(window, tmp_path, qtbot):
    show(window)
    trigger(list_menu(window, "o1"), "Change Type", "Person")
    trigger(list_menu(window, "g1"), "Not an Entity", "In Every Article")
    before = stored(window)
    dialog = window.corrections.open_dialog()
    qtbot.addWidget(dialog)
    try:
        out = tmp_path / "mine.json"
        assert dialog.export_to(out)
        assert json.loads(out.read_text(encoding="utf-8"))["format"] == "reader-corrections"
        window.corrections.remove([item.id for item in window.corrections.stored()])
        assert stored(window) == [] and entity_named(window, "Paris") is not None
        assert dialog.import_from(out) == 2
        assert stored(window) == before
        assert entity_named(window, "Paris") is None and entity_named(window, "Acme Corp").label == "PERSON"
        assert dialog.import_from(out) == 0  # all there already
        # A file with one good and one bad correction: nothing of it is added, and the dialog says why.
        window.corrections.undo_stack.undo()  # the import, undone
        assert stored(window) == []
        document = json.loads(out.read_text(encoding="utf-8"))
        document["corrections"][1]["kind"] = "nonsense"
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(document), encoding="utf-8")
        assert dialog.import_from(bad) is None
        assert dialog.message.isVisible() and "Correction 2" in dialog.message.text()
        assert "Nothing was imported" in dialog.message.text() and stored(window) == []
        (tmp_path / "not.json").write_text("{oops", encoding="utf-8")
        assert dialog.import_from(tmp_path / "not.json") is None and "not valid JSON" in dialog.message.text()
    finally:
        dialog.reject()


def test_a_damaged_database_is_said_once_and_the_reader_works(database, make_window, qtbot):
    database.parent.mkdir(parents=True)
    database.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 500)
    stand_in = StandIn()
    window = make_window(stand_in)
    synthetic = make_synthetic()
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.open_article(synthetic.article)
    errors = window.message_bar.messages("error")
    assert len(errors) == 1 and "damaged" in errors[0]
    assert window.analysis is not None and entity_named(window, "Acme Corp") is not None
    trigger(list_menu(window, "o1"), "Change Type", "Person")  # still possible, kept in memory
    assert entity_named(window, "Acme Corp").label == "PERSON"
    assert window.message_bar.messages("error") == errors
    assert database.read_bytes().startswith(b"SQLite format 3\x00\x00garbage")  # left as it was


def test_a_locked_database_is_said_once_and_the_reader_works(database, make_window, qtbot):
    from reader.core.corrections import NotAnEntity
    from reader.store import CorrectionStore, open_database

    with open_database(database) as db:
        CorrectionStore(db).add(NotAnEntity("Paris"))
    lock = sqlite3.connect(database, isolation_level=None)
    lock.execute("PRAGMA locking_mode = EXCLUSIVE")
    lock.execute("BEGIN EXCLUSIVE")
    try:
        stand_in = StandIn()
        window = make_window(stand_in)
        with qtbot.waitSignal(window.analysisShown, timeout=10_000):
            window.open_article(make_synthetic().article)
        errors = window.message_bar.messages("error")
        assert len(errors) == 1 and "in use by another program" in errors[0]
        assert entity_named(window, "Paris") is not None and entity_named(window, "Acme Corp") is not None
    finally:
        lock.close()


def test_a_write_that_meets_a_lock_changes_nothing(database, window):
    show(window)
    trigger(list_menu(window, "o1"), "Change Type", "Person")  # the database exists now
    lock = sqlite3.connect(database, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        trigger(list_menu(window, "g1"), "Not an Entity", "In This Article")
        assert entity_named(window, "Paris") is not None  # not made
        assert window.message_bar.messages("error")[0].startswith("The database")
        assert window.corrections.undo_stack.count() == 1
    finally:
        lock.close()
    assert len(stored(window)) == 1


def test_no_database_file_until_the_first_correction(database, window):
    show(window)
    assert not database.exists()
    trigger(list_menu(window, "g1"), "Not an Entity", "In This Article")
    assert database.exists()


def test_a_right_click_in_the_text_opens_the_menu(window, qtbot):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    synthetic = show(window)
    view = window.view
    point = view.point_of(at(synthetic.text, "Paris")[0] + 1)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    menu = window.corrections.last_menu
    try:
        assert menu is not None and menu.isVisible()
        assert find_action(menu, "Select All") is not None and find_action(menu, "Change Type", "Person") is not None
    finally:
        menu.close()


def test_the_real_pipeline_applies_a_stored_correction(sample_window, make_window, qtbot, data_dir):
    """With the core itself: a retype made in one window is in the next window's analysis of the article."""
    hezbollah = entity_named(sample_window, "Hezbollah")
    assert hezbollah is not None and hezbollah.label == "ORG"
    trigger(list_menu(sample_window, hezbollah.id), "Change Type", "In Every Article", "Nationality or group")
    assert entity_named(sample_window, "Hezbollah").label == "NORP"
    window = make_window()
    with qtbot.waitSignal(window.analysisShown, timeout=60_000):
        window.open_path(data_dir / "hama.html")
    assert entity_named(window, "Hezbollah").label == "NORP"
    assert window.corrections._base[1] == tuple(stored(window))  # made by the core with it, not patched after


def test_copy_link_location_copies_the_link_not_the_views_internal_address(window):
    from PySide6.QtGui import QGuiApplication

    synthetic = show(window)
    menu = text_menu(window, at(synthetic.text, "the report here")[0] + 2)
    trigger(menu, "Copy Link Location")
    assert QGuiApplication.clipboard().text() == "https://example.org/report?utm_source=feed&id=7"
