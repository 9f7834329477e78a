"""The rules a packed plan must meet (floor-format.md), checked booth by booth.

:func:`check` lists every broken rule as a :class:`Problem`. It is vectorised (shapely 2 array
functions and one ``STRtree`` per kind of neighbour), so the app can run it live while a planner
drags booths. Rule keys:

``size``            not a rectangle of its zone's booth size (either way round)
``outside-hall``    not wholly inside a hall
``zone``            outside its zone, in a zone it does not belong to, or in a feature zone
``overlap``         overlaps another booth
``obstacle``        overlaps an obstacle (a column may stand in a booth flagged ``column``)
``door-clearance``  overlaps the clear rectangle in front of a door
``no-aisle``        no whole side faces a free aisle at least the zone's aisle width deep
``unreachable``     its aisle does not join up with a door along aisles of that width (a hall
                    with no door is open-air: its whole edge is a way in)
``long-run``        part of a run of booths side by side longer than 30 m with no cross aisle
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.entities import Booth
from planner.model.plan import Plan
from planner.model.rule_geometry import (
    AISLE_TOL,
    EDGE_TOL,
    booth_corners,
    centre_lines,
    door_clear_zone,
    door_reach,
    exits,
    free_parts,
    reachable_network,
    run_length,
    side_rects,
    sites,
    union_of_tiles,
    within_area,
)
from planner.model.zone_use import FEATURE

MAX_RUN = 30.0  # metres of booths side by side before a cross aisle is needed
AREA_TOL = 1e-4  # m²: overlaps smaller than this are rounding, not a problem
SIZE_TOL = 1e-3  # m: booth sides may differ from the rule by a millimetre

RULE_KEYS: tuple[str, ...] = (
    "size",
    "outside-hall",
    "zone",
    "overlap",
    "obstacle",
    "door-clearance",
    "no-aisle",
    "unreachable",
    "long-run",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule at one booth; ``rule`` is one of :data:`RULE_KEYS`."""

    booth_id: str
    rule: str
    message: str
    other_id: str | None = None  # the other booth of a pair problem (two booths overlapping)


# -- the checker ----------------------------------------------------------------------------


class _Add(Protocol):
    """Records that booth ``i`` breaks ``rule`` (with booth ``other``, for a pair problem)."""

    def __call__(self, i: int, rule: str, message: str, other: int | None = None) -> None: ...


@dataclass(slots=True)
class _Floor:
    """Everything the rules read, as shapely arrays built once per check."""

    plan: Plan
    booths: list[Booth]
    geoms: np.ndarray
    aisle: np.ndarray
    hall: BaseGeometry
    obstacles: np.ndarray
    columns: np.ndarray  # bool per obstacle
    doors: np.ndarray  # clear rectangles
    overlapping: np.ndarray  # bool per booth: overlaps another booth
    exits: np.ndarray  # door clear rectangles and the outlines of halls with no door


def _floor(plan: Plan) -> _Floor:
    clears = [door_clear_zone(plan, d) for d in plan.doors.values()]
    booths = list(plan.booths.values())
    aisle = []
    for b in booths:
        zone_id = b.zone_id if b.zone_id in plan.zones else None
        aisle.append(plan.zone_rules(zone_id).aisle)
    obstacles = list(plan.obstacles.values())
    hall = shapely.union_all([h.geometry for h in plan.halls.values()])
    return _Floor(
        plan=plan,
        booths=booths,
        geoms=np.array([b.geometry for b in booths], dtype=object),
        aisle=np.array(aisle, dtype=float),
        hall=hall,
        obstacles=np.array([o.geometry for o in obstacles], dtype=object),
        columns=np.array([o.is_column for o in obstacles], dtype=bool),
        doors=np.array(clears, dtype=object),
        overlapping=np.zeros(len(booths), dtype=bool),
        exits=exits(plan, clears),
    )


def check(plan: Plan) -> list[Problem]:
    """Every rule broken in ``plan``, booth by booth (in booth order, then rule order)."""
    floor = _floor(plan)
    if not floor.booths:
        return []
    found: dict[int, list[Problem]] = {}

    def add(i: int, rule: str, message: str, other: int | None = None) -> None:
        other_id = floor.booths[other].id if other is not None else None
        found.setdefault(i, []).append(Problem(floor.booths[i].id, rule, message, other_id))

    _check_size(floor, add)
    _check_placement(floor, add)
    _check_overlaps(floor, add)
    free_sides = _free_sides(floor)
    for i in np.flatnonzero(~free_sides.any(axis=1)):
        a = floor.aisle[i]
        add(int(i), "no-aisle", f"has no side facing a free aisle {a:g} m deep")
    _check_reachable(floor, free_sides, add)
    _check_runs(floor, add)
    order = {key: k for k, key in enumerate(RULE_KEYS)}
    return [p for i in sorted(found) for p in sorted(found[i], key=lambda p: order[p.rule])]


