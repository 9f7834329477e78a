"""Score row patterns over one region and keep the best: orientations, offsets, leftovers.

Every pattern is judged the way the rule checker judges a plan: a slot counts if the booth lies
in the space booths may take, a column (with the option on) stands wholly inside it, and one
whole side faces an aisle-deep rectangle of free floor that no booth of the same pattern covers.
All slots of a batch of offsets are tested in one ``shapely.contains`` call per test.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LinearRing
from shapely.geometry.base import BaseGeometry

from planner.packing.pattern import Frame, SlotGrid, neighbour_blocked, slot_grid

Check = Callable[[], None]  # raises PackCancelled when the user cancelled
Bounds = tuple[float, float, float, float]  # umin, vmin, umax, vmax in a frame's own axes


@dataclass(slots=True)
class Space:
    """Where booths of one region may stand, where their aisles may lie, and the columns.

    ``booths`` and ``aisles`` are the fixed floor (prepared); what changes as regions fill up
    (booths standing, aisles kept for them) is tested against the two trees instead, so no
    large union is rebuilt per region.
    """

    booths: BaseGeometry  # prepared
    aisles: BaseGeometry  # prepared
    columns: np.ndarray  # column polygons a booth may swallow (empty unless the option is on)
    column_tree: shapely.STRtree | None
    no_booth: shapely.STRtree | None  # booths and kept aisles, shrunk a hair: no booth overlaps
    no_aisle: shapely.STRtree | None  # booths standing: no aisle crosses them
    # (which, radius) -> prepared eroded space
    cores: dict[tuple[str, float], BaseGeometry] = field(default_factory=dict)

    def core(self, which: str, radius: float) -> BaseGeometry:
        """``booths`` or ``aisles`` shrunk by more than ``radius``: any rectangle of that
        half-diagonal centred in it lies wholly inside, with no exact test needed."""
        key = (which, radius)
        if key not in self.cores:
            # Round joins draw arcs as chords a little inside the true arc: shrink 2 % more.
            core = shapely.buffer(getattr(self, which), -(radius * 1.02 + 1e-3))
            shapely.prepare(core)
            self.cores[key] = core
        return self.cores[key]


def make_space(
    booths: BaseGeometry,
    aisles: BaseGeometry,
    columns: np.ndarray,
    occupied: Sequence[BaseGeometry] | None = None,
    reserved: Sequence[BaseGeometry] | None = None,
) -> Space:
    booths = shapely.buffer(booths, 1e-6, join_style="mitre")
    shapely.prepare(booths)
    shapely.prepare(aisles)
    tree = shapely.STRtree(columns) if len(columns) else None
    occupied = list(occupied or [])
    blockers = np.array(occupied + list(reserved or []), dtype=object)
    no_booth = None
    if len(blockers):
        no_booth = shapely.STRtree(shapely.buffer(blockers, -1e-6, join_style="mitre"))
    no_aisle = shapely.STRtree(np.array(occupied, dtype=object)) if occupied else None
    return Space(booths, aisles, columns, tree, no_booth, no_aisle)


@dataclass(slots=True)
class Layout:
    """The chosen slots of one pattern: world corners, front side and column flag per booth."""

    frame: Frame
    offset: tuple[float, float]
    corners: np.ndarray  # (N, 4, 2) counter-clockwise
    column: np.ndarray  # (N,) bool: a column stands inside
    band: np.ndarray  # (N,) band index, for numbering rows
    side: np.ndarray  # (N,) 0 faces down, 1 faces up

    @property
    def count(self) -> int:
        return len(self.corners)


def polygons(corners: np.ndarray) -> np.ndarray:
    ring = np.concatenate([corners, corners[:, :1]], axis=1)
    boxes = shapely.polygons(ring)
    assert isinstance(boxes, np.ndarray)  # an array of rings makes an array of polygons
    return boxes


def evaluate(grid: SlotGrid, space: Space) -> tuple[np.ndarray, np.ndarray]:
    """Valid slots (grid shape) and which of them hold a column, for every pattern at once."""
    frame = grid.frame
    cand = grid.in_bounds.copy()
    corners = grid.corners(cand)
    # Corners inside is needed for a box inside, and a box centred deep inside is inside:
    # point tests (one corner, then the centre, then the other corners) settle most boxes
    # before any polygon is made.
    inside, sure = _points_first(space, "booths", math.hypot(frame.w, frame.d) / 2, corners)
    cand.ravel()[np.flatnonzero(cand)[~inside]] = False
    corners, sure = corners[inside], sure[inside]
    idx = np.flatnonzero(cand)
    trees = space.no_booth is not None or space.column_tree is not None
    boxes = polygons(corners) if trees else None
    ok = sure.copy()
    exact = np.flatnonzero(~sure)
    ok[exact] = shapely.contains(
        space.booths, boxes[exact] if boxes is not None else polygons(corners[exact])
    )
    if space.no_booth is not None and boxes is not None and ok.any():
        live = np.flatnonzero(ok)
        hit, _ = space.no_booth.query(boxes[live], predicate="intersects")
        ok[live[hit]] = False
    column = np.zeros(len(corners), dtype=bool)
    if space.column_tree is not None and boxes is not None and ok.any():
        live = np.flatnonzero(ok)
        b, c = space.column_tree.query(boxes[live], predicate="intersects")
        held = shapely.contains(boxes[live[b]], space.columns[c])
        ok[live[b[~held]]] = False
        column[live[b[held]]] = True
        column &= ok
    shape = grid.shape
    valid = np.zeros(shape, dtype=bool)
    valid.ravel()[idx] = ok
    col_full = np.zeros(shape, dtype=bool)
    col_full.ravel()[idx] = column
    # Only sides no neighbour of the same pattern covers need the floor tested; a side covered
    # by a neighbour counts as shut even if that neighbour falls later (a rare, safe loss).
    need = valid[..., None] & ~neighbour_blocked(valid, frame)
    free_full = np.zeros((*shape, 4), dtype=bool)
    slot, side = np.nonzero(need.reshape(-1, 4))
    if len(slot):
        rank = np.full(valid.size, -1)
        rank[idx] = np.arange(len(idx))
        quad = corners[rank[slot]]
        p = quad[np.arange(len(slot)), side]
        q = quad[np.arange(len(slot)), (side + 1) % 4]
        ring = _outward_rects(p, q, frame.aisle)
        radius = math.hypot(max(frame.w, frame.d), frame.aisle) / 2
        side_free, sure = _points_first(space, "aisles", radius, ring[:, :4])
        exact = np.flatnonzero(side_free & ~sure)
        side_free[exact] = shapely.contains(space.aisles, shapely.polygons(ring[exact]))
        if space.no_aisle is not None:
            live = np.flatnonzero(side_free)
            hit, _ = space.no_aisle.query(shapely.polygons(ring[live]), predicate="intersects")
            side_free[live[hit]] = False
        free_full.reshape(-1, 4)[slot, side] = side_free
    while True:
        keep = valid & (free_full & ~neighbour_blocked(valid, frame)).any(axis=-1)
        if (keep == valid).all():
            break
        valid = keep
    return valid, col_full & valid


def _points_first(
    space: Space, which: str, radius: float, quads: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Which quadrilaterals (N, 4, 2) have all corners in ``space.<which>`` (needed for the
    quadrilateral inside), and which of those are surely inside (centre in the core)."""
    area = getattr(space, which)
    inside = shapely.contains_xy(area, quads[:, 0, 0], quads[:, 0, 1])
    sure = np.zeros(len(quads), dtype=bool)
    core = space.core(which, radius)
    live = np.flatnonzero(inside)
    if not core.is_empty and len(live):
        centre = (quads[live, 0] + quads[live, 2]) / 2
        sure[live] = shapely.contains_xy(core, centre[:, 0], centre[:, 1])
    rest = live[~sure[live]]
    xy = quads[rest, 1:].reshape(-1, 2)
    inside[rest] = shapely.contains_xy(area, xy[:, 0], xy[:, 1]).reshape(-1, 3).all(axis=1)
    return inside, sure


