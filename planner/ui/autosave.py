"""Autosave to a recovery file, and offer it back after a crash.

While the plan has unsaved changes, it is written every few seconds to
``<AppDataLocation>/recovery/<id>.boothplan`` with a small ``.json`` beside it naming the file
it belongs to. A clean close (saved, or changes discarded) removes both. On the next start any
recovery file left behind is offered back; a recovered plan opens as modified and untitled
until saved, so the original file is never overwritten without asking.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from planner.errors import BoothplanError

AUTOSAVE_SECONDS = 60


def recovery_dir() -> Path:
    override = os.environ.get("BOOTHPLAN_RECOVERY_DIR")  # tests, portable installs
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def pending_recoveries() -> list[tuple[Path, dict]]:
    """Recovery files left behind by an earlier run, newest first."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for meta_path in folder.glob("*.json"):
        plan_path = meta_path.with_suffix(".boothplan")
        if not plan_path.exists():
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if meta.get("pid") == os.getpid():
            continue  # ours, from this run
        found.append((plan_path, meta))
    found.sort(key=lambda item: item[0].stat().st_mtime, reverse=True)
    return found


def recovery_for(original: Path) -> Path | None:
    """The newest recovery file of the plan saved at ``original`` (a damaged plan's last
    unsaved state, if Boothplan stopped while it had changes), or ``None``."""
    wanted = str(original.resolve())
    for plan_path, meta in pending_recoveries():
        given = meta.get("original") or ""
        if given and str(Path(given).resolve()) == wanted:
            return plan_path
    return None


def discard(plan_path: Path) -> None:
    for path in (plan_path, plan_path.with_suffix(".json")):
        path.unlink(missing_ok=True)


class Autosaver(QObject):
    def __init__(self, window, seconds: int = AUTOSAVE_SECONDS) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.path = recovery_dir() / f"{uuid.uuid4().hex}.boothplan"
        self.timer = QTimer(self)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self.document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.window.destroyed.connect(self.timer.stop)

    def save_now(self) -> bool:
        """Write the recovery file if there are unsaved changes; returns whether it wrote."""
        if not self.document.modified:
            return False
        from planner.formats.plan_file import write_plan

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_plan(self.document.plan, self.path)
        except (BoothplanError, OSError) as error:
            self.window.statusBar().showMessage(
                self.tr("Autosave failed: %1").replace("%1", str(error))
            )
            return False
        original = str(self.document.path) if self.document.path else ""
        meta = {"original": original, "name": self.document.plan.name, "pid": os.getpid()}
        self.path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        return True

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            discard(self.path)

    def stop(self) -> None:
        """The window closed cleanly: nothing to recover."""
        self.timer.stop()
        discard(self.path)


def start_autosave(window, seconds: int = AUTOSAVE_SECONDS) -> Autosaver:
    saver = Autosaver(window, seconds)
    window.autosaver = saver
    return saver


def offer_recovery(window, answer=None) -> bool:
    """Ask whether to restore the newest recovery file; ``answer`` skips the question (tests)."""
    pending = pending_recoveries()
    if not pending:
        return False
    plan_path, meta = pending[0]
    what = meta.get("original") or meta.get("name") or plan_path.name
    if answer is None:
        answer = (
            QMessageBox.question(
                window,
                window.tr("Recover unsaved work"),
                window.tr(
                    "Boothplan closed without saving %1. Restore the unsaved changes?"
                ).replace("%1", what),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            == QMessageBox.StandardButton.Yes
        )
    if not answer:
        for path, _ in pending:
            discard(path)
        return False
    from planner.formats.plan_file import read_plan

    try:
        plan = read_plan(plan_path)
    except BoothplanError as error:
        QMessageBox.warning(window, "Boothplan", str(error))
        return False
    window.document.replace_plan(plan, None, modified=True)
    for path, _ in pending:
        discard(path)
    return True
