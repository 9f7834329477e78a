"""Place each band of rows where it fits best, not on a fixed period.

A fixed period puts every aisle a band's width after the last, so a column that falls in an
aisle takes the booths on both sides of it, and slack at the far wall is wasted. Here every
position of a double row (and of a lone row facing either way) is scored at once, for the
cross-aisle offset the periodic search chose; then the best set of bands that keep at least an
aisle apart is picked by dynamic programming over their positions (a weighted interval
schedule), and the result is evaluated exactly like any other pattern.
"""

from __future__ import annotations

import bisect
import math

import numpy as np

from planner.packing.pattern import Frame, SlotGrid
from planner.packing.search import Bounds, Layout, Space, evaluate, layout_of

STEP = 0.5  # m between band positions tried (besides those that meet a wall)

# A band that could be placed: (start, end, score, band start, rows kept: down, up).
_Item = tuple[float, float, int, float, tuple[bool, bool]]


def _grid(
    frame: Frame, u0: float, starts: np.ndarray, bounds: Bounds, per_pattern: bool
) -> SlotGrid:
    """Bands starting at ``starts``: one band per pattern, or all bands in one pattern."""
    umin, vmin, umax, vmax = bounds
    runs = math.ceil((umax - umin) / frame.period) + 2
    m = np.arange(-1, runs - 1).reshape(1, 1, 1, -1, 1)
    i = np.arange(frame.run).reshape(1, 1, 1, 1, -1)
    side = np.arange(2).reshape(1, 1, -1, 1, 1)
    k = len(starts)
    shape = (k, 1, 2, runs, frame.run) if per_pattern else (1, k, 2, runs, frame.run)
    v0 = np.asarray(starts, dtype=float).reshape(shape[0], shape[1], 1, 1, 1)
    v = np.broadcast_to(v0 + side * frame.d, shape)
    u = np.broadcast_to(umin + u0 + m * frame.period + i * frame.w, shape)
    tol = 1e-6
    inside = (u >= umin - tol) & (u + frame.w <= umax + tol)
    inside &= (v >= vmin - tol) & (v + frame.d <= vmax + tol)
    offsets = np.zeros((shape[0], 2))
    offsets[:, 0] = u0
    return SlotGrid(frame, offsets, np.array(u), np.array(v), inside)


def best_bands(
    frame: Frame, u0: float, space: Space, bounds: Bounds, walls: np.ndarray
) -> Layout | None:
    """The best bands for cross-aisle offset ``u0``; ``walls`` are local v of region corners."""
    _, vmin, _, vmax = bounds
    d, a = frame.d, frame.aisle
    starts = np.arange(vmin - d, vmax - d + 1e-9, STEP)
    snaps = (walls[:, None] - np.array([0.0, d, 2 * d, -a])[None, :]).ravel()
    starts = np.unique(np.round(np.concatenate([starts, snaps]), 6))
    starts = starts[(starts >= vmin - d - 1e-9) & (starts <= vmax - d + 1e-9)]
    if len(starts) == 0:
        return None
    valid, _ = evaluate(_grid(frame, u0, starts, bounds, per_pattern=True), space)
    down = valid[:, 0, 0].reshape(len(starts), -1).sum(axis=1)
    up = valid[:, 0, 1].reshape(len(starts), -1).sum(axis=1)
    # Items: (start, end, score, band start, rows kept).
    items: list[_Item] = []
    for s, cd, cu in zip(starts, down, up, strict=True):
        if cd and cu:
            items.append((s, s + 2 * d, int(cd + cu), s, (True, True)))
        if cd:
            items.append((s, s + d, int(cd), s, (True, False)))
        if cu:
            items.append((s + d, s + 2 * d, int(cu), s, (False, True)))
    if not items:
        return None
    chosen = _schedule(items, a)
    band_starts = np.array([it[3] for it in chosen])
    grid = _grid(frame, u0, band_starts, bounds, per_pattern=False)
    keep = np.array([it[4] for it in chosen], dtype=bool)  # (K, 2)
    grid.in_bounds &= keep[None, :, :, None, None]
    valid, column = evaluate(grid, space)
    if not valid.any():
        return None
    return layout_of(grid, valid, column)


def _schedule(items: list[_Item], gap: float) -> list[_Item]:
    """Weighted interval scheduling: the best items that keep ``gap`` apart, in order."""
    items = sorted(items, key=lambda it: (it[1], it[0]))
    ends = [it[1] for it in items]
    best = [0] * (len(items) + 1)  # best[k]: best score using the first k items
    take = [False] * len(items)
    prev = [0] * len(items)
    for k, (start, _, score, _, _) in enumerate(items):
        j = bisect.bisect_right(ends, start - gap + 1e-9, 0, k)
        prev[k] = j
        with_it = best[j] + score
        take[k] = with_it > best[k]
        best[k + 1] = with_it if take[k] else best[k]
    out = []
    k = len(items)
    while k > 0:
        if take[k - 1]:
            out.append(items[k - 1])
            k = prev[k - 1]
        else:
            k -= 1
    return out[::-1]


__all__ = ["best_bands"]
