"""Printable PDF maps and indexes of a plan: the public entry points of ``planner.export``.

``write_pdf(plan, path, options)`` writes the file atomically (a temporary file beside the
target, then ``os.replace``), so a failed export leaves any earlier file as it was;
``render_pdf(plan, options)`` gives the bytes and the summary, for previews.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from planner import theme
from planner.errors import BoothplanError
from planner.export.callout import draw_callout
from planner.export.colours import BoothColours, LegendEntry, mix
from planner.export.fonts import register_font
from planner.export.furniture import (
    TitleInfo,
    draw_crop_marks,
    draw_legend,
    draw_scale_box,
    draw_title_block,
    footer_boxes,
)
from planner.export.index_pages import (
    IndexPage,
    booth_section,
    draw_index_page,
    exhibitor_section,
    paginate,
)
from planner.export.layout import (
    MM,
    Box,
    PageLayout,
    Tile,
    TileGrid,
    Transform,
    centred_transform,
    choose_orientation,
    fit_scale,
    nice_scale,
    page_layout,
    paper_size,
    points_per_metre,
    tile_grid,
)
from planner.export.map_draw import MapPainter, zone_hatch_colour
from planner.export.options import PdfOptions, PdfOptionsError, PdfSummary
from planner.export.scene import Scene
from planner.export.targets import Target, booth_target, every_exhibitor, exhibitor_target
from planner.export.targets import find_exhibitor as find_exhibitor
from planner.export.tiles import draw_overview_grid, draw_tile_marks
from planner.model import Plan

DIMMED_FORM = "dimmed-map"
LABEL_ROOM_MM = 9.0  # paper kept around the floor for hall names and door labels (at A4)

__all__ = ["PdfOptions", "PdfSummary", "render_pdf", "render_pdf_bytes", "write_pdf"]


@dataclass(slots=True)
class _MapPage:
    subtitle: str
    scale: int
    area: Box  # the floor shown, metres
    tile: Tile | None = None
    overview: TileGrid | None = None
    target: Target | None = None


@dataclass(slots=True)
class _Job:
    plan: Plan
    options: PdfOptions
    layout: PageLayout
    orientation: str
    scene: Scene
    painter: MapPainter
    pages: list[_MapPage | IndexPage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    grid: TileGrid | None = None
    scale: int = 0
    dimmed_form: bool = False


def write_pdf(plan: Plan, path: str | os.PathLike[str], options: PdfOptions) -> PdfSummary:
    """Print ``plan`` to ``path``; the old file, if any, stays until the new one is complete."""
    target = Path(path)
    data, summary = render_pdf(plan, options)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BoothplanError(f"Cannot write {target}: the folder {folder} does not exist.")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise BoothplanError(f"Cannot write {target}: {error.strerror or error}.") from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return _with(summary, path=str(target))


def render_pdf_bytes(plan: Plan, options: PdfOptions) -> bytes:
    """The PDF as bytes (for a preview); nothing is written."""
    return render_pdf(plan, options)[0]


def render_pdf(plan: Plan, options: PdfOptions) -> tuple[bytes, PdfSummary]:
    job = _plan_job(plan, options)
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=(job.layout.width, job.layout.height),
        pageCompression=1,
        initialFontName=register_font(),  # no stray Helvetica: every font is embedded
        initialFontSize=10,
    )
    info = plan.info
    canv.setTitle(info.name)
    canv.setAuthor(info.organizer or "Boothplan")
    canv.setSubject(f"Floor plan, revision {info.revision}")
    canv.setCreator("Boothplan")
    printed = options.printed or datetime.now(UTC).date().isoformat()
    total = len(job.pages)
    for number, page in enumerate(job.pages, start=1):
        subtitle = page.subtitle if isinstance(page, _MapPage) else page.section.title
        title = TitleInfo(
            info.name, info.venue, info.dates, info.revision, printed, subtitle, number, total
        )
        if isinstance(page, _MapPage):
            _draw_map_page(canv, job, page, title)
        else:
            draw_index_page(canv, page, job.layout.frame, job.layout.k)
            title_box, _, _ = footer_boxes(job.layout)
            draw_title_block(
                canv,
                Box(title_box.x0, title_box.y0, job.layout.footer.x1, title_box.y1),
                title,
                job.layout.k,
            )
        canv.showPage()
    canv.save()
    data = buffer.getvalue()
    grid = job.grid
    map_pages = sum(isinstance(p, _MapPage) for p in job.pages)
    summary = PdfSummary(
        path=None,
        paper=options.paper,
        orientation=job.orientation,
        scale=job.scale,
        pages=total,
        map_pages=map_pages,
        index_pages=total - map_pages,
        tiles=(grid.rows, grid.cols) if grid else (1, 1),
        booths=len(job.scene.items),
        names_in_index_only=len(job.painter.names_hidden - job.painter.blank),
        blank_booths=len(job.painter.blank),
        size_bytes=len(data),
        notes=tuple(job.notes),
    )
    return data, summary


def _with(summary: PdfSummary, path: str) -> PdfSummary:
    from dataclasses import replace

    return replace(summary, path=path)


def _plan_job(plan: Plan, options: PdfOptions) -> _Job:
    """Decide orientation, scale, tiling and the list of pages before drawing any."""
    scene = Scene(plan)
    if scene.extent is None:
        raise PdfOptionsError("PDF export: the plan has no halls, zones or booths to print.")
    targets = _targets(plan, options)
    k = page_layout(*paper_size(options.paper, "portrait")).k  # the same either way round
    room = LABEL_ROOM_MM * MM * k
    orientation = options.orientation
    if orientation == "auto":
        orientation = choose_orientation(options.paper, scene.extent, options.scale, room)
    layout = page_layout(*paper_size(options.paper, orientation))
    fitted = nice_scale(fit_scale(scene.extent, layout.frame.inset(room)))
    painter = MapPainter(scene, BoothColours(plan, options.colour_by), k)
    job = _Job(plan, options, layout, orientation, scene, painter)
    scale = options.scale or fitted
    grid = tile_grid(_padded(scene.extent, room, scale), layout.frame, scale)
    mode = f"booths coloured by {options.colour_by}"
    if targets:
        if not grid.fits_one_page:
            job.notes.append(
                f"Exhibitor maps are printed on one page each, so at 1:{fitted} "
                f"(1:{scale} needs {grid.rows * grid.cols} pages)."
            )
            scale = fitted
        area = _padded(scene.extent, room, scale)
        job.pages += [_MapPage(t.subtitle, scale, area, target=t) for t in targets]
    elif grid.fits_one_page:
        job.pages.append(_MapPage(f"Floor map, {mode}", scale, grid.tiles[0].area))
    else:
        job.grid = grid
        count = len(grid.tiles)
        job.pages.append(
            _MapPage(
                f"Overview: the map at 1:{scale} is printed on {count} tiles "
                f"({grid.cols} across, {grid.rows} down), pages 2 to {count + 1}",
                fitted,
                _padded(scene.extent, room, fitted),
                overview=grid,
            )
        )
        for tile in grid.tiles:
            job.pages.append(
                _MapPage(
                    f"Map tile {tile.label} of {count} ({grid.cols} × {grid.rows}), {mode}",
                    scale,
                    tile.area,
                    tile=tile,
                )
            )
    job.scale = scale
    if options.index:
        for section in (exhibitor_section(plan), booth_section(plan)):
            job.pages += paginate(section, layout.frame, k)
    return job


def _targets(plan: Plan, options: PdfOptions) -> list[Target]:
    if options.per_exhibitor:
        targets = every_exhibitor(plan)
        if not targets:
            raise PdfOptionsError("PDF export: no exhibitor has a booth yet, so there is no map.")
        return targets
    if options.exhibitor:
        return [exhibitor_target(plan, find_exhibitor(plan, options.exhibitor))]
    if options.booth:
        return [booth_target(plan, options.booth)]
    return []


def _padded(extent: Box, room_pt: float, scale: int) -> Box:
    return extent.inset(-room_pt / points_per_metre(scale))


def _draw_map_page(canv: Canvas, job: _Job, page: _MapPage, title: TitleInfo) -> None:
    layout = job.layout
    frame = layout.frame
    transform: Transform = centred_transform(page.area, frame, page.scale)
    if page.target is not None:
        # Every exhibitor page shares one dimmed map, stored once in the PDF as a form.
        if not job.dimmed_form:
            canv.beginForm(DIMMED_FORM)
            job.painter.draw(canv, transform, frame, dim=True)
            canv.endForm()
            job.dimmed_form = True
        canv.doForm(DIMMED_FORM)
        lit = page.target.booth_ids
        job.painter.draw_lit(canv, transform, frame, lit)
        items = job.scene.items
        draw_callout(
            canv,
            transform,
            frame,
            [i for i in items if i.booth.id in lit],
            [i for i in items if i.booth.id not in lit],
            page.target.callout,
            layout.k,
        )
    else:
        job.painter.draw(canv, transform, frame, record=page.overview is None)
    if page.overview is not None:
        draw_overview_grid(canv, transform, frame, page.overview, layout.k)
    if page.tile is not None and job.grid is not None:
        draw_crop_marks(canv, frame, layout.k)
        draw_tile_marks(canv, frame, job.grid, page.tile, transform, layout.k)
    else:
        _frame_line(canv, frame)
    title_box, legend_box, scale_box = footer_boxes(layout)
    draw_title_block(canv, title_box, title, layout.k)
    draw_legend(canv, legend_box, _legend(job, page.target is not None), layout.k)
    draw_scale_box(canv, scale_box, page.scale, transform.ppm, job.options.paper, layout.k)


def _frame_line(canv: Canvas, frame: Box) -> None:
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.setStrokeColor(theme_colour(theme.BOOTH_STROKE))
    canv.rect(frame.x0, frame.y0, frame.width, frame.height, stroke=1, fill=0)
    canv.restoreState()


def theme_colour(hex_colour: str):
    from reportlab.lib.colors import HexColor

    return HexColor(hex_colour)


def _legend(job: _Job, highlighted: bool) -> list[LegendEntry]:
    """The booth colours the map uses, then zones, obstacles and doors that appear on it."""
    for item in job.scene.items:  # every booth's colour, so tiles share one legend
        job.painter.colours.fill(item.booth)
    entries = list(job.painter.colours.legend())
    if highlighted:
        entries.insert(
            0,
            LegendEntry(
                "Called-out booths",
                mix(theme.HIGHLIGHT_COLOUR, "#ffffff", 0.55),
                stroke=theme.HIGHLIGHT_COLOUR,
            ),
        )
    plan = job.plan
    uses = []
    for zone in plan.zones.values():
        if zone.use not in uses:
            uses.append(zone.use)
    for use in uses:
        hatch = theme.ZONE_HATCH.get(use, "horizontal")
        entries.append(
            LegendEntry(
                f"{use.capitalize()} zone", theme.zone_colour(use), hatch, zone_hatch_colour(use)
            )
        )
    if plan.obstacles:
        entries.append(LegendEntry("Column / obstacle", theme.OBSTACLE_FILL))
    kinds = {d.kind for d in plan.doors.values()}
    if "entrance" in kinds:
        entries.append(LegendEntry("Entrance", theme.ENTRANCE_COLOUR))
    if "exit" in kinds:
        entries.append(LegendEntry("EXIT (fire exit)", theme.EXIT_COLOUR))
    return entries
