"""What a press on the canvas starts, one class each, alive until the button is released.

* :class:`Banding`: a rubber band from an empty spot, or from a hall or zone (which lie under
  everything: a click without a drag picks it).
* :class:`Moving`: the selection follows the pointer as ghosts; the release moves it (one step).
* :class:`DraggingCorner`: one corner of the selected outline; a click without a drag picks it.
* :class:`ResizingBooth`: a corner handle of the one selected booth.

Each state knows only what it needs (``ctx``, where the press was, what it holds); ``drag``
shows work in progress and ``release`` makes at most one patch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from planner.editing import edits
from planner.editing.booth_frame import booth_frame
from planner.editing.booth_handles import resized
from planner.editing.context import Key, Mods, Point, ToolContext
from planner.editing.hit import shape_of
from planner.editing.names import named
from planner.editing.vertices import Corner, move_vertex
from planner.i18n import _, ngettext

CLICK_SHARE = 0.5  # of the on-screen tolerance: a release this near the press is a click


class State:
    """Between presses: nothing happens."""

    def drag(self, point: Point, mods: Mods) -> None:
        return None

    def release(self, point: Point, mods: Mods) -> None:
        return None


IDLE = State()


def drag_delta(ctx: ToolContext, start: Point, point: Point, mods: Mods) -> tuple[float, float]:
    """How far a drag from ``start`` moves things: on one axis with Shift, in grid steps."""
    dx, dy = point[0] - start[0], point[1] - start[1]
    if mods.shift:
        if abs(dx) >= abs(dy):
            dy = 0.0
        else:
            dx = 0.0
    snapper = ctx.snapper
    return snapper.round_if_grid(dx), snapper.round_if_grid(dy)


@dataclass
class Banding(State):
    ctx: ToolContext
    start: Point
    pending: Key | None = None  # the hall or zone a click (no drag) picks

    def drag(self, point: Point, mods: Mods) -> None:
        self.ctx.preview([box(*self.start, *point)])

    def release(self, point: Point, mods: Mods) -> None:
        ctx = self.ctx
        ctx.preview([])
        if ctx.near(point, self.start, CLICK_SHARE):
            if self.pending is not None:
                if mods.shift:
                    ctx.selection.add([self.pending])
                else:
                    ctx.selection.set([self.pending])
            return
        keys = ctx.index().in_rect(*self.start, *point)
        if mods.ctrl or mods.shift:
            ctx.selection.add(keys)
        else:
            ctx.selection.set(keys)
        count = len(ctx.selection)
        ctx.status(ngettext("{n} selected", "{n} selected", count).format(n=count))


@dataclass
class Moving(State):
    ctx: ToolContext
    start: Point

    def _movable(self) -> list[tuple[str, Any]]:
        plan = self.ctx.plan
        found = []
        for table, id_ in self.ctx.selection.all():
            entity = plan.get(table, id_)
            if entity is not None and not (table == "booths" and entity.locked):
                found.append((table, entity))
        return found

    def drag(self, point: Point, mods: Mods) -> None:
        dx, dy = drag_delta(self.ctx, self.start, point, mods)
        ghosts: list[BaseGeometry] = [
            affinity.translate(shape_of(table, entity), dx, dy) for table, entity in self._movable()
        ]
        self.ctx.preview(ghosts)
        self.ctx.status(_("Move by {dx:.2f}, {dy:.2f} m").format(dx=dx, dy=dy))

    def release(self, point: Point, mods: Mods) -> None:
        self.ctx.preview([])
        dx, dy = drag_delta(self.ctx, self.start, point, mods)
        if dx or dy:
            ctx = self.ctx
            ctx.document.push(edits.translate(ctx.plan, ctx.selection.all(), dx, dy))


@dataclass
class DraggingCorner(State):
    ctx: ToolContext
    start: Point
    key: Key
    corner: Corner
    on_click: Callable[[Key, Corner], None]  # a click without a drag picks the corner
    on_moved: Callable[[], None]  # a corner dragged elsewhere is no longer the picked one

    def _moved(self, point: Point, mods: Mods) -> Any | None:
        entity = self.ctx.plan.get(*self.key)
        if entity is None or not isinstance(entity.geometry, Polygon):
            return None
        rings = [entity.geometry.exterior, *entity.geometry.interiors]
        ring = list(rings[self.corner.ring].coords)[:-1]
        neighbour = (
            float(ring[self.corner.position - 1][0]),
            float(ring[self.corner.position - 1][1]),
        )
        snapped = self.ctx.snap(point, anchor=neighbour, ortho=mods.shift)
        moved = move_vertex(entity, self.corner, snapped.point)
        if moved is None:
            self.ctx.status(_("That corner would make the outline cross itself."))
        return moved

    def drag(self, point: Point, mods: Mods) -> None:
        moved = self._moved(point, mods)
        if moved is not None:
            self.ctx.preview([moved.geometry])

    def release(self, point: Point, mods: Mods) -> None:
        ctx = self.ctx
        ctx.preview([])
        if ctx.near(point, self.start, CLICK_SHARE):
            self.on_click(self.key, self.corner)
            return
        moved = self._moved(point, mods)
        self.on_moved()
        if moved is not None:
            label = named(self.key[0], moved)
            edit = ctx.plan.edit(_("Move corner of {what}").format(what=label))
            ctx.document.push(edit.put(moved).build())


@dataclass
class ResizingBooth(State):
    ctx: ToolContext
    booth_id: str
    corner: int  # 0-3, counter-clockwise from the booth's own lower left

    def _resized(self, point: Point) -> Any | None:
        booth = self.ctx.plan.booths.get(self.booth_id)
        if booth is None or booth.locked:
            return None
        snapper = self.ctx.snapper
        step = snapper.grid_step if snapper.grid else None
        return replace(booth, geometry=resized(booth.geometry, self.corner, point, step))

    def drag(self, point: Point, mods: Mods) -> None:
        booth = self._resized(point)
        if booth is not None:
            frame = booth_frame(booth.geometry)
            self.ctx.preview([booth.geometry])
            self.ctx.status(
                _("{width:g} × {depth:g} m").format(width=frame.width, depth=frame.depth)
            )

    def release(self, point: Point, mods: Mods) -> None:
        ctx = self.ctx
        ctx.preview([])
        booth = self._resized(point)
        if booth is not None:
            edit = ctx.plan.edit(_("Resize booth {number}").format(number=booth.number))
            ctx.document.push(edit.put(booth).build())
