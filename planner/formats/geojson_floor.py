"""Floors as GeoJSON (``../shared/floor-format.md``): read and check a floor, write a plan back.

Reading checks everything a later step would trip over and refuses with a :class:`FloorError`
whose one sentence names the file, the feature (counted from 1, with its kind and name) and the
problem. Properties Boothplan does not use are kept in the entity's ``extra`` JSON and written
back on export, so a floor passes through Boothplan without losing anything.

Ids are deterministic: a feature's own GeoJSON ``id`` when it has one, else ``hall-1``,
``hall-2`` ... in file order (``entrance`` and ``exit`` features are both doors).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from planner.formats.bulk import paused_gc
from planner.formats.entity_codec import ValueProblem, field_specs, from_plain
from planner.formats.floor_checks import (
    DOOR_TOLERANCE,
    FeatureProblem,
    FloorError,
    check_door_on_hall,
    check_zone_in_halls,
    positive_number,
    read_geometry,
    text,
)
from planner.formats.geojson_booths import Directory, booth_from_feature
from planner.formats.geojson_export import plan_to_geojson, write_geojson
from planner.formats.heavy_outlines import simplify_heavy
from planner.formats.input_file import MB, read_input
from planner.formats.plan_file import looks_like_plan
from planner.formats.strict_json import JsonProblem, loads
from planner.model.entities import (
    BookingEvent,
    Booth,
    Door,
    Exhibitor,
    Hall,
    Obstacle,
    PlanInfo,
    Zone,
    props_json,
)
from planner.model.limits import entity_problem
from planner.model.plan import Plan
from planner.model.zone_use import STANDARD

KINDS: dict[str, str] = {
    "hall": "halls",
    "obstacle": "obstacles",
    "zone": "zones",
    "entrance": "doors",
    "exit": "doors",
    "booth": "booths",
}
_PREFIX = {"halls": "hall", "obstacles": "obstacle", "zones": "zone", "doors": "door"}
_PREFIX |= {"booths": "booth", "exhibitors": "exhibitor", "booking_events": "event"}
# Properties each kind reads; every other property goes to the entity's ``extra``.
_KNOWN: dict[str, set[str]] = {
    "hall": {"kind", "name"},
    "obstacle": {"kind", "name"},
    "zone": {"kind", "name", "use", "booth", "aisle", "price_per_m2"},
    "entrance": {"kind", "name", "width"},
    "exit": {"kind", "name", "width"},
}
_INFO_SKIP = {"id", "name", "extra"}
_MEMBER_KEYS = {"units", "exhibitors", "booking_events", "written_by"}
_TOP_LEVEL = {"type", "name", "boothplan", "features", "bbox"}
MAX_FLOOR_BYTES = 200 * MB  # the Lào Cai floor is 6 kB; a 60,000-booth export about 25 MB


def read_floor(path: str | os.PathLike[str], notes: list[str] | None = None) -> Plan:
    """The plan described by the GeoJSON floor at ``path`` (halls, doors ... and any booths).

    ``notes`` collects what the reader changed on the way in, one sentence each (an outline
    of a hundred thousand corners simplified to within a centimetre).
    """
    path = Path(path)
    raw = read_input(path, FloorError, "GeoJSON floor file", MAX_FLOOR_BYTES)
    if looks_like_plan(raw):
        raise FloorError(
            f"{path} is a Boothplan plan file, not a GeoJSON floor (boothplan export makes "
            "GeoJSON from a plan)."
        )
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FloorError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be read), so it is not GeoJSON."
        ) from None
    with paused_gc():
        try:
            data = loads(content)
        except json.JSONDecodeError as error:
            raise FloorError(
                f"{path} is not valid JSON: {error.msg.lower()} at line {error.lineno}, "
                f"column {error.colno}."
            ) from None
        except JsonProblem as problem:
            raise FloorError(f"{path} is not a GeoJSON floor Boothplan reads: {problem}.") from None
        return floor_from_geojson(data, str(path), notes)


def _info(data: dict[str, Any], source: str) -> PlanInfo:
    member = data.get("boothplan", {})
    if member is None:
        member = {}
    if not isinstance(member, dict):
        raise FloorError(f'{source}: the top-level "boothplan" member should be an object.')
    units = member.get("units", "m")
    if units != "m":
        raise FloorError(
            f"{source}: units {units!r} are not supported; coordinates must be metres."
        )
    values: dict[str, Any] = {}
    specs = {s.name: s for s in field_specs(PlanInfo) if s.name not in _INFO_SKIP}
    try:
        if "booth" in member:
            values["booth"] = _booth_size(member["booth"])
        if "aisle" in member:
            values["aisle"] = positive_number(member["aisle"], "aisle")
        for key, spec in specs.items():
            if key in member and key not in values:
                values[key] = from_plain(spec, member[key])
    except (ValueProblem, FeatureProblem) as problem:
        raise FloorError(f'{source}: the "boothplan" defaults are wrong: {problem}.') from None
    name = data.get("name")
    if name is not None:
        if not isinstance(name, str):
            raise FloorError(f"{source}: the collection's name should be text, not {name!r}.")
        values["name"] = name
    extra = {k: v for k, v in member.items() if k not in specs and k not in _MEMBER_KEYS}
    collection = {k: v for k, v in data.items() if k not in _TOP_LEVEL}
    if collection:
        extra["collection"] = collection
    info = PlanInfo(**values, extra=props_json(extra))
    wrong = entity_problem(info)
    if wrong is not None:
        raise FloorError(f'{source}: the "boothplan" defaults are wrong: {wrong}.')
    return info


def _booth_size(value: Any) -> tuple[float, float]:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise FeatureProblem(f"booth should be [width, depth] in metres, not {value!r}")
    return (positive_number(value[0], "booth width"), positive_number(value[1], "booth depth"))


class _Ids:
    """Deterministic ids: a feature's own id, else prefix-1, prefix-2 ... skipping taken ones."""

    def __init__(self) -> None:
        self.taken: dict[str, set[str]] = {}
        self.next: dict[str, int] = {}

    def claim(self, table: str, id_: str) -> bool:
        taken = self.taken.setdefault(table, set())
        if id_ in taken:
            return False
        taken.add(id_)
        return True

    def fresh(self, table: str) -> str:
        taken = self.taken.setdefault(table, set())
        n = self.next.get(table, 1)
        while f"{_PREFIX[table]}-{n}" in taken:
            n += 1
        self.next[table] = n + 1
        taken.add(f"{_PREFIX[table]}-{n}")
        return f"{_PREFIX[table]}-{n}"


