"""Plan → Allocate exhibitors: show who the allocation would place where, and who not and why.

The allocation is computed before the dialog opens (pure, ~50 ms on a packed floor); nothing
changes until the user presses Apply, which pushes the whole allocation as one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model.status import LABELS
from planner.packing.allocate import AllocationResult
from planner.wording import counted


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    """A read-only table whose long cells (the reasons) wrap onto more lines, never cut."""
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for c in range(len(headers) - 1):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    # Rows follow their wrapped text whenever the last column's width changes.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class AllocationDialog(QDialog):
    """The result of one allocation run; ``accept()`` means "apply it"."""

    def __init__(self, result: AllocationResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocation-dialog")
        self.setWindowTitle(self.tr("Allocate exhibitors"))
        self.result_ = result
        booths = sum(len(p.booth_ids) for p in result.placed)
        self.summary = QLabel(
            f"{counted(len(result.placed), 'exhibitor')} placed on {counted(booths, 'booth')}; "
            f"{len(result.unplaced)} could not be placed."
        )
        self.summary.setObjectName("allocation-summary")
        self.summary.setWordWrap(True)
        self.placed = _table(
            [self.tr("Exhibitor"), self.tr("Booths"), self.tr("Status"), self.tr("Note")],
            [
                [p.name, ", ".join(p.booth_numbers), LABELS.get(p.status, p.status), p.note]
                for p in result.placed
            ],
            "allocation-placed",
        )
        self.unplaced = _table(
            [self.tr("Exhibitor"), self.tr("Wanted"), self.tr("Why not")],
            [[u.name, str(u.wanted), u.reason] for u in result.unplaced],
            "allocation-unplaced",
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.placed, self.tr("Placed (%1)").replace("%1", str(len(result.placed))))
        self.tabs.addTab(
            self.unplaced, self.tr("Not placed (%1)").replace("%1", str(len(result.unplaced)))
        )
        if not result.placed and result.unplaced:
            self.tabs.setCurrentWidget(self.unplaced)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("allocation-apply")
        self.apply_button.setEnabled(bool(result.patch))
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 460)
