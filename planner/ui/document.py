"""The open plan: the current :class:`Plan`, its file, and the undo stack that changes it.

The model is immutable, so the document simply swaps ``plan`` for ``plan.apply(patch)``. Every
change goes through a :class:`PatchCommand` on the :class:`QUndoStack`: its redo applies the patch,
its undo applies the exact inverse. Views listen to :attr:`PlanDocument.plan_changed`, which
carries the patch that was applied (``None`` when the whole plan was replaced, e.g. on open).

The document also remembers which version of its file it stands on (``disk``, with ``base``,
the plan as that version holds it): a save writes only over that version, and when someone
else has saved since, ``base`` is what tells the organiser's edits from theirs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.formats.plan_file import DiskVersion
from planner.model import Patch, Plan
from planner.model.merge import difference
from planner.ui.floor_guard import refuse_broken_floor

# Two interactive edits of the same kind within one drag are merged (QUndoCommand.id()).
_NO_MERGE = -1

# Why a plan's own file may not be written (PlanDocument.read_only_kind), each with its way out.
HELD = "held"  # open in another window: take it over
OUTSIDE = "outside"  # changed outside Boothplan: keep those changes
LOCKED = "locked"  # no lock file can be made beside it (a read-only folder): save a copy


class PatchCommand(QUndoCommand):
    """One undo step: a patch against the plan that was current when it was pushed."""

    def __init__(self, document: PlanDocument, patch: Patch, text: str | None = None) -> None:
        super().__init__(text or patch.description or "Edit")
        self._document = document
        self.patch = patch

    def redo(self) -> None:
        self._document._apply(self.patch)

    def undo(self) -> None:
        self._document._apply(self.patch.inverse())

    def id(self) -> int:
        return _NO_MERGE


class PlanDocument(QObject):
    """Holds the current plan; the only object that replaces it."""

    plan_changed = Signal(object)  # the Patch applied, or None for a whole new plan
    path_changed = Signal(object)  # Path | None
    read_only_changed = Signal(str)  # why the plan's file may not be written, "" when it may

    def __init__(self, plan: Plan | None = None, path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self._plan = plan if plan is not None else Plan()
        self._path = path
        self._disk: DiskVersion | None = None
        self._base = self._plan
        self._read_only = ""
        self._read_only_kind = ""
        self.undo_stack = QUndoStack(self)

    # -- reading ---------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def disk(self) -> DiskVersion | None:
        """The version of the file this plan stands on (``None``: not saved, or not ours)."""
        return self._disk

    @property
    def base(self) -> Plan:
        """The plan as that version of the file holds it."""
        return self._base

    @property
    def read_only(self) -> str:
        """Why Save may not write to the plan's own file ("" when it may): open in another
        window, changed outside Boothplan, salvaged from a damaged file."""
        return self._read_only

    @property
    def read_only_kind(self) -> str:
        """Which of HELD, OUTSIDE, LOCKED the reason is ("" when the file may be written)."""
        return self._read_only_kind

    def set_read_only(self, reason: str, kind: str = "") -> None:
        changed = (reason, kind) != (self._read_only, self._read_only_kind)
        self._read_only, self._read_only_kind = reason, kind if reason else ""
        if changed:
            self.read_only_changed.emit(reason)

    # -- changing --------------------------------------------------------------------------
    def push(self, patch: Patch, text: str | None = None) -> bool:
        """Apply ``patch`` as one undo step. An empty patch changes nothing and is not pushed."""
        if not patch:
            return False
        # Check before pushing: a stale patch, or one that takes a zone or door off its hall,
        # raises here and leaves the stack untouched.
        refuse_broken_floor(self._plan, self._plan.apply(patch), patch)
        self.undo_stack.push(PatchCommand(self, patch, text))
        return True

    def replace_plan(
        self,
        plan: Plan,
        path: Path | None,
        modified: bool = False,
        disk: DiskVersion | None = None,
        read_only: str = "",
        kind: str = "",
    ) -> None:
        """Start over with ``plan`` (New, Open): history cleared, state clean.

        ``modified`` marks a plan that is not on disk yet (recovered work): no state of the
        stack is clean then, so closing asks to save it. ``disk`` is the version of the file
        ``plan`` was read from.
        """
        self.undo_stack.clear()
        self._plan = plan
        self._path = path
        self._disk, self._base = disk, plan
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.set_read_only(read_only, kind)
        self.plan_changed.emit(None)
        self.path_changed.emit(path)

    def mark_saved(self, path: Path, disk: DiskVersion | None = None, plan: Plan | None = None):
        """``plan`` (the plan as it was handed to the writer) is now version ``disk`` of
        ``path``: the state is clean and Save may write there."""
        self._path = path
        self._disk, self._base = disk, plan if plan is not None else self._plan
        self.undo_stack.setClean()
        self.set_read_only("")
        self.path_changed.emit(path)

    def reload(
        self, plan: Plan, disk: DiskVersion | None, read_only: str = "", kind: str = ""
    ) -> None:
        """Another program saved the file and this window had no unsaved changes: take its
        version. The view stays where it is (views get the difference as a patch); the history
        goes, since its steps were made on the old version."""
        patch = difference(self._plan, plan, "Reload")
        self.undo_stack.clear()
        self._plan = plan
        self._disk, self._base = disk, plan
        self.undo_stack.setClean()
        self.set_read_only(read_only, kind)
        if patch:
            self.plan_changed.emit(patch)

    def adopt_merge(self, merged: Plan, theirs: Plan, disk: DiskVersion | None) -> None:
        """The organiser's edits, combined with another writer's version ``theirs`` (version
        ``disk`` of the file), become the window's plan: unsaved, and still undoable (each step
        touches only entities the other writer left alone)."""
        patch = difference(self._plan, merged, "Merge")
        self._plan = merged
        self._disk, self._base = disk, theirs
        self.undo_stack.resetClean()
        if patch:
            self.plan_changed.emit(patch)

    def _apply(self, patch: Patch) -> None:
        self._plan = self._plan.apply(patch)
        self.plan_changed.emit(patch)
