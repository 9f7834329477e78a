"""New, Open, Save, Save As, recent files and "save changes?" for one window's document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from shapely.geometry import box

from planner.model import Hall, Plan, PlanInfo
from planner.ui.dialogs import NewPlanDialog
from planner.ui.document import PlanDocument
from planner.ui.errors import guarded

PLAN_FILTER = "Boothplan plans (*.boothplan);;All files (*)"
FLOOR_FILTER = "GeoJSON floors (*.geojson *.json);;All files (*)"
MAX_RECENT = 8


def blank_plan(name: str, width: float, depth: float) -> Plan:
    return Plan.from_entities(
        [PlanInfo(name=name), Hall("hall-1", "Hall A", box(0.0, 0.0, width, depth))]
    )


class FileController(QObject):
    recent_changed = Signal()

    def __init__(self, document: PlanDocument, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window

    # -- opening ---------------------------------------------------------------------------
    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = NewPlanDialog(self.window)
        if not dialog.exec():
            return False
        plan = blank_plan(dialog.plan_name(), *dialog.hall_size)
        self.document.replace_plan(plan, None)
        return True

    def new_from_floor(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("New plan from a GeoJSON floor"), "", self.tr(FLOOR_FILTER)
            )
            if not path:
                return False
        from planner.formats.geojson_floor import read_floor

        plan = guarded(self.window, lambda: read_floor(Path(path)))
        if plan is None:
            return False
        self.document.replace_plan(plan, None)
        return True

    def open(self, path: str | None = None, ask_to_save: bool = True) -> bool:
        if ask_to_save and not self.maybe_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open plan"), self._last_dir(), self.tr(PLAN_FILTER)
            )
            if not path:
                return False
        from planner.formats.plan_file import read_plan

        plan = guarded(self.window, lambda: read_plan(Path(path)))
        if plan is None:
            return False
        self.document.replace_plan(plan, Path(path))
        self.add_recent(Path(path))
        return True

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        start = str(self.document.path or Path(self._last_dir()) / "plan.boothplan")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save plan as"), start, self.tr(PLAN_FILTER)
        )
        if not path:
            return False
        if not path.endswith(".boothplan"):
            path += ".boothplan"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        from planner.formats.plan_file import write_plan

        plan = self.document.plan
        done = guarded(self.window, lambda: write_plan(plan, path) or True)
        if not done:
            return False
        self.document.mark_saved(path)
        self.add_recent(path)
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False if the user cancels what they were doing."""
        if not self.document.modified:
            return True
        name = self.document.path.name if self.document.path else self.tr("Untitled plan")
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to %1 before closing it?").replace("%1", name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = QSettings().value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: Path) -> None:
        text = str(path.resolve())
        items = [text, *[p for p in self.recent() if p != text]][:MAX_RECENT]
        QSettings().setValue("recentFiles", items)
        QSettings().setValue("lastDir", str(path.resolve().parent))
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        QSettings().setValue("recentFiles", [])
        self.recent_changed.emit()

    def _last_dir(self) -> str:
        return str(QSettings().value("lastDir", str(Path.home())))
