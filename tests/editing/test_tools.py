"""The drawing and placing tools, headless: clicks and typed text in metres, patches out."""

from __future__ import annotations

from shapely.geometry import Polygon, box

from planner.editing.context import Mods
from planner.editing.tools.booth import BoothTool, next_number
from planner.editing.tools.door import EXIT, DoorTool
from planner.editing.tools.hall import HallTool, next_hall_name
from planner.editing.tools.measure import MeasureTool
from planner.editing.tools.obstacle import COLUMN, ObstacleTool
from planner.editing.tools.outline import POLYGON, RECTANGLE
from planner.editing.tools.zone import ZoneTool
from planner.editing.typed_input import TypedInputError
from planner.model import Plan


def test_a_hall_by_two_clicks_snaps_to_the_grid_and_is_named(ctx, document):
    document._plan = Plan()
    tool = HallTool(ctx, RECTANGLE)
    tool.press((0.1, 0.2))
    tool.press((40.2, 24.9))
    (hall,) = document.plan.halls.values()
    assert hall.geometry.equals(box(0, 0, 40, 25)) and hall.name == "Hall A"
    assert ctx.selection.all() == [("halls", hall.id)]
    assert document.pushed[-1].description == "Add hall Hall A"
    assert next_hall_name(27) == "Hall 27"


def test_a_polygon_hall_from_typed_points_lengths_and_angles(ctx, document, screen):
    document._plan = Plan()
    tool = HallTool(ctx, POLYGON)
    tool.typed("0,0")
    tool.typed("30<0")
    tool.typed("20<90")
    tool.press((0.1, 21.3), Mods(shift=True))  # square to the last point: (0, 20)
    tool.undo_typed()  # Backspace with nothing typed drops that corner
    assert tool.points == [(0.0, 0.0), (30.0, 0.0), (30.0, 20.0)]
    tool.press((0.1, 21.3), Mods(shift=True))
    tool.finish()
    (hall,) = document.plan.halls.values()
    assert hall.geometry.equals(box(0, 0, 30, 20))


def test_an_outline_inside_a_hall_cuts_a_hole(ctx, document, screen):
    tool = HallTool(ctx, RECTANGLE)
    tool.press((20, 10))
    tool.press((25, 15))
    hall = document.plan.halls["hall-1"]
    assert isinstance(hall.geometry, Polygon) and len(hall.geometry.interiors) == 1
    assert screen.said[-1] == "Cut a hole of 25.0 m² in Hall A."


def test_typed_nonsense_and_too_few_corners_are_said(ctx, document, screen):
    tool = HallTool(ctx, POLYGON)
    tool.typed("abc")
    assert screen.said[-1] == "'abc' is not a length (12.5) or a point (30, 20)."
    tool.typed("5")
    assert screen.said[-1] == "Type a point such as 30, 20 to start; a length needs a start."
    tool.typed("0,0")
    tool.typed("10,0")
    tool.finish()
    assert screen.said[-1] == "A hall needs at least three corners."
    assert len(document.plan.halls) == 1


def test_a_zone_is_cut_at_the_wall_and_says_so(ctx, document, screen):
    asked = []
    ctx.edit_new_zone = lambda zone: asked.append(zone) or zone
    tool = ZoneTool(ctx, RECTANGLE)
    tool.press((50, 0))
    tool.press((70, 15))
    zone = document.plan.zones["zone-2"]
    assert zone.geometry.equals(box(50, 0, 60, 15)) and asked[0].name == "Zone 2"
    assert "150.0 m² outside the hall was left out" in screen.said[-1]
    ctx.edit_new_zone = lambda zone: None  # the zone dialog cancelled
    tool.press((5, 20))
    tool.press((15, 30))
    assert "zone-3" not in document.plan.zones and screen.said[-1] == "Zone dropped."


def test_a_door_lands_on_the_nearest_wall_centred_on_the_grid(ctx, document):
    tool = DoorTool(ctx, kind=EXIT, width=2.0)
    tool.press((20.2, 0.4))
    (door,) = document.plan.doors.values()
    assert door.name == "Exit 1" and door.kind == EXIT and door.width == 2.0
    assert list(door.line.coords) == [(19.0, 0.0), (21.0, 0.0)]
    tool.press((20, 20))  # far from every wall
    assert len(document.plan.doors) == 1


def test_a_booth_takes_its_zones_size_and_the_next_number(ctx, document, screen):
    tool = BoothTool(ctx)
    tool.press((20.1, 10.2))
    booth = document.plan.booth_by_number("A04")
    assert booth is not None and booth.geometry.equals(box(20, 10, 23, 13))
    tool.press((20, 10))
    assert screen.said[-1] == "Another booth stands there."
    assert next_number(["A08", "A09", "B01"], "A") == "A10"


def test_columns_one_per_click_and_their_size_is_bounded(ctx, document, screen):
    tool = ObstacleTool(ctx, COLUMN, column_size=0.6)
    tool.press((10, 30))
    tool.typed("20, 30")
    assert len(document.plan.obstacles) == 2
    assert all(o.is_column for o in document.plan.obstacles.values())
    tool.press((10, 30))
    assert screen.said[-1] == "A column already stands there."
    try:
        tool.set_column_size(20)
    except TypedInputError as error:
        assert str(error) == "A column is between 0.05 and 10 m wide."
    else:
        raise AssertionError("a 20 m column was accepted")


def test_measure_says_the_distance_and_changes_nothing(ctx, document, screen):
    tool = MeasureTool(ctx)
    tool.press((0, 0))
    tool.release((3, 4))
    assert tool.last_distance == 5.0 and screen.said[-1].startswith("Distance 5.00 m")
    assert not document.pushed
