"""A message strip above the article: errors and notices, in the window rather than in a dialog.

It holds one row per message, newest last, so an error about a file that could not be
opened and the notices about the article on screen are all visible together. Each row
has its own Dismiss button. A row's text is the message exactly as the core (and the
CLI) words it; anything the window adds ("The previous article is still shown.") is a
second, quieter line.

``group`` names a set of rows that are replaced together (the notices of one analysis).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from . import theme

ICONS = {"error": "✖", "info": "ℹ"}
KIND_NAMES = {"error": "Error", "info": "Notice"}


class Message(QFrame):
    """One row: icon, message, optional detail, Dismiss."""

    dismissed = Signal()

    def __init__(self, text: str, kind: str, detail: str, group: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.kind, self.group, self.message, self.detail_text = kind, group, text, detail
        self.setAccessibleName(KIND_NAMES.get(kind, "Notice"))
        self.setAccessibleDescription(f"{text} {detail}".strip())
        self.setAutoFillBackground(True)
        self.icon = QLabel(ICONS.get(kind, ICONS["info"]), self)
        self.icon.setObjectName("messageIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.icon.setFixedWidth(max(self.icon.fontMetrics().horizontalAdvance(icon) for icon in ICONS.values()) + 4)
        self.icon.setAccessibleName(KIND_NAMES.get(kind, "Notice"))  # the words say which, not only the colour
        self.text = QLabel(text, self)
        self.text.setObjectName("messageText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a file name or URL is never markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(detail, self)
        self.detail.setObjectName("messageDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setVisible(bool(detail))
        small = self.detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.detail.setFont(small)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("messageDismiss")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName(f"Dismiss {KIND_NAMES.get(kind, 'notice').lower()}")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismissed)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.text)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 6, 5)
        layout.setSpacing(8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def paint(self, new_theme: theme.Theme) -> None:
        dark = new_theme.dark
        colours = {"error": ("#5a1f22", "#ffd7d5") if dark else ("#fbe3e1", "#7a1212"),
                   "info": ("#24364d", "#d8e6f7") if dark else ("#e3edf9", "#173a66")}
        background, ink = colours.get(self.kind, colours["info"])
        self.setStyleSheet(f"#message {{ background: {background}; }} "
                           f"#messageText, #messageIcon, #messageDismiss {{ color: {ink}; }} "
                           f"#messageDetail {{ color: {ink}; }}")


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName("Messages")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._rows: list[Message] = []
        self._theme = theme.current()
        self.hide()

    # what is shown --------------------------------------------------------------------------
    @property
    def rows(self) -> list[Message]:
        return list(self._rows)

    def messages(self, kind: str | None = None) -> list[str]:
        """The texts shown, oldest first (only those of ``kind`` when given)."""
        return [row.message for row in self._rows if kind is None or row.kind == kind]

    @property
    def kind(self) -> str | None:
        """The newest message's kind ("error" or "info"), None when empty."""
        return self._rows[-1].kind if self._rows else None

    # changing it ----------------------------------------------------------------------------
    def show_message(self, text: str, kind: str = "info", detail: str = "", group: str | None = None) -> Message:
        """Add a row. ``kind`` is "error" or "info"; the same text is not shown twice."""
        for row in self._rows:
            if row.message == text and row.kind == kind:
                self._remove(row)
        row = Message(text, kind, detail, group, self)
        row.paint(self._theme)
        row.dismissed.connect(lambda r=row: self._remove(r))
        self._rows.append(row)
        self._layout.addWidget(row)
        self.show()
        return row

    def clear(self, group: str | None = None, kind: str | None = None) -> None:
        """Remove every row (or those of ``group`` / ``kind``)."""
        for row in list(self._rows):
            if (group is None or row.group == group) and (kind is None or row.kind == kind):
                self._remove(row)

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        for row in self._rows:
            row.paint(new_theme)

    def _remove(self, row: Message) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        if not self._rows:
            self.hide()
