"""Row patterns: bands of back-to-back double rows separated by aisles, cut by cross aisles.

In a pattern's own frame rows run along ``u`` (the direction ``theta``) and bands stack along
``v``. Band ``k`` holds a row facing down (``v0 + kP`` to ``+ d``) and a row facing up
(``+ d`` to ``+ 2d``) with ``P = 2d + aisle``; the aisle between bands is their shared front.
Along ``u``, runs of ``run`` booths (at most 30 m) are separated by cross aisles one aisle wide.
A row clipped by a wall leaves the other half as a single row against that wall.

Slots live on a dense grid ``(pattern, band, side, run, index)`` so that "is my neighbour
there" is index arithmetic, which lets thousands of patterns be scored in a few numpy calls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from planner.model.rules import MAX_RUN

DOWN, UP = 0, 1  # the two rows of a band; side index of the front in rules.side_rects order
FRONT_SIDE = (0, 2)  # row facing down fronts on side 0 (bottom), row facing up on side 2 (top)


@dataclass(frozen=True, slots=True)
class Frame:
    """An orientation and booth assignment: rows along ``theta`` with booths ``w`` wide."""

    theta: float
    w: float  # along the row
    d: float  # depth, across the row
    aisle: float
    run_limit: int | None = None  # shorter runs, so that a short region still gets a cross aisle

    @property
    def run(self) -> int:
        longest = max(1, math.floor((MAX_RUN + 1e-6) / self.w))
        return longest if self.run_limit is None else max(1, min(longest, self.run_limit))

    @property
    def band(self) -> float:
        return 2 * self.d + self.aisle

    @property
    def period(self) -> float:
        return self.run * self.w + self.aisle

    def to_world(self, local: np.ndarray) -> np.ndarray:
        c, s = math.cos(self.theta), math.sin(self.theta)
        u, v = local[..., 0], local[..., 1]
        return np.stack([c * u - s * v, s * u + c * v], axis=-1)

    def to_local(self, world: np.ndarray) -> np.ndarray:
        c, s = math.cos(self.theta), math.sin(self.theta)
        x, y = world[..., 0], world[..., 1]
        return np.stack([c * x + s * y, -s * x + c * y], axis=-1)


@dataclass(slots=True)
class SlotGrid:
    """All slots of many offsets of one frame, as arrays of shape ``(P, K, 2, M, n)``."""

    frame: Frame
    offsets: np.ndarray  # (P, 2): (u0, v0) per pattern
    u: np.ndarray  # lower-left corner, local frame
    v: np.ndarray
    in_bounds: np.ndarray  # bool

    @property
    def shape(self) -> tuple[int, ...]:
        return self.u.shape

    def corners(self, mask: np.ndarray) -> np.ndarray:
        """World corners (N, 4, 2), counter-clockwise, of the slots under ``mask``."""
        f = self.frame
        u, v = self.u[mask], self.v[mask]
        local = np.stack(
            [
                np.stack([u, v], axis=-1),
                np.stack([u + f.w, v], axis=-1),
                np.stack([u + f.w, v + f.d], axis=-1),
                np.stack([u, v + f.d], axis=-1),
            ],
            axis=1,
        )
        return f.to_world(local)


def slot_grid(frame: Frame, offsets: np.ndarray, bounds: tuple[float, ...]) -> SlotGrid:
    """Slots of every offset ``(u0, v0)`` over local ``bounds`` (umin, vmin, umax, vmax)."""
    umin, vmin, umax, vmax = bounds
    offsets = np.asarray(offsets, dtype=float).reshape(-1, 2)
    u0 = offsets[:, 0].reshape(-1, 1, 1, 1, 1)
    v0 = offsets[:, 1].reshape(-1, 1, 1, 1, 1)
    # Offsets lie in [0, period) relative to the lower-left of the bounds.
    bands = math.ceil((vmax - vmin) / frame.band) + 2
    runs = math.ceil((umax - umin) / frame.period) + 2
    k = np.arange(-1, bands - 1).reshape(1, -1, 1, 1, 1)
    side = np.arange(2).reshape(1, 1, -1, 1, 1)
    m = np.arange(-1, runs - 1).reshape(1, 1, 1, -1, 1)
    i = np.arange(frame.run).reshape(1, 1, 1, 1, -1)
    shape = (len(offsets), bands, 2, runs, frame.run)
    v = np.broadcast_to(vmin + v0 + k * frame.band + side * frame.d, shape)
    u = np.broadcast_to(umin + u0 + m * frame.period + i * frame.w, shape)
    tol = 1e-6
    inside = (u >= umin - tol) & (u + frame.w <= umax + tol)
    inside &= (v >= vmin - tol) & (v + frame.d <= vmax + tol)
    return SlotGrid(frame, offsets, np.array(u), np.array(v), inside)


def neighbour_blocked(valid: np.ndarray, frame: Frame) -> np.ndarray:
    """(…, 4) bool: which sides of each slot are covered by a valid slot of the same pattern.

    Side order follows :func:`planner.model.rules.side_rects` on counter-clockwise corners:
    0 bottom (−v), 1 right (+u), 2 top (+v), 3 left (−u).
    """
    blocked = np.zeros((*valid.shape, 4), dtype=bool)
    # Back: the other row of the same band.
    blocked[:, :, DOWN, :, :, 2] = valid[:, :, UP]
    blocked[:, :, UP, :, :, 0] = valid[:, :, DOWN]
    # Along the row: neighbours within one aisle's reach, inside the same run.
    reach = max(1, math.ceil(frame.aisle / frame.w - 1e-9))
    n = valid.shape[-1]
    for step in range(1, min(reach, n - 1) + 1):
        blocked[..., : n - step, 1] |= valid[..., step:]
        blocked[..., step:, 3] |= valid[..., : n - step]
    return blocked


__all__ = ["DOWN", "FRONT_SIDE", "UP", "Frame", "SlotGrid", "neighbour_blocked", "slot_grid"]
