"""Packing the shared sample floors: figures, rules, re-packs, options, progress and cancel."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import replace

import pytest
from shapely import affinity
from shapely.geometry import box

from planner.formats.geojson_floor import read_floor
from planner.model import Obstacle
from planner.model.rules import check
from planner.model.status import CONFIRMED, RESERVED
from planner.packing import PackCancelled, pack
from tests.packing.packing_helpers import (
    HAIPHONG,
    LAOCAI,
    SONLA,
    assert_rules_hold,
    door,
    hall,
    plan_of,
)


@pytest.fixture(scope="module")
def laocai():
    return read_floor(LAOCAI)


@pytest.fixture(scope="module")
def laocai_packed(laocai):
    result = pack(laocai)
    return result, laocai.apply(result.patch)


def zone_named(plan, name):
    return next(z.id for z in plan.zones.values() if z.name == name)


def test_laocai_holds_550_standard_booths_and_fills_car_and_food(laocai, laocai_packed):
    result, packed = laocai_packed
    assert check(packed) == []
    by_zone = Counter(b.zone_id for b in packed.booths.values())
    car, food = zone_named(laocai, "Car display"), zone_named(laocai, "Culinary court")
    three = sum(1 for b in packed.booths.values() if abs(b.geometry.area - 9.0) < 1e-6)
    assert three >= 550
    assert by_zone[car] >= 8  # 6 × 9 m stands with 4 m aisles
    assert by_zone[food] >= 36
    figures = {z.name: z for z in result.report.zones}
    assert figures["Hall A"].placed >= 430
    for z in result.report.zones:
        assert z.placed <= z.bound, "nothing beats the frontage bound"
    assert "Megalive stage" not in figures  # a feature zone stays empty
    stage = laocai.zones[zone_named(laocai, "Megalive stage")].geometry
    assert not any(b.geometry.intersection(stage).area > 1e-6 for b in packed.booths.values())


def test_laocai_numbers_are_unique_and_in_the_expected_schemes(laocai, laocai_packed):
    _, packed = laocai_packed
    numbers = [b.number for b in packed.booths.values()]
    assert len(numbers) == len(set(numbers))
    car, food = zone_named(laocai, "Car display"), zone_named(laocai, "Culinary court")
    of = {
        z: sorted(b.number for b in packed.booths.values() if b.zone_id == z) for z in (car, food)
    }
    assert of[car][0] == "C-01" and all(n.startswith("C-") for n in of[car])
    assert of[food][0] == "F-01" and all(n.startswith("F-") for n in of[food])
    by_number = {b.number: b for b in packed.booths.values()}
    assert "A-101" in by_number and "A-201" in by_number
    # Numbers run along the rows: mostly, each booth stands beside the one numbered after it
    # (cross aisles, doors and columns make the gaps).
    for row in (1, 2, 5):
        line = [
            by_number[f"A-{row * 100 + k}"]
            for k in range(1, 30)
            if f"A-{row * 100 + k}" in by_number
        ]
        pairs = list(itertools.pairwise(line))
        touching = sum(a.geometry.touches(b.geometry) for a, b in pairs)
        assert touching >= 0.7 * len(pairs), f"row {row}: {touching} of {len(pairs)}"


def test_laocai_report_says_what_a_target_needs(laocai):
    result = pack(laocai, target=5000)
    text = result.report.to_text()
    assert "target 5000 booths of 3 × 3 m: does not fit" in text
    data = result.report.to_dict()
    assert data["target"]["fits"] is False and data["target"]["extra_area"] > 0
    assert pack(laocai, target=500).report.target.fits


def test_the_seed_case_550_booths_do_not_fit_4000_m2():
    plan = plan_of(hall(box(0, 0, 80, 50)), door(37, 0, 43, 0, 6.0))
    report = pack(plan, target=550).report
    zone = report.zones[0]
    assert zone.usable_area == pytest.approx(4000 - 6 * 3)
    assert zone.bound == pytest.approx((4000 - 18) / 13.5)
    advice = report.target
    assert not advice.fits and advice.placed == zone.placed < 296
    assert advice.aisle is None  # even with no aisle at all, 4000 / 9 = 444 < 550
    assert advice.booth_side < 3.0
    assert advice.extra_area > 4000
    text = report.to_text()
    assert "does not fit" in text and "narrower aisles cannot do it" in text


@pytest.mark.parametrize("path", [SONLA, HAIPHONG], ids=["sonla", "haiphong"])
def test_other_floors_meet_every_rule_and_beat_the_corner_grid(path):
    plan = read_floor(path)
    result = pack(plan)
    packed = plan.apply(result.patch)
    assert check(packed) == []
    assert_rules_hold(packed)
    naive = pack(plan, baseline=True)
    assert check(plan.apply(naive.patch)) == []
    assert result.report.placed > 1.2 * naive.report.placed


def test_packing_is_deterministic():
    plan = read_floor(SONLA)
    a, b = pack(plan).patch, pack(plan).patch
    assert [(c.id, c.after.number, c.after.geometry.wkb) for c in a] == [
        (c.id, c.after.number, c.after.geometry.wkb) for c in b
    ]


def test_repack_after_a_new_column_keeps_sold_and_locked_booths(laocai, laocai_packed):
    _, packed = laocai_packed
    hall_a = sorted(
        (b for b in packed.booths.values() if b.zone_id is None and b.geometry.centroid.y > 0),
        key=lambda b: b.id,
    )
    sold = [replace(b, status=CONFIRMED, exhibitor_id=None) for b in hall_a[:40:4]]
    held = [replace(b, status=RESERVED) for b in hall_a[41:60:6]]
    locked = [replace(b, locked=True) for b in hall_a[61:70:3]]
    kept = sold + held + locked
    plan = packed.apply(packed.edit("Sell").put_all(kept).build())
    free = [b for b in hall_a[100:] if b.id not in {k.id for k in kept}]
    target = free[len(free) // 2].geometry.centroid
    col = Obstacle(
        "obstacle-99", "column", box(target.x - 0.4, target.y - 0.4, target.x + 0.4, target.y + 0.4)
    )
    plan = plan.apply(plan.edit("New column").put(col).build())
    result = pack(plan)
    again = plan.apply(result.patch)
    for b in kept:
        assert again.booths[b.id] == b, f"{b.number} moved or changed"
    numbers = [b.number for b in again.booths.values()]
    assert len(numbers) == len(set(numbers))
    assert not any(b.geometry.intersects(col.geometry) for b in again.booths.values())
    assert check(again) == []
    assert result.report.removed > 0
    assert sum(z.kept for z in result.report.zones) == len(kept)
    # A booth where one stood before keeps its id and number; a booth in a new place takes a
    # fresh id and a number no booth had. One column costs a few booths, not the numbers.
    old_numbers = {b.number for b in plan.booths.values()}
    same = [i for i in result.placed_ids if i in plan.booths]
    moved = [i for i in result.placed_ids if i not in plan.booths]
    for id_ in same:
        assert again.booths[id_].number == plan.booths[id_].number
        assert again.booths[id_].geometry.symmetric_difference(plan.booths[id_].geometry).area < 0.1
    assert all(again.booths[i].number not in old_numbers for i in moved)
    numbers = result.report.numbers
    assert numbers.kept == len(same) and numbers.new == len(moved)
    assert len(same) > 0.8 * len(result.placed_ids), (len(same), len(moved), numbers.gone)


def test_repack_after_a_zone_moved_keeps_sold_booths_and_fills_the_freed_floor(
    laocai, laocai_packed
):
    _, packed = laocai_packed
    stage_id = zone_named(laocai, "Megalive stage")
    stage = laocai.zones[stage_id]
    moved = replace(stage, geometry=affinity.translate(stage.geometry, xoff=-30.0))
    hall_a = sorted(
        (b for b in packed.booths.values() if b.zone_id is None and b.geometry.centroid.y > 0),
        key=lambda b: b.id,
    )
    # Sold booths away from both the stage's old place and its new one.
    clear = [b for b in hall_a if b.geometry.distance(stage.geometry.union(moved.geometry)) > 10]
    sold = [replace(b, status=CONFIRMED) for b in clear[:60:6]]
    plan = packed.apply(packed.edit("Sell").put_all(sold).build())
    plan = plan.apply(plan.edit("Move the stage").put(moved).build())
    result = pack(plan)
    again = plan.apply(result.patch)
    for b in sold:
        assert again.booths[b.id] == b, f"{b.number} moved or changed"
    numbers = [b.number for b in again.booths.values()]
    assert len(numbers) == len(set(numbers))
    assert check(again) == []
    # Nothing stands on the stage's new place; its old place holds booths again.
    assert not any(
        b.geometry.intersection(moved.geometry).area > 1e-6 for b in again.booths.values()
    )
    assert any(stage.geometry.contains(b.geometry) for b in again.booths.values())


def test_columns_may_stand_in_booths(laocai, laocai_packed):
    _, plain = laocai_packed
    result = pack(laocai, column_in_booth=True)
    packed = laocai.apply(result.patch)
    assert check(packed) == []
    flagged = [b for b in packed.booths.values() if "column" in b.flags]
    assert flagged
    columns = [o.geometry for o in laocai.obstacles.values()]
    for b in flagged:
        assert any(b.geometry.contains(c) for c in columns)
    assert len(packed.booths) > len(plain.booths)


def test_only_the_named_zone_is_packed(laocai):
    result = pack(laocai, zone_ids=["Culinary court"])
    food = zone_named(laocai, "Culinary court")
    placed = [c.after for c in result.patch if c.after is not None]
    assert placed and all(b.zone_id == food for b in placed)
    assert [z.name for z in result.report.zones] == ["Culinary court"]


def test_progress_is_reported_and_cancel_stops():
    plan = read_floor(SONLA)
    seen: list[float] = []
    pack(plan, progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(PackCancelled):
        pack(plan, cancel=lambda: True)


def test_a_bending_pavement_takes_rows_in_both_directions():
    plan = read_floor(HAIPHONG)
    packed = plan.apply(pack(plan).patch)
    pavement = next(h for h in plan.halls.values() if h.name == "Vỉa hè Trần Phú").geometry
    angles = set()
    for b in packed.booths.values():
        if pavement.covers(b.geometry):
            (x0, y0), (x1, y1) = list(b.geometry.exterior.coords)[:2]
            angles.add(round(math.degrees(math.atan2(y1 - y0, x1 - x0)) % 90.0))
    assert len(angles) >= 2, "the straight part and the slanted part each get their own rows"


def test_an_impossible_target_offers_no_booths_smaller_than_a_metre():
    from planner.packing.capacity import advise

    # 64 booths of 3 × 2 m fit in 708 m²; 100,000 would need 7 mm booths, which is no advice.
    advice = advise(100_000, 64, 708.0, (3.0, 2.0), 2.4)
    assert not advice.fits and advice.booth_side is None and advice.aisle is None
    assert advise(80, 64, 708.0, (3.0, 2.0), 2.4).booth_side > 2.0
