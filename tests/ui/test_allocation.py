"""Plan → Allocate exhibitors: a dialog shows who goes where and who not and why; Apply is one
undo step, Cancel changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner.model import Exhibitor

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _with_two_more_exhibitors(window) -> None:
    plan = window.document.plan
    window.document.replace_plan(
        plan.apply(
            plan.edit("add")
            .put(
                Exhibitor("exhibitor-2", "Công ty 云南 Trà", sector="agriculture", booths_wanted=1)
            )
            .put(Exhibitor("exhibitor-3", "Hợp tác xã Hải Phòng", booths_wanted=5))
            .build()
        ),
        None,
    )


def _open(window, qtbot):
    window.commands["allocate"].trigger()
    dialog = window.booking.allocation_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_cancel_changes_nothing(window, qtbot):
    _with_two_more_exhibitors(window)
    start = window.document.plan
    dialog = _open(window, qtbot)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert window.document.plan is start
    assert window.document.undo_stack.count() == 0


def test_dialog_lists_placed_and_unplaced_and_apply_is_one_undo_step(window, qtbot):
    _with_two_more_exhibitors(window)
    start = window.document.plan
    dialog = _open(window, qtbot)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "allocation-dialog.png"))
    placed = [
        [dialog.placed.item(r, c).text() for c in range(4)] for r in range(dialog.placed.rowCount())
    ]
    names = {row[0] for row in placed}
    assert names == {"HTX Chè Shan Tuyết Sơn La", "Công ty 云南 Trà"}
    assert all(row[1].startswith("A0") and row[2] == "Reserved" for row in placed)
    assert dialog.unplaced.rowCount() == 1
    refused = [dialog.unplaced.item(0, c).text() for c in range(3)]
    assert refused[:2] == ["Hợp tác xã Hải Phòng", "5"]
    assert refused[2].endswith(".")  # one sentence: why not
    # The reason wraps onto more lines instead of being cut: its row is taller than one line.
    dialog.tabs.setCurrentWidget(dialog.unplaced)
    qtbot.wait(20)
    assert dialog.unplaced.rowHeight(0) > 1.5 * dialog.unplaced.fontMetrics().height()
    assert "2" in dialog.summary.text() and "1" in dialog.summary.text()
    assert dialog.summary.text().startswith("2 exhibitors placed on ")
    assert "(s)" not in dialog.summary.text() and "1 could not be placed." in dialog.summary.text()
    dialog.tabs.setCurrentWidget(dialog.unplaced)
    qtbot.wait(20)
    dialog.grab().save(str(ARTIFACTS / "allocation-dialog-unplaced.png"))
    assert window.document.plan is start  # nothing changes before Apply
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    plan = window.document.plan
    held = {b.exhibitor_id for b in plan.booths.values() if b.exhibitor_id}
    assert held == {"exhibitor-1", "exhibitor-2"}
    assert window.document.undo_stack.count() == 1
    assert len(window.selection.ids("booths")) == 2  # the booths just allocated
    window.commands["undo"].trigger()
    assert window.document.plan == start


def test_nothing_to_allocate_disables_apply(window, qtbot):
    window.document.replace_plan(
        window.document.plan.apply(
            window.document.plan.edit("x").delete("exhibitors", "exhibitor-1").build()
        ),
        None,
    )
    dialog = _open(window, qtbot)
    assert not dialog.apply_button.isEnabled()
    dialog.reject()
    assert window.document.undo_stack.count() == 0


def test_allocate_only_the_exhibitors_selected_in_the_table(window, qtbot):
    from PySide6.QtCore import QItemSelectionModel

    _with_two_more_exhibitors(window)
    action = window.commands["allocate-selected"]
    assert not action.isEnabled()  # nothing selected yet: greyed out, and the tooltip says why
    assert "Select exhibitors in the exhibitor table first." in action.toolTip()
    panel = window.exhibitors
    row = panel.visible_ids().index("exhibitor-2")
    panel.table.selectionModel().select(
        panel.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.selected_ids() == ["exhibitor-2"]
    dialog = _open_selected(window, qtbot)
    assert dialog.placed.rowCount() == 1 and dialog.unplaced.rowCount() == 0
    assert dialog.placed.item(0, 0).text() == "Công ty 云南 Trà"
    dialog.apply_button.click()
    held = {b.exhibitor_id for b in window.document.plan.booths.values() if b.exhibitor_id}
    assert held == {"exhibitor-2"}
    assert window.document.undo_stack.count() == 1


def _open_selected(window, qtbot):
    window.commands["allocate-selected"].trigger()
    dialog = window.booking.allocation_dialog
    qtbot.waitExposed(dialog)
    return dialog
