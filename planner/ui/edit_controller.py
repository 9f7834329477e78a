"""Edit-menu commands on the selection: each builds one patch with planner.editing.edits."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from planner.editing import edits
from planner.ui.dialogs import RenumberDialog, ZoneDialog
from planner.ui.errors import guarded, pushed, show_error

DUPLICATE_OFFSET_M = 1.0


class EditController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    @property
    def document(self):
        return self.window.document

    @property
    def selection(self):
        return self.window.selection

    def _push(self, make) -> bool:
        return pushed(self.window, lambda: self.document.push(make()))

    def _need(self, table: str | None = None) -> list:
        keys = self.selection.all()
        if table is not None:
            keys = [k for k in keys if k[0] == table]
        if not keys:
            what = f"{table[:-1]}" if table else "something"
            self.window.statusBar().showMessage(self.tr("Select %1 first.").replace("%1", what))
        return keys

    def delete(self) -> None:
        select_tool = self.window.tools["select"]
        if self.window.view.tool is select_tool and select_tool.picked_vertex() is not None:
            guarded(self.window, select_tool.remove_picked)  # a picked corner, not the shape
            return
        keys = self._need()
        if keys:
            plan = self.document.plan
            self._push(lambda: edits.delete(plan, keys))

    def duplicate(self) -> None:
        keys = self._need()
        if not keys:
            return
        patch, new_keys = edits.duplicate(
            self.document.plan, keys, DUPLICATE_OFFSET_M, -DUPLICATE_OFFSET_M
        )
        if self._push(lambda: patch):
            self.selection.set(new_keys)

    def select_all(self) -> None:
        plan = self.document.plan
        self.selection.set([("booths", i) for i in plan.booths])

    def rotate(self) -> None:
        keys = self._need()
        if keys:
            plan = self.document.plan
            self._push(lambda: edits.rotate(plan, keys, 90.0))

    def merge(self, keep_id: str | None = None) -> None:
        ids = [i for _, i in self._need("booths")]
        if len(ids) < 2:
            show_error(self.window, self.tr("Select at least two booths to merge."))
            return
        plan = self.document.plan
        if keep_id is None:
            numbers = [plan.booths[i].number for i in ids]
            number, ok = QInputDialog.getItem(
                self.window,
                self.tr("Merge booths"),
                self.tr("Number that stays:"),
                numbers,
                0,
                False,
            )
            if not ok:
                return
            keep_id = ids[numbers.index(number)]
        if self._push(lambda: edits.merge_booths(plan, ids, keep_id)):
            self.selection.set([("booths", keep_id)])

    def split(self) -> None:
        ids = [i for _, i in self._need("booths")]
        if len(ids) != 1:
            show_error(self.window, self.tr("Select one booth to split."))
            return
        plan = self.document.plan
        self._push(lambda: edits.split_booth(plan, ids[0]))

    def release(self) -> None:
        """Make the selected booths available again (booking history records it)."""
        ids = [i for _, i in self._need("booths")]
        if ids:
            from planner.model import booking

            plan = self.document.plan
            self._push(lambda: booking.release(plan, ids))

    def lock(self, locked: bool) -> None:
        ids = [i for _, i in self._need("booths")]
        if ids:
            plan = self.document.plan
            self._push(lambda: edits.set_locked(plan, ids, locked))

    def renumber(self, scheme: str | None = None, prefix: str = "", start: int = 1) -> None:
        """Renumber the selected booths in one of the packer's schemes (one undo step)."""
        ids = [i for _, i in self._need("booths")]
        if not ids:
            return
        if scheme is None:
            dialog = RenumberDialog(len(ids), self.window)
            if not dialog.exec():
                return
            scheme = dialog.scheme.currentData()
            prefix, start = dialog.prefix.text().strip(), dialog.start.value()
        plan = self.document.plan

        def patch():
            from planner.packing.numbering import renumber

            try:
                return renumber(plan, ids, scheme, prefix=prefix, start=start)
            except ValueError as error:
                raise edits.EditRefused(f"Cannot renumber: {error}.") from None

        self._push(patch)

    def freeze(self, frozen: bool) -> None:
        """Plan → Freeze numbers: the selected booths' numbers (every booth's when none is
        selected) are kept through re-packs; Unfreeze lets them change again."""
        from planner.model.frozen import freeze_numbers, unfreeze_numbers

        plan = self.document.plan
        ids = self.selection.ids("booths") or None
        make = freeze_numbers if frozen else unfreeze_numbers
        patch = make(plan, ids)
        if self._push(lambda: patch):
            self.window.statusBar().showMessage(f"{patch.description}.")

    def edit_zone(self) -> None:
        ids = [i for _, i in self._need("zones")]
        if len(ids) != 1:
            return
        plan = self.document.plan
        dialog = ZoneDialog(plan.zones[ids[0]], self.window)
        if dialog.exec():
            zone = dialog.zone()
            self._push(lambda: plan.edit("Zone rules").put(zone).build())
