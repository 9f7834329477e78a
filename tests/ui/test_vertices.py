"""Editing outlines' corners with the select tool: double-click an edge adds a corner, a click
picks a corner and Delete removes it; each one undo step; impossible removals refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shapely.geometry import Polygon, box

from planner.model import Obstacle
from tests.ui.ui_helpers import click, pos


def _double_click(qtbot, view, x, y):
    """As a real mouse does it: press and release, then the double-click (QTest's mouseDClick
    alone sends only the last)."""
    click(qtbot, view, x, y)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos(view, x, y))


def _corners(geometry) -> list[tuple[float, float]]:
    return [(round(x, 6), round(y, 6)) for x, y in list(geometry.exterior.coords)[:-1]]


def test_double_click_on_a_hall_edge_adds_a_corner_then_delete_removes_it(window, qtbot):
    start = window.document.plan
    click(qtbot, window.view, 20, 30)  # the hall
    # Its north edge at x = 15: far from the zone's corner at (30, 40), which lies on that
    # same edge and took the double-click on some screens.
    _double_click(qtbot, window.view, 15, 40)
    hall = window.document.plan.halls["hall-1"]
    assert (15.0, 40.0) in _corners(hall.geometry)
    assert len(_corners(hall.geometry)) == 5 and hall.geometry.area == 60 * 40
    assert window.document.undo_stack.count() == 1
    assert window.tools["select"].picked_vertex() is not None  # the new corner is picked
    # Drag the new corner north: the hall grows a gable.
    qtbot.mousePress(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos(window.view, 15, 40)
    )
    qtbot.mouseMove(window.view.viewport(), pos(window.view, 15, 45))
    qtbot.mouseRelease(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos(window.view, 15, 50)
    )
    assert (15.0, 50.0) in _corners(window.document.plan.halls["hall-1"].geometry)
    assert window.document.undo_stack.count() == 2
    # Pick it with a click and Delete it: the hall is a rectangle again.
    click(qtbot, window.view, 15, 50)
    assert window.tools["select"].picked_vertex() == (("halls", "hall-1"), (0, 2))
    window.commands["delete"].trigger()
    hall = window.document.plan.halls["hall-1"]
    assert hall.geometry.equals(box(0, 0, 60, 40)) and len(_corners(hall.geometry)) == 4
    assert window.document.undo_stack.count() == 3
    assert "hall-1" in window.document.plan.halls  # the corner went, not the hall
    for _ in range(3):
        window.commands["undo"].trigger()
    assert window.document.plan == start


def test_a_triangle_keeps_its_three_corners(window, qtbot):
    plan = window.document.plan
    triangle = Obstacle("obstacle-1", "Cột 大理", Polygon([(40, 5), (50, 5), (45, 12)]))
    window.document.replace_plan(plan.apply(plan.edit("add").put(triangle).build()), None)
    start = window.document.plan
    click(qtbot, window.view, 45, 7)  # the obstacle
    assert window.selection.all() == [("obstacles", "obstacle-1")]
    click(qtbot, window.view, 45, 12)  # its top corner
    assert window.tools["select"].picked_vertex() is not None
    window.commands["delete"].trigger()
    box_ = window.findChild(QMessageBox, "error-box")
    assert box_ is not None and "three corners" in box_.text() and box_.text().endswith(".")
    assert window.document.plan is start
    assert window.document.undo_stack.count() == 0


def test_removing_a_corner_that_would_cross_the_outline_is_refused(window, qtbot):
    # A U-shaped zone (a slot from the north): without its south-west corner, the new edge
    # from the north-west corner to the south-east one would cut through the slot.
    plan = window.document.plan
    zone = plan.zones["zone-1"]
    u_shape = Polygon(
        [(30, 20), (60, 20), (60, 40), (45, 40), (45, 25), (40, 25), (40, 40), (30, 40)]
    )
    assert u_shape.is_valid
    from dataclasses import replace

    window.document.replace_plan(
        plan.apply(plan.edit("z").put(replace(zone, geometry=u_shape)).build()), None
    )
    start = window.document.plan
    window.selection.set([("zones", "zone-1")])
    click(qtbot, window.view, 30, 20)
    assert window.tools["select"].picked_vertex() == (("zones", "zone-1"), (0, 0))
    window.commands["delete"].trigger()
    assert window.document.plan is start
    shown = window.findChild(QMessageBox, "error-box")
    assert shown is not None and "cross itself" in shown.text()


def test_delete_without_a_picked_corner_deletes_the_shape(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    window.commands["delete"].trigger()
    assert "booth-1" not in window.document.plan.booths


def test_double_click_on_a_booth_at_a_zone_edge_leaves_the_zone_alone(window, qtbot):
    from planner.model import Booth

    plan = window.document.plan
    edge_booth = Booth("booth-9", "B01", box(30, 25, 33, 28))  # against the zone's west edge
    window.document.replace_plan(plan.apply(plan.edit("b").put(edge_booth).build()), None)
    start = window.document.plan
    _double_click(qtbot, window.view, 30.2, 26.5)  # on the booth, by the zone's edge
    assert window.document.plan is start
    assert window.selection.all() == [("booths", "booth-9")]
    window.selection.set([("zones", "zone-1")])  # with the zone selected, just outside the booth
    _double_click(qtbot, window.view, 29.8, 26.5)
    assert (30.0, 26.5) in _corners(window.document.plan.zones["zone-1"].geometry)
    assert window.document.undo_stack.count() == 1
