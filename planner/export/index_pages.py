"""Index pages: exhibitors A-Z with their booths and sector, and booths by number.

Rows are measured and cut into pages before anything is drawn, so every page knows the total
page count for its "Page n of m".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner import theme
from planner.export.layout import MM, Box
from planner.export.sorting import name_key, natural_key
from planner.export.text import draw_text, fit_lines
from planner.model import Plan
from planner.model.status import LABELS

BLOCK_MM = 105.0  # width of one column block at A4 size; larger paper gets more blocks
ROW_PT = 7.5  # text size at A4
NO_BOOTH = "-"


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    share: float  # of the block's width


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    empty_text: str = "None."


@dataclass(frozen=True, slots=True)
class PlacedRow:
    cells: tuple[tuple[tuple[str, ...], float], ...]  # per cell: its lines and their size
    height: float


@dataclass(frozen=True, slots=True)
class IndexPage:
    section: Section
    blocks: tuple[tuple[PlacedRow, ...], ...]
    continued: bool


def exhibitor_section(plan: Plan) -> Section:
    booths_of: dict[str, list[str]] = defaultdict(list)
    for booth in plan.booths.values():
        if booth.exhibitor_id:
            booths_of[booth.exhibitor_id].append(booth.number)
    rows = []
    for exhibitor in sorted(plan.exhibitors.values(), key=lambda e: name_key(e.name)):
        numbers = sorted(booths_of.get(exhibitor.id, []), key=natural_key)
        sector = " ".join(exhibitor.sector.split())
        rows.append((exhibitor.name, ", ".join(numbers) or NO_BOOTH, sector.capitalize()))
    columns = (Column("Exhibitor", 0.5), Column("Booths", 0.3), Column("Sector", 0.2))
    return Section("Exhibitors A–Z", columns, tuple(rows), "No exhibitors in this plan yet.")


def booth_section(plan: Plan) -> Section:
    names = {e.id: e.name for e in plan.exhibitors.values()}
    rows = []
    for booth in sorted(plan.booths.values(), key=lambda b: natural_key(b.number)):
        label = LABELS.get(booth.status, booth.status)
        rows.append((booth.number, names.get(booth.exhibitor_id or "", ""), label))
    columns = (Column("Booth", 0.16), Column("Exhibitor", 0.6), Column("Status", 0.24))
    return Section("Booths by number", columns, tuple(rows), "No booths in this plan yet.")


def _metrics(frame: Box, k: float) -> tuple[int, float, float, float, float]:
    gap = 6 * MM * k
    blocks = max(1, int((frame.width + gap) / (BLOCK_MM * MM * k + gap)))
    block_w = (frame.width - (blocks - 1) * gap) / blocks
    size = ROW_PT * k
    heading = 14 * k
    return blocks, block_w, gap, size, heading


def paginate(section: Section, frame: Box, k: float) -> list[IndexPage]:
    blocks, block_w, _, size, heading = _metrics(frame, k)
    usable = frame.height - heading * 2.0 - size * 2.0  # page heading, then column headers
    placed = [_place(row, section.columns, block_w, size) for row in section.rows]
    pages: list[IndexPage] = []
    current: list[tuple[PlacedRow, ...]] = []
    block: list[PlacedRow] = []
    used = 0.0
    for row in placed:
        if block and used + row.height > usable:
            current.append(tuple(block))
            block, used = [], 0.0
            if len(current) == blocks:
                pages.append(IndexPage(section, tuple(current), bool(pages)))
                current = []
        block.append(row)
        used += row.height
    if block:
        current.append(tuple(block))
    if current or not pages:
        pages.append(IndexPage(section, tuple(current), bool(pages)))
    return pages


def _place(
    row: tuple[str, ...], columns: tuple[Column, ...], block_w: float, size: float
) -> PlacedRow:
    cells = []
    height = 0.0
    for text, column in zip(row, columns, strict=True):
        width = column.share * block_w - size * 0.8
        lines, fitted = fit_lines(text, width, size, size * 0.75, 1)
        if len(lines) > 1 or fitted < size * 0.75 - 1e-9:
            lines, fitted = fit_lines(text, width, size * 0.85, size * 0.6, 4)
        cells.append((tuple(lines), fitted))
        height = max(height, len(lines) * fitted * 1.2)
    return PlacedRow(tuple(cells), height + size * 0.45)


def draw_index_page(canv: Canvas, page: IndexPage, frame: Box, k: float) -> None:
    _, block_w, gap, size, heading = _metrics(frame, k)
    title = page.section.title + (" (continued)" if page.continued else "")
    draw_text(canv, frame.x0, frame.y1 - heading, title, heading, theme.TEXT_COLOUR, bold=True)
    top = frame.y1 - heading * 2.0
    if not page.blocks:
        draw_text(canv, frame.x0, top - size, page.section.empty_text, size, "#455a64")
    for b, rows in enumerate(page.blocks):
        x0 = frame.x0 + b * (block_w + gap)
        x = x0
        for column in page.section.columns:
            draw_text(canv, x + size * 0.4, top - size, column.header, size, "#455a64", bold=True)
            x += column.share * block_w
        canv.saveState()
        canv.setStrokeColor(HexColor(theme.BOOTH_STROKE))
        canv.setLineWidth(0.6)
        canv.line(x0, top - size * 1.5, x0 + block_w, top - size * 1.5)
        canv.restoreState()
        y = top - size * 2.0
        for index, row in enumerate(rows):
            if index % 2:
                canv.saveState()
                canv.setFillColor(HexColor("#f1f3f6"))
                canv.rect(x0, y - row.height, block_w, row.height, stroke=0, fill=1)
                canv.restoreState()
            x = x0
            for (lines, fitted), column in zip(row.cells, page.section.columns, strict=True):
                line_y = y - size * 0.2
                for line in lines:
                    line_y -= fitted * 1.05
                    draw_text(canv, x + size * 0.4, line_y, line, fitted, theme.TEXT_COLOUR)
                    line_y -= fitted * 0.15
                x += column.share * block_w
            y -= row.height
