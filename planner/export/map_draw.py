"""Drawing the floor on a page: halls, zones with their hatches, booths with fitted labels,
obstacles, doors (exits in red with EXIT), hall and zone names.

Everything is vector. Only what lies in view is drawn, so a tile of a huge floor stays small.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import (  # type: ignore[attr-defined]  # stubs lack FILL_EVEN_ODD
    FILL_EVEN_ODD,
    Canvas,
)
from reportlab.pdfgen.pathobject import PDFPathObject
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from planner import theme
from planner.export.colours import BoothColours, mix
from planner.export.fonts import font_metrics, register_font, unit_width
from planner.export.geometry import (
    bounds_box,
    box_array,
    overlaps,
    polygons,
    rings,
)
from planner.export.hatch import hatch_box
from planner.export.labels import LabelFit, fit_booth_label
from planner.export.layout import MM, Box, Transform
from planner.export.name_place import (
    PlacedName,
    choose_box,
    corner_boxes,
    free_floor_boxes,
    page_geometry,
)
from planner.export.scene import BoothItem, Scene
from planner.export.text import FAKE_BOLD, draw_text
from planner.model.entities import Zone
from planner.model.zone_use import FEATURE

DIM = 0.6  # how far other booths fade towards white on an exhibitor's map


class MapPainter:
    """Draws one scene onto pages; remembers which booths lost their name or their label."""

    def __init__(self, scene: Scene, colours: BoothColours, k: float) -> None:
        self.scene = scene
        self.colours = colours
        self.k = k
        self.names_hidden: set[str] = set()
        self.blank: set[str] = set()
        self.placed_names: list[PlacedName] = []  # every hall and zone name drawn, with its box
        self._fits: dict[tuple[str, str, float, float, float], tuple[LabelFit, float]] = {}

    # -- the whole map ------------------------------------------------------------------------
    def draw(
        self,
        canv: Canvas,
        transform: Transform,
        frame: Box,
        dim: bool = False,
        record: bool = True,
    ) -> None:
        """Draw what ``frame`` shows through ``transform``, clipped to the frame.

        ``dim`` fades every booth, as the background of an exhibitor's map (see
        :meth:`draw_lit`); ``record`` counts the labels that lost their name.
        """
        ppm = transform.ppm
        view = _view(transform, frame)
        plan = self.scene.plan
        items = [item for item in self.scene.items if overlaps(item.bounds, view)]
        canv.saveState()
        _clip(canv, frame)
        halls = [h.geometry for h in plan.halls.values()]
        self._areas(canv, transform, halls, theme.HALL_FILL, None, 0.0)
        for zone in plan.zones.values():
            if overlaps(bounds_box(zone.geometry), view):
                self._zone(canv, transform, zone.use, zone.geometry)
        self._booths(canv, transform, items, dim)
        obstacles = [o.geometry for o in plan.obstacles.values()]
        self._areas(canv, transform, obstacles, theme.OBSTACLE_FILL, theme.OBSTACLE_FILL, 0.3)
        width = max(theme.HALL_STROKE_M * ppm, 0.8)
        self._areas(canv, transform, halls, None, theme.HALL_STROKE, width)
        text = mix(theme.TEXT_COLOUR, "#ffffff", 0.45) if dim else theme.TEXT_COLOUR
        self._labels(canv, transform, items, record, text)
        booth_boxes = box_array([_page_box(transform, item.bounds) for item in items])
        taken: list[Box] = []
        for zone in plan.zones.values():
            if overlaps(bounds_box(zone.geometry), view):
                self._zone_name(canv, transform, frame, zone, booth_boxes, taken)
        for door in plan.doors.values():
            self._door(canv, transform, door.line, door.kind, door.name)
        for hall in plan.halls.values():
            self._hall_name(canv, transform, frame, hall.name, hall.geometry, booth_boxes, taken)
        canv.restoreState()

    def draw_lit(self, canv: Canvas, transform: Transform, frame: Box, lit: frozenset[str]) -> None:
        """Draw the booths in ``lit`` over a dimmed map, in the call-out colour with labels."""
        view = _view(transform, frame)
        items = [i for i in self.scene.items if i.booth.id in lit and overlaps(i.bounds, view)]
        canv.saveState()
        _clip(canv, frame)
        canv.setFillColor(HexColor(mix(theme.HIGHLIGHT_COLOUR, "#ffffff", 0.55)))
        canv.setStrokeColor(HexColor(theme.HIGHLIGHT_COLOUR))
        canv.setLineWidth(max(0.25 * transform.ppm, 1.6))
        path = self._path(canv, transform, (item.ring for item in items))
        canv.drawPath(path, stroke=1, fill=1)
        self._labels(canv, transform, items, record=False)
        canv.restoreState()

    # -- filled areas -------------------------------------------------------------------------
    def _path(
        self,
        canv: Canvas,
        transform: Transform,
        ring_lists: Iterable[Sequence[tuple[float, ...]]],
    ) -> PDFPathObject:
        path = canv.beginPath()
        point = transform.point
        for ring in ring_lists:
            x, y = point(*ring[0])
            path.moveTo(x, y)
            for vertex in ring[1:-1]:
                path.lineTo(*point(*vertex))
            path.close()
        return path

    def _areas(
        self,
        canv: Canvas,
        transform: Transform,
        geometries: Iterable[BaseGeometry],
        fill: str | None,
        stroke: str | None,
        width: float,
    ) -> None:
        all_rings = [ring for g in geometries for ring in rings(g)]
        if not all_rings:
            return
        canv.saveState()
        if fill:
            canv.setFillColor(HexColor(fill))
        if stroke:
            canv.setStrokeColor(HexColor(stroke))
            canv.setLineWidth(width)
        path = self._path(canv, transform, all_rings)
        canv.drawPath(path, stroke=int(bool(stroke)), fill=int(bool(fill)), fillMode=FILL_EVEN_ODD)
        canv.restoreState()

    def _zone(self, canv: Canvas, transform: Transform, use: str, geometry: BaseGeometry) -> None:
        fill = theme.zone_colour(use)
        hatch = theme.ZONE_HATCH.get(use, "horizontal")
        canv.saveState()
        path = self._path(canv, transform, list(rings(geometry)))
        canv.setFillColor(HexColor(fill))
        canv.drawPath(path, stroke=0, fill=1, fillMode=FILL_EVEN_ODD)
        if hatch != "none":
            canv.saveState()
            canv.clipPath(self._path(canv, transform, list(rings(geometry))), stroke=0, fill=0)
            b = bounds_box(geometry)
            x0, y0 = transform.point(b.x0, b.y0)
            x1, y1 = transform.point(b.x1, b.y1)
            hatch_box(canv, Box(x0, y0, x1, y1), hatch, zone_hatch_colour(use), 2.5 * MM * self.k)
            canv.restoreState()
        canv.setStrokeColor(HexColor(zone_hatch_colour(use)))
        canv.setLineWidth(max(theme.ZONE_STROKE_M * transform.ppm, 0.6))
        canv.setDash(4, 2)
        canv.drawPath(self._path(canv, transform, list(rings(geometry))), stroke=1, fill=0)
        canv.restoreState()

    def _booths(
        self, canv: Canvas, transform: Transform, items: list[BoothItem], dim: bool
    ) -> None:
        by_fill: dict[str, list[BoothItem]] = defaultdict(list)
        for item in items:
            fill = self.colours.fill(item.booth)
            by_fill[mix(fill, "#ffffff", DIM) if dim else fill].append(item)
        canv.saveState()
        stroke = mix(theme.BOOTH_STROKE, "#ffffff", DIM * 0.6) if dim else theme.BOOTH_STROKE
        canv.setStrokeColor(HexColor(stroke))
        canv.setLineWidth(max(theme.BOOTH_STROKE_M * transform.ppm, 0.3))
        for fill, group in by_fill.items():
            canv.setFillColor(HexColor(fill))
            path = self._path(canv, transform, (item.ring for item in group))
            canv.drawPath(path, stroke=1, fill=1)
        canv.restoreState()

    # -- booth labels -------------------------------------------------------------------------
    def fit(self, item: BoothItem, ppm: float) -> tuple[LabelFit, float]:
        """The booth's label at this scale and the angle to draw it at (cached)."""
        w, h = round(item.frame.width * ppm, 2), round(item.frame.height * ppm, 2)
        key = (item.booth.number, item.name, w, h, item.frame.angle)
        found = self._fits.get(key)
        if found is None:
            ascent, descent = font_metrics()
            found = fit_booth_label(
                item.booth.number, item.name, w, h, item.frame.angle, unit_width, ascent, descent
            )
            self._fits[key] = found
        return found

    def _labels(
        self,
        canv: Canvas,
        transform: Transform,
        items: Iterable[BoothItem],
        record: bool,
        colour: str = theme.TEXT_COLOUR,
    ) -> None:
        font = register_font()
        canv.saveState()
        canv.setFillColor(HexColor(colour))
        canv.setStrokeColor(HexColor(colour))
        for item in items:
            fit, angle = self.fit(item, transform.ppm)
            if record:
                if fit.empty:
                    self.blank.add(item.booth.id)
                elif item.name and not fit.name_shown:
                    self.names_hidden.add(item.booth.id)
            if fit.empty:
                continue
            cx, cy = transform.point(item.frame.cx, item.frame.cy)
            if angle:
                canv.saveState()
                canv.translate(cx, cy)
                canv.rotate(angle)
                ox, oy = 0.0, 0.0
            else:
                ox, oy = cx, cy
            for index, line in enumerate(fit.lines):
                canv.setFont(font, line.size)
                if index == 0:  # the number, in fake bold
                    canv.setLineWidth(line.size * FAKE_BOLD)
                    canv.drawString(ox - line.width / 2, oy + line.baseline, line.text, mode=2)
                else:
                    canv.drawString(ox - line.width / 2, oy + line.baseline, line.text)
            if angle:
                canv.restoreState()
        canv.restoreState()

    # -- names and doors ------------------------------------------------------------------------
    def _zone_name(
        self,
        canv: Canvas,
        transform: Transform,
        frame: Box,
        zone: Zone,
        booth_boxes: np.ndarray,
        taken: list[Box],
    ) -> None:
        name, use, geometry = zone.name, zone.use, zone.geometry
        if not name.strip():
            return
        colour = mix(zone_hatch_colour(use), "#000000", 0.35)
        b = bounds_box(geometry)
        if use == FEATURE:
            x, y = transform.point(*geometry.representative_point().coords[0])
            size = min(10 * self.k, 0.8 * b.width * transform.ppm / max(unit_width(name), 0.1))
            if size >= 4:
                draw_text(canv, x, y - size * 0.35, name, size, colour, "centre", bold=True)
                width = unit_width(name) * size
                box = Box(x - width / 2, y - size * 0.6, x + width / 2, y + size * 0.7)
                self._record("zone", name, box, transform, frame, taken)
            return
        # Other zones are full of booths: the name goes on a white tab at the zone's top edge,
        # just inside, on it or just outside, and left or right; failing that beside a corner
        # or in free floor of the zone: wherever it hides no booth.
        top = LineString([((b.x0 + b.x1) / 2, b.y1 + 1), ((b.x0 + b.x1) / 2, b.y0 - 1)])
        hit = geometry.boundary.intersection(top)
        points = [p for p in getattr(hit, "geoms", [hit]) if isinstance(p, Point)]
        anchor = max(points, key=lambda p: p.y) if points else Point((b.x0 + b.x1) / 2, b.y1)
        x, y = transform.point(anchor.x, anchor.y)
        size = 6.5 * self.k
        label = f"{name} ({use})" if use not in name.lower() else name
        width = unit_width(label) * size + 4
        height = size * 1.3
        slide = b.width * transform.ppm / 4
        tabs = [
            Box(x + dx - width / 2, y + dy - size * 0.55, x + dx + width / 2, y + dy + size * 0.75)
            for dx in (0.0, -slide, slide)
            for dy in (-size * 0.9, size * 0.9, 0.0)
        ]
        tabs += corner_boxes(geometry, transform, width, height, size * 0.2)
        tabs += free_floor_boxes(geometry, transform, width, height)
        tab = choose_box(tabs, booth_boxes, frame, taken)
        canv.saveState()
        canv.setFillColor(HexColor("#ffffff"))
        canv.setStrokeColor(HexColor(colour))
        canv.setLineWidth(0.5)
        canv.rect(tab.x0, tab.y0, tab.width, tab.height, stroke=1, fill=1)
        canv.restoreState()
        draw_text(canv, tab.centre[0], tab.y0 + size * 0.25, label, size, colour, "centre")
        self._record("zone", name, tab, transform, frame, taken)

    def _hall_name(
        self,
        canv: Canvas,
        transform: Transform,
        frame: Box,
        name: str,
        geometry: BaseGeometry,
        booth_boxes: np.ndarray,
        taken: list[Box],
    ) -> None:
        if not name.strip() or geometry.is_empty:
            return
        size = 8 * self.k
        ascent, descent = font_metrics()
        width = unit_width(name) * size * 1.03 + size * FAKE_BOLD  # fake bold is a little wider
        height = (ascent + descent) * size
        # Beside a corner of the hall, outside it, those nearest the top left first (on an
        # L-shaped or slanted hall, a real corner, not a point in the air); failing that, free
        # floor in the hall. Never over a booth.
        candidates = corner_boxes(geometry, transform, width, height, size * 0.25)
        candidates += free_floor_boxes(geometry, transform, width, height)
        hall_page = page_geometry(geometry, transform)
        box = choose_box(candidates, booth_boxes, frame, taken, keep_off=hall_page)
        draw_text(canv, box.x0, box.y0 + descent * size, name, size, theme.HALL_STROKE, bold=True)
        self._record("hall", name, box, transform, frame, taken)

    def _record(
        self, kind: str, name: str, box: Box, transform: Transform, frame: Box, taken: list[Box]
    ) -> None:
        taken.append(box)
        self.placed_names.append(PlacedName(kind, name, box, transform, frame))

    def _door(
        self, canv: Canvas, transform: Transform, line: LineString, kind: str, name: str
    ) -> None:
        if line.is_empty:
            return
        coords = list(line.coords)
        (ax, ay), (bx, by) = transform.point(*coords[0]), transform.point(*coords[-1])
        exit_ = kind == "exit"
        colour = theme.EXIT_COLOUR if exit_ else theme.ENTRANCE_COLOUR
        canv.saveState()
        canv.setStrokeColor(HexColor(colour))
        width = min(max(0.3 * transform.ppm, 2.5), 7.0)
        canv.setLineWidth(width)
        canv.setLineCap(0)
        path = canv.beginPath()
        path.moveTo(ax, ay)
        for vertex in coords[1:]:
            path.lineTo(*transform.point(*vertex))
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()
        text = exit_text(name) if exit_ else name.strip() or "Entrance"
        self._door_text(canv, (ax, ay), (bx, by), line, text, colour, exit_, width)

    def _door_text(
        self,
        canv: Canvas,
        a: tuple[float, float],
        b: tuple[float, float],
        line: LineString,
        text: str,
        colour: str,
        bold: bool,
        line_width: float,
    ) -> None:
        """Door text along the wall, on the side away from the halls (where the aisles are)."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        angle = math.degrees(math.atan2(dy, dx))
        if angle > 90.0 or angle <= -90.0:
            angle = angle - 180.0 if angle > 0 else angle + 180.0
        nx, ny = -dy / length, dx / length
        mid = line.interpolate(0.5, normalized=True)
        halls = [h.geometry for h in self.scene.plan.halls.values()]
        probe_dist = max(0.5, line.length * 0.25)
        # Model-space normal has the same direction as page-space normal (uniform scale).
        probe = Point(mid.x + nx * probe_dist, mid.y + ny * probe_dist)
        if any(p.contains(probe) for h in halls for p in polygons(h)):
            nx, ny = -nx, -ny
        size = 6.5 * self.k
        ascent, descent = font_metrics()
        # The text's own "up" direction, to know whether the outward side is above or below it.
        ux, uy = -math.sin(math.radians(angle)), math.cos(math.radians(angle))
        gap = line_width / 2 + max(0.3 * size, 2.0)
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        outward_up = nx * ux + ny * uy >= 0
        offset = gap + descent * size if outward_up else -(gap + ascent * size)
        x, y = mx + ux * offset, my + uy * offset
        draw_text(canv, x, y, text, size, colour, "centre", bold=bold, angle=angle)


def _view(transform: Transform, frame: Box) -> Box:
    """The floor (metres) that ``frame`` shows through ``transform``."""
    ppm = transform.ppm
    return Box(
        transform.origin[0] + (frame.x0 - transform.at[0]) / ppm,
        transform.origin[1] + (frame.y0 - transform.at[1]) / ppm,
        transform.origin[0] + (frame.x1 - transform.at[0]) / ppm,
        transform.origin[1] + (frame.y1 - transform.at[1]) / ppm,
    )


def _page_box(transform: Transform, area: Box) -> Box:
    x0, y0 = transform.point(area.x0, area.y0)
    x1, y1 = transform.point(area.x1, area.y1)
    return Box(x0, y0, x1, y1)


def _clip(canv: Canvas, frame: Box) -> None:
    clip = canv.beginPath()
    clip.rect(frame.x0, frame.y0, frame.width, frame.height)
    canv.clipPath(clip, stroke=0, fill=0)


def zone_hatch_colour(use: str) -> str:
    return mix(theme.zone_colour(use), "#000000", 0.3)


def exit_text(name: str) -> str:
    """What an exit says on paper: always EXIT, then the door's own name without a repeat.

    >>> exit_text("Exit N20"), exit_text("Fire exit"), exit_text(""), exit_text("Cửa thoát 2")
    ('EXIT N20', 'EXIT · Fire exit', 'EXIT', 'EXIT · Cửa thoát 2')
    """
    name = " ".join(name.split())
    if name.lower().startswith("exit"):
        name = name[4:].strip(" -·:")
    return f"EXIT {name}" if name and len(name) <= 6 else (f"EXIT · {name}" if name else "EXIT")
