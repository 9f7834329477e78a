"""Two people's edits of one plan are combined entity by entity, or the clash is named."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import box

from planner.model import Booth, Exhibitor, Hall, PatchConflict, Plan, PlanInfo
from planner.model.merge import conflict, difference, merge


@pytest.fixture
def base() -> Plan:
    return Plan.from_entities(
        [
            PlanInfo(name="Hội chợ Hải Phòng"),
            Hall("hall-1", "Vỉa hè Trần Phú", box(0, 0, 60, 6)),
            Booth("booth-1", "VHT-01", box(0, 0, 3, 3)),
            Booth("booth-2", "VHT-02", box(3, 0, 6, 3)),
        ]
    )


def _moved(plan: Plan, booth_id: str, dx: float) -> Plan:
    booth = plan.booths[booth_id]
    x0, y0, x1, y1 = booth.geometry.bounds
    return plan.apply(
        plan.edit().put(replace(booth, geometry=box(x0 + dx, y0, x1 + dx, y1))).build()
    )


def test_difference_turns_one_plan_into_the_other(base):
    after = _moved(base, "booth-1", 10).apply(base.edit().delete("booths", "booth-2").build())
    patch = difference(base, after)
    assert base.apply(patch) == after
    assert {(c.table, c.id) for c in patch} == {("booths", "booth-1"), ("booths", "booth-2")}
    assert not difference(base, base)


def test_edits_of_different_entities_are_both_kept(base):
    mine = _moved(base, "booth-1", 10)  # the organiser moves a booth in the app
    theirs = base.apply(base.edit().put(Exhibitor("exhibitor-1", "HTX Gốm Chu Đậu")).build())
    merged = merge(base, mine, theirs)
    assert merged.booths["booth-1"] == mine.booths["booth-1"]
    assert merged.exhibitors["exhibitor-1"].name == "HTX Gốm Chu Đậu"


def test_the_same_change_on_both_sides_is_no_conflict(base):
    mine = _moved(base, "booth-1", 10)
    assert merge(base, mine, mine) == mine


def test_an_entity_changed_on_both_sides_is_named(base):
    mine = _moved(base, "booth-1", 10)
    theirs = _moved(base, "booth-1", 20)
    assert conflict(difference(base, mine), theirs).what == "booth VHT-01 was changed on both sides"
    with pytest.raises(PatchConflict, match="booth VHT-01 was changed on both sides"):
        merge(base, mine, theirs)
    gone = base.apply(base.edit().delete("booths", "booth-1").build())
    with pytest.raises(PatchConflict, match="booth VHT-01 was deleted there and changed here"):
        merge(base, mine, gone)
