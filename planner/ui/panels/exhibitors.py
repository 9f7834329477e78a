"""The exhibitor table: search, filter by sector or by "still needs booths", drag a row onto a
booth to assign it, double-click to find the exhibitor's booths."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPoint,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import theme
from planner.export.sorting import name_key
from planner.model import Plan
from planner.model.natural_order import fold_accents, natural_key
from planner.ui.document import PlanDocument
from planner.wording import counted

EXHIBITOR_MIME = "application/x-boothplan-exhibitor"
COLUMNS = ("Name", "Sector", "Country", "Wanted", "Held", "Booths")
BOOTHS_COLUMN = COLUMNS.index("Booths")
BOOTHS_MAX_WIDTH = 280  # px: room for four or five numbers; more are elided, all in the tooltip
ALL_SECTORS = ""
NAME_RANK_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's place in the printed index's order


class ExhibitorModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, list[str]]] = []  # id, cells
        self._needs: list[bool] = []
        self._sectors: list[str] = []
        self._name_ranks: list[int] = []

    def set_plan(self, plan: Plan) -> None:
        self.beginResetModel()
        held: dict[str, list[str]] = {}
        for booth in plan.booths.values():
            if booth.exhibitor_id:
                held.setdefault(booth.exhibitor_id, []).append(booth.number)
        self._rows, self._needs, self._sectors = [], [], []
        exhibitors = list(plan.exhibitors.values())
        for e in exhibitors:
            numbers = held.get(e.id, [])
            name = e.name if not e.name_en else f"{e.name} ({e.name_en})"
            cells = [
                name,
                e.sector,
                e.country,
                str(e.booths_wanted),
                str(len(numbers)),
                ", ".join(sorted(numbers)),
            ]
            self._rows.append((e.id, cells))
            self._needs.append(len(numbers) < e.booths_wanted)
            self._sectors.append(e.sector)
        # Names sort with the printed index's key (Đ with D, Ả with A, numbers by value), so the
        # table and the paper agree; Qt's default compares code points (Đà Lạt after Zung).
        order = sorted(range(len(self._rows)), key=lambda i: name_key(exhibitors[i].name))
        self._name_ranks = [0] * len(order)
        for rank, i in enumerate(order):
            self._name_ranks[i] = rank
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][1][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # Cells are one line, elided: the tooltip shows all (every booth of the exhibitor).
            text = self._rows[row][1][index.column()]
            if index.column() == BOOTHS_COLUMN and text:
                count = text.count(",") + 1
                return f"{counted(count, 'booth')}: {text}"
            return text or None
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[row][0]
        if role == Qt.ItemDataRole.UserRole + 1:
            return self._needs[row]
        if role == Qt.ItemDataRole.UserRole + 2:
            return self._sectors[row]
        if role == NAME_RANK_ROLE:
            return self._name_ranks[row]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex):
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [EXHIBITOR_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        ids = dict.fromkeys(self._rows[i.row()][0] for i in indexes if i.isValid())
        mime.setData(EXHIBITOR_MIME, "\n".join(ids).encode("utf-8"))
        return mime

    def exhibitor_id(self, row: int) -> str:
        return self._rows[row][0]


class ExhibitorFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.sector = ALL_SECTORS
        self.needs_only = False

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if self.needs_only and not model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1):
            return False
        if self.sector and model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2) != self.sector:
            return False
        if not self.text:
            return True
        # Name, sector and country without accents ("hai phong" finds "Hải Phòng"), and the
        # booth numbers the exhibitor holds ("A-117" finds who holds it).
        needle = fold_accents(self.text.casefold())
        return any(
            needle in fold_accents(str(model.index(row, c).data()).casefold())
            for c in (0, 1, 2, BOOTHS_COLUMN)
        )

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        """Names in the printed index's order; other columns as people count (2 before 10)."""
        if left.column() == 0:
            return left.data(NAME_RANK_ROLE) < right.data(NAME_RANK_ROLE)
        return natural_key(str(left.data() or "")) < natural_key(str(right.data() or ""))


