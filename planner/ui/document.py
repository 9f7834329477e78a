"""The open plan: the current :class:`Plan`, its file, and the undo stack that changes it.

The model is immutable, so the document simply swaps ``plan`` for ``plan.apply(patch)``. Every
change goes through a :class:`PatchCommand` on the :class:`QUndoStack`: its redo applies the patch,
its undo applies the exact inverse. Views listen to :attr:`PlanDocument.plan_changed`, which
carries the patch that was applied (``None`` when the whole plan was replaced, e.g. on open).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.model import Patch, Plan
from planner.ui.floor_guard import refuse_broken_floor

# Two interactive edits of the same kind within one drag are merged (QUndoCommand.id()).
_NO_MERGE = -1


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

    def __init__(self, plan: Plan | None = None, path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self._plan = plan if plan is not None else Plan()
        self._path = path
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

    def replace_plan(self, plan: Plan, path: Path | None, modified: bool = False) -> None:
        """Start over with ``plan`` (New, Open): history cleared, state clean.

        ``modified`` marks a plan that is not on disk yet (recovered work): no state of the
        stack is clean then, so closing asks to save it.
        """
        self.undo_stack.clear()
        self._plan = plan
        self._path = path
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.plan_changed.emit(None)
        self.path_changed.emit(path)

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self.undo_stack.setClean()
        self.path_changed.emit(path)

    def _apply(self, patch: Patch) -> None:
        self._plan = self._plan.apply(patch)
        self.plan_changed.emit(patch)
