"""Booking from the app: allocate waiting exhibitors, assign the selected booths to an
exhibitor, move a booking to another booth. Each is one patch (one undo step) from
:mod:`planner.model.booking` or :mod:`planner.packing.allocate`, so the booths' history records
it; a refusal (a blocked booth, one held by someone else) is its one sentence in a message box."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from planner.model import Plan
from planner.model.roster import name_key
from planner.model.status import AVAILABLE, RESERVED
from planner.ui.errors import guarded, pushed, show_error
from planner.wording import counted


def _drop(controller, exhibitor_id: str, x: float, y: float, modifiers) -> bool:
    """An exhibitor dragged from the table onto the booth at (x, y).

    With no booth yet, the booth becomes its, reserved (never straight to sold). When it holds
    booths already, the organiser chooses: move a booking here, or add this booth (Shift adds
    and Alt moves without asking); going over the number wanted is said in the status bar.
    """
    from planner.model import booking

    window = controller.window
    plan = window.document.plan
    key = window.ctx.index().at(x, y, tables=("booths",))
    exhibitor = plan.exhibitors.get(exhibitor_id)
    if key is None or exhibitor is None:
        window.statusBar().showMessage(window.tr("Drop the exhibitor onto a booth."))
        return False
    booth = plan.booths[key[1]]
    held = [b for b in plan.booths_of(exhibitor_id) if b.id != booth.id]
    choice = ("add", None)
    if held:
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            choice = ("add", None)
        elif modifiers & Qt.KeyboardModifier.AltModifier:
            choice = ("move", held[0].id)
        else:
            picked = drop_menu(window, exhibitor, held, booth).exec(QCursor.pos())
            if picked is None or picked.data() is None:
                window.statusBar().showMessage(window.tr("Nothing changed."))
                return False
            choice = picked.data()
    kind, source = choice
    if kind == "move":
        make = lambda: booking.move(plan, source, booth.id)  # noqa: E731
    else:
        make = lambda: booking.assign(plan, [booth.id], exhibitor_id, status=RESERVED)  # noqa: E731
    if not pushed(window, lambda: window.document.push(make())):
        return False
    window.selection.set([key])
    total = len(held) + (1 if kind == "add" else 0)
    if kind == "add" and total > exhibitor.booths_wanted:
        window.statusBar().showMessage(
            window.tr("%1 now holds %2; %3 wanted.")
            .replace("%1", exhibitor.name)
            .replace("%2", counted(total, "booth"))
            .replace("%3", str(exhibitor.booths_wanted))
        )
    return True


class ExhibitorPicker(QDialog):
    """A searchable list of the plan's exhibitors; ``exhibitor_id()`` is the one picked."""

    def __init__(self, plan: Plan, booth_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exhibitor-picker")
        self.setWindowTitle(self.tr("Assign to exhibitor"))
        held: dict[str, int] = {}
        for booth in plan.booths.values():
            if booth.exhibitor_id:
                held[booth.exhibitor_id] = held.get(booth.exhibitor_id, 0) + 1
        self.search = QLineEdit()
        self.search.setObjectName("exhibitor-picker-search")
        self.search.setPlaceholderText(self.tr("Search name, sector, country…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("exhibitor-picker-list")
        for e in plan.exhibitors.values():
            details = ", ".join(x for x in (e.sector, e.country) if x)
            text = e.name + (f" ({e.name_en})" if e.name_en else "")
            text += f" — {details}" if details else ""
            text += "  " + self.tr("[holds %1 of %2]").replace("%1", str(held.get(e.id, 0)))
            item = QListWidgetItem(text.replace("%2", str(e.booths_wanted)))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, name_key(f"{e.name} {e.name_en} {details}"))
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._accept_first)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Assign {counted(booth_count, 'booth')} to:"))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._update_ok)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_ok()
        self.resize(480, 420)

    def visible_ids(self) -> list[str]:
        return [
            self.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.list.count())
            if not self.list.item(r).isHidden()
        ]

    def exhibitor_id(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def _filter(self, text: str) -> None:
        needle = name_key(text)
        first = None
        for r in range(self.list.count()):
            item = self.list.item(r)
            hidden = bool(needle) and needle not in item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(first)
        self._update_ok()

    def _update_ok(self, *_ignored) -> None:
        self.ok_button.setEnabled(self.exhibitor_id() is not None)

    def _accept_first(self) -> None:
        if self.exhibitor_id() is not None:
            self.accept()


class BookingController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def drop(self, exhibitor_id: str, x: float, y: float, modifiers) -> bool:
        return _drop(self, exhibitor_id, x, y, modifiers)

    def _booth_ids(self) -> list[str]:
        ids = self.window.selection.ids("booths")
        if not ids:
            self.window.statusBar().showMessage(self.tr("Select booths first."))
        return ids

    def assign(self, exhibitor_id: str | None = None) -> bool:
        """Assign the selected booths to an exhibitor (picked from a list unless given)."""
        ids = self._booth_ids()
        if not ids:
            return False
        plan = self.window.document.plan
        if not plan.exhibitors:
            show_error(self.window, self.tr("The plan has no exhibitors yet; import them first."))
            return False
        if exhibitor_id is None:
            self.picker = ExhibitorPicker(plan, len(ids), self.window)
            if not self.picker.exec():
                return False
            exhibitor_id = self.picker.exhibitor_id()
            if exhibitor_id is None:
                return False
        exhibitor = plan.exhibitors.get(exhibitor_id)
        status = getattr(exhibitor, "booking_status", RESERVED) or RESERVED

        def patch():
            from planner.model import booking

            return booking.assign(plan, ids, exhibitor_id, status=status)

        return pushed(self.window, lambda: self.window.document.push(patch()))

    def move(self, target_number: str | None = None) -> bool:
        """Move the selected booth's booking (exhibitor and status) to a free booth."""
        ids = self._booth_ids()
        if len(ids) != 1:
            if ids:
                show_error(self.window, self.tr("Select the one booth whose booking moves."))
            return False
        plan = self.window.document.plan
        source = plan.booths[ids[0]]
        if target_number is None:
            free = sorted(
                b.number
                for b in plan.booths.values()
                if b.status == AVAILABLE and b.exhibitor_id is None
            )
            target_number, ok = QInputDialog.getItem(
                self.window,
                self.tr("Move booking"),
                self.tr("Move the booking of %1 to booth:").replace("%1", source.number),
                free,
                0,
                True,
            )
            if not ok:
                return False
        target_number = target_number.strip()

        def patch():
            from planner.model import booking

            return booking.move(plan, source.id, target_number)

        done = pushed(self.window, lambda: self.window.document.push(patch()))
        if done:
            target = self.window.document.plan.booth_by_number(target_number)
            if target is not None:
                self.window.selection.set([("booths", target.id)])
                # Show where the booking went: the target is often across the hall.
                centre = target.geometry.centroid
                self.window.view.centre_on_model(centre.x, centre.y)
        return bool(done)

    # -- allocation --------------------------------------------------------------------------
    def allocate(self, only_selected: bool = False) -> None:
        """Plan → Allocate exhibitors: show the proposal; Apply pushes it as one undo step.

        ``only_selected``: just the exhibitors selected in the exhibitor table.
        """
        from planner.packing.allocate import allocate
        from planner.ui.allocation_dialog import AllocationDialog

        window = self.window
        plan = window.document.plan
        ids = None
        if only_selected:
            ids = window.exhibitors.selected_ids()
            if not ids:
                show_error(window, self.tr("Select exhibitors in the exhibitor table first."))
                return
        found = guarded(window, lambda: allocate(plan, exhibitor_ids=ids))
        if not found:
            return
        self.allocation_dialog = AllocationDialog(found.value, window)
        self.allocation_dialog.accepted.connect(self._apply_allocation)
        self.allocation_dialog.open()

    def _apply_allocation(self) -> None:
        result = self.allocation_dialog.result_
        document = self.window.document
        if result.patch and pushed(
            self.window, lambda: document.push(result.patch, self.tr("Allocate exhibitors"))
        ):
            placed = [("booths", i) for p in result.placed for i in p.booth_ids]
            self.window.selection.set([k for k in placed if k[1] in document.plan.booths])


def drop_menu(window, exhibitor, held: list, booth) -> QMenu:
    """The small menu a drop opens when the exhibitor holds booths already."""
    tr = window.tr
    menu = QMenu(window)
    menu.setObjectName("drop-menu")
    for source in held[:8]:
        action = menu.addAction(
            tr("Move %1 here from %2").replace("%1", exhibitor.name).replace("%2", source.number)
        )
        action.setObjectName(f"move-from-{source.id}")
        action.setData(("move", source.id))
    after = len(held) + 1
    add = menu.addAction(
        tr("Add booth %1 too (then %2 of %3 wanted)")
        .replace("%1", booth.number)
        .replace("%2", counted(after, "booth"))
        .replace("%3", str(exhibitor.booths_wanted))
    )
    add.setObjectName("add-booth")
    add.setData(("add", None))
    menu.addSeparator()
    cancel = menu.addAction(tr("Cancel"))
    cancel.setObjectName("cancel-drop")
    return menu
