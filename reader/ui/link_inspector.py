"""The link inspector: every link, what it looks like and where it really goes.

Opening a link happens in exactly one place, ``open_link``: it obeys the link's policy
("never" refuses, "confirm" asks showing both the text and the real target, "open"
opens) and, whatever the policy says, never hands anything but http, https or (after
asking) mailto to the system.
"""

from __future__ import annotations

import html
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .privacy import LocalOnlyBrowser, plain_tip

if TYPE_CHECKING:
    from ..core.model import Analysis, Link

OPENABLE = frozenset({"http", "https", "mailto"})
LinkRowRole = Qt.ItemDataRole.UserRole + 1

OPENED, REFUSED, CANCELLED, FAILED = "opened", "refused", "cancelled", "failed"
# How each severity is marked and named, in the table and in the detail pane alike.
MARKS = {"danger": "✖", "warning": "⚠", "info": "ℹ"}
# The Link text column grows to its widest text up to this share of the table; Warnings takes the rest.
TEXT_COLUMN_SHARE = 0.4


# opening ------------------------------------------------------------------------------------
def target_of(link: Link) -> str:
    """The link's destination, safe to show."""
    return safe_text(link.display_url or link.url or link.href)


def scheme_of(link: Link) -> str:
    if link.scheme:
        return link.scheme.lower()
    return urlsplit(link.url).scheme.lower() if link.url else ""


def needs_confirmation(link: Link) -> bool:
    return (link.policy == "confirm" or scheme_of(link) == "mailto"
            or any(w.severity in ("warning", "danger") for w in link.warnings))


def confirm_open(parent: QWidget | None, link: Link) -> bool:
    """Ask before opening a flagged link, showing what it looks like and where it goes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Open this link?")
    box.setText("This link has been flagged. Check where it goes before you open it.")
    lines = [f"It reads:  {safe_text(link.text)}", f"It goes to:  {target_of(link)}"]
    if link.real_target:
        lines.append(f"Behind the redirect:  {safe_text(link.real_target)}")
    lines += [f"• {w.message}" for w in link.warnings]
    box.setInformativeText(plain_tip("\n".join(lines)))  # link text is the page's: never markup
    open_button = box.addButton("Open in browser", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is open_button


def open_link(link: Link, parent: QWidget | None = None) -> str:
    """The one way Reader opens a link. Returns OPENED, REFUSED, CANCELLED or FAILED."""
    if link.policy == "never" or not link.url or scheme_of(link) not in OPENABLE:
        return REFUSED
    if needs_confirmation(link) and not confirm_open(parent, link):
        return CANCELLED
    url = QUrl(link.url, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in OPENABLE:
        return REFUSED
    return OPENED if QDesktopServices.openUrl(url) else FAILED


def safe_text(text: str) -> str:
    """Direction marks and invisible characters made visible (the core's display URL already is)."""
    out = []
    for char in text:
        if unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or char in "\u115f\u1160\u3164\uffa0":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


# the table ----------------------------------------------------------------------------------
class LinkModel(QAbstractTableModel):
    HEADERS = ("Link text", "Domain", "Warnings")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._links: tuple[Link, ...] = ()
        self._cells: list[tuple[str, str, str] | None] = []  # each row's three texts, made when first asked
        self._theme = theme.current()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._links = analysis.links if analysis else ()
        self._cells = [None] * len(self._links)
        self.endResetModel()

    def domains(self) -> set[str]:
        """Every text the Domain column shows (a few hundred at most): the inspector sizes it from these."""
        return {_domain(link) for link in self._links}

    def link(self, row: int) -> Link:
        return self._links[row]

    def row_at(self, offset: int) -> int:
        for row, link in enumerate(self._links):
            if link.start <= offset < max(link.end, link.start + 1):
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._links)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:  # asked on every paint: made once (safe_text is per character)
            cells = self._cells[index.row()]
            if cells is None:
                cells = self._cells[index.row()] = (" ".join(safe_text(link.text).split()) or "(no text)",
                                                    _domain(link), _warning_summary(link))
            return cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            # Cells are elided to fit; the tooltip always carries the whole of what was cut.
            lines = [safe_text(link.text)] if column == 0 else []
            lines += [target_of(link)] + [f"{MARKS.get(w.severity, '•')} {w.severity.capitalize()}: {w.message}"
                                          for w in link.warnings]
            return plain_tip("\n".join(lines))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{link.text}, {link.domain or 'no domain'}, {_warning_summary(link)}"
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return severity_colour(self._theme, link_severity(link))
        if role == LinkRowRole:
            return index.row()
        return None


