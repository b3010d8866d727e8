"""The main window: builds the widgets, docks, menus and shortcuts, and wires them together.

Signals go up from the widgets to this one place; it calls methods down. Slots stay short.
What is on screen and which results are still wanted is the session's (session.py),
shared with the worker: the window asks it and tells it, and keeps none of that itself.
"""

from __future__ import annotations

import gc
import os
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .article_view import ArticleView
from .find_bar import FindBar
from .legend import Legend
from .message_bar import MessageBar
from .panel_layout import PANEL_MIN_WIDTH, Docks, PanelLayout
from .settings import Preferences, Settings, is_web_address
from .worker import Analyst

if TYPE_CHECKING:  # the core is imported off the GUI thread, after the window shows
    from ..core.model import Analysis, Article
    from .help import ShortcutsDialog
    from .library_panel import LibraryPanel
    from .preferences import PreferencesDialog

OPEN_FILTER = "Articles (*.html *.htm *.xhtml *.shtml *.md *.markdown *.txt *.text);;All files (*)"
STAGES = {"starting": "Preparing the analysis…", "model": "Loading the language model…",
          "sentences": "Reading sentences…", "entities": "Finding names…",
          "quotes": "Finding quotations…", "links": "Checking links…", "done": "Finishing…"}
# kind: (menu text, file suffix, dialog filter); the content comes from reader.core.export
EXPORTS: dict[str, tuple[str, str, str]] = {
    "json": ("Analysis as &JSON…", ".json", "JSON (*.json)"),
    "entities": ("&Entities as CSV…", ".entities.csv", "CSV (*.csv)"),
    "quotes": ("&Quotes as CSV…", ".quotes.csv", "CSV (*.csv)"),
    "links": ("&Links as CSV…", ".links.csv", "CSV (*.csv)"),
    "html": ("&HTML report…", ".report.html", "HTML (*.html)"),
}


# Built by MainWindow._ensure_built, after the window has painted the article's text (or when first used).
_BUILT_LATER = frozenset({
    "entity_panel", "entity_card", "quote_panel", "link_inspector", "corrections", "model_menu", "recent_menu",
    "export_actions", "focus_actions", "open_action", "open_url_action", "stop_action", "print_action", "pdf_action",
    "quit_action", "copy_action", "preferences_action", "find_action", "find_next_action", "find_previous_action",
    "zoom_in_action", "zoom_out_action", "zoom_reset_action", "next_mention_action", "previous_mention_action",
    "next_name_action", "previous_name_action", "open_link_action", "add_to_library_action",
    "in_other_articles_action", "shortcuts_action", "about_action", "reset_layout_action"})
BUILD_FALLBACK_MS = 3000  # a file still being read by then: the panels and menus are built anyway


def safe_text(text: str | None) -> str:
    from .link_inspector import safe_text as safe  # noqa: PLC0415 - off the start-up path

    return safe(text)


def target_of(link) -> str:
    from .link_inspector import target_of as target  # noqa: PLC0415 - off the start-up path

    return target(link)


def render_export(kind: str, analysis: Analysis) -> str:
    from ..core import export  # noqa: PLC0415 - loaded with the core, off the startup path

    if kind == "json":
        return export.to_json(analysis)
    if kind == "html":
        return export.to_html_report(analysis)
    return export.to_csv(analysis, kind)


