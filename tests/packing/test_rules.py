"""The rule checker finds each kind of broken rule, and only where it is."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import box

from planner.model import Booth
from planner.model.rules import RULE_KEYS, Problem, check, door_clear_zone
from tests.packing.packing_helpers import booth_at, column, door, hall, plan_of, zone


def good_row(n=10, y=9.0):
    """Booths against the north wall of a 30 × 12 hall, fronting a free aisle to the south."""
    return [booth_at(f"booth-{i + 1}", 3.0 * i, y) for i in range(n)]


def base_plan(*extra, booths=None):
    booths = good_row() if booths is None else booths
    return plan_of(hall(box(0, 0, 30, 12)), door(13, 0, 17, 0, 4.0), *booths, *extra)


def rules_at(problems: list[Problem], booth_id: str) -> set[str]:
    return {p.rule for p in problems if p.booth_id == booth_id}


def test_a_good_row_has_no_problem():
    assert check(base_plan()) == []


def test_door_clear_zone_is_door_wide_and_one_aisle_deep_inside_the_hall():
    plan = base_plan()
    clear = door_clear_zone(plan, plan.doors["door-1"])
    assert clear.bounds == pytest.approx((13, 0, 17, 3))


def test_size():
    plan = base_plan(booths=[*good_row(9), Booth("booth-10", "A10", box(27, 9.5, 30, 12))])
    problems = check(plan)
    assert rules_at(problems, "booth-10") == {"size"}
    assert "2.5 × 3 m" in problems[0].message


def test_the_size_message_keeps_both_sizes_the_same_way_round():
    """Break 8 of "An organiser's whole job": a 2 m deep booth in a 3 × 2 m zone was "a 2 × 3 m
    rectangle, not 3 × 2 m", which read as width and depth swapped."""
    from dataclasses import replace as replace_

    from planner.model import PlanInfo

    plan = base_plan(booths=[Booth("booth-1", "A1", box(0, 9.5, 2.5, 12))])
    plan = plan.apply(plan.edit().put(replace_(plan.info, booth=(3.0, 2.0))).build())
    assert isinstance(plan.info, PlanInfo)
    (size,) = [p for p in check(plan) if p.rule == "size"]
    assert size.message == "is a 2.5 × 2.5 m rectangle, not 2 × 3 m"


def test_outside_hall():
    plan = base_plan(booths=[*good_row(9), booth_at("booth-10", 28.5, 9)])
    assert "outside-hall" in rules_at(check(plan), "booth-10")


def test_zone_outside_its_zone_and_feature_zone():
    stage = zone(box(0, 0, 9, 5), use="feature", id_="zone-1", name="Sân khấu")
    food = zone(box(20, 0, 30, 6), use="culinary", id_="zone-2", name="Ẩm thực")
    row = good_row(9)
    lost = booth_at("booth-10", 3, 0.5, zone_id="zone-2")  # tagged culinary, stands elsewhere
    on_stage = booth_at("booth-11", 0, 0.5, zone_id="zone-1")
    problems = check(base_plan(stage, food, booths=[*row, lost, on_stage]))
    assert "zone" in rules_at(problems, "booth-10")
    assert "zone" in rules_at(problems, "booth-11")
    assert not any(rules_at(problems, b.id) for b in row)


def test_overlap():
    plan = base_plan(booths=[*good_row(), booth_at("booth-11", 1.5, 9)])
    problems = check(plan)
    assert "overlap" in rules_at(problems, "booth-11")
    assert "overlap" in rules_at(problems, "booth-1")


def test_obstacle_and_column_inside_a_flagged_booth():
    col = column(4.5, 10.5, "obstacle-1")
    assert rules_at(check(base_plan(col)), "booth-2") == {"obstacle"}
    row = good_row()
    row[1] = replace(row[1], flags=("column",))
    assert check(base_plan(col, booths=row)) == []


def test_door_clearance():
    plan = base_plan(booths=[*good_row(), booth_at("booth-11", 14, 0)])
    assert rules_at(check(plan), "booth-11") == {"door-clearance"}


def test_no_aisle():
    # A booth boxed in on all four sides by other booths.
    ring = [
        booth_at(f"booth-{i}", x, y)
        for i, (x, y) in enumerate([(9, 3), (15, 3), (12, 0.5), (12, 6)], start=1)
    ]
    middle = booth_at("booth-9", 12, 3)
    ring[2] = Booth("booth-3", "B3", box(11, 0.5, 16, 3))  # wide booth below
    plan = base_plan(booths=[*ring, middle])
    problems = check(plan)
    assert rules_at(problems, "booth-9") == {"no-aisle"}


def test_unreachable():
    # A full-width wall of booths shuts the north strip off from the door.
    wall = [booth_at(f"booth-{i + 1}", 3.0 * i, 3) for i in range(10)]
    pocket = booth_at("booth-20", 0, 9)
    problems = check(base_plan(booths=[*wall, pocket]))
    assert rules_at(problems, "booth-20") == {"unreachable"}
    assert not any(rules_at(problems, b.id) for b in wall)


def test_open_air_floor_without_doors_is_reached_from_its_edge():
    plan = plan_of(hall(box(0, 0, 30, 12)), *good_row())
    assert check(plan) == []


def test_long_run():
    plan = plan_of(hall(box(0, 0, 36, 12)), door(13, 0, 17, 0, 4.0), *good_row(11))
    problems = check(plan)
    assert {p.rule for p in problems} == {"long-run"}
    assert len(problems) == 11
    assert "33.0 m" in problems[0].message


def test_a_cross_aisle_breaks_a_run():
    left = good_row(6)
    right = [booth_at(f"booth-{i + 20}", 21.0 + 3 * i, 9) for i in range(5)]
    plan = plan_of(hall(box(0, 0, 36, 12)), door(13, 0, 17, 0, 4.0), *left, *right)
    assert check(plan) == []


def test_every_rule_key_is_tested():
    tested = {
        *("size", "outside-hall", "zone", "overlap", "obstacle", "door-clearance"),
        *("no-aisle", "unreachable", "long-run"),
    }
    assert tested == set(RULE_KEYS)
