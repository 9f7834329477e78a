"""Adding and removing corners of a hall, zone or obstacle outline, as patches (no Qt).

A corner is named by ``(ring, index)``: ring 0 is the outer boundary, 1… the holes; index counts
the ring's corners without the closing repeat. A removal that would leave fewer than three
corners, or an outline that crosses itself, is refused with one sentence.
"""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import LineString, Point, Polygon

from planner.model import Patch, Plan
from planner.ui.edits import EditRefused

OUTLINE_TABLES = ("obstacles", "zones", "halls")
_WHAT = {"halls": "hall", "zones": "zone", "obstacles": "obstacle"}
Key = tuple[str, str]


def rings_of(polygon: Polygon) -> list[list[tuple[float, float]]]:
    """The polygon's rings as corner lists, without the closing repeat."""
    rings = [polygon.exterior, *polygon.interiors]
    return [[(float(x), float(y)) for x, y, *_ in list(ring.coords)[:-1]] for ring in rings]


def _outline(plan: Plan, key: Key):
    table, id_ = key
    entity = plan.get(table, id_) if table in OUTLINE_TABLES else None
    if entity is None or not isinstance(entity.geometry, Polygon):
        raise EditRefused("Select a hall, zone or obstacle outline to change its corners.")
    return entity


def _label(key: Key, entity) -> str:
    name = getattr(entity, "name", "") or ""
    what = _WHAT[key[0]]
    return f"{what} {name}".strip()


def nearest_edge(polygon: Polygon, point: tuple[float, float]) -> tuple[float, int, int, tuple]:
    """``(distance, ring, index of the edge's first corner, nearest point on it)``."""
    probe = Point(point)
    best = None
    for r, ring in enumerate(rings_of(polygon)):
        for i, start in enumerate(ring):
            edge = LineString([start, ring[(i + 1) % len(ring)]])
            d = edge.distance(probe)
            if best is None or d < best[0]:
                foot = edge.interpolate(edge.project(probe))
                best = (d, r, i, (round(foot.x, 6), round(foot.y, 6)))
    assert best is not None
    return best


def insert_vertex(
    plan: Plan, key: Key, point: tuple[float, float], tolerance: float
) -> tuple[Patch, tuple[int, int]]:
    """Add a corner on the edge nearest ``point``; returns the patch and the new corner."""
    entity = _outline(plan, key)
    distance, ring_no, index, foot = nearest_edge(entity.geometry, point)
    if distance > tolerance:
        raise EditRefused("Double-click on the outline's edge to add a corner there.")
    rings = rings_of(entity.geometry)
    ring = rings[ring_no]
    if any(abs(foot[0] - x) < 1e-6 and abs(foot[1] - y) < 1e-6 for x, y in ring):
        raise EditRefused("There is a corner there already; drag it to move it.")
    ring.insert(index + 1, foot)
    polygon = Polygon(rings[0], rings[1:])
    patch = plan.edit(f"Add corner to {_label(key, entity)}")
    return patch.put(replace(entity, geometry=polygon)).build(), (ring_no, index + 1)


def remove_vertex(plan: Plan, key: Key, ring_no: int, index: int) -> Patch:
    """Take a corner out of the outline; refused if too few corners remain or it crosses."""
    entity = _outline(plan, key)
    rings = rings_of(entity.geometry)
    if ring_no >= len(rings) or index >= len(rings[ring_no]):
        raise EditRefused("That corner is no longer part of the outline.")
    label = _label(key, entity)
    if len(rings[ring_no]) <= 3:
        what = "hole" if ring_no else label
        raise EditRefused(f"The {what} has only three corners; a shape needs at least three.")
    del rings[ring_no][index]
    polygon = Polygon(rings[0], rings[1:])
    if not polygon.is_valid or polygon.area <= 0:
        raise EditRefused(
            f"Removing that corner would make the outline of the {label} cross itself."
        )
    return plan.edit(f"Remove corner of {label}").put(replace(entity, geometry=polygon)).build()
