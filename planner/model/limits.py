"""The physical range of every number a plan holds: absurd values are refused, rules are not.

A booth of a billionth of a metre, an aisle of 1e308 m or a hall of a million square kilometres
is no floor anyone plans: such numbers come from a typo, a unit slip or a damaged file, and the
packer, the checker and the PDF writer would spend hours or all the memory on them, or stop with
an arithmetic error. They are refused where they come in (GeoJSON import, the plan file, the
app's edits) with one sentence that names the value.

A number that is physical but breaks a rule (a 0.5 m aisle, a booth too big for its hall) is
not refused here: it is the rule checker's business, so an old plan always reopens and is
reported.

Each ``*_problem`` function returns ``None`` for a good value, or the problem in a few words for
the caller to put in its sentence ("booth width 1e-09 m is under 0.5 m").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely

MAX_COORDINATE_M = 10_000_000.0  # 10,000 km from the origin: more is no floor on Earth
MIN_BOOTH_SIDE_M = 0.5
MAX_BOOTH_SIDE_M = 200.0
MAX_HALL_AREA_M2 = 10_000_000.0  # 10 km²: the largest fairgrounds hold about 1.5 km²
MAX_AISLE_M = 100.0
MAX_DOOR_WIDTH_M = 100.0
MAX_PRICE_PER_M2 = 1e12  # a trillion of any currency per square metre is a typo
# An outline of more corners than this is worked on simplified within OUTLINE_TOLERANCE_M: a
# round hall from CAD with a point every few millimetres has hundreds of thousands.
MAX_OUTLINE_CORNERS = 10_000
OUTLINE_TOLERANCE_M = 0.01
MIN_BOOTH_AREA_M2 = MIN_BOOTH_SIDE_M**2
MAX_BOOTH_AREA_M2 = MAX_BOOTH_SIDE_M**2


def _number(value: Any) -> str:
    """A value as the user typed it, short: 1e-09, 1e+308, 0.01, inf."""
    return f"{value:g}" if isinstance(value, int | float) else repr(value)


def finite_problem(value: Any, what: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{what} should be a number, not {value!r}"
    if not math.isfinite(value):
        return f"{what} is {_number(value)}, not a finite number"
    return None


def booth_side_problem(value: Any, what: str = "booth side") -> str | None:
    """A booth width or depth must lie between 0.5 m and 200 m."""
    problem = finite_problem(value, what)
    if problem is not None:
        return problem
    if value < MIN_BOOTH_SIDE_M:
        return f"{what} {_number(value)} m is under {MIN_BOOTH_SIDE_M:g} m"
    if value > MAX_BOOTH_SIDE_M:
        return f"{what} {_number(value)} m is over {MAX_BOOTH_SIDE_M:g} m"
    return None


def booth_size_problem(size: Any) -> str | None:
    if size is None:
        return None
    width, depth = size
    return booth_side_problem(width, "booth width") or booth_side_problem(depth, "booth depth")


def length_problem(value: Any, what: str, maximum: float) -> str | None:
    """A positive length (an aisle, a door width) of at most ``maximum`` metres."""
    problem = finite_problem(value, what)
    if problem is not None:
        return problem
    if value <= 0:
        return f"{what} {_number(value)} m should be more than 0"
    if value > maximum:
        return f"{what} {_number(value)} m is over {maximum:g} m"
    return None


def aisle_problem(value: Any, what: str = "aisle") -> str | None:
    return None if value is None else length_problem(value, what, MAX_AISLE_M)


def price_problem(value: Any, what: str = "price per m²") -> str | None:
    if value is None:
        return None
    problem = finite_problem(value, what)
    if problem is not None:
        return problem
    if value < 0:
        return f"{what} {_number(value)} is negative"
    if value > MAX_PRICE_PER_M2:
        return f"{what} {_number(value)} is over {MAX_PRICE_PER_M2:g}"
    return None


def coordinates_problem(geometry: Any) -> str | None:
    """Every coordinate finite and within 10,000 km of the origin."""
    coords = shapely.get_coordinates(geometry)
    if coords.size == 0:
        return None
    if not np.isfinite(coords).all():
        return "its coordinates are not all finite numbers"
    far = float(np.abs(coords).max())
    if far > MAX_COORDINATE_M:
        return (
            f"a coordinate lies {far:g} m from the origin, beyond {MAX_COORDINATE_M / 1000:,.0f} "
            "km; coordinates are metres on the floor"
        )
    return None


def hall_area_problem(geometry: Any) -> str | None:
    area = float(shapely.area(geometry))
    if area > MAX_HALL_AREA_M2:
        return (
            f"the hall covers {area / 1e6:,.3g} km², more than the "
            f"{MAX_HALL_AREA_M2 / 1e6:g} km² any fairground has; coordinates must be metres"
        )
    return None


def booth_area_problem(geometry: Any) -> str | None:
    area = float(shapely.area(geometry))
    if area < MIN_BOOTH_AREA_M2:
        return f"the booth covers {area:g} m², under the {MIN_BOOTH_AREA_M2:g} m² of a 0.5 m booth"
    if area > MAX_BOOTH_AREA_M2:
        return f"the booth covers {area:g} m², over the {MAX_BOOTH_AREA_M2:g} m² of a 200 m booth"
    return None


def entity_problem(entity: Any) -> str | None:
    """What is out of range in one entity of a plan, or ``None``.

    Coordinates first (they make every other figure meaningless), then the figures each kind
    of entity carries.
    """
    table = getattr(entity, "TABLE", "")
    for name in ("geometry", "line"):
        geometry = getattr(entity, name, None)
        if geometry is not None:
            problem = coordinates_problem(geometry)
            if problem is not None:
                return problem
    if table == "halls":
        return hall_area_problem(entity.geometry)
    if table == "booths":
        return booth_area_problem(entity.geometry)
    if table == "doors":
        return length_problem(entity.width, "door width", MAX_DOOR_WIDTH_M)
    if table in ("zones", "info"):
        return (
            booth_size_problem(entity.booth)
            or aisle_problem(entity.aisle)
            or price_problem(entity.price_per_m2)
        )
    return None


def geometries_problem(geometries: Any) -> tuple[int, str] | None:
    """The first geometry of an array whose coordinates are out of range, vectorised (a plan
    file holds tens of thousands of booths): ``(index, problem)`` or ``None``."""
    geoms = np.asarray(geometries, dtype=object)
    if geoms.size == 0:
        return None
    coords, owner = shapely.get_coordinates(geoms, return_index=True)
    bad = ~np.isfinite(coords).all(axis=1)
    bad |= (np.abs(np.nan_to_num(coords, nan=0.0, posinf=0.0, neginf=0.0)) > MAX_COORDINATE_M).any(
        axis=1
    )
    if not bad.any():
        return None
    index = int(owner[np.flatnonzero(bad)[0]])
    return index, coordinates_problem(geoms[index]) or "its coordinates are out of range"


def booth_areas_problem(geometries: Any) -> tuple[int, str] | None:
    """The first booth of an array whose area is out of range, vectorised."""
    geoms = np.asarray(geometries, dtype=object)
    if geoms.size == 0:
        return None
    areas = shapely.area(geoms)
    bad = np.flatnonzero((areas < MIN_BOOTH_AREA_M2) | (areas > MAX_BOOTH_AREA_M2))
    if bad.size == 0:
        return None
    index = int(bad[0])
    return index, booth_area_problem(geoms[index]) or "its area is out of range"


# Tables whose rows carry figures beyond coordinates (few rows each: checked one by one).
_FIGURED_TABLES = frozenset({"info", "halls", "doors", "zones"})
_GEOMETRY_FIELDS = {"doors": "line"}


def entities_problem(table: str, entities: Sequence[Any]) -> tuple[int, str] | None:
    """The first of ``entities`` (all of ``table``) with a number out of range, as
    ``(index, problem)``; geometry and booth areas are checked for all of them at once (a plan
    file or a pack holds tens of thousands of booths)."""
    if not entities or table in ("exhibitors", "booking_events"):
        return None
    if table != "info":
        name = _GEOMETRY_FIELDS.get(table, "geometry")
        found = geometries_problem([getattr(e, name) for e in entities])
        if found is not None:
            return found
    if table == "booths":
        return booth_areas_problem([e.geometry for e in entities])
    if table in _FIGURED_TABLES:
        for i, entity in enumerate(entities):
            problem = entity_problem(entity)
            if problem is not None:
                return i, problem
    return None


__all__ = [
    "MAX_AISLE_M",
    "MAX_BOOTH_SIDE_M",
    "MAX_COORDINATE_M",
    "MAX_DOOR_WIDTH_M",
    "MAX_HALL_AREA_M2",
    "MAX_OUTLINE_CORNERS",
    "MAX_PRICE_PER_M2",
    "MIN_BOOTH_SIDE_M",
    "OUTLINE_TOLERANCE_M",
    "aisle_problem",
    "booth_areas_problem",
    "booth_side_problem",
    "booth_size_problem",
    "coordinates_problem",
    "entities_problem",
    "entity_problem",
    "finite_problem",
    "geometries_problem",
    "hall_area_problem",
    "length_problem",
    "price_problem",
]
