"""Exhibitors by hand in the app: add, edit, remove, import a CSV; each one undo step.

The exhibitor worked on is the one selected in the Exhibitors panel, or else the holder of the
booth selected on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from planner.model.roster import remove_exhibitor
from planner.ui.errors import pushed
from planner.ui.exhibitor_dialog import ExhibitorDialog
from planner.wording import counted


class RosterController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def _current(self) -> str | None:
        window = self.window
        picked = window.exhibitors.selected_ids()
        if picked:
            return picked[0]
        plan = window.document.plan
        for table, id_ in window.selection.all():
            booth = plan.booths.get(id_) if table == "booths" else None
            if booth is not None and booth.exhibitor_id in plan.exhibitors:
                return booth.exhibitor_id
        window.statusBar().showMessage(
            self.tr("Select an exhibitor in the Exhibitors panel, or one of its booths, first.")
        )
        return None

    def add(self) -> bool:
        return self._edit(None)

    def edit(self) -> bool:
        exhibitor_id = self._current()
        return exhibitor_id is not None and self._edit(exhibitor_id)

    def _edit(self, exhibitor_id: str | None) -> bool:
        window = self.window
        plan = window.document.plan
        dialog = ExhibitorDialog(plan, plan.exhibitors.get(exhibitor_id or ""), window)
        if not dialog.exec():
            return False
        patch = dialog.patch()
        if not pushed(window, lambda: window.document.push(patch)):
            return False
        window.statusBar().showMessage(f"{patch.description}.")
        return True

    def remove(self) -> bool:
        exhibitor_id = self._current()
        if exhibitor_id is None:
            return False
        window = self.window
        plan = window.document.plan
        exhibitor = plan.exhibitors[exhibitor_id]
        held = len(plan.booths_of(exhibitor_id))
        text = self.tr("Remove %1 from the plan?").replace("%1", exhibitor.name)
        if held:
            text += " " + self.tr("Its %1 become available.").replace("%1", counted(held, "booth"))
        answer = QMessageBox.question(
            window,
            self.tr("Remove exhibitor"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        patch = remove_exhibitor(plan, exhibitor_id)
        if not pushed(window, lambda: window.document.push(patch)):
            return False
        window.statusBar().showMessage(f"{patch.description}.")
        return True

    def import_csv(self) -> bool:
        from planner.ui.exhibitor_import import import_exhibitors

        return import_exhibitors(self.window)


__all__ = ["RosterController"]
