"""Model metres (y north) to scene coordinates (y down) and back.

The scene is the model with y negated, so north is up on screen and one scene unit is one metre.
Text stays upright because nothing is mirrored by a transform; only coordinates flip.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry


def to_scene(x: float, y: float) -> QPointF:
    return QPointF(x, -y)


def to_model(point: QPointF) -> tuple[float, float]:
    return (point.x(), -point.y())


def ring_polygon(coords) -> QPolygonF:
    xy = np.asarray(coords, dtype=float)[:, :2].tolist()  # one conversion, not per point
    return QPolygonF([QPointF(x, -y) for x, y in xy])


def path_of(geometry: BaseGeometry) -> QPainterPath:
    """A painter path of a polygon (holes cut with the odd-even rule), multipolygon or line."""
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    _add(path, geometry)
    return path


def _add(path: QPainterPath, geometry: BaseGeometry) -> None:
    if geometry.is_empty:
        return
    if isinstance(geometry, Polygon):
        path.addPolygon(ring_polygon(geometry.exterior.coords))
        path.closeSubpath()
        for hole in geometry.interiors:
            path.addPolygon(ring_polygon(hole.coords))
            path.closeSubpath()
    elif isinstance(geometry, LineString):
        coords = list(geometry.coords)
        path.moveTo(to_scene(*coords[0][:2]))
        for x, y, *_ in coords[1:]:
            path.lineTo(QPointF(x, -y))
    elif isinstance(geometry, MultiPolygon) or hasattr(geometry, "geoms"):
        for part in geometry.geoms:
            _add(path, part)
    else:  # points and anything else: nothing to draw as an area
        return
