"""Dropping an exhibitor from the table on a booth.

Issue "An organiser's whole job", break 5: the drop added a booth (Held 2 / Wanted 1, no word)
and set it straight to confirmed; the drag image was a whole table row; the target was not
highlighted. Now the first booth is reserved, a second drop asks (move here or add, Shift adds,
Alt moves), going over the number wanted is said, the booth under the cursor lights up, and the
drag carries a small name tag.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from planner.ui.panels.exhibitors import EXHIBITOR_MIME, _name_tag
from tests.ui.ui_helpers import pos


def _mime(exhibitor_id: str = "exhibitor-1") -> QMimeData:
    mime = QMimeData()
    mime.setData(EXHIBITOR_MIME, exhibitor_id.encode())
    return mime


def _drop(window, x, y, modifiers=Qt.KeyboardModifier.NoModifier):
    point = QPointF(pos(window.view, x, y))
    mime = _mime()  # kept alive: the event holds only a pointer to it
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, modifiers)
    window.view.dropEvent(event)


def _pick_in_menu(name: str) -> list[str]:
    """Choose the entry ``name`` of the drop menu once it is open; returns what it offered."""
    offered: list[str] = []

    def attempt(left=100):
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.objectName() == "drop-menu":
            offered.extend(a.objectName() for a in menu.actions() if a.objectName())
            action = next(a for a in menu.actions() if a.objectName() == name)
            menu.setActiveAction(action)  # as arrow keys would, then Enter picks it
            QTest.keyClick(menu, Qt.Key.Key_Return)
        elif left:
            QTimer.singleShot(20, lambda: attempt(left - 1))

    QTimer.singleShot(0, attempt)
    return offered


def _wants_confirmed(window):
    plan = window.document.plan
    e = replace(plan.exhibitors["exhibitor-1"], booking_status="confirmed", booths_wanted=1)
    window.document.replace_plan(plan.apply(plan.edit("x").put(e).build()), None)


def test_the_first_drop_reserves_the_booth_never_straight_to_sold(window):
    _wants_confirmed(window)
    _drop(window, 4.5, 4.5)
    booth = window.document.plan.booths["booth-1"]
    assert (booth.exhibitor_id, booth.status) == ("exhibitor-1", "reserved")


def test_a_second_drop_asks_move_or_add_and_warns_over_the_number_wanted(window):
    _wants_confirmed(window)
    _drop(window, 4.5, 4.5)  # booth-1
    offered = _pick_in_menu("move-from-booth-1")
    _drop(window, 7.5, 4.5)  # booth-2
    assert offered == ["move-from-booth-1", "add-booth", "cancel-drop"]
    plan = window.document.plan
    assert plan.booths["booth-1"].exhibitor_id is None
    assert plan.booths["booth-2"].exhibitor_id == "exhibitor-1"
    _pick_in_menu("add-booth")
    _drop(window, 10.5, 4.5)  # booth-3, a second booth for one wanted
    assert window.document.plan.booths["booth-3"].exhibitor_id == "exhibitor-1"
    assert window.statusBar().currentMessage() == (
        "HTX Chè Shan Tuyết Sơn La now holds 2 booths; 1 wanted."
    )
    _pick_in_menu("cancel-drop")
    before = window.document.plan
    _drop(window, 4.5, 4.5)
    assert window.document.plan is before


def test_shift_adds_and_alt_moves_without_asking(window):
    _drop(window, 4.5, 4.5)
    _drop(window, 7.5, 4.5, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.document.plan.booths_of("exhibitor-1")) == 2
    _drop(window, 10.5, 4.5, Qt.KeyboardModifier.AltModifier)
    held = {b.id for b in window.document.plan.booths_of("exhibitor-1")}
    assert len(held) == 2 and "booth-3" in held


def test_the_booth_under_a_dragged_exhibitor_lights_up(window):
    point = QPointF(pos(window.view, 7.5, 4.5))
    mime = _mime()  # kept alive: the events hold only a pointer to it
    move = QDragMoveEvent(
        point.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dragMoveEvent(move)
    assert window.scene.drop_target == "booth-2" and move.isAccepted()
    off = QDragMoveEvent(
        pos(window.view, 40, 30),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dragMoveEvent(off)
    assert window.scene.drop_target is None and not off.isAccepted()


def test_the_drag_image_is_a_small_name_tag(window):
    tag = _name_tag(window.exhibitors.table, "HTX Chè Shan Tuyết Sơn La " * 5, 1)
    assert tag.deviceIndependentSize().width() <= 260
    assert tag.deviceIndependentSize().height() < 60
