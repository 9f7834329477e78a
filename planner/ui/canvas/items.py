"""One graphics item per entity. Booths paint their own labels with a level of detail.

Items hold the entity they show and a reference to the scene's :class:`CanvasState` (colour mode,
exhibitor names, problems, selection) so a change of colour mode is a repaint, not a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from planner import theme
from planner.model import Booth, Door, Hall, Obstacle, Zone
from planner.ui.canvas import style
from planner.ui.canvas.convert import path_of, ring_polygon
from planner.ui.canvas.labels import draw_text_fit

Z_HALL, Z_ZONE, Z_BOOTH, Z_DOOR, Z_OBSTACLE, Z_LABEL = 0.0, 1.0, 2.0, 3.0, 4.0, 5.0
ZONE_LABEL_PX = 15.0  # zone names: at most this tall on screen
ZONE_TAG_BRUSH = QBrush(QColor(255, 255, 255, 200))
NAMED_NUMBER_FRACTION = 0.2  # booth number height when an exhibitor's name goes under it
NAME_FRACTION = 0.12  # exhibitor name height, relative to the booth's shorter side
HANDLE_PX = 7.0  # resize handles, on screen


@dataclass
class CanvasState:
    """What items need beyond their own entity; owned by the scene."""

    colour_by: str = style.COLOUR_BY_STATUS
    exhibitor_names: dict[str, str] = field(default_factory=dict)
    exhibitor_sectors: dict[str, str] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # booth id -> first message
    selected: set[tuple[str, str]] = field(default_factory=set)
    font_family: str = ""
    floor: object = None  # the halls' union (shapely): door names go on the side outside it


def _lod(option: QStyleOptionGraphicsItem, painter: QPainter) -> float:
    """Screen pixels per metre at which this item is being painted."""
    return option.levelOfDetailFromTransform(painter.worldTransform())


class EntityItem(QGraphicsItem):
    """Base: an entity, its outline path and a cached bounding rect."""

    TABLE = ""

    def __init__(self, entity, state: CanvasState) -> None:
        super().__init__()
        self.state = state
        self.entity = entity
        self.label: QGraphicsItem | None = None  # a name tag that follows it (set by the scene)
        self._path = QPainterPath()
        self._bounds = QRectF()
        self.set_entity(entity)

    @property
    def key(self) -> tuple[str, str]:
        return (self.TABLE, self.entity.id)

    def geometry(self):
        return self.entity.geometry

    def _outline(self) -> QPainterPath:
        return path_of(self.geometry())

    def set_entity(self, entity) -> None:
        self.prepareGeometryChange()
        self.entity = entity
        self._path = self._outline()
        pad = self._pad()
        self._bounds = self._path.boundingRect().adjusted(-pad, -pad, pad, pad)
        self.update()
        if self.label is not None:
            self.label.prepareGeometryChange()
            self.label.update()

    def _pad(self) -> float:
        return 0.3

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._path

    @property
    def selected(self) -> bool:
        return self.key in self.state.selected

    def _paint_selection(self, painter: QPainter) -> None:
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.SELECTION_PEN)
            painter.drawPath(self._path)


class HallItem(EntityItem):
    TABLE = Hall.TABLE

    def __init__(self, entity, state) -> None:
        super().__init__(entity, state)
        self.setZValue(Z_HALL)

    def paint(self, painter, option, widget=None) -> None:
        painter.setBrush(style.brush(theme.HALL_FILL))
        painter.setPen(style.metre_pen(theme.HALL_STROKE, theme.HALL_STROKE_M))
        painter.drawPath(self._path)
        self._paint_selection(painter)


class ObstacleItem(EntityItem):
    TABLE = Obstacle.TABLE

    def __init__(self, entity, state) -> None:
        super().__init__(entity, state)
        self.setZValue(Z_OBSTACLE)

    def paint(self, painter, option, widget=None) -> None:
        painter.setBrush(style.brush(theme.OBSTACLE_FILL))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(self._path)
        self._paint_selection(painter)


class ZoneItem(EntityItem):
    TABLE = Zone.TABLE

    def __init__(self, entity, state) -> None:
        super().__init__(entity, state)
        self.setZValue(Z_ZONE)

    def paint(self, painter, option, widget=None) -> None:
        zone: Zone = self.entity
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.brush(theme.zone_colour(zone.use)))
        painter.drawPath(self._path)
        hatch = style.hatch_brush(zone.use)
        if hatch is not None:
            painter.setBrush(hatch)
            painter.drawPath(self._path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = style.pixel_pen(style.colour(theme.zone_colour(zone.use)).darker(160).name(), 1.5)
        painter.setPen(pen)
        painter.drawPath(self._path)
        self._paint_selection(painter)


class NameTagItem(QGraphicsItem):
    """An area's name on a light tag above the booths, so none hides it: inside a zone's
    top-left corner, or just above a hall's outline."""

    def __init__(self, zone_item: EntityItem, outside: bool = False) -> None:
        super().__init__()
        self.zone_item = zone_item
        self.outside = outside
        self.setZValue(Z_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        rect = self.zone_item.boundingRect()
        return rect.adjusted(0, -6, 0, 0) if self.outside else rect  # room for the tag above

    def paint(self, painter, option, widget=None) -> None:
        zone = self.zone_item.entity
        lod = _lod(option, painter)
        rect = self.zone_item.shape().boundingRect()
        if rect.width() * lod < 60 or rect.height() * lod < 20:
            return  # the zone itself is too small on screen to carry a name
        # 1.6 m tall on the floor, but never below 11 px nor above 15 px: readable from afar.
        px = min(ZONE_LABEL_PX, max(1.6 * lod, 11.0))
        family = self.zone_item.state.font_family
        font = QFont(family) if family else QFont()
        font.setPixelSize(round(px))
        font.setBold(True)
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(zone.name, Qt.TextElideMode.ElideRight, rect.width() * lod - 12)
        if not text or text == "…":
            return
        painter.save()
        painter.translate(_top_left_corner(zone.geometry))
        painter.scale(1.0 / lod, 1.0 / lod)
        tag = QRectF(4, 4, metrics.horizontalAdvance(text) + 10, metrics.height() + 4)
        if self.outside:
            tag.moveBottom(-3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ZONE_TAG_BRUSH)
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(style.colour(theme.TEXT_COLOUR))
        painter.setFont(font)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _top_left_corner(geometry) -> QPointF:
    """The outline's highest corner, the leftmost of those (scene coordinates): where a name
    tag sits. The top-left of the bounding box lies in the air beside an L-shaped hall, and the
    hall's name was drawn there, outside it."""
    import shapely

    coords = shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_geometry(geometry, 0)))
    top = coords[:, 1].max()
    x = coords[coords[:, 1] >= top - 1e-6, 0].min()
    return QPointF(float(x), -float(top))


