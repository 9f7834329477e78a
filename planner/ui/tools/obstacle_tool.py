"""Obstacles: the column tool drops an n × n column per click; other obstacles are outlines."""

from __future__ import annotations

from shapely.geometry import Polygon, box

from planner.model import Obstacle
from planner.ui.tools.base import (
    NO_MODS,
    Mods,
    Point,
    StatusText,
    TypedInputError,
    message,
    point_from_typed,
)
from planner.ui.tools.drawing import OutlineTool, push_new

COLUMN = "column"


class ObstacleTool(OutlineTool):
    name = "obstacle"
    label = "Obstacle"
    what = "obstacle"

    def __init__(self, ctx, mode: str = COLUMN, column_size: float = 0.6) -> None:
        super().__init__(ctx, mode)
        self.column_size = column_size
        self.obstacle_name = "obstacle"

    def hint(self) -> StatusText:
        if self.mode == COLUMN:
            return message(
                "Click to place a {size:g} × {size:g} m column "
                "centred on the point, or type its centre as 30, 20.",
                size=self.column_size,
            )
        return super().hint()

    def set_column_size(self, size: float) -> None:
        if not 0.05 <= size <= 10:
            raise TypedInputError(message("a column is between 0.05 and 10 m wide"))
        self.column_size = size
        self.ctx.status(self.hint())

    def column_at(self, centre: Point) -> Polygon:
        half = self.column_size / 2.0
        x, y = centre
        return box(round(x - half, 6), round(y - half, 6), round(x + half, 6), round(y + half, 6))

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        if self.mode != COLUMN:
            super().press(point, mods)
            return
        self._place(self.ctx.snap(point).point)

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        if self.mode != COLUMN:
            super().move(point, mods, buttons)
            return
        self.ctx.preview([self.column_at(self.ctx.snap(point).point)])

    def typed(self, text: str) -> None:
        if self.mode != COLUMN:
            super().typed(text)
            return
        try:
            centre = point_from_typed(text, None, None)
        except TypedInputError as error:
            self.ctx.status(error.text)
            return
        self._place(centre)

    def _place(self, centre: Point) -> None:
        shape = self.column_at(centre)
        if any(
            o.geometry.intersects(shape) and o.geometry.intersection(shape).area > 1e-9
            for o in self.ctx.plan.obstacles.values()
        ):
            self.ctx.status(message("A column already stands there."))
            return
        push_new(self.ctx, lambda id_: Obstacle(id_, "column", shape), "obstacles")
        self.ctx.status(message("Column at {x:g}, {y:g}.", x=centre[0], y=centre[1]))

    def done(self, polygon: Polygon) -> None:
        push_new(self.ctx, lambda id_: Obstacle(id_, self.obstacle_name, polygon), "obstacles")
