"""Booking from the app: assign selected booths to an exhibitor picked from a searchable list,
move a booking, refusals as one-sentence message boxes, and the booth's history in its
properties (newest first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox

from planner.model import Exhibitor
from planner.ui.booking_controller import ExhibitorPicker
from tests.ui.ui_helpers import click

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _with_second_exhibitor(window) -> None:
    plan = window.document.plan
    extra = Exhibitor("exhibitor-2", "Công ty Trà 云南", sector="agriculture", country="CN")
    window.document.replace_plan(plan.apply(plan.edit("add").put(extra).build()), None)


def _history(window) -> list[list[str]]:
    view = window.properties.findChild(QListWidget, "booking-history")
    assert view is not None
    return [list(view.item(r).data(Qt.ItemDataRole.UserRole))[:4] for r in range(view.count())]


def test_picker_searches_names_in_any_script(window, qtbot):
    _with_second_exhibitor(window)
    picker = ExhibitorPicker(window.document.plan, 2, window)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.visible_ids() == ["exhibitor-1", "exhibitor-2"]
    picker.search.setText("云南")  # QTest cannot type Chinese; the text is what matters
    assert picker.visible_ids() == ["exhibitor-2"]
    assert picker.exhibitor_id() == "exhibitor-2"
    picker.search.setText("  htx  CHÈ ")  # case and spaces forgiven
    assert picker.visible_ids() == ["exhibitor-1"]
    qtbot.keyClicks(picker.search, "zzz")
    assert picker.visible_ids() == [] and not picker.ok_button.isEnabled()
    picker.search.setText("")
    ARTIFACTS.mkdir(exist_ok=True)
    picker.grab().save(str(ARTIFACTS / "exhibitor-picker.png"))


def test_assign_action_with_the_picker_then_history_in_properties(window, qtbot):
    _with_second_exhibitor(window)
    start = window.document.plan
    click(qtbot, window.view, 4.5, 4.5)
    click(qtbot, window.view, 7.5, 4.5, Qt.KeyboardModifier.ControlModifier)

    def pick():
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, ExhibitorPicker)
        picker.search.setText("Trà 云南")
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    window.commands["assign"].trigger()
    plan = window.document.plan
    assert plan.booths["booth-1"].exhibitor_id == "exhibitor-2"
    assert plan.booths["booth-2"].exhibitor_id == "exhibitor-2"
    assert plan.booths["booth-1"].status == "reserved"
    assert window.document.undo_stack.count() == 1
    # Move booth-1's booking to the free A03: history of A03 shows the move, newest first.
    window.selection.set([("booths", "booth-1")])
    assert window.booking.move("A03")
    plan = window.document.plan
    assert plan.booths["booth-3"].exhibitor_id == "exhibitor-2"
    assert plan.booths["booth-1"].exhibitor_id is None
    assert window.selection.all() == [("booths", "booth-3")]
    rows = _history(window)
    assert len(rows) == 1 and rows[0][1:] == ["Moved", "Reserved", "Công ty Trà 云南"]
    window.selection.set([("booths", "booth-1")])
    rows = _history(window)
    assert [r[1] for r in rows] == ["Moved", "Assigned"]  # newest first
    assert rows[1][2:] == ["Reserved", "Công ty Trà 云南"]
    assert rows[0][0][:2] == "20" and "T" not in rows[0][0]  # a readable date
    ARTIFACTS.mkdir(exist_ok=True)
    qtbot.wait(50)  # let the rebuilt form lay out before the picture
    window.docks["properties"].grab().save(str(ARTIFACTS / "booth-history.png"))
    window.commands["undo"].trigger()
    window.commands["undo"].trigger()
    assert window.document.plan == start


def test_booking_refusals_are_one_sentence_and_change_nothing(window, qtbot):
    _with_second_exhibitor(window)
    window.selection.set([("booths", "booth-1")])
    window.booking.assign("exhibitor-1")
    start = window.document.plan
    count = window.document.undo_stack.count()
    window.selection.set([("booths", "booth-1")])
    window.booking.assign("exhibitor-2")  # held by someone else
    box = window.findChild(QMessageBox, "error-box")
    assert box is not None and box.text().endswith(".") and "\n" not in box.text()
    assert window.document.plan is start
    box.close()
    box.deleteLater()
    window.booking.move("A01")  # onto itself
    assert window.document.plan is start
    window.booking.move("Z99")  # no such booth
    assert window.document.plan is start
    assert window.document.undo_stack.count() == count


def test_a_booth_without_bookings_says_so(window, qtbot):
    click(qtbot, window.view, 4.5, 4.5)
    assert _history(window)[0][0] == "No booking yet."


def test_move_booking_asks_for_a_free_booth(window, qtbot):
    from PySide6.QtWidgets import QInputDialog

    window.selection.set([("booths", "booth-1")])
    window.booking.assign("exhibitor-1")
    offered: list[list[str]] = []

    def pick():
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QInputDialog)
            offered.append(dialog.comboBoxItems())
            dialog.setTextValue("A03")
            dialog.accept()
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, pick)
    window.commands["move-booking"].trigger()
    assert offered == [["A02", "A03"]]  # only the free booths
    plan = window.document.plan
    assert plan.booths["booth-3"].exhibitor_id == "exhibitor-1"
    assert plan.booths["booth-1"].status == "available"


def test_a_refused_status_change_in_properties_is_a_message_box(window, qtbot):
    from PySide6.QtWidgets import QComboBox

    click(qtbot, window.view, 4.5, 4.5)
    start = window.document.plan
    combo = window.properties.findChild(QComboBox, "prop-status")
    combo.setCurrentIndex(combo.findData("confirmed"))  # no exhibitor holds it
    window.properties.apply_button.click()
    box = window.findChild(QMessageBox, "error-box")
    assert box is not None and box.text().endswith(".") and "\n" not in box.text()
    assert window.document.plan is start


def test_right_click_on_a_booth_offers_booking(window, qtbot):
    from PySide6.QtGui import QContextMenuEvent

    from planner.ui.canvas_menu import canvas_menu
    from tests.ui.ui_helpers import pos

    # The real event: a context-menu event on the canvas pops the menu up for booth A02.
    port = window.view.viewport()
    at = pos(window.view, 7.5, 4.5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, port.mapToGlobal(at))
    QApplication.sendEvent(port, event)
    assert window.selection.all() == [("booths", "booth-2")]  # selected by the right-click
    menu = window.canvas_menu
    qtbot.waitUntil(menu.isVisible)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[:3] == ["assign", "move-booking", "release"]
    menu.close()

    def pick():
        picker = QApplication.activeModalWidget()
        try:
            assert isinstance(picker, ExhibitorPicker)
            picker.accept()  # the first exhibitor
        finally:
            if picker is not None and picker.isVisible():
                picker.reject()

    QTimer.singleShot(0, pick)
    menu.actions()[0].trigger()  # Assign…
    assert window.document.plan.booths["booth-2"].exhibitor_id == "exhibitor-1"
    assert canvas_menu(window, pos(window.view, -20, -20)) is None  # empty floor: no menu
