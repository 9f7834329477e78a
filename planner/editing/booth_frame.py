"""A booth as a rotated rectangle: centre, width, depth and angle, and back."""

from __future__ import annotations

import math
from typing import NamedTuple

import shapely
from shapely import affinity
from shapely.geometry import Polygon

from planner.editing.refusal import EditRefused
from planner.i18n import _

LARGEST_BOOTH_M = 500.0  # larger than any hall: a typing slip, not a booth


class BoothFrame(NamedTuple):
    cx: float
    cy: float
    width: float  # along the side nearest east-west
    depth: float
    angle: float  # degrees, in (-45°, 45°]


def booth_frame(geometry: Polygon) -> BoothFrame:
    """The rectangle's centre, width, depth and angle."""
    coords = list(geometry.exterior.coords)
    (x0, y0), (x1, y1), (x2, y2) = coords[0][:2], coords[1][:2], coords[2][:2]
    width = math.hypot(x1 - x0, y1 - y0)
    depth = math.hypot(x2 - x1, y2 - y1)
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    # The same rectangle can start at any corner: turn the frame by quarter turns until the
    # angle lies in (-45°, 45°], so a square-on booth reads "0°" with width east-west.
    while angle > 45.0 + 1e-9:
        angle -= 90.0
        width, depth = depth, width
    while angle <= -45.0 + 1e-9:
        angle += 90.0
        width, depth = depth, width
    c = geometry.centroid
    return BoothFrame(float(c.x), float(c.y), width, depth, round(angle, 9) + 0.0)


def booth_rectangle(cx: float, cy: float, width: float, depth: float, angle: float) -> Polygon:
    """The rectangle of that centre, size and angle (coordinates to the micrometre)."""
    half_w, half_d = width / 2.0, depth / 2.0
    rect = Polygon([(-half_w, -half_d), (half_w, -half_d), (half_w, half_d), (-half_w, half_d)])
    turned = affinity.rotate(rect, angle, origin=(0, 0)) if angle % 360 else rect
    return clean(affinity.translate(turned, cx, cy))


def clean(geometry: Polygon) -> Polygon:
    """Coordinates rounded to the micrometre, so a quarter turn of a 3 m box stays 3 m."""
    rounded = shapely.set_precision(geometry, 1e-6)
    assert isinstance(rounded, Polygon)  # rounding a rectangle keeps it a rectangle
    return rounded


def check_size(width: float, depth: float) -> None:
    """Refuse a width or depth no booth can have."""
    for value, wording in (
        (width, _("A booth's width must be more than 0 m, not {value:g}.")),
        (depth, _("A booth's depth must be more than 0 m, not {value:g}.")),
    ):
        if not math.isfinite(value) or value <= 0:
            raise EditRefused(wording.format(value=value))
    for value, wording in (
        (width, _("A booth's width of {value:g} m is larger than any hall.")),
        (depth, _("A booth's depth of {value:g} m is larger than any hall.")),
    ):
        if value > LARGEST_BOOTH_M:
            raise EditRefused(wording.format(value=value))
