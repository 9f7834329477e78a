"""Zoomed far out, 10,000 booth items each painting themselves is too slow (a Python call per
booth per frame). Below :data:`OVERVIEW_PX_PER_M` the booth items are hidden and this one item
paints every booth from a few prebuilt rectangle lists and paths, one per fill colour, so a
frame costs a handful of draw calls whatever the number of booths."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from planner import theme
from planner.ui.canvas import style

# A 3 m booth's number needs about 8 px/m to be readable; below that only colour shows.
OVERVIEW_PX_PER_M = 8.0
OVERVIEW_PROBLEM_PEN = style.pixel_pen(theme.PROBLEM_COLOUR, 0.0)  # hairlines are fast
OVERVIEW_PROBLEM_FILL = QBrush(QColor(213, 0, 0, 60))  # a red tint, readable from far out
OVERVIEW_SELECTION_PEN = style.pixel_pen(theme.HIGHLIGHT_COLOUR, 0.0)


def _is_square_on(polygon, rect: QRectF) -> bool:
    """A four-cornered booth whose corners all lie on its bounding rectangle."""
    if polygon.count() not in (4, 5):
        return False
    for k in range(4):
        p = polygon.at(k)
        on_x = abs(p.x() - rect.left()) < 1e-6 or abs(p.x() - rect.right()) < 1e-6
        on_y = abs(p.y() - rect.top()) < 1e-6 or abs(p.y() - rect.bottom()) < 1e-6
        if not (on_x and on_y):
            return False
    return True


class BoothOverview(QGraphicsItem):
    def __init__(self, scene) -> None:
        super().__init__()
        self._scene = scene
        self._rects: dict[str, list[QRectF]] = {}
        self._paths: dict[str, QPainterPath] = {}
        self._bounds = QRectF()
        self._dirty = True
        self._marked_for: tuple[int, int] | None = None
        self._problems: tuple[list[QRectF], QPainterPath] = ([], QPainterPath())
        self._selected: tuple[list[QRectF], QPainterPath] = ([], QPainterPath())
        self.setZValue(2.0)

    def invalidate(self) -> None:
        """Booths, colours or problems changed: rebuild the paths at the next paint."""
        self.prepareGeometryChange()
        self._dirty = True
        self._marked_for = None
        self.update()

    def _rebuild(self) -> None:
        # Square-on booths (nearly all) go in rectangle lists, which the raster engine fills
        # far faster than paths; turned booths go in one path per colour.
        rects: dict[str, list[QRectF]] = defaultdict(list)
        paths: dict[str, QPainterPath] = defaultdict(QPainterPath)
        bounds = QRectF()
        for item in self._scene.booth_items():
            polygon = item.polygon()
            rect = polygon.boundingRect()
            bounds = bounds.united(rect)
            if _is_square_on(polygon, rect):
                rects[item.fill_hex()].append(rect)
            else:
                paths[item.fill_hex()].addPolygon(polygon)
        self._rects = dict(rects)
        self._paths = dict(paths)
        self._bounds = bounds
        self._dirty = False

    def boundingRect(self) -> QRectF:
        if self._dirty:
            self._rebuild()
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        if self._dirty:
            self._rebuild()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, and fast
        painter.setPen(style.pixel_pen(theme.BOOTH_STROKE, 0.0))
        for hex_, rects in self._rects.items():
            painter.setBrush(style.brush(hex_))
            painter.drawRects(rects)
        for hex_, path in self._paths.items():
            painter.setBrush(style.brush(hex_))
            painter.drawPath(path)
        painter.restore()
        # Marked booths on top, drawn as rectangle lists like the booths (a thick or dashed
        # pen over thousands of outlines costs most of a second); rebuilt only when the scene
        # hands over a new problems dict or selection set (it never mutates them).
        state = self._scene.state
        if self._marked_for != (id(state.problems), id(state.selected)):
            self._problems = self._marked(state.problems)
            self._selected = self._marked(id_ for table, id_ in state.selected if table == "booths")
            self._marked_for = (id(state.problems), id(state.selected))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for (rects, path), pen, fill in (
            (self._problems, OVERVIEW_PROBLEM_PEN, OVERVIEW_PROBLEM_FILL),
            (self._selected, OVERVIEW_SELECTION_PEN, Qt.BrushStyle.NoBrush),
        ):
            painter.setPen(pen)
            painter.setBrush(fill)
            if rects:
                painter.drawRects(rects)
            if not path.isEmpty():
                painter.drawPath(path)
        painter.restore()

    def _marked(self, booth_ids) -> tuple[list[QRectF], QPainterPath]:
        rects: list[QRectF] = []
        path = QPainterPath()
        for booth_id in booth_ids:
            item = self._scene.item("booths", booth_id)
            if item is None:
                continue
            polygon = item.polygon()
            rect = polygon.boundingRect()
            if _is_square_on(polygon, rect):
                rects.append(rect)
            else:
                path.addPolygon(polygon)
                path.closeSubpath()
        return rects, path
