"""Auto-pack in the background with a progress dialog and Cancel; the result is one undo step
and the capacity report is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from planner.errors import BoothplanError
from planner.model import Plan
from planner.ui.document import PlanDocument
from planner.ui.errors import show_error
from planner.ui.workers import Job, JobCancelled
from planner.wording import counted


def pack_plan(plan: Plan, zone_ids, progress, cancel, keep_frozen: bool = False):
    from planner.packing import pack

    return pack(plan, zone_ids=zone_ids, progress=progress, cancel=cancel, keep_frozen=keep_frozen)


ZONE_COLUMNS = ("Zone", "Use", "Booth", "Aisle", "Placed", "Floor m²", "At most", "Practical")


class ReportDialog(QDialog):
    """The capacity report after a pack: the figures in plain words, then a table per zone.

    Issue "An organiser's whole job", break 7: it was monospace text saying "bound" and
    "eff.", with columns out of line on Vietnamese names.
    """

    def __init__(self, title: str, report, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("report-dialog")
        self.setWindowTitle(title)
        self.report = report
        layout = QVBoxLayout(self)
        self.headline = QLabel(report.headline())
        self.headline.setObjectName("capacity-headline")
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.table = QTableWidget(len(report.zones), len(ZONE_COLUMNS))
        self.table.setObjectName("capacity-table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in ZONE_COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, zone in enumerate(report.zones):
            cells = [
                zone.name,
                zone.use,
                f"{zone.booth[0]:g} × {zone.booth[1]:g} m",
                f"{zone.aisle:g} m",
                str(zone.placed),
                f"{zone.usable_area:,.0f}",
                f"{zone.bound:,.0f}",
                f"{zone.practical:,.0f}",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        more = [
            line
            for line in report.to_text().splitlines()
            if line.startswith(("target", "  -", "Numbers:"))
        ] + list(report.notes)
        self.details = QLabel("\n".join(more))
        self.details.setObjectName("capacity-details")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        legend = QLabel(
            self.tr(
                "At most: no layout with these booths and aisles can place more. Practical: "
                "what rows broken by cross aisles can reach."
            )
        )
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555;")
        layout.addWidget(legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def text(self) -> str:
        """Everything the dialog says, as the command line prints it."""
        return self.report.to_text()


def ask_about_frozen(parent, numbers: tuple[str, ...]) -> str:
    """A re-pack would move or drop frozen numbers: "keep", "change" or "cancel"."""
    from planner.ui.file_questions import Role, ask

    shown = ", ".join(numbers[:10]) + (" …" if len(numbers) > 10 else "")
    tr = parent.tr
    return ask(
        parent,
        "frozen-box",
        tr("Frozen booth numbers"),
        tr("Packing would move or take away %1 (%2).")
        .replace("%1", counted(len(numbers), "frozen booth number"))
        .replace("%2", shown),
        [
            ("keep", tr("Keep them, pack around them"), Role.AcceptRole),
            ("change", tr("Let them change"), Role.DestructiveRole),
        ],
        tr(
            "Frozen numbers are the ones quoted to exhibitors (on printed maps or offers). "
            "Keeping them leaves those booths as they are."
        ),
    )


class PackRunner(QObject):
    """One auto-pack at a time for one window."""

    finished = Signal(object)  # the PackResult, after its patch was pushed
    cancelled = Signal()

    def __init__(self, document: PlanDocument, window) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        self.report: ReportDialog | None = None
        self._zone_ids: list[str] | None = None
        self._keep_frozen = False

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, zone_ids: list[str] | None = None, keep_frozen: bool = False) -> Job | None:
        """Pack in the background. Frozen booths are first packed like the others; if that
        would move or drop any frozen number, the organiser is asked before anything changes
        (keep them and pack around them, let them change, or cancel)."""
        if self.job is not None:
            return None
        self._zone_ids, self._keep_frozen = zone_ids, keep_frozen
        plan = self.document.plan
        where = (
            self.tr("zone %1").replace("%1", ", ".join(plan.zones[z].name for z in zone_ids))
            if zone_ids
            else self.tr("the whole plan")
        )
        dialog = QProgressDialog(
            self.tr("Packing %1…").replace("%1", where), self.tr("Cancel"), 0, 1000, self.window
        )
        dialog.setObjectName("pack-progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        job = Job(
            lambda progress, cancel: (
                plan,
                pack_plan(plan, zone_ids, progress, cancel, keep_frozen),
            )
        )
        dialog.canceled.connect(job.cancel)
        # Bound methods, not lambdas: Qt drops the connections if this runner goes first.
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.job = job
        return job.start()

    def stop(self) -> None:
        """Abandon a running pack (the window is closing): nothing it finds is applied."""
        job = self.job
        if job is None:
            return
        for signal, slot in (
            (job.signals.progress, self._progress),
            (job.signals.finished, self._finished),
            (job.signals.failed, self._failed),
        ):
            signal.disconnect(slot)
        job.cancel()
        self._close()

    def _progress(self, fraction: float, message: str) -> None:
        dialog = self.dialog
        if dialog is not None:
            if message:
                dialog.setLabelText(message)
            # A modal progress dialog runs the event loop in setValue: the job may finish here.
            dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.job = None

    def _finished(self, outcome: tuple[Plan, object]) -> None:
        self._done(*outcome)

    def _done(self, plan: Plan, result) -> None:
        self._close()
        if plan is not self.document.plan:
            show_error(self.window, self.tr("The plan changed while packing; pack again."))
            return
        frozen = result.report.numbers.frozen_gone
        if frozen and not self._keep_frozen:
            answer = ask_about_frozen(self.window, frozen)
            if answer == "keep":
                self.start(self._zone_ids, keep_frozen=True)
                return
            if answer != "change":
                self.window.statusBar().showMessage(self.tr("Packing cancelled; nothing changed."))
                self.cancelled.emit()
                return
        if result.patch:
            self.document.push(result.patch, self.tr("Auto-pack"))
        self.report = ReportDialog(self.tr("Capacity report"), result.report, self.window)
        self.report.open()
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, JobCancelled) or type(error).__name__ == "PackCancelled":
            self.window.statusBar().showMessage(self.tr("Packing cancelled; nothing changed."))
            self.cancelled.emit()
            return
        if isinstance(error, BoothplanError):
            show_error(self.window, str(error))
            return
        show_error(self.window, self.tr("Packing failed: %1").replace("%1", str(error)))