def _where(source: str, index: int, kind: str | None, name: Any) -> str:
    kind = kind or "feature"
    label = f'{kind} "{name}"' if name not in (None, "") else kind
    return f"{source}, feature {index} ({label})"


def _entity(kind: str, id_: str, props: dict[str, Any], geometry: Any) -> Any:
    extra = props_json({k: v for k, v in props.items() if k not in _KNOWN[kind]})
    name = text(props.get("name"), "name")
    if kind == "hall":
        return Hall(id_, name, geometry, extra)
    if kind == "obstacle":
        return Obstacle(id_, name, geometry, extra)
    if kind in ("entrance", "exit"):
        width = props.get("width")
        width = geometry.length if width is None else positive_number(width, "width")
        return Door(id_, name, kind, geometry, width, extra)
    use = text(props.get("use"), "use") or STANDARD
    booth = props.get("booth")
    aisle, price = props.get("aisle"), props.get("price_per_m2")
    return Zone(
        id_,
        name,
        use,
        geometry,
        booth=None if booth is None else _booth_size(booth),
        aisle=None if aisle is None else positive_number(aisle, "aisle"),
        price_per_m2=None if price is None else positive_number(price, "price_per_m2", zero=True),
        extra=extra,
    )


def _side_records(member: Any, cls: type, key: str, source: str) -> list[Any]:
    """Exhibitors and booking events kept in the ``boothplan`` member by an export."""
    records = member.get(key, []) if isinstance(member, dict) else []
    if not isinstance(records, list):
        raise FloorError(f'{source}: "boothplan".{key} should be a list.')
    out = []
    for n, record in enumerate(records, start=1):
        try:
            if not isinstance(record, dict):
                raise ValueProblem("it should be an object")
            values = {}
            for spec in field_specs(cls):
                if spec.name in record:
                    values[spec.name] = from_plain(spec, record[spec.name])
                elif spec.required:
                    raise ValueProblem(f"{spec.name} is missing")
            out.append(cls(**values))
        except ValueProblem as problem:
            raise FloorError(f'{source}: "boothplan".{key} entry {n}: {problem}.') from None
    return out


def _checked(entity: Any) -> Any:
    """``entity`` if its numbers are physical (:mod:`planner.model.limits`)."""
    problem = entity_problem(entity)
    if problem is not None:
        raise FeatureProblem(problem)
    return entity


def _no_hall(source: str, found: list[tuple[int, str, Any, Any, str]]) -> FloorError:
    kinds = [kind for _, kind, _, _, _ in found]
    have = ", ".join(f"{kinds.count(k)} {k}" for k in dict.fromkeys(kinds)) or "no features"
    return FloorError(
        f'{source} has no hall ({have}): a floor needs at least one feature of kind "hall", '
        "the floor booths stand on."
    )