def _outward_rects(p: np.ndarray, q: np.ndarray, depth: float, inset: float = 1e-6) -> np.ndarray:
    """Rectangles ``depth`` deep outside the sides ``p → q`` of counter-clockwise boxes."""
    t = q - p
    t = t / np.linalg.norm(t, axis=1, keepdims=True)
    n = np.stack([t[:, 1], -t[:, 0]], axis=1)
    p0, q0 = p + n * inset + t * inset, q + n * inset - t * inset
    q1, p1 = q + n * (depth - inset) - t * inset, p + n * (depth - inset) + t * inset
    return np.stack([p0, q0, q1, p1, p0], axis=1)


def frames_for(region: BaseGeometry, booth: tuple[float, float], aisle: float) -> list[Frame]:
    """Orientations worth trying: 0°, 90° and the directions of the region's long edges."""
    w, d = booth
    angles: dict[float, float] = {0.0: math.inf, 90.0: math.inf}
    for ring in _rings(region):
        xy = np.asarray(ring.coords)
        edge = np.diff(xy, axis=0)
        length = np.hypot(edge[:, 0], edge[:, 1])
        deg = np.degrees(np.arctan2(edge[:, 1], edge[:, 0])) % 180.0
        for a, ln in zip(np.round(deg, 1), length, strict=True):
            if ln >= 2 * min(w, d):
                for ang in (a % 180.0, (a + 90.0) % 180.0):
                    angles[ang] = angles.get(ang, 0.0) + ln
    chosen = sorted(angles, key=lambda a: (-angles[a], a))[:6]
    sizes = [(w, d)] if w == d else [(w, d), (d, w)]
    frames = []
    for a in sorted(chosen):
        for bw, bd in sizes:
            frame = Frame(math.radians(a), bw, bd, aisle)
            frames.append(frame)
            # A region shorter than one run would get no cross aisle, and its aisles would
            # end at walls; also try runs short enough that one cross aisle falls inside.
            umin, _, umax, _ = _local_bounds(frame, region)
            fit = math.floor((umax - umin - aisle) / bw + 1e-9)
            if 1 <= fit < frame.run:
                frames.append(Frame(frame.theta, bw, bd, aisle, run_limit=fit))
    return frames