class ExhibitorTable(QTableView):
    """The table, dragging a compact tag with the exhibitor's name (Qt's default drag image
    was a picture of the whole row, as wide as the window)."""

    def startDrag(self, supported) -> None:
        indexes = self.selectionModel().selectedRows()
        if not indexes:
            return
        mime = self.model().mimeData(indexes)
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(_name_tag(self, str(indexes[0].data() or ""), len(indexes)))
        drag.setHotSpot(QPoint(-8, -8))
        drag.exec(Qt.DropAction.CopyAction)


def _name_tag(widget: QWidget, name: str, count: int) -> QPixmap:
    metrics = widget.fontMetrics()
    text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, 240)
    if count > 1:
        text += f"  +{count - 1}"
    width = metrics.horizontalAdvance(text) + 16
    height = metrics.height() + 8
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(theme.HIGHLIGHT_COLOUR))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, width, height), 6, 6)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(8, 4, width - 16, height - 8), Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return pixmap


class ExhibitorPanel(QWidget):
    exhibitor_activated = Signal(str)

    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = ExhibitorModel(self)
        self.proxy = ExhibitorFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("exhibitor-search")
        self.search.setPlaceholderText(self.tr("Search name, sector, country…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.sector = QComboBox()
        self.sector.setObjectName("exhibitor-sector")
        self.sector.currentIndexChanged.connect(self._filter_changed)
        self.needs = QCheckBox(self.tr("Still needs booths"))
        self.needs.setObjectName("exhibitor-needs")
        self.needs.toggled.connect(self._filter_changed)
        self.table = ExhibitorTable()
        self.table.setObjectName("exhibitor-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # A→Z by name to start with: Qt's header starts its indicator descending (Z→A).
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # One line per row, cut with "…" (the tooltip lists everything); wrapped text used to be
        # clipped at the row's bottom ("A-209, A-210," and a half-hidden "A-308").
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        # Rows as tall as a line of text: the default fitted two and a half in the dock.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._activated)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.sector, 1)
        bar.addWidget(self.needs)
        self.buttons = QHBoxLayout()
        bar.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        document.plan_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, patch=None) -> None:
        if patch is not None and not any(c.table in ("exhibitors", "booths") for c in patch):
            return
        plan = self.document.plan
        self.model.set_plan(plan)
        current = self.sector.currentData()
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(self.tr("All sectors"), ALL_SECTORS)
        for sector in sorted({e.sector for e in plan.exhibitors.values() if e.sector}):
            self.sector.addItem(sector, sector)
        index = self.sector.findData(current)
        self.sector.setCurrentIndex(max(index, 0))
        self.sector.blockSignals(False)
        self._filter_changed()
        self._fit_booths_column()

    def _fit_booths_column(self) -> None:
        self.table.resizeColumnToContents(BOOTHS_COLUMN)
        width = self.table.columnWidth(BOOTHS_COLUMN)
        self.table.setColumnWidth(BOOTHS_COLUMN, min(max(width, 80), BOOTHS_MAX_WIDTH))

    def _filter_changed(self, *_ignored) -> None:
        self.proxy.text = self.search.text().strip()
        self.proxy.sector = self.sector.currentData() or ALL_SECTORS
        self.proxy.needs_only = self.needs.isChecked()
        self.proxy.invalidate()

    def add_actions(self, actions) -> None:
        """Buttons for the window's own exhibitor actions (add, edit, remove, import)."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)

    def show_only(self, exhibitor_ids: list[str], text: str) -> str | None:
        """Show the rows Find matched (the search box says what was looked for) and select the
        first in the table's order; returns its id, the one the canvas is to show."""
        self.needs.setChecked(False)
        self.sector.setCurrentIndex(0)
        self.search.setText(text)
        ids = set(exhibitor_ids)
        self.table.selectionModel().clearSelection()
        for row in range(self.proxy.rowCount()):
            found = self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            if found in ids:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return str(found)
        return None

    def visible_ids(self) -> list[str]:
        return [
            self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)
            for r in range(self.proxy.rowCount())
        ]

    def selected_ids(self) -> list[str]:
        """Exhibitors whose rows are selected in the table, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _activated(self, index: QModelIndex) -> None:
        self.exhibitor_activated.emit(index.data(Qt.ItemDataRole.UserRole))
