"""Where hall and zone names go on the page: somewhere they hide no booth.

A name is tried at several places (beside the area's corners, on its top edge, in free floor)
and the first that covers no booth, stays on the page and, for a hall, keeps off the hall's own
floor wins. Everything here is in page points; booths are given as their page boxes, which
are never smaller than the booths themselves, so a box that misses them misses the booths.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.export.geometry import covered_area, polygons
from planner.export.layout import Box, Transform


@dataclass(frozen=True, slots=True)
class PlacedName:
    """A hall or zone name as drawn: its page box, and the page it was drawn through."""

    kind: str  # "hall" or "zone"
    name: str
    box: Box
    transform: Transform
    frame: Box


def page_geometry(geometry: BaseGeometry, transform: Transform) -> BaseGeometry:
    """``geometry`` (metres) in page points."""
    ppm, (ox, oy), (ax, ay) = transform.ppm, transform.origin, transform.at
    return shapely.transform(geometry, lambda xy: (xy - (ox, oy)) * ppm + (ax, ay))


def corner_boxes(
    geometry: BaseGeometry, transform: Transform, width: float, height: float, gap: float
) -> list[Box]:
    """Boxes of ``width`` x ``height`` beside each outer corner of ``geometry``, above then
    below it, running right then left, corners nearest the top left first."""
    corners: list[tuple[float, float]] = []
    for polygon in polygons(geometry):
        corners += [transform.point(x, y) for x, y in polygon.exterior.coords[:-1]]
    if not corners:
        return []
    left = min(x for x, _ in corners)
    top = max(y for _, y in corners)
    corners.sort(key=lambda c: (c[0] - left) ** 2 + (c[1] - top) ** 2)
    boxes = []
    for x, y in corners:
        for y0 in (y + gap, y - gap - height):
            boxes += [Box(x, y0, x + width, y0 + height), Box(x - width, y0, x, y0 + height)]
    return boxes


def free_floor_boxes(
    geometry: BaseGeometry, transform: Transform, width: float, height: float, steps: int = 6
) -> list[Box]:
    """Boxes on a grid over ``geometry``'s page box, for a name that fits in free floor."""
    x0, y0, x1, y1 = page_geometry(geometry, transform).bounds
    boxes = []
    for i in range(steps + 1):
        for j in range(steps + 1):
            cx = x0 + width / 2 + (x1 - x0 - width) * j / steps
            cy = y1 - height / 2 - (y1 - y0 - height) * i / steps
            boxes.append(Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2))
    return boxes


def choose_box(
    candidates: Sequence[Box],
    booth_boxes: np.ndarray,
    frame: Box,
    taken: Iterable[Box] = (),
    keep_off: BaseGeometry | None = None,
) -> Box:
    """The best of ``candidates``: covering no booth first, then inside ``frame``, clear of
    names already placed (``taken``), then least inside ``keep_off`` (page points); earlier
    candidates win ties.

    >>> from planner.export.geometry import box_array
    >>> booths = box_array([Box(0, 0, 10, 10)])
    >>> choose_box([Box(5, 5, 15, 8), Box(20, 0, 30, 3)], booths, Box(0, 0, 100, 100))
    Box(x0=20, y0=0, x1=30, y1=3)
    """
    taken_boxes = list(taken)
    taken_array = np.array([(b.x0, b.y0, b.x1, b.y1) for b in taken_boxes] or [(0, 0, 0, 0)])

    def score(item: tuple[int, Box]) -> tuple[bool, bool, bool, float, float, int]:
        rank, box = item
        cover = covered_area(box, booth_boxes)
        outside = not (
            frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        )
        clash = covered_area(box, taken_array) if taken_boxes else 0.0
        inside = 0.0
        if keep_off is not None:
            inside = shapely.box(box.x0, box.y0, box.x1, box.y1).intersection(keep_off).area
        return (cover > 1e-9, outside, clash > 1e-9, round(inside, 3), cover, rank)

    return min(enumerate(candidates), key=score)[1]
