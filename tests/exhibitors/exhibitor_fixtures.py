"""Plans with booths for the exhibitor tests, built in memory.

``grid`` makes a block of booths side by side; ``rows_on_floor`` lays simple double rows of
booths on a real floor (a stand-in for the packer, good enough to allocate on: booths inside the
halls and their zones, clear of obstacles and feature zones, rows broken by cross aisles).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import shapely
from shapely import box

from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo, Zone
from planner.model.zone_use import FEATURE

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXHIBITORS = SHARED / "exhibitors"
FLOORS = SHARED / "floors"


def grid(
    rows: int,
    cols: int,
    *,
    w: float = 3.0,
    d: float = 3.0,
    x0: float = 0.0,
    y0: float = 0.0,
    prefix: str = "A",
    zone_id: str | None = None,
    first: int = 1,
) -> list[Booth]:
    """Booths numbered ``A1``.. row by row (ids ``booth-N``), touching side by side."""
    booths = []
    n = first
    for r in range(rows):
        for c in range(cols):
            geometry = box(x0 + c * w, y0 + r * d, x0 + (c + 1) * w, y0 + (r + 1) * d)
            booths.append(
                Booth(
                    id=f"booth-{n}",
                    number=f"{prefix}{n - first + 1}",
                    geometry=geometry,
                    zone_id=zone_id,
                )
            )
            n += 1
    return booths


def plan_of(*entities, info: PlanInfo | None = None) -> Plan:
    plan = Plan.from_entities(entities)
    if info is not None:
        plan = plan.apply(plan.edit().put(info).build())
    return plan


def exhibitor(n: int, name: str | None = None, **fields) -> Exhibitor:
    return Exhibitor(id=f"exhibitor-{n}", name=name or f"Công ty {n}", **fields)


def rows_on_floor(plan: Plan) -> Plan:
    """``plan`` with double rows of booths on every packable part of every hall."""
    zones = list(plan.zones.values())
    blocked = [o.geometry for o in plan.obstacles.values()]
    blocked += [z.geometry for z in zones if z.use == FEATURE]
    for door in plan.doors.values():
        blocked.append(door.line.buffer(door.width / 2 + plan.info.aisle))
    blocked_area = shapely.union_all(blocked) if blocked else None
    booths: list[Booth] = []
    regions: list[tuple[str | None, object]] = []
    packed_zones = [z for z in zones if z.use != FEATURE]
    for hall in plan.halls.values():
        rest = hall.geometry
        for zone in packed_zones:
            inside = hall.geometry.intersection(zone.geometry)
            if not inside.is_empty:
                regions.append((zone.id, inside))
            rest = rest.difference(zone.geometry)
        regions.append((None, rest))
    number = 1
    for zone_id, region in regions:
        rules = plan.zone_rules(zone_id)
        w, d = rules.booth
        aisle = rules.aisle
        minx, miny, maxx, maxy = region.bounds
        y = miny + aisle
        while y + 2 * d <= maxy - aisle + 1e-9:
            for row_y in (y, y + d):
                x = minx + aisle
                in_run = 0
                while x + w <= maxx - aisle + 1e-9:
                    if in_run == 8:  # a cross aisle every 8 booths (24 m at 3 m)
                        x += aisle
                        in_run = 0
                        continue
                    cell = box(x, row_y, x + w, row_y + d)
                    if region.contains(cell) and (
                        blocked_area is None or not cell.intersects(blocked_area)
                    ):
                        booths.append(
                            Booth(
                                id=f"booth-{number}",
                                number=f"B{number}",
                                geometry=cell,
                                zone_id=zone_id,
                            )
                        )
                        number += 1
                    x += w
                    in_run += 1
            y += 2 * d + aisle
    return plan.apply(plan.edit("Rows").put_all(booths).build())


def two_zone_plan() -> Plan:
    """A hall with a standard block of 2x4, a car zone with 1x3 and a culinary zone with 1x2."""
    hall = Hall(id="hall-1", name="Hall", geometry=box(-10, -10, 60, 40))
    car = Zone(id="zone-car", name="Car display", use="car", geometry=box(0, 20, 18, 29))
    food = Zone(id="zone-food", name="Culinary court", use="culinary", geometry=box(30, 20, 36, 23))
    booths = grid(2, 4)
    booths += grid(1, 3, w=6, d=9, y0=20, prefix="C", zone_id="zone-car", first=100)
    booths += grid(1, 2, x0=30, y0=20, prefix="F", zone_id="zone-food", first=200)
    return plan_of(hall, car, food, *booths)


def with_prices(plan: Plan, per_m2: float = 1_000_000.0, premium: float = 0.1) -> Plan:
    info = replace(plan.info, price_per_m2=per_m2, corner_premium=premium)
    return plan.apply(plan.edit().put(info).build())
