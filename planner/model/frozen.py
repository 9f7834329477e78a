"""Frozen booth numbers: numbers already quoted to exhibitors (a printed map, an offer).

A booth whose number is frozen carries the flag ``"frozen"``. A re-pack keeps such booths where
they are, with their numbers, unless told to renumber (``boothplan pack --renumber``, or the
app's question before it packs), so that a number quoted to a customer keeps pointing at the
same floor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from planner.model.entities import Booth
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.wording import counted

FROZEN = "frozen"


def is_frozen(booth: Booth) -> bool:
    return FROZEN in booth.flags


def freeze_numbers(plan: Plan, booth_ids: Iterable[str] | None = None) -> Patch:
    """Mark the numbers of ``booth_ids`` (every booth by default) as quoted."""
    ids = plan.booths if booth_ids is None else [i for i in booth_ids if i in plan.booths]
    edit = plan.edit()
    count = 0
    for id_ in ids:
        booth = plan.booths[id_]
        if not is_frozen(booth):
            edit.put(replace(booth, flags=(*booth.flags, FROZEN)))
            count += 1
    return Patch(edit.build().changes, f"Freeze {counted(count, 'booth number')}")


def unfreeze_numbers(plan: Plan, booth_ids: Iterable[str] | None = None) -> Patch:
    """Let a re-pack move and renumber these booths again."""
    ids = plan.booths if booth_ids is None else [i for i in booth_ids if i in plan.booths]
    edit = plan.edit()
    count = 0
    for id_ in ids:
        booth = plan.booths[id_]
        if is_frozen(booth):
            edit.put(replace(booth, flags=tuple(f for f in booth.flags if f != FROZEN)))
            count += 1
    return Patch(edit.build().changes, f"Unfreeze {counted(count, 'booth number')}")


__all__ = ["FROZEN", "freeze_numbers", "is_frozen", "unfreeze_numbers"]
