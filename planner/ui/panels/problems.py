"""Rules, live: after each change the plan is checked in the background; broken booths are
outlined on the canvas and listed here. Clicking a problem selects and centres its booth."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner.model import Plan
from planner.ui.document import PlanDocument
from planner.ui.workers import Job, JobCancelled
from planner.wording import counted

CHECK_DELAY_MS = 250  # a burst of edits is checked once


def check_plan(plan: Plan) -> list:
    from planner.model.rules import check

    return check(plan)


class ProblemsPanel(QWidget):
    booth_activated = Signal(str)  # booth id
    problems_changed = Signal(dict)  # booth id -> first message

    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.problems: list = []
        self._job: Job | None = None
        self._jobs: list[Job] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("problems-summary")
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("problems-list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        layout.addWidget(self.list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        document.plan_changed.connect(self._plan_changed)
        self._timer.start()

    def _plan_changed(self, _patch) -> None:
        self._timer.start()

    def check_now(self) -> Job:
        """Start a check of the current plan; its result is used only if still current."""
        plan = self.document.plan
        if self._job is not None:
            self._job.cancel()  # its answer would be stale; skip it if it has not started
        self.summary.setText(self.tr("Checking…"))
        job = Job(lambda progress, cancel: (plan, check_plan(plan)))
        # Bound methods, not lambdas: Qt drops the connection if this panel is deleted first.
        job.signals.finished.connect(self._checked)
        job.signals.failed.connect(self._failed)
        self._jobs = [j for j in self._jobs if not j.done.is_set()] + [job]
        self._job = job
        return job.start()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, JobCancelled):
            return  # a newer check is on its way
        self.summary.setText(
            self.tr("The rules could not be checked: %1").replace("%1", str(error))
        )

    def _checked(self, result: tuple[Plan, list]) -> None:
        self._show(*result)

    def _show(self, plan: Plan, problems: list) -> None:
        if plan is not self.document.plan:
            return  # the plan changed meanwhile; a newer check is on its way
        self.problems = problems
        self.list.clear()
        by_booth: dict[str, str] = {}
        listed: set[tuple[str, ...]] = set()
        shown = 0
        for problem in problems:
            by_booth.setdefault(problem.booth_id, problem.message)
            if problem.other_id is not None:  # two booths overlapping: one line, not two
                pair = (problem.rule, *sorted((problem.booth_id, problem.other_id)))
                if pair in listed:
                    continue
                listed.add(pair)
            booth = plan.booths.get(problem.booth_id)
            number = booth.number if booth else problem.booth_id
            item = QListWidgetItem(f"{number}: {problem.message}  [{problem.rule}]")
            item.setData(Qt.ItemDataRole.UserRole, problem.booth_id)
            self.list.addItem(item)
            shown += 1
        if problems:
            self.summary.setText(
                self.tr("%1 at %2")
                .replace("%1", counted(shown, "problem"))
                .replace("%2", counted(len(by_booth), "booth"))
            )
        else:
            self.summary.setText(self.tr("No broken rules."))
        self.problems_changed.emit(by_booth)

    def _activate(self, item: QListWidgetItem) -> None:
        self.booth_activated.emit(item.data(Qt.ItemDataRole.UserRole))
