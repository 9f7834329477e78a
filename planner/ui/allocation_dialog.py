"""Plan → Allocate exhibitors: show who the allocation would place where, and who not and why.

The allocation is computed before the dialog opens (pure, ~50 ms on a packed floor); nothing
changes until the user presses Apply, which pushes the whole allocation as one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model.status import LABELS
from planner.packing.allocate import AllocationResult


def _table(headers: list[str], name: str) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(True)
    tree.setHeaderLabels(headers)
    tree.setSortingEnabled(True)
    tree.header().setStretchLastSection(True)
    return tree


class AllocationDialog(QDialog):
    """The result of one allocation run; ``accept()`` means "apply it"."""

    def __init__(self, result: AllocationResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocation-dialog")
        self.setWindowTitle(self.tr("Allocate exhibitors"))
        self.result_ = result
        booths = sum(len(p.booth_ids) for p in result.placed)
        self.summary = QLabel(
            self.tr("%1 exhibitor(s) placed on %2 booth(s); %3 could not be placed.")
            .replace("%1", str(len(result.placed)))
            .replace("%2", str(booths))
            .replace("%3", str(len(result.unplaced)))
        )
        self.summary.setObjectName("allocation-summary")
        self.summary.setWordWrap(True)
        self.placed = _table(
            [self.tr("Exhibitor"), self.tr("Booths"), self.tr("Status"), self.tr("Note")],
            "allocation-placed",
        )
        for p in result.placed:
            numbers = ", ".join(p.booth_numbers)
            item = QTreeWidgetItem([p.name, numbers, LABELS.get(p.status, p.status), p.note])
            item.setToolTip(0, p.name)
            item.setToolTip(1, numbers)
            item.setToolTip(3, p.note)
            self.placed.addTopLevelItem(item)
        self.unplaced = _table(
            [self.tr("Exhibitor"), self.tr("Wanted"), self.tr("Why not")], "allocation-unplaced"
        )
        for u in result.unplaced:
            item = QTreeWidgetItem([u.name, str(u.wanted), u.reason])
            item.setToolTip(0, u.name)
            item.setToolTip(2, u.reason)
            self.unplaced.addTopLevelItem(item)
        for tree in (self.placed, self.unplaced):
            header = tree.header()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            tree.resizeColumnToContents(0)
            tree.setColumnWidth(0, min(max(tree.columnWidth(0), 160), 320))
            tree.sortByColumn(-1, tree.header().sortIndicatorOrder())  # keep the run's order
        self.placed.resizeColumnToContents(1)
        self.placed.resizeColumnToContents(2)
        self.unplaced.resizeColumnToContents(1)
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
