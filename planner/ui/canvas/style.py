"""How the canvas paints: colours and brushes from planner.theme, made once and shared."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from planner import theme

COLOUR_BY_STATUS = "status"
COLOUR_BY_SECTOR = "sector"

_HATCH_PATTERNS = {
    "diagonal": Qt.BrushStyle.BDiagPattern,
    "cross": Qt.BrushStyle.DiagCrossPattern,
    "dense": Qt.BrushStyle.Dense6Pattern,
}

# Levels of detail, in screen pixels per metre: below these, labels are left out.
MIN_LABEL_PX = 7.0  # smallest readable text height on screen


@lru_cache(maxsize=256)
def colour(hex_: str) -> QColor:
    return QColor(hex_)


@lru_cache(maxsize=256)
def brush(hex_: str) -> QBrush:
    return QBrush(QColor(hex_))


@lru_cache(maxsize=64)
def hatch_brush(use: str) -> QBrush | None:
    pattern = _HATCH_PATTERNS.get(theme.ZONE_HATCH.get(use, "none"))
    if pattern is None:
        return None
    hatch = QColor(theme.zone_colour(use)).darker(135)
    return QBrush(hatch, pattern)


@lru_cache(maxsize=64)
def metre_pen(hex_: str, width_m: float) -> QPen:
    pen = QPen(QColor(hex_), width_m)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


@lru_cache(maxsize=64)
def pixel_pen(hex_: str, width_px: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(hex_), width_px)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


SELECTION_PEN = pixel_pen(theme.HIGHLIGHT_COLOUR, 3.0)
PROBLEM_PEN = pixel_pen(theme.PROBLEM_COLOUR, 2.0, True)
HAIRLINE_BOOTH_PEN = pixel_pen(theme.BOOTH_STROKE, 0.0)
