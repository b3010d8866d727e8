"""How a type is highlighted: small icons (its background and underline style) and the underline itself."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat

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
    painter.setBrush(Qt.BrushStyle.NoBrush)
    draw_underline(painter, colour, style, 1.0, width - 1.0, y, 1.4)


def draw_underline(painter: QPainter, colour: QColor, style: QTextCharFormat.UnderlineStyle, x1: float, x2: float,
                   y: float, thickness: float) -> None:
    """An underline from x1 to x2 at y in one of QTextCharFormat's styles (the article view and the swatches)."""
    if style == U.NoUnderline or x2 <= x1:
        return
    pen = QPen(colour, thickness)
    if style in (U.WaveUnderline, U.SpellCheckUnderline):
        step = max(2.0, thickness * 2.2)
        rise = max(1.2, thickness * 1.15)
        path = QPainterPath(QPointF(x1, y))
        x, up = x1, True
        while x < x2:
            nxt = min(x + step, x2)
            path.quadTo(QPointF((x + nxt) / 2, y - rise if up else y + rise), QPointF(nxt, y))
            x, up = nxt, not up
        painter.setPen(pen)
        painter.drawPath(path)
        return
    pen.setStyle(_PEN_STYLES.get(style, Qt.PenStyle.SolidLine))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(x1, y), QPointF(x2, y))


def draw_text_underline(painter: QPainter, colour: QColor, style: QTextCharFormat.UnderlineStyle, x1: float,
                        x2: float, baseline: float, position: float, thickness: float, descent: float) -> None:
    """An underline under text, where and how Qt draws a character format's underline.

    The same geometry as QPainter's text decoration (qpainter.cpp): a line ``ceil(position) + 0.5``
    below the baseline (kept within the descent), ``thickness`` wide, flat caps, the pen style of
    the same number, not antialiased; a wave tiled from a small path one pixel below the baseline. The article
    view paints entity underlines with it, so they look as they did when they were formats.
    """
    if style == U.NoUnderline or x2 <= x1:
        return
    left, right = math.floor(x1), math.floor(x2)
    if style in (U.WaveUnderline, U.SpellCheckUnderline):
        max_height = descent - 1
        wave = _wave(min(max(position, thickness), max_height / 2), colour.rgba(), thickness)
        top = baseline + 1
        painter.save()
        painter.setBrushOrigin(0, top)
        painter.fillRect(QRectF(x1, top, math.ceil(x2 - x1), min(wave.height(), math.floor(max_height))), QBrush(wave))
        painter.restore()
        return
    offset = math.ceil(position) + 0.5
    if position <= descent:
        offset = min(offset, descent - 0.5)
    pen = QPen(colour, thickness)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setStyle(Qt.PenStyle(style.value) if 1 <= style.value <= 5 else Qt.PenStyle.SolidLine)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(pen)
    painter.drawLine(QPointF(left, baseline + offset), QPointF(right, baseline + offset))
    painter.restore()


@lru_cache(maxsize=64)
def _wave(max_radius: float, rgba: int, thickness: float) -> QPixmap:
    """Qt's wavy underline tile (generateWavyPixmap in qpainter.cpp)."""
    base = max(1.0, max_radius)
    half = max(2.0, base * 1.61803399)
    width = math.ceil(100 / (2 * half)) * (2 * half)
    radius = math.floor(base * 2) / 2
    path = QPainterPath()
    x, y = 0.0, radius
    while x < width:
        x += half
        y = -y
        path.quadTo(x - half / 2, y, x, 0)
    pixmap = QPixmap(int(width), max(1, int(radius * 2)))
    pixmap.fill(Qt.GlobalColor.transparent)
    pen = QPen(QColor.fromRgba(rgba), min(thickness, 0.8 * radius))
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    painter = QPainter(pixmap)
    painter.setPen(pen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(0, radius)
    painter.drawPath(path)
    painter.end()
    return pixmap
