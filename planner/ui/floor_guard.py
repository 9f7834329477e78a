"""Edits keep the floor one the GeoJSON floor format can hold: zones inside halls, doors on a
hall's edge (floor-format.md). Without this, a zone dragged across a wall gave a plan whose
exported floor Boothplan itself refused to import.

Only what an edit breaks is refused: a zone or door that was already off its hall (a plan made
elsewhere) never blocks other edits, so no plan locks its user out.
"""

from __future__ import annotations

from planner.formats.floor_checks import (
    DOOR_TOLERANCE,
    FeatureProblem,
    check_door_on_hall,
    check_zone_in_halls,
)
from planner.model import Patch, Plan
from planner.ui.edits import EditRefused


def refuse_broken_floor(before: Plan, after: Plan, patch: Patch) -> None:
    """Raise :class:`EditRefused` when ``patch`` takes a zone out of the halls or a door off
    a hall's edge that were in place before it."""
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
