"""The scene: one item per entity of the document's plan, kept in step patch by patch.

A patch touches a few entities, so only their items are replaced; opening a plan rebuilds all.
The scene also owns the preview layer that tools draw into (rubber bands, ghosts of a drag,
the polygon being drawn) and the :class:`CanvasState` items read when they paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from planner import theme
from planner.model import Patch, Plan
from planner.ui.canvas.convert import path_of, to_model
from planner.ui.canvas.items import (
    ITEM_TYPES,
    CanvasState,
    EntityItem,
    NameTagItem,
)
from planner.ui.canvas.overview import BoothOverview
from planner.ui.document import PlanDocument
from planner.ui.selection import Selection

_DRAWN_TABLES = tuple(ITEM_TYPES)
_MARGIN_M = 100.0


class PlanScene(QGraphicsScene):
    def __init__(self, document: PlanDocument, selection: Selection, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.state = CanvasState()
        self._items: dict[tuple[str, str], EntityItem] = {}
        self._preview = QGraphicsPathItem()
        self._preview.setZValue(100)
        pen = QPen(QColor(theme.HIGHLIGHT_COLOUR), 1.6)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self._preview.setPen(pen)
        fill = QColor(theme.HIGHLIGHT_COLOUR)
        fill.setAlpha(40)
        self._preview.setBrush(QBrush(fill))
        self.addItem(self._preview)
        self._preview_lines = QGraphicsPathItem()
        self._preview_lines.setZValue(100)
        self._preview_lines.setPen(pen)
        self.addItem(self._preview_lines)
        # The booth an exhibitor dragged from the table would land on.
        self._drop = QGraphicsPathItem()
        self._drop.setZValue(101)
        drop_pen = QPen(QColor(theme.HIGHLIGHT_COLOUR), 3.0)
        drop_pen.setCosmetic(True)
        self._drop.setPen(drop_pen)
        drop_fill = QColor(theme.HIGHLIGHT_COLOUR)
        drop_fill.setAlpha(90)
        self._drop.setBrush(QBrush(drop_fill))
        self.addItem(self._drop)
        self.drop_target: str | None = None
        self._booth_tree: tuple | None = None  # (plan, STRtree, ids), built when first needed
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.overview = BoothOverview(self)
        self.overview.setVisible(False)
        self.addItem(self.overview)
        self.overview_mode = False
        document.plan_changed.connect(self._on_plan_changed)
        selection.changed.connect(self._on_selection_changed)
        self.rebuild()

    # -- reading ---------------------------------------------------------------------------
    def item(self, table: str, id_: str) -> EntityItem | None:
        return self._items.get((table, id_))

    def booth_items(self) -> list[EntityItem]:
        return [item for (table, _), item in self._items.items() if table == "booths"]

    def set_overview(self, on: bool) -> None:
        """Far out: one item paints all booths; close in: each booth paints itself."""
        if on == self.overview_mode:
            return
        self.overview_mode = on
        # Hidden items cost nothing per frame; a parent "layer" item would make the view ask
        # every child for its bounds each frame, so each booth is switched (once per crossing).
        for item in self.booth_items():
            item.setVisible(not on)
        self.overview.setVisible(on)

    def entity_items(self) -> list[EntityItem]:
        return list(self._items.values())

    def plan_rect(self) -> QRectF:
        """The drawn floor, in scene coordinates (halls first; everything if no hall)."""
        rect = QRectF()
        for (table, _), item in self._items.items():
            if table == "halls":
                rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            for item in self._items.values():
                rect = rect.united(item.sceneBoundingRect())
        return rect if not rect.isNull() else QRectF(-5, -25, 40, 30)

    # -- preview layer ---------------------------------------------------------------------
    def set_preview(self, geometries) -> None:
        """Show work in progress: areas filled lightly, lines (an open outline) not filled."""
        areas, lines = QPainterPath(), QPainterPath()
        for geometry in geometries:
            target = lines if geometry.geom_type in ("LineString", "LinearRing") else areas
            target.addPath(path_of(geometry))
        self._preview.setPath(areas)
        self._preview_lines.setPath(lines)

    def set_drop_target(self, booth_id: str | None) -> None:
        """Highlight the booth a dragged exhibitor would be dropped on (``None``: none)."""
        if booth_id == self.drop_target:
            return
        self.drop_target = booth_id
        item = self._items.get(("booths", booth_id)) if booth_id else None
        path = QPainterPath()
        if item is not None:
            path.addPolygon(item.polygon())
            path.closeSubpath()
        self._drop.setPath(path)

    def booth_at(self, point) -> str | None:
        """The booth under a scene point, if any: from the plan, not the items, which are
        hidden when zoomed out to the overview."""
        import shapely

        plan = self.document.plan
        if self._booth_tree is None or self._booth_tree[0] is not plan:
            booths = list(plan.booths.values())
            tree = shapely.STRtree([b.geometry for b in booths]) if booths else None
            self._booth_tree = (plan, tree, [b.id for b in booths])
        _, tree, ids = self._booth_tree
        if tree is None:
            return None
        x, y = to_model(point)
        hits = tree.query(shapely.Point(x, y), predicate="intersects")
        return ids[int(hits[0])] if len(hits) else None

    # -- styling ---------------------------------------------------------------------------
    def set_colour_by(self, mode: str) -> None:
        self.state.colour_by = mode
        self._repaint_booths()
        self.overview.invalidate()

    def set_problems(self, problems: dict[str, str]) -> None:
        changed = set(problems) ^ set(self.state.problems)
        self.state.problems = dict(problems)
        self.overview.update()
        for booth_id in changed:
            item = self._items.get(("booths", booth_id))
            if item is not None:
                item.setToolTip(item.tooltip())
                item.update()

    # -- keeping in step -------------------------------------------------------------------
    def _remove(self, key, item) -> None:
        label = getattr(item, "label", None)
        if label is not None:
            self.removeItem(label)
        self.removeItem(item)
        del self._items[key]

    def rebuild(self) -> None:
        for key, item in list(self._items.items()):
            self._remove(key, item)
        self.overview.invalidate()
        plan = self.document.plan
        self._read_exhibitors(plan)
        self._read_floor(plan)
        for table in _DRAWN_TABLES:
            for entity in plan.table(table).values():
                self._add(table, entity)
        self._update_scene_rect()

    def _add(self, table: str, entity) -> None:
        item = ITEM_TYPES[table](entity, self.state)
        self._items[(table, entity.id)] = item
        if table in ("zones", "halls"):  # the name floats above the booths, its own item
            item.label = NameTagItem(item, outside=table == "halls")
            self.addItem(item.label)
        if table == "booths" and self.overview_mode:
            item.setVisible(False)
        self.addItem(item)

    def _on_plan_changed(self, patch: Patch | None) -> None:
        if patch is None:
            self.rebuild()
            return
        plan = self.document.plan
        exhibitors_touched = any(c.table == "exhibitors" for c in patch)
        if exhibitors_touched:
            self._read_exhibitors(plan)
        halls_touched = any(c.table == "halls" for c in patch)
        if halls_touched:  # doors' names move to the new outside
            self._read_floor(plan)
            for (table, _), item in self._items.items():
                if table == "doors":
                    item.set_entity(item.entity)
        for change in patch:
            if change.table not in ITEM_TYPES:
                continue
            key = (change.table, change.id)
            item = self._items.get(key)
            if change.after is None:
                if item is not None:
                    self._remove(key, item)
            elif item is None:
                self._add(change.table, change.after)
            else:
                item.set_entity(change.after)
        if exhibitors_touched:
            self._repaint_booths()
        if any(c.table in ("booths", "exhibitors") for c in patch):
            self.overview.invalidate()
        if any(c.table == "halls" for c in patch):
            self._update_scene_rect()
        self.selection.prune(lambda key: plan.get(*key) is not None)

    def _read_floor(self, plan: Plan) -> None:
        import shapely

        halls = [h.geometry for h in plan.halls.values()]
        self.state.floor = shapely.union_all(halls) if halls else None

    def _read_exhibitors(self, plan: Plan) -> None:
        self.state.exhibitor_names = {e.id: e.name for e in plan.exhibitors.values()}
        self.state.exhibitor_sectors = {e.id: e.sector for e in plan.exhibitors.values()}

    def _repaint_booths(self) -> None:
        for (table, _), item in self._items.items():
            if table == "booths":
                item.setToolTip(item.tooltip())
                item.update()

    def _on_selection_changed(self) -> None:
        new = set(self.selection.all())
        changed = new ^ self.state.selected
        self.state.selected = new
        if self.overview_mode:
            self.overview.update()
        for key in changed:
            item = self._items.get(key)
            if item is not None:
                item.update()

    def _update_scene_rect(self) -> None:
        rect = self.plan_rect()
        # Room to pan past the floor's edge, so an edge booth can still be centred.
        margin = max(_MARGIN_M, 0.5 * max(rect.width(), rect.height()))
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
