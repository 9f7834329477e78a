"""Page, scale and tiling maths for printed maps. Pure: numbers in, numbers out, no reportlab.

Units: paper in PostScript points (1/72 inch), the floor in metres (x east, y north). A scale
is the denominator of the ratio: ``200`` means 1:200, one metre on the floor is 5 mm on paper.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.model.natural_order import row_letters

MM = 72.0 / 25.4  # points per millimetre

# Paper sizes in millimetres, portrait (width, height).
PAPERS_MM: dict[str, tuple[float, float]] = {
    "A0": (841.0, 1189.0),
    "A1": (594.0, 841.0),
    "A2": (420.0, 594.0),
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "letter": (215.9, 279.4),
    "tabloid": (279.4, 431.8),
}
ORIENTATIONS: tuple[str, ...] = ("auto", "portrait", "landscape")

MARGIN_MM = 10.0
FOOTER_MM = 30.0  # title block, legend, scale bar: at A4; larger paper gets a larger footer
GAP_MM = 4.0  # between the map frame and the footer
TILE_OVERLAP_MM = 15.0  # each tile repeats this much of its neighbour, for gluing and reading
NICE_STEPS: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5)


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle (points on paper or metres on the floor)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)

    def contains_box(self, other: Box, tolerance: float = 1e-6) -> bool:
        return (
            other.x0 >= self.x0 - tolerance
            and other.y0 >= self.y0 - tolerance
            and other.x1 <= self.x1 + tolerance
            and other.y1 <= self.y1 + tolerance
        )

    def inset(self, d: float) -> Box:
        return Box(self.x0 + d, self.y0 + d, self.x1 - d, self.y1 - d)


def canonical_paper(name: str) -> str:
    """The paper key for ``name`` (case forgiven); ValueError naming the known sizes."""
    for key in PAPERS_MM:
        if key.lower() == name.strip().lower():
            return key
    raise ValueError(f"unknown paper size {name!r} (known: {', '.join(PAPERS_MM)})")


def paper_size(paper: str, orientation: str) -> tuple[float, float]:
    """Page (width, height) in points; ``orientation`` is "portrait" or "landscape".

    >>> [round(v / MM) for v in paper_size("A1", "portrait")]
    [594, 841]
    >>> [round(v / MM) for v in paper_size("A4", "landscape")]
    [297, 210]
    """
    w, h = PAPERS_MM[canonical_paper(paper)]
    if orientation == "landscape":
        w, h = h, w
    return (w * MM, h * MM)


def parse_scale(text: str) -> int | None:
    """``"1:200"`` or ``"200"`` gives 200; ``"fit"`` gives None. ValueError otherwise.

    >>> parse_scale("1:200"), parse_scale("500"), parse_scale("fit")
    (200, 500, None)
    """
    value = text.strip().lower().replace(" ", "")
    if value == "fit":
        return None
    if value.startswith("1:"):
        value = value[2:]
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"scale {text!r} is not like 1:200 or fit") from None
    if not math.isfinite(number) or number < 1 or number > 100_000:
        raise ValueError(f"scale {text!r} is out of range (1:1 to 1:100000)")
    return round(number)


def points_per_metre(scale: float) -> float:
    """How many points one metre of floor takes on paper at 1:``scale``.

    >>> round(points_per_metre(200) / MM, 3)  # 1 m at 1:200 is 5 mm
    5.0
    """
    return 1000.0 * MM / scale


def type_factor(page_w: float, page_h: float) -> float:
    """How much larger text and furniture are than on A4 (grows gently with the paper)."""
    short = min(page_w, page_h) / MM
    return max(1.0, math.sqrt(short / 210.0))


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Where things go on one map page: the map frame and the footer strip below it."""

    width: float
    height: float
    frame: Box
    footer: Box
    k: float  # type factor: 1 on A4, about 1.7 on A1

    @property
    def margin(self) -> float:
        return MARGIN_MM * MM


def page_layout(page_w: float, page_h: float) -> PageLayout:
    k = type_factor(page_w, page_h)
    m = MARGIN_MM * MM
    footer_h = FOOTER_MM * MM * k
    footer = Box(m, m, page_w - m, m + footer_h)
    frame = Box(m, footer.y1 + GAP_MM * MM * k, page_w - m, page_h - m)
    return PageLayout(page_w, page_h, frame, footer, k)


def fit_scale(extent: Box, frame: Box) -> float:
    """The exact scale denominator at which ``extent`` (metres) just fills ``frame`` (points)."""
    need_w = extent.width * 1000.0 * MM / max(frame.width, 1e-9)
    need_h = extent.height * 1000.0 * MM / max(frame.height, 1e-9)
    return max(need_w, need_h, 1e-9)


