"""The call-out on an exhibitor's map: a label with the name and booth numbers, placed where
it covers the fewest booths, with a leader line to each of the exhibitor's booths."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner import theme
from planner.export.fonts import unit_width
from planner.export.geometry import box_array, covered_area
from planner.export.layout import MM, Box, Transform
from planner.export.scene import BoothItem
from planner.export.text import draw_text, fit_lines

MAX_LEADERS = 8  # more booths than this: one leader to the middle of the group


@dataclass(frozen=True, slots=True)
class Callout:
    title: str  # the exhibitor's name (or "Booth A7")
    detail: str  # "Booths A7, A8 · textiles"


def callout_box(
    anchor_boxes: list[Box], frame: Box, obstacles: list[Box], size: tuple[float, float], k: float
) -> Box:
    """Where to put a ``size`` label: near the highlighted booths, inside the frame, covering as
    little as possible of the other booths. Pure, so it is tested on its own."""
    w, h = size
    group = Box(
        min(b.x0 for b in anchor_boxes),
        min(b.y0 for b in anchor_boxes),
        max(b.x1 for b in anchor_boxes),
        max(b.y1 for b in anchor_boxes),
    )
    cx, cy = group.centre
    candidates = []
    for reach in (1.0, 2.0, 3.5, 5.0):
        gap = 12 * MM * k * reach
        for fx, fy in ((1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1), (0, -1), (1, 0), (-1, 0)):
            x = group.x1 + gap if fx > 0 else group.x0 - gap - w if fx < 0 else cx - w / 2
            y = group.y1 + gap if fy > 0 else group.y0 - gap - h if fy < 0 else cy - h / 2
            x = min(max(x, frame.x0 + 2), frame.x1 - w - 2)
            y = min(max(y, frame.y0 + 2), frame.y1 - h - 2)
            candidates.append((reach, Box(x, y, x + w, y + h)))

    others = box_array(obstacles)
    mine = box_array(anchor_boxes)

    def cost(candidate: tuple[float, Box]) -> float:
        reach, box = candidate
        covered = covered_area(box, others)
        hidden = covered_area(box, mine) * 50.0
        # A little area is worth covering to keep the leader lines short.
        return covered + hidden + reach * 0.01 * w * h

    return min(candidates, key=cost)[1]


def draw_callout(
    canv: Canvas,
    transform: Transform,
    frame: Box,
    lit: list[BoothItem],
    others: list[BoothItem],
    callout: Callout,
    k: float,
) -> None:
    if not lit:
        return
    to_page = transform.point

    def page_box(item: BoothItem) -> Box:
        x0, y0 = to_page(item.bounds.x0, item.bounds.y0)
        x1, y1 = to_page(item.bounds.x1, item.bounds.y1)
        return Box(x0, y0, x1, y1)

    pad = 2.5 * MM * k
    max_w = min(90 * MM * k, frame.width * 0.6)
    title_lines, title_size = fit_lines(callout.title, max_w - 2 * pad, 13 * k, 6 * k, 3)
    detail_lines, detail_size = fit_lines(callout.detail, max_w - 2 * pad, 9 * k, 5 * k, 3)
    text_w = max(
        [unit_width(t) * title_size for t in title_lines]
        + [unit_width(t) * detail_size for t in detail_lines]
    )
    w = text_w + 2 * pad
    h = 2 * pad + len(title_lines) * title_size * 1.2 + len(detail_lines) * detail_size * 1.25
    anchors = [page_box(item) for item in lit]
    box = callout_box(anchors, frame, [page_box(item) for item in others], (w, h), k)

    targets = [b.centre for b in anchors]
    if len(targets) > MAX_LEADERS:
        targets = [
            (sum(x for x, _ in targets) / len(targets), sum(y for _, y in targets) / len(targets))
        ]
    canv.saveState()
    canv.setStrokeColor(HexColor(theme.HIGHLIGHT_COLOUR))
    canv.setFillColor(HexColor(theme.HIGHLIGHT_COLOUR))
    leaders = []
    for tx, ty in targets:
        leaders.append((min(max(tx, box.x0), box.x1), min(max(ty, box.y0), box.y1), tx, ty))
    canv.setStrokeColor(HexColor("#ffffff"))  # a white casing keeps the line visible on booths
    canv.setLineWidth(3.2 * k)
    for sx, sy, tx, ty in leaders:
        canv.line(sx, sy, tx, ty)
    canv.setStrokeColor(HexColor(theme.HIGHLIGHT_COLOUR))
    canv.setLineWidth(1.4 * k)
    for sx, sy, tx, ty in leaders:
        canv.line(sx, sy, tx, ty)
        canv.circle(tx, ty, 1.8 * k, stroke=0, fill=1)
    canv.setFillColor(HexColor("#ffffff"))
    canv.setLineWidth(1.6 * k)
    canv.roundRect(box.x0, box.y0, box.width, box.height, 2 * k, stroke=1, fill=1)
    canv.restoreState()
    y = box.y1 - pad
    for line in title_lines:
        y -= title_size
        draw_text(canv, box.x0 + pad, y, line, title_size, theme.TEXT_COLOUR, bold=True)
        y -= title_size * 0.2
    for line in detail_lines:
        y -= detail_size * 1.25
        draw_text(canv, box.x0 + pad, y, line, detail_size, theme.TEXT_COLOUR)
