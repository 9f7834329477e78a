"""New, Open, Save, Save As, Revert, recent files and "save changes?" for one window's document.

Saving never writes over work the window has not seen. The window remembers which version of
its file it opened (its save stamp); Save writes only over that version, under the plan's
write lock (:mod:`planner.formats.plan_store`). When another window or the command line saved
in between, the organiser is asked: combine both (when they changed different things), save a
copy, or take the other version. When the file changes while the window has nothing unsaved,
the window simply reloads it and says so.

A plan open in another window, one changed outside Boothplan, and one salvaged from a damaged
file open read-only: Save then asks for another name (the notice above the canvas offers the
way out: take over, accept the changes).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from shapely.geometry import box

from planner.errors import BoothplanError
from planner.formats.plan_file import OpenedPlan, PlanDamagedError, PlanFileError, open_plan
from planner.formats.plan_lock import remove_stale
from planner.formats.plan_store import PlanChangedError, save_new, save_over
from planner.model import Hall, PatchConflict, Plan, PlanInfo
from planner.model.merge import merge
from planner.ui.dialogs import NewPlanDialog
from planner.ui.document import HELD, LOCKED, OUTSIDE, PlanDocument
from planner.ui.errors import guarded, show_error
from planner.ui.file_guard import FileGuard
from planner.ui.file_questions import ask_about_conflict, ask_about_damage, ask_about_holder

PLAN_FILTER = "Boothplan plans (*.boothplan);;All files (*)"
FLOOR_FILTER = "GeoJSON floors (*.geojson *.json);;All files (*)"
MAX_RECENT = 8
PROGRAM = "Boothplan app"  # in the save stamp: "minh@PC-01 (Boothplan app)"


def blank_plan(name: str, width: float, depth: float) -> Plan:
    return Plan.from_entities(
        [PlanInfo(name=name), Hall("hall-1", "Hall A", box(0.0, 0.0, width, depth))]
    )


def file_name_for(plan_name: str) -> str:
    """A file name from a plan's name, as a person would type it (letters of any script kept).

    >>> file_name_for("Hội chợ Sơn La / 2025: tuần 1")
    'Hội chợ Sơn La - 2025 - tuần 1.boothplan'
    """
    name = re.sub(r'\s*[\\/:*?"<>|]+\s*', " - ", plan_name).strip(" .-") or "plan"
    return f"{name[:120]}.boothplan"


class FileController(QObject):
    recent_changed = Signal()
    notice = Signal(str)  # a sentence for the status bar

    def __init__(self, document: PlanDocument, window: QWidget) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.guard = FileGuard(lambda: self.document.disk, self)
        self.guard.disk_changed.connect(self._disk_changed)
        self.guard.taken_over.connect(self._taken_over)
        self.pending_change = ""  # set when the file changed under unsaved edits

    # -- opening ---------------------------------------------------------------------------
    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        dialog = NewPlanDialog(self.window)
        if not dialog.exec():
            return False
        plan = blank_plan(dialog.plan_name(), *dialog.hall_size)
        self._start(plan, None)
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

        read = guarded(self.window, lambda: read_floor(Path(path)))
        if not read:
            return False
        self._start(read.value, None)
        return True

    def _start(self, plan: Plan, path: Path | None, **kwargs) -> None:
        self.guard.let_go()
        self.pending_change = ""
        self.document.replace_plan(plan, path, **kwargs)

    def open(self, path: str | None = None, ask_to_save: bool = True) -> bool:
        if ask_to_save and not self.maybe_save():
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open plan"), self._last_dir(), self.tr(PLAN_FILTER)
            )
            if not path:
                return False
        return self._open(Path(path))

    def _open(self, path: Path) -> bool:
        try:
            opened = open_plan(path)
        except PlanDamagedError as error:
            return self._open_damaged(path, error)
        except BoothplanError as error:
            show_error(self.window, str(error))
            return False
        read_only, kind = "", ""
        holder = self.guard.other_holder(path)
        if holder is not None:
            answer = ask_about_holder(self.window, path, holder)
            if answer == "cancel":
                return False
            if answer == "read-only":
                read_only = self.tr("open in Boothplan for %1").replace("%1", holder.describe())
                kind = HELD
            elif answer == "remove-stale" and not guarded(self.window, lambda: remove_stale(path)):
                return False
        if not read_only and opened.changed_outside:
            read_only, kind = self._outside(opened), OUTSIDE
        self._start(opened.plan, path, disk=opened.version, read_only=read_only, kind=kind)
        self._hold_or_watch(path)
        self.add_recent(path)
        return True

    def _hold_or_watch(self, path: Path) -> None:
        if self.document.read_only:
            self.guard.watch(path)
            return
        try:
            self.guard.hold(path)
        except BoothplanError as error:  # a folder that takes no lock file cannot take a save
            self.guard.watch(path)
            self.document.set_read_only(str(error), LOCKED)

    def _outside(self, opened: OpenedPlan) -> str:
        return self.tr("changed outside Boothplan since it was saved (in %1)").replace(
            "%1", ", ".join(opened.changed_tables)
        )

    def _open_damaged(self, path: Path, error: PlanFileError) -> bool:
        from planner.ui.autosave import recovery_for

        recovery = recovery_for(path)
        answer = ask_about_damage(self.window, str(error), recovery is not None)
        if answer == "autosave" and recovery is not None:
            recovered = guarded(self.window, lambda: open_plan(recovery))
            if not recovered:
                return False
            self._start(recovered.value.plan, None, modified=True)
            self.notice.emit(self.tr("Opened the last autosave of %1.").replace("%1", path.name))
            return True
        if answer != "salvage":
            return False
        read = guarded(self.window, lambda: open_plan(path, salvage=True))
        if not read:
            return False
        salvaged = read.value
        self._start(salvaged.plan, None, modified=True)
        lost = "; ".join(salvaged.salvage_notes) or self.tr("nothing was lost")
        self.notice.emit(
            self.tr("Read what could be read of %1 (%2); save it under another name.")
            .replace("%1", path.name)
            .replace("%2", lost)
        )
        return True

    def revert(self) -> bool:
        """File → Revert: the plan as it is on disk, dropping unsaved changes (after asking)."""
        path = self.document.path
        if path is None:
            return False
        if self.document.modified:
            answer = QMessageBox.question(
                self.window,
                self.tr("Revert"),
                self.tr("Drop your unsaved changes and reload %1 from disk?").replace(
                    "%1", path.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.guard.let_go()
        return self._open(path)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None or self.document.read_only:
            return self.save_as()
        return self._save_over(self.document.path)

    def save_as(self) -> bool:
        start = self.document.path or Path(self._last_dir()) / file_name_for(
            self.document.plan.name
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save plan as"), str(start), self.tr(PLAN_FILTER)
        )
        if not path:
            return False
        if not path.endswith(".boothplan"):
            path += ".boothplan"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Save under ``path``: over this window's own file, only over the version it read;
        over another file, as a new plan (the file dialog has asked about replacing it)."""
        if self._is_own_file(path):
            return self._save_over(path)
        holder = self.guard.other_holder(path)
        if holder is not None and not holder.is_stale():
            show_error(
                self.window,
                self.tr("%1 is open in Boothplan for %2; choose another name, or close it there.")
                .replace("%1", path.name)
                .replace("%2", holder.describe()),
            )
            return False
        plan = self.document.plan
        with self.guard.own_write():
            saved = guarded(self.window, lambda: save_new(path, plan, PROGRAM))
        if not saved:
            return False
        self.guard.let_go()
        self.document.mark_saved(path, saved.value, plan)
        self._hold_or_watch(path)
        self.add_recent(path)
        self._saved(path)
        return True

    def _is_own_file(self, path: Path) -> bool:
        own = self.document.path
        return own is not None and not self.document.read_only and path.resolve() == own.resolve()

    def _save_over(self, path: Path) -> bool:
        plan = self.document.plan
        try:
            with self.guard.own_write():
                disk = save_over(path, plan, self.document.disk, PROGRAM)
        except PlanChangedError as changed:
            return self._resolve_conflict(path, changed)
        except BoothplanError as error:
            show_error(self.window, str(error))
            return False
        self.document.mark_saved(path, disk, plan)
        self.pending_change = ""
        self._saved(path)
        return True

    def _saved(self, path: Path) -> None:
        revision = self.document.disk.stamp.revision if self.document.disk else 0
        self.notice.emit(
            self.tr("Saved %1 (save %2).").replace("%1", path.name).replace("%2", str(revision))
        )

    def _resolve_conflict(self, path: Path, changed: PlanChangedError) -> bool:
        """Someone saved ``path`` since this window read it: combine, copy, or take theirs."""
        theirs: OpenedPlan | None
        try:
            theirs = open_plan(path) if changed.now is not None else None
        except BoothplanError:
            theirs = None
        merged, clash = None, ""
        if theirs is not None and not theirs.changed_outside:
            try:
                merged = merge(self.document.base, self.document.plan, theirs.plan)
            except PatchConflict as conflict:
                clash = str(conflict)
        answer = ask_about_conflict(self.window, path, changed.now, merged is not None, clash)
        if answer == "merge" and merged is not None and theirs is not None:
            self.document.adopt_merge(merged, theirs.plan, theirs.version)
            return self._save_over(path)
        if answer == "save-as":
            return self.save_as()
        if answer == "discard" and theirs is not None:
            outside = self._outside(theirs) if theirs.changed_outside else ""
            self.document.reload(theirs.plan, theirs.version, outside, OUTSIDE if outside else "")
            self.pending_change = ""
            return True
        return False

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

    def close_file(self) -> None:
        """The window is closing: this window's hold on its file goes."""
        self.guard.let_go()

    # -- other writers ---------------------------------------------------------------------
    def _disk_changed(self) -> None:
        path = self.document.path
        if path is None:
            return
        try:
            theirs = open_plan(path)
        except BoothplanError as error:
            self.pending_change = str(error)
            self.notice.emit(
                self.tr("%1 on disk cannot be read now (%2); your copy here is kept.")
                .replace("%1", path.name)
                .replace("%2", str(error))
            )
            return
        said = theirs.stamp.describe()
        if not self.document.modified:
            read_only, kind = self.document.read_only, self.document.read_only_kind
            if theirs.changed_outside and not read_only:
                read_only, kind = self._outside(theirs), OUTSIDE
            self.document.reload(theirs.plan, theirs.version, read_only, kind)
            self.notice.emit(
                self.tr("Reloaded %1: it was %2.").replace("%1", path.name).replace("%2", said)
            )
            return
        self.pending_change = said
        self.notice.emit(
            self.tr(
                "%1 was changed on disk (%2); your unsaved changes are kept, and Save will ask "
                "how to combine them."
            )
            .replace("%1", path.name)
            .replace("%2", said)
        )

    def _taken_over(self, holder) -> None:
        who = holder.describe() if holder is not None else self.tr("another window")
        self.document.set_read_only(self.tr("taken over by %1").replace("%1", who), HELD)

    def take_over(self) -> bool:
        """The notice's "Take over": this window edits the plan again, the other is told."""
        path = self.document.path
        if path is None:
            return False
        self.document.set_read_only("")
        self._hold_or_watch(path)
        return not self.document.read_only

    def accept_outside_changes(self) -> bool:
        """The notice's "Keep them": the plan as another program left it may be saved over."""
        return self.take_over()

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
