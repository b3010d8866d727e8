"""Corrections in the window: context menus that make them, an undo stack, and the store that keeps them.

The ``CorrectionsController`` belongs to the window. It

* keeps the user's corrections in the user-data database (reader.store), opened when first needed
  and created only with the first correction (nobody who never corrects gets a file). A database
  that cannot be used (damaged, locked, from a newer Reader) is said once in the message bar and the
  reader goes on: corrections made then are kept in memory until Reader closes;
* makes each correction an undoable command (Edit > Undo, Ctrl+Z): a command adds or removes one
  stored correction, in one transaction;
* shows the effect at once: the analysis on screen is corrected with ``apply_corrections`` (no new
  recognition) and shown through the window's usual ``show_analysis``. It keeps the analysis as the
  worker made it, with the corrections it was made with, and corrects that; only when a correction it
  was made with has gone (removed in the dialog) is the article analysed again;
* gives every later analysis the stored corrections (``Analyst.corrections``), which the core applies
  as it analyses (entity corrections before the quotes are attributed);
* brings the library (the same database) up to date after each change, in a thread of its own
  (library_panel.LibraryUpdater): the corrected analysis on screen replaces its article's stored one,
  if the library has the article, and the people a global rename or merge names are linked again.
  Library panels then show the library again.

Nothing of the core or the store is imported at module level: the window imports this module before
its first paint, and the core is imported off the GUI thread (see worker.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..core.corrections import Correction
    from ..core.model import Analysis, Article, Entity, Mention, Quote
    from ..store import CorrectionStore, Database, StoredCorrection
    from .library_panel import LibraryUpdater
    from .window import MainWindow

BUSY_TIMEOUT = 2.0  # seconds a write waits for another program's lock: the GUI thread waits with it
# The types a person can give an entity, in the menu's order, with a name for each (the legend's are plural).
LABELS: tuple[tuple[str, str], ...] = (
    ("PERSON", "Person"), ("ORG", "Organisation"), ("GPE", "Country, city or state"), ("LOC", "Other place"),
    ("NORP", "Nationality or group"), ("FAC", "Building or site"), ("PRODUCT", "Product"), ("EVENT", "Event"),
    ("WORK_OF_ART", "Work of art"),
)
LABEL_NAMES = dict(LABELS)
# Entities that can be one: a person with a person, a place with a place, ... (Merge With offers these).
_KINDRED = ({"PERSON"}, {"ORG", "NORP"}, {"GPE", "LOC", "FAC"}, {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
MERGE_CHOICES = 12  # entities offered in Merge With; the others through "Other…"
SPEAKER_CHOICES = 12
MAX_NAME_CHARS = 100  # a longer selection is not a name: no "Mark as entity"
_SNAPSHOTS = 16  # corrected analyses kept per article (undo and redo show them again without work)


def label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label.replace("_", " ").title())


def kindred(a: str, b: str) -> bool:
    """Whether entities of labels ``a`` and ``b`` could be the same thing (merging them makes sense)."""
    return a == b or any(a in group and b in group for group in _KINDRED)


def find_action(menu: QMenu, *path: str) -> QAction | None:
    """The action at ``path`` of texts (without "&" and "…"), through submenus: for tests and scripts."""
    def plain(text: str) -> str:
        text = text.split("\t")[0]  # Qt's own actions carry their shortcut after a tab
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()

    for action in menu.actions():
        if plain(action.text()) == plain(path[0]):
            if len(path) == 1:
                return action
            sub = action.menu()
            return find_action(sub, *path[1:]) if isinstance(sub, QMenu) else None
    return None


# ------------------------------------------------------------------ undo commands


class _AddCommand(QUndoCommand):
    """Store one correction; undo takes it back exactly (a re-made one returns to its old place)."""

    def __init__(self, controller: CorrectionsController, correction: Correction, text: str,
                 title: str | None, source: str | None) -> None:
        super().__init__(text)
        self._controller, self._correction, self._title, self._source = controller, correction, title, source
        self._added: Any = None

    def redo(self) -> None:
        store = self._controller.store(create=True)
        added = self._controller.attempt(lambda: store.add(self._correction, article_title=self._title,
                                                           article_source=self._source)) if store else None
        if added is None:
            self.setObsolete(True)  # not stored: nothing to undo (a failed push never reaches the stack)
            return
        self._added = added
        self._controller.pushed = True
        self._controller.stored_changed()

    def undo(self) -> None:
        store = self._controller.store()
        if store is None or self._controller.attempt(lambda: store.undo_add(self._added) or True) is None:
            self.setObsolete(True)
            return
        self._controller.stored_changed()


class _RemoveCommand(QUndoCommand):
    """Remove stored corrections; undo restores them with their ids, at their places."""

    def __init__(self, controller: CorrectionsController, ids: Sequence[int], text: str) -> None:
        super().__init__(text)
        self._controller, self._ids = controller, list(ids)
        self._removed: list[StoredCorrection] = []

    def redo(self) -> None:
        store = self._controller.store()

        def remove() -> list[StoredCorrection]:
            return [item for item in (store.remove(i) for i in self._ids) if item is not None]

        removed = self._controller.attempt(remove) if store else None
        if removed is None:
            self.setObsolete(True)
            return
        self._removed = removed
        self._controller.stored_changed()

    def undo(self) -> None:
        store = self._controller.store()

        def restore() -> bool:
            for item in self._removed:
                store.restore(item)
            return True

        if store is None or self._controller.attempt(restore) is None:
            self.setObsolete(True)
            return
        self._controller.stored_changed()


class _ImportCommand(QUndoCommand):
    """Add an export's corrections (all or none); undo removes those it added."""

    def __init__(self, controller: CorrectionsController, text: str, added_ids: Sequence[int]) -> None:
        super().__init__("Import Corrections")
        self._controller, self._text, self._ids = controller, text, list(added_ids)
        self._first = True

    def redo(self) -> None:
        if self._first:  # imported already (an import's errors must reach the dialog, not an undo command)
            self._first = False
            return
        store = self._controller.store(create=True)
        if store is None:
            self.setObsolete(True)
            return
        before = {item.id for item in store.stored()}
        if self._controller.attempt(lambda: store.import_json(self._text)) is None:
            self.setObsolete(True)
            return
        self._ids = [item.id for item in store.stored() if item.id not in before]
        self._controller.stored_changed()

    def undo(self) -> None:
        store = self._controller.store()
        if store is None or self._controller.attempt(lambda: [store.remove(i) for i in self._ids]) is None:
            self.setObsolete(True)
            return
        self._controller.stored_changed()


