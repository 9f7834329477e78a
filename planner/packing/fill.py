"""Fill one region after another, each around what is already there.

Each region gets the space its booths may take (its floor less obstacles, door clear zones,
booths already standing and the aisles those booths front on) and the space aisles may take
(the halls less obstacles and standing booths). Before any region is filled, two kinds of
aisle are kept free so the regions join up: a strip along every border between two packable
regions (both sides front on it), and a straight corridor from the nearest door into any zone
whose aisles are wider than the floor around it (cars must drive in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.rules import booth_corners, reachable_network, side_rects, union_of_tiles
from planner.packing.pattern import Frame, slot_grid
from planner.packing.regions import Region
from planner.packing.search import (
    Layout,
    Space,
    evaluate,
    frames_for,
    layout_of,
    make_space,
    polygons,
    search,
)
from planner.packing.split import candidate_cuts, cut_strip

TOP_PATTERNS = 4  # the best patterns by count that are compared by booths reaching a door


class Pool:
    """A growing set of polygons, kept in chunks (each with its polygons' bounding boxes and
    the box around them all), so that picking those near a region skips whole chunks by one
    box test and costs a numpy comparison in the rest: the work per region stays the same
    however large the floor grows."""

    CHUNK = 512  # polygons per chunk: one layout's booths, or a slice of the kept ones

    def __init__(self, items: Iterable[BaseGeometry] = ()) -> None:
        self._chunks: list[tuple[np.ndarray, np.ndarray, tuple[float, ...]]] = []
        self.extend(list(items))

    def extend(self, items: Iterable[BaseGeometry]) -> None:
        arr = np.asarray(items, dtype=object).ravel()
        for at in range(0, len(arr), self.CHUNK):
            part = arr[at : at + self.CHUNK]
            bounds = shapely.bounds(part)
            box = (
                float(bounds[:, 0].min()),
                float(bounds[:, 1].min()),
                float(bounds[:, 2].max()),
                float(bounds[:, 3].max()),
            )
            self._chunks.append((part, bounds, box))

    def near(self, area: BaseGeometry) -> np.ndarray:
        """The polygons that intersect ``area``, in the order they were added."""
        x0, y0, x1, y1 = area.bounds
        picked = []
        for geoms, bounds, (bx0, by0, bx1, by1) in self._chunks:
            if bx0 > x1 or bx1 < x0 or by0 > y1 or by1 < y0:
                continue
            close = (bounds[:, 0] <= x1) & (bounds[:, 2] >= x0)
            close &= (bounds[:, 1] <= y1) & (bounds[:, 3] >= y0)
            if close.any():
                picked.append(geoms[close])
        if not picked:
            return np.zeros(0, dtype=object)
        candidates = np.concatenate(picked)
        shapely.prepare(area)
        return candidates[shapely.intersects(area, candidates)]

    def copy(self) -> Pool:
        twin = Pool()
        twin._chunks = list(self._chunks)
        return twin

    def __len__(self) -> int:
        return sum(len(c[0]) for c in self._chunks)


@dataclass(slots=True)
class Floor:
    """One site (halls that touch) being filled: what stays the same while its regions are
    filled, and what grows as they are. Pieces come from near the site only."""

    hall: BaseGeometry  # the site: its halls as one area
    floor_aisle: float  # the plan's own aisle width, for floor outside any zone
    solid: np.ndarray  # obstacles no booth may hold
    obstacles: np.ndarray  # every obstacle (aisles may hold none)
    columns: np.ndarray  # columns a booth may hold (column-in-booth option)
    doors: list[BaseGeometry]  # clear rectangles
    exits: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    no_booths: Pool = field(default_factory=Pool)  # solid obstacles and door clear zones
    aisles: BaseGeometry | None = None  # where aisles may lie: the site less obstacles
    occupied: Pool = field(default_factory=Pool)  # booth polygons standing
    reserved: Pool = field(default_factory=Pool)  # aisle polygons no new booth may take


def prepare_floor(floor: Floor) -> None:
    """Everything no booth may stand on, as pieces (each region is cut by those near it only),
    and where aisles may lie: the site less obstacles."""
    cuts = [g for g in (*floor.solid, *floor.doors) if not g.is_empty]
    floor.no_booths = Pool(cuts)
    floor.aisles = less(floor.hall, floor.obstacles)
    shapely.prepare(floor.aisles)


def less(area: BaseGeometry, pieces: Pool | Iterable[BaseGeometry]) -> BaseGeometry:
    """``area`` without the pieces (a :class:`Pool` or an array) that touch it."""
    cut = near(pieces, area)
    return shapely.difference(area, shapely.union_all(cut)) if len(cut) else area


def keep_ways_open(floor: Floor, regions: list[Region]) -> None:
    """Keep aisles free along region borders and from a door into zones with wider aisles."""
    floor.reserved.extend(_border_strips(regions, floor.hall))
    floor.reserved.extend(_corridors(floor.floor_aisle, regions, floor.doors, floor.hall))


def _border_strips(regions: list[Region], hall: BaseGeometry) -> list[BaseGeometry]:
    strips = []
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            if a.hall_id != b.hall_id:
                continue
            shared = shapely.intersection(a.geometry.boundary, b.geometry.boundary)
            if shared.length < min(min(a.booth), min(b.booth)):
                continue
            width = max(a.aisle, b.aisle)
            strip = shapely.buffer(shared, width / 2, cap_style="flat", join_style="mitre")
            strips.append(shapely.intersection(strip, hall))
    return strips


def _corridors(
    floor_aisle: float, regions: list[Region], doors: list[BaseGeometry], hall: BaseGeometry
) -> list[BaseGeometry]:
    clear = [d for d in doors if not d.is_empty]
    out = []
    for region in regions:
        if region.zone_id is None or region.aisle <= floor_aisle + 1e-9 or not clear:
            continue
        door = min(clear, key=lambda d: (d.distance(region.geometry), d.centroid.x))
        line = shapely.shortest_line(door.centroid, region.geometry)
        start, end = np.asarray(line.coords)
        heading = end - start
        if np.linalg.norm(heading) < 1e-9:
            continue
        heading = heading / np.linalg.norm(heading)
        # One booth and one aisle into the zone, so the corridor meets the zone's own aisles.
        end = end + heading * (max(region.booth) + region.aisle)
        corridor = shapely.buffer(
            shapely.LineString([start, end]), region.aisle / 2, cap_style="flat"
        )
        out.append(shapely.intersection(corridor, hall))
    return out


def order_regions(regions: list[Region], doors: list[BaseGeometry]) -> list[Region]:
    """Regions nearest a door first: their aisles are the ones the others must reach."""
    clear = [d for d in doors if not d.is_empty]
    if not clear:
        return list(regions)
    door_union = shapely.union_all(clear)

    def key(item: tuple[int, Region]) -> tuple[float, int]:
        n, region = item
        return (round(region.geometry.distance(door_union), 3), n)

    return [r for _, r in sorted(enumerate(regions), key=key)]


def fill_region(
    floor: Floor, region: Region, check_cancel: Callable[[], None], baseline: bool = False
) -> list[Layout]:
    """Booth layouts for ``region``, added to the floor's occupied space.

    The region is packed whole, and cut at each inside corner (see :mod:`split`); whichever
    holds more booths wins, the whole region on a tie.
    """
    if baseline:
        booth_space = less(region.geometry, floor.no_booths)
        layouts = _corner_grid(region, _space(floor, region, booth_space))
        for layout in layouts:
            _stand(floor, region, layout)
        return layouts
    best_floor = _fork(floor)
    best = _fill_whole(best_floor, region, None, check_cancel)
    w, d = region.booth
    for parts, cut in candidate_cuts(region.geometry, min_area=4 * w * d):
        check_cancel()
        trial = _fork(floor)
        strip = cut_strip(cut, region.aisle, region.geometry)
        layouts = []
        for part in parts:
            layouts += _fill_whole(trial, replace(region, geometry=part), strip, check_cancel)
        if sum(lay.count for lay in layouts) > sum(lay.count for lay in best):
            best, best_floor = layouts, trial
    floor.occupied, floor.reserved = best_floor.occupied, best_floor.reserved
    return best


def _fork(floor: Floor) -> Floor:
    return replace(floor, occupied=floor.occupied.copy(), reserved=floor.reserved.copy())


def _fill_whole(
    floor: Floor,
    region: Region,
    keep_free: BaseGeometry | None,
    check_cancel: Callable[[], None],
) -> list[Layout]:
    """The best pattern over ``region``, then a second one in what it left."""
    booth_space = less(region.geometry, floor.no_booths)
    if keep_free is not None:
        booth_space = shapely.difference(booth_space, keep_free)
    layouts = _best(floor, region, _space(floor, region, booth_space), check_cancel)
    for layout in layouts:
        _stand(floor, region, layout)
    if layouts:
        second = _second_pass(floor, region, booth_space, layouts[0], check_cancel)
        for layout in second:
            _stand(floor, region, layout)
        layouts += second
    return layouts


def _space(floor: Floor, region: Region, booth_space: BaseGeometry) -> Space:
    assert floor.aisles is not None  # prepare_floor comes first
    around = shapely.box(*region.geometry.bounds).buffer(max(region.booth) + region.aisle)
    shapely.prepare(around)
    return make_space(
        booth_space,
        floor.aisles,
        near(floor.columns, around),
        list(near(floor.occupied, around)),
        list(near(floor.reserved, around)),
    )


def _stand(floor: Floor, region: Region, layout: Layout) -> None:
    floor.occupied.extend(polygons(layout.corners))
    rects = side_rects(layout.corners, np.full(layout.count, region.aisle))
    floor.reserved.extend(rects.ravel())


def _best(
    floor: Floor, region: Region, space: Space, check_cancel: Callable[[], None]
) -> list[Layout]:
    frames = frames_for(region.geometry, region.booth, region.aisle)
    found = search(region.geometry, space, frames, check_cancel)
    if not found:
        return []
    if len(found) == 1 or not len(floor.exits):
        return [found[0]]
    # What counts is booths that can walk to a door: judge the best few patterns by that.
    close = found[:TOP_PATTERNS]
    site = floor.hall
    reach = [reachable_count(floor, lay, region.aisle, site) for lay in close]
    return [close[int(np.argmax(reach))]]


def reachable_count(floor: Floor, layout: Layout, aisle: float, site: BaseGeometry) -> int:
    """How many of the layout's booths front on an aisle that joins a door of ``site``."""
    boxes = polygons(layout.corners)
    # Booths never overlap (new ones by construction): their coverage union is cheap.
    booths = np.concatenate([boxes, near(floor.occupied, site)])
    others = near(floor.obstacles, site)
    network = reachable_network(site, booths, others, near(floor.exits, site), aisle)
    if network.is_empty:
        return 0
    shapely.prepare(network)
    mids = shapely.centroid(side_rects(booth_corners(boxes), np.full(len(boxes), aisle)).ravel())
    hits = shapely.intersects(network, mids).reshape(-1, 4)
    return int(hits.any(axis=1).sum())


