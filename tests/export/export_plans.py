"""Plans to print, built in memory: a shared floor with booths placed here on a simple grid.

The booths stand in blocks of back-to-back rows with aisles between, outside obstacles, stages
and the clear area in front of doors, so the maps look like real fair maps. Exhibitors are
named in Vietnamese and Chinese, one with markup in its name, and some booths are rotated.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import shapely
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.prepared import prep

from planner.formats.geojson_floor import read_floor
from planner.model import Booth, Exhibitor, Hall, Plan, PlanInfo, Zone
from planner.model.status import AVAILABLE, BLOCKED, CONFIRMED, ON_HOLD, RESERVED

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT.parent / "shared" / "floors"
EXHIBITORS = ROOT.parent / "shared" / "exhibitors"

SPECIAL_NAMES = (
    "Sơn La",
    "Hải Phòng",
    "大理",
    "云南",
    "<b>&amp; Markup Trading</b>",
    "Công ty TNHH Thương mại và Dịch vụ Xuất nhập khẩu Hải Phòng",
    "云南大理白族自治州农产品有限公司",
)
STATUS_CYCLE = (CONFIRMED, RESERVED, CONFIRMED, ON_HOLD, RESERVED, CONFIRMED, BLOCKED)


def _grid_booths(region, blocked, size: tuple[float, float], aisle: float) -> list[Polygon]:
    """Back-to-back rows of booths filling ``region`` (axis-aligned), avoiding ``blocked``."""
    w, d = size
    minx, miny, maxx, maxy = region.bounds
    prepared = prep(region.buffer(1e-6))
    blocked_tree = shapely.STRtree(blocked) if blocked else None
    booths = []
    # A single row backs onto each long wall; back-to-back pairs fill between, aisles between.
    rows = [miny]
    y = miny + d + aisle
    while y + 2 * d <= maxy - d - aisle + 1e-9:
        rows += [y, y + d]
        y += 2 * d + aisle
    if y <= maxy - d + 1e-9:
        rows.append(maxy - d)
    for row_y in rows:
        x = minx + aisle
        run = 0
        while x + w <= maxx - aisle + 1e-9:
            if run == 10:  # cross aisle every ten booths (30 m of 3 m booths)
                x += aisle
                run = 0
                continue
            candidate = box(x, row_y, x + w, row_y + d)
            clear = blocked_tree is None or not any(
                blocked[i].intersects(candidate.buffer(-1e-6))
                for i in blocked_tree.query(candidate)
            )
            if prepared.contains(candidate) and clear:
                booths.append(candidate)
            x += w
            run += 1
    return booths


def _door_clearances(plan: Plan, depth: float) -> list[Polygon]:
    areas = []
    for door in plan.doors.values():
        areas.append(door.line.buffer(depth, cap_style="flat"))
    return areas


def exhibitor_names(count: int) -> list[tuple[str, str]]:
    """(name, sector) pairs: the special names first, then the shared Lào Cai list, repeated."""
    with (EXHIBITORS / "laocai-fair-2025.csv").open(encoding="utf-8") as stream:
        rows = [(r["name"], r["sector"]) for r in csv.DictReader(stream)]
    sectors = ("agriculture", "handicrafts", "culinary", "textiles", "electronics", "furniture")
    names = [(n, sectors[i % len(sectors)]) for i, n in enumerate(SPECIAL_NAMES)]
    i = 0
    while len(names) < count:
        name, sector = rows[i % len(rows)]
        round_ = i // len(rows)
        names.append((name if round_ == 0 else f"{name} ({round_ + 1})", sector))
        i += 1
    return names[:count]


def populate(plan: Plan, shapes: list[tuple[Polygon, str | None]], prefix_by_zone=None) -> Plan:
    """Put booths of ``shapes`` into ``plan``, numbered per hall letter, with exhibitors who take
    one to four neighbouring booths and statuses in a repeating pattern."""
    booths: list[Booth] = []
    counters: dict[str, int] = {}
    exhibitors: list[Exhibitor] = []
    names = exhibitor_names(max(8, len(shapes) // 2))
    taking = 0
    current: Exhibitor | None = None
    for index, (shape, zone_id) in enumerate(shapes):
        prefix = (prefix_by_zone or {}).get(zone_id, "A")
        counters[prefix] = counters.get(prefix, 0) + 1
        number = f"{prefix}{counters[prefix]}"
        status = STATUS_CYCLE[index % len(STATUS_CYCLE)]
        exhibitor_id = None
        if status in (CONFIRMED, RESERVED, ON_HOLD) and index % 11 != 5:
            if taking == 0 and len(exhibitors) < len(names):
                name, sector = names[len(exhibitors)]
                current = Exhibitor(f"exhibitor-{len(exhibitors) + 1}", name, sector=sector)
                exhibitors.append(current)
                taking = 1 + (len(exhibitors) % 4)
            if current is not None and taking > 0:
                exhibitor_id = current.id
                taking -= 1
        else:
            status = status if status == BLOCKED else AVAILABLE
        booths.append(Booth(f"booth-{index + 1}", number, shape, zone_id, status, exhibitor_id))
    return Plan.from_entities([*plan.entities(), *booths, *exhibitors])


def laocai_plan() -> Plan:
    """The Lào Cai fair floor with about 550 booths, car and culinary zones, and exhibitors."""
    floor = read_floor(FLOORS / "laocai-fair-2025.geojson")
    blocked = [o.geometry for o in floor.obstacles.values()] + _door_clearances(floor, 3.0)
    feature = [z.geometry for z in floor.zones.values() if z.use == "feature"]
    shapes: list[tuple[Polygon, str | None]] = []
    zone_geoms = shapely.union_all([z.geometry for z in floor.zones.values()])
    for hall in floor.halls.values():
        free = hall.geometry.difference(zone_geoms)
        if not free.is_empty and free.area > 100:
            shapes += [(b, None) for b in _grid_booths(free, blocked + feature, (3.0, 3.0), 3.0)]
    prefixes = {None: "A"}
    for zone in floor.zones.values():
        if zone.use == "feature":
            continue
        rules = floor.zone_rules(zone.id)
        prefixes[zone.id] = {"car": "C", "culinary": "F"}.get(zone.use, "B")
        found = _grid_booths(zone.geometry, blocked, rules.booth, rules.aisle)
        shapes += [(b, zone.id) for b in found]
    info = PlanInfo(
        name=floor.info.name,
        venue="Kim Thành, Lào Cai",
        dates="2025-11-26 to 2025-11-30",
        organizer="Sở Công Thương Lào Cai",
        revision="7",
    )
    plan = Plan.from_entities([info, *[e for e in floor.entities() if e.TABLE != "info"]])
    return populate(plan, shapes, prefixes)


def small_plan(rotated: bool = True) -> Plan:
    """A 30 x 20 m hall with a dozen booths (some rotated) and the special names."""
    hall = Hall("hall-1", "Hall 1", box(0, 0, 30, 20))
    zone = Zone("zone-1", "Ẩm thực 美食", "culinary", box(18, 2, 28, 18))
    shapes: list[tuple[Polygon, str | None]] = []
    for i in range(4):
        for j in range(2):
            shapes.append((box(2 + 3 * i, 3 + 3 * j, 5 + 3 * i, 6 + 3 * j), None))
    if rotated:
        base = box(0, 0, 4, 3)
        for k, angle in enumerate((30, 90, -60, 135)):
            placed = affinity.rotate(base, angle, origin="centroid")
            placed = affinity.translate(placed, 20 + (k % 2) * 5, 5 + (k // 2) * 6)
            shapes.append((placed, "zone-1"))
    info = PlanInfo(
        name="Tuần hàng Sơn La – Hải Phòng · 大理 云南",
        venue="Hải Phòng",
        dates="2025-12-01",
        revision="3",
    )
    plan = Plan.from_entities([info, hall, zone])
    return populate(plan, shapes, {None: "A", "zone-1": "F"})


def big_plan(count: int = 10_000) -> Plan:
    """One huge hall with ``count`` booths on a grid, for the benchmark."""
    per_row = 100
    rows = math.ceil(count / per_row)
    width = per_row * 3.0 + (per_row // 10) * 3.0 + 6.0
    depth = (rows // 2 + 1) * 9.0 + 6.0
    hall = Hall("hall-1", "Expo hall", box(0, 0, width, depth))
    plan = Plan.from_entities([PlanInfo(name="Big expo", revision="1"), hall])
    shapes = [(b, None) for b in _grid_booths(hall.geometry, [], (3.0, 3.0), 3.0)][:count]
    return populate(plan, shapes)
