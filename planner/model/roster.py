"""The exhibitor list of a plan: finding exhibitors, their sectors, adding and removing them.

Names are matched on a *key* that forgives case, spacing and Unicode composition (a name typed
on a Mac arrives decomposed), but the name stored is always the text as the user gave it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from planner.errors import BoothplanError
from planner.model.booking import HELD_STATUSES, release, set_status
from planner.model.entities import Exhibitor
from planner.model.natural_order import fold_accents, natural_key
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


def match_exhibitors(plan: Plan, ref: str) -> list[Exhibitor]:
    """The exhibitors ``ref`` names, by the first rule that finds any: the id; the name or
    English name (case and spacing forgiven); the same without accents ("cong ty lao cai" for
    "Công ty Lào Cai", as typed on a keyboard without Vietnamese input); a part of a name."""
    if ref in plan.exhibitors:
        return [plan.exhibitors[ref]]
    people = list(plan.exhibitors.values())
    key = name_key(ref)
    if not key:
        return []
    for fold in (name_key, lambda text: fold_accents(name_key(text))):
        wanted = fold(ref)
        found = [e for e in people if wanted in (fold(e.name), fold(e.name_en or ""))]
        if found:
            return found
    wanted = fold_accents(key)
    return [
        e
        for e in people
        if wanted in fold_accents(name_key(e.name)) or wanted in fold_accents(name_key(e.name_en))
    ]


def describe_matches(matches: list[Exhibitor], limit: int = 5) -> str:
    """ "A (exhibitor-1), B (exhibitor-7) and 3 more": enough to choose the full name or id."""
    ordered = sorted(matches, key=lambda e: (natural_key(" ".join(e.name.split())), e.id))
    shown = ", ".join(f"{e.name} ({e.id})" for e in ordered[:limit])
    return shown + (f" and {len(matches) - limit} more" if len(matches) > limit else "")


def find_exhibitor(plan: Plan, ref: str) -> Exhibitor:
    """An exhibitor by id, name, English name, name without accents or a unique part of a
    name (see :func:`match_exhibitors`); an unknown or ambiguous one is refused."""
    matches = match_exhibitors(plan, ref)
    if not matches:
        raise RosterError(f"There is no exhibitor {ref!r} in the plan.")
    if len(matches) > 1:
        raise RosterError(
            f"{ref!r} matches {len(matches)} exhibitors ({describe_matches(matches)}); "
            "give the full name or the id."
        )
    return matches[0]


def exhibitors_by_key(plan: Plan) -> dict[str, Exhibitor]:
    """The plan's exhibitors by :func:`name_key` of their name (the first one wins)."""
    result: dict[str, Exhibitor] = {}
    for exhibitor in plan.exhibitors.values():
        result.setdefault(name_key(exhibitor.name), exhibitor)
    return result


MAX_BOOTHS_WANTED = 1000  # more is a typo (a phone number in the wrong box)


def save_exhibitor(plan: Plan, exhibitor: Exhibitor, at: str | None = None) -> Patch:
    """Add ``exhibitor`` (an empty id gives it a new one) or replace the one with its id.

    Refused in one sentence: an empty or taken name, an unknown sector (add it to the plan's
    sectors first), a booth count out of range, a status an exhibitor cannot hold. When the
    status changes, the booths the exhibitor holds take it too, with a history line each, as
    when an imported list changes it.
    """
    name = " ".join(exhibitor.name.split())
    if not name:
        raise RosterError("An exhibitor needs a name.")
    key = name_key(name)
    for other in plan.exhibitors.values():
        if other.id != exhibitor.id and name_key(other.name) == key:
            raise RosterError(f"There is already an exhibitor called {other.name}.")
    sector = normalise_sector(exhibitor.sector)
    if not is_known_sector(plan, sector):
        raise RosterError(
            f"The sector {exhibitor.sector!r} is unknown (known: "
            f"{', '.join(known_sectors(plan))}); add it to the plan's sectors first."
        )
    if not 0 <= exhibitor.booths_wanted <= MAX_BOOTHS_WANTED:
        raise RosterError(
            f"{exhibitor.booths_wanted} booths is not a booth count (0 to {MAX_BOOTHS_WANTED})."
        )
    if exhibitor.booking_status not in HELD_STATUSES:
        raise RosterError(
            f"An exhibitor's booths can be on hold, reserved or confirmed, not "
            f"{exhibitor.booking_status!r}."
        )
    adding = not exhibitor.id or exhibitor.id not in plan.exhibitors
    id_ = exhibitor.id or plan.new_id("exhibitors")
    clean = replace(exhibitor, id=id_, name=name, sector=sector)
    verb = "Add" if adding else "Edit"
    patch = plan.edit(f"{verb} exhibitor {name}").put(clean).build()
    before = plan.exhibitors.get(id_)
    if before is not None and before.booking_status != clean.booking_status:
        after = plan.apply(patch)
        held = [
            b.id
            for b in after.booths_of(id_)
            if b.status in HELD_STATUSES and b.status != clean.booking_status
        ]
        if held:
            patch = patch.then(set_status(after, held, clean.booking_status, at))
    return patch


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
    "describe_matches",
    "exhibitors_by_key",
    "find_exhibitor",
    "is_known_sector",
    "known_sectors",
    "match_exhibitors",
    "name_key",
    "remove_exhibitor",
    "save_exhibitor",
]
