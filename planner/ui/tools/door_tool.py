"""Put a door on a hall's edge: click near the edge; the door is centred there and kept on
that one side of the outline."""

from __future__ import annotations

import itertools
import math

from shapely.geometry import LineString
from shapely.geometry import Point as ShapelyPoint

from planner.model import Door
from planner.ui.tools.base import NO_MODS, Mods, Point, StatusText, Tool, message
from planner.ui.tools.drawing import push_new

ENTRANCE, EXIT = "entrance", "exit"


class DoorTool(Tool):
    name = "door"
    label = "Door"

    def __init__(self, ctx, kind: str = ENTRANCE, width: float = 3.0) -> None:
        super().__init__(ctx)
        self.kind = kind
        self.width = width

    def hint(self) -> StatusText:
        template = (
            "Click on a hall's edge to place a {width:g} m exit."
            if self.kind == "exit"
            else "Click on a hall's edge to place a {width:g} m entrance."
        )
        return message(template, width=self.width)

    def door_line(self, point: Point) -> LineString | None:
        """The door's line on the nearest hall edge, or ``None`` if no edge is near."""
        probe = ShapelyPoint(point)
        best = None
        for hall in self.ctx.plan.halls.values():
            polygons = getattr(hall.geometry, "geoms", [hall.geometry])
            for polygon in polygons:
                for ring in (polygon.exterior, *polygon.interiors):
                    coords = list(ring.coords)
                    for a, b in itertools.pairwise(coords):
                        segment = LineString([a, b])
                        d = segment.distance(probe)
                        if best is None or d < best[0]:
                            best = (d, a, b)
        if best is None or best[0] > max(self.ctx.tolerance() * 2, 1.0):
            return None
        _, (ax, ay), (bx, by) = best
        length = math.hypot(bx - ax, by - ay)
        width = min(self.width, length)
        t = ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / (length * length)
        along = t * length
        if self.ctx.snapper.grid:
            # Put the centre on the grid along the wall's main direction.
            if abs(bx - ax) >= abs(by - ay):
                along = self.ctx.snapper._round(ax + along * (bx - ax) / length) - ax
                along *= length / (bx - ax)
            else:
                along = self.ctx.snapper._round(ay + along * (by - ay) / length) - ay
                along *= length / (by - ay)
        centre = min(max(along, width / 2), length - width / 2)
        ux, uy = (bx - ax) / length, (by - ay) / length
        start = centre - width / 2
        end = centre + width / 2
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
            self.ctx.status(message("Click on a hall's edge to place a door."))
            return
        count = sum(1 for d in self.ctx.plan.doors.values() if d.kind == self.kind) + 1
        name = f"{self.kind.capitalize()} {count}"
        width = round(line.length, 6)
        push_new(self.ctx, lambda id_: Door(id_, name, self.kind, line, width), "doors")
        self.ctx.preview([])
        self.ctx.status(message("{name}, {width:g} m wide.", name=name, width=width))
