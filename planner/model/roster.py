"""The exhibitor list of a plan: finding exhibitors, their sectors, adding and removing them.

Names are matched on a *key* that forgives case, spacing and Unicode composition (a name typed
on a Mac arrives decomposed), but the name stored is always the text as the user gave it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from planner.errors import BoothplanError
from planner.model.booking import release
from planner.model.entities import Exhibitor
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.sectors import SECTORS, normalise_sector


class RosterError(BoothplanError):
    """An exhibitor or sector request that cannot be carried out."""


def name_key(name: str) -> str:
    """How names are compared: NFC, case-folded, single spaces.

    >>> name_key("  HTX  Chè Shan ") == name_key("htx chè shan")
    True
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def known_sectors(plan: Plan) -> tuple[str, ...]:
    """The built-in sectors, then those the user added to this plan."""
    added = tuple(s for s in plan.info.sectors if s not in SECTORS)
    return SECTORS + added


def is_known_sector(plan: Plan, sector: str) -> bool:
    """An empty sector is allowed (the exhibitor stands in a standard zone)."""
    key = normalise_sector(sector)
    return not key or key in known_sectors(plan)


def add_sectors(plan: Plan, names: Iterable[str]) -> Patch:
    """Add sectors to the plan's list (new ones only; built-in names are already known)."""
    current = list(plan.info.sectors)
    for name in names:
        key = normalise_sector(name)
        if not key:
            raise RosterError("A sector needs a name.")
        if key not in SECTORS and key not in current:
            current.append(key)
    return plan.edit("Add sectors").put(replace(plan.info, sectors=tuple(current))).build()


def find_exhibitor(plan: Plan, ref: str) -> Exhibitor:
    """An exhibitor by id, by name or by English name; an unknown or ambiguous one is refused."""
    if ref in plan.exhibitors:
        return plan.exhibitors[ref]
    key = name_key(ref)
    matches = [e for e in plan.exhibitors.values() if name_key(e.name) == key]
    if not matches:
        matches = [e for e in plan.exhibitors.values() if e.name_en and name_key(e.name_en) == key]
    if not matches:
        raise RosterError(f"There is no exhibitor {ref!r} in the plan.")
    if len(matches) > 1:
        ids = ", ".join(e.id for e in matches)
        raise RosterError(f"{ref!r} names several exhibitors ({ids}); give the id instead.")
    return matches[0]


def exhibitors_by_key(plan: Plan) -> dict[str, Exhibitor]:
    """The plan's exhibitors by :func:`name_key` of their name (the first one wins)."""
    result: dict[str, Exhibitor] = {}
    for exhibitor in plan.exhibitors.values():
        result.setdefault(name_key(exhibitor.name), exhibitor)
    return result


def remove_exhibitor(plan: Plan, exhibitor_id: str, at: str | None = None) -> Patch:
    """Delete an exhibitor, releasing its booths first (their history stays in the plan)."""
    exhibitor = plan.exhibitors.get(exhibitor_id)
    if exhibitor is None:
        raise RosterError(f"There is no exhibitor {exhibitor_id!r} in the plan.")
    held = [b.id for b in plan.booths_of(exhibitor_id)]
    patch = release(plan, held, at) if held else Patch()
    after = plan.apply(patch)
    removal = after.edit().delete("exhibitors", exhibitor_id).build()
    return patch.then(removal, f"Remove exhibitor {exhibitor.name}")


__all__ = [
    "RosterError",
    "add_sectors",
    "exhibitors_by_key",
    "find_exhibitor",
    "is_known_sector",
    "known_sectors",
    "name_key",
    "remove_exhibitor",
]
