"""Resizing one booth by a corner handle: the opposite corner stays put, the size snaps to the
grid, and the booth keeps its angle."""

from __future__ import annotations

import math

from shapely.geometry import Polygon

from planner.editing.booth_frame import booth_frame, booth_rectangle

# Corners in the booth's own frame, as (sign along width, sign along depth).
CORNERS: tuple[tuple[int, int], ...] = ((-1, -1), (1, -1), (1, 1), (-1, 1))
MIN_SIZE_M = 0.5


def corner_points(geometry: Polygon) -> list[tuple[float, float]]:
    cx, cy, width, depth, angle = booth_frame(geometry)
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    points = []
    for sw, sd in CORNERS:
        u, v = sw * width / 2.0, sd * depth / 2.0
        points.append((cx + u * cos - v * sin, cy + u * sin + v * cos))
    return points


def handle_at(geometry: Polygon, point: tuple[float, float], tolerance: float) -> int | None:
    """Which corner (0-3) is under ``point``, if any."""
    for k, (x, y) in enumerate(corner_points(geometry)):
        if abs(x - point[0]) <= tolerance and abs(y - point[1]) <= tolerance:
            return k
    return None


def resized(
    geometry: Polygon, corner: int, point: tuple[float, float], step: float | None
) -> Polygon:
    """The booth with ``corner`` dragged to ``point`` (sizes rounded to ``step`` if given)."""
    angle = booth_frame(geometry).angle
    fixed = corner_points(geometry)[(corner + 2) % 4]
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    dx, dy = point[0] - fixed[0], point[1] - fixed[1]
    along, across = dx * cos + dy * sin, -dx * sin + dy * cos  # in the booth's frame
    sw, sd = CORNERS[corner]
    width, depth = max(along * sw, MIN_SIZE_M), max(across * sd, MIN_SIZE_M)
    if step:
        width = max(round(width / step) * step, step)
        depth = max(round(depth / step) * step, step)
    u, v = sw * width / 2.0, sd * depth / 2.0  # centre = fixed corner + half the new diagonal
    cx = fixed[0] + u * cos - v * sin
    cy = fixed[1] + u * sin + v * cos
    return booth_rectangle(cx, cy, width, depth, angle)
