"""The plain, immutable things a plan is made of.

Every entity is a frozen dataclass with an ``id`` that is unique within its table and a
``TABLE`` name that says which table of the :class:`~planner.model.plan.Plan` holds it.
Geometry is shapely (metres, x east, y north); shapely 2 geometries are immutable, so an
entity can be shared freely between plans, threads and the undo history.

Entities never change: an edit makes a new entity with :func:`dataclasses.replace` and puts it
into the plan through a :class:`~planner.model.patch.Patch`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from shapely.geometry import LineString, MultiPolygon, Polygon

from planner.model.status import AVAILABLE, RESERVED

Area = Polygon | MultiPolygon


def props_json(extra: dict[str, Any] | None) -> str:
    """Unknown GeoJSON properties are kept as canonical JSON text: immutable and exact."""
    return json.dumps(extra or {}, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Hall:
    """Floor that can hold booths and aisles (an indoor hall, an outdoor area)."""

    TABLE: ClassVar[str] = "halls"
    id: str
    name: str
    geometry: Area
    extra: str = "{}"


@dataclass(frozen=True, slots=True)
class Obstacle:
    """Something nothing may stand on: a column, a fountain, a tree, stairs."""

    TABLE: ClassVar[str] = "obstacles"
    id: str
    name: str
    geometry: Polygon
    extra: str = "{}"

    @property
    def is_column(self) -> bool:
        return self.name.strip().lower() in {"column", "pillar", "cột", "柱"}


@dataclass(frozen=True, slots=True)
class Door:
    """An entrance or exit on a hall's edge; ``width`` in metres."""

    TABLE: ClassVar[str] = "doors"
    id: str
    name: str
    kind: str  # "entrance" or "exit"
    line: LineString
    width: float
    extra: str = "{}"

    @property
    def is_exit(self) -> bool:
        return self.kind == "exit"


@dataclass(frozen=True, slots=True)
class Zone:
    """Part of a hall with its own rules.

    ``booth`` and ``aisle`` are ``None`` when the zone takes the defaults of its use (see
    :mod:`planner.model.zone_use`) or of the plan. ``price_per_m2`` is ``None`` when the plan's
    default price applies.
    """

    TABLE: ClassVar[str] = "zones"
    id: str
    name: str
    use: str
    geometry: Polygon
    booth: tuple[float, float] | None = None
    aisle: float | None = None
    price_per_m2: float | None = None
    extra: str = "{}"


@dataclass(frozen=True, slots=True)
class Booth:
    """One stand: a rectangle (any rotation) on the floor.

    ``zone_id`` is ``None`` for a booth on floor that lies in no zone. ``flags`` carry facts the
    packer or the planner noted, such as ``"column"`` for a booth that has a column standing in it.
    """

    TABLE: ClassVar[str] = "booths"
    id: str
    number: str
    geometry: Polygon
    zone_id: str | None = None
    status: str = AVAILABLE
    exhibitor_id: str | None = None
    locked: bool = False
    flags: tuple[str, ...] = ()
    note: str = ""
    extra: str = "{}"  # properties from a GeoJSON booth feature that Boothplan does not use


@dataclass(frozen=True, slots=True)
class Exhibitor:
    """A company or co-op that takes one or more booths.

    ``booking_status`` is the status its booths get when they are allocated (the CSV's
    ``status`` column): on_hold, reserved or confirmed.
    """

    TABLE: ClassVar[str] = "exhibitors"
    id: str
    name: str
    name_en: str = ""
    country: str = ""
    sector: str = ""
    booths_wanted: int = 1
    email: str = ""
    phone: str = ""
    contact: str = ""
    notes: str = ""
    co_exhibitors: tuple[str, ...] = ()
    booking_status: str = RESERVED


@dataclass(frozen=True, slots=True)
class BookingEvent:
    """One line of a booth's booking history: who held it, what its status became, and when."""

    TABLE: ClassVar[str] = "booking_events"
    id: str
    booth_id: str
    at: str  # ISO 8601 UTC timestamp
    action: str  # assign, release, move, status
    status: str
    exhibitor_id: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """The plan's own settings: event details for title blocks and the floor's defaults.

    There is exactly one, with id ``"plan"``, so that changing it is an ordinary patch too.
    """

    TABLE: ClassVar[str] = "info"
    id: str = "plan"
    name: str = "Untitled plan"
    venue: str = ""
    dates: str = ""
    organizer: str = ""
    revision: str = "1"
    booth: tuple[float, float] = (3.0, 3.0)
    aisle: float = 3.0
    price_per_m2: float = 0.0
    corner_premium: float = 0.10  # fraction added to the price of a booth open on 2+ sides
    currency: str = "VND"
    sectors: tuple[str, ...] = ()  # sectors the user added to the built-in list
    extra: str = field(default="{}")


# Any one of the entities above: what a plan's tables hold.
Entity = PlanInfo | Hall | Obstacle | Door | Zone | Booth | Exhibitor | BookingEvent

ENTITY_TYPES: tuple[type[Entity], ...] = (
    PlanInfo,
    Hall,
    Obstacle,
    Door,
    Zone,
    Booth,
    Exhibitor,
    BookingEvent,
)
TABLES: tuple[str, ...] = tuple(t.TABLE for t in ENTITY_TYPES)
# One of a table's entities, as a sentence names it: "booth A-12 was changed on both sides".
NOUNS: dict[str, str] = {
    "info": "the plan's settings",
    "halls": "hall",
    "obstacles": "obstacle",
    "doors": "door",
    "zones": "zone",
    "booths": "booth",
    "exhibitors": "exhibitor",
    "booking_events": "booking",
}
TYPE_OF_TABLE: dict[str, type[Entity]] = {t.TABLE: t for t in ENTITY_TYPES}

__all__ = [
    "ENTITY_TYPES",
    "NOUNS",
    "TABLES",
    "TYPE_OF_TABLE",
    "Area",
    "BookingEvent",
    "Booth",
    "Door",
    "Entity",
    "Exhibitor",
    "Hall",
    "Obstacle",
    "PlanInfo",
    "Zone",
    "props_json",
]
