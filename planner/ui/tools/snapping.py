"""Where a pointer position lands: on a vertex, on an edge, at a right angle, or on the grid.

Order of preference: an existing vertex, then an edge, then the grid. With ``ortho`` (Shift held)
the point is first forced onto the horizontal or vertical through the anchor (the last point
drawn), so walls come out square.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.ui.tools.hit import PlanIndex

GRID_STEPS: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0, 1.5, 3.0)


@dataclass(frozen=True)
class Snapped:
    x: float
    y: float
    kind: str  # "vertex", "edge", "grid", "ortho", "free"

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
            ax, ay = anchor
            if abs(x - ax) >= abs(y - ay):
                y = ay
            else:
                x = ax
            if self.grid:
                # Keep the right angle: round only the coordinate that moves.
                if y == ay:
                    x = self._round(x)
                else:
                    y = self._round(y)
            return Snapped(x, y, "ortho")
        if index is not None and self.vertices:
            near = index.vertices_near(x, y, tolerance)
            if near:
                return Snapped(*near[0], "vertex")
        if index is not None and self.edges:
            edge = index.edges_near(x, y, tolerance * 0.6)
            if edge is not None:
                if self.grid:
                    # On a square wall, slide along it to the grid: (grid x, wall y) or
                    # (wall x, grid y), whichever still lies on an outline.
                    ex, ey = edge[1]
                    gx, gy = self._round(x), self._round(y)
                    for cx, cy in ((gx, gy), (gx, ey), (ex, gy)):
                        if index.edges_near(cx, cy, 1e-6) is not None:
                            return Snapped(cx, cy, "edge")
                return Snapped(*edge[1], "edge")
        if self.grid:
            return Snapped(self._round(x), self._round(y), "grid")
        return Snapped(x, y, "free")

    def _round(self, value: float) -> float:
        step = self.grid_step
        return round(round(value / step) * step, 6)