class MainWindow(QMainWindow):
    articleShown = Signal(object)  # Article: its text is on screen
    analysisShown = Signal(object)  # Analysis: its highlights and panels are on screen
    openFailed = Signal(str)
    openCancelled = Signal(int)  # open request id: a download was stopped or superseded
    textPainted = Signal()  # an article's text was painted for the first time (the next turn of the event loop)

    def __init__(self, analyst: Analyst, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Start-up: only what the first paint of the article needs is built here (the reading area, the
        # legend, the status bar, the docks' frames and the menu bar's titles). The panels, actions and
        # menus are built by _ensure_built once the text has been painted, or as soon as anything asks
        # for them (__getattr__): the tests and the code use them as if they had always been there.
        self._built = False
        self._building = False
        self._text_paint_armed = False  # an article's text was set before the rest was built
        self._pending_analysis: Article | None = None
        self._first_shown = False
        self._opening_file = False  # a file is being read for the first article (the rest waits for its text)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.analyst = analyst
        self.analyst.setParent(self)
        self.settings = settings
        self._theme = theme.current()
        self.session = analyst.session  # what is on screen and asked for, shared with the worker
        self._export_folder: str | None = None
        self._name_stops: list[tuple[int, int, str, str]] | None = None  # every mention, in text order (F8)
        self._last_click: QPoint | None = None  # the article's last mouse release (viewport coordinates)
        self.setStyleSheet(theme.focus_style(self._theme))
        self._build_central()
        self._build_dock_frames()
        self._build_status()
        self._build_menu_titles()
        self._wire()
        self.resize(1280, 800)
        self.panel_layout.remember_default()
        self.settings.restore_window(self)
        self.view.set_zoom(self.settings.zoom())
        self.preferences_dialog: PreferencesDialog | None = None
        self.about_box = None
        self._apply_saved_preferences()
        self._show_fetch(None)
        self.view.setFocus()

    def __getattr__(self, name: str):
        """A panel, action or menu not built yet: build them all now (see __init__)."""
        if name in _BUILT_LATER and not self._building and not self.__dict__.get("_built", True):
            self._ensure_built()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _ensure_built(self) -> None:
        """Build the panels, actions and menus (once), and bring them to what is on screen."""
        if self._built or self._building:
            return
        self._building = True
        try:
            self._build_panels()
            self._build_actions()
            self._build_menus()
            self._wire_panels()
            self._built = True
        finally:
            self._building = False
        session = self.session
        if session.analysis is not None:
            self._show_analysis_in_panels(session.analysis)
        elif session.article is not None:
            self._show_article_in_panels()
        if self._theme != theme.current():  # the panels were made in the current theme; the window's differs
            self.set_theme(self._theme)
        self._set_analysis_actions(session.analysis is not None)
        self._show_fetch(session.fetching or None)
        pending, self._pending_analysis = self._pending_analysis, None
        if pending is not None:
            self._start_analysis(pending)

    def _on_text_painted(self) -> None:
        self.textPainted.emit()
        self._ensure_built()

    def _after_first_show(self) -> None:
        """The event loop's first turn after the window was shown: build the rest now, unless a file is
        being read; then after its text has been painted (eventFilter), or after BUILD_FALLBACK_MS."""
        if self._built:
            return
        if self._opening_file and self.session.article is None:
            QTimer.singleShot(BUILD_FALLBACK_MS, self._ensure_built)
        else:
            self._ensure_built()

    # building -------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.message_bar = MessageBar(self)
        self.legend = Legend(self)
        self.view = ArticleView(self)
        self.find_bar = FindBar(self)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setObjectName("legendRule")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.message_bar, self.legend, rule, self.view, self.find_bar):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        self.setCentralWidget(central)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAccessibleName(f"{title} panel")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _stand_in(self) -> QWidget:
        widget = QWidget(self)
        widget.setMinimumWidth(PANEL_MIN_WIDTH - 20)
        return widget

    def _build_panels(self) -> None:
        """The docks' panels, in place of their stand-ins (the docks keep their places and sizes)."""
        from .entity_card import EntityCard  # noqa: PLC0415 - after the first paint
        from .entity_panel import EntityPanel  # noqa: PLC0415
        from .link_inspector import LinkInspector  # noqa: PLC0415
        from .quote_panel import QuotePanel  # noqa: PLC0415

        self.entity_panel = EntityPanel(self)
        self.entity_card = EntityCard(self)
        self.quote_panel = QuotePanel(self)
        self.link_inspector = LinkInspector(self)
        for dock, widget in ((self.entities_dock, self.entity_panel), (self.card_dock, self.entity_card),
                             (self.quotes_dock, self.quote_panel), (self.links_dock, self.link_inspector)):
            widget.setMinimumWidth(PANEL_MIN_WIDTH - 20)  # the article, not the panels, keeps its width
            stand_in = dock.widget()
            dock.setWidget(widget)
            if stand_in is not None:
                stand_in.deleteLater()

    def _build_dock_frames(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.entities_dock = self._dock("Entities", "entitiesDock", self._stand_in(), left)
        self.card_dock = self._dock("Entity", "entityCardDock", self._stand_in(), left)
        self.quotes_dock = self._dock("Quotes", "quotesDock", self._stand_in(), right)
        self.links_dock = self._dock("Links", "linksDock", self._stand_in(), right)
        self.tabifyDockWidget(self.quotes_dock, self.links_dock)
        # The Library panel loads the core and opens the database: it is built when its tab is first
        # shown (library_panel), so a cold start pays nothing for it; until then an empty stand-in.
        self._library_panel: LibraryPanel | None = None
        self._library_stand_in = QWidget(self)
        self._library_stand_in.setMinimumWidth(PANEL_MIN_WIDTH - 20)
        self.library_dock = self._dock("Library", "libraryDock", self._library_stand_in, right)
        self.tabifyDockWidget(self.links_dock, self.library_dock)
        self.quotes_dock.raise_()
        self.resizeDocks([self.entities_dock, self.quotes_dock], [300, 350], Qt.Orientation.Horizontal)
        self.resizeDocks([self.entities_dock, self.card_dock], [300, 400], Qt.Orientation.Vertical)
        # No minimum for the article that would stop the window from being made small: the panels
        # are sized (and tabbed, or hidden) on every resize instead, so that it keeps its measure.
        self.centralWidget().setMinimumWidth(200)
        docks = Docks(self.entities_dock, self.card_dock, self.quotes_dock, self.links_dock, self.library_dock)
        self.panel_layout = PanelLayout(self, docks, self.view)

    # small windows: panel_layout.py ----------------------------------------------------------
    def reset_layout(self) -> None:
        self.panel_layout.reset()

    def _show_dock(self, dock: QDockWidget) -> None:
        self.panel_layout.show_dock(dock)

    def _build_status(self) -> None:
        bar = self.statusBar()
        self.progress_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("analysisProgress")
        self.progress.setAccessibleName("Analysis progress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.recogniser_label = QLabel(self)
        self.recogniser_label.setObjectName("recogniserLabel")
        self.fetch_status = QWidget(self)
        self.fetch_status.setObjectName("fetchStatus")
        self.fetch_status.setAccessibleName("Download")
        self.fetch_label = QLabel(self.fetch_status)
        self.fetch_label.setObjectName("fetchLabel")
        self.fetch_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fetch_progress = QProgressBar(self.fetch_status)
        self.fetch_progress.setObjectName("fetchProgress")
        self.fetch_progress.setAccessibleName("Download progress")
        self.fetch_progress.setRange(0, 0)
        self.fetch_progress.setMaximumWidth(100)
        self.fetch_progress.setTextVisible(False)
        self.fetch_cancel = QToolButton(self.fetch_status)
        self.fetch_cancel.setObjectName("fetchCancel")
        self.fetch_cancel.setText("Cancel")
        self.fetch_cancel.setToolTip("Stop the download; the article on screen stays")
        self.fetch_cancel.setAccessibleName("Cancel download")
        self.fetch_cancel.clicked.connect(self.cancel_fetch)
        row = QHBoxLayout(self.fetch_status)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.fetch_label)
        row.addWidget(self.fetch_progress)
        row.addWidget(self.fetch_cancel)
        bar.addPermanentWidget(self.fetch_status)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.recogniser_label)
        self._show_progress(None)
        self.fetch_status.hide()

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | list | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        from .corrections import CorrectionsController  # noqa: PLC0415 - after the first paint

        keys = QKeySequence.StandardKey
        self.open_action = self._action("&Open…", self.choose_file, keys.Open, "Open an article file")
        self.open_url_action = self._action("Open &URL…", self.choose_url, "Ctrl+L",
                                            "Download a web page and open it as an article")
        self.stop_action = self._action("&Stop Download", self.cancel_fetch, None,
                                        "Stop the download under way; the article on screen stays")
        self.print_action = self._action("&Print…", self.print_article, "Ctrl+P", "Print the article")
        self.pdf_action = self._action("&PDF…", self.choose_pdf, None, "Save the article as a PDF file")
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.export_actions = {kind: self._action(text, lambda k=kind: self.choose_export(k))
                               for kind, (text, *_rest) in EXPORTS.items()}
        self.copy_action = self._action("&Copy", self.view.copy, keys.Copy)
        self.preferences_action = self._action("&Preferences…", self.open_preferences, "Ctrl+,",
                                               "Theme, reading font and size, line width")
        self.find_action = self._action("&Find…", self.open_find, keys.Find)
        self.find_next_action = self._action("Find &Next", lambda: self._find_step(True), [keys.FindNext, "Ctrl+G"])
        self.find_previous_action = self._action("Find Pre&vious", lambda: self._find_step(False),
                                                 [keys.FindPrevious, "Ctrl+Shift+G"])
        self.zoom_in_action = self._action("Zoom &In", self.view.zoom_in, [keys.ZoomIn, "Ctrl+="])
        self.zoom_out_action = self._action("Zoom &Out", self.view.zoom_out, keys.ZoomOut)
        self.zoom_reset_action = self._action("&Actual Size", lambda: self.view.set_zoom(0), "Ctrl+0")
        self.next_mention_action = self._action("&Next Mention", self.entity_card.next_mention, "Ctrl+]",
                                                "Go to the selected entity's next mention")
        self.previous_mention_action = self._action("&Previous Mention", self.entity_card.previous_mention, "Ctrl+[",
                                                    "Go to the selected entity's previous mention")
        self.next_name_action = self._action("Next &Name in Text", lambda: self.step_name(True), "F8",
                                             "Go to the next highlighted name after the cursor and show its card")
        self.previous_name_action = self._action("Previous Na&me in Text", lambda: self.step_name(False), "Shift+F8",
                                                 "Go to the previous highlighted name and show its card")
        self.open_link_action = self._action("Open Selected &Link…", self.link_inspector.open_current, "Ctrl+Shift+O",
                                             "Open the link selected in the inspector (flagged links ask first)")
        self.focus_actions = [
            self._action("&Article", lambda: self._focus(None, self.view), "Ctrl+1"),
            self._action("&Entities", lambda: self._focus(self.entities_dock, self.entity_panel), "Ctrl+2"),
            self._action("Entity &Card", lambda: self._focus(self.card_dock, self.entity_card.mentions), "Ctrl+3"),
            self._action("&Quotes", lambda: self._focus(self.quotes_dock, self.quote_panel), "Ctrl+4"),
            self._action("&Links", lambda: self._focus(self.links_dock, self.link_inspector), "Ctrl+5"),
            self._action("Li&brary", lambda: self._focus(self.library_dock, self.library_panel.search), "Ctrl+6"),
        ]
        self.add_to_library_action = self._action("Add to &Library", self.add_to_library, "Ctrl+Shift+L",
                                                  "Keep the article on screen, with its analysis, in the library")
        self.in_other_articles_action = self._action("In &Other Articles", self.in_other_articles, "Ctrl+Shift+E",
                                                     "Where the name on the entity card is in the library's articles")
        self.shortcuts_action = self._action("&Keyboard Shortcuts", self.show_shortcuts, "F1",
                                             "Every keyboard shortcut of the window")
        self.about_action = self._action("&About Reader", self.show_about)
        self.reset_layout_action = self._action("&Reset Layout", self.reset_layout)
        self.corrections = CorrectionsController(self)  # context menus, Undo/Redo, Edit > Corrections… (issue 10)

    def _build_menu_titles(self) -> None:
        """The menu bar and its menus' titles, empty until _build_menus (the bar's height is there from the start)."""
        menu = self.menuBar()
        self._menus = {name: menu.addMenu(name) for name in ("&File", "&Edit", "&View", "&Navigate", "&Help")}

    def _build_menus(self) -> None:
        from .model_menu import ModelMenu  # noqa: PLC0415 - after the first paint

        file_menu = self._menus["&File"]
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_url_action)
        file_menu.addAction(self.stop_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        export_menu = file_menu.addMenu("&Export")
        for action in self.export_actions.values():
            export_menu.addAction(action)
        export_menu.addSeparator()
        export_menu.addAction(self.pdf_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.add_to_library_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self._menus["&Edit"]
        c = self.corrections
        for action in (c.undo_action, c.redo_action, None, self.copy_action, None, self.find_action,
                       self.find_next_action, self.find_previous_action, None, c.dialog_action,
                       self.preferences_action):
            edit_menu.addAction(action) if action else edit_menu.addSeparator()
        view_menu = self._menus["&View"]
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.model_menu = ModelMenu(self.current_entity_model, view_menu)
        view_menu.addMenu(self.model_menu)
        view_menu.addSeparator()
        go_menu = view_menu.addMenu("&Go to Panel")
        for action in self.focus_actions:
            go_menu.addAction(action)
        panels = view_menu.addMenu("&Panels")
        for dock in self.panel_layout.docks:
            panels.addAction(dock.toggleViewAction())
        view_menu.addAction(self.reset_layout_action)
        navigate_menu = self._menus["&Navigate"]
        for action in (self.next_name_action, self.previous_name_action, None, self.next_mention_action,
                       self.previous_mention_action, self.in_other_articles_action, None, self.open_link_action):
            navigate_menu.addAction(action) if action else navigate_menu.addSeparator()
        help_menu = self._menus["&Help"]
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _wire(self) -> None:
        a = self.analyst
        a.loaded.connect(self._on_loaded)
        a.analysed.connect(self._on_analysed)
        a.failed.connect(self._on_failed)
        a.progress.connect(self._on_progress)
        a.cancelled.connect(self._on_cancelled)
        v = self.view
        v.mentionClicked.connect(lambda entity_id, start: self.select_entity(entity_id, start))
        v.linkClicked.connect(self._on_link_clicked)
        v.linkOpenRequested.connect(lambda _start: self.link_inspector.open_current())
        v.linkHovered.connect(self._on_link_hovered)
        v.zoomChanged.connect(self._on_zoom)
        v.viewport().installEventFilter(self)
        self.library_dock.visibilityChanged.connect(self._on_library_visible)
        self.legend.hiddenChanged.connect(v.set_hidden_labels)
        self.legend.quoteMarksToggled.connect(v.set_quote_marks_visible)
        v.quoteClicked.connect(self._on_quote_clicked)
        self.find_bar.queryChanged.connect(self._on_find_query)
        self.find_bar.stepRequested.connect(self._find_step)
        self.find_bar.closed.connect(self._on_find_closed)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme)

    def _wire_panels(self) -> None:
        v = self.view
        self.model_menu.modelChosen.connect(self.set_entity_model)
        self.entity_panel.entitySelected.connect(self._on_entity_chosen)
        self.entity_card.mentionActivated.connect(v.select_span)
        self.entity_card.quoteActivated.connect(v.select_span)
        self.entity_card.quoteActivated.connect(self.quote_panel.mark_quote)  # the list marks the same quote
        self.entity_card.otherArticlesRequested.connect(self.in_other_articles)
        self.quote_panel.quoteActivated.connect(v.select_span)
        self.link_inspector.linkSelected.connect(v.select_span)
        self.link_inspector.message.connect(self._on_link_message)
        self.link_inspector.openFailed.connect(self._on_link_failed)

    # the library ----------------------------------------------------------------------------
    @property
    def library_panel(self) -> LibraryPanel:
        """The Library panel, built on first use: its module loads the core and the database."""
        if self._library_panel is None:
            from .library_panel import LibraryPanel  # noqa: PLC0415 - off the start-up path

            panel = LibraryPanel(None, self)  # None: --db / READER_LIBRARY / the user data folder
            panel.setMinimumWidth(PANEL_MIN_WIDTH - 20)
            panel.articleOpened.connect(self._open_source)
            panel.addFinished.connect(self._on_library_added)
            self._library_panel = panel
            self.library_dock.setWidget(panel)
            self._library_stand_in.deleteLater()
        return self._library_panel

    def _on_library_visible(self, shown: bool) -> None:
        if shown:  # checked once the layout settles: re-tabbing for a small window shows each tab in passing
            QTimer.singleShot(0, self._refresh_library_if_in_view)

    def _refresh_library_if_in_view(self) -> None:
        dock = self.library_dock
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            self._library(lambda panel: panel.refresh())

    def _library(self, work: Callable[[LibraryPanel], object]) -> bool:
        """``work(panel)``, if the library can be used. A database that cannot (damaged, locked, newer) is said
        once in the message bar, and the reader goes on without it; False then."""
        import sqlite3  # noqa: PLC0415 - off the start-up path

        from ..store import StoreError  # noqa: PLC0415

        panel = self.library_panel
        try:
            if panel.database() is not None:
                work(panel)
                return True
            problem = panel.message.text()
        except (StoreError, sqlite3.Error) as error:
            problem = str(error)
        self.message_bar.clear(group="library")
        # The same sentence as the corrections' (one database): the bar shows a text only once.
        self.message_bar.show_message(problem or "The library cannot be used.", "error", group="library")
        return False

    def add_to_library(self) -> bool:
        """Store the article on screen with its analysis in the library, and show the library."""
        analysis = self.session.analysis
        if analysis is None:
            return False
        added: list[int | None] = []
        if not self._library(lambda panel: added.append(panel.add_analysis(analysis))):
            return False
        if added[0] is None:  # the panel said why in its own words: the message bar says it too
            self.message_bar.show_message(self.library_panel.message.text() or "The article was not added.",
                                          "error", group="library")
            return False
        self._show_dock(self.library_dock)
        name = analysis.article.title or Path(analysis.article.source).name
        self.statusBar().showMessage(f"Added to the library: {name}", 4000)
        return True

    def in_other_articles(self) -> bool:
        """The entity card's name in the library's other articles (its mentions and quotes there)."""
        entity = self.entity_card.entity
        if entity is None:
            self.statusBar().showMessage("Choose a name first: click one in the article or the Entities list", 4000)
            return False
        self._show_dock(self.library_dock)
        return self._library(lambda panel: panel.show_entity(entity.name, entity.label))

    def _on_library_added(self, result: object) -> None:
        """A folder added in the background: what it did is in the panel; a database that failed is said here too."""
        if isinstance(result, str):  # the add's error, in words (an AddReport otherwise)
            self.message_bar.clear(group="library")
            self.message_bar.show_message(result, "error", group="library")

    def _open_source(self, source: str) -> None:
        """An article chosen in the library: read again from where it came from."""
        self.open_url(source) if source.startswith(("http://", "https://")) else self.open_path(source)

    # opening --------------------------------------------------------------------------------
    @property
    def analysis(self) -> Analysis | None:
        return self.session.analysis

    @property
    def path(self) -> str | None:
        """The file on screen; None for a page fetched from the web."""
        return self.session.path

    @property
    def source(self) -> str | None:
        """The file or web address on screen."""
        return self.session.source

    @property
    def fetching(self) -> int:
        """The download under way (its open request id), 0 when none."""
        return self.session.fetching

    @property
    def stale_results(self) -> int:
        """Analyses that arrived for a document no longer shown (and were dropped)."""
        return self.session.stale_results

    def open_path(self, path: str | os.PathLike[str]) -> int:
        """Read and analyse a file in the background; the current article stays until it is readable."""
        path = os.fspath(path)
        self._opening_file = True
        request = self.analyst.open_path(path)  # a download under way is now stale: it stops
        self.session.want_open(request, path)
        self._show_fetch(None)
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        return request

    def open_url(self, address: str) -> int:
        """Download a web page in the background and show it as an article; 0 if the address is refused.

        A newer open (file or page) cancels this download; until it succeeds, the article on
        screen stays, and a failure is explained in the message bar.
        """
        from .open_url import check_address  # noqa: PLC0415 - off the start-up path

        url, problem = check_address(address)
        if url is None:
            self._show_open_error(problem or "That address cannot be opened", 0)
            return 0
        self._ensure_built()  # a download takes a while: the panels and menus are not waited for
        request = self.analyst.open_url(url)
        self.session.want_open(request, url)
        self.statusBar().clearMessage()
        self._show_fetch(request, url)
        return request

    def choose_url(self) -> None:
        from .open_url import OpenUrlDialog  # noqa: PLC0415 - off the start-up path

        url = OpenUrlDialog.get_url(self, [f for f in self.settings.recent_files() if is_web_address(f)])
        if url:
            self.open_url(url)

    def cancel_fetch(self) -> None:
        """Stop the download under way; the article on screen stays."""
        request = self.session.cancel_fetch()
        if request:
            self.analyst.cancel_open(request)
            self._show_fetch(None)
            self.statusBar().showMessage("Download cancelled", 4000)

    def choose_file(self) -> None:
        start = str(Path(self.session.path).parent) if self.session.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open article", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_article(self, article: Article) -> None:
        """Show an article that did not come through ``open_path``/``open_url`` and analyse it."""
        self.session.shown_directly(article.source)  # a file still being read is no longer wanted
        if self.session.fetching:
            self.analyst.cancel_open(self.session.fetching)
        self._show_fetch(None)
        self._present(article)

    def show_article(self, article: Article) -> None:
        """Put a new article's text on screen now; its highlights come with ``show_analysis``."""
        self.session.article_shown(article)  # whatever analysis is under way is for another article now
        self.message_bar.clear()  # errors and notices were about what was here before
        self.view.set_article(article)
        self.legend.set_analysis(None)
        if self._built:
            self._show_article_in_panels()
        # Once this text has been painted: textPainted, and the rest of the window is built (eventFilter).
        self._text_paint_armed = True
        for notice in article.notices:  # a cut text says so when it is shown, not when the analysis ends
            self.message_bar.show_message(notice, "info", group="notices")
        # show_analysis froze the previous analysis out of the collector's sight; give it back,
        # so that whatever of it ended up in reference cycles is collected rather than leaked.
        gc.unfreeze()
        self.legend.set_status("Analysing…")
        self.find_bar.show_count(0, self.view.find_all(self.find_bar.query.text()) if self.find_bar.isVisible() else 0)
        if self._built:
            self._set_analysis_actions(False)
        name = article.title or Path(article.source).name
        self.setWindowTitle(f"{name} — Reader")
        self.articleShown.emit(article)

    def _show_article_in_panels(self) -> None:
        """The panels of an article whose analysis is under way."""
        for panel in (self.entity_panel, self.quote_panel, self.link_inspector):
            panel.set_analysis(None)
        self.entity_card.set_analysis(None)
        self.quote_panel.set_analysing()
        self.entity_panel.set_analysing()
        self.link_inspector.set_analysing()

    def _show_analysis_in_panels(self, analysis: Analysis) -> None:
        for panel in (self.entity_panel, self.quote_panel, self.link_inspector):
            panel.set_analysis(analysis)
        self.entity_card.set_analysis(analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        self._ensure_built()  # before the session holds the analysis: the panels get it once, below
        # A long article's analysis is hundreds of thousands of long-lived, acyclic objects (freed by
        # reference counting when replaced). Out of the cyclic collector's sight, the objects made
        # below no longer set off a full collection that scans them all (~60 ms for 1 MB).
        gc.freeze()
        self.session.analysis_shown(analysis)
        self._name_stops = None
        self.view.set_analysis(analysis)
        self._show_analysis_in_panels(analysis)
        self.legend.set_analysis(analysis)
        self.view.set_hidden_labels(self.legend.hidden_labels())
        self.recogniser_label.setText(f"Entities: {analysis.recogniser}")
        self.recogniser_label.setToolTip("The recogniser that found the highlighted names (View > Entity Model)")
        self.message_bar.clear(group="notices")
        self.message_bar.clear(group="analysis")
        for notice in analysis.notices:  # one row each, so each can be dismissed
            self.message_bar.show_message(notice, "info", group="notices")
        self._set_analysis_actions(True)
        self._show_progress(None)
        self.analysisShown.emit(analysis)

    def select_entity(self, entity_id: str | None, at_offset: int | None = None) -> None:
        self.view.set_focus_entity(entity_id)
        self.entity_panel.select_entity(entity_id)
        if entity_id is None:
            self.entity_card.clear()
            return
        self.entity_card.show_entity(entity_id, at_offset)
        if self.panel_layout.mode == "columns":
            self.card_dock.show()
        else:  # one column of tabs: the card comes to the front
            self._show_dock(self.card_dock)

    def reanalyse(self) -> None:
        """Analyse the article on screen again, in the background (a correction it was made with is gone)."""
        article = self.session.article
        if article is not None:
            self.session.stop_waiting_for_analysis()  # the analysis under way (if any) becomes stale
            self._show_progress("starting")
            self._start_analysis(article)

    # entity model ---------------------------------------------------------------------------
    def current_entity_model(self) -> str:
        """The model to show checked: what produced the entities on screen, unless another was chosen since."""
        used = self.session.model_on_screen(self.analyst.model)  # the truth, even when the choice fell back
        from .model_menu import default_model  # noqa: PLC0415 - off the start-up path

        return used or default_model(self.analyst.model)

    def set_entity_model(self, model: str) -> None:
        """Remember the choice and re-analyse the article on screen with it, in the background."""
        self.settings.set_entity_model(model)
        same = self.session.analysis is not None and model == self.current_entity_model()
        if not self.analyst.set_model(model, reuse=same) or same:
            return
        from .model_menu import label_of  # noqa: PLC0415 - off the start-up path

        self.statusBar().showMessage(f"Entities from now on: {label_of(model)}", 6000)
        article = self.session.article
        if article is not None:
            self.session.stop_waiting_for_analysis()  # the analysis under way (if any) becomes stale
            self._show_progress("starting")
            self._start_analysis(article)

    # exporting ------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        analysis = self.session.analysis
        if analysis is None:
            return
        text, suffix, dialog_filter = EXPORTS[kind]
        source = Path(analysis.article.source)
        folder = self._export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / (source.stem + suffix))
        path, _ = QFileDialog.getSaveFileName(self, text.replace("&", "").rstrip("…"), suggested, dialog_filter)
        if path:
            self._export_folder = str(Path(path).parent)
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str | os.PathLike[str]) -> bool:
        analysis = self.session.analysis
        if analysis is None:
            return False
        content = render_export(kind, analysis)
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
        except OSError as error:
            self.message_bar.show_message(f"Could not write {path}: {error.strerror or error}", "error")
            return False
        self.statusBar().showMessage(f"Exported to {path}", 6000)
        return True

    # slots ------------------------------------------------------------------------------------
    def _on_loaded(self, request: int, article: Article) -> None:
        if not self.session.is_current_open(request):
            return
        source = self.session.open_arrived(request, article.source)
        self.settings.add_recent(source)
        self._show_fetch(None)
        self.statusBar().clearMessage()
        self._present(article)

    def _present(self, article: Article) -> None:
        """Text now; the analysis is asked for on the next turn of the event loop, after the paint."""
        self.show_article(article)
        self._show_progress("starting")
        QTimer.singleShot(0, lambda: self._start_analysis(article))

    def _start_analysis(self, article: Article) -> None:
        if not self._built:
            if self._text_paint_armed and self.isVisible():  # asked for once the rest is built, after the paint
                self._pending_analysis = article
                return
            self._ensure_built()  # the corrections (built with the rest) go with the analysis
        if self.session.needs_analysis(article):
            model = self.analyst.model
            self.session.analysis_asked(self.analyst.analyse(article), model)

    def _on_analysed(self, request: int, analysis: Analysis) -> None:
        if self.session.accept_analysis(request):  # else it is counted as stale and dropped
            self.show_analysis(analysis)

    def _on_failed(self, request: int, message: str, reading: bool) -> None:
        if self.session.is_current_open(request) and reading:
            self.session.forget_open(request)
            if request == self.session.fetching:
                self._show_fetch(None)
            self._show_open_error(message, request)
            if not self._built:
                QTimer.singleShot(0, self._ensure_built)
        elif self.session.is_current_analysis(request) and not reading:
            self.message_bar.clear(group="analysis")
            self.message_bar.show_message(message, "error", "The text is shown without highlights.", group="analysis")
            self._show_progress(None)
            self.legend.set_status("")
            self.quote_panel.set_analysis(None)  # no longer "Analysing…"
            self.entity_panel.set_analysis(None)

    def _show_open_error(self, message: str, request: int) -> None:
        """The core's sentence as it is (the CLI prints the same); what it means for the window below it."""
        kept = "The previous article is still shown." if self.session.article is not None else ""
        self.message_bar.clear(group="open")
        self.message_bar.show_message(message, "error", kept, group="open")
        self.statusBar().clearMessage()
        self.openFailed.emit(message)

    def _on_cancelled(self, request: int) -> None:
        if request == self.session.fetching:  # not cancelled from here: a newer open superseded it
            self._show_fetch(None)
        self.session.forget_open(request)
        self.openCancelled.emit(request)

    def _show_fetch(self, request: int | None, url: str = "") -> None:
        self.session.fetching = request or 0
        busy = bool(request)
        if busy:
            self.fetch_label.setText(f"Fetching {_short_address(url)}…")
            self.fetch_status.setToolTip(url)
        self.fetch_status.setVisible(busy)
        if self._built:
            self.stop_action.setEnabled(busy)

    def _on_progress(self, request: int, stage: str, fraction: float) -> None:
        if self.session.is_current_analysis(request):
            self._show_progress(stage, fraction)

    def _show_progress(self, stage: str | None, fraction: float = 0.0) -> None:
        busy = stage is not None
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self.progress_label.setText(STAGES.get(stage, "Analysing…"))
            self.progress.setRange(0, 0 if stage == "model" else 100)
            self.progress.setValue(int(fraction * 100))

    def _on_link_clicked(self, start: int) -> None:
        """A plain link shows itself in the inspector; a name inside a link shows its card instead.

        A highlighted name that is also a link (a city linked to its own story) is read as the name:
        its card opens, and the link is marked in the inspector without raising it over the panel
        the reader was looking at. Ctrl+click still opens the link, and Ctrl+5 shows the inspector.
        """
        offset = self.view.offset_at(self._last_click) if self._last_click is not None else None
        self._last_click = None
        mention = self.view.mention_at(offset) if offset is not None else None
        if mention is not None:
            self.select_entity(mention.entity_id, mention.start)
            if self.link_inspector.select_link_at(start):
                link = next((k for k in self.analysis.links if k.start == start), None) if self.analysis else None
                where = f" to {safe_text(link.domain)}" if link is not None and link.domain else ""
                self.statusBar().showMessage(f"Also a link{where}: Ctrl+click opens it, Ctrl+5 shows it", 8000)
            return
        if self.link_inspector.select_link_at(start):
            self.links_dock.show()
            self.links_dock.raise_()

    def _on_quote_clicked(self, index: int) -> None:
        """A quote clicked in the text: the Quotes panel comes forward with it chosen (and marked in the text)."""
        self._show_dock(self.quotes_dock)
        self.quote_panel.activate_row(index)

    def _on_entity_chosen(self, entity_id: str) -> None:
        """An entity chosen in the list (click or arrow keys): its card, and the text at its first mention."""
        entity = self.analysis.entity(entity_id) if self.analysis else None
        first = entity.mentions[0] if entity and entity.mentions else None
        self.select_entity(entity_id, first.start if first else None)
        if first is not None:
            self.view.select_span(first.start, first.end)

    def step_name(self, forward: bool = True) -> None:
        """The keyboard's way to a name: the next (or previous) shown mention after the cursor, and its card."""
        analysis = self.analysis
        if analysis is None:
            return
        hidden = self.legend.hidden_labels()
        if self._name_stops is None:
            self._name_stops = sorted(((m.start, m.end, m.entity_id, e.label) for e in analysis.entities
                                       for m in e.mentions), key=lambda t: (t[0], -t[1]))
        stops = [s for s in self._name_stops if s[3] not in hidden]
        if not stops:
            return
        here = self.view.selected_span()
        if here is None:
            offsets = self.view.offsets
            at = offsets.offset(self.view.textCursor().position()) if offsets is not None else None
            here = (at, at) if at is not None else (-1, -1)
        starts = [s[0] for s in stops]
        if forward:  # a name under the bare cursor is the next one; a selected one is passed
            i = (bisect_right(starts, here[0]) if here[1] > here[0] else bisect_left(starts, here[0])) % len(stops)
        else:
            i = (bisect_left(starts, here[0]) - 1) % len(stops)
        start, end, entity_id, _label = stops[i]
        self.select_entity(entity_id, start)
        self.view.select_span(start, end)

    def _on_link_message(self, text: str) -> None:
        """The inspector's news passes in the status bar."""
        self.statusBar().showMessage(text, 6000)

    def _on_link_failed(self, text: str) -> None:
        """A link the system could not open: that stays in the message bar until dismissed."""
        self.message_bar.clear(group="link")
        self.message_bar.show_message(text, "error", "No browser took the link. Copy it (Copy link) and open "
                                      "it yourself.", group="link")

    def _on_link_hovered(self, start: int) -> None:
        if start < 0:
            self.statusBar().clearMessage()
            return
        self.statusBar().showMessage(self._link_target(start))

    def _link_target(self, start: int) -> str:
        analysis = self.session.analysis
        for link in analysis.links if analysis else ():
            if link.start == start:
                behind = f"  (really goes to {safe_text(link.real_target)})" if link.real_target else ""
                flag = {"never": "  ✖ will not be opened", "confirm": "  ⚠ flagged"}.get(link.policy, "")
                return f"{target_of(link)}{behind}{flag}"
        article = self.session.article
        for span in article.links if article else ():
            if span.start == start:
                return f"{safe_text(span.href)}  (checking…)"
        return ""

    def _on_zoom(self, steps: int) -> None:
        self.settings.set_zoom(steps)
        self.statusBar().showMessage(f"Zoom {round(100 * 1.1 ** steps)}%", 2000)

    def open_find(self) -> None:
        selected = self.view.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and len(selected) < 80 and "\u2029" not in selected else "")

    def _on_find_query(self, text: str) -> None:
        total = self.view.find_all(text)
        index, _ = self.view.find_step(True) if total else (0, 0)
        self.find_bar.show_count(index, total)

    def _find_step(self, forward: bool) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
            return
        self.find_bar.show_count(*self.view.find_step(forward))

    def _on_find_closed(self) -> None:
        self.view.find_all("")
        self.view.setFocus()

    def _focus(self, dock: QDockWidget | None, widget: QWidget) -> None:
        if dock is not None:
            self._show_dock(dock)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_color_scheme(self, _scheme=None) -> None:
        app = QGuiApplication.instance()
        self.set_theme(theme.apply(app) if app is not None else theme.current())

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self.setStyleSheet(theme.focus_style(new_theme))  # a focus frame that shows in either theme
        for widget in (self.view, self.legend, self.message_bar):
            widget.set_theme(new_theme)
        if self._built:  # else built later, in the theme of the moment
            for widget in (self.entity_card, self.quote_panel, self.link_inspector):
                widget.set_theme(new_theme)
            self.entity_panel.model.set_theme(new_theme)

    def _set_analysis_actions(self, enabled: bool) -> None:
        for action in self.export_actions.values():
            action.setEnabled(enabled)
        self.add_to_library_action.setEnabled(enabled)
        for action in (self.print_action, self.pdf_action):
            action.setEnabled(self.session.article is not None)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files):
            web = is_web_address(path)
            name = _short_address(path) if web else Path(path).name
            name = name.replace("&", "&&")  # not a mnemonic (a query string has many)
            action = self.recent_menu.addAction(f"&{i + 1}  {name}" if i < 9 else name)
            action.setToolTip(path)
            action.setStatusTip(path)
            opener = self.open_url if web else self.open_path
            action.triggered.connect(lambda _checked=False, p=path, o=opener: o(p))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("&Clear Recent Files", self.settings.clear_recent)

    # preferences, help, printing ------------------------------------------------------------
    def apply_preferences(self, preferences: Preferences) -> None:
        """Store (settings.py) and show at once: theme, reading font and size, line width."""
        self.settings.set_preferences(preferences)
        self._show_preferences(preferences)

    def _show_preferences(self, preferences: Preferences) -> None:
        theme.set_choice(preferences.theme)
        theme.set_reading(preferences.font_family, preferences.font_size)
        theme.set_measure(preferences.line_width)
        app = QGuiApplication.instance()
        new_theme = theme.apply(app) if isinstance(app, QApplication) else theme.current()
        self.set_theme(new_theme)  # rebuilds the article in the new font and measure
        self.panel_layout.fit()

    def _apply_saved_preferences(self) -> None:
        p = self.settings.preferences()
        if (theme.choice(), *theme.reading(), theme.measure()) != (p.theme, p.font_family, p.font_size, p.line_width):
            self._show_preferences(p)  # the look is shared by the process: another window may have changed it

    def open_preferences(self) -> PreferencesDialog:
        from .preferences import PreferencesDialog  # noqa: PLC0415 - off the start-up path

        if self.preferences_dialog is None:
            self.preferences_dialog = PreferencesDialog(self.settings.preferences(), self)
            self.preferences_dialog.changed.connect(self.apply_preferences)
            self.preferences_dialog.finished.connect(self._forget_preferences)
        self.preferences_dialog.show()
        self.preferences_dialog.raise_()
        return self.preferences_dialog

    def _forget_preferences(self) -> None:
        if self.preferences_dialog is not None:
            self.preferences_dialog.deleteLater()
            self.preferences_dialog = None

    def show_shortcuts(self) -> ShortcutsDialog:
        from .help import ShortcutsDialog  # noqa: PLC0415 - off the start-up path

        self._ensure_built()  # it lists the window's actions
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def about_text(self) -> str:
        from .help import about_html  # noqa: PLC0415 - off the start-up path

        return about_html(self.current_entity_model(), analysis=self.analysis)

    def show_about(self):
        from .help import about_box  # noqa: PLC0415 - off the start-up path

        self.about_box = about_box(self, self.about_text())
        return self.about_box

    def print_article(self) -> None:
        printing = self._printing("print_article")
        if printing is not None:
            printing(self)

    def choose_pdf(self) -> None:
        article = self.session.article
        if article is None:
            return
        folder = self._export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / (Path(article.source).stem + ".pdf"))
        path, _ = QFileDialog.getSaveFileName(self, "Export as PDF", suggested, "PDF (*.pdf)")
        if path:
            self._export_folder = str(Path(path).parent)
            self.export_pdf_to(path)

    def export_pdf_to(self, path: str | os.PathLike[str]) -> bool:
        export_pdf = self._printing("export_pdf")
        if export_pdf is None:
            return False
        try:
            export_pdf(self, os.fspath(path))
        except OSError as error:
            self.message_bar.show_message(f"Could not write {path}: {error.strerror or error}", "error")
            return False
        self.statusBar().showMessage(f"Exported to {path}", 6000)
        return True

    def _printing(self, name: str):
        """A function of reader.ui.printing, imported when first asked for; None (and said why) if missing."""
        try:
            from . import printing  # noqa: PLC0415
        except ImportError as error:
            problem = f"the printing module could not be loaded ({error})"
        else:
            function = getattr(printing, name, None)
            if callable(function):
                return function
            problem = f"reader.ui.printing has no {name}()"
        self.message_bar.clear(group="print")
        self.message_bar.show_message("Printing is not available in this copy of Reader.", "error",
                                      f"Details: {problem}.", group="print")
        return None

    # events ---------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if self._text_paint_armed and event.type() == QEvent.Type.Paint and watched is self.view.viewport():
            self._text_paint_armed = False  # the text is on screen: the rest is built on the next turn
            QTimer.singleShot(0, self._on_text_painted)
        if watched is self.view.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            self._last_click = event.position().toPoint()  # where a link was clicked: a name may be under it
            QTimer.singleShot(0, self._forget_click)  # the link's click is handled within this event, or never
        return super().eventFilter(watched, event)

    def _forget_click(self) -> None:
        self._last_click = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _dropped(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A file opens; a web address (a link dragged from a browser) is downloaded."""
        dropped = _dropped(event.mimeData())
        if dropped:
            event.acceptProposedAction()
            kind, target = dropped
            self.open_path(target) if kind == "file" else self.open_url(target)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.panel_layout.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.panel_layout.fit()
        if not self._first_shown:
            self._first_shown = True
            QTimer.singleShot(0, self._after_first_show)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel_layout.before_close()
        self.settings.save_window(self)
        self.settings.sync()
        if self._library_panel is not None:
            self._library_panel.cancel_add()  # a folder being added stops after the article in hand
        self.analyst.shutdown()
        super().closeEvent(event)


def _short_address(url: str, limit: int = 60) -> str:
    """"https://www.example.com/news/2024/story.html" -> "www.example.com/news/2024/story.html", cut to ``limit``."""
    shown = url.split("://", 1)[-1].rstrip("/")
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


def _dropped(mime: QMimeData) -> tuple[str, str] | None:
    """("file", path) or ("web", address) for what was dropped; a file wins over an address."""
    path = _local_file(mime)
    if path:
        return "file", path
    for url in mime.urls() if mime.hasUrls() else ():
        if url.scheme().lower() in ("http", "https"):
            return "web", url.toString()
    return None


def _local_file(mime: QMimeData) -> str | None:
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return url.toLocalFile()
    return None

