"""Adding and editing one exhibitor by hand (the app's Exhibitor dialog), as one undoable patch."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely import box

from planner.model import Exhibitor, Hall, PlanInfo
from planner.model.booking import assign
from planner.model.roster import RosterError, save_exhibitor
from tests.exhibitors.exhibitor_fixtures import exhibitor, grid, plan_of


@pytest.fixture
def small_plan():
    plan = plan_of(
        PlanInfo(name="Tuần hàng Sơn La"),
        Hall("hall-1", "Sảnh", box(0, 0, 30, 12)),
        *grid(1, 4),
        exhibitor(1, "HTX Chè Shan Tuyết"),
        exhibitor(2, "Công ty Cà phê Sơn La", booking_status="on_hold"),
    )
    return plan.apply(assign(plan, ["booth-1", "booth-2"], "exhibitor-1", "reserved"))


def test_a_new_exhibitor_gets_an_id_and_a_tidy_name(small_plan):
    patch = save_exhibitor(small_plan, Exhibitor("", "  HTX   Mận Hậu  ", sector="Agriculture"))
    added = small_plan.apply(patch)
    (new,) = [e for e in added.exhibitors.values() if e.id not in small_plan.exhibitors]
    assert (new.name, new.sector) == ("HTX Mận Hậu", "agriculture")
    assert patch.description == "Add exhibitor HTX Mận Hậu"
    assert added.apply(patch.inverse()) == small_plan


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(name=" "), "An exhibitor needs a name."),
        (dict(sector="spaceships"), "The sector 'spaceships' is unknown"),
        (dict(booths_wanted=5000), "5000 booths is not a booth count (0 to 1000)."),
        (dict(booking_status="blocked"), "can be on hold, reserved or confirmed"),
    ],
)
def test_what_no_exhibitor_can_be_is_refused(small_plan, change, message):
    with pytest.raises(RosterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        save_exhibitor(small_plan, replace(Exhibitor("", "Công ty mới"), **change))


def test_a_name_already_taken_is_refused(small_plan):
    taken = next(iter(small_plan.exhibitors.values()))
    with pytest.raises(RosterError, match="There is already an exhibitor called"):
        save_exhibitor(small_plan, Exhibitor("", taken.name.upper()))
    # Its own name is no clash when it is edited.
    assert save_exhibitor(small_plan, replace(taken, notes="gọi lại")).description.startswith(
        "Edit exhibitor"
    )


def test_a_new_status_is_carried_to_the_booths_held(small_plan):
    holder = next(e for e in small_plan.exhibitors.values() if small_plan.booths_of(e.id))
    new_status = "confirmed" if holder.booking_status != "confirmed" else "on_hold"
    patch = save_exhibitor(small_plan, replace(holder, booking_status=new_status))
    after = small_plan.apply(patch)
    assert {b.status for b in after.booths_of(holder.id)} == {new_status}
    assert len(after.booking_events) > len(small_plan.booking_events)