# ------------------------------------------------------------------ small dialogs


def ask_text(parent: QWidget, title: str, label: str, text: str = "",
             scope: str | None = None) -> tuple[str, bool] | None:
    """A name, and whether "In every article" was ticked; None when cancelled. Modal: tests replace it."""
    dialog = TextDialog(parent, title, label, text, scope)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class TextDialog(QDialog):
    """One line of text, and a scope box when the change can hold in every article."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "",
                 scope: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.line = QLineEdit(text, self)
        self.line.selectAll()
        self.everywhere = QCheckBox(scope or "", self)
        self.everywhere.setVisible(scope is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.line.textChanged.connect(lambda value: self.ok.setEnabled(bool(value.strip())))
        self.ok.setEnabled(bool(text.strip()))
        self.setMinimumWidth(380)
        form = QFormLayout(self)
        form.addRow(label, self.line)
        form.addRow(self.everywhere)
        form.addRow(buttons)

    def result_value(self) -> tuple[str, bool]:
        return " ".join(self.line.text().split()), self.everywhere.isChecked()


class EntityPicker(QDialog):
    """Choose an entity from a searchable list (Merge With > Other…)."""

    def __init__(self, parent: QWidget | None, title: str, names: Sequence[str], scope: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter names")
        self.filter.setClearButtonEnabled(True)
        self.model = QStringListModel(list(names), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.returnPressed.connect(self.accept)
        self.filter.installEventFilter(self)  # Up and Down in the filter move in the list
        self.setMinimumWidth(380)
        self.everywhere = QCheckBox(scope or "", self)
        self.everywhere.setVisible(scope is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        for widget in (self.filter, self.list, self.everywhere, buttons):
            layout.addWidget(widget)
        self._on_filter("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def chosen(self) -> str | None:
        index = self.list.currentIndex()
        return index.data() if index.isValid() else None


def pick_entity(parent: QWidget, title: str, names: Sequence[str], scope: str | None = None) -> tuple[str, bool] | None:
    dialog = EntityPicker(parent, title, names, scope)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return None
    return dialog.chosen() or "", dialog.everywhere.isChecked()


# ------------------------------------------------------------------ the controller


class CorrectionsController(QObject):
    changed = Signal()  # the stored corrections changed (the dialog lists them again)
    problem = Signal(str, str)  # the store's one sentence, and what it means for the reader

    def __init__(self, window: MainWindow, path: str | None = None, busy_timeout: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._path = path
        self._busy_timeout = BUSY_TIMEOUT if busy_timeout is None else busy_timeout
        self._db: Database | None = None
        self._store: CorrectionStore | None = None
        self.persistent = True  # False once the file could not be used: corrections last until Reader closes
        self._keys: dict[int, tuple[Article, str]] = {}  # id(article) -> (article, its article_key)
        self._asked: dict[int, tuple[Article, tuple[Correction, ...]]] = {}  # analyses asked for, and with what
        self._base: tuple[Analysis, tuple[Correction, ...]] | None = None  # as the worker made it, and with what
        self._snapshots: dict[tuple[Correction, ...], Analysis] = {}
        # The library: the corrections it was last brought up to date with, the article whose corrected
        # analysis it waits for (being analysed again), and the thread that updates it (made when first needed).
        self._library_seen: tuple[Correction, ...] = ()
        self._library_waiting: str | None = None
        self.library_updater: LibraryUpdater | None = None
        self._showing = False  # our own show_analysis: not a new analysis
        self.pushed = False  # the latest add was stored
        self.last_menu: QMenu | None = None  # the latest context menu (tests trigger its actions)
        self.dialog: QDialog | None = None
        # Replaceable (tests): the modal questions.
        self.ask_text: Callable[..., tuple[str, bool] | None] = ask_text
        self.pick_entity: Callable[..., tuple[str, bool] | None] = pick_entity
        self.undo_stack = QUndoStack(self)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        redo = [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo if not k.isEmpty()}.values()))
        self.dialog_action = QAction("C&orrections…", self)
        self.dialog_action.setStatusTip("The corrections you made: remove, export or import them")
        self.dialog_action.triggered.connect(self.open_dialog)
        for action in (self.undo_action, self.redo_action, self.dialog_action):
            window.addAction(action)  # the shortcuts work with the menu bar hidden
        self.problem.connect(self._show_problem)
        window.analyst.corrections = self.corrections_for
        window.analysisShown.connect(self._on_analysis_shown)
        window.view.contextMenuAboutToShow.connect(self.extend_text_menu)
        window.entity_panel.tree.customContextMenuRequested.connect(self._on_entity_list_menu)
        window.quote_panel.list.customContextMenuRequested.connect(self._on_quote_list_menu)
        window.installEventFilter(self)

    # the store ------------------------------------------------------------------------------
    def store(self, create: bool = False) -> CorrectionStore | None:
        """The corrections' store, opened on first use; None while there is no database file and
        ``create`` is False. A database that cannot be used is said once; then one in memory serves."""
        if self._store is not None:
            return self._store
        from ..store import CorrectionStore, StoreError, database_path, open_database  # noqa: PLC0415

        try:
            target = database_path(self._path, create_folder=create)
            if not create and not target.exists():
                return None
            database = open_database(target, busy_timeout=self._busy_timeout, check=False)
            try:
                store = CorrectionStore(database)
                # Read now: damage shows here, once, not in the middle of a correction.
                self._library_seen = tuple(store.corrections())
            except BaseException:
                database.close()
                raise
        except StoreError as error:
            self.persistent = False
            self.problem.emit(str(error), "Corrections you make now are kept only until Reader closes.")
            database = open_database(":memory:")
            store = CorrectionStore(database)
        self._db, self._store = database, store
        return store

    def attempt(self, work: Callable[[], Any]) -> Any:
        """``work()``; a StoreError (locked, disk full) is said in the message bar and gives None."""
        from ..store import StoreError  # noqa: PLC0415

        try:
            return work()
        except StoreError as error:
            self.problem.emit(str(error), "The change was not made.")
            return None

    def close(self) -> None:
        if self.library_updater is not None:
            self.library_updater.close()  # the update under way ends (one transaction); the rest is dropped
            self.library_updater = None
        if self._db is not None:
            self._db.close()
        self._db = self._store = None

    @property
    def database_path(self) -> Path | None:
        return self._db.path if self._db is not None else None

    def stored(self) -> list[StoredCorrection]:
        """Every stored correction, in the order they apply in (for the dialog)."""
        store = self.store()
        result = self.attempt(store.stored) if store is not None else None
        return result or []

    def article_key(self, article: Article) -> str:
        found = self._keys.get(id(article))
        if found is None or found[0] is not article:
            from ..core.corrections import article_key  # noqa: PLC0415

            if len(self._keys) > 8:
                self._keys.clear()
            found = self._keys[id(article)] = (article, article_key(article))
        return found[1]

    def relevant(self, article: Article) -> tuple[Correction, ...]:
        """The corrections that concern ``article`` (the global ones and its own), in order."""
        store = self.store()
        if store is None:
            return ()
        return tuple(self.attempt(lambda: store.corrections(self.article_key(article))) or ())

    def corrections_for(self, article: Article) -> tuple[Correction, ...]:
        """For the worker, on the GUI thread when an analysis is asked for: what it is to be made with."""
        corrections = self.relevant(article)
        if len(self._asked) > 8:
            self._asked.clear()
        self._asked[id(article)] = (article, corrections)
        return corrections

    # making corrections ---------------------------------------------------------------------
    def add(self, correction: Correction, text: str) -> bool:
        """Store ``correction`` as an undoable step and show its effect; False when it could not be stored."""
        article = self.window.session.article
        title = source = None
        if correction.article is not None and article is not None:
            title = article.title or Path(article.source).name
            source = self.window.session.source or article.source
        self.pushed = False
        self.undo_stack.push(_AddCommand(self, correction, text, title, source))
        if self.pushed:
            shortcut = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.window.statusBar().showMessage(f"{text}. {shortcut} undoes it.", 6000)
        return self.pushed

    def remove(self, ids: Sequence[int]) -> None:
        if ids:
            text = "Remove Correction" if len(ids) == 1 else f"Remove {len(ids)} Corrections"
            self.undo_stack.push(_RemoveCommand(self, ids, text))

    def import_json(self, text: str) -> int:
        """Add an export's corrections, all or none, as one undoable step; returns how many were new.
        Raises CorrectionError (not an export, a bad entry) or StoreError; nothing is added then."""
        store = self.store(create=True)
        assert store is not None
        before = {item.id for item in store.stored()}
        count = store.import_json(text)
        if count:
            added = [item.id for item in store.stored() if item.id not in before]
            self.undo_stack.push(_ImportCommand(self, text, added))
            self.stored_changed()
        return count

    def export_json(self) -> str:
        store = self.store()
        if store is None:
            from ..store import CorrectionStore, open_database  # noqa: PLC0415

            with open_database(":memory:") as empty:
                return CorrectionStore(empty).export_json()
        return store.export_json()

    def stored_changed(self) -> None:
        self.changed.emit()
        self._update_library(self.refresh_screen())

    # the library ----------------------------------------------------------------------------
    def _update_library(self, screen_current: bool) -> None:
        """The stored corrections changed: have the library brought up to date, off this thread. The article
        on screen is stored again with its corrected analysis when a changed correction concerns it (once it
        is analysed again, when ``screen_current`` is False)."""
        store, db = self._store, self._db
        if store is None or db is None or db.path is None or not self.persistent:
            return  # no file (or one that cannot be used): no library to bring up to date
        now = self.attempt(store.corrections)
        if now is None:
            return
        now = tuple(now)
        changed = _changes(self._library_seen, now)
        self._library_seen = now
        if not changed:
            return
        analyses: list[Analysis] = []
        article, analysis = self.window.session.article, self.window.session.analysis
        if article is not None and analysis is not None:
            key = self.article_key(article)
            if any(c.article is None or c.article == key for c in changed):
                if screen_current:
                    analyses.append(analysis)
                else:
                    self._library_waiting = key
        self._updater(db.path).submit(changed, analyses)

    def _updater(self, path: Path) -> LibraryUpdater:
        if self.library_updater is None:
            from .library_panel import LibraryUpdater  # noqa: PLC0415 - the library, when first corrected

            self.library_updater = LibraryUpdater(path, self)
            self.library_updater.updated.connect(self._on_library_updated)
            self.library_updater.failed.connect(self._on_library_failed)
        return self.library_updater

    def _on_library_updated(self, update: Any) -> None:
        """The library is up to date: every Library panel shows it again (a panel not built yet reads it when shown)."""
        if not update.changed:
            return
        from .library_panel import LibraryPanel  # noqa: PLC0415

        for panel in self.window.findChildren(LibraryPanel):
            panel.library_changed()

    def _on_library_failed(self, message: str) -> None:
        bar = self.window.message_bar
        bar.clear(group="library")
        bar.show_message(message, "error", "It is tried again with your next correction.", group="library")

    # the screen -----------------------------------------------------------------------------
    def _on_analysis_shown(self, analysis: Analysis) -> None:
        """A new analysis is on screen: remember it as made (with the corrections it was asked with,
        none when it was shown directly), and correct it if the corrections changed meanwhile."""
        if self._showing:
            return
        asked = self._asked.pop(id(analysis.article), None)
        used = asked[1] if asked is not None and asked[0] is analysis.article else ()
        self._base = (analysis, used)
        self._snapshots = {used: analysis}
        current = self.refresh_screen()
        waiting, self._library_waiting = self._library_waiting, None
        if current and waiting is not None and waiting == self.article_key(analysis.article) \
                and self.library_updater is not None and self.window.session.analysis is not None:
            self.library_updater.submit((), [self.window.session.analysis])  # analysed again: now it can be stored

    def refresh_screen(self) -> bool:
        """Show the analysis on screen with the stored corrections: at once, from what the worker made.
        True when it shows them now; False when there is no analysis of ours on screen, or it is being made
        again (a correction it was made with has gone)."""
        window = self.window
        article, shown = window.session.article, window.session.analysis
        if self._base is None or shown is None or article is None or self._base[0].article is not article:
            return False
        base, used = self._base
        current = self.relevant(article)
        corrected = self._snapshots.get(current)
        if corrected is None:
            if not _in_order(used, current):
                # A correction the analysis was made with has gone: only a new analysis can undo it.
                window.reanalyse()
                return False
            from ..core.corrections import apply_corrections  # noqa: PLC0415

            made = set(used)
            corrected = apply_corrections(base, [c for c in current if c not in made])
            if len(self._snapshots) >= _SNAPSHOTS:
                self._snapshots = {used: base}
            self._snapshots[current] = corrected
        if corrected is not shown:
            self._show(corrected)
        return True

    def _show(self, analysis: Analysis) -> None:
        window = self.window
        focus = window.entity_card.entity
        self._showing = True
        try:
            window.show_analysis(analysis)
        finally:
            self._showing = False
        if focus is not None and analysis.entity(focus.id) is not None:
            window.select_entity(focus.id)

    def _show_problem(self, message: str, detail: str) -> None:
        bar = self.window.message_bar
        bar.clear(group="corrections")  # one message: the latest
        bar.show_message(message, "error", detail, group="corrections")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return super().eventFilter(watched, event)

    # context menus --------------------------------------------------------------------------
    def _context(self) -> tuple[Analysis, str] | None:
        analysis = self.window.session.analysis
        if analysis is None:
            return None
        return analysis, self.article_key(analysis.article)

    def _menu_context(self, parent: QWidget | None, menu: QMenu | None) -> tuple[QMenu, tuple[Analysis, str] | None]:
        """The menu to fill (``menu``, or a new one under ``parent``) and the analysis on screen with its
        article key (None: nothing to correct, the menu is returned as it is)."""
        return (menu if menu is not None else QMenu(parent)), self._context()

    def entity_menu(self, entity: Entity, parent: QWidget | None = None, mention: Mention | None = None,
                    menu: QMenu | None = None) -> QMenu:
        """(a) An entity's corrections: type, name, merge, split a mention off, not an entity."""
        menu, context = self._menu_context(parent, menu)
        if context is None:
            return menu
        analysis, key = context
        menu.addSection(f"{_short(entity.name, 40)} · {label_name(entity.label)}")
        retype = menu.addMenu("Change &Type")
        retype.addSection("In this article")
        everywhere = QMenu("In &Every Article", retype)
        for label, name in LABELS:
            for target, scope in ((retype, key), (everywhere, None)):
                action = target.addAction(name)
                action.setEnabled(label != entity.label)
                action.triggered.connect(lambda _=False, lb=label, sc=scope: self.retype(entity, lb, sc))
        retype.addSeparator()
        retype.addMenu(everywhere)
        menu.addAction("&Rename…").triggered.connect(lambda: self.ask_rename(entity))
        others = sorted((e for e in analysis.entities if e.id != entity.id and kindred(e.label, entity.label)),
                        key=lambda e: (-len(e.mentions), e.name.casefold()))
        merge = menu.addMenu("&Merge With")
        merge.setEnabled(any(e.id != entity.id for e in analysis.entities))
        for other in others[:MERGE_CHOICES]:
            merge.addAction(f"{_short(other.name, 40)} ({len(other.mentions)})").triggered.connect(
                lambda _=False, o=other: self.merge(entity, o, key))
        if others[:MERGE_CHOICES]:
            merge.addSeparator()
        merge.addAction("Other…").triggered.connect(lambda: self.ask_merge(entity))
        if mention is not None:
            split = menu.addAction("&Split This Mention Off")
            split.setEnabled(len(entity.mentions) > 1)
            split.triggered.connect(lambda: self.split(entity, mention, key))
        not_entity = menu.addMenu("&Not an Entity")
        if mention is not None:
            not_entity.addAction(f"Only “{_short(mention.text, 30)}” Here").triggered.connect(
                lambda: self.not_entity(entity, key, mention))
        not_entity.addAction("In This &Article").triggered.connect(lambda: self.not_entity(entity, key))
        not_entity.addAction("In &Every Article").triggered.connect(lambda: self.not_entity(entity, None))
        return menu

    def selection_menu(self, start: int, end: int, parent: QWidget | None = None,
                       menu: QMenu | None = None) -> QMenu:
        """(b) A selected span that is no entity: mark it as one, in this article or in every article."""
        menu, context = self._menu_context(parent, menu)
        if context is None:
            return menu
        analysis, key = context
        start, end = _snap(analysis.text, start, end)  # a drag that stopped inside a word takes the whole word
        text = analysis.text[start:end]
        name = " ".join(text.split())
        if not name or len(name) > MAX_NAME_CHARS:
            return menu
        mark = menu.addMenu(f"Mark “{_short(name, 30)}” as &Entity")
        mark.addSection("In this article")
        everywhere = QMenu("In &Every Article", mark)
        for label, label_text in LABELS:
            mark.addAction(label_text).triggered.connect(lambda _=False, lb=label: self.new_entity(start, end, lb, key))
            everywhere.addAction(label_text).triggered.connect(
                lambda _=False, lb=label: self.new_entity(start, end, lb, None))
        mark.addSeparator()
        mark.addMenu(everywhere)
        return menu

    def quote_menu(self, quote: Quote, parent: QWidget | None = None, menu: QMenu | None = None) -> QMenu:
        """(c) A quote: change its speaker to a person or organisation of the article, or anyone; or clear it."""
        menu, context = self._menu_context(parent, menu)
        if context is None:
            return menu
        analysis, key = context
        who = quote.speaker
        speaker_name = None
        if who is not None:
            entity = analysis.entity(who.entity_id) if who.entity_id else None
            speaker_name = entity.name if entity else who.text
        menu.addSection(f"Quote · {_short(speaker_name, 30) if speaker_name else 'no speaker'}")
        change = menu.addMenu("Change &Speaker")
        people = sorted((e for e in analysis.entities if e.label in ("PERSON", "ORG")
                         and not (who is not None and who.entity_id == e.id)),
                        key=lambda e: (e.label != "PERSON", -len(e.mentions), e.name.casefold()))
        for person in people[:SPEAKER_CHOICES]:
            change.addAction(f"{_short(person.name, 40)} ({label_name(person.label)})").triggered.connect(
                lambda _=False, p=person: self.set_speaker(quote, p.name, key))
        if people:
            change.addSeparator()
        change.addAction("Other…").triggered.connect(lambda: self.ask_speaker(quote))
        clear = menu.addAction("&Clear Speaker")
        clear.setEnabled(who is not None)
        clear.triggered.connect(lambda: self.set_speaker(quote, None, key))
        return menu

    def extend_text_menu(self, menu: QMenu, point: QPoint) -> None:
        """The article's context menu (Copy, Select All): the corrections for what is under ``point``."""
        self.last_menu = menu
        view = self.window.view
        self._fix_copy_link(menu, point)
        analysis = self.window.session.analysis
        if analysis is None or view.analysis is not analysis:
            return
        offset = view.offset_at(point)
        selection = view.selected_span()
        mention = view.mention_at(offset) if offset is not None else None
        inside = selection is not None and offset is not None and selection[0] <= offset < selection[1]
        if selection is not None and (inside or offset is None):
            exact = _mention_exactly(analysis, *selection)
            if exact is not None:
                mention = exact
            else:
                mention = None
                menu.addSeparator()
                self.selection_menu(*selection, menu=menu)
        if mention is not None:
            entity = analysis.entity(mention.entity_id)
            if entity is not None:
                self.entity_menu(entity, mention=mention, menu=menu)
        quote_index = view.quote_at_point(point)
        if quote_index is not None and quote_index < len(analysis.quotes):
            self.quote_menu(analysis.quotes[quote_index], menu=menu)

    def _fix_copy_link(self, menu: QMenu, point: QPoint) -> None:
        """Qt's "Copy Link Location" would copy the view's internal href (reader-link:<offset>): the link's own."""
        action = next((a for a in menu.actions() if a.objectName() == "link-copy"), None)
        article = self.window.view.article
        if action is None or article is None:
            return
        offset = self.window.view.offset_at(point)
        span = next((s for s in article.links if offset is not None and s.start <= offset < s.end), None)
        analysis = self.window.session.analysis
        link = next((k for k in analysis.links if span is not None and k.start == span.start), None) \
            if analysis is not None else None
        target = (link.url if link is not None else None) or (span.href if span is not None else None)
        action.triggered.disconnect()
        action.setEnabled(bool(target))
        if target:
            action.triggered.connect(lambda: QGuiApplication.clipboard().setText(target))

    def _popup(self, menu: QMenu, widget: QWidget, point: QPoint) -> None:
        self.last_menu = menu
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(point))

    def _on_entity_list_menu(self, point: QPoint) -> None:
        panel = self.window.entity_panel
        entity = panel.entity_at_point(point)
        if entity is not None and self.window.session.analysis is not None:
            self._popup(self.entity_menu(entity, panel.tree), panel.tree.viewport(), point)

    def _on_quote_list_menu(self, point: QPoint) -> None:
        panel = self.window.quote_panel
        quote = panel.quote_at_point(point)
        if quote is not None and self.window.session.analysis is not None:
            self._popup(self.quote_menu(quote, panel.list), panel.list.viewport(), point)

    # the corrections themselves ---------------------------------------------------------------
    def retype(self, entity: Entity, label: str, article: str | None) -> bool:
        from ..core.corrections import RetypeEntity  # noqa: PLC0415

        correction = RetypeEntity(entity.name, label, label_from=entity.label, article=article)
        return self.add(correction, f"Change Type of “{_short(entity.name, 30)}” to {label_name(label)}")

    def rename(self, entity: Entity, new_name: str, article: str | None) -> bool:
        from ..core.corrections import RenameEntity  # noqa: PLC0415

        if not new_name.strip() or new_name == entity.name:
            return False
        correction = RenameEntity(entity.name, new_name, label=entity.label, article=article)
        return self.add(correction, f"Rename “{_short(entity.name, 30)}”")

    def ask_rename(self, entity: Entity) -> None:
        answer = self.ask_text(self.window, "Rename Entity", "Name:", entity.name, "In every article")
        context = self._context()
        if answer is not None and context is not None:
            self.rename(entity, answer[0], None if answer[1] else context[1])

    def merge(self, entity: Entity, other: Entity, article: str | None) -> bool:
        """``entity`` and ``other`` are one; the fuller name (more words, then more mentions) is kept."""
        from ..core.corrections import MergeEntities  # noqa: PLC0415

        if _normalised(entity.name) == _normalised(other.name):
            return False  # one name: the core tells them apart by label, a merge by name cannot
        keep, join = sorted((other, entity), key=lambda e: (-len(e.name.split()), -len(e.mentions)))
        correction = MergeEntities(keep.name, join.name, article=article)
        return self.add(correction, f"Merge “{_short(join.name, 30)}” into “{_short(keep.name, 30)}”")

    def ask_merge(self, entity: Entity) -> None:
        context = self._context()
        if context is None:
            return
        analysis, key = context
        others = {f"{e.name} — {label_name(e.label)} ({len(e.mentions)})": e for e in
                  sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name.casefold())) if e.id != entity.id}
        answer = self.pick_entity(self.window, f"Merge “{_short(entity.name, 30)}” With", list(others),
                                  "In every article")
        if answer is not None and answer[0] in others:
            self.merge(entity, others[answer[0]], None if answer[1] else key)

    def split(self, entity: Entity, mention: Mention, article: str) -> bool:
        from ..core.corrections import SplitMention  # noqa: PLC0415

        correction = SplitMention(article, mention.start, mention.end, text=mention.text)
        return self.add(correction, f"Split “{_short(mention.text, 30)}” Off")

    def not_entity(self, entity: Entity, article: str | None, mention: Mention | None = None) -> bool:
        from ..core.corrections import NotAnEntity  # noqa: PLC0415

        if mention is not None and article is not None:
            correction = NotAnEntity(mention.text, article=article, start=mention.start, end=mention.end)
            return self.add(correction, f"“{_short(mention.text, 30)}” Is Not an Entity Here")
        correction = NotAnEntity(entity.name, label=entity.label, article=article)
        return self.add(correction, f"“{_short(entity.name, 30)}” Is Not an Entity")

    def new_entity(self, start: int, end: int, label: str, article: str | None) -> bool:
        """The selection is an entity: in this article, every whole-word occurrence of it (the selected
        span itself when it is part of a word or of another name); in every article, the user gazetteer."""
        from ..core.corrections import NewEntity  # noqa: PLC0415

        context = self._context()
        if context is None:
            return False
        analysis = context[0]
        text = analysis.text
        raw = text[start:end]
        start, end = start + len(raw) - len(raw.lstrip()), end - (len(raw) - len(raw.rstrip()))
        name = " ".join(text[start:end].split())
        if not name:
            return False
        if article is None:
            correction = NewEntity(name, label)
        elif _whole_words(text, start, end) and not _overlaps_mention(analysis, start, end):
            correction = NewEntity(name, label, article=article)
        else:
            correction = NewEntity(name, label, article=article, start=start, end=end)
        return self.add(correction, f"Mark “{_short(name, 30)}” as {label_name(label)}")

    def set_speaker(self, quote: Quote, speaker: str | None, article: str) -> bool:
        from ..core.corrections import SetSpeaker  # noqa: PLC0415

        correction = SetSpeaker(article, quote.start, quote.end, speaker, text=quote.text)
        what = f"Change Speaker to “{_short(speaker, 30)}”" if speaker else "Clear Speaker"
        return self.add(correction, what)

    def ask_speaker(self, quote: Quote) -> None:
        context = self._context()
        answer = self.ask_text(self.window, "Change Speaker", "Said by:",
                               quote.speaker.text if quote.speaker else "")
        if answer is not None and context is not None and answer[0]:
            self.set_speaker(quote, answer[0], context[1])

    # the dialog -------------------------------------------------------------------------------
    def open_dialog(self) -> QDialog:
        from .corrections_dialog import CorrectionsDialog  # noqa: PLC0415

        if self.dialog is None:
            self.dialog = CorrectionsDialog(self, self.window)
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None


