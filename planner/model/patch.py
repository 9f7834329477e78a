"""Patches: the only way a plan changes.

A :class:`Patch` is a list of :class:`Change` records, each naming a table, an id, the entity
before and the entity after (``None`` for "absent"). Because it records both sides, its inverse is
exact: ``plan.apply(p).apply(p.inverse()) == plan``. Applying checks that the plan still holds the
``before`` side, so a stale patch is refused instead of silently overwriting newer work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.model.entities import Entity
    from planner.model.plan import Plan


class PatchConflict(ValueError):
    """The plan no longer holds what the patch expects to change."""


@dataclass(frozen=True, slots=True)
class Change:
    table: str
    id: str
    before: Entity | None
    after: Entity | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)


@dataclass(frozen=True, slots=True)
class Patch:
    """An ordered, immutable set of changes with a human description (for the undo history)."""

    changes: tuple[Change, ...] = ()
    description: str = ""

    def inverse(self) -> Patch:
        return Patch(tuple(c.inverse() for c in reversed(self.changes)), self.description)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def then(self, other: Patch, description: str | None = None) -> Patch:
        """One patch that does ``self`` and then ``other`` (a compound edit is one undo step)."""
        return Patch(self.changes + other.changes, description or self.description)


class PatchBuilder:
    """Builds a patch against one plan, reading each ``before`` from it.

    Several edits of the same entity in one builder collapse into one change, so the patch stays
    minimal and its inverse exact.
    """

    def __init__(self, plan: Plan, description: str = "") -> None:
        self._plan = plan
        self._description = description
        self._changes: dict[tuple[str, str], Change] = {}

    def _record(self, table: str, id_: str, after: Entity | None) -> None:
        key = (table, id_)
        previous = self._changes.get(key)
        before = previous.before if previous else self._plan.get(table, id_)
        if before is None and after is None:
            self._changes.pop(key, None)
            return
        self._changes[key] = Change(table, id_, before, after)

    def put(self, entity: Entity) -> PatchBuilder:
        """Add ``entity``, or replace the one with its id."""
        self._record(entity.TABLE, entity.id, entity)
        return self

    def put_all(self, entities: Iterable[Entity]) -> PatchBuilder:
        for entity in entities:
            self.put(entity)
        return self

    def delete(self, table: str, id_: str) -> PatchBuilder:
        if self._plan.get(table, id_) is None and (table, id_) not in self._changes:
            raise KeyError(f"no {table[:-1]} with id {id_!r}")
        self._record(table, id_, None)
        return self

    def current(self, table: str, id_: str) -> Entity | None:
        """What the entity will be once the changes so far are applied."""
        change = self._changes.get((table, id_))
        return change.after if change else self._plan.get(table, id_)

    def build(self) -> Patch:
        changes = tuple(c for c in self._changes.values() if c.before != c.after)
        return Patch(changes, self._description)
