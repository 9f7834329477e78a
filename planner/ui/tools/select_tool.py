"""Select, move and reshape: click, Ctrl/Shift-click, rubber band, drag, vertex drag.

A drag shows ghosts of the moved outlines and pushes one "Move" patch on release, so a whole
drag is one undo step. Pressing on a corner of a single selected booth resizes it; on a corner
of a single selected hall, zone or obstacle, it drags that vertex; a click without a drag picks
the vertex, which Delete then removes. A double-click on an outline's edge adds a corner there.
"""

from __future__ import annotations

from dataclasses import replace

from shapely import affinity
from shapely.geometry import LineString, Polygon, box

from planner.errors import BoothplanError
from planner.ui import edits, vertex_edits
from planner.ui.tools import resize
from planner.ui.tools.base import NO_MODS, Mods, Point, StatusText, Tool, message

_IDLE, _BAND, _MOVE, _VERTEX, _RESIZE = "idle", "band", "move", "vertex", "resize"
_BACKGROUND = ("halls", "zones")


class SelectTool(Tool):
    name = "select"
    label = "Select"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._state = _IDLE
        self._start: Point = (0.0, 0.0)
        self._last: Point = (0.0, 0.0)
        self._vertex: tuple[tuple[str, str], int, int] | None = None  # key, ring, index
        self._pending: tuple[str, str] | None = None  # hall or zone picked if no drag follows
        self._corner: int | None = None  # the booth corner being dragged
        # The corner picked by a click, for Delete: key, ring, index and where it was.
        self._picked: tuple[tuple[str, str], int, int, Point] | None = None

    def hint(self) -> StatusText:
        return message(
            "Click to select, Ctrl/Shift-click to add, drag to move or draw a box; "
            "double-click an outline to add a corner."
        )

    # -- press ---------------------------------------------------------------------------
    def press(self, point: Point, mods: Mods = NO_MODS) -> None:
        self._start = self._last = point
        corner = self._corner_at(point)
        if corner is not None and not (mods.ctrl or mods.shift):
            self._corner = corner
            self._state = _RESIZE
            return
        vertex = self._vertex_at(point)
        if vertex is not None and not (mods.ctrl or mods.shift):
            self._vertex = vertex
            self._state = _VERTEX
            return
        self._picked = None
        key = self.ctx.index().at(*point, tolerance=self.ctx.tolerance())
        selection = self.ctx.selection
        self._pending = None
        if key is None:
            if not (mods.ctrl or mods.shift):
                selection.clear()
            self._state = _BAND
            return
        if mods.ctrl:
            selection.toggle([key])
            self._state = _IDLE
            return
        if key[0] in _BACKGROUND and key not in selection:
            # Halls and zones lie under everything: a drag on them draws a box, a click picks.
            self._pending = key
            self._state = _BAND
            return
        if mods.shift:
            selection.add([key])
        elif key not in selection:
            selection.set([key])
        self._state = _MOVE

    def _single_booth(self):
        keys = self.ctx.selection.all()
        if len(keys) != 1 or keys[0][0] != "booths":
            return None
        booth = self.ctx.plan.get(*keys[0])
        return None if booth is None or booth.locked else booth

    def _corner_at(self, point: Point) -> int | None:
        booth = self._single_booth()
        if booth is None:
            return None
        return resize.handle_at(booth.geometry, point, self.ctx.tolerance() * 0.75)

    def _resized(self, point: Point):
        booth = self._single_booth()
        if booth is None or self._corner is None:
            return None
        step = self.ctx.snapper.grid_step if self.ctx.snapper.grid else None
        return replace(booth, geometry=resize.resized(booth.geometry, self._corner, point, step))

    def _vertex_at(self, point: Point):
        keys = self.ctx.selection.all()
        if len(keys) != 1 or keys[0][0] not in ("halls", "zones", "obstacles"):
            return None
        entity = self.ctx.plan.get(*keys[0])
        if entity is None or not isinstance(entity.geometry, Polygon):
            return None
        tol = self.ctx.tolerance()
        rings = [entity.geometry.exterior, *entity.geometry.interiors]
        for r, ring in enumerate(rings):
            for i, (vx, vy) in enumerate(list(ring.coords)[:-1]):
                if abs(vx - point[0]) <= tol and abs(vy - point[1]) <= tol:
                    return (keys[0], r, i)
        return None

    # -- drag ----------------------------------------------------------------------------
    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None:
        if not buttons or self._state == _IDLE:
            return
        self._last = point
        if self._state == _BAND:
            self.ctx.preview([box(*self._start, *point)])
        elif self._state == _MOVE:
            dx, dy = self._delta(point, mods)
            ghosts = []
            for table, id_ in self.ctx.selection.all():
                entity = self.ctx.plan.get(table, id_)
                if entity is None or (table == "booths" and entity.locked):
                    continue
                shape = entity.line if table == "doors" else entity.geometry
                ghosts.append(affinity.translate(shape, dx, dy))
            self.ctx.preview(ghosts)
            self.ctx.status(message("Move by {dx:.2f}, {dy:.2f} m", dx=dx, dy=dy))
        elif self._state == _VERTEX:
            moved = self._moved_vertex(point, mods)
            if moved is not None:
                self.ctx.preview([moved.geometry])
        elif self._state == _RESIZE:
            booth = self._resized(point)
            if booth is not None:
                _, _, width, depth, _ = edits.booth_frame(booth.geometry)
                self.ctx.preview([booth.geometry])
                self.ctx.status(message("{width:g} × {depth:g} m", width=width, depth=depth))

    def _delta(self, point: Point, mods: Mods) -> tuple[float, float]:
        dx, dy = point[0] - self._start[0], point[1] - self._start[1]
        if mods.shift:  # along one axis only
            if abs(dx) >= abs(dy):
                dy = 0.0
            else:
                dx = 0.0
        snapper = self.ctx.snapper
        if snapper.grid:
            dx, dy = snapper._round(dx), snapper._round(dy)
        return dx, dy

    def _moved_vertex(self, point: Point, mods: Mods):
        assert self._vertex is not None
        key, ring_no, index = self._vertex
        entity = self.ctx.plan.get(*key)
        if entity is None:
            return None
        geometry = entity.geometry
        rings = [list(geometry.exterior.coords)[:-1]]
        rings += [list(r.coords)[:-1] for r in geometry.interiors]
        ring = rings[ring_no]
        neighbour = ring[index - 1]
        snapped = self.ctx.snap(point, anchor=neighbour, ortho=mods.shift)
        ring[index] = snapped.point
        candidate = Polygon(rings[0], rings[1:])
        if not candidate.is_valid:
            self.ctx.status(message("That corner would make the outline cross itself."))
            return None
        return replace(entity, geometry=candidate)

    # -- release -------------------------------------------------------------------------
    def release(self, point: Point, mods: Mods = NO_MODS) -> None:
        state, self._state = self._state, _IDLE
        if state == _IDLE:
            return  # the release after a double-click: keep the picked corner's handle
        self.ctx.preview([])
        if state == _BAND:
            pending, self._pending = self._pending, None
            tol = self.ctx.tolerance() / 2
            if abs(point[0] - self._start[0]) <= tol and abs(point[1] - self._start[1]) <= tol:
                if pending is not None:
                    if mods.shift:
                        self.ctx.selection.add([pending])
                    else:
                        self.ctx.selection.set([pending])
                return
            keys = self.ctx.index().in_rect(*self._start, *point)
            if mods.ctrl or mods.shift:
                self.ctx.selection.add(keys)
            else:
                self.ctx.selection.set(keys)
            self.ctx.status(message("{count} selected", count=len(self.ctx.selection)))
        elif state == _MOVE:
            dx, dy = self._delta(point, mods)
            if dx or dy:
                patch = edits.translate(self.ctx.plan, self.ctx.selection.all(), dx, dy)
                self.ctx.document.push(patch)
        elif state == _RESIZE:
            booth = self._resized(point)
            self._corner = None
            if booth is not None:
                self.ctx.document.push(self.ctx.plan.edit("Resize booth").put(booth).build())
        elif state == _VERTEX:
            vertex, self._vertex = self._vertex, None
            tol = self.ctx.tolerance() / 2
            if abs(point[0] - self._start[0]) <= tol and abs(point[1] - self._start[1]) <= tol:
                self._pick(vertex)  # a click, not a drag: pick the corner for Delete
                return
            self._vertex = vertex
            moved = self._moved_vertex(point, mods)
            self._vertex = None
            self._picked = None
            if moved is not None:
                self.ctx.document.push(self.ctx.plan.edit("Move corner").put(moved).build())

    # -- corners: pick, remove, add ------------------------------------------------------
    def _pick(self, vertex) -> None:
        key, ring, index = vertex
        entity = self.ctx.plan.get(*key)
        x, y = vertex_edits.rings_of(entity.geometry)[ring][index]
        self._picked = (key, ring, index, (x, y))
        # A square with a cross through the corner: plain to see on any outline colour.
        half = self.ctx.tolerance() * 0.6
        self.ctx.preview(
            [
                box(x - half, y - half, x + half, y + half),
                LineString([(x - 2 * half, y), (x + 2 * half, y)]),
                LineString([(x, y - 2 * half), (x, y + 2 * half)]),
            ]
        )
        self.ctx.status(message("Corner picked: press Delete to remove it, or drag it to move it."))

    def picked_vertex(self) -> tuple[tuple[str, str], int, int] | None:
        """The picked corner if it still is one of the single selected outline's corners."""
        if self._picked is None:
            return None
        key, ring, index, where = self._picked
        entity = self.ctx.plan.get(*key)
        if self.ctx.selection.all() != [key] or entity is None:
            return None
        rings = vertex_edits.rings_of(entity.geometry)
        if ring >= len(rings) or index >= len(rings[ring]) or rings[ring][index] != where:
            return None
        return key, ring, index

    def remove_picked(self) -> bool:
        """Delete with a picked corner: remove it (one undo step); refusals raise."""
        picked = self.picked_vertex()
        if picked is None:
            return False
        key, ring, index = picked
        patch = vertex_edits.remove_vertex(self.ctx.plan, key, ring, index)
        self.ctx.document.push(patch)
        self._picked = None
        self.ctx.preview([])
        self.ctx.status(message("Corner removed."))
        return True

    def double_click(self, point: Point, mods: Mods = NO_MODS) -> None:
        """Double-click on an outline's edge: add a corner there (one undo step)."""
        tol = self.ctx.tolerance()
        key = self._outline_near(point, tol)
        if key is None:
            return
        snapper = self.ctx.snapper
        if snapper.grid:  # on the grid, then onto the edge: square edges get round numbers
            point = (snapper._round(point[0]), snapper._round(point[1]))
            tol += snapper.grid_step
        try:
            patch, (ring, index) = vertex_edits.insert_vertex(self.ctx.plan, key, point, tol)
        except BoothplanError as error:
            self.ctx.status(str(error))
            return
        self.ctx.document.push(patch)
        self.ctx.selection.set([key])
        self._pick((key, ring, index))
        self.ctx.status(message("Corner added; drag it to shape the outline."))

    def _outline_near(self, point: Point, tol: float) -> tuple[str, str] | None:
        """The selected outline if its edge is near, else the nearest hall, zone or obstacle
        edge unless a booth or door is there."""
        keys = self.ctx.selection.all()
        if len(keys) == 1 and keys[0][0] in vertex_edits.OUTLINE_TABLES:
            entity = self.ctx.plan.get(*keys[0])
            if (
                entity is not None
                and isinstance(entity.geometry, Polygon)
                and vertex_edits.nearest_edge(entity.geometry, point)[0] <= tol
            ):
                return keys[0]
        if self.ctx.index().at(*point, tables=("booths", "doors")) is not None:
            return None  # a double-click on a booth is not meant for the zone edge under it
        found = self.ctx.index().edges_near(*point, tol, tables=vertex_edits.OUTLINE_TABLES)
        return None if found is None else (found[2], found[3])

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: move the selection by (dx, dy) metres, one undo step per press."""
        keys = self.ctx.selection.all()
        if keys:
            self.ctx.document.push(edits.translate(self.ctx.plan, keys, dx, dy))

    def cancel(self) -> None:
        self._state = _IDLE
        self._vertex = None
        self._picked = None
        super().cancel()
