"""Small dialogs: a new plan, a zone's use and rules, renumbering a selection."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from planner.model import Zone
from planner.model.zone_use import KNOWN_USES
from planner.ui.panels import fields
from planner.wording import counted


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _metres(value: float, low: float = 0.5, high: float = 2000.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(2)
    box.setSuffix(" m")
    box.setValue(value)
    return box


class NewPlanDialog(QDialog):
    """A blank plan: one rectangular hall of the given size.

    The sizes are typed as text and checked on OK like the properties panel's fields: "abc",
    -3 or 0 are refused with a sentence in the dialog, which stays open (a spin box used to turn
    a typed -3 into 3 m silently, and show "1 m" while keeping 3 m).
    """

    MIN_SIDE = 2.0
    MAX_SIDE = 2000.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-plan-dialog")
        self.setWindowTitle(self.tr("New plan"))
        form = QFormLayout(self)
        self.name = QLineEdit(self.tr("New fair"))
        self.hall_width = QLineEdit("60")
        self.hall_depth = QLineEdit("40")
        for key, edit in (
            ("name", self.name),
            ("width", self.hall_width),
            ("depth", self.hall_depth),
        ):
            edit.setObjectName(f"new-plan-{key}")
        self.message = QLabel()
        self.message.setObjectName("new-plan-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        form.addRow(self.tr("Plan name"), self.name)
        form.addRow(self.tr("Hall width east–west (m)"), self.hall_width)
        form.addRow(self.tr("Hall depth north–south (m)"), self.hall_depth)
        form.addRow(self.message)
        form.addRow(QLabel(self.tr("To start from a surveyed floor, use File → New from GeoJSON.")))
        form.addRow(_buttons(self))
        self.hall_size: tuple[float, float] = (60.0, 40.0)

    def plan_name(self) -> str:
        return " ".join(self.name.text().split()) or self.tr("New fair")

    def _side(self, label: str, text: str) -> float:
        value = fields.metres(label, text, minimum=0.0)
        if value < self.MIN_SIDE:
            raise fields.FieldError(f"{label} must be at least {self.MIN_SIDE:g} m, not {value:g}.")
        if value > self.MAX_SIDE:
            raise fields.FieldError(f"{label} of {value:g} m is larger than any hall.")
        return value

    def accept(self) -> None:
        try:
            self.hall_size = (
                self._side(self.tr("The hall width"), self.hall_width.text()),
                self._side(self.tr("The hall depth"), self.hall_depth.text()),
            )
        except fields.FieldError as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        super().accept()


class ZoneDialog(QDialog):
    """What a new (or edited) zone is for, and its own booth size and aisle if any."""

    def __init__(self, zone: Zone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Zone"))
        self._zone = zone
        form = QFormLayout(self)
        self.name = QLineEdit(zone.name)
        self.use = QComboBox()
        self.use.setEditable(True)
        self.use.addItems(KNOWN_USES)
        self.use.setCurrentText(zone.use)
        width, depth = zone.booth or (0.0, 0.0)
        self.booth_w = _metres(width, 0.0, 100.0)
        self.booth_d = _metres(depth, 0.0, 100.0)
        self.booth_w.setSpecialValueText(self.tr("use's default"))
        self.booth_d.setSpecialValueText(self.tr("use's default"))
        self.aisle = _metres(zone.aisle or 0.0, 0.0, 50.0)
        self.aisle.setSpecialValueText(self.tr("use's default"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Use"), self.use)
        form.addRow(self.tr("Booth width"), self.booth_w)
        form.addRow(self.tr("Booth depth"), self.booth_d)
        form.addRow(self.tr("Aisle"), self.aisle)
        form.addRow(_buttons(self))

    def zone(self) -> Zone:
        w, d = self.booth_w.value(), self.booth_d.value()
        return replace(
            self._zone,
            name=self.name.text().strip() or self._zone.name,
            use=self.use.currentText().strip().lower() or "standard",
            booth=(w, d) if w > 0 and d > 0 else None,
            aisle=self.aisle.value() or None,
        )


SCHEME_LABELS: dict[str, str] = {
    "row": "Row letter + number (A01, A02 … B01)",
    "prefix": "Prefix + running number (C-01, C-02)",
    "hundreds": "Hundreds per row (A-101 … A-201)",
    "odd-even": "Odd and even across an aisle (A-101, A-103 | A-102)",
}


class RenumberDialog(QDialog):
    """A numbering scheme for the selected booths (the packer's schemes)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Renumber booths"))
        form = QFormLayout(self)
        form.addRow(QLabel(f"{counted(count, 'booth')} selected."))
        self.scheme = QComboBox()
        for key, label in SCHEME_LABELS.items():
            self.scheme.addItem(self.tr(label), key)
        self.prefix = QLineEdit("")
        self.prefix.setPlaceholderText(self.tr("optional, e.g. H or C"))
        self.start = QSpinBox()
        self.start.setRange(0, 99999)
        self.start.setValue(1)
        form.addRow(self.tr("Scheme"), self.scheme)
        form.addRow(self.tr("Prefix"), self.prefix)
        form.addRow(self.tr("First number"), self.start)
        form.addRow(_buttons(self))