def link_severity(link: Link) -> str | None:
    """The core's ``link_severity``; the links package (URL parsing, IDNA, domain tables) is imported when first
    needed, not on the window's start-up path."""
    from ..core.links import link_severity as severity  # noqa: PLC0415 - off the start-up path

    return severity(link)


def _domain(link: Link) -> str:
    return safe_text(link.domain or link.host or "—")


def severity_colour(t: theme.Theme, severity: str | None):
    """The colour of a severity, the same in the table and in the detail pane."""
    return {"danger": t.link_danger, "warning": t.link_warning, "info": t.muted}.get(severity or "")


def _warning_summary(link: Link) -> str:
    """The Warnings cell: the worst severity first, as the detail pane ranks it, then its first message."""
    severity = link_severity(link)
    never = link.policy == "never"
    if severity is None:
        return "✖ never opened" if never else "—"
    head = f"{MARKS.get(severity, '•')} {severity.capitalize()}" + (" · never opened" if never else "")
    more = f" (+{len(link.warnings) - 1})" if len(link.warnings) > 1 else ""
    return f"{head}: {link.warnings[0].message}{more}"


class LinkInspector(QWidget):
    linkSelected = Signal(int, int)  # start, end of the link chosen in the table
    message = Signal(str)  # one line for the status bar
    openFailed = Signal(str)  # the system took no link (no browser): a sentence for the message bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkInspector")
        self.setAccessibleName("Link inspector")
        self._theme = theme.current()
        self._quiet = False
        self._analysing = False  # an article is shown, its links not checked yet: not "0 links"
        self._text_width = 0
        self.model = LinkModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("linkTable")
        self.table.setAccessibleName("Links")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        # Not ResizeToContents, which asks the (Python) model for every row: set_analysis measures the
        # texts and domains itself, and the reader can still drag a column wider. Warnings, the last,
        # takes what is left, so its text is never cut to a stub; what does not fit is in the tooltip.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.detail = LocalOnlyBrowser(self)
        self.detail.setObjectName("linkDetail")
        self.detail.setAccessibleName("Link details")
        self.detail.setOpenLinks(False)
        self.copy_button = QPushButton("Copy link", self)
        self.copy_button.setAccessibleName("Copy link")
        self.copy_clean_button = QPushButton("Copy clean link", self)
        self.copy_clean_button.setAccessibleName("Copy clean link")
        self.copy_clean_button.setToolTip("The link without its tracking parameters")
        self.open_button = QPushButton("Open in browser", self)
        self.open_button.setAccessibleName("Open in browser")
        self.copy_button.clicked.connect(lambda: self.copy_current(clean=False))
        self.copy_clean_button.clicked.connect(lambda: self.copy_current(clean=True))
        self.open_button.clicked.connect(self.open_current)

        detail_box = QWidget(self)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.copy_button, self.copy_clean_button, self.open_button):
            buttons.addWidget(button)
        box_layout = QVBoxLayout(detail_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(6)
        box_layout.addWidget(self.detail, 1)
        box_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)
        self._show(None)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysing = False
        self.model.set_analysis(analysis)
        self._size_domain_column()
        self._text_width = self._widest_text()
        self._fit_text_column()
        self._show(None)

    def set_analysing(self) -> None:
        """An article is shown and its analysis is under way: say so rather than "0 links in this article"."""
        self.set_analysis(None)
        self._analysing = True
        self._show(None)

    def _widest_text(self) -> int:
        """The widest Link text cell (or the header), measured once per analysis."""
        metrics = self.table.fontMetrics()
        rows = range(min(self.model.rowCount(), 2000))  # enough to size by; longer ones are elided with a tooltip
        widest = max((metrics.horizontalAdvance(self.model.data(self.model.index(row, 0))) for row in rows),
                     default=0)
        header = self.table.horizontalHeader().fontMetrics().horizontalAdvance(LinkModel.HEADERS[0]) + 16
        return max(widest, header) + 16

    def _fit_text_column(self) -> None:
        """Link text as wide as its widest text, but at most a share of the table, so Warnings keeps room."""
        available = max(self.table.viewport().width(), 320)
        self.table.horizontalHeader().resizeSection(0, min(self._text_width, int(available * TEXT_COLUMN_SHARE)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_text_column()

    def _size_domain_column(self) -> None:
        """The Domain column as wide as its widest domain (or its header), at most 300 px."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        widest = max((metrics.horizontalAdvance(d) for d in self.model.domains()), default=0)
        widest = max(widest, header.fontMetrics().horizontalAdvance(LinkModel.HEADERS[1]) + 16)
        margin = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 8
        header.resizeSection(1, min(widest + margin, 300))

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self.model._theme = new_theme
        self._show(self.current_link())

    def current_link(self) -> Link | None:
        row = self.table.currentIndex().row()
        return self.model.link(row) if 0 <= row < self.model.rowCount() else None

    def select_link_at(self, offset: int) -> bool:
        """Select the link at a text offset (a click in the article); never opens it."""
        row = self.model.row_at(offset)
        if row < 0:
            return False
        self._quiet = True
        try:
            self.table.selectRow(row)
        finally:
            self._quiet = False
        self.table.scrollTo(self.model.index(row, 0))
        self._show(self.model.link(row))
        return True

    def open_current(self) -> str | None:
        link = self.current_link()
        if link is None:
            return None
        outcome = open_link(link, self.window())
        if outcome == FAILED:  # a signal of its own: the window keeps it in view, not in the passing status bar
            self.openFailed.emit(f"The system could not open {target_of(link)}")
            return outcome
        self.message.emit({
            OPENED: f"Opened {target_of(link)}",
            REFUSED: f"Reader does not open this link: {target_of(link)}",
            CANCELLED: "Not opened.",
        }[outcome])
        return outcome

    def copy_current(self, clean: bool = False) -> None:
        link = self.current_link()
        if link is None:
            return
        text = (link.clean_url if clean else None) or link.url or link.href
        QGuiApplication.clipboard().setText(text)
        self.message.emit(f"Copied {'clean link' if clean and link.clean_url else 'link'}: {safe_text(text)}")

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        link = self.model.link(current.row()) if current.isValid() else None
        self._show(link)
        if link is not None and not self._quiet:
            self.linkSelected.emit(link.start, link.end)

    def _show(self, link: Link | None) -> None:
        self.copy_button.setEnabled(link is not None)
        self.copy_clean_button.setEnabled(bool(link and link.clean_url))
        openable = bool(link and link.policy != "never" and link.url and scheme_of(link) in OPENABLE)
        self.open_button.setEnabled(openable)
        self.open_button.setText("Open in browser…" if link and openable and needs_confirmation(link)
                                 else "Open in browser")
        self.detail.setHtml(self._detail_html(link))

    def _detail_html(self, link: Link | None) -> str:
        t = self._theme
        muted = t.muted.name()
        if link is None and self._analysing:
            return f"<p style='color:{muted}'>Analysing…</p>"
        if link is None:
            total = self.model.rowCount()
            return (f"<p style='color:{muted}'>{total} link{'s' if total != 1 else ''} in this article. "
                    "Select one to see where it really goes. Clicking a link in the article selects it here; "
                    "it is never opened by a click.</p>")
        e = html.escape
        rows = [("Reads", e(safe_text(link.text))),
                ("Goes to", f"<code>{e(target_of(link))}</code>")]
        if link.real_target:
            rows.append(("Real target", f"<code>{e(safe_text(link.real_target))}</code>"))
        if link.domain or link.host:
            rows.append(("Domain", e(safe_text(link.domain or link.host or ""))))
        if link.tracking_params:
            rows.append(("Tracking", e(", ".join(link.tracking_params))))
        if link.clean_url:
            rows.append(("Clean link", f"<code>{e(safe_text(link.clean_url))}</code>"))
        if link.href != (link.url or ""):
            rows.append(("As written", f"<code>{e(safe_text(link.href))}</code>"))
        table = "".join(f"<tr><td style='color:{muted}; padding-right:10px'>{k}</td><td>{v}</td></tr>"
                        for k, v in rows)
        def colour(severity: str) -> str:
            found = severity_colour(t, severity)
            return found.name() if found is not None else muted

        warnings = "".join(f"<li style='color:{colour(w.severity)}'>{MARKS.get(w.severity, '•')} "
                           f"<b>{e(w.severity.capitalize())}:</b> {e(w.message)}</li>" for w in link.warnings)
        policy = ("<b>Reader will not open this link.</b>" if link.policy == "never" or scheme_of(link) not in OPENABLE
                  else "Reader asks before opening this link." if needs_confirmation(link)
                  else "No warnings.")
        return (f"<table cellspacing='2'>{table}</table>"
                + (f"<ul style='margin-left:-20px'>{warnings}</ul>" if warnings else "")
                + f"<p>{policy}</p>")