def _rings(geom: BaseGeometry) -> list[LinearRing]:
    rings = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon":
            rings.append(part.exterior)
    return rings


MAX_SNAPS = 48
TOP_ROWS = 4  # row offsets carried from the first scan to the last
BAND_FRAMES = 2  # best frames whose bands are then placed one by one


def _outline_coords(region: BaseGeometry) -> np.ndarray:
    coords = shapely.get_coordinates(region)
    if len(coords) > 4 * MAX_SNAPS:  # curved obstacles: their outline says little, walls do
        coords = shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_parts(region)))
    return coords


def _snaps(values: np.ndarray, base: float, shifts: np.ndarray, period: float) -> np.ndarray:
    """Offsets in [0, period) that put one of ``shifts`` of the pattern on one of ``values``."""
    values = np.unique(np.round(values, 6))
    if len(values) > MAX_SNAPS:  # keep the extremes and an even spread of the rest
        pick = np.linspace(0, len(values) - 1, MAX_SNAPS).round().astype(int)
        values = values[pick]
    out = np.round((values[:, None] - base - shifts[None, :]) % period, 6).ravel()
    out[np.isclose(out, period)] = 0.0
    return np.unique(out)


def _local_bounds(frame: Frame, region: BaseGeometry) -> Bounds:
    local = frame.to_local(shapely.get_coordinates(region))
    return (*local.min(axis=0), *local.max(axis=0))


def _scan(
    frame: Frame, bounds: Bounds, space: Space, offsets: np.ndarray
) -> tuple[SlotGrid, np.ndarray, np.ndarray, np.ndarray]:
    grid = slot_grid(frame, offsets, bounds)
    valid, column = evaluate(grid, space)
    scores = valid.reshape(len(offsets), -1).sum(axis=1)
    return grid, valid, column, scores


