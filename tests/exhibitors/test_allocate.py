"""Allocation: counts, side-by-side groups, zones, who is left out and why, determinism."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.formats.exhibitors_csv import read_exhibitors
from planner.formats.geojson_floor import read_floor
from planner.model.booking import BookingError, assign, history, set_status
from planner.model.booth_sides import side_contacts
from planner.model.plan import Plan
from planner.model.status import AVAILABLE, BLOCKED, CONFIRMED, ON_HOLD, RESERVED
from planner.packing.allocate import allocate
from tests.exhibitors.exhibitor_fixtures import (
    EXHIBITORS,
    FLOORS,
    exhibitor,
    grid,
    plan_of,
    rows_on_floor,
    two_zone_plan,
)

AT = "2025-05-01T08:00:00Z"


def connected(plan: Plan, booth_ids) -> bool:
    links = side_contacts([plan.booths[b] for b in booth_ids]).neighbours()
    seen, todo = set(), [next(iter(booth_ids))]
    while todo:
        b = todo.pop()
        if b not in seen:
            seen.add(b)
            todo.extend(links[b] - seen)
    return seen == set(booth_ids)


def with_people(plan: Plan, *people) -> Plan:
    return plan.apply(plan.edit().put_all(people).build())


def test_counts_adjacency_status_and_zones():
    plan = with_people(
        two_zone_plan(),
        exhibitor(1, sector="textiles", booths_wanted=3, booking_status=CONFIRMED),
        exhibitor(2, sector="automobiles", booths_wanted=2, booking_status=ON_HOLD),
        exhibitor(3, sector="culinary", booths_wanted=2),
        exhibitor(4, sector="furniture", booths_wanted=4),
    )
    result = allocate(plan, at=AT)
    after = plan.apply(result.patch)
    assert not result.unplaced
    for p in result.placed:
        held = [b for b in after.booths.values() if b.exhibitor_id == p.exhibitor_id]
        wanted = plan.exhibitors[p.exhibitor_id].booths_wanted
        assert len(held) == wanted == len(p.booth_ids)
        assert connected(after, [b.id for b in held])
        assert {b.status for b in held} == {plan.exhibitors[p.exhibitor_id].booking_status}
        assert len({b.zone_id for b in held}) == 1
    zone_of = {p.exhibitor_id: after.booths[p.booth_ids[0]].zone_id for p in result.placed}
    assert zone_of == {
        "exhibitor-1": None,
        "exhibitor-2": "zone-car",
        "exhibitor-3": "zone-food",
        "exhibitor-4": None,
    }
    assert all(history(after, b)[0].at == AT for p in result.placed for b in p.booth_ids)
    assert after.apply(result.patch.inverse()) == plan


def test_who_cannot_be_placed_is_told_why():
    plan = with_people(
        two_zone_plan(),
        exhibitor(1, sector="culinary", booths_wanted=3),  # culinary court has 2 booths
        exhibitor(2, sector="automobiles", booths_wanted=1),
        exhibitor(3, sector="automobiles", booths_wanted=1),
        exhibitor(4, sector="automobiles", booths_wanted=1),
        exhibitor(5, sector="automobiles", booths_wanted=1),  # car zone has 3 booths
        exhibitor(6, sector="textiles", booths_wanted=9),  # 8 standard booths
        exhibitor(7, sector="textiles", booths_wanted=0),  # wants none: left out quietly
    )
    result = allocate(plan, at=AT)
    reasons = {u.exhibitor_id: u.reason for u in result.unplaced}
    assert set(reasons) == {"exhibitor-1", "exhibitor-5", "exhibitor-6"}
    assert reasons["exhibitor-1"] == (
        "It asked for 3 booths side by side, but the largest free group in the culinary "
        "zones has 2."
    )
    assert reasons["exhibitor-5"] == "No booth is free in the car zones."
    assert (
        "largest free group in the standard zones and floor in no zone has 8"
        in reasons["exhibitor-6"]
    )
    assert (
        allocate(Plan.from_entities([exhibitor(1)]))
        .unplaced[0]
        .reason.startswith("The plan has no booths yet")
    )


def test_groups_must_be_side_by_side_not_just_free():
    # Two free booths that touch only at a corner, and a row of three elsewhere.
    corner_pair = grid(1, 1) + grid(1, 1, x0=3, y0=3, first=2)
    row = grid(1, 3, y0=20, prefix="R", first=10)
    plan = plan_of(*corner_pair, *row, exhibitor(1, booths_wanted=2))
    result = allocate(plan, at=AT)
    assert set(result.placed[0].booth_ids) <= {"booth-10", "booth-11", "booth-12"}


def test_blocked_and_held_booths_and_holding_exhibitors_are_left_alone():
    plan = plan_of(*grid(1, 4), exhibitor(1, booths_wanted=1), exhibitor(2, booths_wanted=2))
    plan = plan.apply(assign(plan, ["A1"], "exhibitor-1", CONFIRMED, at=AT))
    plan = plan.apply(set_status(plan, ["A4"], BLOCKED, at=AT))
    result = allocate(plan, at=AT)
    (placed,) = result.placed
    assert placed.exhibitor_id == "exhibitor-2" and placed.booth_ids == ("booth-2", "booth-3")
    after = plan.apply(result.patch)
    assert after.booths["booth-1"] == plan.booths["booth-1"]
    assert after.booths["booth-4"].status == BLOCKED
    assert not allocate(after, at=AT).patch  # nothing left to do


def test_big_blocks_stay_whole_for_big_requests():
    # A 1-booth island and a 2x2 block: the single booth takes the island even if it comes first.
    island = grid(1, 1, x0=50, prefix="I", first=50)
    block = grid(2, 2)
    plan = plan_of(
        *block,
        *island,
        exhibitor(1, booths_wanted=1, booking_status=CONFIRMED),
        exhibitor(2, booths_wanted=4),
    )
    result = allocate(plan, at=AT)
    assert not result.unplaced
    by_id = {p.exhibitor_id: p.booth_ids for p in result.placed}
    assert by_id["exhibitor-1"] == ("booth-50",)


def test_no_zone_of_the_use_means_standard_floor_with_a_note():
    plan = plan_of(*grid(1, 3), exhibitor(1, sector="culinary", booths_wanted=2))
    (placed,) = allocate(plan, at=AT).placed
    assert "no culinary zone" in placed.note


def test_allocation_is_deterministic_and_orders_by_status():
    plan = plan_of(
        *grid(1, 2),
        exhibitor(1, booths_wanted=2, booking_status=ON_HOLD),
        exhibitor(2, booths_wanted=2, booking_status=CONFIRMED),
    )
    first, second = allocate(plan, at=AT), allocate(plan, at=AT)
    assert first == second
    assert [p.exhibitor_id for p in first.placed] == ["exhibitor-2"]
    assert first.unplaced[0].exhibitor_id == "exhibitor-1"


def test_laocai_list_on_the_laocai_floor():
    floor = rows_on_floor(read_floor(FLOORS / "laocai-fair-2025.geojson"))
    plan = floor.apply(read_exhibitors(EXHIBITORS / "laocai-fair-2025.csv", floor).patch)
    result = allocate(plan, at=AT)
    after = plan.apply(result.patch)
    assert len(result.placed) == 64 and not result.unplaced
    zones = {z.id: z.use for z in after.zones.values()}
    for p in result.placed:
        e = after.exhibitors[p.exhibitor_id]
        held = after.booths_of(e.id)
        assert len(held) == e.booths_wanted
        assert connected(after, [b.id for b in held])
        uses = {zones.get(b.zone_id, "standard") for b in held}
        expected = {"automobiles": "car", "culinary": "culinary"}.get(e.sector, "standard")
        assert uses == {expected}
    statuses = [b.status for b in after.booths.values()]
    assert statuses.count(AVAILABLE) == len(statuses) - 132
    assert {b.status for b in after.booths.values()} == {AVAILABLE, RESERVED, CONFIRMED, ON_HOLD}


def test_reassigning_after_release_uses_the_exhibitors_status():
    plan = plan_of(*grid(1, 2), replace(exhibitor(1, booths_wanted=2), booking_status=ON_HOLD))
    after = plan.apply(allocate(plan, at=AT).patch)
    assert {b.status for b in after.booths.values()} == {ON_HOLD}


@settings(max_examples=30, deadline=None)
@given(
    rows=st.integers(1, 4),
    cols=st.integers(1, 6),
    blocked=st.sets(st.integers(1, 24), max_size=6),
    wants=st.lists(st.integers(0, 5), min_size=1, max_size=8),
)
def test_allocation_invariants_on_random_blocks(rows, cols, blocked, wants):
    booths = grid(rows, cols)
    people = [exhibitor(i + 1, booths_wanted=w) for i, w in enumerate(wants)]
    plan = plan_of(*booths, *people)
    to_block = [b.id for b in booths if int(b.id.split("-")[1]) in blocked]
    if to_block:
        plan = plan.apply(set_status(plan, to_block, BLOCKED, at=AT))
    result = allocate(plan, at=AT)
    after = plan.apply(result.patch)
    taken = [b for p in result.placed for b in p.booth_ids]
    assert len(taken) == len(set(taken))
    assert all(plan.booths[b].status == AVAILABLE for b in taken)
    for p in result.placed:
        assert len(p.booth_ids) == plan.exhibitors[p.exhibitor_id].booths_wanted
        assert connected(after, p.booth_ids)
    placed_or_not = {p.exhibitor_id for p in result.placed} | {
        u.exhibitor_id for u in result.unplaced
    }
    assert placed_or_not == {e.id for e in people if e.booths_wanted > 0}
    assert all(u.reason.endswith(".") for u in result.unplaced)
    free_left = sum(1 for b in after.booths.values() if b.status == AVAILABLE)
    for u in result.unplaced:
        assert u.wanted > 0
        if u.wanted == 1:
            assert free_left == 0  # a single booth is placed whenever one is free


def test_allocation_can_be_limited_to_some_exhibitors():
    plan = plan_of(*grid(1, 4), exhibitor(1, booths_wanted=2), exhibitor(2, booths_wanted=1))
    result = allocate(plan, at=AT, exhibitor_ids=["exhibitor-2"])
    assert [p.exhibitor_id for p in result.placed] == ["exhibitor-2"]
    with pytest.raises(BookingError, match="no exhibitor 'exhibitor-9'"):
        allocate(plan, exhibitor_ids=["exhibitor-9"])
