"""Whose booths an exhibitor map calls out: found by exhibitor (id or name) or booth number."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from planner.errors import BoothplanError
from planner.export.callout import Callout
from planner.export.sorting import name_key, natural_key
from planner.model import Exhibitor, Plan
from planner.model.roster import describe_matches, match_exhibitors
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
    """Found as everywhere else (:func:`planner.model.roster.match_exhibitors`): by id, name or
    English name, the same without accents, or a unique part of a name."""
    matches = match_exhibitors(plan, wanted.strip())
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UnknownTarget(f"There is no exhibitor called {wanted!r} in this plan.")
    raise UnknownTarget(
        f"{wanted!r} matches {len(matches)} exhibitors ({describe_matches(matches)}); "
        "give the full name or the id."
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
