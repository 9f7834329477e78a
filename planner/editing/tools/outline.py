"""Drawing an outline, shared by the hall, zone and obstacle tools.

Two modes. *Rectangle*: click one corner, then the other (or type ``30, 20`` for the size).
*Polygon*: click each corner; double-click, Enter, or a click on the first corner closes it;
typed ``12.5`` goes that far toward the pointer, ``30, 20`` adds that exact point, ``10<90``
goes 10 m at 90°. Shift keeps each new side at a right angle. Backspace drops the last corner.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from shapely.geometry import LineString, Polygon, box
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry.base import BaseGeometry

from planner.editing.context import NO_MODS, Mods, Point, ToolContext
from planner.editing.names import named
from planner.editing.tool import Tool, round_point
from planner.editing.typed_input import (
    TypedInputError,
    TypedKind,
    parse_typed,
    point_from_typed,
)
from planner.i18n import _, ngettext


class Shape(StrEnum):
    """How an outline tool draws."""

    RECTANGLE = "rectangle"
    POLYGON = "polygon"
    COLUMN = "column"  # the obstacle tool's one-click column


RECTANGLE, POLYGON = Shape.RECTANGLE, Shape.POLYGON


class OutlineTool(Tool):
    """Collects an outline; :meth:`done` receives the finished polygon."""

    accepts_typing = True

    def __init__(self, ctx: ToolContext, mode: Shape = RECTANGLE) -> None:
        super().__init__(ctx)
        self.mode = mode
        self.points: list[Point] = []
        self._pointer: Point | None = None

    def what(self) -> str:
        """The thing drawn, in the current language ("hall")."""
        return _("outline")

    def set_mode(self, mode: Shape) -> None:
        self.cancel()
        self.mode = mode
        self.ctx.status(self.hint())

    def hint(self) -> str:
        if self.mode == RECTANGLE:
            return _("Draw the {what}: click two corners, or type the size as 30, 20.").format(
                what=self.what()
            )
        return _(
            "Draw the {what}: click each corner, double-click or Enter to close; "
            "type 12.5 for a length, 30, 20 for a point; Shift for right angles."
        ).format(what=self.what())

    # -- events --------------------------------------------------------------------------
    def _snap(self, point: Point, mods: Mods) -> Point:
        anchor = self.points[-1] if self.points else None
        return self.ctx.snap(point, anchor=anchor, ortho=mods.shift and anchor is not None).point

    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        snapped = self._snap(point, mods)
        if self.mode == RECTANGLE:
            if not self.points:
                self.points = [snapped]
            else:
                self._finish_rectangle(self.points[0], snapped)
            return
        if len(self.points) >= 3 and self.ctx.near(snapped, self.points[0]):
            self.finish()
            return
        if not self.points or snapped != self.points[-1]:
            self.points.append(snapped)
        self._show()

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        self._pointer = self._snap(point, mods)
        self._show()

    def double_click(self, point: Point, mods: Mods = NO_MODS) -> None:
        if self.mode == POLYGON:
            self.finish()

    def undo_typed(self) -> None:
        if self.points:
            self.points.pop()
            self._show()

    def typed(self, text: str) -> None:
        try:
            if self.mode == RECTANGLE and self.points:
                typed = parse_typed(text)
                if typed.kind is not TypedKind.POINT:
                    raise TypedInputError(_("Type the rectangle's size as width, depth (30, 20)."))
                x0, y0 = self.points[0]
                self._finish_rectangle((x0, y0), (x0 + typed.values[0], y0 + typed.values[1]))
                return
            anchor = self.points[-1] if self.points else None
            new = round_point(point_from_typed(text, anchor, self._pointer))
        except TypedInputError as error:
            self.ctx.status(str(error))
            return
        self.points.append(new)
        self._show()

    def finish(self) -> None:
        if self.mode == RECTANGLE:
            return
        points = self.points
        if len(points) >= 2 and points[-1] == points[-2]:
            points = points[:-1]
        if len(points) < 3:
            self.ctx.status(_("A {what} needs at least three corners.").format(what=self.what()))
            return
        polygon = Polygon(points)
        self.points = []
        self.ctx.preview([])
        if not polygon.is_valid or polygon.area <= 0:
            self.ctx.status(_("The {what} crosses itself; draw it again.").format(what=self.what()))
            return
        self.done(polygon)

    def _finish_rectangle(self, a: Point, b: Point) -> None:
        self.points = []
        self.ctx.preview([])
        if abs(a[0] - b[0]) < 1e-6 or abs(a[1] - b[1]) < 1e-6:
            self.ctx.status(_("A {what} needs a width and a depth.").format(what=self.what()))
            return
        self.done(box(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])))

    def cancel(self) -> None:
        self.points = []
        super().cancel()

    # -- feedback ------------------------------------------------------------------------
    def _show(self) -> None:
        shapes: list[BaseGeometry] = []
        pointer = self._pointer
        if self.mode == RECTANGLE and self.points and pointer is not None:
            a = self.points[0]
            if a[0] != pointer[0] and a[1] != pointer[1]:
                shapes.append(box(*a, *pointer).exterior)
                self.ctx.status(
                    _("{w:.2f} × {d:.2f} m").format(
                        w=abs(pointer[0] - a[0]), d=abs(pointer[1] - a[1])
                    )
                )
        elif self.points:
            line = [*self.points, pointer] if pointer else list(self.points)
            if len(line) >= 2:
                shapes.append(LineString(line))
            else:
                shapes.append(ShapelyPoint(line[0]).buffer(0.2))
            if pointer is not None:
                last = self.points[-1]
                length = ((pointer[0] - last[0]) ** 2 + (pointer[1] - last[1]) ** 2) ** 0.5
                corners = len(self.points)
                self.ctx.status(
                    ngettext(
                        "Side {length:.2f} m · {n} corner",
                        "Side {length:.2f} m · {n} corners",
                        corners,
                    ).format(length=length, n=corners)
                )
        elif pointer is not None:
            shapes.append(ShapelyPoint(pointer).buffer(0.15))
        self.ctx.preview(shapes)

    def done(self, polygon: Polygon) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def push_new(ctx: ToolContext, make: Callable[[str], Any], table: str) -> str:
    """Push one new entity with a fresh id and select it; returns the id."""
    new_id = ctx.plan.new_id(table)
    entity = make(new_id)
    ctx.document.push(
        ctx.plan.edit(_("Add {what}").format(what=named(table, entity))).put(entity).build()
    )
    ctx.selection.set([(table, new_id)])
    return new_id
