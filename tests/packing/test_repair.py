"""Repairs after packing: runs too long are cut, not thrown away; doors get a way in."""

from __future__ import annotations

from shapely.geometry import box

from planner.model.rules import check
from planner.packing.repair import open_doors, prune
from tests.packing.packing_helpers import booth_at, door, hall, plan_of


def test_a_run_too_long_loses_one_booth_not_all():
    base = plan_of(hall(box(0, 0, 36, 12)), door(13, 0, 17, 0, 4.0))
    row = [booth_at(f"booth-{i + 1}", 3.0 * i, 9) for i in range(12)]  # 36 m
    kept = prune(base, row)
    assert 9 <= len(kept) < 12
    assert check(base.apply(base.edit().put_all(kept).build())) == []


def test_a_door_walled_off_by_booths_gets_a_corridor():
    # A 2 m exit in the north wall, clear zone x 12..14, y 12..15: the row along the wall
    # leaves just that gap, and the double row below (y 6..12) shuts it off from the aisle.
    base = plan_of(hall(box(0, 0, 29, 15)), door(12, 15, 14, 15, 2.0, kind="exit"))
    wall = [booth_at(f"booth-{i + 1}", x, 12) for i, x in enumerate([0, 3, 6, 9, 14, 17, 20, 23])]
    double = [
        booth_at(f"booth-{20 + 2 * i + k}", x, y)
        for i, x in enumerate([0, 3, 6, 9, 12, 15, 18, 21])
        for k, y in enumerate((6, 9))
    ]
    everything = wall + double
    opened = open_doors(base, everything)
    gone = [b for b in everything if b.id not in {o.id for o in opened}]
    assert gone, "a corridor was cut"
    assert all(8 < b.geometry.centroid.x < 18 for b in gone), [b.geometry.bounds for b in gone]
    assert len(gone) <= 6
