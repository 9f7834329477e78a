"""The canvas's legend: what each booth colour means (by status, or by sector), with how many
booths have it. Issue "An organiser's whole job", break 6: the canvas had no colour legend."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner import theme
from planner.model.status import LABELS, STATUSES
from planner.ui.canvas import style
from planner.ui.document import PlanDocument
from planner.wording import counted


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(18, 12)
    pixmap.fill(QColor(colour))
    return pixmap


class LegendPanel(QWidget):
    def __init__(self, document: PlanDocument, scene, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.title = QLabel()
        self.title.setObjectName("legend-title")
        self.list = QListWidget()
        self.list.setObjectName("legend-list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        document.plan_changed.connect(self.refresh)
        self.refresh()

    def entries(self) -> list[tuple[str, str, int]]:
        """(label, colour, booths) for the colouring shown now."""
        plan = self.document.plan
        booths = list(plan.booths.values())
        if self.scene.state.colour_by == style.COLOUR_BY_SECTOR:
            sectors = {e.id: e.sector for e in plan.exhibitors.values()}
            counts = Counter(
                sectors.get(b.exhibitor_id or "", "") if b.exhibitor_id else None for b in booths
            )
            out = [
                (sector or self.tr("(no sector)"), theme.sector_colour(sector), n)
                for sector, n in sorted(
                    ((s, n) for s, n in counts.items() if s is not None), key=lambda x: -x[1]
                )
            ]
            if counts.get(None):
                out.append((self.tr("No exhibitor"), theme.HALL_FILL, counts[None]))
            return out
        counts = Counter(b.status for b in booths)
        return [(self.tr(LABELS[s]), theme.STATUS_COLOURS[s], counts.get(s, 0)) for s in STATUSES]

    def refresh(self, *_ignored) -> None:
        by_sector = self.scene.state.colour_by == style.COLOUR_BY_SECTOR
        self.title.setText(
            self.tr("Booths by sector") if by_sector else self.tr("Booths by status")
        )
        self.list.clear()
        for label, colour, count in self.entries():
            item = QListWidgetItem(f"{label} — {counted(count, 'booth')}")
            item.setIcon(_swatch(colour))
            self.list.addItem(item)
