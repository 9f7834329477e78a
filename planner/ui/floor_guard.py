"""Edits keep the floor one the GeoJSON floor format can hold: zones inside halls, doors on a
hall's edge (floor-format.md), every figure physical (:mod:`planner.model.limits`: no booth of
a centimetre, no aisle of a kilometre). Without this, a zone dragged across a wall gave a plan
whose exported floor Boothplan itself refused to import.

Only what an edit breaks is refused: a zone or door that was already off its hall (a plan made
elsewhere) never blocks other edits, so no plan locks its user out.
"""

from __future__ import annotations

from planner.editing.refusal import EditRefused
from planner.formats.floor_checks import (
    DOOR_TOLERANCE,
    FeatureProblem,
    check_door_on_hall,
    check_zone_in_halls,
)
from planner.model import Patch, Plan
from planner.model.entities import NOUNS
from planner.model.limits import entities_problem


def refuse_broken_floor(before: Plan, after: Plan, patch: Patch) -> None:
    """Raise :class:`EditRefused` when ``patch`` takes a zone out of the halls or a door off
    a hall's edge that were in place before it."""
    _refuse_absurd(before, patch)
    changed = {(c.table, c.id) for c in patch}
    halls_changed = any(table == "halls" for table, _ in changed)
    for table, check, wording in (
        (
            "zones",
            _zone_in_halls,
            "take zone {name} out of the halls: {problem}; a zone must stay inside a hall",
        ),
        (
            "doors",
            _door_on_wall,
            "take door {name} off the hall walls: {problem}; a door must stay on a hall wall",
        ),
    ):
        for id_, entity in after.table(table).items():
            if not halls_changed and (table, id_) not in changed:
                continue
            problem = _problem(check, entity, list(after.halls.values()))
            if problem is None:
                continue
            was = before.table(table).get(id_)
            if was is not None and _problem(check, was, list(before.halls.values())) is not None:
                continue  # broken before this edit: not this edit's doing
            raise EditRefused(
                "That edit would " + wording.format(name=entity.name, problem=problem) + "."
            )


def _refuse_absurd(before: Plan, patch: Patch) -> None:
    """Raise :class:`EditRefused` when ``patch`` gives an entity a figure out of the physical
    range that it did not have before (an old plan's odd value never blocks other edits)."""
    by_table: dict[str, list] = {}
    for change in patch:
        if change.after is not None:
            by_table.setdefault(change.table, []).append(change.after)
    for table, entities in by_table.items():
        found = entities_problem(table, entities)
        if found is None:
            continue
        index, problem = found
        entity = entities[index]
        was = before.get(table, entity.id)
        if was is not None and entities_problem(table, [was]) is not None:
            continue
        if table == "info":
            what = "the plan's defaults"
        elif table == "booths":
            what = f"booth {entity.number or entity.id}"
        else:
            what = f"{NOUNS.get(table, table)} {entity.name or entity.id}"
        raise EditRefused(f"That edit is refused: {what}: {problem}.")


def _zone_in_halls(zone, halls) -> None:
    check_zone_in_halls(zone.geometry, halls, DOOR_TOLERANCE)


def _door_on_wall(door, halls) -> None:
    check_door_on_hall(door.line, halls, DOOR_TOLERANCE)


def _problem(check, entity, halls) -> str | None:
    try:
        check(entity, halls)
    except FeatureProblem as problem:
        return str(problem)
    return None


__all__ = ["refuse_broken_floor"]
