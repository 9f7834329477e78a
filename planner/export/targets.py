"""Whose booths an exhibitor map calls out: found by exhibitor (id or name) or booth number."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from planner.errors import BoothplanError
from planner.export.callout import Callout
from planner.export.sorting import name_key, natural_key
from planner.model import Exhibitor, Plan
from planner.model.status import LABELS


class UnknownTarget(BoothplanError):
    """The exhibitor or booth asked for is not in the plan."""


@dataclass(frozen=True, slots=True)
class Target:
    booth_ids: frozenset[str]
    callout: Callout
    subtitle: str


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def find_exhibitor(plan: Plan, wanted: str) -> Exhibitor:
    """By id, exact name or English name (case forgiven), else by a unique part of the name."""
    key = _norm(wanted)
    exact = [
        e for e in plan.exhibitors.values() if key in (_norm(e.id), _norm(e.name), _norm(e.name_en))
    ]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [
        e
        for e in plan.exhibitors.values()
        if key and (key in _norm(e.name) or key in _norm(e.name_en))
    ]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UnknownTarget(f"There is no exhibitor called {wanted!r} in this plan.")
    names = ", ".join(sorted((e.name for e in partial), key=name_key)[:5])
    more = "" if len(partial) <= 5 else f" and {len(partial) - 5} more"
    raise UnknownTarget(
        f"{wanted!r} matches {len(partial)} exhibitors ({names}{more}); give the full name."
    )


def exhibitor_target(plan: Plan, exhibitor: Exhibitor) -> Target:
    booths = sorted(plan.booths_of(exhibitor.id), key=lambda b: natural_key(b.number))
    if not booths:
        raise UnknownTarget(f"Exhibitor {exhibitor.name!r} has no booth in this plan yet.")
    numbers = ", ".join(b.number for b in booths)
    word = "Booth" if len(booths) == 1 else "Booths"
    sector = " ".join(exhibitor.sector.split())
    detail = f"{word} {numbers}" + (f" · {sector}" if sector else "")
    return Target(
        frozenset(b.id for b in booths),
        Callout(exhibitor.name, detail),
        f"Exhibitor map: {exhibitor.name} ({word.lower()} {numbers})",
    )


def booth_target(plan: Plan, number: str) -> Target:
    """The booth's exhibitor's map (all its booths) or, for a free booth, the booth alone."""
    booth = plan.booth_by_number(number.strip())
    if booth is None:
        matches = [b for b in plan.booths.values() if _norm(b.number) == _norm(number)]
        booth = matches[0] if len(matches) == 1 else None
    if booth is None:
        raise UnknownTarget(f"There is no booth numbered {number!r} in this plan.")
    exhibitor = plan.exhibitors.get(booth.exhibitor_id or "")
    if exhibitor is not None:
        return exhibitor_target(plan, exhibitor)
    status = LABELS.get(booth.status, booth.status)
    return Target(
        frozenset({booth.id}),
        Callout(f"Booth {booth.number}", f"{status}, no exhibitor yet"),
        f"Booth map: {booth.number} ({status.lower()})",
    )


def every_exhibitor(plan: Plan) -> list[Target]:
    """One target per exhibitor with at least one booth, in A-Z order."""
    with_booths = {b.exhibitor_id for b in plan.booths.values() if b.exhibitor_id}
    chosen = [e for e in plan.exhibitors.values() if e.id in with_booths]
    return [exhibitor_target(plan, e) for e in sorted(chosen, key=lambda e: name_key(e.name))]