def nice_scale(denominator: float) -> int:
    """The smallest round scale (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5 x 10^n) not below it.

    People read and measure with round scales, so a fitted map says 1:250, not 1:237.

    >>> nice_scale(237.4), nice_scale(200), nice_scale(1001), nice_scale(0.3)
    (250, 200, 1250, 1)
    """
    if denominator <= 1:
        return 1
    exponent = math.floor(math.log10(denominator))
    for e in (exponent, exponent + 1):
        for step in NICE_STEPS:
            value = step * 10.0**e
            if value >= denominator - 1e-9 and float(value).is_integer():
                return int(value)
    return math.ceil(denominator)  # pragma: no cover - the loop always finds one


def choose_orientation(paper: str, extent: Box, scale: int | None, room: float = 0.0) -> str:
    """Portrait or landscape, whichever shows ``extent`` larger (fit) or on fewer tiles.

    ``room`` (points) is kept free around the floor for the names drawn outside its edges.
    """
    best: tuple[float, str] | None = None
    for orientation in ("landscape", "portrait"):
        layout = page_layout(*paper_size(paper, orientation))
        if scale is None:
            cost = fit_scale(extent, layout.frame.inset(room))
        else:
            padded = extent.inset(-room / points_per_metre(scale))
            grid = tile_grid(padded, layout.frame, scale)
            cost = grid.rows * grid.cols
        if best is None or cost < best[0] - 1e-9:
            best = (cost, orientation)
    assert best is not None
    return best[1]


@dataclass(frozen=True, slots=True)
class Tile:
    """One page of a tiled map: the floor it shows (metres) and its name on the overview."""

    row: int  # 0 is the northernmost row
    col: int  # 0 is the westernmost column
    area: Box  # metres

    @property
    def label(self) -> str:
        return f"{row_letters(self.row)}{self.col + 1}"


@dataclass(frozen=True, slots=True)
class TileGrid:
    rows: int
    cols: int
    tiles: tuple[Tile, ...]
    overlap_m: float  # how much of the floor two neighbouring tiles share
    covered: Box  # the floor the whole grid covers (centred on the map's extent)

    @property
    def fits_one_page(self) -> bool:
        return self.rows == 1 and self.cols == 1


def tile_grid(
    extent: Box, frame: Box, scale: float, overlap_pt: float = TILE_OVERLAP_MM * MM
) -> TileGrid:
    """Cut ``extent`` (metres) into pages of ``frame`` (points) at 1:``scale``.

    Neighbouring tiles share ``overlap_pt`` of paper; the grid is centred on the extent, so
    the spare paper is shared out evenly around the map.

    >>> grid = tile_grid(Box(0, 0, 100, 40), Box(0, 0, 100 * MM, 100 * MM), 500)
    >>> grid.rows, grid.cols  # 100 mm of paper is 50 m at 1:500, 15 mm overlap is 7.5 m
    (1, 3)
    """
    ppm = points_per_metre(scale)
    page_w, page_h = frame.width / ppm, frame.height / ppm
    overlap = min(overlap_pt / ppm, 0.5 * min(page_w, page_h))
    cols = _count(extent.width, page_w, page_w - overlap)
    rows = _count(extent.height, page_h, page_h - overlap)
    covered_w = page_w + (cols - 1) * (page_w - overlap)
    covered_h = page_h + (rows - 1) * (page_h - overlap)
    cx, cy = extent.centre
    covered = Box(cx - covered_w / 2, cy - covered_h / 2, cx + covered_w / 2, cy + covered_h / 2)
    tiles = []
    for row in range(rows):
        top = covered.y1 - row * (page_h - overlap)
        for col in range(cols):
            left = covered.x0 + col * (page_w - overlap)
            tiles.append(Tile(row, col, Box(left, top - page_h, left + page_w, top)))
    return TileGrid(rows, cols, tuple(tiles), overlap if rows * cols > 1 else 0.0, covered)


def _count(length: float, page: float, step: float) -> int:
    if length <= page + 1e-9:
        return 1
    return 1 + math.ceil((length - page) / step - 1e-9)


@dataclass(frozen=True, slots=True)
class Transform:
    """Floor metres to page points: the floor point ``origin`` lands on page point ``at``."""

    ppm: float  # points per metre
    origin: tuple[float, float]
    at: tuple[float, float]

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.at[0] + (x - self.origin[0]) * self.ppm,
            self.at[1] + (y - self.origin[1]) * self.ppm,
        )


def centred_transform(area: Box, frame: Box, scale: float) -> Transform:
    """Draw floor ``area`` at 1:``scale`` with its centre on the centre of ``frame``."""
    return Transform(points_per_metre(scale), area.centre, frame.centre)


def scale_bar_metres(ppm: float, max_pt: float) -> float:
    """The longest round length (1, 2, 5 x 10^n metres) whose bar fits in ``max_pt``.

    >>> scale_bar_metres(points_per_metre(200), 60 * MM)  # 60 mm at 1:200 is 12 m
    10.0
    """
    limit = max_pt / ppm
    exponent = math.floor(math.log10(limit))
    best = 10.0**exponent
    for step in (1.0, 2.0, 5.0, 10.0):
        value = step * 10.0**exponent
        if value <= limit + 1e-9:
            best = value
    return best
