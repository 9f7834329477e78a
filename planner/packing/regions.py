"""The pieces of floor the packer fills: each packable zone within each hall, and the floor of
each hall that lies in no zone (an implicit zone named after its hall, with the plan's
defaults). Feature zones are no region: they stay empty."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from planner.errors import BoothplanError
from planner.model.entities import Booth
from planner.model.limits import MAX_OUTLINE_CORNERS, OUTLINE_TOLERANCE_M
from planner.model.plan import Plan
from planner.model.zone_use import CAR, CULINARY, STANDARD

MIN_AREA = 1e-3  # m²: slivers where a zone grazes a hall are no region


@dataclass(frozen=True, slots=True)
class Region:
    key: str  # "zone:<id>@<hall id>" or "hall:<id>"
    name: str
    hall_id: str
    zone_id: str | None
    use: str
    geometry: BaseGeometry
    booth: tuple[float, float]
    aisle: float

    @property
    def implicit(self) -> bool:
        return self.zone_id is None


def workable(geometry: BaseGeometry) -> BaseGeometry:
    """The outline the packer works on: as drawn, or, when it has more corners than any floor
    needs (a round hall from CAD), simplified within 1 cm and shrunk by as much, so that it
    still lies inside the real outline. Packing a 200,000-corner hall took a minute and 6 GB.
    """
    if shapely.get_num_coordinates(geometry) <= MAX_OUTLINE_CORNERS:
        return geometry
    simple = shapely.simplify(geometry, OUTLINE_TOLERANCE_M, preserve_topology=True)
    inside = shapely.buffer(simple, -OUTLINE_TOLERANCE_M, join_style="mitre")
    return inside if not inside.is_empty and inside.is_valid else geometry


def plan_regions(plan: Plan) -> list[Region]:
    """Every packable region, zones first (in plan order), then the zone-free floor of halls."""
    zones = list(plan.zones.values())
    all_zones = shapely.union_all([z.geometry for z in zones]) if zones else None
    regions: list[Region] = []
    halls = list(plan.halls.values())
    for zone in zones:
        rules = plan.zone_rules(zone.id)
        if not rules.packable:
            continue
        inside = [h for h in halls if h.geometry.intersection(zone.geometry).area > MIN_AREA]
        for hall in inside:
            geom = workable(shapely.intersection(hall.geometry, zone.geometry))
            name = zone.name if len(inside) == 1 else f"{zone.name} ({hall.name})"
            regions.append(
                Region(
                    f"zone:{zone.id}@{hall.id}",
                    name,
                    hall.id,
                    zone.id,
                    zone.use,
                    geom,
                    rules.booth,
                    rules.aisle,
                )
            )
    rules = plan.zone_rules(None)
    for hall in halls:
        geom = hall.geometry if all_zones is None else hall.geometry.difference(all_zones)
        geom = workable(geom)
        if geom.area > MIN_AREA:
            regions.append(
                Region(
                    f"hall:{hall.id}",
                    hall.name,
                    hall.id,
                    None,
                    STANDARD,
                    geom,
                    rules.booth,
                    rules.aisle,
                )
            )
    return regions


def select_regions(plan: Plan, names: list[str] | None) -> list[Region]:
    """The regions named (zone name, hall name for zone-free floor, or a region key)."""
    regions = plan_regions(plan)
    if not names:
        return regions
    wanted = {n.strip().casefold(): n.strip() for n in names}
    picked = []
    matched: set[str] = set()
    for region in regions:
        keys = {region.key.casefold(), region.name.casefold()}
        if region.zone_id is not None:
            keys |= {region.zone_id.casefold(), plan.zones[region.zone_id].name.casefold()}
        else:
            keys.add(region.hall_id.casefold())
        if keys & wanted.keys():
            picked.append(region)
            matched |= keys & wanted.keys()
    unknown = [name for key, name in wanted.items() if key not in matched]
    if unknown:  # one typo among several names must not pack the rest and say nothing
        raise _unknown_region(plan, unknown[0], regions)
    return picked


def _unknown_region(plan: Plan, name: str, regions: list[Region]) -> BoothplanError:
    packable = ", ".join(dict.fromkeys(r.name for r in regions)) or "none"
    for zone in plan.zones.values():
        if name.casefold() in (zone.name.casefold(), zone.id.casefold()):
            return BoothplanError(
                f"Zone {zone.name} is kept free of booths (use {zone.use}), so it cannot be "
                f"packed; packable: {packable}."
            )
    return BoothplanError(
        f"The plan has no packable zone or hall named {name}; packable: {packable}."
    )


def region_of_booth(plan: Plan, booth: Booth, regions: list[Region]) -> Region | None:
    """The region a booth belongs to: its zone (in the hall under it) or its hall's free floor.

    A booth the floor has changed under still belongs somewhere: one in its zone's other hall,
    or one of no zone that a feature zone has since been drawn over (the stage moved onto it),
    belongs to its zone, or to the free floor of the hall it stands in, and is re-packed with it.
    """
    centre = booth.geometry.representative_point()
    best = None
    for region in regions:
        if region.zone_id != booth.zone_id:
            continue
        if region.geometry.covers(centre):
            return region
        if best is None and (
            region.zone_id is not None or plan.halls[region.hall_id].geometry.covers(centre)
        ):
            best = region
    return best


def default_prefix(plan: Plan, region: Region) -> str:
    """Booth-number prefix an organiser expects: C for cars, F for food, else the hall's code."""
    if region.use == CAR:
        return "C"
    if region.use == CULINARY:
        return "F"
    if region.zone_id is not None:
        return _code(plan.zones[region.zone_id].name)
    return _code(plan.halls[region.hall_id].name)


def _code(name: str) -> str:
    """A short booth-number prefix from a hall or zone name.

    A trailing code such as the ``A`` of "Hall A" is used as it is; a trailing ordinary word
    ("Phú" in a street name) is not a code, so such names give their initials.

    >>> [_code(n) for n in ("Hall A", "Outdoor area B", "Hall 2", "Vỉa hè Trần Phú", "Lobby")]
    ['A', 'B', '2', 'VHT', 'LOB']
    """
    words = [w for w in name.replace("-", " ").split() if w]
    if not words:
        return "H"
    last = words[-1]
    if len(words) > 1 and len(last) <= 3 and last.isalnum() and (last.isdigit() or last.isupper()):
        return last.upper()
    if len(words) == 1:
        return words[0][:3].upper()
    return "".join(w[0] for w in words[:3]).upper()


__all__ = ["Region", "default_prefix", "plan_regions", "region_of_booth", "select_regions"]
