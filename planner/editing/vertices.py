"""Adding and removing corners of a hall, zone or obstacle outline, as patches.

A corner is named by ``(ring, position)``: ring 0 is the outer boundary, 1… the holes; the
position counts the ring's corners without the closing repeat. A removal that would leave fewer
than three corners, or an outline that crosses itself, is refused with one sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

from shapely.geometry import LineString, Point, Polygon

from planner.editing.names import named
from planner.editing.refusal import EditRefused
from planner.i18n import _
from planner.model import Patch, Plan

OUTLINE_TABLES = ("obstacles", "zones", "halls")
Key = tuple[str, str]
Ring = list[tuple[float, float]]


class Corner(NamedTuple):
    """One corner of an outline: its ring (0 outer, 1… holes) and its place in the ring."""

    ring: int
    position: int  # in the ring, from 0, without the closing repeat


class EdgeFoot(NamedTuple):
    """The point of an outline's edge nearest a point, and the edge (from ``corner``)."""

    distance: float
    corner: Corner
    point: tuple[float, float]


def rings_of(polygon: Polygon) -> list[Ring]:
    """The polygon's rings as corner lists, without the closing repeat."""
    rings = [polygon.exterior, *polygon.interiors]
    return [[(float(c[0]), float(c[1])) for c in list(ring.coords)[:-1]] for ring in rings]


def outline_of(plan: Plan, key: Key) -> Any:
    """The hall, zone or obstacle ``key`` names, if its outline is one polygon."""
    table, id_ = key
    entity = plan.get(table, id_) if table in OUTLINE_TABLES else None
    if entity is None or not isinstance(entity.geometry, Polygon):
        raise EditRefused(_("Select a hall, zone or obstacle outline to change its corners."))
    return entity


def nearest_edge(polygon: Polygon, point: tuple[float, float]) -> EdgeFoot:
    """The edge of ``polygon`` nearest ``point`` and the foot of the point on it."""
    probe = Point(point)
    best: EdgeFoot | None = None
    for r, ring in enumerate(rings_of(polygon)):
        for i, start in enumerate(ring):
            edge = LineString([start, ring[(i + 1) % len(ring)]])
            d = float(edge.distance(probe))
            if best is None or d < best.distance:
                foot = edge.interpolate(edge.project(probe))
                best = EdgeFoot(d, Corner(r, i), (round(foot.x, 6), round(foot.y, 6)))
    assert best is not None  # a polygon has at least one edge
    return best


def insert_vertex(
    plan: Plan, key: Key, point: tuple[float, float], tolerance: float
) -> tuple[Patch, Corner]:
    """Add a corner on the edge nearest ``point``; returns the patch and the new corner."""
    entity = outline_of(plan, key)
    foot = nearest_edge(entity.geometry, point)
    if foot.distance > tolerance:
        raise EditRefused(_("Double-click on the outline's edge to add a corner there."))
    rings = rings_of(entity.geometry)
    ring = rings[foot.corner.ring]
    x, y = foot.point
    if any(abs(x - cx) < 1e-6 and abs(y - cy) < 1e-6 for cx, cy in ring):
        raise EditRefused(_("There is a corner there already; drag it to move it."))
    ring.insert(foot.corner.position + 1, foot.point)
    polygon = Polygon(rings[0], rings[1:])
    label = named(key[0], entity)
    patch = plan.edit(_("Add corner to {what}").format(what=label))
    return patch.put(replace(entity, geometry=polygon)).build(), Corner(
        foot.corner.ring, foot.corner.position + 1
    )


def remove_vertex(plan: Plan, key: Key, corner: Corner) -> Patch:
    """Take a corner out of the outline; refused if too few corners remain or it crosses."""
    entity = outline_of(plan, key)
    rings = rings_of(entity.geometry)
    if corner.ring >= len(rings) or corner.position >= len(rings[corner.ring]):
        raise EditRefused(_("That corner is no longer part of the outline."))
    label = named(key[0], entity)
    if len(rings[corner.ring]) <= 3:
        if corner.ring:
            raise EditRefused(_("The hole has only three corners; a shape needs at least three."))
        raise EditRefused(
            _("The {what} has only three corners; a shape needs at least three.").format(what=label)
        )
    del rings[corner.ring][corner.position]
    polygon = Polygon(rings[0], rings[1:])
    if not polygon.is_valid or polygon.area <= 0:
        raise EditRefused(
            _("Removing that corner would make the outline of the {what} cross itself.").format(
                what=label
            )
        )
    edit = plan.edit(_("Remove corner of {what}").format(what=label))
    return edit.put(replace(entity, geometry=polygon)).build()


def move_vertex(entity: Any, corner: Corner, point: tuple[float, float]) -> Any | None:
    """The outline with ``corner`` moved to ``point``, or ``None`` if it would cross itself."""
    rings = rings_of(entity.geometry)
    rings[corner.ring][corner.position] = point
    candidate = Polygon(rings[0], rings[1:])
    if not candidate.is_valid:
        return None
    return replace(entity, geometry=candidate)
