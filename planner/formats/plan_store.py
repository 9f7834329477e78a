"""Saving a plan only over the version that was read: no writer loses another's edit.

Two commands on one plan at once (``pack`` while ``exhibitors import`` runs) used to both read
revision N and both write: the second save silently dropped the first one's work, in 26 rounds
of 50. Every writer now goes through here:

* :func:`save_over` takes the plan's write lock (:mod:`planner.formats.plan_lock`), compares
  what is on disk with what the writer read (the save stamp inside the file and the file's
  identity outside), and writes only if they match; otherwise :class:`PlanChangedError`.
* :func:`update_plan` is the command line's read-change-save: when the file changed under it,
  it reads the new version and runs the change again on it, so both edits end up in the file;
  after a few rounds of that it gives up with one sentence, leaving the file as the other
  writer left it.

A plan whose checksums show it was changed outside Boothplan, or that was read damaged, is
never saved over: the user looks at it first (``boothplan accept-changes``, or the app).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from planner.formats.plan_file import (
    DiskVersion,
    OpenedPlan,
    PlanFileError,
    Stamp,
    disk_version,
    is_plan_file,
    open_plan,
    who_am_i,
    write_plan,
)
from planner.formats.plan_lock import write_lock
from planner.model import Patch, Plan

T = TypeVar("T")

ATTEMPTS = 5


class PlanChangedError(PlanFileError):
    """The file is no longer the version the writer read; ``now`` is what is there instead."""

    def __init__(self, path: Path, now: DiskVersion | None) -> None:
        if now is None:
            said = f"{path} was removed or renamed since it was opened; nothing was saved."
        else:
            said = (
                f"{path} was changed since it was opened (revision {now.stamp.revision}, "
                f"{now.stamp.describe()}); nothing was saved."
            )
        super().__init__(said)
        self.path, self.now = path, now


class ChangedOutsideError(PlanFileError):
    """The plan's checksums do not match: someone edited it with another program."""

    def __init__(self, path: Path, tables: tuple[str, ...]) -> None:
        super().__init__(
            f"{path} was changed outside Boothplan since it was saved (in {_listed(tables)}), "
            "so Boothplan will not write over it: look at it with boothplan info or in the app, "
            f"then run boothplan accept-changes {path} to keep those changes."
        )
        self.path, self.tables = path, tables


def _listed(tables: tuple[str, ...]) -> str:
    return ", ".join(tables[:-1]) + (" and " if len(tables) > 1 else "") + tables[-1]


def save_over(
    path: str | os.PathLike[str],
    plan: Plan,
    read: DiskVersion | None,
    program: str,
) -> DiskVersion:
    """Write ``plan`` to ``path`` if the file is still the version ``read`` (``None``: there
    must be no file); the write lock is held from the comparison to the rename."""
    path = Path(path)
    with write_lock(path):
        now = disk_version(path)
        if now != read:
            raise PlanChangedError(path, now)
        previous = now.stamp if now is not None else Stamp()
        return write_plan(plan, path, previous.following(who_am_i(program)))


def save_new(path: str | os.PathLike[str], plan: Plan, program: str) -> DiskVersion:
    """Write ``plan`` to ``path`` whatever is there (``new --force``, Save As over a file the
    user chose to replace), still under the write lock, so no save is cut in half."""
    path = Path(path)
    with write_lock(path):
        try:
            now = disk_version(path) if is_plan_file(path) else None
        except PlanFileError:  # a damaged plan being replaced on purpose
            now = None
        previous = now.stamp if now is not None else Stamp()
        return write_plan(plan, path, previous.following(who_am_i(program)))


def refuse_changed_outside(opened: OpenedPlan, path: Path) -> None:
    if opened.changed_outside:
        raise ChangedOutsideError(path, opened.changed_tables)


@dataclass(frozen=True, slots=True)
class Updated(Generic[T]):
    """What :func:`update_plan` did: the plan now on disk, the change's own result, and how
    many times the change ran (more than once when another writer got there first)."""

    plan: Plan
    result: T
    saved: bool
    rounds: int


def update_plan(
    path: str | os.PathLike[str],
    change: Callable[[Plan], tuple[Patch, T]],
    program: str,
    attempts: int = ATTEMPTS,
) -> Updated[T]:
    """Read ``path``, let ``change`` make its patch, save; again on the newer version when
    someone else saved in between. ``change`` must be a pure function of the plan (it may run
    more than once); its result is returned as it was on the version that was saved."""
    path = Path(path)
    for round_ in range(1, attempts + 1):
        opened = open_plan(path)
        refuse_changed_outside(opened, path)
        patch, result = change(opened.plan)
        if not patch:
            return Updated(opened.plan, result, False, round_)
        changed = opened.plan.apply(patch)
        try:
            save_over(path, changed, opened.version, program)
        except PlanChangedError:
            continue
        return Updated(changed, result, True, round_)
    raise PlanFileError(
        f"{path} was changed by another program {attempts} times while this command ran, so "
        "nothing was saved; run it again once the other program is done."
    )


__all__ = [
    "ATTEMPTS",
    "ChangedOutsideError",
    "PlanChangedError",
    "Updated",
    "refuse_changed_outside",
    "save_new",
    "save_over",
    "update_plan",
]