class DoorItem(EntityItem):
    TABLE = Door.TABLE

    def __init__(self, entity, state) -> None:
        super().__init__(entity, state)
        self.setZValue(Z_DOOR)

    def geometry(self):
        return self.entity.line

    def _pad(self) -> float:
        return 1.5

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._path.boundingRect().adjusted(-0.6, -0.6, 0.6, 0.6))
        return path

    def set_entity(self, entity) -> None:
        self.label_rect = door_label_rect(entity.line, self.state.floor, entity.name)
        super().set_entity(entity)
        # The name is part of the item: inside its bounds, or it was cut off at the edge.
        self._bounds = self._bounds.united(self.label_rect)

    def paint(self, painter, option, widget=None) -> None:
        door: Door = self.entity
        hex_ = theme.EXIT_COLOUR if door.is_exit else theme.ENTRANCE_COLOUR
        pen = style.metre_pen(hex_, 0.6)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if self.selected:
            painter.setPen(style.SELECTION_PEN)
            painter.drawPath(self._path)
        lod = _lod(option, painter)
        draw_text_fit(
            painter, self.label_rect, [(door.name, 0.9, False)], lod, self.state.font_family
        )


DOOR_LABEL_W, DOOR_LABEL_H, DOOR_LABEL_GAP = 6.0, 1.6, 0.4  # metres


def door_label_rect(line, floor, name: str = "") -> QRectF:
    """Where a door's name goes (scene coordinates): beside the wall, on the side away from
    the halls, clear of the wall (it was drawn centred on the wall, over it)."""
    import math

    from shapely.geometry import Point

    (x0, y0), (x1, y1) = line.coords[0][:2], line.coords[-1][:2]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    mx, my = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    if floor is not None and floor.covers(Point(mx + nx * 0.3, my + ny * 0.3)):
        nx, ny = -nx, -ny
    # Room for the whole name at 0.9 m letters (about half a metre a letter).
    width = max(DOOR_LABEL_W, length, 0.55 * len(name))
    # Far enough along the normal that the whole box clears the wall, however the wall runs.
    reach = DOOR_LABEL_GAP + abs(nx) * width / 2.0 + abs(ny) * DOOR_LABEL_H / 2.0
    cx, cy = mx + nx * reach, -(my + ny * reach)
    return QRectF(cx - width / 2.0, cy - DOOR_LABEL_H / 2.0, width, DOOR_LABEL_H)


