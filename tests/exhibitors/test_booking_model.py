"""Booking: assign, release, set status, move; refusals; history; undo; save and reopen."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.formats.plan_file import read_plan, write_plan
from planner.model.booking import (
    BookingError,
    assign,
    assign_many,
    history,
    move,
    release,
    set_status,
)
from planner.model.roster import RosterError, add_sectors, find_exhibitor, remove_exhibitor
from planner.model.status import AVAILABLE, BLOCKED, CONFIRMED, ON_HOLD, RESERVED, STATUSES
from tests.exhibitors.exhibitor_fixtures import exhibitor, grid, plan_of

AT = "2025-05-01T08:00:00Z"


@pytest.fixture
def plan():
    return plan_of(*grid(2, 3), exhibitor(1, "Sơn La Co-op"), exhibitor(2, "大理家具"))


def test_assign_sets_status_exhibitor_and_history(plan):
    patch = assign(plan, ["A1", "booth-2"], "exhibitor-1", CONFIRMED, at=AT)
    after = plan.apply(patch)
    for booth_id in ("booth-1", "booth-2"):
        booth = after.booths[booth_id]
        assert (booth.status, booth.exhibitor_id) == (CONFIRMED, "exhibitor-1")
        (event,) = history(after, booth_id)
        assert (event.action, event.status, event.exhibitor_id, event.at) == (
            "assign",
            CONFIRMED,
            "exhibitor-1",
            AT,
        )
    assert after.booths["booth-3"].status == AVAILABLE
    assert "Sơn La Co-op" in patch.description
    assert after.apply(patch.inverse()) == plan  # one exact undo step
    assert assign(plan, "A1", "exhibitor-1", at=AT) == assign(plan, ["A1"], "exhibitor-1", at=AT)


def test_refusals_are_one_clear_sentence(plan):
    blocked = plan.apply(set_status(plan, ["A3"], BLOCKED, at=AT))
    with pytest.raises(BookingError, match=r"^Booth A3 is blocked and cannot be given to"):
        assign(blocked, ["A3"], "exhibitor-1")
    with pytest.raises(BookingError, match=r"^There is no booth 'Z9' in the plan\.$"):
        assign(plan, ["Z9"], "exhibitor-1")
    with pytest.raises(BookingError, match=r"^There is no exhibitor 'exhibitor-9' in the plan\.$"):
        assign(plan, ["A1"], "exhibitor-9")
    held = plan.apply(assign(plan, ["A1"], "exhibitor-2", at=AT))
    with pytest.raises(BookingError, match="already held by 大理家具; release it first"):
        assign(held, ["A1"], "exhibitor-1")
    with pytest.raises(BookingError, match="not available"):
        assign(plan, ["A1"], "exhibitor-1", AVAILABLE)
    with pytest.raises(BookingError, match="release it before blocking"):
        set_status(held, ["A1"], BLOCKED)
    with pytest.raises(BookingError, match="has no exhibitor; assign one"):
        set_status(plan, ["A2"], CONFIRMED)
    with pytest.raises(BookingError, match="is blocked, not booked"):
        release(blocked, ["A3"])
    with pytest.raises(BookingError, match="No booth was given"):
        release(plan, [])


def test_release_frees_and_keeps_history(plan):
    held = plan.apply(assign(plan, ["A1", "A2"], "exhibitor-1", RESERVED, at=AT))
    freed = held.apply(release(held, ["A1"], at="2025-05-02T08:00:00Z"))
    assert freed.booths["booth-1"].status == AVAILABLE
    assert freed.booths["booth-1"].exhibitor_id is None
    assert freed.booths["booth-2"].exhibitor_id == "exhibitor-1"
    assert [e.action for e in history(freed, "booth-1")] == ["assign", "release"]
    assert not release(freed, ["A1"])  # already free: nothing to do, no history line


def test_set_status_keeps_or_drops_the_exhibitor(plan):
    held = plan.apply(assign(plan, ["A1"], "exhibitor-1", ON_HOLD, at=AT))
    sold = held.apply(set_status(held, ["A1"], "confirmed", at=AT))
    assert (sold.booths["booth-1"].status, sold.booths["booth-1"].exhibitor_id) == (
        CONFIRMED,
        "exhibitor-1",
    )
    freed = sold.apply(set_status(sold, ["A1"], AVAILABLE, at=AT))
    assert freed.booths["booth-1"].exhibitor_id is None
    kept_back = plan.apply(set_status(plan, ["A2"], ON_HOLD, at=AT))  # held by the organiser
    assert kept_back.booths["booth-2"].status == ON_HOLD
    assert kept_back.booths["booth-2"].exhibitor_id is None
    assert [e.status for e in history(freed, "booth-1")] == [ON_HOLD, CONFIRMED, AVAILABLE]


def test_move_carries_exhibitor_and_status(plan):
    held = plan.apply(assign(plan, ["A1"], "exhibitor-1", CONFIRMED, at=AT))
    moved = held.apply(move(held, "A1", "A5", at=AT))
    assert moved.booths["booth-1"].status == AVAILABLE
    assert moved.booths["booth-5"].status == CONFIRMED
    assert moved.booths["booth-5"].exhibitor_id == "exhibitor-1"
    assert history(moved, "booth-5")[-1].action == "move"
    assert history(moved, "booth-5")[-1].note == "moved from A1"
    assert history(moved, "booth-1")[-1].note == "moved to A5"
    with pytest.raises(BookingError, match="has no exhibitor to move"):
        move(moved, "A1", "A2")
    taken = moved.apply(assign(moved, ["A2"], "exhibitor-2", at=AT))
    with pytest.raises(BookingError, match="Booth A2 is reserved, not free"):
        move(taken, "A5", "A2")


def test_booking_survives_save_and_reopen(plan, tmp_path):
    held = plan.apply(assign(plan, ["A1", "A2"], "exhibitor-1", CONFIRMED, at=AT))
    held = held.apply(set_status(held, ["A6"], BLOCKED, at=AT))
    held = held.apply(add_sectors(held, ["Đồ chơi"]))
    path = tmp_path / "fair.boothplan"
    write_plan(held, path)
    back = read_plan(path)
    assert back == held
    assert back.booths["booth-1"].exhibitor_id == "exhibitor-1"
    assert back.booths["booth-6"].status == BLOCKED
    assert [e.booth_id for e in back.booking_events.values()] == ["booth-1", "booth-2", "booth-6"]
    assert back.info.sectors == ("đồ chơi",)


def test_removing_an_exhibitor_releases_its_booths(plan):
    held = plan.apply(assign(plan, ["A1", "A2"], "exhibitor-1", at=AT))
    patch = remove_exhibitor(held, "exhibitor-1", at=AT)
    gone = held.apply(patch)
    assert "exhibitor-1" not in gone.exhibitors
    assert gone.booths["booth-1"].status == AVAILABLE
    assert gone.apply(patch.inverse()) == held


def test_find_exhibitor_by_id_name_or_english_name(plan):
    assert find_exhibitor(plan, "exhibitor-2").name == "大理家具"
    assert find_exhibitor(plan, "  sơn la  co-op").id == "exhibitor-1"
    with pytest.raises(RosterError, match="no exhibitor 'nobody'"):
        find_exhibitor(plan, "nobody")


_refs = st.sampled_from(["A1", "A2", "A3", "A4", "A5", "A6"])
_operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("assign"),
            st.lists(_refs, min_size=1, max_size=3),
            st.sampled_from(["exhibitor-1", "exhibitor-2"]),
            st.sampled_from(STATUSES),
        ),
        st.tuples(st.just("release"), st.lists(_refs, min_size=1, max_size=3)),
        st.tuples(
            st.just("status"), st.lists(_refs, min_size=1, max_size=3), st.sampled_from(STATUSES)
        ),
        st.tuples(st.just("move"), _refs, _refs),
    ),
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_operations)
def test_any_sequence_of_requests_keeps_booking_consistent(plan, operations):
    for operation in operations:
        kind, args = operation[0], operation[1:]
        try:
            if kind == "assign":
                patch = assign(plan, args[0], args[1], args[2], at=AT)
            elif kind == "release":
                patch = release(plan, args[0], at=AT)
            elif kind == "status":
                patch = set_status(plan, args[0], args[1], at=AT)
            else:
                patch = move(plan, args[0], args[1], at=AT)
        except BookingError as error:
            assert str(error).endswith(".") and "\n" not in str(error)
            continue
        after = plan.apply(patch)
        assert after.apply(patch.inverse()) == plan
        changed = {c.id for c in patch if c.table == "booths"}
        events = [c.after for c in patch if c.table == "booking_events"]
        assert sorted(e.booth_id for e in events) == sorted(changed)  # one line per change
        plan = after
        for booth in plan.booths.values():
            if booth.status in (AVAILABLE, BLOCKED):
                assert booth.exhibitor_id is None
            if booth.status in (RESERVED, CONFIRMED):
                assert booth.exhibitor_id in plan.exhibitors


def test_assign_many_is_one_patch_checked_request_by_request(plan):
    patch = assign_many(
        plan, [(["A1", "A2"], "exhibitor-1", CONFIRMED), (["A3"], "exhibitor-2", ON_HOLD)], at=AT
    )
    after = plan.apply(patch)
    assert [after.booths[f"booth-{n}"].exhibitor_id for n in (1, 2, 3)] == [
        "exhibitor-1",
        "exhibitor-1",
        "exhibitor-2",
    ]
    assert sorted(e.id for e in after.booking_events.values()) == ["event-1", "event-2", "event-3"]
    with pytest.raises(BookingError, match="Booth A2 is already held by Sơn La Co-op"):
        assign_many(plan, [(["A2"], "exhibitor-1", RESERVED), (["A2"], "exhibitor-2", RESERVED)])
    assert not assign_many(plan, [])
