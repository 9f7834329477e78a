"""Combining two people's edits of one plan, entity by entity.

When the app's plan and the file on disk have both moved on from the version the app opened
(someone imported exhibitors from the command line while the organiser moved booths), the
organiser's edits are the difference between that version and the window's plan. That
difference, as a :class:`~planner.model.patch.Patch`, applies to the newer file exactly when
nobody else touched the same entities: a patch checks each entity's "before" side. Both edits
are then kept. When an entity was changed on both sides, nothing is guessed: the conflict is
named and the user chooses.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.entities import NOUNS, TABLES
from planner.model.patch import Change, Patch, PatchConflict
from planner.model.plan import Plan


def difference(before: Plan, after: Plan, description: str = "") -> Patch:
    """The patch that turns ``before`` into ``after`` (``before.apply(p) == after``).

    Entities are immutable and shared between versions of a plan, so an unchanged one is the
    same object on both sides and is passed over without being compared.
    """
    changes: list[Change] = []
    for table in TABLES:
        old, new = before.table(table), after.table(table)
        for id_, entity in new.items():
            was = old.get(id_)
            if was is not entity and was != entity:
                changes.append(Change(table, id_, was, entity))
        changes.extend(Change(table, id_, was, None) for id_, was in old.items() if id_ not in new)
    return Patch(tuple(changes), description)


@dataclass(frozen=True, slots=True)
class MergeConflict:
    """An entity both sides changed: which table and id, and a few words for the user."""

    table: str
    id: str
    what: str


def _still_needed(mine: Patch, theirs: Plan) -> Patch:
    """``mine`` without the changes ``theirs`` already made the same way."""
    changes = tuple(c for c in mine if theirs.get(c.table, c.id) != c.after)
    return Patch(changes, mine.description)


def conflict(mine: Patch, theirs: Plan) -> MergeConflict | None:
    """The first entity ``mine`` changes that is no longer what it expects in ``theirs``."""
    for change in _still_needed(mine, theirs):
        if theirs.get(change.table, change.id) != change.before:
            return MergeConflict(change.table, change.id, _describe(change, theirs))
    return None


def _describe(change: Change, theirs: Plan) -> str:
    entity = change.after or change.before
    label = getattr(entity, "number", "") or getattr(entity, "name", "") or change.id
    noun = NOUNS.get(change.table, "entity")
    if change.table == "info":
        return "the plan's settings were changed on both sides"
    if theirs.get(change.table, change.id) is None and change.before is not None:
        return f"{noun} {label} was deleted there and changed here"
    return f"{noun} {label} was changed on both sides"


def merge(base: Plan, mine: Plan, theirs: Plan) -> Plan:
    """``theirs`` with the edits that lead from ``base`` to ``mine``; :class:`PatchConflict`
    (naming the entity) when both sides changed the same one."""
    patch = _still_needed(difference(base, mine), theirs)
    found = conflict(patch, theirs)
    if found is not None:
        raise PatchConflict(found.what)
    return theirs.apply(patch)


__all__ = ["MergeConflict", "conflict", "difference", "merge"]
