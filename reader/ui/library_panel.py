"""The Library panel: the articles you have read (with search), who is quoted across them, and an entity
"in other articles". Reads and writes through reader.library; Qt only shows it.

Three tabs:

* Articles: the newest first, or the full-text search's hits (with a snippet) as you type. Opening one
  (double click, Enter) emits ``articleOpened(source)``; the window opens it in the reader. "Add folder…"
  adds a folder in a background thread, with a progress bar and Cancel.
* Speakers: who is quoted how often (quotes, articles), a bar chart of the most quoted, and the share
  of quotes said by people and by organisations.
* In other articles: ``show_entity(name, label)`` lists every mention (with the text around it) and
  every quote of that entity's library entity across the library.

The panel's own Database lives on the GUI thread (queries take milliseconds, see bench/library.py);
an add opens another in its thread (a Database belongs to the thread that opened it), and so does the
``LibraryUpdater``, which brings the library up to date after each correction made in the window (and
its undo) in a thread of its own; ``library_changed`` then shows the panel again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.corrections import Correction, article_key
from ..core.model import Analysis
from ..library import AddReport, LibraryLinker, Update, add_paths, queries, update_library
from ..store import CorrectionStore, Database, Library, StoreError, open_database
from . import theme

SOURCE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 200  # typing pauses this long before the search runs
CHART_BARS = 10


class _AddRelay(QObject):
    """Crosses from the adding thread to the GUI thread (queued signals)."""

    progress = Signal(int, int)
    finished = Signal(object)  # AddReport, or a StoreError's message (str)


class SpeakerChart(QWidget):
    """Horizontal bars: the most quoted speakers, coloured by label; under them the people/organisations share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerChart")
        self.setAccessibleName("Most quoted speakers")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rows: list[tuple[str, str, int]] = []  # (name, label, quotes)
        self.shares: tuple[float, float] = (0.0, 0.0)  # people, organisations

    def set_data(self, rows: Sequence[tuple[str, str, int]], people: float, organisations: float) -> None:
        self.rows = list(rows[:CHART_BARS])
        self.shares = (people, organisations)
        self.updateGeometry()
        self.update()

    def bar_height(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        return QSize(320, (len(self.rows) + 2) * self.bar_height() + 8)

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (for painting, and for tests)."""
        if not self.rows:
            return []
        names = max(self.fontMetrics().horizontalAdvance(name) for name, _, _ in self.rows[:CHART_BARS]) + 8
        names = min(names, self.width() // 2)
        counts = self.fontMetrics().horizontalAdvance(str(self.rows[0][2])) + 8
        span = max(1.0, self.width() - names - counts - 4)
        top = max(count for _, _, count in self.rows)
        height = self.bar_height()
        return [QRectF(names, 4 + i * height, span * count / top, height - 4)
                for i, (_, _, count) in enumerate(self.rows)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        style = theme.current()
        height = self.bar_height()
        for (name, label, count), rect in zip(self.rows, self.bar_rects(), strict=True):
            painter.setPen(text)
            painter.drawText(QRectF(0, rect.top() - 2, rect.left() - 6, height), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, self.fontMetrics().elidedText(
                                 name, Qt.TextElideMode.ElideRight, int(rect.left() - 6)))
            painter.fillRect(rect, style.type_style(label).underline)
            painter.drawText(QRectF(rect.right() + 4, rect.top() - 2, 60, height), Qt.AlignmentFlag.AlignVCenter,
                             str(count))
        if self.rows:
            # One bar split in two: people, organisations, and the rest (other labels) in the muted colour.
            y = 8 + len(self.rows) * height
            width = self.width() - 8
            people, organisations = self.shares
            segments = [(people, style.type_style("PERSON").underline),
                        (organisations, style.type_style("ORG").underline),
                        (max(0.0, 1 - people - organisations), QColor(style.muted))]
            x = 4.0
            for share, colour in segments:
                painter.fillRect(QRectF(x, y, width * share, height - 4), colour)
                x += width * share
            painter.setPen(text)
            painter.drawText(QRectF(4, y + height, width, height), Qt.AlignmentFlag.AlignLeft,
                             f"People {people:.0%} · Organisations {organisations:.0%}")
        painter.end()


class LibraryPanel(QWidget):
    articleOpened = Signal(str)  # the article's source: the path or URL it was read from
    addFinished = Signal(object)  # the AddReport of "Add folder…" (for the window's message bar)

    def __init__(self, database: str | Path | None = None, parent: QWidget | None = None, *,
                 add_options: dict[str, Any] | None = None) -> None:
        """``database``: the library file (None: --db / READER_LIBRARY / the user data folder).
        ``add_options`` go to reader.library.add_paths (``model``, ``workers``, ...)."""
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.setAccessibleName("Library")
        self._path = database
        self._add_options = dict(add_options or {})
        self._db: Database | None = None
        self._cancel = threading.Event()
        self._adding: threading.Thread | None = None
        self._entity_id: int | None = None
        # The names the entity of "In other articles" was asked by and last shown under: a correction may
        # give it another library entity (relinked) or name, and the tab finds it again by them.
        self._entity_names: list[tuple[str, str | None]] = []
        self._relay = _AddRelay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._articles_tab(), "Articles")
        self.tabs.addTab(self._speakers_tab(), "Speakers")
        self.tabs.addTab(self._entity_tab(), "In other articles")
        self.message = QLabel(self)  # errors in words (a damaged library), or what an add did
        self.message.setObjectName("libraryMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_articles)

    # ------------------------------------------------------------------ building

    def _articles_tab(self) -> QWidget:
        page = QWidget(self)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText("Search the library")
        self.search.setAccessibleName("Search the library")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh_articles)
        self.articles = QTreeWidget(page)
        self.articles.setObjectName("libraryArticles")
        self.articles.setAccessibleName("Articles in the library")
        self.articles.setHeaderLabels(["Title", "Date", "Found"])
        self.articles.setRootIsDecorated(False)
        self.articles.setUniformRowHeights(True)
        self.articles.itemActivated.connect(self._open_item)
        self.articles.itemDoubleClicked.connect(self._open_item)
        self.add_button = QPushButton("Add folder…", page)
        self.add_button.clicked.connect(self._choose_folder)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("libraryProgress")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", page)
        self.cancel_button.clicked.connect(self.cancel_add)
        self.cancel_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.articles, 1)
        layout.addLayout(row)
        return page

    def _speakers_tab(self) -> QWidget:
        page = QWidget(self)
        self.chart = SpeakerChart(page)
        self.speakers = QTreeWidget(page)
        self.speakers.setObjectName("librarySpeakers")
        self.speakers.setAccessibleName("Speakers")
        self.speakers.setHeaderLabels(["Speaker", "Type", "Quotes", "Articles"])
        self.speakers.setRootIsDecorated(False)
        self.speakers.itemActivated.connect(lambda item, _c: self.show_entity_id(item.data(0, SOURCE_ROLE)))
        self.speakers.itemDoubleClicked.connect(lambda item, _c: self.show_entity_id(item.data(0, SOURCE_ROLE)))
        self.share = QLabel(page)
        self.share.setObjectName("speakerShare")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.chart)
        layout.addWidget(self.share)
        layout.addWidget(self.speakers, 1)
        return page

    def _entity_tab(self) -> QWidget:
        page = QWidget(self)
        self.entity_title = QLabel("Choose a name in an article, then “In other articles”.", page)
        self.entity_title.setObjectName("libraryEntityTitle")
        self.entity_title.setWordWrap(True)
        self.occurrences = QTreeWidget(page)
        self.occurrences.setObjectName("libraryOccurrences")
        self.occurrences.setAccessibleName("Mentions and quotes in other articles")
        self.occurrences.setHeaderLabels(["Article", "In context"])
        self.occurrences.itemActivated.connect(self._open_item)
        self.occurrences.itemDoubleClicked.connect(self._open_item)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.entity_title)
        layout.addWidget(self.occurrences, 1)
        return page

    # ------------------------------------------------------------------ the database

    def database(self) -> Database | None:
        """The library, opened on first use; None (and a message) when it cannot be."""
        if self._db is None:
            try:
                self._db = open_database(self._path)
            except StoreError as error:
                self._say(str(error))
        return self._db

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _corrections(self, db: Database) -> list[Correction]:
        return CorrectionStore(db).corrections()

    def refresh(self) -> None:
        self.refresh_articles()
        self.refresh_speakers()

    def refresh_articles(self) -> None:
        db = self.database()
        self.articles.clear()
        if db is None:
            return
        text = self.search.text().strip()
        try:
            if text:
                rows: list[tuple[str, str, str, str]] = [
                    (hit.title or Path(hit.source).name, hit.date or "", hit.snippet, hit.source)
                    for hit in queries.search(db, text, limit=200)]
            else:
                rows = [(row.title or Path(row.source).name, row.date or "", "", row.source)
                        for row in queries.articles(db, limit=500)]
        except StoreError as error:
            self._say(str(error))
            return
        for title, date, snippet, source in rows:
            item = QTreeWidgetItem([title, date, snippet])
            item.setData(0, SOURCE_ROLE, source)
            item.setToolTip(0, source)
            item.setToolTip(2, snippet)
            self.articles.addTopLevelItem(item)

    def refresh_speakers(self) -> None:
        db = self.database()
        self.speakers.clear()
        if db is None:
            return
        result = queries.speakers(db, limit=500)
        for row in result.speakers:
            item = QTreeWidgetItem([row.name, theme.type_name(row.label), str(row.quotes), str(row.articles)])
            item.setData(0, SOURCE_ROLE, row.id)
            self.speakers.addTopLevelItem(item)
        self.chart.set_data([(row.name, row.label, row.quotes) for row in result.speakers],
                            result.people_share, result.organisations_share)
        attributed = sum(result.quotes_by_label.values())
        self.share.setText(f"{attributed} quotes with a named speaker: people {result.people_share:.0%}, "
                           f"organisations {result.organisations_share:.0%}; {result.unattributed} without one.")

    # ------------------------------------------------------------------ in other articles

    def show_entity(self, name: str, label: str | None = None) -> bool:
        """Show ``name``'s library entity (an entity card's "In other articles"); False when the library
        does not know it."""
        db = self.database()
        ids = queries.resolve(db, name, label) if db is not None else []
        self._entity_names = [(name, label)]
        if not ids:
            self.tabs.setCurrentIndex(2)
            self._entity_id = None
            self.occurrences.clear()
            self.entity_title.setText(f"“{name}” is in no article of the library yet.")
            return False
        self.show_entity_id(ids[0], keep_names=True)
        return True

    def show_entity_id(self, library_id: int, *, keep_names: bool = False, switch: bool = True) -> None:
        db = self.database()
        if db is None:
            return
        entity = queries.entity(db, library_id)
        self._entity_id = library_id
        if switch:
            self.tabs.setCurrentIndex(2)
        self.occurrences.clear()
        if entity is None:
            self.entity_title.setText("That name is no longer in the library.")
            return
        shown = (entity.name, entity.label)
        self._entity_names = [shown, *(n for n in self._entity_names if n != shown)] if keep_names else [shown]
        self.entity_title.setText(f"{entity.name} ({theme.type_name(entity.label)}): {entity.mentions} mentions in "
                                  f"{entity.articles} articles, {entity.quotes} quotes")
        mentions = QTreeWidgetItem(["Mentions", ""])
        said = QTreeWidgetItem(["Quotes", ""])
        for mention in queries.mentions(db, library_id):
            item = QTreeWidgetItem([mention.title or Path(mention.source).name, mention.context])
            item.setData(0, SOURCE_ROLE, mention.source)
            item.setToolTip(1, mention.context)
            mentions.addChild(item)
        for quote in queries.quotes(db, speaker_ids=[library_id]):
            item = QTreeWidgetItem([quote.title or Path(quote.source).name, f"“{quote.text}”"])
            item.setData(0, SOURCE_ROLE, quote.source)
            item.setToolTip(1, quote.text)
            said.addChild(item)
        self.occurrences.addTopLevelItems([mentions, said])
        mentions.setExpanded(True)
        said.setExpanded(True)

    def library_changed(self) -> None:
        """The library changed underneath (a correction brought it up to date): the lists and the entity of
        "In other articles" again, that one found by the names it was shown under (its library entity may
        be another one now, renamed or joined to another), on the tab that is showing."""
        db = self.database()
        if db is None:
            return
        try:
            self.refresh()
            if not self._entity_names:
                return
            for name, label in self._entity_names:
                ids = queries.resolve(db, name, label)
                if ids:
                    self.show_entity_id(ids[0], keep_names=True, switch=False)
                    return
            self._entity_id = None
            self.occurrences.clear()
            self.entity_title.setText(f"“{self._entity_names[0][0]}” is no longer in the library.")
        except StoreError as error:
            self._say(str(error))

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        source = item.data(0, SOURCE_ROLE)
        if isinstance(source, str) and source:
            self.articleOpened.emit(source)

    # ------------------------------------------------------------------ adding

    def add_analysis(self, analysis: Analysis) -> int | None:
        """Add the article on screen with its analysis (one transaction); its library id, None on an error."""
        db = self.database()
        if db is None:
            return None
        try:
            article_id = Library(db, LibraryLinker(self._corrections(db))).save_analysis(analysis)
        except StoreError as error:
            self._say(str(error))
            return None
        self._say("")
        self.refresh()
        return article_id

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles to the library")
        if folder:
            self.add_folder(folder)

    @property
    def adding(self) -> bool:
        return self._adding is not None and self._adding.is_alive()

    def add_folder(self, folder: str | Path) -> None:
        """Add every article in ``folder`` (recursively) in a background thread; progress shows below the list."""
        if self.adding or self.database() is None:
            return
        self._cancel.clear()
        self.progress.setRange(0, 0)  # busy until the files are counted
        self.progress.show()
        self.cancel_button.show()
        self.add_button.setEnabled(False)
        self._say("")
        path, options, relay, cancel = self._path, dict(self._add_options), self._relay, self._cancel
        corrections = self._corrections(self._db) if self._db is not None else []
        self._adding = threading.Thread(target=_add_in_thread, name="reader-library-add", daemon=True,
                                        args=(path, str(folder), options, corrections, relay, cancel.is_set))
        self._adding.start()

    def cancel_add(self) -> None:
        """Stop adding after the articles being analysed; what was stored stays."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, result: object) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        self.add_button.setEnabled(True)
        self._adding = None
        if isinstance(result, AddReport):
            stopped = " (cancelled)" if result.cancelled else ""
            failed = f", {len(result.failed)} could not be read" if result.failed else ""
            self._say(f"Added {result.added} articles{stopped}; {result.skipped} were in the library already{failed}.")
        else:
            self._say(str(result))
        self.refresh()
        self.addFinished.emit(result)

    def closeEvent(self, event: Any) -> None:
        self.cancel_add()
        super().closeEvent(event)