def _check_size(floor: _Floor, add: _Add) -> None:
    corners = booth_corners(floor.geoms)
    sides = np.linalg.norm(np.roll(corners, -1, axis=1) - corners, axis=2)[:, :2]
    areas = shapely.area(floor.geoms)
    for i, booth in enumerate(floor.booths):
        zone_id = booth.zone_id if booth.zone_id in floor.plan.zones else None
        w, d = floor.plan.zone_rules(zone_id).booth
        got = sorted(float(s) for s in sides[i])
        want = sorted((w, d))
        rect = abs(areas[i] - got[0] * got[1]) <= AREA_TOL
        if not rect or abs(got[0] - want[0]) > SIZE_TOL or abs(got[1] - want[1]) > SIZE_TOL:
            shape = "rectangle" if rect else "non-rectangle"
            # Both sizes short side first: the rule allows either way round, and "a 2 × 3 m
            # rectangle, not 3 × 2 m" read as if width and depth were swapped.
            add(
                i,
                "size",
                f"is a {got[0]:g} × {got[1]:g} m {shape}, not {want[0]:g} × {want[1]:g} m",
            )


def _check_placement(floor: _Floor, add: _Add) -> None:
    plan = floor.plan
    hall = shapely.buffer(floor.hall, EDGE_TOL, join_style="mitre")
    inside = within_area(hall, floor.geoms)
    for k in np.flatnonzero(~inside):
        add(int(k), "outside-hall", "is not wholly inside a hall")
    zones = list(plan.zones.values())
    zone_geoms = np.array([z.geometry for z in zones], dtype=object)
    tree = shapely.STRtree(zone_geoms)
    b_idx, z_idx = tree.query(floor.geoms, predicate="intersects")
    overlap = shapely.area(shapely.intersection(floor.geoms[b_idx], zone_geoms[z_idx]))
    for i, booth in enumerate(floor.booths):
        if booth.zone_id is not None and booth.zone_id not in plan.zones:
            add(i, "zone", f"belongs to zone {booth.zone_id!r}, which the plan does not have")
            continue
        if booth.zone_id is not None:
            zone = plan.zones[booth.zone_id]
            if zone.use == FEATURE:
                add(i, "zone", f"stands in {zone.name}, a feature zone that stays empty")
            elif not shapely.buffer(zone.geometry, EDGE_TOL, join_style="mitre").contains(
                booth.geometry
            ):
                add(i, "zone", f"is not wholly inside its zone {zone.name}")
    for i, z, area in zip(b_idx, z_idx, overlap, strict=True):
        zone = zones[z]
        if area > AREA_TOL and floor.booths[i].zone_id != zone.id:
            add(int(i), "zone", f"reaches {area:.2f} m² into zone {zone.name}, not its own")


def _check_overlaps(floor: _Floor, add: _Add) -> None:
    tree = shapely.STRtree(floor.geoms)
    a, b = tree.query(floor.geoms, predicate="intersects")
    keep = a < b
    a, b = a[keep], b[keep]
    area = shapely.area(shapely.intersection(floor.geoms[a], floor.geoms[b]))
    for i, j, ar in zip(a, b, area, strict=True):
        if ar > AREA_TOL:
            floor.overlapping[[i, j]] = True
            add(int(i), "overlap", f"overlaps booth {floor.booths[j].number} by {ar:.2f} m²", j)
            add(int(j), "overlap", f"overlaps booth {floor.booths[i].number} by {ar:.2f} m²", i)
    if len(floor.obstacles):
        names = [o.name for o in floor.plan.obstacles.values()]
        tree = shapely.STRtree(floor.obstacles)
        bi, oi = tree.query(floor.geoms, predicate="intersects")
        area = shapely.area(shapely.intersection(floor.geoms[bi], floor.obstacles[oi]))
        for i, o, ar in zip(bi, oi, area, strict=True):
            if ar <= AREA_TOL:
                continue
            booth = floor.booths[i]
            held = floor.columns[o] and "column" in booth.flags
            if held and shapely.buffer(booth.geometry, EDGE_TOL).contains(floor.obstacles[o]):
                continue
            add(int(i), "obstacle", f"overlaps a {names[o]} by {ar:.2f} m²")
    if len(floor.doors):
        door_names = [d.name for d in floor.plan.doors.values()]
        tree = shapely.STRtree(floor.doors)
        bi, di = tree.query(floor.geoms, predicate="intersects")
        area = shapely.area(shapely.intersection(floor.geoms[bi], floor.doors[di]))
        for i, d, ar in zip(bi, di, area, strict=True):
            if ar > AREA_TOL:
                add(int(i), "door-clearance", f"stands {ar:.2f} m² in front of {door_names[d]}")


