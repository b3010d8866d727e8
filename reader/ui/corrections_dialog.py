"""Edit > Corrections…: every stored correction, to read, remove (undoable), export and import as JSON.

The list is the store's, in the order the corrections apply in. Removing goes through the
controller's undo stack, so Ctrl+Z in the window brings a removed correction back. An import is
all or nothing (one transaction in the store); what is wrong with a file is said in the dialog,
in the store's words, and nothing of it is added.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..store import StoredCorrection
    from .corrections import CorrectionsController

IdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Correction", "Where", "Article", "Made")


class CorrectionsDialog(QDialog):
    def __init__(self, controller: CorrectionsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("correctionsDialog")
        self.setWindowTitle("Corrections")
        self.resize(820, 420)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("correctionsList")
        self.list.setAccessibleName("Corrections")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(self)  # what went wrong with an import or export, in words
        self.message.setObjectName("correctionsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.setToolTip("Remove the selected corrections (Ctrl+Z in the window brings them back)")
        self.export_button = QPushButton("&Export JSON…", self)
        self.import_button = QPushButton("&Import JSON…", self)
        self.close_button = QPushButton("Close", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        self.close_button.clicked.connect(self.accept)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        for button in (self.remove_button, self.export_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        controller.changed.connect(self.refresh)
        self._folder: str | None = None
        self.refresh()

    def refresh(self) -> None:
        selected = set(self.selected_ids())
        self.list.clear()
        items = self.controller.stored()
        for stored in items:
            item = QTreeWidgetItem(self._row(stored))
            item.setData(0, IdRole, stored.id)
            item.setToolTip(0, item.text(0))
            self.list.addTopLevelItem(item)
            item.setSelected(stored.id in selected)
        where = self.controller.database_path
        kept = f"Kept in {where}." if where is not None and self.controller.persistent else \
            "Kept until Reader closes (the database cannot be used)." if not self.controller.persistent else \
            "None yet: right-click a name or a quote in the article to correct it."
        count = f"{len(items)} correction{'s' if len(items) != 1 else ''}, applied to every analysis in this order. "
        self.intro.setText((count if items else "") + kept)
        self._update_buttons()

    def _row(self, stored: StoredCorrection) -> list[str]:
        from ..core.corrections import describe  # noqa: PLC0415

        correction = stored.correction
        scope = "Every article" if correction.article is None else "One article"
        title = stored.article_title or (Path(stored.article_source).name if stored.article_source else "")
        return [describe(correction, stored.article_title), scope, title if correction.article else "",
                _when(stored.created_at)]

    def selected_ids(self) -> list[int]:
        return [item.data(0, IdRole) for item in self.list.selectedItems()]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.export_button.setEnabled(self.list.topLevelItemCount() > 0)

    def remove_selected(self) -> None:
        self.controller.remove(self.selected_ids())

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # files --------------------------------------------------------------------------------------
    def _start_folder(self) -> str:
        return self._folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export Corrections",
                                              str(Path(self._start_folder()) / "reader-corrections.json"),
                                              "JSON (*.json)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | os.PathLike[str]) -> bool:
        from ..store import StoreError  # noqa: PLC0415

        try:
            text = self.controller.export_json()
            # Written beside and moved into place: a crash mid-write never leaves half a file.
            partial = Path(f"{os.fspath(path)}.part")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        except (OSError, StoreError) as error:
            self._say(f"Could not export to {path}: {getattr(error, 'strerror', None) or error}")
            return False
        self._folder = str(Path(path).parent)
        self._say(f"Exported {self.list.topLevelItemCount()} corrections to {path}.")
        return True

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import Corrections", self._start_folder(),
                                              "JSON (*.json);;All files (*)")
        if path:
            self.import_from(path)

    def import_from(self, path: str | os.PathLike[str]) -> int | None:
        """Add the corrections of an export file; how many were new, or None (and why, in the dialog)."""
        from ..core.corrections import CorrectionError  # noqa: PLC0415
        from ..store import StoreError  # noqa: PLC0415

        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8 text" \
                if isinstance(error, UnicodeDecodeError) else str(error)
            self._say(f"Could not read {path}: {reason}. Nothing was imported.")
            return None
        try:
            count = self.controller.import_json(text)
        except (CorrectionError, StoreError) as error:
            self._say(f"{error} Nothing was imported.")
            return None
        self._folder = str(Path(path).parent)
        self.refresh()
        self._say(f"Imported {count} new correction{'s' if count != 1 else ''} from {Path(path).name}"
                  + ("." if count else " (all of them were here already)."))
        return count


def _when(created_at: str) -> str:
    """An ISO time in UTC, shown in local time, to the minute."""
    try:
        return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return created_at
