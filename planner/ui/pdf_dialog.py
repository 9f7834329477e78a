"""File → Export PDF: the same choices as ``boothplan pdf`` (paper, orientation, scale, colours,
index, one exhibitor or one page each), a preview of the first page, then Export.

The PDF is made off the GUI thread. The page preview is drawn by poppler's ``pdftoppm`` when it
is installed; without it the preview shows what the export will contain (pages, scale, tiles).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
)

from planner.errors import BoothplanError
from planner.model import Plan
from planner.ui.errors import show_error
from planner.ui.workers import Job
from planner.wording import counted

SCALES = (
    (None, "Fit the paper"),
    (100, "1:100"),
    (200, "1:200"),
    (250, "1:250"),
    (500, "1:500"),
    (1000, "1:1000"),
)
PREVIEW_DPI = 40


def render_preview(plan: Plan, options) -> tuple[object, bytes | None]:
    """The export's summary and, if pdftoppm is here, a PNG of its first page."""
    from planner.export.pdf import render_pdf

    data, summary = render_pdf(plan, options)
    tool = shutil.which("pdftoppm")
    if tool is None:
        return summary, None
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "preview.pdf"
        pdf.write_bytes(data)
        subprocess.run(
            [
                tool,
                "-png",
                "-r",
                str(PREVIEW_DPI),
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(Path(folder) / "page"),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        pages = sorted(Path(folder).glob("page*.png"))
        return summary, pages[0].read_bytes() if pages else None


def describe(summary) -> str:
    rows, cols = summary.tiles
    text = (
        f"{counted(summary.pages, 'page')} on {summary.paper} {summary.orientation}, scale "
        f"1:{summary.scale}; {counted(summary.booths, 'booth')}"
    )
    if (rows, cols) != (1, 1):
        text += f"; the map is tiled {rows} × {cols}"
    if summary.index_pages:
        text += f"; {counted(summary.index_pages, 'index page')}"
    if summary.names_in_index_only:
        long_names = counted(
            summary.names_in_index_only,
            "name too long for its booth",
            "names too long for their booth",
        )
        # Only an index lists them: without one, say how to get them (it said "in the index"
        # of a PDF that had none).
        where = "in the index" if summary.index_pages else "add the index to list them"
        text += f"; {long_names} ({where})"
    return text + "."


class PdfExportDialog(QDialog):
    def __init__(
        self, plan: Plan, plan_path: Path | None, parent=None, colour_by: str = "status"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdf-dialog")
        self.setWindowTitle(self.tr("Export PDF"))
        self.plan = plan
        self.plan_path = plan_path
        self.job: Job | None = None
        self.written = None
        from planner.export.layout import ORIENTATIONS, PAPERS_MM
        from planner.export.options import COLOUR_MODES

        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS_MM))
        self.paper.setCurrentText("A3")
        self.orientation = QComboBox()
        self.orientation.addItems(list(ORIENTATIONS))
        self.scale = QComboBox()
        for value, label in SCALES:
            self.scale.addItem(self.tr(label), value)
        self.colour_by = QComboBox()
        self.colour_by.addItems(list(COLOUR_MODES))
        self.colour_by.setCurrentText(colour_by)
        self.index = QCheckBox(self.tr("Add an exhibitor index"))
        self.exhibitor = QComboBox()
        self.exhibitor.addItem(self.tr("(the whole plan)"), None)
        for exhibitor in sorted(plan.exhibitors.values(), key=lambda e: e.name.casefold()):
            if plan.booths_of(exhibitor.id):
                self.exhibitor.addItem(exhibitor.name, exhibitor.id)
        self.per_exhibitor = QCheckBox(self.tr("One page per exhibitor"))
        form = QFormLayout()
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Scale"), self.scale)
        form.addRow(self.tr("Colour booths by"), self.colour_by)
        form.addRow(self.tr("Exhibitor map"), self.exhibitor)
        form.addRow("", self.per_exhibitor)
        form.addRow("", self.index)
        self.summary = QLabel()
        self.summary.setObjectName("pdf-summary")
        self.summary.setWordWrap(True)
        self.page = QLabel(self.tr("Preparing the preview…"))
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroller = QScrollArea()
        scroller.setWidget(self.page)
        scroller.setWidgetResizable(True)
        scroller.setMinimumSize(420, 320)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(scroller, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.preview)
        for combo in (self.paper, self.orientation, self.scale, self.colour_by, self.exhibitor):
            combo.currentIndexChanged.connect(self._timer.start)
        for box in (self.index, self.per_exhibitor):
            box.toggled.connect(self._timer.start)
        self._timer.start()

    def options(self):
        from planner.export.options import PdfOptions

        return PdfOptions(
            paper=self.paper.currentText(),
            orientation=self.orientation.currentText(),
            scale=self.scale.currentData(),
            colour_by=self.colour_by.currentText(),
            index=self.index.isChecked(),
            exhibitor=self.exhibitor.currentData(),
            per_exhibitor=self.per_exhibitor.isChecked(),
        )

    # -- preview ---------------------------------------------------------------------------
    def preview(self) -> Job | None:
        try:
            options = self.options()
        except BoothplanError as error:
            self.summary.setText(str(error))
            return None
        plan = self.plan
        job = Job(lambda progress, cancel: render_preview(plan, options))
        job.signals.finished.connect(self._previewed)
        job.signals.failed.connect(self._preview_failed)
        self.job = job
        self.summary.setText(self.tr("Preparing the preview…"))
        return job.start()

    def _previewed(self, result) -> None:
        summary, png = result
        self.summary.setText(describe(summary))
        if png is None:
            self.page.setText(self.tr("(A page preview needs poppler's pdftoppm.)"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.page.setPixmap(pixmap)

    def _preview_failed(self, error: BaseException) -> None:
        self.summary.setText(str(error))
        self.page.setText("")

    # -- export ----------------------------------------------------------------------------
    def export(self, path: str | None = None) -> bool:
        from planner.export.pdf import write_pdf

        if path is None:
            from planner.ui.file_controller import file_name_for

            start = (
                self.plan_path.with_suffix(".pdf")
                if self.plan_path
                else Path(file_name_for(self.plan.name)).with_suffix(".pdf")
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export PDF"), str(start), self.tr("PDF files (*.pdf)")
            )
            if not path:
                return False
        try:
            self.written = write_pdf(self.plan, Path(path), self.options())
        except BoothplanError as error:
            show_error(self, str(error))
            return False
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("Wrote %1: %2")
                .replace("%1", Path(path).name)
                .replace("%2", describe(self.written)),
                15000,
            )
        self.accept()
        return True