def search(
    region: BaseGeometry,
    space: Space,
    frames: list[Frame],
    check: Check,
    steps: int = 6,
) -> list[Layout]:
    """The best pattern of each frame over offsets, best first; empty when nothing fits."""
    # (-count, frame order, layout, what placing bands needs: cross-aisle offset, bounds, outline)
    found: list[tuple[int, int, Layout, tuple[float, Bounds, np.ndarray] | None]] = []
    for order, frame in enumerate(frames):
        check()
        bounds = _local_bounds(frame, region)
        P, Q = frame.band, frame.period
        local = frame.to_local(_outline_coords(region))
        # Rows first (they decide how many fit across), then cross aisles, then both finer.
        # Besides an even spread, try every offset that puts a row edge on a wall or an
        # obstacle edge: booths fit exactly where a wall is.
        v_snap = _snaps(local[:, 1], bounds[1], np.array([0.0, frame.d, 2 * frame.d]), P)
        v_try = np.union1d(np.arange(steps) * P / steps, v_snap)
        ends = np.array([0.0, frame.run * frame.w, Q])  # a run starts, a run ends, a gap ends
        u_snap = _snaps(local[:, 0], bounds[0], ends, Q)
        v_scan = np.stack([np.zeros(len(v_try)), v_try], axis=1)
        *_, s = _scan(frame, bounds, space, v_scan)
        top_v = v_scan[np.argsort(-s, kind="stable")[:TOP_ROWS], 1]
        v0 = top_v[0]
        u_try = np.union1d(np.arange(steps) * Q / steps, u_snap)
        u_scan = np.stack([u_try, np.full(len(u_try), v0)], axis=1)
        *_, s = _scan(frame, bounds, space, u_scan)
        u0 = u_scan[int(np.argmax(s)), 0]
        # The best few row offsets again, with the cross aisles in place, and a little around.
        fine = np.array([-1 / 3, 1 / 3]) / steps
        tries = [[u0, v] for v in top_v] + [[u0 + Q * f, v0] for f in fine]
        tries += [[u0, v0 + P * f] for f in fine]
        refine = np.array(tries)
        refine[:, 0] %= Q
        refine[:, 1] %= P
        grid, valid, column, s = _scan(frame, bounds, space, refine)
        pick = int(np.argmax(s))
        if s[pick] > 0:
            one = SlotGrid(
                frame,
                refine[pick : pick + 1],
                grid.u[pick : pick + 1],
                grid.v[pick : pick + 1],
                grid.in_bounds[pick : pick + 1],
            )
            layout = layout_of(one, valid[pick : pick + 1], column[pick : pick + 1])
            found.append((-layout.count, order, layout, (float(refine[pick, 0]), bounds, local)))
    found.sort(key=lambda t: (t[0], t[1]))
    # Bands placed one by one (dodging columns, using slack) may beat the period: try that
    # for the best few frames only, it costs as much as a scan.
    from planner.packing.bands import best_bands  # bands builds on this module

    for k, (_, order, layout, banding) in enumerate(found[:BAND_FRAMES]):
        check()
        assert banding is not None  # every search result carries it; only bands drop it
        u0, bounds, local = banding
        free = best_bands(layout.frame, u0, space, bounds, local[:, 1])
        if free is not None and free.count > layout.count:
            found[k] = (-free.count, order, free, None)
    found.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in found]


def layout_of(grid: SlotGrid, valid: np.ndarray, column: np.ndarray) -> Layout:
    mask = valid[0]
    sub = SlotGrid(grid.frame, grid.offsets[:1], grid.u[0], grid.v[0], mask)
    corners = sub.corners(mask)
    band = np.broadcast_to(np.arange(mask.shape[0]).reshape(-1, 1, 1, 1), mask.shape)[mask]
    side = np.broadcast_to(np.arange(2).reshape(1, -1, 1, 1), mask.shape)[mask]
    return Layout(
        grid.frame,
        (float(grid.offsets[0, 0]), float(grid.offsets[0, 1])),
        corners,
        column[0][mask],
        band,
        side,
    )


__all__ = [
    "Bounds",
    "Layout",
    "Space",
    "evaluate",
    "frames_for",
    "make_space",
    "polygons",
    "search",
]
