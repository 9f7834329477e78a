"""Re-packing respects numbers people were told.

Issue "An organiser's whole job", break 4: Auto-pack on a plan with numbers already sold moved
and renumbered about 230 available booths without asking, and 189 numbers pointed to other
places. Now a booth where one stood keeps its number, a new booth takes a number no booth had,
Plan → Freeze numbers marks numbers as quoted, and a pack that would move or drop a frozen
number asks first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box

from planner.formats.plan_file import read_plan
from planner.model import Obstacle
from planner.model.frozen import is_frozen
from tests.ui.file_answers import Answer

ROOT = Path(__file__).resolve().parents[2]
LAOCAI = ROOT / "layouts" / "laocai-fair-2025.boothplan"


@pytest.fixture
def laocai(window):
    window.document.replace_plan(read_plan(LAOCAI), None)
    return window


def _pack(window, qtbot) -> None:
    window.commands["pack"].trigger()
    qtbot.waitUntil(lambda: not window.packer.running, timeout=60_000)


def _places(plan) -> dict[str, object]:
    return {b.number: b.geometry for b in plan.booths.values()}


def test_no_number_points_to_another_place_after_a_repack(laocai, qtbot):
    before = _places(laocai.document.plan)
    _pack(laocai, qtbot)
    after = _places(laocai.document.plan)
    moved = [
        n for n, g in after.items() if n in before and g.symmetric_difference(before[n]).area > 0.1
    ]
    assert moved == []
    assert "Numbers:" in laocai.packer.report.details.text()


def _column_over_available_booths(window) -> list[str]:
    """A 7 m column block over available booths: the pack must move or drop them."""
    plan = window.document.plan
    free = [b for b in plan.booths.values() if b.status == "available" and b.zone_id is None]
    target = free[len(free) // 2].geometry.centroid
    block = box(target.x - 3.5, target.y - 3.5, target.x + 3.5, target.y + 3.5)
    window.document.push(plan.edit("Column").put(Obstacle("obstacle-99", "cột", block)).build())
    return sorted(b.number for b in free if b.geometry.intersects(block))


@pytest.mark.parametrize("answer", ["keep", "change", "cancel"])
def test_a_repack_that_would_move_frozen_numbers_asks_first(laocai, qtbot, answer):
    laocai.commands["freeze"].trigger()
    assert all(is_frozen(b) for b in laocai.document.plan.booths.values())
    covered = _column_over_available_booths(laocai)
    assert covered
    before = laocai.document.plan
    asked = Answer("frozen-box", answer)
    _pack(laocai, qtbot)
    qtbot.waitUntil(lambda: not laocai.packer.running, timeout=60_000)
    assert asked.clicked
    after = laocai.document.plan
    if answer == "cancel":
        assert after is before
        return
    numbers = {b.number for b in after.booths.values()}
    if answer == "keep":  # frozen booths stay exactly as they were, column or not
        assert all(after.booths[b.id] == b for b in before.booths.values() if is_frozen(b))
    else:
        assert not set(covered) & numbers  # the booths under the column are gone
        assert len(after.booths) > 500