class BoothItem(EntityItem):
    TABLE = Booth.TABLE

    def __init__(self, entity, state) -> None:
        self._polygon = QPolygonF()
        super().__init__(entity, state)
        self.setZValue(Z_BOOTH)

    def set_entity(self, entity) -> None:
        self._polygon = ring_polygon(entity.geometry.exterior.coords)
        super().set_entity(entity)
        self.setToolTip(self.tooltip())

    def _outline(self) -> QPainterPath:
        path = QPainterPath()  # a booth is one ring: reuse the polygon, don't convert twice
        path.addPolygon(self._polygon)
        path.closeSubpath()
        return path

    def _pad(self) -> float:
        return 0.3  # room for the resize handles

    def polygon(self) -> QPolygonF:
        return self._polygon

    def fill_hex(self) -> str:
        booth: Booth = self.entity
        if self.state.colour_by == style.COLOUR_BY_SECTOR:
            sector = self.state.exhibitor_sectors.get(booth.exhibitor_id or "", "")
            return theme.sector_colour(sector) if booth.exhibitor_id else theme.HALL_FILL
        return theme.STATUS_COLOURS.get(booth.status, theme.STATUS_COLOURS["available"])

    def tooltip(self) -> str:
        booth: Booth = self.entity
        size = f"{booth.geometry.area:.1f} m²"
        holder = self.state.exhibitor_names.get(booth.exhibitor_id or "", "")
        lines = [f"Booth {booth.number} · {size} · {booth.status.replace('_', ' ')}"]
        if holder:
            lines.append(holder)
        if booth.locked:
            lines.append("Locked")
        problem = self.state.problems.get(booth.id)
        if problem:
            lines.append(f"⚠ {problem}")
        return "\n".join(lines)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        booth: Booth = self.entity
        lod = _lod(option, painter)
        painter.setBrush(style.brush(self.fill_hex()))
        if lod * theme.BOOTH_STROKE_M < 1.0:
            painter.setPen(style.HAIRLINE_BOOTH_PEN)
        else:
            painter.setPen(style.metre_pen(theme.BOOTH_STROKE, theme.BOOTH_STROKE_M))
        painter.drawPolygon(self._polygon)
        if booth.id in self.state.problems:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.PROBLEM_PEN)
            painter.drawPolygon(self._polygon)
        if self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.SELECTION_PEN)
            painter.drawPolygon(self._polygon)
            if len(self.state.selected) == 1 and not booth.locked:
                self._paint_handles(painter, lod)
        rect = self._polygon.boundingRect()
        shorter = min(rect.width(), rect.height())
        if shorter * lod * theme.NUMBER_HEIGHT_FRACTION < style.MIN_LABEL_PX:
            if booth.locked and lod > 2:
                self._paint_lock(painter, rect, lod)
            return  # zoomed out: the coloured rectangle is all that is drawn
        name = self.state.exhibitor_names.get(booth.exhibitor_id or "", "")
        if shorter * NAME_FRACTION * lod < style.MIN_LABEL_PX:
            name = ""  # too small to read at this zoom: the number keeps its full size
        # With a name to show, the number gives up some height so both fit.
        number_h = shorter * (NAMED_NUMBER_FRACTION if name else theme.NUMBER_HEIGHT_FRACTION)
        draw_text_fit(
            painter,
            rect,
            [(booth.number, number_h, True), (name, shorter * NAME_FRACTION, False)],
            lod,
            self.state.font_family,
            wrap_last=True,
        )
        if booth.locked:
            self._paint_lock(painter, rect, lod)

    def _paint_handles(self, painter: QPainter, lod: float) -> None:
        """Corner handles for resizing, a fixed size on screen."""
        half = HANDLE_PX / 2.0 / lod
        painter.setPen(style.pixel_pen(theme.HIGHLIGHT_COLOUR, 1.0))
        painter.setBrush(style.brush("#ffffff"))
        for k in range(min(4, self._polygon.count())):
            corner = self._polygon.at(k)
            painter.drawRect(QRectF(corner.x() - half, corner.y() - half, 2 * half, 2 * half))

    def _paint_lock(self, painter: QPainter, rect: QRectF, lod: float) -> None:
        """A small padlock mark in the top-left corner, a fixed size on screen."""
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(1.0 / lod, 1.0 / lod)
        painter.setPen(style.pixel_pen(theme.TEXT_COLOUR, 1.2))
        painter.setBrush(style.brush(theme.TEXT_COLOUR))
        painter.drawRect(QRectF(3, 7, 7, 5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(4, 3, 5, 7), 0, 180 * 16)
        painter.restore()


ITEM_TYPES: dict[str, type[EntityItem]] = {
    t.TABLE: t for t in (HallItem, ObstacleItem, ZoneItem, DoorItem, BoothItem)
}


def label_point(item: EntityItem) -> QPointF:
    return item.boundingRect().center()
