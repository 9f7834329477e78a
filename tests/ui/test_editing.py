"""Select, move, delete and undo on the real canvas, driven by mouse and keyboard events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shapely.geometry import box

from tests.ui.ui_helpers import click, drag


def test_click_selects_and_ctrl_click_adds(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    assert window.selection.all() == [("booths", "booth-1")]
    click(qtbot, window.view, 7.5, 4.5, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.all() == [("booths", "booth-1"), ("booths", "booth-2")]
    click(qtbot, window.view, 50, 5)  # empty hall floor: the hall is picked
    assert window.selection.all() == [("halls", "hall-1")]


def test_rubber_band_selects_what_lies_inside(window, qtbot):
    drag(qtbot, window.view, (2, 2), (10, 7))
    assert set(window.selection.all()) == {("booths", "booth-1"), ("booths", "booth-2")}


def test_drag_moves_a_booth_in_one_undo_step_and_undo_returns(window, qtbot):
    start = window.document.plan
    drag(qtbot, window.view, (4.5, 4.5), (4.5 + 10, 4.5 + 6), steps=6)
    moved = window.document.plan.booths["booth-1"].geometry
    assert moved.equals(box(13, 9, 16, 12))
    assert window.document.undo_stack.count() == 1
    assert window.isWindowModified()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan == start
    assert not window.isWindowModified()
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.document.plan.booths["booth-1"].geometry.equals(box(13, 9, 16, 12))


def test_delete_key_deletes_the_selection_and_undo_restores(window, qtbot):
    start = window.document.plan
    click(qtbot, window.view, 4.5, 4.5)
    window.commands["delete"].trigger()
    assert "booth-1" not in window.document.plan.booths
    assert window.scene.item("booths", "booth-1") is None
    assert window.selection.all() == []
    window.commands["undo"].trigger()
    assert window.document.plan == start
    assert window.scene.item("booths", "booth-1") is not None


def test_locked_booth_does_not_move(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    window.commands["lock"].trigger()
    assert window.document.plan.booths["booth-1"].locked
    drag(qtbot, window.view, (4.5, 4.5), (20, 20))
    assert window.document.plan.booths["booth-1"].geometry.equals(box(3, 3, 6, 6))


def test_merge_split_duplicate_rotate_renumber(window, qtbot):
    start = window.document.plan
    edit = window.edit
    window.selection.set([("booths", "booth-1"), ("booths", "booth-2")])
    edit.merge(keep_id="booth-2")
    plan = window.document.plan
    assert "booth-1" not in plan.booths
    assert plan.booths["booth-2"].geometry.equals(box(3, 3, 9, 6))
    assert plan.booths["booth-2"].number == "A02"
    edit.split()
    plan = window.document.plan
    assert len(plan.booths) == 3
    assert {round(b.geometry.area, 6) for b in plan.booths.values()} == {9.0}
    window.selection.set([("booths", "booth-3")])
    edit.duplicate()
    plan = window.document.plan
    assert len(plan.booths) == 4
    copy_id = window.selection.ids("booths")[0]
    assert plan.booths[copy_id].number == "A03b"
    edit.rotate()
    window.commands["select-all"].trigger()
    edit.renumber("prefix", prefix="B", start=1)
    numbers = sorted(b.number for b in window.document.plan.booths.values())
    assert numbers == ["B-01", "B-02", "B-03", "B-04"]
    for _ in range(5):
        window.commands["undo"].trigger()
    assert window.document.plan == start


def test_merge_refuses_booths_that_do_not_touch(window, qtbot):
    window.selection.set([("booths", "booth-1"), ("booths", "booth-3")])
    window.edit.merge(keep_id="booth-1")
    assert len(window.document.plan.booths) == 3
    assert window.document.undo_stack.count() == 0
    shown = window.findChild(QMessageBox, "error-box")
    assert shown is not None and "touch" in shown.text()


def test_drag_a_hall_corner(window, qtbot):
    click(qtbot, window.view, 20, 30)  # empty floor picks the hall
    assert window.selection.all() == [("halls", "hall-1")]
    drag(qtbot, window.view, (60, 40), (70, 40))
    hall = window.document.plan.halls["hall-1"]
    assert (70.0, 40.0) in list(hall.geometry.exterior.coords)
    assert hall.geometry.area == 60 * 40 + 10 * 40 / 2
    window.commands["undo"].trigger()
    assert window.document.plan.halls["hall-1"].geometry.equals(box(0, 0, 60, 40))


def test_drag_a_booth_corner_to_resize_it(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    drag(qtbot, window.view, (6, 6), (7.1, 7.9))  # north-east corner; snaps to 0.5 m
    booth = window.document.plan.booths["booth-1"]
    assert booth.geometry.equals(box(3, 3, 7, 8))
    assert window.document.undo_stack.count() == 1


def test_arrow_keys_nudge_the_selection(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert window.document.plan.booths["booth-1"].geometry.equals(box(3.5, 8, 6.5, 11))
    assert window.document.undo_stack.count() == 2
