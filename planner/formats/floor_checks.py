"""Checks on one GeoJSON floor feature: its geometry, its numbers, its place among the halls.

Each check raises :class:`FeatureProblem` with the problem in a few words; the reader adds the
file and the feature to make the sentence the user sees.
"""

from __future__ import annotations

import math
import re
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from planner.errors import BoothplanError

DOOR_TOLERANCE = 0.01  # metres: a door may sit this far off its hall's edge (drawing slack)

# The geometry types each kind of feature may have.
GEOMETRY_TYPES: dict[str, tuple[str, ...]] = {
    "hall": ("Polygon", "MultiPolygon"),
    "obstacle": ("Polygon",),
    "zone": ("Polygon",),
    "entrance": ("LineString",),
    "exit": ("LineString",),
    "booth": ("Polygon",),
}


class FloorError(BoothplanError):
    """A floor file Boothplan cannot use, or cannot write; one sentence for the user."""


class FeatureProblem(ValueError):
    """What is wrong with one feature, in a few words (no file, no feature number)."""


_REASON = re.compile(r"^(?P<what>[^\[]+)\[(?P<x>\S+) (?P<y>\S+)\]$")


def _why_invalid(geometry: BaseGeometry) -> str:
    """GEOS's reason, made readable: 'Self-intersection[5 5]' -> 'self-intersection at (5, 5)'."""
    reason = shapely.is_valid_reason(geometry)
    match = _REASON.match(reason)
    if not match:
        return reason.lower()
    x, y = (float(match.group(c)) for c in "xy")
    return f"{match.group('what').strip().lower()} at ({x:g}, {y:g})"


def _check_position(position: Any, where: str) -> None:
    if (
        not isinstance(position, list | tuple)
        or len(position) not in (2, 3)
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in position)
    ):
        raise FeatureProblem(f"its coordinates cannot be read: {where} should be [x, y] numbers")


def _check_line(line: Any, where: str, minimum: int) -> None:
    if not isinstance(line, list | tuple) or len(line) < minimum:
        raise FeatureProblem(f"its coordinates cannot be read: {where} needs {minimum} positions")
    for n, position in enumerate(line, start=1):
        _check_position(position, f"position {n} of {where}")


def _check_polygon(rings: Any, where: str) -> None:
    """``where`` names the polygon in the message: "the polygon", "polygon 2"."""
    if not isinstance(rings, list | tuple) or not rings:
        raise FeatureProblem(f"its coordinates cannot be read: {where} has no rings")
    for n, ring in enumerate(rings, start=1):
        _check_line(ring, f"ring {n} of {where}", 4)


def _check_coordinates(geometry_type: str, coordinates: Any) -> None:
    """Walk GeoJSON coordinates so a malformed one gets a message a person can act on."""
    if geometry_type == "LineString":
        _check_line(coordinates, "the line", 2)
    elif geometry_type == "Polygon":
        _check_polygon(coordinates, "the polygon")
    elif geometry_type == "MultiPolygon":
        if not isinstance(coordinates, list | tuple) or not coordinates:
            raise FeatureProblem("its coordinates cannot be read: the MultiPolygon is empty")
        for n, polygon in enumerate(coordinates, start=1):
            _check_polygon(polygon, f"polygon {n}")


MIN_HALL_AREA = 1.0  # m²: less is no floor to plan, most likely degrees read as metres


def read_geometry(data: Any, kind: str) -> BaseGeometry:
    """The shapely geometry of a feature of ``kind``, checked: right type, 2-D, valid."""
    if data is None:
        raise FeatureProblem("it has no geometry")
    if not isinstance(data, dict) or "type" not in data:
        raise FeatureProblem("its geometry is not a GeoJSON geometry object")
    allowed = GEOMETRY_TYPES[kind]
    if data["type"] not in allowed:
        wanted = " or ".join(allowed)
        article = "an" if kind[0] in "aeiou" else "a"
        raise FeatureProblem(
            f"its geometry is a {data['type']}, but {article} {kind} needs a {wanted}"
        )
    _check_coordinates(data["type"], data.get("coordinates"))
    try:
        geometry = shape(data)
    except Exception as error:  # shapely raises several types for malformed coordinates
        raise FeatureProblem(f"its coordinates cannot be read ({error})") from None
    if geometry.is_empty:
        raise FeatureProblem("its geometry is empty")
    coords = shapely.get_coordinates(geometry, include_z=False)
    if not all(math.isfinite(v) for v in coords.ravel()):
        raise FeatureProblem("its coordinates are not all finite numbers")
    if geometry.has_z:
        geometry = shapely.force_2d(geometry)
    if kind in ("entrance", "exit"):
        if geometry.length == 0:
            raise FeatureProblem("the door line has no length")
    elif not geometry.is_valid:
        raise FeatureProblem(f"the polygon is invalid: {_why_invalid(geometry)}")
    elif geometry.area <= 0:
        raise FeatureProblem("the polygon has no area")
    elif kind == "hall" and geometry.area < MIN_HALL_AREA:
        # A floor saved from a GIS in longitude/latitude gives halls of a few millionths of a
        # "square metre": say so instead of making a plan no booth fits in.
        raise FeatureProblem(
            f"the hall covers only {geometry.area:.2g} m²; coordinates must be metres "
            "(x east, y north), not longitude and latitude"
        )
    return geometry


def positive_number(value: Any, what: str, *, zero: bool = False) -> float:
    """``value`` as a float; a text, ``true``, a negative or (unless ``zero``) 0 is refused."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FeatureProblem(f"{what} should be a number of metres, not {value!r}")
    if value < 0 or (value == 0 and not zero):
        raise FeatureProblem(f"{what} should be more than 0, not {value!r}")
    return float(value)


def text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FeatureProblem(f"{what} should be text, not {value!r}")
    return value if isinstance(value, str) else str(value)


def check_door_on_hall(line: BaseGeometry, halls: list[Any], tolerance: float) -> None:
    """A door must lie along some hall's edge (outer or inner ring), within ``tolerance``."""
    for hall in halls:
        if hall.geometry.boundary.buffer(tolerance).covers(line):
            return
    nearest = min((hall.geometry.boundary.distance(line) for hall in halls), default=None)
    if nearest is None:
        raise FeatureProblem("the door is on no hall's edge: the floor has no hall")
    raise FeatureProblem(
        f"the door is not on a hall's edge (it must lie along one within {tolerance * 100:g} cm;"
        f" the nearest edge is {nearest:.2f} m from part of it)"
        if nearest <= tolerance
        else f"the door is not on a hall's edge (the nearest edge is {nearest:.2f} m away)"
    )


def check_zone_in_halls(zone: BaseGeometry, halls: list[Any], tolerance: float) -> None:
    """A zone must lie within the halls (with ``tolerance`` of slack at the edges)."""
    if not halls:
        raise FeatureProblem("the zone lies outside every hall: the floor has no hall")
    floor = shapely.union_all([h.geometry for h in halls])
    if floor.buffer(tolerance).covers(zone):
        return
    if not floor.intersects(zone) or floor.intersection(zone).area == 0:
        raise FeatureProblem("the zone lies outside every hall")
    outside = zone.difference(floor).area
    raise FeatureProblem(f"the zone reaches outside the halls ({outside:.2f} m² of it is outside)")


__all__ = [
    "DOOR_TOLERANCE",
    "GEOMETRY_TYPES",
    "FeatureProblem",
    "FloorError",
    "check_door_on_hall",
    "check_zone_in_halls",
    "positive_number",
    "read_geometry",
    "text",
]
