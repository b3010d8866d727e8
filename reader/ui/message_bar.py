"""A message strip above the article: errors and notices, in the window rather than in a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from . import theme


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName("Message")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.text = QLabel(self)
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._kind = "info"
        self._theme = theme.current()
        self.hide()

    @property
    def kind(self) -> str:
        return self._kind

    def show_message(self, text: str, kind: str = "info") -> None:
        """``kind`` is "error" or "info"; the words say which, not only the colour."""
        self._kind = kind
        prefix = "✖ " if kind == "error" else "ℹ "
        self.text.setText(prefix + text)
        self.setAccessibleDescription(text)
        self._paint()
        self.show()

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self._paint()

    def _paint(self) -> None:
        dark = self._theme.dark
        colours = {"error": ("#5a1f22", "#ffd7d5") if dark else ("#fbe3e1", "#7a1212"),
                   "info": ("#24364d", "#d8e6f7") if dark else ("#e3edf9", "#173a66")}
        background, ink = colours.get(self._kind, colours["info"])
        self.setStyleSheet(f"#messageBar {{ background: {background}; }} #messageText {{ color: {ink}; }}")