def _fits(halls: list[Hall], doors_and_zones: list[Any]) -> None:
    """Every door on a hall's edge and every zone inside the halls (raises FeatureProblem)."""
    for entity in doors_and_zones:
        if isinstance(entity, Door):
            check_door_on_hall(entity.line, halls, DOOR_TOLERANCE)
        else:
            check_zone_in_halls(entity.geometry, halls, DOOR_TOLERANCE)


def floor_from_geojson(data: Any, source: str, notes: list[str] | None = None) -> Plan:
    """The plan described by parsed GeoJSON ``data``; ``source`` names it in error messages."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        found = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise FloorError(f"{source} is not a GeoJSON FeatureCollection (its type is {found!r}).")
    features = data.get("features")
    if not isinstance(features, list):
        raise FloorError(f'{source}: the FeatureCollection has no list of "features".')
    info = _info(data, source)
    member = data.get("boothplan") or {}
    exhibitors = _side_records(member, Exhibitor, "exhibitors", source)
    events = _side_records(member, BookingEvent, "booking_events", source)
    ids = _Ids()
    for exhibitor in exhibitors:
        if not ids.claim("exhibitors", exhibitor.id):
            raise FloorError(f"{source}: exhibitor id {exhibitor.id!r} is used twice.")
    # Own ids are claimed in a first pass, so generated ids never take one given later.
    parsed = [_parse_feature(source, i, f, ids) for i, f in enumerate(features, start=1)]
    found = [
        (i, k, p, g, own if own is not None else ids.fresh(KINDS[k])) for i, k, p, g, own in parsed
    ]

    floor: list[tuple[int, str, dict[str, Any], Any]] = []
    for index, kind, props, geometry, id_ in found:
        if kind == "booth":
            continue
        try:
            floor.append((index, kind, props, _checked(_entity(kind, id_, props, geometry))))
        except FeatureProblem as problem:
            raise FloorError(
                f"{_where(source, index, kind, props.get('name'))}: {problem}."
            ) from None
    halls = [e for _, _, _, e in floor if isinstance(e, Hall)]
    if not halls:
        raise _no_hall(source, found)
    zones = [e for _, _, _, e in floor if isinstance(e, Zone)]
    for index, kind, props, entity in floor:
        try:
            if isinstance(entity, Door):
                check_door_on_hall(entity.line, halls, DOOR_TOLERANCE)
            elif isinstance(entity, Zone):
                check_zone_in_halls(entity.geometry, halls, DOOR_TOLERANCE)
        except FeatureProblem as problem:
            raise FloorError(
                f"{_where(source, index, kind, props.get('name'))}: {problem}."
            ) from None

    booths: list[Booth] = []
    directory = Directory(zones, exhibitors, ids)
    for index, kind, props, geometry, id_ in found:
        if kind != "booth":
            continue
        try:
            booths.append(_checked(booth_from_feature(id_, props, geometry, directory)))
        except FeatureProblem as problem:
            raise FloorError(
                f"{_where(source, index, kind, props.get('number'))}: {problem}."
            ) from None
    exhibitors += directory.new_exhibitors
    kept = simplify_heavy([e for _, _, _, e in floor], _fits, notes if notes is not None else [])
    entities = [info, *kept, *exhibitors, *booths, *events]
    try:
        return Plan.from_entities(entities)
    except ValueError as error:
        raise FloorError(f"{source}: {error}.") from None


def _parse_feature(
    source: str, index: int, feature: Any, ids: _Ids
) -> tuple[int, str, dict[str, Any], Any, str | None]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise FloorError(f"{source}, feature {index}: it is not a GeoJSON Feature.")
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise FloorError(f"{source}, feature {index}: its properties should be an object.")
    kind = props.get("kind")
    label_name = props.get("number") if kind == "booth" else props.get("name")
    where = _where(source, index, kind if isinstance(kind, str) else None, label_name)
    if kind is None:
        raise FloorError(f'{where}: it has no "kind" property.')
    if not isinstance(kind, str) or kind not in KINDS:
        known = ", ".join(KINDS)
        raise FloorError(f"{where}: unknown kind {kind!r} (known kinds: {known}).")
    try:
        geometry = read_geometry(feature.get("geometry"), kind)
    except FeatureProblem as problem:
        raise FloorError(f"{where}: {problem}.") from None
    own_id = feature.get("id")
    if own_id is not None:
        if isinstance(own_id, bool) or not isinstance(own_id, str | int):
            raise FloorError(f"{where}: its id should be text or a number, not {own_id!r}.")
        own_id = str(own_id)
        if not ids.claim(KINDS[kind], own_id):
            raise FloorError(f"{where}: its id {own_id!r} is used by another {kind} feature.")
    return index, kind, props, geometry, own_id


__all__ = ["FloorError", "floor_from_geojson", "plan_to_geojson", "read_floor", "write_geojson"]
