"""What every sub-command shares: reading and changing plans, printing JSON."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from planner.errors import BoothplanError
from planner.formats.plan_file import OpenedPlan, open_plan
from planner.formats.plan_lock import read_holder
from planner.formats.plan_store import Updated, update_plan
from planner.model import Patch, Plan

T = TypeVar("T")


def load_plan(path: str | Path) -> Plan:
    """Read a .boothplan file for a command that only reads it; a bad one raises a
    BoothplanError with one clear sentence. A plan changed outside Boothplan (its checksums
    differ) is read as it is, with a note on stderr."""
    return open_for_reading(path).plan


def open_for_reading(path: str | Path) -> OpenedPlan:
    """:func:`load_plan` with what the file says about itself (its save stamp)."""
    opened = open_plan(Path(path))
    if opened.changed_outside:
        tables = ", ".join(opened.changed_tables)
        print(
            f"boothplan: note: {path} was changed outside Boothplan since it was saved "
            f"(in {tables}); it is shown as it is now.",
            file=sys.stderr,
        )
    return opened


def change_plan(
    path: str | Path, command: str, change: Callable[[Plan], tuple[Patch, T]]
) -> Updated[T]:
    """Read, change and save the plan at ``path`` so that no other writer's edit is lost: if
    the file changed meanwhile, ``change`` runs again on the new version (see
    :mod:`planner.formats.plan_store`). ``command`` names this command in the save stamp."""
    updated = update_plan(Path(path), change, f"boothplan {command}")
    if updated.saved:
        holder = read_holder(path)
        if holder is not None and not holder.is_stale():
            CLOSING_NOTES.append(
                f"boothplan: note: {path} is open in Boothplan for {holder.describe()}; that "
                "window reloads it, or asks first if it has unsaved changes."
            )
    return updated


# Said after the command's own output (main prints them), so the result comes first.
CLOSING_NOTES: list[str] = []


# Where model operations live: their errors speak of "the plan" without knowing its file.
_MODEL_PACKAGES = ("planner.model.", "planner.packing.")
# Ordinary words a model message may open with, lower-cased after the file name ("Booth A-1
# is..." reads "booth A-1 is..."); any other opening (a name, a booth number) keeps its case.
_OPENING_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "there",
        "this",
        "that",
        "these",
        "no",
        "nothing",
        "every",
        "booth",
        "booths",
        "plan",
        "zone",
        "zones",
        "exhibitor",
        "exhibitors",
        "sector",
        "sectors",
    ]
)


def _raised_in(error: BaseException) -> str:
    """The module of the innermost frame that raised ``error``."""
    tb = error.__traceback__
    if tb is None:
        return ""
    while tb.tb_next is not None:
        tb = tb.tb_next
    return str(tb.tb_frame.f_globals.get("__name__", ""))


def name_the_plan(error: BoothplanError, plan_path: str | Path | None) -> str:
    """The message for a user error raised while a command worked on ``plan_path``.

    A model operation (booking, roster, pricing, packing, allocation) knows the plan but not
    its file, so its message gets the file in front: ``fair.boothplan: there is no exhibitor
    'x' in the plan.`` Messages raised elsewhere (reading files, checking the command line)
    name their own file and are left as they are, as is one that already names the plan file.
    """
    message = str(error)
    if plan_path is None or not _raised_in(error).startswith(_MODEL_PACKAGES):
        return message
    path = str(plan_path)
    if path in message or Path(path).name in message:
        return message
    first = re.match(r"[A-Z][a-z]*(?= )", message)
    if first and first.group().lower() in _OPENING_WORDS:
        message = message[0].lower() + message[1:]
    return f"{path}: {message}"


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
