"""Select, move and reshape.

A press on a corner handle of the one selected booth resizes it; on a corner of the one selected
hall, zone or obstacle, it drags that corner (a click without a drag picks the corner, which
Delete then removes); on a booth, door or column it selects and moves; on a hall or zone, or on
nothing, it draws a rubber band. A double-click on an outline's edge adds a corner there.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from shapely.geometry import LineString, Polygon, box

from planner.editing import edits
from planner.editing.booth_handles import handle_at
from planner.editing.context import NO_MODS, Key, Mods, Point, ToolContext
from planner.editing.refusal import EditRefused
from planner.editing.select.states import (
    IDLE,
    Banding,
    DraggingCorner,
    Moving,
    ResizingBooth,
    State,
)
from planner.editing.tool import Tool
from planner.editing.vertices import OUTLINE_TABLES, Corner, insert_vertex, nearest_edge, rings_of
from planner.editing.vertices import remove_vertex as remove_corner
from planner.i18n import _

_BACKGROUND = ("halls", "zones")  # lie under everything: a drag on them draws a band
HANDLE_SHARE = 0.75  # of the on-screen tolerance: how near a booth corner grabs its handle


class PickedCorner(NamedTuple):
    """A corner picked by a click, and where it was (if the outline changes, it is gone)."""

    key: Key
    corner: Corner
    at: Point


class SelectTool(Tool):
    name = "select"

    def __init__(self, ctx: ToolContext) -> None:
        super().__init__(ctx)
        self.state: State = IDLE
        self.picked: PickedCorner | None = None

    def hint(self) -> str:
        return _(
            "Click to select, Ctrl/Shift-click to add, drag to move or draw a box; "
            "double-click an outline to add a corner."
        )

    # -- press: which state starts -------------------------------------------------------
    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        self.state = self._state_for(point, mods)

    def _state_for(self, point: Point, mods: Mods) -> State:
        ctx = self.ctx
        adding = mods.ctrl or mods.shift
        booth = self._single_booth()
        if booth is not None and not adding:
            corner = handle_at(booth.geometry, point, ctx.tolerance() * HANDLE_SHARE)
            if corner is not None:
                return ResizingBooth(ctx, booth.id, corner)
        vertex = None if adding else self._corner_at(point)
        if vertex is not None:
            outline, corner_at = vertex
            return DraggingCorner(ctx, point, outline, corner_at, self._pick, self._unpick)
        self.picked = None
        key = ctx.index().at(*point, tolerance=ctx.tolerance())
        selection = ctx.selection
        if key is None:
            if not adding:
                selection.clear()
            return Banding(ctx, point)
        if mods.ctrl:
            selection.toggle([key])
            return IDLE
        if key[0] in _BACKGROUND and key not in selection:
            return Banding(ctx, point, pending=key)
        if mods.shift:
            selection.add([key])
        elif key not in selection:
            selection.set([key])
        return Moving(ctx, point)

    def _single(self, tables: tuple[str, ...]) -> tuple[Key, Any] | None:
        keys = self.ctx.selection.all()
        if len(keys) != 1 or keys[0][0] not in tables:
            return None
        entity = self.ctx.plan.get(*keys[0])
        return None if entity is None else (keys[0], entity)

    def _single_booth(self) -> Any | None:
        found = self._single(("booths",))
        if found is None or found[1].locked:
            return None
        return found[1]

    def _corner_at(self, point: Point) -> tuple[Key, Corner] | None:
        found = self._single(OUTLINE_TABLES)
        if found is None or not isinstance(found[1].geometry, Polygon):
            return None
        key, entity = found
        for r, ring in enumerate(rings_of(entity.geometry)):
            for i, corner in enumerate(ring):
                if self.ctx.near(corner, point):
                    return key, Corner(r, i)
        return None

    # -- drag and release: the state's ---------------------------------------------------
    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        if buttons:
            self.state.drag(point, mods)

    def release(self, point: Point, mods: Mods = NO_MODS) -> None:
        # After a double-click the state is idle: the picked corner's mark stays.
        state, self.state = self.state, IDLE
        state.release(point, mods)

    # -- corners: pick, remove, add ------------------------------------------------------
    def _pick(self, key: Key, corner: Corner) -> None:
        entity = self.ctx.plan.get(*key)
        if entity is None:
            return
        x, y = rings_of(entity.geometry)[corner.ring][corner.position]
        self.picked = PickedCorner(key, corner, (x, y))
        # A square with a cross through the corner: plain to see on any outline colour.
        half = self.ctx.tolerance() * 0.6
        self.ctx.preview(
            [
                box(x - half, y - half, x + half, y + half),
                LineString([(x - 2 * half, y), (x + 2 * half, y)]),
                LineString([(x, y - 2 * half), (x, y + 2 * half)]),
            ]
        )
        self.ctx.status(_("Corner picked: press Delete to remove it, or drag it to move it."))

    def _unpick(self) -> None:
        self.picked = None

    def picked_vertex(self) -> tuple[Key, Corner] | None:
        """The picked corner if it still is one of the single selected outline's corners."""
        picked = self.picked
        if picked is None:
            return None
        entity = self.ctx.plan.get(*picked.key)
        if self.ctx.selection.all() != [picked.key] or entity is None:
            return None
        rings = rings_of(entity.geometry)
        ring, index = picked.corner
        if ring >= len(rings) or index >= len(rings[ring]) or rings[ring][index] != picked.at:
            return None
        return picked.key, picked.corner

    def remove_picked(self) -> bool:
        """Delete with a picked corner: remove it (one undo step); refusals raise."""
        found = self.picked_vertex()
        if found is None:
            return False
        key, corner = found
        self.ctx.document.push(remove_corner(self.ctx.plan, key, corner))
        self.picked = None
        self.ctx.preview([])
        self.ctx.status(_("Corner removed."))
        return True

    def double_click(self, point: Point, mods: Mods = NO_MODS) -> None:
        """Double-click on an outline's edge: add a corner there (one undo step)."""
        tol = self.ctx.tolerance()
        key = self._outline_near(point, tol)
        if key is None:
            return
        snapper = self.ctx.snapper
        if snapper.grid:  # on the grid, then onto the edge: square edges get round numbers
            point = (snapper.round(point[0]), snapper.round(point[1]))
            tol += snapper.grid_step
        try:
            patch, corner = insert_vertex(self.ctx.plan, key, point, tol)
        except EditRefused as error:
            self.ctx.status(str(error))
            return
        self.ctx.document.push(patch)
        self.ctx.selection.set([key])
        self._pick(key, corner)
        self.ctx.status(_("Corner added; drag it to shape the outline."))

    def _outline_near(self, point: Point, tol: float) -> Key | None:
        """The selected outline if its edge is near, else the nearest hall, zone or obstacle
        edge unless a booth or door is there."""
        found = self._single(OUTLINE_TABLES)
        if found is not None:
            key, entity = found
            geometry = entity.geometry
            if isinstance(geometry, Polygon) and nearest_edge(geometry, point).distance <= tol:
                return key
        index = self.ctx.index()
        if index.at(*point, tables=("booths", "doors")) is not None:
            return None  # a double-click on a booth is not meant for the zone edge under it
        edge = index.edges_near(*point, tol, tables=OUTLINE_TABLES)
        return None if edge is None else (edge.table, edge.id)

    def nudge(self, dx: float, dy: float) -> bool:
        """Arrow keys: move the selection by (dx, dy) metres, one undo step per press."""
        keys = self.ctx.selection.all()
        if not keys:
            return False
        self.ctx.document.push(edits.translate(self.ctx.plan, keys, dx, dy))
        return True

    def cancel(self) -> None:
        self.state = IDLE
        self.picked = None
        super().cancel()
