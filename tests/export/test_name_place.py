"""Hall and zone names on paper never sit over a booth, on every sample layout and paper."""

from __future__ import annotations

import doctest
import io
from pathlib import Path

import pytest
import shapely
from reportlab.pdfgen.canvas import Canvas

from planner.export import name_place
from planner.export.furniture import TitleInfo
from planner.export.job import MapPage, plan_job
from planner.export.layout import Box
from planner.export.map_page import draw_map_page
from planner.export.options import PdfOptions
from planner.formats.plan_file import read_plan

LAYOUTS = Path(__file__).resolve().parents[2] / "layouts"
SAMPLES = sorted(LAYOUTS.glob("*.boothplan"))
PAPERS = [("A1", 200), ("A3", None), ("A1", None)]


def test_doctests():
    assert doctest.testmod(name_place).failed == 0


def _drawn_names(plan, options):
    """Draw every map page of the job as write_pdf would; the painter's placed names."""
    job = plan_job(plan, options)
    canv = Canvas(io.BytesIO(), pagesize=(job.layout.width, job.layout.height))
    title = TitleInfo(plan.info.name, "", "", "1", "2025-11-20", "", 1, 1)
    for page in job.pages:
        if isinstance(page, MapPage):
            draw_map_page(canv, job, page, title)
            canv.showPage()
    return job.painter.placed_names


def _metres(placed: name_place.PlacedName):
    t, b = placed.transform, placed.box
    x0 = t.origin[0] + (b.x0 - t.at[0]) / t.ppm
    y0 = t.origin[1] + (b.y0 - t.at[1]) / t.ppm
    return shapely.box(x0, y0, x0 + b.width / t.ppm, y0 + b.height / t.ppm)


def _visible(placed: name_place.PlacedName) -> bool:
    f, b = placed.frame, placed.box
    return b.x0 < f.x1 and f.x0 < b.x1 and b.y0 < f.y1 and f.y0 < b.y1


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("paper", "scale"), PAPERS)
def test_hall_and_zone_names_cover_no_booth(path, paper, scale):
    plan = read_plan(path)
    placed = _drawn_names(plan, PdfOptions(paper=paper, scale=scale))
    booths = [b.geometry for b in plan.booths.values() if b.geometry is not None]
    tree = shapely.STRtree(booths)
    visible = [p for p in placed if _visible(p)]
    for p in visible:
        label = _metres(p)
        for index in tree.query(label, "intersects"):
            overlap = label.intersection(booths[index]).area
            assert overlap < 1e-6, f"{p.kind} name {p.name!r} covers a booth on {paper}"
    # Every hall's name is printed somewhere, whole, inside the map frame.
    whole = {p.name for p in visible if p.kind == "hall" and _inside(p.box, p.frame)}
    assert whole >= {h.name for h in plan.halls.values() if h.name.strip()}


def _inside(box: Box, frame: Box) -> bool:
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def test_slanted_hall_name_sits_beside_its_corner_outside_the_hall():
    """Vườn hoa Kim Đồng is a pentagon: its name used to run from the left corner over booths."""
    plan = read_plan(LAYOUTS / "haiphong-tranphu-sidewalk.boothplan")
    placed = _drawn_names(plan, PdfOptions(paper="A1", scale=200))
    hall = next(h for h in plan.halls.values() if h.name == "Vườn hoa Kim Đồng")
    mine = [p for p in placed if p.name == hall.name and _inside(p.box, p.frame)]
    assert mine
    for p in mine:
        label = _metres(p)
        assert label.intersection(hall.geometry).area < 0.05 * label.area  # outside the hall
        assert label.distance(hall.geometry) < 1.0  # but right beside it
