"""A ruler along the top or left of the canvas, in metres, with a mark where the pointer is."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

RULER_PX = 20
RULER_BAND = "#f7f9fa"


def nice_step(minimum: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least ``minimum``."""
    if minimum <= 0 or not math.isfinite(minimum):
        return 1.0
    exponent = math.floor(math.log10(minimum))
    for factor in (1, 2, 5, 10):
        step = factor * 10.0**exponent
        if step >= minimum:
            return step
    return 10.0 ** (exponent + 1)


class Ruler(QWidget):
    def __init__(self, view, orientation: Qt.Orientation) -> None:
        super().__init__(view)
        self.view = view
        self.orientation = orientation
        self._cursor: tuple[float, float] | None = None

    def set_cursor(self, x: float, y: float) -> None:
        self._cursor = (x, y)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(RULER_BAND))
        horizontal = self.orientation == Qt.Orientation.Horizontal
        painter.setPen(QColor("#90a4ae"))
        if horizontal:
            painter.drawLine(0, RULER_PX - 1, self.width(), RULER_PX - 1)
        else:
            painter.drawLine(RULER_PX - 1, 0, RULER_PX - 1, self.height())
        view = self.view
        scale = max(view.transform().m11(), 1e-9)
        step = nice_step(55.0 / scale)
        font = QFont()
        font.setPixelSize(10)
        painter.setFont(font)
        painter.setPen(QColor("#455a64"))
        viewport = view.viewport()
        top_left = view.mapToScene(0, 0)
        bottom_right = view.mapToScene(viewport.width(), viewport.height())
        if horizontal:
            value = math.floor(top_left.x() / step) * step
            while value <= bottom_right.x():
                px = view.mapFromScene(QPointF(value, 0)).x()
                painter.drawLine(px, RULER_PX - 6, px, RULER_PX - 1)
                painter.drawText(px + 2, RULER_PX - 8, f"{value:g}")
                value += step
        else:
            value = math.floor(top_left.y() / step) * step
            while value <= bottom_right.y():
                py = view.mapFromScene(QPointF(0, value)).y()
                painter.drawLine(RULER_PX - 6, py, RULER_PX - 1, py)
                painter.save()
                painter.translate(RULER_PX - 8, py - 2)
                painter.rotate(-90)
                painter.drawText(0, 0, f"{-value + 0.0:g}")  # scene y is model -y
                painter.restore()
                value += step
        if self._cursor is not None:
            painter.setPen(QColor("#ff6f00"))
            if horizontal:
                px = view.mapFromScene(QPointF(self._cursor[0], 0)).x()
                painter.drawLine(px, 0, px, RULER_PX)
            else:
                py = view.mapFromScene(QPointF(0, -self._cursor[1])).y()
                painter.drawLine(0, py, RULER_PX, py)
        painter.end()