def _blockers(floor: _Floor) -> np.ndarray:
    # A column inside a booth flagged "column" is part of that booth: nothing new blocks.
    return np.concatenate([floor.geoms, floor.obstacles])


def _free_sides(floor: _Floor) -> np.ndarray:
    """(N, 4) bool: the aisle-deep rectangle outside that side is in a hall and empty."""
    rects = side_rects(booth_corners(floor.geoms), floor.aisle)
    flat = rects.ravel()
    hall = shapely.buffer(floor.hall, EDGE_TOL, join_style="mitre")
    free = within_area(hall, flat)
    tree = shapely.STRtree(_blockers(floor))
    hit, _ = tree.query(flat, predicate="intersects")
    free[hit] = False
    return free.reshape(rects.shape)


def _check_reachable(floor: _Floor, free_sides: np.ndarray, add: _Add) -> None:
    """Per site (halls that touch) and per aisle width: which fronts join a way out."""
    corners = booth_corners(floor.geoms)
    booth_tree = shapely.STRtree(floor.geoms)
    for site in sites(floor.plan):
        shapely.prepare(site)
        here = np.zeros(len(floor.geoms), dtype=bool)
        here[booth_tree.query(site, predicate="intersects")] = True
        lone = floor.geoms[here & ~floor.overlapping]
        others = np.concatenate(
            [floor.geoms[here & floor.overlapping], _touching(floor.obstacles, site)]
        )
        ways_out = _touching(floor.exits, site)
        for aisle in np.unique(floor.aisle[here]):
            which = np.flatnonzero(here & (floor.aisle == aisle) & free_sides.any(axis=1))
            if len(which) == 0:
                continue
            network = reachable_network(site, lone, others, ways_out, float(aisle))
            shapely.prepare(network)
            lines = centre_lines(corners[which], aisle)  # (n, 4)
            ok = shapely.intersects(network, lines.ravel()).reshape(lines.shape)
            ok &= free_sides[which]
            for i in which[~ok.any(axis=1)]:
                add(
                    int(i),
                    "unreachable",
                    f"its aisle does not join a door along {aisle:g} m aisles",
                )


def _touching(geoms: np.ndarray, area: BaseGeometry) -> np.ndarray:
    return geoms[shapely.intersects(area, geoms)] if len(geoms) else geoms


def run_groups(floor: _Floor) -> list[list[int]]:
    """Booths closer than an aisle (the narrower of the two) belong to one run group."""
    n = len(floor.booths)
    tree = shapely.STRtree(floor.geoms)
    reach = float(floor.aisle.max()) - AISLE_TOL
    a, b = tree.query(floor.geoms, predicate="dwithin", distance=reach)
    keep = a < b
    a, b = a[keep], b[keep]
    dist = shapely.distance(floor.geoms[a], floor.geoms[b])
    close = dist < np.minimum(floor.aisle[a], floor.aisle[b]) - AISLE_TOL
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(a[close], b[close], strict=True):
        ri, rj = root(int(i)), root(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def booth_runs(plan: Plan) -> list[list[str]]:
    """Ids of the booths in each run group (booths closer than an aisle), in booth order."""
    floor = _floor(plan)
    if not floor.booths:
        return []
    return [[floor.booths[i].id for i in members] for members in run_groups(floor)]


def _check_runs(floor: _Floor, add: _Add) -> None:
    """A run group longer than 30 m along its booths' sides fails, booth by booth."""
    corners = booth_corners(floor.geoms)
    for members in run_groups(floor):
        if len(members) < 2:
            continue
        length = run_length(corners[members], corners[members[0]])
        if length > MAX_RUN + SIZE_TOL:
            for i in members:
                add(i, "long-run", f"is in a run of booths {length:.1f} m long with no cross aisle")


__all__ = [
    "AISLE_TOL",
    "EDGE_TOL",
    "MAX_RUN",
    "RULE_KEYS",
    "Problem",
    "booth_corners",
    "booth_runs",
    "check",
    "door_clear_zone",
    "door_reach",
    "exits",
    "free_parts",
    "reachable_network",
    "run_groups",
    "run_length",
    "side_rects",
    "union_of_tiles",
    "within_area",
]
