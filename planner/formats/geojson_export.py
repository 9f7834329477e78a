"""A plan as GeoJSON: the floor's features, one ``booth`` feature per booth, and the rest.

The result follows ``../shared/floor-format.md`` and reads back into the same plan with
:func:`planner.formats.geojson_floor.floor_from_geojson`: every entity keeps its id (the
feature's ``id`` member), coordinates are written with Python's shortest exact float text, and
what is not a feature -- the plan's settings, exhibitors, booking history -- goes in the
top-level ``boothplan`` member (a foreign member, which GIS tools ignore).
"""

from __future__ import annotations

import json
import os
from typing import Any

from shapely.geometry import mapping

from planner import __version__
from planner.atomic_file import write_atomically
from planner.formats.bulk import paused_gc
from planner.formats.entity_codec import field_specs, to_plain
from planner.formats.floor_checks import FloorError
from planner.formats.strict_json import loads
from planner.model.entities import PlanInfo
from planner.model.plan import Plan

# First in the "boothplan" member, so that the first bytes of a file tell an export Boothplan
# wrote (which it may replace) from someone's own floor (which it replaces only with --force).
WRITTEN_BY_KEY = "written_by"


def _extra(text: str) -> dict[str, Any]:
    try:
        value = loads(text or "{}")
    except ValueError:  # not JSON, or nested past the limit: nothing to carry over
        return {}
    return value if isinstance(value, dict) else {}


def _feature(id_: str, geometry: Any, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": id_, "properties": properties, "geometry": mapping(geometry)}


def _record(entity: Any) -> dict[str, Any]:
    return {s.name: to_plain(s, getattr(entity, s.name)) for s in field_specs(type(entity))}


def _member(plan: Plan) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``boothplan`` member, and the unknown top-level members the floor came with."""
    info = plan.info
    extra = _extra(info.extra)
    collection = extra.pop("collection", None) or {}
    member: dict[str, Any] = {WRITTEN_BY_KEY: f"boothplan {__version__}", **extra, "units": "m"}
    for spec in field_specs(PlanInfo):
        if spec.name not in ("id", "name", "extra"):
            member[spec.name] = to_plain(spec, getattr(info, spec.name))
    if plan.exhibitors:
        member["exhibitors"] = [_record(e) for e in plan.exhibitors.values()]
    if plan.booking_events:
        member["booking_events"] = [_record(e) for e in plan.booking_events.values()]
    return member, collection


def plan_to_geojson(plan: Plan) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (a plain dict) holding everything in ``plan``."""
    features: list[dict[str, Any]] = []
    for hall in plan.halls.values():
        props = {**_extra(hall.extra), "kind": "hall", "name": hall.name}
        features.append(_feature(hall.id, hall.geometry, props))
    for obstacle in plan.obstacles.values():
        props = {**_extra(obstacle.extra), "kind": "obstacle", "name": obstacle.name}
        features.append(_feature(obstacle.id, obstacle.geometry, props))
    for zone in plan.zones.values():
        props = {**_extra(zone.extra), "kind": "zone", "name": zone.name, "use": zone.use}
        if zone.booth is not None:
            props["booth"] = list(zone.booth)
        if zone.aisle is not None:
            props["aisle"] = zone.aisle
        if zone.price_per_m2 is not None:
            props["price_per_m2"] = zone.price_per_m2
        features.append(_feature(zone.id, zone.geometry, props))
    for door in plan.doors.values():
        props = {**_extra(door.extra), "kind": door.kind, "name": door.name, "width": door.width}
        features.append(_feature(door.id, door.line, props))
    for booth in plan.booths.values():
        booth_zone = plan.zones.get(booth.zone_id) if booth.zone_id else None
        exhibitor = plan.exhibitors.get(booth.exhibitor_id) if booth.exhibitor_id else None
        props = {
            **_extra(booth.extra),
            "kind": "booth",
            "number": booth.number,
            "zone": booth_zone.name if booth_zone else None,
            "status": booth.status,
            "exhibitor": exhibitor.name if exhibitor else None,
            "zone_id": booth.zone_id,
            "exhibitor_id": booth.exhibitor_id,
            "locked": booth.locked,
            "flags": list(booth.flags),
            "note": booth.note,
        }
        features.append(_feature(booth.id, booth.geometry, props))
    member, collection = _member(plan)
    data: dict[str, Any] = {"type": "FeatureCollection", "name": plan.info.name}
    data["boothplan"] = member
    data.update((k, v) for k, v in collection.items() if k not in data)
    data["features"] = features
    return data


def write_geojson(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write ``plan`` as GeoJSON to ``path`` (atomically: the old file or the new one)."""
    with paused_gc():
        data = _dumps(plan_to_geojson(plan)).encode("utf-8")
    write_atomically(path, lambda temp: temp.write_bytes(data), FloorError)


def _dumps(data: dict[str, Any]) -> str:
    """One feature per line, like the sample floors: readable and diff-friendly."""
    features = data["features"]
    head = {k: v for k, v in data.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, allow_nan=False) for f in features]
    opening = json.dumps(head, ensure_ascii=False, allow_nan=False)[:-1]
    body = ",\n".join(lines)
    return f'{opening}, "features": [\n{body}\n]}}\n'


__all__ = ["WRITTEN_BY_KEY", "plan_to_geojson", "write_geojson"]
