"""Booth features in GeoJSON: a booth and the exhibitor it names, from a feature's properties.

An export writes ``number``, ``zone`` (the zone's name), ``status`` and ``exhibitor`` (a name),
plus ``zone_id`` and ``exhibitor_id`` so that a round trip is exact. A floor from another tool
may give only the names: the zone is then found by name, and an exhibitor by name or, if the
plan has none of that name, created.
"""

from __future__ import annotations

from typing import Any, Protocol

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


def _zone_id(props: dict[str, Any], zones: list[Zone]) -> str | None:
    zone_id = props.get("zone_id")
    if zone_id is not None:
        if not any(z.id == zone_id for z in zones):
            raise FeatureProblem(f"its zone_id {zone_id!r} is not a zone of this floor")
        return str(zone_id)
    name = props.get("zone")
    if name in (None, ""):
        return None
    matches = [z for z in zones if z.name == name]
    if not matches:
        raise FeatureProblem(f'its zone "{name}" is not a zone of this floor')
    if len(matches) > 1:
        raise FeatureProblem(f'several zones are called "{name}"; give zone_id to choose one')
    return matches[0].id


def _exhibitor(
    props: dict[str, Any], exhibitors: list[Exhibitor], ids: _IdSource
) -> tuple[str | None, Exhibitor | None]:
    """The booth's exhibitor id, and a new exhibitor to add when the plan has none of that name."""
    exhibitor_id = props.get("exhibitor_id")
    name = text(props.get("exhibitor"), "exhibitor")
    if exhibitor_id is not None:
        exhibitor_id = text(exhibitor_id, "exhibitor_id")
        if any(e.id == exhibitor_id for e in exhibitors):
            return exhibitor_id, None
        if not name:
            raise FeatureProblem(f"its exhibitor_id {exhibitor_id!r} names no exhibitor")
        return exhibitor_id, Exhibitor(exhibitor_id, name)
    if not name:
        return None, None
    for exhibitor in exhibitors:
        if exhibitor.name == name:
            return exhibitor.id, None
    new = Exhibitor(ids.fresh("exhibitors"), name)
    return new.id, new


def booth_from_feature(
    id_: str,
    props: dict[str, Any],
    geometry: BaseGeometry,
    zones: list[Zone],
    exhibitors: list[Exhibitor],
    ids: _IdSource,
) -> tuple[Booth, Exhibitor | None]:
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
    exhibitor_id, new_exhibitor = _exhibitor(props, exhibitors, ids)
    extra = props_json({k: v for k, v in props.items() if k not in KNOWN_BOOTH_PROPERTIES})
    booth = Booth(
        id_,
        text(number, "number"),
        geometry,
        zone_id=_zone_id(props, zones),
        status=status,
        exhibitor_id=exhibitor_id,
        locked=locked,
        flags=tuple(flags),
        note=text(props.get("note"), "note"),
        extra=extra,
    )
    return booth, new_exhibitor


__all__ = ["KNOWN_BOOTH_PROPERTIES", "booth_from_feature"]
