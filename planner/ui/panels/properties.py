"""The properties of the selection, edited in a form; Apply pushes one undo step.

Every value is checked before anything changes: a booth width of "abc" or -3 is refused with
a sentence under the form, and the plan stays as it was.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.editing.booth_frame import booth_frame, booth_rectangle, check_size
from planner.errors import BoothplanError
from planner.model import Patch, PatchConflict
from planner.model.booking import BookingError
from planner.model.status import LABELS, STATUSES
from planner.model.zone_use import KNOWN_USES
from planner.ui.document import PlanDocument
from planner.ui.errors import show_error
from planner.ui.panels import fields
from planner.ui.panels.booking_history import history_view
from planner.ui.selection import Selection
from planner.wording import counted, no_negative_zero


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class PropertiesPanel(QWidget):
    def __init__(self, document: PlanDocument, selection: Selection, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.inputs: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("properties-title")
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        layout.addWidget(self.form_host)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("properties-apply")
        self.apply_button.clicked.connect(self.apply)
        layout.addWidget(self.apply_button)
        self.message = QLabel()
        self.message.setObjectName("properties-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        layout.addStretch(1)
        selection.changed.connect(self.refresh)
        document.plan_changed.connect(self.refresh)
        self.refresh()

    # -- building the form -----------------------------------------------------------------
    def _clear(self) -> None:
        # Taken out and deleted later, not removed at once: Return in a field applies, and the
        # refresh that follows must not delete that field inside its own key handler (crash).
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setObjectName("")  # findChild must not find the old field
                    widget.hide()
                    widget.deleteLater()
        self.inputs = {}

    def _line(self, key: str, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setCursorPosition(0)  # a long name shows its beginning, not its end
        edit.setObjectName(f"prop-{key}")
        edit.returnPressed.connect(self.apply)
        self.inputs[key] = edit
        self.form.addRow(label, edit)
        return edit

    def _combo(self, key: str, label: str, items: list[tuple[str, str]], current: str):
        combo = QComboBox()
        combo.setObjectName(f"prop-{key}")
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        if index < 0:
            combo.addItem(current, current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self.inputs[key] = combo
        self.form.addRow(label, combo)
        return combo

    def refresh(self, *_ignored) -> None:
        self._clear()
        self.message.clear()
        keys = self.selection.all()
        plan = self.document.plan
        entities = [(t, plan.get(t, i)) for t, i in keys if plan.get(t, i) is not None]
        self.apply_button.setEnabled(bool(entities))
        if not entities:
            info = plan.info
            self.title.setText(self.tr("Plan: %1").replace("%1", info.name))
            self._line("plan_name", self.tr("Name"), info.name)
            self._line("venue", self.tr("Venue"), info.venue)
            self._line("dates", self.tr("Dates"), info.dates)
            self._line("booth_w", self.tr("Default booth width (m)"), _fmt(info.booth[0]))
            self._line("booth_d", self.tr("Default booth depth (m)"), _fmt(info.booth[1]))
            self._line("aisle", self.tr("Default aisle (m)"), _fmt(info.aisle))
            self._line("price", self.tr("Default price per m²"), f"{info.price_per_m2:.15g}")
            self._line("corner", self.tr("Corner premium (%)"), f"{info.corner_premium * 100:.6g}")
            self._line("currency", self.tr("Currency"), info.currency)
            self.apply_button.setEnabled(True)
            return
        if len(entities) > 1:
            booths = [e for t, e in entities if t == "booths"]
            self.title.setText(self.tr("%n items selected", "", len(entities)))
            if booths:
                statuses = {b.status for b in booths}
                current = statuses.pop() if len(statuses) == 1 else ""
                items = [("", self.tr("(mixed)"))] if not current else []
                items += [(s, LABELS[s]) for s in STATUSES]
                self._combo("status", f"Status of {counted(len(booths), 'booth')}", items, current)
            return
        table, entity = entities[0]
        getattr(self, f"_form_{table}")(entity)

    def _form_booths(self, booth) -> None:
        self.title.setText(self.tr("Booth %1").replace("%1", booth.number))
        cx, cy, width, depth, angle = booth_frame(booth.geometry)
        self._line("number", self.tr("Number"), booth.number)
        self._line("width", self.tr("Width (m)"), f"{width:.6g}")
        self._line("depth", self.tr("Depth (m)"), f"{depth:.6g}")
        self._line("angle", self.tr("Angle (°)"), f"{angle:.6g}")
        self._line("x", self.tr("Centre x (m)"), no_negative_zero(f"{cx:.2f}"))
        self._line("y", self.tr("Centre y (m)"), no_negative_zero(f"{cy:.2f}"))
        plan = self.document.plan
        self.form.addRow(self.tr("Area"), QLabel(f"{booth.geometry.area:.2f} m²"))
        price = QLabel(_price_text(plan, booth))
        price.setObjectName("prop-price")
        price.setWordWrap(True)  # the "not priced yet" hint is longer than the panel is wide
        self.form.addRow(self.tr("Price"), price)
        self._combo("status", self.tr("Status"), [(s, LABELS[s]) for s in STATUSES], booth.status)
        holder = self.document.plan.exhibitors.get(booth.exhibitor_id or "")
        exhibitor = QLabel(holder.name if holder else "—")
        exhibitor.setWordWrap(True)
        self.form.addRow(self.tr("Exhibitor"), exhibitor)
        locked = QCheckBox()
        locked.setObjectName("prop-locked")
        locked.setChecked(booth.locked)
        self.inputs["locked"] = locked
        self.form.addRow(self.tr("Locked"), locked)
        self._line("note", self.tr("Note"), booth.note)
        self.form.addRow(QLabel(self.tr("Booking history (newest first)")))
        self.form.addRow(history_view(self.document.plan, booth.id))

    def _form_zones(self, zone) -> None:
        self.title.setText(self.tr("Zone: %1").replace("%1", zone.name))
        self._line("name", self.tr("Name"), zone.name)
        self._combo("use", self.tr("Use"), [(u, u) for u in KNOWN_USES], zone.use)
        w, d = zone.booth or (None, None)
        self._line("booth_w", self.tr("Booth width (m, empty = default)"), _fmt(w))
        self._line("booth_d", self.tr("Booth depth (m, empty = default)"), _fmt(d))
        self._line("aisle", self.tr("Aisle (m, empty = default)"), _fmt(zone.aisle))
        price = "" if zone.price_per_m2 is None else f"{zone.price_per_m2:.15g}"
        self._line("price", self.tr("Price per m² (empty = plan's)"), price)
        self.form.addRow(self.tr("Area"), QLabel(f"{zone.geometry.area:.1f} m²"))

    def _form_halls(self, hall) -> None:
        self.title.setText(self.tr("Hall: %1").replace("%1", hall.name))
        self._line("name", self.tr("Name"), hall.name)
        self.form.addRow(self.tr("Area"), QLabel(f"{hall.geometry.area:.1f} m²"))

    def _form_obstacles(self, obstacle) -> None:
        self.title.setText(self.tr("Obstacle"))
        self._line("name", self.tr("Name"), obstacle.name)
        self.form.addRow(self.tr("Area"), QLabel(f"{obstacle.geometry.area:.2f} m²"))

    def _form_doors(self, door) -> None:
        self.title.setText(self.tr("Door %1").replace("%1", door.name))
        self._line("name", self.tr("Name"), door.name)
        self._combo(
            "kind", self.tr("Kind"), [("entrance", "entrance"), ("exit", "exit")], door.kind
        )
        self._line("width", self.tr("Clear width (m)"), f"{door.width:g}")

    # -- applying --------------------------------------------------------------------------
    def value(self, key: str) -> str:
        widget = self.inputs[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return widget.currentText() if data is None else str(data)
        if isinstance(widget, QCheckBox):
            return "1" if widget.isChecked() else ""
        raise KeyError(key)

    def apply(self) -> bool:
        """Check every field, then push one patch; on a bad value show why and change nothing."""
        try:
            patch = self._patch()
            if patch:
                self.document.push(patch)
        except (BoothplanError, PatchConflict) as error:
            self.message.setText(str(error))
            if isinstance(error, BookingError):  # a booking refused: as loud as Assign's
                show_error(self, str(error))
            return False
        self.message.clear()
        return True

    def _patch(self) -> Patch:
        plan = self.document.plan
        keys = self.selection.all()
        if not keys:
            info = plan.info
            new = replace(
                info,
                name=fields.name(self.tr("The plan's name"), self.value("plan_name")),
                venue=self.value("venue").strip(),
                dates=self.value("dates").strip(),
                booth=(
                    fields.metres(self.tr("Default booth width"), self.value("booth_w")),
                    fields.metres(self.tr("Default booth depth"), self.value("booth_d")),
                ),
                aisle=fields.metres(self.tr("Default aisle"), self.value("aisle")),
                price_per_m2=fields.amount(
                    self.tr("The default price per m²"), self.value("price"), allow_empty=False
                ),
                corner_premium=fields.percent(
                    self.tr("The corner premium"), self.value("corner"), maximum=100.0
                ),
                currency=fields.currency(self.tr("The currency"), self.value("currency")),
            )
            return plan.edit("Plan settings").put(new).build()
        if len(keys) > 1:
            status = self.value("status") if "status" in self.inputs else ""
            booth_ids = [i for t, i in keys if t == "booths"]
            return _status_patch(plan, booth_ids, status) if status else Patch()
        table, id_ = keys[0]
        entity = plan.get(table, id_)
        if table == "booths":
            return self._booth_patch(entity)
        if table == "zones":
            w = fields.metres(self.tr("Booth width"), self.value("booth_w"), allow_empty=True)
            d = fields.metres(self.tr("Booth depth"), self.value("booth_d"), allow_empty=True)
            if (w is None) != (d is None):
                raise fields.FieldError("Give both the booth width and depth, or neither.")
            new = replace(
                entity,
                name=fields.name(self.tr("The zone's name"), self.value("name")),
                use=self.value("use").strip().lower() or "standard",
                booth=(w, d) if w is not None else None,
                aisle=fields.metres(self.tr("Aisle"), self.value("aisle"), allow_empty=True),
                price_per_m2=fields.amount(self.tr("Price per m²"), self.value("price")),
            )
            return plan.edit("Edit zone").put(new).build()
        changes = {"name": fields.name(self.tr("The name"), self.value("name"))}
        if table == "doors":
            changes["kind"] = self.value("kind")
            changes["width"] = fields.metres(self.tr("The door's width"), self.value("width"))
        return plan.edit(f"Edit {table[:-1]}").put(replace(entity, **changes)).build()

    def _booth_patch(self, booth) -> Patch:
        plan = self.document.plan
        number = fields.name(self.tr("The booth number"), self.value("number"))
        width = fields.metres(self.tr("The booth width"), self.value("width"))
        depth = fields.metres(self.tr("The booth depth"), self.value("depth"))
        check_size(width, depth)
        clash = plan.booth_by_number(number)
        if clash is not None and clash.id != booth.id:
            raise fields.FieldError(f"Number {number} is already booth {clash.id}'s.")
        angle = fields.amount(
            self.tr("The angle"),
            self.value("angle").replace("°", ""),
            allow_empty=False,
            allow_negative=True,
        )
        cx, cy, old_w, old_d, old_angle = booth_frame(booth.geometry)
        x = fields.amount(
            self.tr("The centre x"), self.value("x"), allow_empty=False, allow_negative=True
        )
        y = fields.amount(
            self.tr("The centre y"), self.value("y"), allow_empty=False, allow_negative=True
        )
        moved = abs(x - round(cx, 2)) > 1e-9 or abs(y - round(cy, 2)) > 1e-9
        if moved:
            cx, cy = x, y
        builder = plan.edit(f"Edit booth {number}")
        new = replace(
            booth,
            number=number,
            locked=bool(self.value("locked")),
            note=self.value("note").strip(),
        )
        turned = abs((angle - old_angle + 180.0) % 360.0 - 180.0) > 1e-9
        if moved or turned or abs(width - old_w) > 1e-9 or abs(depth - old_d) > 1e-9:
            new = replace(new, geometry=booth_rectangle(cx, cy, width, depth, angle))
        builder.put(new)
        patch = builder.build()
        status = self.value("status")
        if status != booth.status:
            after = plan.apply(patch)
            patch = patch.then(_status_patch(after, [booth.id], status), patch.description)
        return patch


def _price_text(plan, booth) -> str:
    """The booth's list price, and why: "4,500,000 VND (9.00 m² × 500,000 VND/m², corner
    +10 %)"."""
    from planner.model.pricing import booth_price, money, price_per_m2

    currency = plan.info.currency
    per_m2 = price_per_m2(plan, booth)
    if not per_m2:
        return "not priced yet (set a price per m² in the plan's or the zone's properties)"
    total = booth_price(plan, booth)
    base = booth.geometry.area * per_m2
    why = f"{booth.geometry.area:.2f} m² × {money(per_m2, currency)}/m²"
    if total > base * (1 + 1e-9):
        why += f", corner +{plan.info.corner_premium:.0%}"
    return f"{money(total, currency)} ({why})"


def _status_patch(plan, booth_ids: list[str], status: str) -> Patch:
    """Status changes go through booking, so each booth's history records them."""
    from planner.model import booking

    return booking.set_status(plan, booth_ids, status)
