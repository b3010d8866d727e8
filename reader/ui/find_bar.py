"""The find bar under the article: a query, the match count, next and previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class _QueryEdit(QLineEdit):
    stepRequested = Signal(bool)  # forward?
    closeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.stepRequested.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        elif event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    queryChanged = Signal(str)
    stepRequested = Signal(bool)  # True: next, False: previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in article")
        self.query = _QueryEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText("Find in article")
        self.query.setAccessibleName("Find text")
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.previous_button = self._button("▲", "Previous match (Shift+F3)", lambda: self.stepRequested.emit(False))
        self.next_button = self._button("▼", "Next match (F3)", lambda: self.stepRequested.emit(True))
        close = self._button("✕", "Close the find bar (Esc)", self.close_bar)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(lambda: self.queryChanged.emit(self.query.text()))
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.stepRequested.connect(self._step)
        self.query.closeRequested.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(4)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        self.setFocusProxy(self.query)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        # Given when first shown: the button's icon is loaded from the style (~7 ms), which the window's
        # first paint, with the bar hidden, need not wait for.
        self.query.setClearButtonEnabled(True)
        super().showEvent(event)

    def open_bar(self, text: str = "") -> None:
        if text:
            self.query.setText(text)
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def flush(self) -> None:
        """Search now rather than after the typing pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.queryChanged.emit(self.query.text())

    def show_count(self, index: int, total: int) -> None:
        if not self.query.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{index} of {total}" if index else f"{total} match{'es' if total != 1 else ''}")

    def _step(self, forward: bool) -> None:
        self.flush()
        self.stepRequested.emit(forward)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button
