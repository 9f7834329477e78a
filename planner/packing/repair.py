"""After the regions are packed one by one: open a way to every door, then take away the new
booths that still break a rule (an aisle shut by the next region, a pocket no aisle reaches,
a run that grew across a region border). Kept booths are never touched."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely

from planner.model.entities import Booth
from planner.model.plan import Plan
from planner.model.rules import (
    AISLE_TOL,
    MAX_RUN,
    booth_corners,
    check,
    door_clear_zone,
    door_reach,
    free_parts,
    run_length,
    side_rects,
)

MAX_ROUNDS = 8


def _with(plan: Plan, booths: list[Booth]) -> Plan:
    return plan.apply(plan.edit("candidate").put_all(booths).build())


def open_doors(base: Plan, booths: list[Booth]) -> list[Booth]:
    """Clear a corridor from each door inward until it meets the aisles the booths front on."""
    if not booths or not base.doors:
        return booths
    aisle = base.zone_rules(None).aisle
    hall = shapely.union_all([h.geometry for h in base.halls.values()])
    others = np.array(
        [o.geometry for o in base.obstacles.values()] + [b.geometry for b in base.booths.values()],
        dtype=object,
    )
    clears = [door_clear_zone(base, d) for d in base.doors.values()]
    clears = [c for c in clears if not c.is_empty]
    if not clears:
        return booths
    reaches = door_reach(np.array(clears, dtype=object), aisle)
    geoms = np.array([b.geometry for b in booths], dtype=object)
    joined = _doors_joined(hall, geoms, others, reaches, aisle)
    for clear, reach, ok in zip(clears, reaches, joined, strict=True):
        for depth in np.arange(0.0, 6 * aisle + 1e-9, aisle / 2):
            if ok:
                break
            corridor = _corridor(clear, aisle, depth)
            hit = shapely.intersects(geoms, corridor) & ~shapely.touches(geoms, corridor)
            booths = [b for b, h in zip(booths, hit, strict=True) if not h]
            geoms = geoms[~hit]
            ok = _doors_joined(hall, geoms, others, np.array([reach]), aisle)[0]
    return booths


def _doors_joined(hall, geoms: np.ndarray, others: np.ndarray, reaches, aisle: float):
    """For each door: does the piece of walkable floor there hold the front of some booth?"""
    if len(geoms) == 0:
        return np.ones(len(reaches), dtype=bool)
    parts = free_parts(hall, geoms, others, aisle)
    if len(parts) == 0:
        return np.zeros(len(reaches), dtype=bool)
    mids = shapely.centroid(side_rects(booth_corners(geoms), np.full(len(geoms), aisle)).ravel())
    fronted = np.zeros(len(parts), dtype=bool)
    fronted[shapely.STRtree(mids).query(parts, predicate="intersects")[0]] = True
    door, part = shapely.STRtree(parts).query(reaches, predicate="intersects")
    out = np.zeros(len(reaches), dtype=bool)
    out[door[fronted[part]]] = True
    return out


def _corridor(clear, aisle: float, depth: float):
    """The door's clear rectangle, at least one aisle wide, pushed ``depth`` further inward."""
    coords = np.asarray(clear.exterior.coords)[:4]
    a, b, c = coords[0], coords[1], coords[2]
    along = (b - a) / max(np.linalg.norm(b - a), 1e-9)
    inward = (c - b) / max(np.linalg.norm(c - b), 1e-9)
    width = max(float(np.linalg.norm(b - a)), aisle)
    mid = (a + b) / 2
    reach = float(np.linalg.norm(c - b)) + depth
    p0 = mid - along * width / 2
    p1 = mid + along * width / 2
    return shapely.Polygon([p0, p1, p1 + inward * reach, p0 + inward * reach])


def prune(
    base: Plan, booths: list[Booth], check_cancel: Callable[[], None] | None = None
) -> list[Booth]:
    """Take away new booths that break a rule, round by round, until none does."""
    for _ in range(MAX_ROUNDS):
        if check_cancel:
            check_cancel()
        plan = _with(base, booths)
        new_ids = {b.id for b in booths}
        problems = [p for p in check(plan) if p.booth_id in new_ids]
        if not problems:
            return booths
        drop = {p.booth_id for p in problems if p.rule != "long-run"}
        runs = {p.booth_id for p in problems if p.rule == "long-run"} - drop
        if runs:
            drop |= _split_runs(plan, runs, new_ids)
        booths = [b for b in booths if b.id not in drop]
    return booths


def _split_runs(plan: Plan, ids: set[str], new_ids: set[str]) -> set[str]:
    """Booths to take away so runs over 30 m break: a strip one aisle wide across each run."""
    from planner.model.rules import _floor, run_groups

    floor = _floor(plan)
    drop: set[str] = set()
    corners = booth_corners(floor.geoms)
    for members in run_groups(floor):
        if not any(floor.booths[i].id in ids for i in members):
            continue
        axes = corners[members[0]]
        if run_length(corners[members], axes) <= MAX_RUN:
            continue
        u = axes[1] - axes[0]
        u = u / np.linalg.norm(u)
        v = np.array([-u[1], u[0]])
        pts = corners[members].reshape(-1, 2)
        pu, pv = pts @ u, pts @ v
        axis = u if np.ptp(pu) >= np.ptp(pv) else v
        proj = corners[members] @ axis  # (n, 4)
        lo, hi = proj.min(), proj.max()
        aisle = float(floor.aisle[members].max()) + AISLE_TOL
        # A strip one aisle wide, as far along as the rule allows (or halfway, if shorter).
        first = min(MAX_RUN, max(0.0, (hi - lo - aisle) / 2))
        cut = (lo + first, lo + first + aisle)
        for i, p in zip(members, proj, strict=True):
            booth = floor.booths[i]
            if booth.id in new_ids and p.max() > cut[0] + 1e-6 and p.min() < cut[1] - 1e-6:
                drop.add(booth.id)
    return drop


__all__ = ["open_doors", "prune"]
