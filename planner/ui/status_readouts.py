"""The status bar's permanent readouts: what is being typed, the snapping step, the scale and
the pointer's position in metres."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar

from planner.editing.snapping import GRID_STEPS, Snapper
from planner.wording import no_negative_zero


class StatusReadouts(QObject):
    def __init__(self, bar: QStatusBar, snapper: Snapper) -> None:
        super().__init__(bar)
        self.snapper = snapper
        self.cursor_label = QLabel("x —  y —")
        self.cursor_label.setObjectName("cursor-label")
        self.cursor_label.setMinimumWidth(170)
        self.zoom_label = QLabel()
        self.typed_label = QLabel()
        self.snap_combo = QComboBox()
        self.snap_combo.setObjectName("snap-step")
        self.snap_combo.setToolTip(self.tr("Grid snapping step"))
        self.snap_combo.addItem(self.tr("No grid snap"), 0.0)
        for step in GRID_STEPS:
            self.snap_combo.addItem(self.tr("Snap %1 m").replace("%1", f"{step:g}"), step)
        self.snap_combo.setCurrentIndex(self.snap_combo.findData(snapper.grid_step))
        self.snap_combo.currentIndexChanged.connect(self._snap_changed)
        for widget in (self.typed_label, self.snap_combo, self.zoom_label, self.cursor_label):
            bar.addPermanentWidget(widget)

    def show_typed(self, text: str) -> None:
        if text:
            self.typed_label.setText(self.tr("Typed: %1").replace("%1", text))
        else:
            self.typed_label.clear()

    def show_cursor(self, x: float, y: float) -> None:
        self.cursor_label.setText(no_negative_zero(f"x {x:8.2f} m   y {y:8.2f} m"))

    def show_scale(self, px_per_m: float) -> None:
        self.zoom_label.setText(f"{px_per_m:.1f} px/m")

    def _snap_changed(self) -> None:
        step = float(self.snap_combo.currentData())
        self.snapper.grid = step > 0
        if step > 0:
            self.snapper.grid_step = step
