"""Measure: press and drag (or click twice) to read a distance; nothing in the plan changes."""

from __future__ import annotations

import math

from shapely.geometry import LineString

from planner.editing.context import NO_MODS, Mods, Point, ToolContext
from planner.editing.tool import Tool
from planner.i18n import _


class MeasureTool(Tool):
    name = "measure"

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self.start: Point | None = None
        self.end: Point | None = None
        self.last_distance: float | None = None

    def hint(self) -> str:
        return _("Drag, or click two points, to measure a distance. Shift for straight lines.")

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        snapped = self.ctx.snap(point, anchor=self.start, ortho=mods.shift).point
        if self.start is not None and self.end is None:
            self._set_end(self.start, snapped)  # second click of click-click
            return
        self.start, self.end = snapped, None

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        if self.start is None or self.end is not None:
            return
        current = self.ctx.snap(point, anchor=self.start, ortho=mods.shift).point
        self._show(self.start, current)

    def release(self, point: Point, mods: Mods = NO_MODS) -> None:
        if self.start is None or self.end is not None:
            return
        snapped = self.ctx.snap(point, anchor=self.start, ortho=mods.shift).point
        if snapped != self.start:
            self._set_end(self.start, snapped)

    def _set_end(self, start: Point, end: Point) -> None:
        self.end = end
        self._show(start, end)

    def _show(self, a: Point, b: Point) -> None:
        dx, dy = b[0] - a[0], b[1] - a[1]
        self.last_distance = math.hypot(dx, dy)
        self.ctx.preview([LineString([a, b])] if self.last_distance else [])
        self.ctx.status(
            _("Distance {distance:.2f} m  (Δx {dx:.2f}, Δy {dy:.2f})").format(
                distance=self.last_distance, dx=dx, dy=dy
            )
        )

    def cancel(self) -> None:
        self.start = self.end = None
        super().cancel()
