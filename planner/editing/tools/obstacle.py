"""Obstacles: the column tool drops an n × n column per click; other obstacles are outlines."""

from __future__ import annotations

from shapely.geometry import Polygon, box

from planner.editing.context import NO_MODS, Mods, Point, ToolContext
from planner.editing.tools.outline import OutlineTool, Shape, push_new
from planner.editing.typed_input import TypedInputError, point_from_typed
from planner.i18n import _
from planner.model import Obstacle

COLUMN = Shape.COLUMN
COLUMN_NAME = "column"  # stored word: a column is found by this name (Obstacle.is_column)
COLUMN_SIZES_M = (0.05, 10.0)


class ObstacleTool(OutlineTool):
    name = "obstacle"

    def __init__(self, ctx: ToolContext, mode: Shape = COLUMN, column_size: float = 0.6) -> None:
        super().__init__(ctx, mode)
        self.column_size = column_size
        self.obstacle_name = "obstacle"

    def what(self) -> str:
        return _("obstacle")

    def hint(self) -> str:
        if self.mode == COLUMN:
            return _(
                "Click to place a {size:g} × {size:g} m column "
                "centred on the point, or type its centre as 30, 20."
            ).format(size=self.column_size)
        return super().hint()

    def set_column_size(self, size: float) -> None:
        low, high = COLUMN_SIZES_M
        if not low <= size <= high:
            raise TypedInputError(
                _("A column is between {low:g} and {high:g} m wide.").format(low=low, high=high)
            )
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
            self.ctx.status(str(error))
            return
        self._place(centre)

    def _place(self, centre: Point) -> None:
        shape = self.column_at(centre)
        if any(
            o.geometry.intersects(shape) and o.geometry.intersection(shape).area > 1e-9
            for o in self.ctx.plan.obstacles.values()
        ):
            self.ctx.status(_("A column already stands there."))
            return
        push_new(self.ctx, lambda id_: Obstacle(id_, COLUMN_NAME, shape), "obstacles")
        self.ctx.status(_("Column at {x:g}, {y:g}.").format(x=centre[0], y=centre[1]))

    def done(self, polygon: Polygon) -> None:
        push_new(self.ctx, lambda id_: Obstacle(id_, self.obstacle_name, polygon), "obstacles")
