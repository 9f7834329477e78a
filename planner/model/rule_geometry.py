"""The geometry the rules are made of, shared by the checker and the packer so both agree.

Doors' clear rectangles, the ways out of a floor, the oriented corners of booths, the
aisle-deep rectangles outside their sides, the walkable floor for an aisle-wide walker, and the
length of a run of booths. Vectorised: arrays of geometries in, arrays out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.model.entities import Door
from planner.model.plan import Plan

EDGE_TOL = 1e-6  # m: how far "touching" may be off
AISLE_TOL = 1e-3  # m: an aisle a millimetre short of the width still counts


def door_depth(plan: Plan, door: Door) -> float:
    """A door's clear rectangle is one aisle deep: the aisle of the zone it opens into."""
    for zone in plan.zones.values():
        if zone.geometry.intersects(door.line):
            return plan.zone_rules(zone.id).aisle
    return plan.zone_rules(None).aisle


def door_rect(plan: Plan, door: Door, depth: float | None = None, width: float = 0.0) -> Polygon:
    """A rectangle in front of ``door``, inward: at least the door's (or ``width``) wide, and
    ``depth`` deep (one aisle when not given). Not clipped to the hall."""
    coords = np.asarray(door.line.coords, dtype=float)
    start, end = coords[0], coords[-1]
    along = end - start
    length = float(np.hypot(*along))
    if length == 0:
        return Polygon()
    along = along / length
    normal = np.array([-along[1], along[0]])
    middle = (start + end) / 2
    # Grow the door's own line to its stated width around its middle.
    half = max(door.width, length, width) / 2
    a, b = middle - along * half, middle + along * half
    inward = normal
    hall = _halls_at(plan, door)
    if hall is not None and not hall.contains(shapely.points(middle + normal * 0.01)):
        inward = -normal
    depth = door_depth(plan, door) if depth is None else depth
    return Polygon([a, b, b + inward * depth, a + inward * depth])


def _halls_at(plan: Plan, door: Door) -> BaseGeometry | None:
    # Only the halls at this door matter (a big floor has many doors and many halls).
    halls = np.array([h.geometry for h in plan.halls.values()], dtype=object)
    if len(halls) == 0:
        return None
    at = halls[shapely.dwithin(halls, door.line, 0.01)]
    return shapely.union_all(at) if len(at) else None


def door_clear_zone(plan: Plan, door: Door) -> BaseGeometry:
    """The rectangle in front of ``door`` that stays free: its width, one aisle deep, inward."""
    rect = door_rect(plan, door)
    hall = _halls_at(plan, door)
    clear: BaseGeometry = rect
    if hall is not None and not rect.is_empty:
        clear = rect.intersection(hall)
    return clear if isinstance(clear, Polygon) else shapely.convex_hull(clear)


def exits(plan: Plan, clears: Sequence[BaseGeometry] | None = None) -> np.ndarray:
    """Where people leave: each door's clear rectangle (``clears``, when already made), and the
    outline of each hall that has no door at all (open-air floor such as a pavement or a park
    is entered anywhere along its edge)."""
    if clears is None:
        clears = [door_clear_zone(plan, d) for d in plan.doors.values()]
    out = list(clears)
    lines = np.array([d.line for d in plan.doors.values()], dtype=object)
    tree = shapely.STRtree(lines) if len(lines) else None
    for hall in plan.halls.values():
        edge = hall.geometry.boundary
        if tree is None or not len(tree.query(edge, predicate="dwithin", distance=0.01)):
            out.append(edge)
    return np.array([g for g in out if not g.is_empty], dtype=object)


def booth_corners(geoms: np.ndarray) -> np.ndarray:
    """Corners (N, 4, 2) of each geometry's oriented bounding rectangle, counter-clockwise."""
    if len(geoms) == 0:
        return np.zeros((0, 4, 2))
    env = shapely.oriented_envelope(geoms)
    env = shapely.orient_polygons(env)  # exterior counter-clockwise
    coords = shapely.get_coordinates(shapely.get_exterior_ring(env)).reshape(len(geoms), -1, 2)
    return coords[:, :4, :]


def side_rects(corners: np.ndarray, depth: np.ndarray, inset: float = EDGE_TOL) -> np.ndarray:
    """Rectangles (N, 4) outside each side of each booth, ``depth`` deep, pulled in by ``inset``.

    Side ``k`` runs from corner ``k`` to corner ``k + 1``; with counter-clockwise corners the
    outward normal is the edge direction turned clockwise.
    """
    p = corners
    q = np.roll(corners, -1, axis=1)
    edge = q - p
    length = np.linalg.norm(edge, axis=2, keepdims=True)
    t = edge / np.where(length == 0, 1, length)
    n = np.stack([t[..., 1], -t[..., 0]], axis=2)
    d = np.asarray(depth, dtype=float).reshape(-1, 1, 1)
    p0 = p + n * inset + t * inset
    q0 = q + n * inset - t * inset
    q1 = q + n * (d - inset) - t * inset
    p1 = p + n * (d - inset) + t * inset
    ring = np.stack([p0, q0, q1, p1, p0], axis=2)  # (N, 4, 5, 2)
    rects = shapely.polygons(ring.reshape(-1, 5, 2))
    assert isinstance(rects, np.ndarray)  # an array of rings makes an array of polygons
    return rects.reshape(len(corners), 4)


