"""Edit → Find, and showing a booth or an exhibitor's booths on the canvas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from planner.model.roster import match_exhibitors
from planner.wording import counted

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class FindController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def find(self) -> bool:
        """A booth by its number, or an exhibitor by name (any part, accents optional); the
        booths found are selected and shown."""
        w = self.window
        text, ok = QInputDialog.getText(
            w, self.tr("Find"), self.tr("Booth number or exhibitor name:")
        )
        text = text.strip()
        if not ok or not text:
            return False
        plan = w.document.plan
        booth = plan.booth_by_number(text) or next(
            (b for b in plan.booths.values() if b.number.casefold() == text.casefold()), None
        )
        if booth is not None:
            self.show_booth(booth.id)
            w.statusBar().showMessage(self.tr("Booth %1.").replace("%1", booth.number))
            return True
        matches = match_exhibitors(plan, text)
        if not matches:
            w.statusBar().showMessage(
                self.tr("No booth or exhibitor matches %1.").replace("%1", text)
            )
            return False
        # The booths shown are those of the row the table highlights (the first in its order;
        # they used to be another match's).
        first = w.exhibitors.show_only([e.id for e in matches], text) or matches[0].id
        w.docks["exhibitors"].show()
        w.docks["exhibitors"].raise_()
        self.show_exhibitor(first)
        if len(matches) > 1:
            w.statusBar().showMessage(
                self.tr("%1 match %2; the first is shown, the others are in the table.")
                .replace("%1", counted(len(matches), "exhibitor"))
                .replace("%2", text)
            )
        return True

    def show_booth(self, booth_id: str) -> None:
        """Select the booth and centre the canvas on it."""
        w = self.window
        booth = w.document.plan.booths.get(booth_id)
        if booth is None:
            return
        w.selection.set([("booths", booth_id)])
        centre = booth.geometry.centroid
        w.view.centre_on_model(centre.x, centre.y)

    def show_exhibitor(self, exhibitor_id: str) -> None:
        """Select the exhibitor's booths and show the first."""
        w = self.window
        booths = w.document.plan.booths_of(exhibitor_id)
        if not booths:
            w.statusBar().showMessage(self.tr("This exhibitor has no booth yet."))
            return
        w.selection.set([("booths", b.id) for b in booths])
        centre = booths[0].geometry.centroid
        w.view.centre_on_model(centre.x, centre.y)
