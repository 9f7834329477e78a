"""Adding and editing one exhibitor by hand: a form of the CSV's columns, checked on OK.

What is refused (an empty or taken name, an unknown sector, a status no exhibitor holds) is
said under the form and the dialog stays open; OK pushes one undoable patch
(:func:`planner.model.roster.save_exhibitor`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from planner.errors import BoothplanError
from planner.model import Exhibitor, Patch, Plan
from planner.model.booking import HELD_STATUSES
from planner.model.roster import MAX_BOOTHS_WANTED, known_sectors, save_exhibitor
from planner.model.status import LABELS, RESERVED


class ExhibitorDialog(QDialog):
    """``patch()`` is the change made, once the dialog was accepted."""

    def __init__(self, plan: Plan, exhibitor: Exhibitor | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exhibitor-dialog")
        self._plan = plan
        self._original = exhibitor or Exhibitor("", "", booking_status=RESERVED)
        self._patch = Patch()
        e = self._original
        self.setWindowTitle(self.tr("Edit exhibitor") if exhibitor else self.tr("Add exhibitor"))
        form = QFormLayout(self)
        self.name = self._line(form, "name", self.tr("Name"), e.name)
        self.name_en = self._line(form, "name_en", self.tr("English name"), e.name_en)
        self.country = self._line(form, "country", self.tr("Country"), e.country)
        self.sector = QComboBox()
        self.sector.setObjectName("exhibitor-sector-choice")
        self.sector.addItem(self.tr("(none)"), "")
        for sector in known_sectors(plan):
            self.sector.addItem(sector, sector)
        self.sector.setCurrentIndex(max(self.sector.findData(e.sector), 0))
        form.addRow(self.tr("Sector"), self.sector)
        self.booths = QSpinBox()
        self.booths.setObjectName("exhibitor-booths")
        self.booths.setRange(0, MAX_BOOTHS_WANTED)
        self.booths.setValue(e.booths_wanted)
        form.addRow(self.tr("Booths wanted"), self.booths)
        self.status = QComboBox()
        self.status.setObjectName("exhibitor-status")
        for status in HELD_STATUSES:
            self.status.addItem(self.tr(LABELS[status]), status)
        self.status.setCurrentIndex(max(self.status.findData(e.booking_status), 0))
        form.addRow(self.tr("Booking status"), self.status)
        self.email = self._line(form, "email", self.tr("E-mail"), e.email)
        self.phone = self._line(form, "phone", self.tr("Phone"), e.phone)
        self.contact = self._line(form, "contact", self.tr("Contact person"), e.contact)
        self.co_exhibitors = self._line(
            form, "co", self.tr("Co-exhibitors (; between)"), "; ".join(e.co_exhibitors)
        )
        self.notes = QPlainTextEdit(e.notes)
        self.notes.setObjectName("exhibitor-notes")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Notes"), self.notes)
        self.message = QLabel()
        self.message.setObjectName("exhibitor-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def _line(self, form: QFormLayout, key: str, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(f"exhibitor-{key}")
        form.addRow(label, edit)
        return edit

    def exhibitor(self) -> Exhibitor:
        return replace(
            self._original,
            name=self.name.text(),
            name_en=self.name_en.text().strip(),
            country=self.country.text().strip(),
            sector=str(self.sector.currentData() or ""),
            booths_wanted=self.booths.value(),
            booking_status=str(self.status.currentData()),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            contact=self.contact.text().strip(),
            notes=self.notes.toPlainText().strip(),
            co_exhibitors=tuple(
                c.strip() for c in self.co_exhibitors.text().split(";") if c.strip()
            ),
        )

    def accept(self) -> None:
        try:
            self._patch = save_exhibitor(self._plan, self.exhibitor())
        except BoothplanError as error:
            self.message.setText(str(error))
            return
        super().accept()

    def patch(self) -> Patch:
        return self._patch


__all__ = ["ExhibitorDialog"]
