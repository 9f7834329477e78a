"""Booth features in GeoJSON: a booth and the exhibitor it names, from a feature's properties.

An export writes ``number``, ``zone`` (the zone's name), ``status`` and ``exhibitor`` (a name),
plus ``zone_id`` and ``exhibitor_id`` so that a round trip is exact. A floor from another tool
may give only the names: the zone is then found by name, and an exhibitor by name or, if the
plan has none of that name, created.
"""

from __future__ import annotations

from typing import Any, Protocol

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.formats.floor_checks import FeatureProblem, text
from planner.model.entities import Booth, Exhibitor, Zone, props_json
from planner.model.status import AVAILABLE, parse_status

KNOWN_BOOTH_PROPERTIES = {
    "kind",
    "number",
    "zone",
    "zone_id",
    "status",
    "exhibitor",
    "exhibitor_id",
    "locked",
    "flags",
    "note",
}


class _IdSource(Protocol):
    def fresh(self, table: str) -> str: ...


class Directory:
    """Zones and exhibitors by id and by name, for matching booth features (in O(1) each)."""

    def __init__(self, zones: list[Zone], exhibitors: list[Exhibitor], ids: _IdSource) -> None:
        self.zone_ids = {z.id for z in zones}
        self.zones_by_name: dict[str, list[str]] = {}
        for zone in zones:
            self.zones_by_name.setdefault(zone.name, []).append(zone.id)
        self.exhibitor_ids = {e.id for e in exhibitors}
        self.exhibitor_by_name: dict[str, str] = {}
        for exhibitor in exhibitors:
            self.exhibitor_by_name.setdefault(exhibitor.name, exhibitor.id)
        self.ids = ids
        self.new_exhibitors: list[Exhibitor] = []

    def add_exhibitor(self, exhibitor: Exhibitor) -> str:
        self.exhibitor_ids.add(exhibitor.id)
        self.exhibitor_by_name.setdefault(exhibitor.name, exhibitor.id)
        self.new_exhibitors.append(exhibitor)
        return exhibitor.id


def _zone_id(props: dict[str, Any], found: Directory) -> str | None:
    zone_id = props.get("zone_id")
    if zone_id is not None:
        if zone_id not in found.zone_ids:
            raise FeatureProblem(f"its zone_id {zone_id!r} is not a zone of this floor")
        return str(zone_id)
    name = props.get("zone")
    if name in (None, ""):
        return None
    matches = found.zones_by_name.get(text(name, "zone"), [])
    if not matches:
        raise FeatureProblem(f'its zone "{name}" is not a zone of this floor')
    if len(matches) > 1:
        raise FeatureProblem(f'several zones are called "{name}"; give zone_id to choose one')
    return matches[0]


def _exhibitor_id(props: dict[str, Any], found: Directory) -> str | None:
    """The booth's exhibitor; one is added to the plan when the file names a new one."""
    exhibitor_id = props.get("exhibitor_id")
    name = text(props.get("exhibitor"), "exhibitor")
    if exhibitor_id is not None:
        exhibitor_id = text(exhibitor_id, "exhibitor_id")
        if exhibitor_id in found.exhibitor_ids:
            return exhibitor_id
        if not name:
            raise FeatureProblem(f"its exhibitor_id {exhibitor_id!r} names no exhibitor")
        return found.add_exhibitor(Exhibitor(exhibitor_id, name))
    if not name:
        return None
    known = found.exhibitor_by_name.get(name)
    if known is not None:
        return known
    return found.add_exhibitor(Exhibitor(found.ids.fresh("exhibitors"), name))


def booth_from_feature(
    id_: str, props: dict[str, Any], geometry: BaseGeometry, found: Directory
) -> Booth:
    """The booth a ``booth`` feature describes; new exhibitors it names go to ``found``."""
    number = props.get("number")  # may be missing: booths are numbered later
    status_text = props.get("status") or AVAILABLE
    try:
        status = parse_status(text(status_text, "status"))
    except ValueError as error:
        raise FeatureProblem(str(error)) from None
    locked = props.get("locked", False)
    if not isinstance(locked, bool):
        raise FeatureProblem(f"locked should be true or false, not {locked!r}")
    flags = props.get("flags") or []
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise FeatureProblem(f"flags should be a list of words, not {flags!r}")
    exhibitor_id = _exhibitor_id(props, found)
    extra = props_json({k: v for k, v in props.items() if k not in KNOWN_BOOTH_PROPERTIES})
    assert isinstance(geometry, Polygon)  # read_geometry lets a booth be a Polygon only
    booth = Booth(
        id_,
        text(number, "number"),
        geometry,
        zone_id=_zone_id(props, found),
        status=status,
        exhibitor_id=exhibitor_id,
        locked=locked,
        flags=tuple(flags),
        note=text(props.get("note"), "note"),
        extra=extra,
    )
    return booth


__all__ = ["KNOWN_BOOTH_PROPERTIES", "Directory", "booth_from_feature"]