def within_area(area: BaseGeometry, geoms: np.ndarray) -> np.ndarray:
    """Bool per geometry: wholly inside ``area`` (a polygon or the pieces of a whole floor).

    Each piece is tested only against the geometries in its bounding box: a prepared test on a
    floor of many halls side by side would walk the edges of every hall level with the point,
    so the check would grow faster than the floor. Pieces of a valid multipolygon meet at most
    at points, so a geometry with area inside the whole lies inside one piece.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), dtype=bool)
    if len(geoms) == 0 or area.is_empty:
        return out
    parts = shapely.get_parts(area)
    if len(parts) == 1:
        shapely.prepare(parts[0])
        return shapely.contains(parts[0], geoms)
    geom_idx, part_idx = shapely.STRtree(parts).query(geoms)
    for k in np.unique(part_idx):
        mine = geom_idx[part_idx == k]
        shapely.prepare(parts[k])
        out[mine] |= shapely.contains(parts[k], geoms[mine])
    return out


def sites(plan: Plan) -> list[BaseGeometry]:
    """Halls that touch one another, each group as one area: walkers cross between them, and
    nothing on one site changes what is reachable on another, so rules are judged site by site.
    """
    ids = list(plan.halls)
    geoms = np.array([plan.halls[h].geometry for h in ids], dtype=object)
    if len(geoms) == 0:
        return []
    left, right = shapely.STRtree(geoms).query(geoms, predicate="dwithin", distance=1e-6)
    parent = list(range(len(geoms)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in zip(left, right, strict=True):
        parent[root(int(i))] = root(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(geoms)):
        groups.setdefault(root(i), []).append(i)
    return [shapely.union_all(geoms[g]) for g in groups.values()]


def free_parts(
    hall: BaseGeometry, booths: np.ndarray, others: np.ndarray, aisle: float
) -> np.ndarray:
    """The separate pieces of floor where the centre of an ``aisle``-wide walker can be.

    The free floor is shrunk by half an aisle (a square walker: ``booths``, which must not
    overlap one another, and ``others`` grown with mitred corners).
    """
    r = aisle / 2 - AISLE_TOL
    room: BaseGeometry = shapely.buffer(hall, -r, join_style="mitre")
    grown = []
    if len(booths):
        # Booths tile without overlap: the coverage union is many times faster than a union.
        grown.append(shapely.buffer(union_of_tiles(booths), r, join_style="mitre"))
    if len(others):
        grown.append(shapely.buffer(shapely.union_all(others), r, join_style="mitre"))
    if grown:
        room = shapely.difference(room, shapely.union_all(grown))
    return shapely.get_parts(room)


def union_of_tiles(geoms: np.ndarray) -> BaseGeometry:
    """Union of polygons that do not overlap: the fast coverage union when their shared edges
    match vertex for vertex (booths in rows do), the general union when they do not."""
    try:
        return shapely.coverage_union_all(geoms)
    except shapely.errors.GEOSException:
        return shapely.union_all(geoms)


def door_reach(doors: np.ndarray, aisle: float) -> np.ndarray:
    """Where a walker's centre must come to use each door: half an aisle around its clearance."""
    return shapely.buffer(doors, aisle / 2, join_style="mitre")


def reachable_network(
    hall: BaseGeometry,
    booths: np.ndarray,
    others: np.ndarray,
    doors: np.ndarray,
    aisle: float,
) -> BaseGeometry:
    """Where the centre of an ``aisle``-wide walker can be and still reach a door."""
    parts = free_parts(hall, booths, others, aisle)
    if len(parts) == 0 or len(doors) == 0:
        return shapely.Polygon()
    reach = shapely.union_all(door_reach(doors, aisle))
    touching = shapely.intersects(parts, reach)
    return shapely.union_all(parts[touching])


def centre_lines(corners: np.ndarray, aisle: float) -> np.ndarray:
    """(N, 4) lines along the middle of the aisle-deep rectangle outside each side."""
    p = corners
    q = np.roll(corners, -1, axis=1)
    edge = q - p
    t = edge / np.linalg.norm(edge, axis=2, keepdims=True)
    n = np.stack([t[..., 1], -t[..., 0]], axis=2)
    a = p + n * aisle / 2
    b = q + n * aisle / 2
    lines = shapely.linestrings(np.stack([a, b], axis=2).reshape(-1, 2, 2))
    assert isinstance(lines, np.ndarray)  # an array of point pairs makes an array of lines
    return lines.reshape(len(p), 4)


def run_length(corners: np.ndarray, axes_of: np.ndarray) -> float:
    """The longer extent of a group of booths along the sides of one of them."""
    u = axes_of[1] - axes_of[0]
    u = u / np.linalg.norm(u)
    v = np.array([-u[1], u[0]])
    pts = corners.reshape(-1, 2)
    pu, pv = pts @ u, pts @ v
    return float(max(pu.max() - pu.min(), pv.max() - pv.min()))


__all__ = [
    "AISLE_TOL",
    "EDGE_TOL",
    "booth_corners",
    "centre_lines",
    "door_clear_zone",
    "door_depth",
    "door_reach",
    "door_rect",
    "exits",
    "free_parts",
    "reachable_network",
    "run_length",
    "side_rects",
    "sites",
    "union_of_tiles",
    "within_area",
]
