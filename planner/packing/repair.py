"""After the regions are packed one by one: open a way to every door, then take away the new
booths that still break a rule (an aisle shut by the next region, a pocket no aisle reaches,
a run that grew across a region border). Kept booths are never touched."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.entities import Booth
from planner.model.plan import Plan
from planner.model.rule_geometry import door_depth, door_rect, sites
from planner.model.rules import (
    AISLE_TOL,
    MAX_RUN,
    booth_corners,
    booth_runs,
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
    """Clear a corridor from each door inward until the walkable floor at the door reaches the
    front of some booth. When no corridor up to six aisles deep does, nothing is taken away for
    that door.

    Worked site by site (halls that touch): a door's corridor and the floor walked to it lie on
    its own site, so a floor of many halls costs the sum of its sites, not their product.
    """
    if not booths or not base.doors:
        return booths
    aisle = base.zone_rules(None).aisle
    others_all = np.array(
        [o.geometry for o in base.obstacles.values()] + [b.geometry for b in base.booths.values()],
        dtype=object,
    )
    pairs = [(d, door_clear_zone(base, d)) for d in base.doors.values()]
    pairs = [(d, c) for d, c in pairs if not c.is_empty]
    if not pairs:
        return booths
    doors = [d for d, _ in pairs]
    reaches = door_reach(np.array([c for _, c in pairs], dtype=object), aisle)
    geoms = np.array([b.geometry for b in booths], dtype=object)
    alive = np.ones(len(booths), dtype=bool)
    for site in sites(base):
        shapely.prepare(site)
        at_site = np.flatnonzero(shapely.intersects(site, reaches))
        if len(at_site) == 0:
            continue
        # Whatever lies within an aisle of the site can narrow the floor walked on it.
        mine = np.flatnonzero(shapely.dwithin(site, geoms, aisle))
        others = others_all[shapely.dwithin(site, others_all, aisle)]
        joined = _doors_joined(site, geoms[mine], others, reaches[at_site], aisle)
        for k, ok in zip(at_site, joined, strict=True):
            if ok:
                continue
            door, trial = doors[k], mine[alive[mine]]
            for depth in np.arange(aisle / 2, 6 * aisle + 1e-9, aisle / 2):
                # The door's clear zone, at least an aisle wide, pushed further inward.
                corridor = door_rect(base, door, door_depth(base, door) + depth, width=aisle)
                hit = shapely.intersects(geoms[trial], corridor) & ~shapely.touches(
                    geoms[trial], corridor
                )
                if not hit.any():
                    continue
                trial = trial[~hit]
                if _doors_joined(site, geoms[trial], others, reaches[k : k + 1], aisle)[0]:
                    alive[mine] = False
                    alive[trial] = True
                    break
    return [b for b, keep in zip(booths, alive, strict=True) if keep]


def _doors_joined(
    hall: BaseGeometry, geoms: np.ndarray, others: np.ndarray, reaches: np.ndarray, aisle: float
) -> np.ndarray:
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
    drop: set[str] = set()
    for group in booth_runs(plan):
        if not ids.intersection(group):
            continue
        geoms = np.array([plan.booths[i].geometry for i in group], dtype=object)
        corners = booth_corners(geoms)
        zones = [plan.booths[i].zone_id for i in group]
        aisles = np.array([plan.zone_rules(z if z in plan.zones else None).aisle for z in zones])
        axes = corners[0]
        if run_length(corners, axes) <= MAX_RUN:
            continue
        u = axes[1] - axes[0]
        u = u / np.linalg.norm(u)
        v = np.array([-u[1], u[0]])
        pts = corners.reshape(-1, 2)
        pu, pv = pts @ u, pts @ v
        axis = u if np.ptp(pu) >= np.ptp(pv) else v
        proj = corners @ axis  # (n, 4)
        lo, hi = proj.min(), proj.max()
        aisle = float(aisles.max()) + AISLE_TOL
        # A strip one aisle wide, as far along as the rule allows (or halfway, if shorter).
        first = min(MAX_RUN, max(0.0, (hi - lo - aisle) / 2))
        cut = (lo + first, lo + first + aisle)
        for booth_id, p in zip(group, proj, strict=True):
            if booth_id in new_ids and p.max() > cut[0] + 1e-6 and p.min() < cut[1] - 1e-6:
                drop.add(booth_id)
    return drop


__all__ = ["open_doors", "prune"]
