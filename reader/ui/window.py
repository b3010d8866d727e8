"""The main window: builds the widgets, docks, menus and shortcuts, and wires them together.

Signals go up from the widgets to this one place; it calls methods down. Slots stay short.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QFrame, QLabel, QMainWindow, QMessageBox,
                               QProgressBar, QVBoxLayout, QWidget)

from . import theme
from .article_view import ArticleView
from .entity_card import EntityCard
from .entity_panel import EntityPanel
from .find_bar import FindBar
from .legend import Legend
from .link_inspector import LinkInspector, safe_text, target_of
from .message_bar import MessageBar
from .quote_panel import QuotePanel
from .settings import Settings
from .worker import Analyst

if TYPE_CHECKING:  # the core is imported off the GUI thread, after the window shows
    from ..core.model import Analysis, Article

OPEN_FILTER = "Articles (*.html *.htm *.xhtml *.shtml *.md *.markdown *.txt *.text);;All files (*)"
STAGES = {"starting": "Preparing the analysis…", "model": "Loading the language model…", "sentences": "Reading sentences…", "entities": "Finding names…",
          "quotes": "Finding quotations…", "links": "Checking links…", "done": "Finishing…"}
# kind: (menu text, file suffix, dialog filter); the content comes from reader.core.export
EXPORTS: dict[str, tuple[str, str, str]] = {
    "json": ("Analysis as &JSON…", ".json", "JSON (*.json)"),
    "entities": ("&Entities as CSV…", ".entities.csv", "CSV (*.csv)"),
    "quotes": ("&Quotes as CSV…", ".quotes.csv", "CSV (*.csv)"),
    "links": ("&Links as CSV…", ".links.csv", "CSV (*.csv)"),
    "html": ("&HTML report…", ".report.html", "HTML (*.html)"),
}


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

    def __init__(self, analyst: Analyst, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Reader")
        self.setAcceptDrops(True)
        self.analyst = analyst
        self.analyst.setParent(self)
        self.settings = settings
        self._theme = theme.current()
        self._requested = 0  # newest open request
        self._shown = 0  # request whose article is on screen
        self._analysing = 0  # analysis request for the article on screen (0: none asked for)
        self._paths: dict[int, str] = {}
        self._path: str | None = None
        self._analysis: Analysis | None = None
        self._export_folder: str | None = None
        self.stale_results = 0  # analyses that arrived for a document no longer shown (and were dropped)
        self._build_central()
        self._build_docks()
        self._build_status()
        self._build_actions()
        self._build_menus()
        self._wire()
        self.resize(1280, 800)
        self._default_state = self.saveState()
        self.settings.restore_window(self)
        self.view.set_zoom(self.settings.zoom())
        self._set_analysis_actions(False)
        self.view.setFocus()

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

    def _build_docks(self) -> None:
        self.entity_panel = EntityPanel(self)
        self.entity_card = EntityCard(self)
        self.quote_panel = QuotePanel(self)
        self.link_inspector = LinkInspector(self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.entities_dock = self._dock("Entities", "entitiesDock", self.entity_panel, left)
        self.card_dock = self._dock("Entity", "entityCardDock", self.entity_card, left)
        self.quotes_dock = self._dock("Quotes", "quotesDock", self.quote_panel, right)
        self.links_dock = self._dock("Links", "linksDock", self.link_inspector, right)
        self.tabifyDockWidget(self.quotes_dock, self.links_dock)
        self.quotes_dock.raise_()
        self.resizeDocks([self.entities_dock, self.quotes_dock], [300, 350], Qt.Orientation.Horizontal)
        self.resizeDocks([self.entities_dock, self.card_dock], [300, 400], Qt.Orientation.Vertical)

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
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.recogniser_label)
        self._show_progress(None)

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
        K = QKeySequence.StandardKey
        self.open_action = self._action("&Open…", self.choose_file, K.Open, "Open an article file")
        self.quit_action = self._action("&Quit", self.close, K.Quit)
        self.export_actions = {kind: self._action(text, lambda k=kind: self.choose_export(k))
                               for kind, (text, *_rest) in EXPORTS.items()}
        self.copy_action = self._action("&Copy", self.view.copy, K.Copy)
        self.find_action = self._action("&Find…", self.open_find, K.Find)
        self.find_next_action = self._action("Find &Next", lambda: self._find_step(True), [K.FindNext, "Ctrl+G"])
        self.find_previous_action = self._action("Find Pre&vious", lambda: self._find_step(False),
                                                 [K.FindPrevious, "Ctrl+Shift+G"])
        self.zoom_in_action = self._action("Zoom &In", self.view.zoom_in, [K.ZoomIn, "Ctrl+="])
        self.zoom_out_action = self._action("Zoom &Out", self.view.zoom_out, K.ZoomOut)
        self.zoom_reset_action = self._action("&Actual Size", lambda: self.view.set_zoom(0), "Ctrl+0")
        self.next_mention_action = self._action("&Next Mention", self.entity_card.next_mention, "Ctrl+]",
                                                "Go to the selected entity's next mention")
        self.previous_mention_action = self._action("&Previous Mention", self.entity_card.previous_mention, "Ctrl+[",
                                                    "Go to the selected entity's previous mention")
        self.open_link_action = self._action("Open Selected &Link…", self.link_inspector.open_current, "Ctrl+Shift+O",
                                             "Open the link selected in the inspector (flagged links ask first)")
        self.focus_actions = [
            self._action("&Article", lambda: self._focus(None, self.view), "Ctrl+1"),
            self._action("&Entities", lambda: self._focus(self.entities_dock, self.entity_panel), "Ctrl+2"),
            self._action("Entity &Card", lambda: self._focus(self.card_dock, self.entity_card.mentions), "Ctrl+3"),
            self._action("&Quotes", lambda: self._focus(self.quotes_dock, self.quote_panel), "Ctrl+4"),
            self._action("&Links", lambda: self._focus(self.links_dock, self.link_inspector), "Ctrl+5"),
        ]
        self.reset_layout_action = self._action("&Reset Layout", lambda: self.restoreState(self._default_state))

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        export_menu = file_menu.addMenu("&Export")
        for action in self.export_actions.values():
            export_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        for action in (self.copy_action, None, self.find_action, self.find_next_action, self.find_previous_action):
            edit_menu.addAction(action) if action else edit_menu.addSeparator()
        view_menu = menu.addMenu("&View")
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        go_menu = view_menu.addMenu("&Go to Panel")
        for action in self.focus_actions:
            go_menu.addAction(action)
        panels = view_menu.addMenu("&Panels")
        for dock in (self.entities_dock, self.card_dock, self.quotes_dock, self.links_dock):
            panels.addAction(dock.toggleViewAction())
        view_menu.addAction(self.reset_layout_action)
        navigate_menu = menu.addMenu("&Navigate")
        for action in (self.next_mention_action, self.previous_mention_action, None, self.open_link_action):
            navigate_menu.addAction(action) if action else navigate_menu.addSeparator()
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self._action("&About Reader", self._about))

    def _wire(self) -> None:
        a = self.analyst
        a.loaded.connect(self._on_loaded)
        a.analysed.connect(self._on_analysed)
        a.failed.connect(self._on_failed)
        a.progress.connect(self._on_progress)
        v = self.view
        v.mentionClicked.connect(lambda entity_id, start: self.select_entity(entity_id, start))
        v.linkClicked.connect(self._on_link_clicked)
        v.linkOpenRequested.connect(lambda _start: self.link_inspector.open_current())
        v.linkHovered.connect(self._on_link_hovered)
        v.zoomChanged.connect(self._on_zoom)
        self.entity_panel.entitySelected.connect(lambda entity_id: self.select_entity(entity_id))
        self.entity_card.mentionActivated.connect(v.select_span)
        self.entity_card.quoteActivated.connect(v.select_span)
        self.quote_panel.quoteActivated.connect(v.select_span)
        self.link_inspector.linkSelected.connect(v.select_span)
        self.link_inspector.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.legend.hiddenChanged.connect(v.set_hidden_labels)
        self.find_bar.queryChanged.connect(self._on_find_query)
        self.find_bar.stepRequested.connect(self._find_step)
        self.find_bar.closed.connect(self._on_find_closed)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme)

    # opening --------------------------------------------------------------------------------
    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    @property
    def path(self) -> str | None:
        return self._path

    def open_path(self, path: str | os.PathLike[str]) -> int:
        """Read and analyse a file in the background; the current article stays until it is readable."""
        path = os.fspath(path)
        request = self.analyst.open_path(path)
        self._requested = request
        self._paths[request] = path
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        return request

    def choose_file(self) -> None:
        start = str(Path(self._path).parent) if self._path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open article", start, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_article(self, article: Article) -> None:
        """Show an article that did not come from a file here (e.g. fetched) and analyse it."""
        self._requested = self._shown = 0  # a file still being read is no longer wanted
        self._path = None
        self._present(article)

    def show_article(self, article: Article) -> None:
        """Put a new article's text on screen now; its highlights come with ``show_analysis``."""
        self._analysis = None
        self._analysing = 0  # whatever analysis is under way is for another article now
        self.message_bar.hide()
        self.view.set_article(article)
        for panel in (self.entity_panel, self.quote_panel, self.link_inspector, self.legend):
            panel.set_analysis(None)
        self.entity_card.set_analysis(None)
        self.legend.set_status("Analysing…")
        self.find_bar.show_count(0, self.view.find_all(self.find_bar.query.text()) if self.find_bar.isVisible() else 0)
        self._set_analysis_actions(False)
        name = article.title or Path(article.source).name
        self.setWindowTitle(f"{name} — Reader")
        self.articleShown.emit(article)

    def show_analysis(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self.view.set_analysis(analysis)
        for panel in (self.entity_panel, self.quote_panel, self.link_inspector, self.legend):
            panel.set_analysis(analysis)
        self.entity_card.set_analysis(analysis)
        self.view.set_hidden_labels(self.legend.hidden_labels())
        self.recogniser_label.setText(f"Entities: {analysis.recogniser}")
        if analysis.notices and not self.message_bar.isVisible():
            self.message_bar.show_message(" ".join(analysis.notices), "info")
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
        self.card_dock.show()

    # exporting ------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        if self._analysis is None:
            return
        text, suffix, dialog_filter = EXPORTS[kind]
        source = Path(self._analysis.article.source)
        folder = self._export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / (source.stem + suffix))
        path, _ = QFileDialog.getSaveFileName(self, text.replace("&", "").rstrip("…"), suggested, dialog_filter)
        if path:
            self._export_folder = str(Path(path).parent)
            self.export_to(kind, path)

    def export_to(self, kind: str, path: str | os.PathLike[str]) -> bool:
        if self._analysis is None:
            return False
        content = render_export(kind, self._analysis)
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
        if request != self._requested:
            return
        self._shown = request
        self._path = self._paths.pop(request, article.source)
        self.settings.add_recent(self._path)
        self.statusBar().clearMessage()
        self._present(article)

    def _present(self, article: Article) -> None:
        """Text now; the analysis is asked for on the next turn of the event loop, after the paint."""
        self.show_article(article)
        self._show_progress("starting")
        QTimer.singleShot(0, lambda: self._start_analysis(article))

    def _start_analysis(self, article: Article) -> None:
        if self.view.article is article and self._analysing == 0:
            self._analysing = self.analyst.analyse(article)

    def _on_analysed(self, request: int, analysis: Analysis) -> None:
        if request != self._analysing:
            self.stale_results += 1
            return
        self.show_analysis(analysis)

    def _on_failed(self, request: int, message: str, reading: bool) -> None:
        if request == self._requested and reading:
            self._paths.pop(request, None)
            kept = " The previous article is still shown." if self._shown else ""
            self.message_bar.show_message(f"Could not open the file: {message}.{kept}", "error")
            self.statusBar().clearMessage()
            self.openFailed.emit(message)
        elif request == self._analysing and not reading:
            self.message_bar.show_message(f"{message}. The text is shown without highlights.", "error")
            self._show_progress(None)
            self.legend.set_status("")

    def _on_progress(self, request: int, stage: str, fraction: float) -> None:
        if request == self._analysing:
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
        if self.link_inspector.select_link_at(start):
            self.links_dock.show()
            self.links_dock.raise_()

    def _on_link_hovered(self, start: int) -> None:
        if start < 0:
            self.statusBar().clearMessage()
            return
        self.statusBar().showMessage(self._link_target(start))

    def _link_target(self, start: int) -> str:
        for link in self._analysis.links if self._analysis else ():
            if link.start == start:
                behind = f"  (really goes to {safe_text(link.real_target)})" if link.real_target else ""
                flag = {"never": "  ✖ will not be opened", "confirm": "  ⚠ flagged"}.get(link.policy, "")
                return f"{target_of(link)}{behind}{flag}"
        article = self.view.article
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
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_color_scheme(self, _scheme=None) -> None:
        app = QGuiApplication.instance()
        self.set_theme(theme.apply(app) if app is not None else theme.current())

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        for widget in (self.view, self.entity_card, self.quote_panel, self.link_inspector, self.legend,
                       self.message_bar):
            widget.set_theme(new_theme)
        self.entity_panel.model.set_theme(new_theme)

    def _set_analysis_actions(self, enabled: bool) -> None:
        for action in self.export_actions.values():
            action.setEnabled(enabled)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, path in enumerate(files):
            action = self.recent_menu.addAction(f"&{i + 1}  {Path(path).name}" if i < 9 else Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("&Clear Recent Files", self.settings.clear_recent)

    def _about(self) -> None:
        QMessageBox.about(self, "About Reader",
                          "<b>Reader</b><br>Read news closely: named entities, quotations and links, "
                          "inspected offline on your machine.")

    # events ---------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_file(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _local_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self)
        self.settings.sync()
        self.analyst.shutdown()
        super().closeEvent(event)


def _local_file(mime: QMimeData) -> str | None:
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return url.toLocalFile()
    return None

