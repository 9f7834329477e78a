"""Booked booths survive saving, reopening and re-packing the floor."""

from __future__ import annotations

import pytest

from planner.formats.exhibitors_csv import read_exhibitors
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan, write_plan
from planner.model.booking import set_status
from planner.model.status import AVAILABLE, BLOCKED
from planner.packing.allocate import allocate
from tests.exhibitors.exhibitor_fixtures import EXHIBITORS, FLOORS

AT = "2025-05-01T08:00:00Z"

packing = pytest.importorskip("planner.packing", reason="the packer is not there yet")


def booked(plan):
    return {
        b.id: (b.number, b.geometry.wkb, b.status, b.exhibitor_id)
        for b in plan.booths.values()
        if b.status != AVAILABLE
    }


def test_assignments_survive_save_reopen_and_repack(tmp_path):
    floor = read_floor(FLOORS / "sonla-week-coopmart.geojson")
    packed = floor.apply(packing.pack(floor).patch)
    plan = packed.apply(read_exhibitors(EXHIBITORS / "sonla-week.csv", packed).patch)
    plan = plan.apply(allocate(plan, at=AT).patch)
    free = [b.id for b in plan.booths.values() if b.status == AVAILABLE]
    if free:
        plan = plan.apply(set_status(plan, free[:1], BLOCKED, at=AT))
    before = booked(plan)
    assert sum(1 for b in before.values() if b[3]) >= 10  # held booths to keep

    path = tmp_path / "sonla.boothplan"
    write_plan(plan, path)
    reopened = read_plan(path)
    assert reopened == plan

    repacked = reopened.apply(packing.pack(reopened).patch)
    assert booked(repacked) == before
    assert repacked.booking_events == plan.booking_events
    assert repacked.exhibitors == plan.exhibitors
