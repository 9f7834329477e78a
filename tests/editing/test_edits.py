"""The Edit menu's edits and the corner edits as pure functions: a plan in, one patch out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import box

from planner.editing import edits
from planner.editing.booth_frame import booth_frame, booth_rectangle, check_size
from planner.editing.hit import PlanIndex
from planner.editing.names import what
from planner.editing.refusal import EditRefused
from planner.editing.snapping import SnapKind, Snapper
from planner.editing.vertices import Corner, insert_vertex, remove_vertex, rings_of
from planner.model import Obstacle


def test_history_names_what_an_edit_changed(plan):
    column = Obstacle("obstacle-1", "column", box(20, 20, 20.6, 20.6))
    plan = plan.apply(plan.edit().put(column).build())
    booths = [("booths", "booth-1"), ("booths", "booth-2")]
    assert what(plan, booths[:1]) == "booth A01"
    assert what(plan, booths) == "2 booths"
    assert what(plan, [*booths, ("obstacles", "obstacle-1")]) == "2 booths and 1 column"
    keys = [*booths, ("obstacles", "obstacle-1"), ("zones", "zone-1")]
    assert what(plan, keys) == "2 booths, 1 column and 1 zone"


def test_rotate_a_quarter_turn_keeps_the_size_exactly(plan):
    after = plan.apply(edits.rotate(plan, [("booths", "booth-1")], 90))
    assert after.booths["booth-1"].geometry.equals(box(3, 3, 6, 6))
    frame = booth_frame(booth_rectangle(10, 10, 4, 2, 90))
    assert (round(frame.width, 6), round(frame.depth, 6), frame.angle) == (2, 4, 0)


def test_deleting_a_zone_keeps_its_booths_on_the_floor(plan):
    inside = replace(plan.booths["booth-3"], zone_id="zone-1")
    plan = plan.apply(plan.edit().put(inside).build())
    after = plan.apply(edits.delete(plan, [("zones", "zone-1")]))
    assert "zone-1" not in after.zones and after.booths["booth-3"].zone_id is None


def test_duplicates_are_free_booths_with_fresh_numbers(plan):
    sold = replace(plan.booths["booth-1"], status="sold", exhibitor_id=None)
    plan = plan.apply(plan.edit().put(sold).build())
    patch, keys = edits.duplicate(plan, [("booths", "booth-1")], 0, 10)
    copy = plan.apply(patch).booths[keys[0][1]]
    assert copy.number == "A01b" and copy.status == "available" and keys[0][1] == "booth-4"


def test_merge_and_split_refuse_what_cannot_be_done(plan):
    with pytest.raises(EditRefused, match="Only booths that touch"):
        edits.merge_booths(plan, ["booth-1", "booth-3"], "booth-1")
    merged = plan.apply(edits.merge_booths(plan, ["booth-1", "booth-2"], "booth-1"))
    assert merged.booths["booth-1"].geometry.equals(box(3, 3, 9, 6))
    split = merged.apply(edits.split_booth(merged, "booth-1"))
    assert sorted(b.number for b in split.booths.values()) == ["A01", "A01b", "A03"]
    with pytest.raises(EditRefused, match="single unit of 3 m"):
        edits.split_booth(plan, "booth-3")
    with pytest.raises(EditRefused, match="width must be more than 0 m"):
        check_size(0, 3)


def test_corners_added_and_removed_with_refusals(plan):
    key = ("halls", "hall-1")
    patch, corner = insert_vertex(plan, key, (15, 40.2), tolerance=0.5)
    assert corner == Corner(0, 2) and patch.description == "Add corner to hall Hall A"
    plan = plan.apply(patch)
    assert (15.0, 40.0) in rings_of(plan.halls["hall-1"].geometry)[0]
    with pytest.raises(EditRefused, match="corner there already"):
        insert_vertex(plan, key, (15, 40), tolerance=0.5)
    plan = plan.apply(remove_vertex(plan, key, corner))
    with pytest.raises(EditRefused, match="no longer part of the outline"):
        remove_vertex(plan, key, Corner(0, 9))


def test_snapping_prefers_a_corner_then_an_edge_then_the_grid(plan):
    index = PlanIndex(plan)
    snapper = Snapper(grid_step=0.5)
    assert snapper.snap(3.2, 3.1, index, 0.5).kind is SnapKind.VERTEX
    on_edge = snapper.snap(4.3, 6.1, index, 0.5)
    assert on_edge.kind is SnapKind.EDGE and on_edge.point == (4.5, 6.0)
    assert snapper.snap(20.2, 30.3, index, 0.5).point == (20.0, 30.5)
    assert snapper.snap(20.2, 31.7, None, 0.5, anchor=(10, 30), ortho=True).point == (20.0, 30)


def test_hit_tests_pick_the_topmost_and_the_smallest(plan):
    index = PlanIndex(plan)
    assert index.at(4, 4) == ("booths", "booth-1")
    assert index.at(40, 30) == ("zones", "zone-1")  # the zone lies on the hall: it is smaller
    assert index.at(10, 30) == ("halls", "hall-1")
    assert index.in_rect(2, 2, 10, 7) == [("booths", "booth-1"), ("booths", "booth-2")]
