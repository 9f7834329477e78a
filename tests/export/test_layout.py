"""Page, scale and tiling maths (planner.export.layout): pure, so checked exhaustively."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.export import layout
from planner.export.layout import (
    MM,
    Box,
    canonical_paper,
    choose_orientation,
    fit_scale,
    nice_scale,
    page_layout,
    paper_size,
    parse_scale,
    points_per_metre,
    scale_bar_metres,
    tile_grid,
)


def test_doctests():
    assert doctest.testmod(layout).failed == 0


@pytest.mark.parametrize(
    ("paper", "mm"),
    [
        ("A0", (841, 1189)),
        ("A1", (594, 841)),
        ("A2", (420, 594)),
        ("A3", (297, 420)),
        ("A4", (210, 297)),
        ("letter", (215.9, 279.4)),
        ("tabloid", (279.4, 431.8)),
    ],
)
def test_paper_sizes_in_both_orientations(paper, mm):
    w, h = paper_size(paper, "portrait")
    assert (w / MM, h / MM) == pytest.approx(mm)
    w, h = paper_size(paper.lower(), "landscape")
    assert (w / MM, h / MM) == pytest.approx((mm[1], mm[0]))


def test_unknown_paper_names_the_known_ones():
    with pytest.raises(ValueError, match="A4"):
        canonical_paper("B5")


@pytest.mark.parametrize(
    ("text", "value"), [("1:200", 200), ("200", 200), (" 1 : 250 ", 250), ("FIT", None)]
)
def test_parse_scale(text, value):
    assert parse_scale(text) == value


@pytest.mark.parametrize("text", ["1:0", "abc", "1:-5", "1:nan", "1:1e9"])
def test_parse_scale_refuses_nonsense(text):
    with pytest.raises(ValueError):
        parse_scale(text)


def test_one_metre_at_1_to_200_is_5_mm():
    assert points_per_metre(200) == pytest.approx(5 * MM)


@given(st.floats(min_value=10.0, max_value=50_000.0))  # below 1:10 only whole steps exist
def test_nice_scale_is_round_and_never_larger_than_needed(denominator):
    nice = nice_scale(denominator)
    assert nice >= denominator - 1e-9
    assert nice <= denominator * 1.5 + 1  # the next step up is never far (5 to 7.5)
    digits = str(nice).rstrip("0")
    assert digits in {"1", "125", "15", "2", "25", "3", "4", "5", "75"}


def test_fit_scale_fits_the_limiting_side():
    frame = Box(0, 0, 100 * MM, 50 * MM)
    extent = Box(0, 0, 10, 10)  # 10 m square: height limits, 50 mm for 10 m is 1:200
    assert fit_scale(extent, frame) == pytest.approx(200)


def test_page_layout_keeps_footer_below_frame_and_inside_page():
    for paper in ("A4", "A1"):
        for orientation in ("portrait", "landscape"):
            w, h = paper_size(paper, orientation)
            page = page_layout(w, h)
            assert page.footer.y1 < page.frame.y0
            assert Box(0, 0, w, h).contains_box(page.frame)
            assert Box(0, 0, w, h).contains_box(page.footer)
            assert page.frame.width > 0.8 * w


def test_larger_paper_gets_larger_type():
    assert page_layout(*paper_size("A4", "portrait")).k == pytest.approx(1.0)
    assert page_layout(*paper_size("A1", "portrait")).k > 1.5


def test_orientation_follows_the_floor():
    wide = Box(0, 0, 200, 50)
    tall = Box(0, 0, 50, 200)
    assert choose_orientation("A3", wide, None) == "landscape"
    assert choose_orientation("A3", tall, None) == "portrait"
    assert choose_orientation("A3", Box(0, 0, 300, 40), 500) == "landscape"  # 2 pages, not 3


def test_map_that_fits_is_one_tile_without_overlap():
    grid = tile_grid(Box(0, 0, 20, 10), Box(0, 0, 400, 300), 200)
    assert (grid.rows, grid.cols) == (1, 1)
    assert grid.overlap_m == 0
    assert grid.fits_one_page
    assert grid.tiles[0].label == "A1"


@settings(max_examples=50, deadline=None)
@given(
    width=st.floats(1, 1000),
    height=st.floats(1, 1000),
    scale=st.sampled_from([100, 200, 500, 1000]),
    frame_w=st.floats(300, 3000),
    frame_h=st.floats(300, 3000),
)
def test_tiles_cover_the_map_and_overlap_their_neighbours(width, height, scale, frame_w, frame_h):
    extent = Box(-width / 3, 7.0, width * 2 / 3, 7.0 + height)
    frame = Box(0, 0, frame_w, frame_h)
    grid = tile_grid(extent, frame, scale)
    ppm = points_per_metre(scale)
    assert len(grid.tiles) == grid.rows * grid.cols
    assert grid.covered.contains_box(extent, tolerance=1e-6)
    for tile in grid.tiles:
        # every tile is exactly one frame of floor at this scale
        assert tile.area.width * ppm == pytest.approx(frame.width)
        assert tile.area.height * ppm == pytest.approx(frame.height)
    by_place = {(t.row, t.col): t.area for t in grid.tiles}
    for (row, col), area in by_place.items():
        east = by_place.get((row, col + 1))
        if east is not None:
            assert area.x1 - east.x0 == pytest.approx(grid.overlap_m)
            assert grid.overlap_m > 0
        south = by_place.get((row + 1, col))
        if south is not None:  # rows run north to south
            assert area.y0 - south.y1 == pytest.approx(-grid.overlap_m)
    # No tile is wasted: without the last column the map would not be covered.
    if grid.cols > 1:
        step = by_place[(0, 1)].x0 - by_place[(0, 0)].x0
        assert grid.covered.width - step < extent.width + 1e-6


def test_tile_labels_are_row_letters_and_column_numbers():
    grid = tile_grid(Box(0, 0, 300, 200), Box(0, 0, 100 * MM, 100 * MM), 1000)
    labels = [t.label for t in grid.tiles]
    assert labels[0] == "A1"
    assert f"B{grid.cols}" in labels
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("scale", [50, 200, 1000, 5000])
def test_scale_bar_is_round_and_fits(scale):
    ppm = points_per_metre(scale)
    metres = scale_bar_metres(ppm, 60 * MM)
    assert metres * ppm <= 60 * MM + 1e-6
    assert metres * ppm > 60 * MM / 5  # not absurdly short
    assert str(metres).rstrip("0").rstrip(".").lstrip("0.")[0] in "125"
