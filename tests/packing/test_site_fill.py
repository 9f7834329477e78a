"""Sites (halls that touch) are filled each on its own: the same booths in-process or in worker
processes, the same booths as when a site is packed alone, and a cancel stops the workers."""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import replace

import pytest
import shapely
from shapely import affinity
from shapely.geometry import Polygon, box

from planner.model import Plan
from planner.model.rules import check
from planner.model.status import CONFIRMED
from planner.packing import PackCancelled, pack
from planner.packing.regions import plan_regions
from planner.packing.site_fill import PARALLEL_AREA, WORKERS_ENV, site_jobs, workers_for
from tests.packing.packing_helpers import column, door, hall, plan_of

HALL = Polygon([(0, 0), (42, 0), (42, 24), (20, 30), (0, 24)])  # a gabled hall, not a box


def one_site(k: int, dx: float) -> list:
    """Hall ``k`` with a door and two columns, moved ``dx`` metres east."""
    parts = [
        hall(HALL, f"hall-{k}", f"Nhà {k}"),
        door(18, 0, 22, 0, 4.0, f"door-{k}", name=f"Cổng {k}"),
        column(14, 12, f"col-{k}-a"),
        column(28, 12, f"col-{k}-b"),
    ]
    out = []
    for e in parts:
        geo = "line" if hasattr(e, "line") else "geometry"
        out.append(replace(e, **{geo: affinity.translate(getattr(e, geo), xoff=dx)}))
    return out


def floor_of(sites: int, step: float = 60.0) -> Plan:
    return plan_of(*[e for k in range(sites) for e in one_site(k, k * step)])


def fingerprint(plan: Plan, result) -> list:
    packed = plan.apply(result.patch)
    return sorted(
        (b.id, b.number, b.zone_id, b.flags, b.geometry.wkb) for b in packed.booths.values()
    )


def sold_some(plan: Plan) -> Plan:
    """``plan`` packed, with every seventh booth sold: a re-pack keeps those and their aisles."""
    packed = plan.apply(pack(plan, workers=1).patch)
    booths = sorted(packed.booths.values(), key=lambda b: b.id)
    sold = [replace(b, status=CONFIRMED) for b in booths[::7]]
    return packed.apply(packed.edit("Sell").put_all(sold).build())


@pytest.mark.parametrize("case", ["fresh", "re-pack", "columns in booths", "one zone"])
def test_workers_fill_exactly_what_one_process_fills(case):
    plan = floor_of(3)
    options = {}
    if case == "re-pack":
        plan = sold_some(plan)
    elif case == "columns in booths":
        options["column_in_booth"] = True
    elif case == "one zone":
        options["zone_ids"] = ["Nhà 0", "Nhà 2"]
    alone = pack(plan, workers=1, **options)
    shared = pack(plan, workers=2, **options)
    assert fingerprint(plan, shared) == fingerprint(plan, alone)
    assert shared.report == replace(alone.report, seconds=shared.report.seconds)
    assert alone.report.placed > (2 if case == "one zone" else 3) * 40
    assert check(plan.apply(shared.patch)) == []


def test_a_site_gets_the_same_booths_as_when_packed_alone():
    single = floor_of(1)
    triple = floor_of(3)
    first = pack(single, workers=1)
    together = triple.apply(pack(triple, workers=1).patch)
    mine = shapely.union_all([h.geometry for h in single.halls.values()]).buffer(0.01)
    in_first = sorted(b.geometry.wkb for b in together.booths.values() if mine.contains(b.geometry))
    assert in_first == sorted(b.geometry.wkb for b in single.apply(first.patch).booths.values())


def test_halls_that_touch_are_one_site():
    a = hall(box(0, 0, 30, 20), "hall-a", "Hall A")
    b = hall(box(30, 0, 60, 20), "hall-b", "Hall B")  # shares a wall with A
    c = hall(box(100, 0, 130, 20), "hall-c", "Hall C")
    plan = plan_of(a, b, c)
    regions = plan_regions(plan)
    jobs = site_jobs(plan, regions, regions)
    assert sorted(sorted(r.hall_id for r in job.regions) for job in jobs) == [
        ["hall-a", "hall-b"],
        ["hall-c"],
    ]


def test_small_floors_stay_in_process_and_big_ones_use_the_cores(monkeypatch):
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    plan = floor_of(3)
    regions = plan_regions(plan)
    jobs = site_jobs(plan, regions, regions)
    assert sum(r.geometry.area for r in regions) < PARALLEL_AREA
    assert workers_for(jobs) == 1
    assert workers_for(jobs, 8) == 3  # never more workers than sites
    big = [replace(job, regions=job.regions * 20) for job in jobs]  # as much floor as 60 halls
    assert workers_for(big) == min(multiprocessing.cpu_count(), 3)
    assert workers_for(big[:1]) == 1  # one site has nothing to share out
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert workers_for(big) == 1


def test_cancel_stops_the_workers_and_changes_nothing():
    plan = floor_of(4)
    seen = []

    def progress(fraction, message):
        seen.append(message)

    def cancel():  # once the workers have their sites
        return any("cores" in m for m in seen)

    with pytest.raises(PackCancelled):
        pack(plan, workers=2, progress=progress, cancel=cancel)
    assert any("on 2 cores" in m for m in seen)
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []
    assert plan.booths == {}
