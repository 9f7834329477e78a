"""Floor geometry as paper sees it: booth rectangles (any rotation) and polygon rings."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from planner.export.layout import Box


@dataclass(frozen=True, slots=True)
class RectFrame:
    """A rectangle as centre, size and angle: ``width`` runs along ``angle`` (degrees).

    The angle is in (-90, 90], so text drawn along it is never upside down.
    """

    cx: float
    cy: float
    width: float
    height: float
    angle: float


def rect_frame(polygon: Polygon) -> RectFrame:
    """The frame of a (rotated) rectangle; any other shape gets its minimum rotated rectangle.

    Text runs along the longer side; for a square, along the side nearest horizontal.

    >>> f = rect_frame(Polygon([(0, 0), (0, 6), (3, 6), (3, 0)]))
    >>> (f.cx, f.cy, f.width, f.height, f.angle)
    (1.5, 3.0, 6.0, 3.0, 90.0)
    """
    coords = list(polygon.exterior.coords)
    if len(coords) != 5:
        rectangle = shapely.oriented_envelope(polygon)
        if not isinstance(rectangle, Polygon) or len(rectangle.exterior.coords) != 5:
            minx, miny, maxx, maxy = polygon.bounds
            return RectFrame((minx + maxx) / 2, (miny + maxy) / 2, maxx - minx, maxy - miny, 0.0)
        coords = list(rectangle.exterior.coords)
    (x0, y0), (x1, y1), (x2, y2) = coords[0], coords[1], coords[2]
    a_len = math.hypot(x1 - x0, y1 - y0)
    b_len = math.hypot(x2 - x1, y2 - y1)
    a_angle = _upright(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    b_angle = _upright(math.degrees(math.atan2(y2 - y1, x2 - x1)))
    cx = (x0 + x2) / 2.0
    cy = (y0 + y2) / 2.0
    if abs(a_len - b_len) <= 1e-6 * max(a_len, b_len, 1.0):
        # Square: read along the side nearest horizontal.
        if abs(a_angle) <= abs(b_angle):
            return RectFrame(cx, cy, a_len, b_len, a_angle)
        return RectFrame(cx, cy, b_len, a_len, b_angle)
    if a_len > b_len:
        return RectFrame(cx, cy, a_len, b_len, a_angle)
    return RectFrame(cx, cy, b_len, a_len, b_angle)


def _upright(angle: float) -> float:
    """Fold an angle into (-90, 90] so the text on it reads left to right or bottom to top."""
    angle = (angle + 180.0) % 360.0 - 180.0  # (-180, 180]
    if angle > 90.0 + 1e-9:
        angle -= 180.0
    elif angle <= -90.0 + 1e-9:
        angle += 180.0
    return round(angle, 9) + 0.0


def polygons(geometry: BaseGeometry) -> Iterator[Polygon]:
    if isinstance(geometry, Polygon):
        yield geometry
    elif isinstance(geometry, MultiPolygon):
        yield from geometry.geoms


def rings(geometry: BaseGeometry) -> Iterator[list[tuple[float, ...]]]:
    """Every ring (outer and holes) of a polygon or multipolygon, as coordinate lists."""
    for polygon in polygons(geometry):
        yield list(polygon.exterior.coords)
        for hole in polygon.interiors:
            yield list(hole.coords)


def bounds_box(geometry: BaseGeometry) -> Box:
    minx, miny, maxx, maxy = geometry.bounds
    return Box(minx, miny, maxx, maxy)


def overlaps(a: Box, b: Box) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1 and a.y0 <= b.y1 and b.y0 <= a.y1


def box_array(boxes: list[Box]) -> np.ndarray:
    """Boxes as an (n, 4) array of x0, y0, x1, y1, for :func:`covered_area`."""
    return np.array([(b.x0, b.y0, b.x1, b.y1) for b in boxes] or [(0, 0, 0, 0)], float)


def covered_area(box: Box, boxes: np.ndarray) -> float:
    """Total area of ``boxes`` (rows x0, y0, x1, y1) that ``box`` covers.

    >>> covered_area(Box(0, 0, 2, 2), box_array([Box(1, 1, 3, 3), Box(5, 5, 6, 6)]))
    1.0
    """
    w = np.minimum(box.x1, boxes[:, 2]) - np.maximum(box.x0, boxes[:, 0])
    h = np.minimum(box.y1, boxes[:, 3]) - np.maximum(box.y0, boxes[:, 1])
    return float(np.sum(np.clip(w, 0, None) * np.clip(h, 0, None)))