# ------------------------------------------------------------------ helpers


def _in_order(used: Sequence[Any], current: Sequence[Any]) -> bool:
    """Whether ``used`` is ``current`` with some corrections left out (the same order): then the analysis made
    with ``used`` needs only the others applied."""
    rest = iter(current)
    return all(any(item == other for other in rest) for item in used)


def _changes(before: Sequence[Correction], now: Sequence[Correction]) -> list[Correction]:
    """The corrections made or taken back between ``before`` and ``now``; when none were, those that moved
    (one made again goes to the end: it wins over those made in between)."""
    old, new = set(before), set(now)
    changed = [c for c in now if c not in old] + [c for c in before if c not in new]
    if not changed and list(before) != list(now):
        changed = [c for index, c in enumerate(now) if index >= len(before) or before[index] != c]
    return changed


def _short(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _normalised(name: str) -> str:
    return " ".join(name.casefold().split())


def _mention_exactly(analysis: Analysis, start: int, end: int) -> Mention | None:
    for entity in analysis.entities:
        for mention in entity.mentions:
            if mention.start == start and mention.end == end:
                return mention
    return None


def _overlaps_mention(analysis: Analysis, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for e in analysis.entities for m in e.mentions)


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces around it and widened to whole words at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        while start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
            start -= 1
        while end < len(text) and _word_char(text[end]) and _word_char(text[end - 1]):
            end += 1
    return start, end


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _whole_words(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and before != "_" and not after.isalnum() and after != "_"
