"""On random floors (rectangles, rotated halls, L-shapes, halls with holes, columns, doors on
their edges) every packed booth meets every rule, by the checker and by plain shapely."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Point, Polygon, box

from planner.model import Door
from planner.model.rules import check
from planner.packing import pack
from tests.packing.packing_helpers import assert_rules_hold, column, hall, l_shape, plan_of, rotated


@st.composite
def floors(draw):
    kind = draw(st.sampled_from(["rect", "rotated", "L", "hole", "trapezoid", "curved", "two"]))
    w = draw(st.integers(14, 40))
    h = draw(st.integers(12, 30))
    if kind == "rect":
        shape = box(0, 0, w, h)
    elif kind == "rotated":
        shape = rotated(box(0, 0, w, h), draw(st.floats(5, 85)))
    elif kind == "L":
        shape = l_shape(w, h / 2, draw(st.integers(8, w)), draw(st.integers(6, 20)))
    elif kind == "hole":
        inner = box(w * 0.4, h * 0.4, w * 0.6, h * 0.6)
        shape = Polygon(box(0, 0, w, h).exterior.coords, [inner.exterior.coords])
    elif kind == "trapezoid":
        slant = draw(st.floats(2, w / 3))
        shape = Polygon([(0, 0), (w, 0), (w - slant, h), (slant, h)])
    elif kind == "curved":  # a hall with a rounded end (an apse)
        shape = box(0, 0, w, h).union(Point(w, h / 2).buffer(h / 2, quad_segs=12))
    else:  # two halls side by side, the doors go on the first
        shape = box(0, 0, w, h)
    ring = list(shape.exterior.coords)
    doors = []
    for n in range(draw(st.integers(0, 2))):
        i = draw(st.integers(0, len(ring) - 2))
        a, b = ring[i], ring[i + 1]
        length = math.dist(a, b)
        width = draw(st.sampled_from([2.0, 4.0, 6.0]))
        if length < width + 1:
            continue
        t = draw(st.floats(0.1, 0.9))
        mid = Point(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        half = width / 2
        line = LineString(
            [(mid.x - ux * half, mid.y - uy * half), (mid.x + ux * half, mid.y + uy * half)]
        )
        if not shape.boundary.buffer(1e-6).contains(line):
            continue
        doors.append(Door(f"door-{n + 1}", f"Cửa {n + 1}", "entrance", line, width))
    minx, miny, maxx, maxy = shape.bounds
    columns = []
    for n in range(draw(st.integers(0, 4))):
        fx, fy = draw(st.floats(0.05, 0.95)), draw(st.floats(0.05, 0.95))
        x, y = minx + fx * (maxx - minx), miny + fy * (maxy - miny)
        if shape.buffer(-0.5).contains(Point(x, y)):
            columns.append(column(x, y, f"obstacle-{n + 1}"))
    size = draw(st.sampled_from([(3.0, 3.0), (3.0, 2.0), (2.0, 2.0), (4.0, 3.0)]))
    aisle = draw(st.sampled_from([2.4, 3.0]))
    halls = [hall(shape)]
    if kind == "two":
        halls.append(hall(box(w + 10, 0, w + 10 + h, h), id_="hall-2", name="Sảnh B"))
    return plan_of(*halls, *doors, *columns, booth=size, aisle=aisle)


@settings(
    max_examples=16,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(floors(), st.booleans())
def test_every_packed_booth_meets_every_rule(plan, columns_in_booths):
    result = pack(plan, column_in_booth=columns_in_booths)
    packed = plan.apply(result.patch)
    assert check(packed) == []
    assert_rules_hold(packed)
    numbers = [b.number for b in packed.booths.values()]
    assert len(numbers) == len(set(numbers))
    assert result.report.placed == len(packed.booths)
    for zone in result.report.zones:
        assert zone.placed <= zone.bound
        if zone.usable_area > 300:
            assert zone.placed > 0, "a floor this size holds booths"
