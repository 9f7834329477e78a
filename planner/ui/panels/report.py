"""The booking report (booths and revenue by status, sector, zone), kept up to date."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from planner.errors import BoothplanError
from planner.ui.document import PlanDocument


class ReportPanel(QWidget):
    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.text = QPlainTextEdit()
        self.text.setObjectName("report-text")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        document.plan_changed.connect(self._plan_changed)
        # Built when first shown (showEvent), not here: a report of 10,000 booths takes time.

    def _plan_changed(self, _patch) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from planner.model.reports import build_report

        try:
            self.text.setPlainText(build_report(self.document.plan).to_text())
        except BoothplanError as error:
            self.text.setPlainText(str(error))
