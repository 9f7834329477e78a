"""Tiled maps: the numbered grid on the overview page, and on each tile the cut lines,
registration marks and the names of the neighbouring tiles."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner.export.fonts import unit_width
from planner.export.furniture import draw_registration_mark
from planner.export.layout import MM, Box, Tile, TileGrid, Transform
from planner.export.text import draw_text

GRID_COLOUR = "#1565c0"


def _page_box(transform: Transform, area: Box) -> Box:
    x0, y0 = transform.point(area.x0, area.y0)
    x1, y1 = transform.point(area.x1, area.y1)
    return Box(x0, y0, x1, y1)


def _tab(canv: Canvas, x: float, y: float, text: str, size: float, colour: str) -> None:
    """Text centred on (x, y) on a white tab, readable over the map."""
    width = unit_width(text) * size
    canv.saveState()
    canv.setFillColor(HexColor("#ffffff"))
    canv.setStrokeColor(HexColor(colour))
    canv.setLineWidth(0.6)
    canv.rect(
        x - width / 2 - size * 0.3, y - size * 0.5, width + size * 0.6, size * 1.2, stroke=1, fill=1
    )
    canv.restoreState()
    draw_text(canv, x, y - size * 0.25, text, size, colour, "centre", bold=True)


def draw_overview_grid(
    canv: Canvas, transform: Transform, frame: Box, grid: TileGrid, k: float
) -> None:
    """Each tile's outline over the small map, with its name and page number."""
    canv.saveState()
    canv.setStrokeColor(HexColor(GRID_COLOUR))
    canv.setLineWidth(1.0)
    canv.setDash(6, 3)
    for tile in grid.tiles:
        box = _page_box(transform, tile.area)
        canv.rect(box.x0, box.y0, box.width, box.height, stroke=1, fill=0)
    canv.restoreState()
    size = min(14 * k, 0.25 * min(_page_box(transform, grid.tiles[0].area).width, 200))
    for index, tile in enumerate(grid.tiles):
        x, y = _page_box(transform, tile.area).centre
        _tab(canv, x, y, f"{tile.label} · page {index + 2}", max(size, 6.0), GRID_COLOUR)


def draw_tile_marks(
    canv: Canvas, frame: Box, grid: TileGrid, tile: Tile, transform: Transform, k: float
) -> None:
    """Dashed lines where the neighbours' paper begins, registration marks on those lines in
    the margin, and arrows naming the neighbouring tiles."""
    overlap = grid.overlap_m * transform.ppm
    names = {(t.row, t.col): t.label for t in grid.tiles}
    radius = 1.8 * MM * k
    reach = 4 * MM * k  # distance from the frame to a mark's centre, in the margin
    size = 9 * k
    neighbours = {
        "west": names.get((tile.row, tile.col - 1)),
        "east": names.get((tile.row, tile.col + 1)),
        "north": names.get((tile.row - 1, tile.col)),
        "south": names.get((tile.row + 1, tile.col)),
    }
    canv.saveState()
    canv.setStrokeColor(HexColor(GRID_COLOUR))
    canv.setLineWidth(0.5)
    canv.setDash(5, 3)
    lines = []
    if neighbours["west"]:
        lines.append(("v", frame.x0 + overlap))
    if neighbours["east"]:
        lines.append(("v", frame.x1 - overlap))
    if neighbours["north"]:
        lines.append(("h", frame.y1 - overlap))
    if neighbours["south"]:
        lines.append(("h", frame.y0 + overlap))
    for direction, at in lines:
        if direction == "v":
            canv.line(at, frame.y0, at, frame.y1)
        else:
            canv.line(frame.x0, at, frame.x1, at)
    canv.restoreState()
    for direction, at in lines:
        if direction == "v":
            # Only above the frame: below it the footer leaves no room; the dashed line
            # carries the alignment down the page.
            draw_registration_mark(canv, at, frame.y1 + reach, radius)
        else:
            draw_registration_mark(canv, frame.x0 - reach, at, radius)
            draw_registration_mark(canv, frame.x1 + reach, at, radius)
    cx, cy = frame.centre
    inset = overlap / 2 if overlap else size
    arrows = {
        "north": (cx, frame.y1 - inset, "▲ {}"),
        "south": (cx, frame.y0 + inset, "▼ {}"),
        "west": (frame.x0 + inset + size * 2.5, cy, "◀ {}"),
        "east": (frame.x1 - inset - size * 2.5, cy, "{} ▶"),
    }
    for side, name in neighbours.items():
        if name:
            x, y, pattern = arrows[side]
            _tab(canv, x, y, pattern.format(name), size, GRID_COLOUR)
    _tab(
        canv,
        frame.x0 + size * 3,
        frame.y1 - size * 1.5,
        f"Tile {tile.label}",
        size * 1.2,
        "#000000",
    )
