"""One map page: the floor (whole, a tile, the overview or an exhibitor's call-out), then the
footer with title block, legend and scale."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from planner import theme
from planner.export.callout import draw_callout
from planner.export.colours import LegendEntry, mix
from planner.export.furniture import (
    TitleInfo,
    draw_crop_marks,
    draw_legend,
    draw_scale_box,
    draw_title_block,
    footer_boxes,
)
from planner.export.job import Job, MapPage
from planner.export.layout import Box, Transform, centred_transform
from planner.export.map_draw import zone_hatch_colour
from planner.export.tiles import draw_overview_grid, draw_tile_marks

DIMMED_FORM = "dimmed-map"


def draw_map_page(canv: Canvas, job: Job, page: MapPage, title: TitleInfo) -> None:
    layout = job.layout
    frame = layout.frame
    transform: Transform = centred_transform(page.area, frame, page.scale)
    if page.target is not None:
        # Every exhibitor page shares one dimmed map, stored once in the PDF as a form.
        if DIMMED_FORM not in job.forms:
            canv.beginForm(DIMMED_FORM)
            job.painter.draw(canv, transform, frame, dim=True)
            canv.endForm()
            job.forms.add(DIMMED_FORM)
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
    # The legend is the same on every page of a kind: drawn once, as a form, then reused.
    legend_form = f"legend-{int(page.target is not None)}"
    if legend_form not in job.forms:
        canv.beginForm(legend_form)
        draw_legend(canv, legend_box, legend_entries(job, page.target is not None), layout.k)
        canv.endForm()
        job.forms.add(legend_form)
    canv.doForm(legend_form)
    draw_scale_box(canv, scale_box, page.scale, transform.ppm, job.options.paper, layout.k)


def _frame_line(canv: Canvas, frame: Box) -> None:
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.setStrokeColor(HexColor(theme.BOOTH_STROKE))
    canv.rect(frame.x0, frame.y0, frame.width, frame.height, stroke=1, fill=0)
    canv.restoreState()


def legend_entries(job: Job, highlighted: bool) -> list[LegendEntry]:
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
