"""What surrounds the map on every page: title block, legend, scale bar, north arrow and the
marks that line up tiled pages."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner import theme
from planner.export.colours import LegendEntry
from planner.export.hatch import hatch_box
from planner.export.layout import MM, Box, PageLayout, scale_bar_metres
from planner.export.text import draw_text, fit_lines

GREY = "#607d8b"


@dataclass(frozen=True, slots=True)
class TitleInfo:
    event: str
    venue: str
    dates: str
    revision: str
    printed: str
    subtitle: str  # what this page is: "Floor map", "Tile B2", "Exhibitor: ..."
    page: int = 0
    pages: int = 0
    organizer: str = ""


def draw_title_block(canv: Canvas, box: Box, title: TitleInfo, k: float) -> None:
    """Event name (shrunk and wrapped to two lines), venue and dates, revision, page n of m."""
    _frame(canv, box)
    pad = 2.5 * MM * k
    width = box.width - 2 * pad
    y = box.y1 - pad
    lines, size = fit_lines(title.event or "Untitled plan", width, 11 * k, 6 * k, 2)
    for line in lines:
        y -= size
        draw_text(canv, box.x0 + pad, y, line, size, theme.TEXT_COLOUR, bold=True)
        y -= size * 0.25
    small = 7.0 * k
    facts = [t for t in (title.venue, title.dates, title.organizer) if t.strip()]
    rows = [" · ".join(facts)] if facts else []
    rows.append(title.subtitle)
    rows.append(f"Revision {title.revision or '-'} · printed {title.printed}")
    for row in rows:
        row_lines, row_size = fit_lines(row, width, small, 4.5 * k, 2)
        for line in row_lines:
            y -= row_size * 1.2
            if y < box.y0 + pad:
                break
            draw_text(canv, box.x0 + pad, y, line, row_size, theme.TEXT_COLOUR)
    if title.pages:
        draw_text(
            canv,
            box.x1 - pad,
            box.y0 + pad,
            f"Page {title.page} of {title.pages}",
            8 * k,
            theme.TEXT_COLOUR,
            align="right",
            bold=True,
        )


def draw_legend(canv: Canvas, box: Box, entries: list[LegendEntry], k: float) -> None:
    """Swatches with their labels in as many columns as the entries need."""
    _frame(canv, box)
    if not entries:
        return
    pad = 2.5 * MM * k
    heading = 7.5 * k
    draw_text(canv, box.x0 + pad, box.y1 - pad - heading, "Legend", heading, bold=True)
    top = box.y1 - 2 * pad - heading * 1.2
    inner_h = top - (box.y0 + pad)
    size = 6.5 * k
    for _ in range(12):
        row_h = size * 1.55
        rows = max(1, int(inner_h / row_h))
        cols = math.ceil(len(entries) / rows)
        col_w = (box.width - 2 * pad) / cols
        if col_w >= 28 * MM * k * size / (6.5 * k) or size <= 4.0:
            break
        size *= 0.9
    swatch = size * 1.15
    for i, entry in enumerate(entries):
        col, row = divmod(i, rows)
        x = box.x0 + pad + col * col_w
        y = top - (row + 1) * row_h
        swatch_box = Box(x, y, x + swatch * 1.6, y + swatch)
        _swatch(canv, swatch_box, entry)
        label_x = swatch_box.x1 + size * 0.5
        lines, fitted = fit_lines(entry.label, col_w - (label_x - x) - size, size, 3.5, 1)
        draw_text(canv, label_x, y + swatch * 0.2, lines[0], fitted)


def _swatch(canv: Canvas, box: Box, entry: LegendEntry) -> None:
    canv.saveState()
    canv.setFillColor(HexColor(entry.fill))
    canv.setStrokeColor(HexColor(entry.stroke))
    canv.setLineWidth(0.6)
    canv.rect(box.x0, box.y0, box.width, box.height, stroke=0, fill=1)
    if entry.hatch != "none":
        canv.saveState()
        clip = canv.beginPath()
        clip.rect(box.x0, box.y0, box.width, box.height)
        canv.clipPath(clip, stroke=0, fill=0)
        hatch_box(canv, box, entry.hatch, entry.stroke, spacing=box.height / 3)
        canv.restoreState()
    canv.rect(box.x0, box.y0, box.width, box.height, stroke=1, fill=0)
    canv.restoreState()


def draw_scale_box(canv: Canvas, box: Box, scale: int, ppm: float, paper: str, k: float) -> None:
    """Scale bar (alternating metre blocks), the ratio and the paper, and a north arrow."""
    _frame(canv, box)
    pad = 2.5 * MM * k
    arrow = min(box.height - 2 * pad, 16 * MM * k)
    bar_max = box.width - 3 * pad - arrow * 0.6
    metres = scale_bar_metres(ppm, bar_max)
    leading = round(metres / 10 ** math.floor(math.log10(metres)))
    parts = 4 if leading == 2 else 5  # blocks of a round length: 10 m in 2s, 20 m in 5s
    length = metres * ppm
    x0 = box.x0 + pad
    bar_h = 2.2 * MM * k
    y0 = box.y0 + box.height * 0.45
    canv.saveState()
    canv.setLineWidth(0.6)
    canv.setStrokeColor(HexColor(theme.TEXT_COLOUR))
    for i in range(parts):
        canv.setFillColor(HexColor(theme.TEXT_COLOUR if i % 2 == 0 else "#ffffff"))
        canv.rect(x0 + i * length / parts, y0, length / parts, bar_h, stroke=1, fill=1)
    canv.restoreState()
    size = 6.5 * k
    draw_text(canv, x0, y0 - size * 1.3, "0", size, align="centre")
    draw_text(canv, x0 + length, y0 - size * 1.3, f"{metres:g} m", size, align="centre")
    draw_text(canv, x0, y0 + bar_h + size * 0.8, f"Scale 1:{scale}", 9 * k, bold=True)
    draw_text(canv, x0, box.y0 + pad, f"true to scale on {paper} paper", 5.5 * k, GREY)
    draw_north_arrow(canv, box.x1 - pad - arrow * 0.3, box.y0 + box.height / 2, arrow, k)


def draw_north_arrow(canv: Canvas, x: float, y: float, height: float, k: float) -> None:
    """A half-filled arrow pointing up (the floor's y axis is north) with an N above it."""
    half_w = height * 0.22
    tip = y + height * 0.25
    base = y - height * 0.35
    canv.saveState()
    canv.setLineWidth(0.7)
    canv.setStrokeColor(HexColor(theme.TEXT_COLOUR))
    canv.setFillColor(HexColor(theme.TEXT_COLOUR))
    path = canv.beginPath()
    path.moveTo(x, tip)
    path.lineTo(x - half_w, base)
    path.lineTo(x, base + height * 0.15)
    path.close()
    canv.drawPath(path, stroke=1, fill=1)
    path = canv.beginPath()
    path.moveTo(x, tip)
    path.lineTo(x + half_w, base)
    path.lineTo(x, base + height * 0.15)
    path.close()
    canv.setFillColor(HexColor("#ffffff"))
    canv.drawPath(path, stroke=1, fill=1)
    canv.restoreState()
    draw_text(canv, x, tip + height * 0.06, "N", 8 * k, align="centre", bold=True)


def draw_crop_marks(canv: Canvas, frame: Box, k: float) -> None:
    """Corner marks just outside the map frame, to trim tiles along the frame's edge."""
    length = 5 * MM * k
    gap = 1.2 * MM
    canv.saveState()
    canv.setLineWidth(0.4)
    canv.setStrokeColor(HexColor("#000000"))
    for x, sx in ((frame.x0, -1), (frame.x1, 1)):
        for y, sy in ((frame.y0, -1), (frame.y1, 1)):
            canv.line(x + sx * gap, y, x + sx * (gap + length), y)
            canv.line(x, y + sy * gap, x, y + sy * (gap + length))
    canv.restoreState()


def draw_registration_mark(canv: Canvas, x: float, y: float, radius: float) -> None:
    """A circle with a cross: two tiles line up where their marks coincide."""
    canv.saveState()
    canv.setLineWidth(0.4)
    canv.setStrokeColor(HexColor("#000000"))
    canv.circle(x, y, radius, stroke=1, fill=0)
    canv.line(x - 1.6 * radius, y, x + 1.6 * radius, y)
    canv.line(x, y - 1.6 * radius, x, y + 1.6 * radius)
    canv.restoreState()


def _frame(canv: Canvas, box: Box) -> None:
    canv.saveState()
    canv.setLineWidth(0.6)
    canv.setStrokeColor(HexColor(theme.BOOTH_STROKE))
    canv.rect(box.x0, box.y0, box.width, box.height, stroke=1, fill=0)
    canv.restoreState()


def footer_boxes(layout: PageLayout) -> tuple[Box, Box, Box]:
    """Title block (left), legend (middle), scale and north arrow (right)."""
    f = layout.footer
    gap = 2 * MM * layout.k
    title_w = f.width * 0.42
    scale_w = min(f.width * 0.22, 75 * MM * layout.k)
    title = Box(f.x0, f.y0, f.x0 + title_w, f.y1)
    scale = Box(f.x1 - scale_w, f.y0, f.x1, f.y1)
    legend = Box(title.x1 + gap, f.y0, scale.x0 - gap, f.y1)
    return title, legend, scale
