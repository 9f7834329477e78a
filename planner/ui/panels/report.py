"""The booking report: a summary, the revenue, and a table of booths, area and money grouped by
status, hall, zone, sector, country or exhibitor. Sortable, copyable (Ctrl+C copies the rows
selected, as a spreadsheet takes them), exported as CSV or PDF.

Kept up to date from each edit (:class:`~planner.model.live_report.LiveReport` recounts only
the booths near what changed); while the panel is hidden it only notes that it is behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.errors import BoothplanError
from planner.export.report_pdf import STATUS_HEADINGS
from planner.model.live_report import LiveReport
from planner.model.natural_order import natural_key
from planner.model.reports import GROUPS, Report
from planner.model.status import LABELS, STATUSES
from planner.ui.document import PlanDocument
from planner.ui.errors import guarded

GROUP_LABELS = {
    "status": "Status",
    "hall": "Hall",
    "zone": "Zone",
    "sector": "Sector",
    "country": "Country",
    "exhibitor": "Exhibitor",
}
NUMBER_COLUMNS = ("Booths", "m²", "Value", *(STATUS_HEADINGS[s] for s in STATUSES))
SORT_ROLE = Qt.ItemDataRole.UserRole


class ReportModel(QAbstractTableModel):
    """The rows of one grouping of the report."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.group = "status"

    def set_report(self, report: Report | None, group: str) -> None:
        self.beginResetModel()
        self.report, self.group = report, group
        self.endResetModel()

    def _rows(self):
        return self.report.groups.get(self.group, ()) if self.report else ()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 1 + len(NUMBER_COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.report is None:
            return None
        row = self._rows()[index.row()]
        column = index.column()
        values: list = [
            LABELS.get(row.key, row.key) if self.group == "status" else row.key,
            row.booths,
            row.area,
            row.value,
            *(row.by_status.get(s, 0) for s in STATUSES),
        ]
        value = values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 2:
                return f"{value:,.1f}"
            if column == 3:
                return self.report.money(value)
            return str(value)
        if role == SORT_ROLE:
            return natural_key(value) if column == 0 else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr(GROUP_LABELS.get(self.group, self.group))
        return self.tr(NUMBER_COLUMNS[section - 1])


class ReportPanel(QWidget):
    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.live: LiveReport | None = None
        self.current: Report | None = None
        self.summary = QLabel()
        self.summary.setObjectName("report-summary")
        self.summary.setWordWrap(True)
        self.revenue = QLabel()
        self.revenue.setObjectName("report-revenue")
        self.revenue.setWordWrap(True)
        self.group = QComboBox()
        self.group.setObjectName("report-group")
        for key in GROUPS:
            self.group.addItem(self.tr("By %1").replace("%1", GROUP_LABELS[key].lower()), key)
        self.group.currentIndexChanged.connect(self._show)
        self.model = ReportModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("report-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.activated.connect(self.copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.group)
        buttons.addStretch(1)
        for name, label, slot in (
            ("report-copy", self.tr("Copy"), self.copy),
            ("report-csv", self.tr("Export CSV…"), self.export_csv),
            ("report-pdf", self.tr("Export PDF…"), self.export_pdf),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, act=slot: act())
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.revenue)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self._behind = True
        document.plan_changed.connect(self._plan_changed)
        # Built when first shown (showEvent), not here: a report of 10,000 booths takes time.

    def _plan_changed(self, patch) -> None:
        if self.live is None or not self.isVisible():
            self._behind = True  # counted afresh when the panel is shown
            return
        self.live.update(self.document.plan, patch)
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._behind:
            self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan
        if self.live is None or self._behind:
            self.live = LiveReport(plan)
        self._behind = False
        try:
            self.current = self.live.report()
        except BoothplanError as error:
            self.current = None
            self.summary.setText(str(error))
        self._show()

    def _show(self, *_ignored) -> None:
        from planner.export.report_pdf import revenue_lines, summary_line

        report = self.current
        self.model.set_report(report, str(self.group.currentData()))
        if report is None:
            return
        self.summary.setText(summary_line(report))
        self.revenue.setText(
            "   ".join(f"{label}: {report.money(value)}" for label, value in revenue_lines(report))
        )
        for column in range(1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)

    def rows_text(self, only_selected: bool = True) -> str:
        """The table as tab-separated text (the selected rows, or all), with its heading."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows or not only_selected:
            rows = list(range(self.proxy.rowCount()))
        columns = range(self.proxy.columnCount())
        lines = [
            "\t".join(str(self.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in columns)
        ]
        for r in rows:
            lines.append("\t".join(str(self.proxy.index(r, c).data()) for c in columns))
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.rows_text())

    def _ask_path(self, title: str, suffix: str, kinds: str) -> Path | None:
        plan = self.document.plan
        start = (
            self.document.path.with_suffix(suffix)
            if self.document.path
            else Path(f"{plan.name or 'report'}{suffix}")
        )
        start = start.with_name(start.stem + " – report" + suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, str(start), kinds)
        if not path:
            return None
        return Path(path if path.endswith(suffix) else path + suffix)

    def export_csv(self) -> bool:
        from planner.atomic_file import write_atomically

        if self.current is None:
            self.refresh()
        report = self.current
        path = self._ask_path(self.tr("Export the report as CSV"), ".csv", "CSV (*.csv)")
        if path is None or report is None:
            return False
        data = report.to_csv().encode("utf-8-sig")  # Excel needs the BOM for Vietnamese
        done = guarded(self, lambda: write_atomically(path, lambda t: t.write_bytes(data)))
        if done:
            self.window().statusBar().showMessage(self.tr("Wrote %1.").replace("%1", str(path)))
        return bool(done)

    def export_pdf(self) -> bool:
        from planner.export.report_pdf import write_report_pdf

        if self.current is None:
            self.refresh()
        report = self.current
        path = self._ask_path(self.tr("Export the report as PDF"), ".pdf", "PDF (*.pdf)")
        if path is None or report is None:
            return False
        done = guarded(self, lambda: write_report_pdf(report, path))
        if done:
            self.window().statusBar().showMessage(self.tr("Wrote %1.").replace("%1", str(path)))
        return bool(done)