def near(geoms: Pool | Iterable[BaseGeometry], area: BaseGeometry) -> np.ndarray:
    """The geometries that touch ``area`` (so work on one hall does not grow with the floor)."""
    if isinstance(geoms, Pool):
        return geoms.near(area)
    arr = np.asarray(list(geoms), dtype=object)
    if len(arr) == 0:
        return arr
    shapely.prepare(area)
    return arr[shapely.intersects(area, arr)]


def _second_pass(
    floor: Floor,
    region: Region,
    booth_space: BaseGeometry,
    first: Layout,
    check_cancel: Callable[[], None],
) -> list[Layout]:
    """What the first pattern left (a trapezoid's slanted end, an L's other arm): try again.

    Booths of the second pattern keep an aisle's width from the first, so they can neither shut
    its aisles nor lengthen its runs.
    """
    boxes = polygons(first.corners)
    apart = shapely.buffer(union_of_tiles(boxes), region.aisle - 1e-6, join_style="mitre")
    left = shapely.difference(booth_space, apart)
    w, d = region.booth
    pieces = [p for p in shapely.get_parts(left) if p.area >= 2 * w * d]
    pieces = [p for p in pieces if not shapely.buffer(p, -min(w, d) / 2 + 1e-6).is_empty]
    if not pieces:
        return []
    piece = shapely.union_all(pieces)
    space = _space(floor, region, piece)
    found = search(piece, space, frames_for(piece, region.booth, region.aisle), check_cancel)
    return found[:1]


def _corner_grid(region: Region, space: Space) -> list[Layout]:
    """The baseline: one axis-aligned pattern, first aisle at the region's lower-left corner."""
    w, d = region.booth
    frame = Frame(0.0, w, d, region.aisle)
    grid = slot_grid(frame, np.array([[0.0, frame.aisle]]), region.geometry.bounds)
    valid, column = evaluate(grid, space)
    return [layout_of(grid, valid, column)] if valid.any() else []


__all__ = [
    "Floor",
    "fill_region",
    "keep_ways_open",
    "order_regions",
    "prepare_floor",
    "reachable_count",
]