class LibraryUpdater(QObject):
    """Brings the library up to date after the corrections changed, in a thread of its own, one update
    after another (reader.library.update_library: the articles given are stored again if the library has
    them, and what the changed corrections touch is linked again). Work asked for while one runs is
    gathered into the next. ``updated`` and ``failed`` arrive on the GUI thread."""

    updated = Signal(object)  # reader.library.Update
    failed = Signal(str)  # a StoreError's sentence (locked, damaged...): the work waits for the next submit

    def __init__(self, path: str | Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._lock = threading.Condition()
        self._changed: list[Correction] = []
        self._analyses: dict[str, Analysis] = {}  # by article key: the latest one of each article
        self._busy = False
        self._closing = False
        self._thread: threading.Thread | None = None
        self._db: Database | None = None  # the thread's own

    def submit(self, changed: Sequence[Correction], analyses: Sequence[Analysis] = ()) -> None:
        """After ``changed`` were made or taken back: ``analyses``, made with the corrections as they are now,
        are stored again (if the library has their articles), and what the change touches is linked again."""
        with self._lock:
            if self._closing:
                return
            self._changed.extend(changed)
            for analysis in analyses:
                self._analyses[article_key(analysis.article)] = analysis
            self._busy = True
            self._lock.notify_all()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="reader-library-update", daemon=True)
                self._thread.start()

    def wait(self, timeout: float = 10.0) -> bool:
        """Until the work asked for is done (or failed); False when ``timeout`` seconds passed first."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._busy, timeout)

    def close(self) -> None:
        """Finish the update under way (one transaction), drop the rest, and end the thread."""
        with self._lock:
            self._closing = True
            self._lock.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=10.0)

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    while not self._closing and not (self._busy and (self._changed or self._analyses)):
                        self._busy = False
                        self._lock.notify_all()
                        self._lock.wait()
                    if self._closing:
                        return
                    changed, analyses = self._changed, self._analyses
                    self._changed, self._analyses = [], {}
                result = self._update(changed, list(analyses.values()))
                if isinstance(result, Update):
                    self._emit(self.updated, result)
                    continue
                with self._lock:  # failed: the work waits for the next submit, done with its own
                    self._changed[:0] = changed
                    self._analyses = {**analyses, **self._analyses}
                    self._busy = False
                    self._lock.notify_all()
                self._emit(self.failed, result)
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None
            with self._lock:
                self._busy = False
                self._lock.notify_all()

    def _update(self, changed: list[Correction], analyses: list[Analysis]) -> Update | str:
        """One update, in the thread (its own Database, opened on first use); the failure in words."""
        try:
            if self._db is None:
                self._db = open_database(self._path, check=False)
            return update_library(self._db, CorrectionStore(self._db).corrections(), changed, analyses)
        except StoreError as error:
            return f"The library could not be brought up to date with your corrections: {error}"
        except Exception as error:  # noqa: BLE001 - the window must hear of it, not a thread's traceback
            return f"The library could not be brought up to date: {type(error).__name__}: {error}"

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed meanwhile: nobody to tell
            pass


def _add_in_thread(path: str | Path | None, folder: str, options: dict[str, Any], corrections: list[Correction],
                   relay: _AddRelay, cancelled: Callable[[], bool]) -> None:
    try:
        with open_database(path, check=False) as db:
            report: object = add_paths(db, [folder], corrections=corrections, cancelled=cancelled,
                                       progress=relay.progress.emit, **options)
    except StoreError as error:
        report = str(error)
    except Exception as error:  # noqa: BLE001 - the panel must hear of it, not a thread's traceback
        report = f"Adding the folder stopped: {type(error).__name__}: {error}"
    relay.finished.emit(report)
