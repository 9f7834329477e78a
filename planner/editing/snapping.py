"""Where a pointer position lands: on a vertex, on an edge, at a right angle, or on the grid.

Order of preference: an existing vertex, then an edge, then the grid. With ``ortho`` (Shift held)
the point is first forced onto the horizontal or vertical through the anchor (the last point
drawn), so walls come out square.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner.editing.hit import PlanIndex

GRID_STEPS: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0, 1.5, 3.0)


class SnapKind(StrEnum):
    VERTEX = "vertex"
    EDGE = "edge"
    GRID = "grid"
    ORTHO = "ortho"
    FREE = "free"


@dataclass(frozen=True)
class Snapped:
    x: float
    y: float
    kind: SnapKind

    @property
    def point(self) -> tuple[float, float]:
        return (self.x, self.y)


@dataclass
class Snapper:
    grid_step: float = 0.5
    grid: bool = True
    vertices: bool = True
    edges: bool = True

    def snap(
        self,
        x: float,
        y: float,
        index: PlanIndex | None,
        tolerance: float,
        anchor: tuple[float, float] | None = None,
        ortho: bool = False,
    ) -> Snapped:
        if ortho and anchor is not None:
            return self._ortho(x, y, anchor)
        if index is not None and self.vertices:
            near = index.vertices_near(x, y, tolerance)
            if near:
                return Snapped(*near[0], SnapKind.VERTEX)
        if index is not None and self.edges:
            edge = index.edges_near(x, y, tolerance * 0.6)
            if edge is not None:
                return self._along_edge(x, y, edge.point, index)
        if self.grid:
            return Snapped(self.round(x), self.round(y), SnapKind.GRID)
        return Snapped(x, y, SnapKind.FREE)

    def _ortho(self, x: float, y: float, anchor: tuple[float, float]) -> Snapped:
        ax, ay = anchor
        if abs(x - ax) >= abs(y - ay):
            y = ay
            if self.grid:  # keep the right angle: round only the coordinate that moves
                x = self.round(x)
        else:
            x = ax
            if self.grid:
                y = self.round(y)
        return Snapped(x, y, SnapKind.ORTHO)

    def _along_edge(
        self, x: float, y: float, foot: tuple[float, float], index: PlanIndex
    ) -> Snapped:
        if self.grid:
            # On a square wall, slide along it to the grid: (grid x, wall y) or (wall x,
            # grid y), whichever still lies on an outline.
            ex, ey = foot
            gx, gy = self.round(x), self.round(y)
            for cx, cy in ((gx, gy), (gx, ey), (ex, gy)):
                if index.edges_near(cx, cy, 1e-6) is not None:
                    return Snapped(cx, cy, SnapKind.EDGE)
        return Snapped(foot[0], foot[1], SnapKind.EDGE)

    def round(self, value: float) -> float:
        """``value`` on the grid (to the micrometre, so 0.1 steps stay exact)."""
        step = self.grid_step
        return round(round(value / step) * step, 6)

    def round_if_grid(self, value: float) -> float:
        return self.round(value) if self.grid else value
