"""Edits keep zones inside halls and doors on hall walls, so an edited plan's floor exports to
GeoJSON that Boothplan imports again; a refusal is one sentence and changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely import affinity
from shapely.geometry import LineString, box

from planner.editing import edits
from planner.editing.refusal import EditRefused
from planner.formats.geojson_export import write_geojson
from planner.formats.geojson_floor import read_floor
from planner.model import Door
from tests.ui.ui_helpers import click, drag

pytestmark = pytest.mark.ui


def with_door(window):
    plan = window.document.plan
    door = Door("door-1", "Cổng Bắc 北门", "entrance", LineString([(10, 40), (14, 40)]), 4.0)
    window.document.replace_plan(plan.apply(plan.edit("door").put(door).build()), None)


def test_dragging_a_zone_across_the_wall_is_refused_in_the_status_bar(window, qtbot):
    before = window.document.plan
    click(qtbot, window.view, 45, 30)  # the culinary zone
    assert window.selection.all() == [("zones", "zone-1")]
    drag(qtbot, window.view, (45, 30), (55, 30))  # 10 m east: half of it past the wall
    assert window.document.plan == before
    assert window.document.undo_stack.count() == 0
    said = window.statusBar().currentMessage()
    assert said.startswith("That edit would take zone Ẩm thực 云南 out of the halls")
    assert "200.00 m² of it is outside" in said
    # A move that stays inside is done as before.
    drag(qtbot, window.view, (45, 30), (40, 25))
    assert window.document.plan.zones["zone-1"].geometry.equals(box(25, 15, 55, 35))


def test_a_door_stays_on_a_wall_and_a_hall_keeps_its_zones(window):
    with_door(window)
    document, plan = window.document, window.document.plan
    with pytest.raises(EditRefused, match="take door Cổng Bắc 北门 off the hall walls"):
        document.push(edits.translate(plan, [("doors", "door-1")], 0, -5))
    smaller = replace(plan.halls["hall-1"], geometry=box(0, 0, 40, 40))
    with pytest.raises(EditRefused, match="take zone Ẩm thực 云南 out of the halls"):
        document.push(plan.edit("Shrink hall").put(smaller).build())
    assert document.plan == plan and document.undo_stack.count() == 0
    # The whole floor moved together stays whole.
    everything = [("halls", "hall-1"), ("zones", "zone-1"), ("doors", "door-1")]
    assert document.push(edits.translate(plan, everything, 100, 0))


def test_an_edited_floor_exports_to_geojson_that_imports_again(window, tmp_path):
    with_door(window)
    document = window.document
    document.push(edits.translate(document.plan, [("zones", "zone-1")], -10, -5))
    document.push(edits.translate(document.plan, [("doors", "door-1")], 20, 0))
    path = tmp_path / "edited.geojson"
    write_geojson(document.plan, path)
    again = read_floor(path)
    assert again.zones["zone-1"].geometry.equals(box(20, 15, 50, 35))


def test_a_zone_already_outside_never_blocks_other_edits(window):
    plan = window.document.plan
    outside = replace(plan.zones["zone-1"], geometry=box(50, 20, 70, 40))  # a plan from elsewhere
    window.document.replace_plan(plan.apply(plan.edit("old").put(outside).build()), None)
    plan = window.document.plan
    assert window.document.push(edits.translate(plan, [("booths", "booth-1")], 0, 10))
    plan = window.document.plan
    moved = replace(plan.halls["hall-1"], geometry=affinity.translate(box(0, 0, 60, 40), 1, 0))
    assert window.document.push(plan.edit("Nudge hall").put(moved).build())
