"""Small helpers shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

SAMPLE_TIMEOUT_MS = 60_000


def char_format(view, offset: int) -> QTextCharFormat:
    """The character format of the character at a text offset."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.position(offset) + 1)
    return cursor.charFormat()


def background(view, offset: int) -> QColor | None:
    brush = char_format(view, offset).background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()


def click_text(qtbot, view, offset: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.point_of(offset))
