"""The Select tool, one state at a time, headless: what each press starts, and what the state
does on drag and release."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import Polygon, box

from planner.editing.context import Mods
from planner.editing.select import SelectTool
from planner.editing.select.states import (
    IDLE,
    Banding,
    DraggingCorner,
    Moving,
    ResizingBooth,
    drag_delta,
)
from planner.editing.vertices import Corner, rings_of

SHIFT, CTRL = Mods(shift=True), Mods(ctrl=True)


def test_a_press_starts_the_state_for_what_is_under_it(ctx):
    tool = SelectTool(ctx)
    tool.press((20, 30))  # bare hall floor: a band, with the hall pending as a click
    assert isinstance(tool.state, Banding) and tool.state.pending == ("halls", "hall-1")
    tool.press((4, 4))  # a booth: selected, and moving
    assert isinstance(tool.state, Moving) and ctx.selection.all() == [("booths", "booth-1")]
    tool.press((3, 3))  # the corner of the one selected booth: resizing it
    assert isinstance(tool.state, ResizingBooth) and tool.state.corner == 0
    tool.press((5, 4), CTRL)  # Ctrl toggles and starts nothing
    assert tool.state is IDLE and ctx.selection.all() == []
    tool.press((-20, -20))  # outside everything: a band that cleared the selection
    assert isinstance(tool.state, Banding) and tool.state.pending is None
    ctx.selection.set([("halls", "hall-1")])
    tool.press((60, 40))  # a corner of the one selected outline: dragging that corner
    assert isinstance(tool.state, DraggingCorner) and tool.state.corner == Corner(0, 1)


def test_banding_selects_what_lies_wholly_inside(ctx, screen):
    state = Banding(ctx, (2, 2))
    state.drag((10, 7), Mods())
    assert screen.preview[0].equals(box(2, 2, 10, 7))
    state.release((10, 7), Mods())
    assert ctx.selection.all() == [("booths", "booth-1"), ("booths", "booth-2")]
    assert screen.preview == [] and screen.said[-1] == "2 selected"
    Banding(ctx, (8, 2)).release((13, 7), SHIFT)  # Shift adds
    assert len(ctx.selection) == 3


def test_a_band_that_is_a_click_picks_the_hall_or_zone_under_it(ctx):
    Banding(ctx, (40, 30), pending=("zones", "zone-1")).release((40.1, 30.1), Mods())
    assert ctx.selection.all() == [("zones", "zone-1")]


def test_moving_shows_ghosts_then_moves_in_one_patch(ctx, document, screen):
    ctx.selection.set([("booths", "booth-1"), ("booths", "booth-2")])
    state = Moving(ctx, (4, 4))
    state.drag((6.2, 4.1), Mods())
    assert len(screen.preview) == 2 and screen.said[-1] == "Move by 2.00, 0.00 m"
    state.release((6.2, 4.1), Mods())
    assert len(document.pushed) == 1 and document.pushed[0].description == "Move 2 booths"
    assert document.plan.booths["booth-1"].geometry.equals(box(5, 3, 8, 6))


def test_moving_leaves_locked_booths_and_shift_keeps_one_axis(ctx, document):
    plan = document.plan
    document.push(plan.edit().put(replace(plan.booths["booth-2"], locked=True)).build())
    ctx.selection.set([("booths", "booth-1"), ("booths", "booth-2")])
    assert drag_delta(ctx, (0, 0), (3.2, 1.1), SHIFT) == (3.0, 0.0)
    Moving(ctx, (4, 4)).release((4.2, 9), SHIFT)
    assert document.plan.booths["booth-1"].geometry.equals(box(3, 8, 6, 11))
    assert document.plan.booths["booth-2"].geometry.equals(box(6, 3, 9, 6))


def test_dragging_a_corner_reshapes_the_outline(ctx, document, screen):
    picked = []
    state = DraggingCorner(
        ctx, (60, 40), ("halls", "hall-1"), Corner(0, 1), lambda k, c: picked.append(c), list
    )
    state.drag((60, 50), Mods())
    assert screen.preview[0].area > 60 * 40
    state.release((60, 50), Mods())
    hall = document.plan.halls["hall-1"]
    assert (60.0, 50.0) in rings_of(hall.geometry)[0] and not picked
    assert document.pushed[-1].description == "Move corner of hall Hall A"


def test_a_click_on_a_corner_picks_it_and_a_crossing_drag_is_refused(ctx, document, screen):
    picked = []
    key, corner = ("halls", "hall-1"), Corner(0, 1)
    DraggingCorner(ctx, (60, 40), key, corner, lambda k, c: picked.append(c), list).release(
        (60.1, 40.1), Mods()
    )
    assert picked == [corner] and not document.pushed
    # Dragging the top-right corner below the south wall makes the outline cross itself.
    state = DraggingCorner(ctx, (60, 40), key, corner, lambda k, c: None, list)
    state.release((30, -10), Mods())
    assert not document.pushed
    assert screen.said[-1] == "That corner would make the outline cross itself."


def test_resizing_a_booth_by_its_corner_snaps_to_the_grid(ctx, document, screen):
    state = ResizingBooth(ctx, "booth-3", 2)  # the top-right corner of the 3 × 3 m booth
    state.drag((13.6, 7.2), Mods())
    assert screen.said[-1] == "4.5 × 4 m"
    state.release((13.6, 7.2), Mods())
    assert document.plan.booths["booth-3"].geometry.equals(box(9, 3, 13.5, 7))
    assert document.pushed[-1].description == "Resize booth A03"


def test_the_picked_corner_goes_with_delete_and_with_a_changed_outline(ctx, document):
    tool = SelectTool(ctx)
    ctx.selection.set([("halls", "hall-1")])
    tool.double_click((15, 40))  # a corner added on the north wall, and picked
    assert tool.picked_vertex() == (("halls", "hall-1"), (0, 2))
    assert tool.remove_picked()
    assert isinstance(document.plan.halls["hall-1"].geometry, Polygon)
    assert len(rings_of(document.plan.halls["hall-1"].geometry)[0]) == 4
    assert not tool.remove_picked()  # nothing picked any more


def test_arrow_keys_nudge_only_a_selection(ctx, document):
    tool = SelectTool(ctx)
    assert not tool.nudge(1, 0)
    ctx.selection.set([("booths", "booth-1")])
    assert tool.nudge(0.5, 0)
    assert document.plan.booths["booth-1"].geometry.equals(box(3.5, 3, 6.5, 6))
