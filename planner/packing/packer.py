"""``pack``: fill the plan's regions with booths that meet every aisle rule.

Order of work: take away the available, unlocked booths of the regions being packed (locked
booths and those whose status is kept on re-pack stay, with their numbers, and keep the aisle
they front on); fill each region with its best row pattern, then a second pattern in what is
left (an irregular region is also tried cut at its inside corners); open a way to every door;
prune new booths that still break a rule; number the new ones.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.errors import BoothplanError
from planner.model.entities import Booth
from planner.model.frozen import is_frozen
from planner.model.limits import aisle_problem, booth_size_problem
from planner.model.natural_order import natural_key
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.rules import (
    EDGE_TOL,
    booth_corners,
    door_clear_zone,
    exits,
    side_rects,
    within_area,
)
from planner.model.status import KEPT_ON_REPACK
from planner.packing.capacity import CapacityReport, ZoneCapacity, advise, frontage_bound
from planner.packing.fill import order_regions
from planner.packing.number_keeping import changes, keep_in_place
from planner.packing.numbering import numbers_for
from planner.packing.regions import (
    Region,
    default_prefix,
    plan_regions,
    region_of_booth,
    select_regions,
)
from planner.packing.repair import open_doors, prune
from planner.packing.search import polygons
from planner.packing.site_fill import FloorPieces, fill_sites, site_jobs, workers_for

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

# The most booths one pack may place (by the frontage bound of the floor it packs). Measured on
# this project's 2-core machines: 100,000 booths take about 20 s and 0.9 GB; a floor of 3 × 3 m
# booths beyond it is a square kilometre of halls, or a unit slip (booths in centimetres).
MAX_PACK_BOOTHS = 100_000


class PackCancelled(BoothplanError):
    """The user stopped the pack; the plan is unchanged."""

    def __init__(self) -> None:
        super().__init__("Packing was cancelled; the plan is unchanged.")


@dataclass(frozen=True, slots=True)
class PackResult:
    patch: Patch
    report: CapacityReport
    placed_ids: tuple[str, ...] = ()


def pack(
    plan: Plan,
    *,
    zone_ids: list[str] | None = None,
    target: int | None = None,
    column_in_booth: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    baseline: bool = False,
    workers: int | None = None,
    keep_frozen: bool = True,
    renumber: bool = False,
) -> PackResult:
    """Pack ``plan`` (or the regions named in ``zone_ids``); pure, safe in a worker thread.

    ``baseline=True`` packs the way a naive tool does, one axis-aligned grid started at each
    region's corner, for comparison in the benchmark. ``workers`` sets how many processes fill
    the floor's sites (by default: one, or every core for a big floor of several sites; the
    booths are the same either way).

    Numbers (:mod:`planner.packing.number_keeping`): booths with frozen numbers stay as they are
    while ``keep_frozen``; a new booth where an old one stood keeps its number and id, and the
    others take numbers no booth had. ``renumber=True`` numbers every new booth afresh instead.
    """
    with _collector_paused():
        return _pack(
            plan,
            zone_ids,
            target,
            column_in_booth,
            progress,
            cancel,
            baseline,
            workers,
            keep_frozen and not renumber,
            renumber,
        )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The packer makes many short-lived arrays and no reference cycles; Python's cycle
    collector found nothing to free yet cost a fifth of the time (more on big floors, as it
    walks every live object). Paused for the pack only, and only if it was running."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _pack(
    plan: Plan,
    zone_ids: list[str] | None,
    target: int | None,
    column_in_booth: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    baseline: bool,
    workers: int | None,
    keep_frozen: bool,
    renumber: bool,
) -> PackResult:
    started = time.perf_counter()

    def tell(fraction: float, message: str) -> None:
        if progress is not None:
            progress(min(max(fraction, 0.0), 1.0), message)

    def check_cancel() -> None:
        if cancel is not None and cancel():
            raise PackCancelled()

    if not plan.halls:
        raise BoothplanError(f"Plan {plan.name!r} has no hall to pack.")
    regions = select_regions(plan, zone_ids)
    if zone_ids and not regions:
        names = ", ".join(zone_ids)
        raise BoothplanError(f"Plan {plan.name!r} has no packable zone or hall named {names}.")
    _refuse_runaway(regions)
    all_regions = plan_regions(plan)
    chosen = {r.key for r in regions}
    keep: list[Booth] = []
    removed: list[Booth] = []
    frozen_kept = 0
    for booth in plan.booths.values():
        region = region_of_booth(plan, booth, all_regions)
        kept_anyway = booth.locked or booth.status in KEPT_ON_REPACK
        frozen = keep_frozen and is_frozen(booth) and not kept_anyway
        if region is not None and region.key in chosen and not (kept_anyway or frozen):
            removed.append(booth)
        else:
            keep.append(booth)
            frozen_kept += frozen and region is not None and region.key in chosen
    edit = plan.edit()
    for booth in removed:
        edit.delete("booths", booth.id)
    base = plan.apply(edit.build())

    hall = shapely.union_all([h.geometry for h in plan.halls.values()])
    clears = [door_clear_zone(plan, d) for d in plan.doors.values()]
    obstacles = list(plan.obstacles.values())
    pieces = FloorPieces(
        floor_aisle=plan.zone_rules(None).aisle,
        solid=_array(o.geometry for o in obstacles if not (column_in_booth and o.is_column)),
        obstacles=_array(o.geometry for o in obstacles),
        columns=_array(o.geometry for o in obstacles if column_in_booth and o.is_column),
        doors=_array(c for c in clears if not c.is_empty),
        exits=exits(plan, clears),
        kept=_array(b.geometry for b in keep),
        fronts=_array(_fronts(hall, keep, plan, [b.geometry for b in plan.booths.values()])),
    )
    ordered = order_regions(regions, clears)
    jobs = site_jobs(plan, ordered, all_regions)
    filled = fill_sites(
        pieces,
        jobs,
        baseline,
        check_cancel,
        lambda f, message: tell(0.8 * f, message),
        workers_for(jobs, workers),
    )
    layouts_of = {
        region.key: layouts
        for job, per_region in zip(jobs, filled, strict=True)
        for region, layouts in zip(job.regions, per_region, strict=True)
    }
    # Booths get ids in one order for the whole plan, whichever process filled their site.
    new = [(region, layout) for region in ordered for layout in layouts_of[region.key]]

    tell(0.85, "Checking aisles and doors")
    # Fresh ids after every id the plan had, so no booth history is inherited by a new booth.
    ids = iter(plan.new_ids("booths", sum(lay.count for _, lay in new)))
    booths: list[Booth] = []
    region_of: dict[str, Region] = {}
    for region, layout in new:
        for geometry, column in zip(polygons(layout.corners), layout.column, strict=True):
            id_ = next(ids)
            booths.append(
                Booth(
                    id=id_,
                    number=id_,
                    geometry=geometry,
                    zone_id=region.zone_id,
                    flags=("column",) if column else (),
                )
            )
            region_of[id_] = region
    booths = open_doors(base, booths)
    check_cancel()
    booths = prune(base, booths, check_cancel)
    tell(0.95, "Numbering booths")
    numbered: set[str] = set()
    if not renumber:
        placed, numbered = keep_in_place(removed, booths)
        region_of = {new.id: region_of[old.id] for old, new in zip(booths, placed, strict=True)}
        booths = placed
    avoid = set() if renumber else {b.number for b in removed}
    booths = _number(base, booths, region_of, regions, numbered, avoid)

    edit = plan.edit(f"Auto-pack ({len(booths)} booths)")
    for booth in removed:
        edit.delete("booths", booth.id)
    edit.put_all(booths)
    patch = edit.build()
    report = _report(plan, regions, keep, booths, region_of, clears, target, all_regions)
    report = replace(
        report,
        seconds=time.perf_counter() - started,
        removed=len(removed),
        numbers=changes(removed, booths, frozen_kept),
    )
    tell(1.0, f"Placed {len(booths)} booths")
    return PackResult(patch, report, tuple(b.id for b in booths))


def _refuse_runaway(regions: list[Region]) -> None:
    """Estimate the work before any of it is done: absurd booth sizes (a plan saved before they
    were refused) and floors that would need more booths than one pack can place are refused
    in one sentence, instead of running for hours or taking all the memory."""
    for region in regions:
        problem = booth_size_problem(region.booth) or aisle_problem(region.aisle)
        if problem is not None:
            raise BoothplanError(
                f"{region.name}: {problem}; give the zone (or the plan) a booth size and aisle "
                "a floor can have before packing."
            )
    estimate = sum(frontage_bound(r.geometry.area, r.booth, r.aisle) for r in regions)
    if estimate > MAX_PACK_BOOTHS:
        area = sum(r.geometry.area for r in regions)
        raise BoothplanError(
            f"Packing {area:,.0f} m² of floor would place up to about {estimate:,.0f} booths; "
            f"one pack places at most {MAX_PACK_BOOTHS:,}: pack one zone or hall at a time "
            "(--zone), or check the floor's units and the booth size."
        )


def _array(geoms: Iterable[BaseGeometry]) -> np.ndarray:
    return np.array(list(geoms), dtype=object)


def _fronts(
    hall: BaseGeometry, booths: list[Booth], plan: Plan, all_geoms: list[Polygon]
) -> list[Polygon]:
    """Aisle rectangles the kept booths front on, which new booths must leave free.

    A side counts as a front when no booth of the plan before the re-pack stood there (that is
    the aisle the booth was sold with); a booth with none keeps every side that is free now.
    """
    if not booths:
        return []
    geoms = np.array([b.geometry for b in booths], dtype=object)
    aisles = np.array(
        [plan.zone_rules(b.zone_id if b.zone_id in plan.zones else None).aisle for b in booths]
    )
    rects = side_rects(booth_corners(geoms), aisles)
    flat = rects.ravel()
    in_hall = within_area(shapely.buffer(hall, EDGE_TOL, join_style="mitre"), flat)
    obstacles = [o.geometry for o in plan.obstacles.values()]

    def free_among(pool: list[Polygon]) -> np.ndarray:
        tree = shapely.STRtree(np.array(pool + obstacles, dtype=object))
        hit, _ = tree.query(flat, predicate="intersects")
        free = in_hall.copy()
        free[hit] = False
        return free.reshape(rects.shape)

    front = free_among(list(all_geoms))
    none = ~front.any(axis=1)
    if none.any():
        front[none] = free_among(list(geoms))[none]
    return list(rects[front])


def _by_region(booths: list[Booth], region_of: dict[str, Region]) -> dict[str, list[Booth]]:
    out: dict[str, list[Booth]] = {}
    for booth in booths:
        out.setdefault(region_of[booth.id].key, []).append(booth)
    return out


def _number(
    base: Plan,
    booths: list[Booth],
    region_of: dict[str, Region],
    regions: list[Region],
    numbered: frozenset[str] | set[str] = frozenset(),
    avoid: frozenset[str] | set[str] = frozenset(),
) -> list[Booth]:
    """Number the new booths region by region; kept booths keep theirs, none is repeated.

    Booths in ``numbered`` already carry a number (the one of the booth that stood there);
    numbers in ``avoid`` (those of booths that are gone) are handed to no other booth.
    Two regions that would share a prefix (two halls both called "Hall A") get A and A2.
    """
    taken = {b.number for b in base.booths.values()} | set(avoid)
    taken |= {b.number for b in booths if b.id in numbered}
    by_region = _by_region(booths, region_of)
    used_prefixes: set[str] = set()
    out: list[Booth] = []
    for region in regions:
        mine = by_region.get(region.key, [])
        if not mine:
            continue
        scheme = "prefix" if region.use in ("car", "culinary") else "hundreds"
        prefix = code = default_prefix(base, region)
        n = 1
        while prefix in used_prefixes:
            n += 1
            prefix = f"{code}{n}"
        used_prefixes.add(prefix)
        fresh = [b for b in mine if b.id not in numbered]
        numbers = numbers_for([b.geometry for b in fresh], scheme, prefix, 1, taken)
        taken.update(numbers)
        renamed = {b.id: replace(b, number=n) for b, n in zip(fresh, numbers, strict=True)}
        region_booths = [renamed.get(b.id, b) for b in mine]
        out.extend(sorted(region_booths, key=lambda b: natural_key(b.number)))
    return out


def _report(
    plan: Plan,
    regions: list[Region],
    keep: list[Booth],
    booths: list[Booth],
    region_of: dict[str, Region],
    doors: list[BaseGeometry],
    target: int | None,
    all_regions: list[Region],
) -> CapacityReport:
    obstacles = [o.geometry for o in plan.obstacles.values()]
    blocked = shapely.union_all(obstacles + [d for d in doors if not d.is_empty])
    kept_by: dict[str, int] = {}
    for booth in keep:
        region = region_of_booth(plan, booth, all_regions)
        if region is not None:
            kept_by[region.key] = kept_by.get(region.key, 0) + 1
    rows = []
    by_region = _by_region(booths, region_of)
    for region in regions:
        usable = shapely.difference(region.geometry, blocked).area
        placed = len(by_region.get(region.key, []))
        kept = kept_by.get(region.key, 0)
        rows.append(
            ZoneCapacity(
                name=region.name,
                use=region.use,
                booth=region.booth,
                aisle=region.aisle,
                placed=placed + kept,
                kept=kept,
                usable_area=usable,
                bound=frontage_bound(usable, region.booth, region.aisle),
            )
        )
    advice = None
    if target is not None and rows:
        # The target counts booths of the main size (that of the largest region).
        main = max(rows, key=lambda z: z.usable_area)
        same = [z for z in rows if z.booth == main.booth and z.aisle == main.aisle]
        advice = advise(
            target,
            sum(z.placed for z in same),
            sum(z.usable_area for z in same),
            main.booth,
            main.aisle,
        )
    return CapacityReport(tuple(rows), advice)


__all__ = ["PackCancelled", "PackResult", "pack"]
