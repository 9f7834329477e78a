"""Cut an irregular region into parts that each take their own row direction.

An L-shaped hall, a pavement that bends, a hall that is two rooms joined: one row pattern over
the whole shape wastes the part that runs the other way. Each reflex corner (an inside corner)
suggests cuts: the continuation of either wall that meets there, and the shortest line to
another corner. The packer tries the region whole and cut, and keeps what holds more booths;
an aisle is kept along every cut so the parts' aisles join up.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import split

MAX_CORNERS = 3  # reflex corners tried per region (the sharpest)
MAX_CUTS = 2  # cuts tried per corner (the shortest)


def reflex_corners(poly: Polygon) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(corner, incoming direction, outgoing direction) of each inside corner, sharpest first."""
    ring = shapely.orient_polygons(poly).exterior  # counter-clockwise
    xy = np.asarray(ring.coords)[:-1]
    if len(xy) < 5:
        return []
    prev = np.roll(xy, 1, axis=0)
    nxt = np.roll(xy, -1, axis=0)
    a = xy - prev
    b = nxt - xy
    la, lb = np.linalg.norm(a, axis=1), np.linalg.norm(b, axis=1)
    ok = (la > 1e-9) & (lb > 1e-9)
    cross = a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]
    turn = cross / np.where(ok, la * lb, 1)
    reflex = np.flatnonzero(ok & (turn < -0.05))  # a clear inside corner, not a wobble
    reflex = reflex[np.argsort(turn[reflex], kind="stable")][:MAX_CORNERS]
    return [(xy[i], a[i] / la[i], b[i] / lb[i]) for i in reflex]


def candidate_cuts(poly: BaseGeometry, min_area: float) -> list[tuple[list[Polygon], LineString]]:
    """Ways to cut ``poly`` in two or more parts of at least ``min_area`` m², with the cut."""
    out: list[tuple[list[Polygon], LineString]] = []
    if not isinstance(poly, Polygon):  # a multipolygon is not cut
        return out
    reach = float(np.hypot(*np.subtract(poly.bounds[2:], poly.bounds[:2]))) * 2
    corners = np.asarray(poly.exterior.coords)[:-1]
    for corner, d_in, d_out in reflex_corners(poly):
        rays = [
            _first_crossing(poly, LineString([corner, corner + d * reach]), corner)
            for d in (d_in, -d_out)
        ]
        cuts = [c for c in rays if c is not None]
        dist = np.linalg.norm(corners - corner, axis=1)
        for j in np.argsort(dist, kind="stable")[1:4]:
            chord = LineString([corner, corners[j]])
            if poly.buffer(1e-6).contains(chord) and not poly.exterior.contains(chord):
                # A short chord across a bend (a pavement turning) beats the long rays.
                if not cuts or chord.length <= 0.5 * min(c.length for c in cuts):
                    cuts.append(_first_crossing(poly, chord, corner) or chord)
                break
        for cut in sorted(cuts, key=lambda c: c.length)[:MAX_CUTS]:
            # A polygon split by a line falls into polygons.
            parts = [p for p in split(poly, cut).geoms if isinstance(p, Polygon) and p.area > 1e-6]
            if len(parts) >= 2 and all(p.area >= min_area for p in parts):
                out.append((sorted(parts, key=lambda p: -p.area), cut))
    return out


def _first_crossing(poly: Polygon, line: LineString, corner: np.ndarray) -> LineString | None:
    """The piece of ``line`` from ``corner`` to where it first leaves ``poly``."""
    inside = line.intersection(poly)
    for part in shapely.get_parts(inside):
        touches = part.distance(shapely.Point(corner)) < 1e-6
        if part.geom_type == "LineString" and touches and part.length > 1e-3:
            start, end = np.asarray(part.coords)[[0, -1]]
            # Extend a hair past both ends so split() sees a clean crossing.
            d = (end - start) / np.linalg.norm(end - start)
            return LineString([start - d * 1e-6, end + d * 1e-6])
    return None


def cut_strip(cut: LineString, aisle: float, region: BaseGeometry) -> BaseGeometry:
    """The aisle kept along a cut, so the aisles of the parts on either side join up."""
    return shapely.intersection(shapely.buffer(cut, aisle / 2, cap_style="flat"), region)


__all__ = ["candidate_cuts", "cut_strip", "reflex_corners"]
