"""Small icons that show how a type is highlighted: its background and its underline style."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat

from .theme import TypeStyle

U = QTextCharFormat.UnderlineStyle
_PEN_STYLES = {U.DashUnderline: Qt.PenStyle.DashLine, U.DotLine: Qt.PenStyle.DotLine,
               U.DashDotLine: Qt.PenStyle.DashDotLine, U.DashDotDotLine: Qt.PenStyle.DashDotDotLine}


def swatch_icon(style: TypeStyle, width: int = 22, height: int = 14) -> QIcon:
    return _icon(style.background.name(), style.underline.name(), style.underline_style, width, height)


@lru_cache(maxsize=256)
def _icon(background: str, underline: str, line_style: QTextCharFormat.UnderlineStyle,
          width: int, height: int) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(width * scale, height * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(underline).darker(110), 0.8))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 4), 2.5, 2.5)
        _underline(painter, QColor(underline), line_style, width, height - 1.5)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _underline(painter: QPainter, colour: QColor, style: QTextCharFormat.UnderlineStyle, width: int, y: float) -> None:
    if style == U.NoUnderline:
        return
    pen = QPen(colour, 1.4)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if style in (U.WaveUnderline, U.SpellCheckUnderline):
        path = QPainterPath(QPointF(1, y))
        x, up = 1.0, True
        while x < width - 1:
            path.quadTo(QPointF(x + 1.5, y - 1.6 if up else y + 1.6), QPointF(x + 3, y))
            x, up = x + 3, not up
        painter.setPen(pen)
        painter.drawPath(path)
        return
    pen.setStyle(_PEN_STYLES.get(style, Qt.PenStyle.SolidLine))
    painter.setPen(pen)
    painter.drawLine(QPointF(1, y), QPointF(width - 1, y))
