"""The ``Plan`` aggregate: every entity of one floor plan, immutable, changed only by patches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from planner.model.entities import (
    TABLES,
    TYPE_OF_TABLE,
    BookingEvent,
    Booth,
    Door,
    Entity,
    Exhibitor,
    Hall,
    Obstacle,
    PlanInfo,
    Zone,
)
from planner.model.patch import Patch, PatchBuilder, PatchConflict
from planner.model.zone_use import BoothRules, rules_for

_ID_PREFIX: dict[str, str] = {
    "halls": "hall",
    "obstacles": "obstacle",
    "doors": "door",
    "zones": "zone",
    "booths": "booth",
    "exhibitors": "exhibitor",
    "booking_events": "event",
    "info": "plan",
}
_ID_NUMBER = re.compile(r"-(\d+)$")


class Plan:
    """One floor plan. Immutable: :meth:`apply` returns a new plan and leaves this one alone.

    Tables keep their insertion order, so a plan read from a file lists entities in file order
    and a round trip through any format gives the same plan.
    """

    __slots__ = ("_tables",)

    def __init__(self, tables: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        given = dict(tables or {})
        unknown = set(given) - set(TABLES)
        if unknown:
            raise ValueError(f"unknown tables: {sorted(unknown)}")
        self._tables: dict[str, dict[str, Entity]] = {t: dict(given.get(t, {})) for t in TABLES}
        if "plan" not in self._tables["info"]:
            self._tables["info"]["plan"] = PlanInfo()

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Plan:
        tables: dict[str, dict[str, Entity]] = {t: {} for t in TABLES}
        for entity in entities:
            table = tables[entity.TABLE]
            if entity.id in table and entity.TABLE != "info":
                raise ValueError(f"duplicate id {entity.id!r} in {entity.TABLE}")
            table[entity.id] = entity
        return cls(tables)

    # -- reading -----------------------------------------------------------------------------
    @property
    def info(self) -> PlanInfo:
        info = self._tables["info"]["plan"]
        assert isinstance(info, PlanInfo)  # the info table holds only PlanInfo (see apply)
        return info

    @property
    def name(self) -> str:
        return self.info.name

    def table(self, name: str) -> Mapping[str, Any]:
        return MappingProxyType(self._tables[name])

    @property
    def halls(self) -> Mapping[str, Hall]:
        return self.table("halls")

    @property
    def obstacles(self) -> Mapping[str, Obstacle]:
        return self.table("obstacles")

    @property
    def doors(self) -> Mapping[str, Door]:
        return self.table("doors")

    @property
    def zones(self) -> Mapping[str, Zone]:
        return self.table("zones")

    @property
    def booths(self) -> Mapping[str, Booth]:
        return self.table("booths")

    @property
    def exhibitors(self) -> Mapping[str, Exhibitor]:
        return self.table("exhibitors")

    @property
    def booking_events(self) -> Mapping[str, BookingEvent]:
        return self.table("booking_events")

    def get(self, table: str, id_: str) -> Any | None:
        return self._tables[table].get(id_)

    def entities(self) -> Iterator[Entity]:
        for name in TABLES:
            yield from self._tables[name].values()

    def zone_rules(self, zone_id: str | None) -> BoothRules:
        """Booth size and aisle in a zone, or on floor in no zone (``zone_id`` ``None``)."""
        info = self.info
        if zone_id is None:
            return rules_for(None, None, None, info.booth, info.aisle)
        zone = self.zones[zone_id]
        return rules_for(zone.use, zone.booth, zone.aisle, info.booth, info.aisle)

    def booths_of(self, exhibitor_id: str) -> list[Booth]:
        return [b for b in self.booths.values() if b.exhibitor_id == exhibitor_id]

    def booth_by_number(self, number: str) -> Booth | None:
        for booth in self.booths.values():
            if booth.number == number:
                return booth
        return None

    def new_ids(self, table: str, count: int = 1) -> list[str]:
        """``count`` fresh ids for ``table``, numbered after the highest one in use."""
        prefix = _ID_PREFIX[table]
        highest = 0
        for id_ in self._tables[table]:
            match = _ID_NUMBER.search(id_)
            if match:
                highest = max(highest, int(match.group(1)))
        return [f"{prefix}-{highest + i}" for i in range(1, count + 1)]

    def new_id(self, table: str) -> str:
        return self.new_ids(table, 1)[0]

    # -- changing ----------------------------------------------------------------------------
    def edit(self, description: str = "") -> PatchBuilder:
        """Start a patch against this plan: ``plan.apply(plan.edit("Move").put(b).build())``."""
        return PatchBuilder(self, description)

    def apply(self, patch: Patch) -> Plan:
        """A new plan with ``patch`` applied; :class:`PatchConflict` if it does not fit."""
        touched: dict[str, dict[str, Entity]] = {}
        for change in patch:
            table = touched.get(change.table)
            if table is None:
                if change.table not in self._tables:
                    raise PatchConflict(f"unknown table {change.table!r}")
                table = touched[change.table] = dict(self._tables[change.table])
            current = table.get(change.id)
            if current != change.before:
                raise PatchConflict(
                    f"{change.table[:-1]} {change.id!r} has changed since the edit was made"
                )
            if change.after is None:
                if change.table == "info":
                    raise PatchConflict("the plan's settings cannot be deleted")
                del table[change.id]
            else:
                if not isinstance(change.after, TYPE_OF_TABLE[change.table]):
                    raise PatchConflict(
                        f"a {type(change.after).__name__} cannot go in {change.table}"
                    )
                if change.after.id != change.id:
                    raise PatchConflict(f"change for {change.id!r} carries id {change.after.id!r}")
                table[change.id] = change.after
        new = Plan.__new__(Plan)
        new._tables = {name: touched.get(name, self._tables[name]) for name in TABLES}
        return new

    # -- comparing ---------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        # Order is presentation only: an undone delete re-adds at the end, and is still equal.
        return all(self._tables[t] == other._tables[t] for t in TABLES)

    __hash__ = None  # type: ignore[assignment]  # compared by value, too large to hash

    def __repr__(self) -> str:
        counts = ", ".join(f"{t}={len(self._tables[t])}" for t in TABLES if t != "info")
        return f"<Plan {self.name!r} {counts}>"


__all__ = ["PatchConflict", "Plan"]
