"""What a print job will be, decided before anything is drawn: orientation, scale, tiling and
the list of pages (so every page knows the page count for its "Page n of m")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planner.export.colours import BoothColours
from planner.export.index_pages import IndexPage, booth_section, exhibitor_section, paginate
from planner.export.layout import (
    MM,
    Box,
    PageLayout,
    Tile,
    TileGrid,
    choose_orientation,
    fit_scale,
    nice_scale,
    page_layout,
    paper_size,
    points_per_metre,
    tile_grid,
)
from planner.export.map_draw import MapPainter
from planner.export.options import PdfOptions, PdfOptionsError
from planner.export.scene import Scene
from planner.export.targets import (
    Target,
    booth_target,
    every_exhibitor,
    exhibitor_target,
    find_exhibitor,
)
from planner.model import Plan

LABEL_ROOM_MM = 9.0  # paper kept around the floor for hall names and door labels (at A4)
MAX_TILES = 300  # more pages than this is a mistake in the scale, not a print job


@dataclass(slots=True)
class MapPage:
    """A page showing the floor: whole, one tile, the tiles' overview or an exhibitor's map."""

    subtitle: str
    scale: int
    area: Box  # the floor shown, metres
    tile: Tile | None = None
    overview: TileGrid | None = None
    target: Target | None = None


@dataclass(slots=True)
class Job:
    """Everything the pages of one PDF share, and the pages themselves."""

    plan: Plan
    options: PdfOptions
    layout: PageLayout
    orientation: str
    scene: Scene
    painter: MapPainter
    pages: list[MapPage | IndexPage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    grid: TileGrid | None = None
    scale: int = 0
    forms: set[str] = field(default_factory=set)  # drawings shared by pages, already in the PDF


def plan_job(plan: Plan, options: PdfOptions) -> Job:
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
    job = Job(plan, options, layout, orientation, scene, painter)
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
        job.pages += [MapPage(t.subtitle, scale, area, target=t) for t in targets]
    elif grid.fits_one_page:
        job.pages.append(MapPage(f"Floor map, {mode}", scale, grid.tiles[0].area))
    else:
        # Tiles over empty floor (beside an L-shaped hall, say) are left out.
        grid = replace(grid, tiles=tuple(t for t in grid.tiles if scene.occupied(t.area)))
        count = len(grid.tiles)
        if count > MAX_TILES:
            raise PdfOptionsError(
                f"PDF export: at 1:{scale} the map needs {count} pages of {options.paper}; "
                f"choose a smaller scale (it fits one page at 1:{fitted}) or larger paper."
            )
        job.grid = grid
        job.pages.append(
            MapPage(
                f"Overview: the map at 1:{scale} is printed on {count} tiles "
                f"(grid {grid.cols} across, {grid.rows} down), pages 2 to {count + 1}",
                fitted,
                _padded(scene.extent, room, fitted),
                overview=grid,
            )
        )
        for number, tile in enumerate(grid.tiles, start=1):
            job.pages.append(
                MapPage(
                    f"Map tile {tile.label} ({number} of {count}), {mode}",
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
