"""Put a door on a hall's edge: click near the edge; the door is centred there and kept on
that one side of the outline."""

from __future__ import annotations

import itertools
import math

from shapely.geometry import LineString, MultiPolygon
from shapely.geometry import Point as ShapelyPoint

from planner.editing.context import NO_MODS, Mods, Point, ToolContext
from planner.editing.tool import Tool
from planner.editing.tools.outline import push_new
from planner.i18n import _
from planner.model import Door

ENTRANCE, EXIT = "entrance", "exit"

Segment = tuple[tuple[float, float], tuple[float, float]]


class DoorTool(Tool):
    name = "door"

    def __init__(self, ctx: ToolContext, kind: str = ENTRANCE, width: float = 3.0) -> None:
        super().__init__(ctx)
        self.kind = kind
        self.width = width

    def hint(self) -> str:
        if self.kind == EXIT:
            return _("Click on a hall's edge to place a {width:g} m exit.").format(width=self.width)
        return _("Click on a hall's edge to place a {width:g} m entrance.").format(width=self.width)

    def _nearest_wall(self, point: Point) -> tuple[float, Segment] | None:
        probe = ShapelyPoint(point)
        best: tuple[float, Segment] | None = None
        for hall in self.ctx.plan.halls.values():
            geometry = hall.geometry
            polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
            for polygon in polygons:
                for ring in (polygon.exterior, *polygon.interiors):
                    coords = [(float(c[0]), float(c[1])) for c in ring.coords]
                    for a, b in itertools.pairwise(coords):
                        d = float(LineString([a, b]).distance(probe))
                        if best is None or d < best[0]:
                            best = (d, (a, b))
        return best

    def door_line(self, point: Point) -> LineString | None:
        """The door's line on the nearest hall edge, or ``None`` if no edge is near."""
        found = self._nearest_wall(point)
        if found is None or found[0] > max(self.ctx.tolerance() * 2, 1.0):
            return None
        (ax, ay), (bx, by) = found[1]
        length = math.hypot(bx - ax, by - ay)
        width = min(self.width, length)
        t = ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / (length * length)
        along = t * length
        snapper = self.ctx.snapper
        if snapper.grid:
            # Put the centre on the grid along the wall's main direction.
            if abs(bx - ax) >= abs(by - ay):
                along = (snapper.round(ax + along * (bx - ax) / length) - ax) * length / (bx - ax)
            else:
                along = (snapper.round(ay + along * (by - ay) / length) - ay) * length / (by - ay)
        centre = min(max(along, width / 2), length - width / 2)
        ux, uy = (bx - ax) / length, (by - ay) / length
        start, end = centre - width / 2, centre + width / 2
        return LineString(
            [
                (round(ax + ux * start, 6), round(ay + uy * start, 6)),
                (round(ax + ux * end, 6), round(ay + uy * end, 6)),
            ]
        )

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        line = self.door_line(point)
        self.ctx.preview([line.buffer(0.3)] if line is not None else [])

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        line = self.door_line(point)
        if line is None:
            self.ctx.status(_("Click on a hall's edge to place a door."))
            return
        count = sum(1 for d in self.ctx.plan.doors.values() if d.kind == self.kind) + 1
        if self.kind == EXIT:
            name = _("Exit {n}").format(n=count)
        else:
            name = _("Entrance {n}").format(n=count)
        width = round(line.length, 6)
        push_new(self.ctx, lambda id_: Door(id_, name, self.kind, line, width), "doors")
        self.ctx.preview([])
        self.ctx.status(_("{name}, {width:g} m wide.").format(name=name, width=width))
