"""File > Open URL: ask for a web address, check it, hand back the normalised URL.

The check is the core's own (``reader.core.fetch.normalise_url``), so the dialog refuses
exactly what the download would: anything but http and https (file:, javascript:,
ftp:, ...), addresses without a server, user names or passwords in the address. The
reason is shown in the dialog, which stays open so the address can be corrected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from . import theme
from .settings import is_web_address

PLACEHOLDER = "https://example.com/news/article.html"


def check_address(text: str) -> tuple[str | None, str | None]:
    """(normalised URL, None) for an address Reader may download, else (None, why not)."""
    from ..core import LoadError  # noqa: PLC0415 - the core is loaded by the time a dialog opens
    from ..core.fetch import normalise_url  # noqa: PLC0415

    try:
        return normalise_url(text), None
    except LoadError as error:
        return None, str(error)


class OpenUrlDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, recent: Sequence[str] = (), initial: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openUrlDialog")
        self.setWindowTitle("Open Web Address")
        self.setAccessibleName("Open web address")
        self.url: str | None = None
        muted = theme.current().muted.name()
        label = QLabel("&Address of a web page (http or https):", self)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("urlEdit")
        self.edit.setAccessibleName("Web address")
        self.edit.setPlaceholderText(PLACEHOLDER)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(460)
        label.setBuddy(self.edit)
        if recent:
            completer = QCompleter(list(recent), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.edit.setCompleter(completer)
        self.error = QLabel(self)
        self.error.setObjectName("urlError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c62828;" if not theme.current().dark else "color: #ff8a80;")
        self.error.hide()
        note = QLabel("Reader downloads the page itself and nothing else: no images, scripts, fonts or "
                      "style sheets.", self)
        note.setObjectName("urlNote")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {muted};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_edited)
        self.edit.setText(initial if initial is not None else _address_on_clipboard())
        self.edit.selectAll()
        self._on_edited(self.edit.text())

    @property
    def open_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Open)

    def accept(self) -> None:
        url, problem = check_address(self.edit.text())
        if url is None:
            self.error.setText(f"✖ {problem}")
            self.error.setAccessibleDescription(problem or "")
            self.error.show()
            self.adjustSize()  # room for the reason; the note below must not be squeezed
            self.edit.setFocus()
            self.edit.selectAll()
            return
        self.url = url
        super().accept()

    def _on_edited(self, text: str) -> None:
        self.open_button.setEnabled(bool(text.strip()))
        self.error.hide()  # the reason was for what was there before

    @classmethod
    def get_url(cls, parent: QWidget | None = None, recent: Sequence[str] = ()) -> str | None:
        dialog = cls(parent, recent)
        try:
            return dialog.url if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _address_on_clipboard() -> str:
    """A web address the reader has just copied, to save pasting it; otherwise nothing."""
    clipboard = QGuiApplication.clipboard()
    text = (clipboard.text() if clipboard is not None else "").strip()
    return text if len(text) < 2000 and "\n" not in text and is_web_address(text) else ""
