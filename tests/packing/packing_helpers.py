"""Plans built in memory for the packing tests, and rule assertions written independently of
``planner.model.rules`` (plain shapely, one booth at a time), so the checker is checked too."""

from __future__ import annotations

import math
from pathlib import Path

from shapely import affinity
from shapely.geometry import LineString, Polygon, box

from planner.model import Booth, Door, Hall, Obstacle, Plan, PlanInfo, Zone

FLOORS = Path(__file__).resolve().parents[2].parent / "shared" / "floors"
LAOCAI = FLOORS / "laocai-fair-2025.geojson"
SONLA = FLOORS / "sonla-week-coopmart.geojson"
HAIPHONG = FLOORS / "haiphong-tranphu-sidewalk.geojson"


def plan_of(*entities, booth=(3.0, 3.0), aisle=3.0, name="Hội chợ thử · 测试") -> Plan:
    info = PlanInfo(name=name, booth=booth, aisle=aisle)
    return Plan.from_entities([info, *entities])


def hall(geometry, id_="hall-1", name="Hall A") -> Hall:
    return Hall(id_, name, geometry)


def door(x0, y0, x1, y1, width, id_="door-1", kind="entrance", name="Cổng chính") -> Door:
    return Door(id_, name, kind, LineString([(x0, y0), (x1, y1)]), width)


def column(x, y, id_, size=0.8) -> Obstacle:
    h = size / 2
    return Obstacle(id_, "column", box(x - h, y - h, x + h, y + h))


def zone(geometry, use="standard", id_="zone-1", name="Khu A", booth=None, aisle=None) -> Zone:
    return Zone(id_, name, use, geometry, booth=booth, aisle=aisle)


def booth_at(id_, x, y, w=3.0, d=3.0, **kw) -> Booth:
    return Booth(id_, kw.pop("number", id_.upper()), box(x, y, x + w, y + d), **kw)


def l_shape(w1, h1, w2, h2) -> Polygon:
    """An L: a w1 × h1 base with a w2 × h2 arm standing on its right end."""
    return Polygon([(0, 0), (w1, 0), (w1, h1 + h2), (w1 - w2, h1 + h2), (w1 - w2, h1), (0, h1)])


def rotated(geom, degrees, origin=(0, 0)):
    return affinity.rotate(geom, degrees, origin=origin)


# -- independent rule assertions -------------------------------------------------------------


def assert_rules_hold(plan: Plan) -> None:
    """Every booth: right size, inside a hall, no overlaps, clear of obstacles and doors, one
    side on a free aisle, runs of touching booths at most 30 m."""
    from planner.model.rules import door_clear_zone

    halls = [h.geometry for h in plan.halls.values()]
    from shapely import union_all

    floor = union_all(halls).buffer(1e-6, join_style="mitre")
    booths = list(plan.booths.values())
    obstacles = list(plan.obstacles.values())
    clears = [door_clear_zone(plan, d) for d in plan.doors.values()]
    for b in booths:
        g = b.geometry
        rules = plan.zone_rules(b.zone_id)
        w, d = rules.booth
        rect = g.minimum_rotated_rectangle
        sides = sorted(
            round(math.dist(rect.exterior.coords[i], rect.exterior.coords[i + 1]), 6)
            for i in range(2)
        )
        assert sides == sorted((w, d)), f"{b.number} is {sides}, not {w} × {d}"
        assert abs(g.area - w * d) < 1e-6, f"{b.number} is not a rectangle"
        assert floor.contains(g), f"{b.number} is outside the halls"
        if b.zone_id is not None:
            assert plan.zones[b.zone_id].geometry.buffer(1e-6).contains(g)
        for o in obstacles:
            if "column" in b.flags and o.is_column and g.buffer(1e-6).contains(o.geometry):
                continue
            assert g.intersection(o.geometry).area < 1e-6, f"{b.number} is on {o.name}"
        for c in clears:
            assert g.intersection(c).area < 1e-6, f"{b.number} blocks a door"
    for i, a in enumerate(booths):
        for b in booths[i + 1 :]:
            if a.geometry.distance(b.geometry) < 1e-9:
                assert a.geometry.intersection(b.geometry).area < 1e-6, (a.number, b.number)
    blockers = [x.geometry for x in booths] + [o.geometry for o in obstacles]
    for b in booths:
        a = plan.zone_rules(b.zone_id).aisle
        assert any(_side_free(b.geometry, k, a, floor, blockers) for k in range(4)), (
            f"{b.number} has no free aisle in front"
        )
    _assert_touching_runs_short(booths)


def _side_free(g, k, depth, floor, blockers) -> bool:
    ring = list(g.exterior.coords)[:4]
    if Polygon(ring).exterior.is_ccw is False:
        ring = ring[::-1]
    p, q = ring[k], ring[(k + 1) % 4]
    tx, ty = q[0] - p[0], q[1] - p[1]
    length = math.hypot(tx, ty)
    nx, ny = ty / length, -tx / length
    e = 1e-5
    ux, uy = tx / length * e, ty / length * e
    aisle = Polygon(
        [
            (p[0] + nx * e + ux, p[1] + ny * e + uy),
            (q[0] + nx * e - ux, q[1] + ny * e - uy),
            (q[0] + nx * (depth - e) - ux, q[1] + ny * (depth - e) - uy),
            (p[0] + nx * (depth - e) + ux, p[1] + ny * (depth - e) + uy),
        ]
    )
    if not floor.contains(aisle):
        return False
    return not any(aisle.intersects(x) for x in blockers)


def _assert_touching_runs_short(booths) -> None:
    """Booths that touch form blocks; no block may stretch more than 30 m along its rows."""
    parent = list(range(len(booths)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(booths):
        for j in range(i + 1, len(booths)):
            if a.geometry.distance(booths[j].geometry) < 1e-6:
                parent[root(j)] = root(i)
    groups: dict[int, list] = {}
    for i, b in enumerate(booths):
        groups.setdefault(root(i), []).append(b)
    for members in groups.values():
        first = list(members[0].geometry.minimum_rotated_rectangle.exterior.coords)
        ux, uy = first[1][0] - first[0][0], first[1][1] - first[0][1]
        n = math.hypot(ux, uy)
        ux, uy = ux / n, uy / n
        pts = [c for m in members for c in m.geometry.exterior.coords]
        along = [x * ux + y * uy for x, y in pts]
        across = [-x * uy + y * ux for x, y in pts]
        longest = max(max(along) - min(along), max(across) - min(across))
        assert longest <= 30 + 1e-3, f"a run of {longest:.1f} m from {members[0].number}"
