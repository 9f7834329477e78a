"""Which booths touch which, side by side, found from the geometry alone.

Two booths are *neighbours* when a side of one lies along a side of the other for at least
``min_contact`` metres; touching at a corner only, or along a sliver, does not count. A side is
*open* when nothing closes it: no other booth touches it along that side and it does not stand
against a hall's wall. Pricing uses open sides for corner booths, allocation uses neighbours for
groups of booths that form one stand.

The work is vectorised with shapely 2 (one STRtree query, array intersections), so a floor of
thousands of booths takes milliseconds, and any rotation of the rectangles is handled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import LineString, Polygon

from planner.model.entities import Booth, Hall

TOLERANCE = 0.01  # m: booths this close count as touching (files carry rounded coordinates)
MIN_TOUCH = 0.05  # m: a contact shorter than this is a corner, not a shared stretch of side
NEIGHBOUR_CONTACT = 1.0  # m: booths sharing at least this much of a side form one stand


@dataclass(frozen=True, slots=True)
class SideContacts:
    """For each booth: its sides, and how much of each side other booths or walls cover.

    ``contact[(a, b)]`` is the length along which booth ``a`` touches booth ``b`` (symmetric).
    ``open_sides[a]`` counts the sides of ``a`` that neither a booth nor a wall touches.
    """

    contact: dict[tuple[str, str], float]
    open_sides: dict[str, int]

    def neighbours(self, min_contact: float = NEIGHBOUR_CONTACT) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {booth_id: set() for booth_id in self.open_sides}
        for (a, b), length in self.contact.items():
            if length >= min_contact:
                result[a].add(b)
        return result


def polygon_sides(polygon: Polygon) -> list[LineString]:
    """The straight sides of a polygon's outline (a rectangle has four).

    >>> from shapely import box
    >>> [round(s.length, 1) for s in polygon_sides(box(0, 0, 3, 2))]
    [2.0, 3.0, 2.0, 3.0]
    """
    ring = shapely.simplify(polygon.exterior, 1e-9)  # drops repeated and collinear points
    coords = list(ring.coords)
    return [LineString([coords[i], coords[i + 1]]) for i in range(len(coords) - 1)]


def _sides_of(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every side of every polygon as a line, and the index of the polygon it belongs to."""
    rings = shapely.simplify(shapely.get_exterior_ring(geometries), 1e-9)
    coords, owner = shapely.get_coordinates(rings, return_index=True)
    same_ring = owner[:-1] == owner[1:]  # consecutive points of one ring make a side
    starts, ends = coords[:-1][same_ring], coords[1:][same_ring]
    sides = shapely.linestrings(np.stack([starts, ends], axis=1))
    assert isinstance(sides, np.ndarray)  # an array of point pairs makes an array of lines
    return sides, owner[:-1][same_ring]


def _collinear_overlaps(
    sides: np.ndarray, owner: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j) of sides of different booths lying on one line (within the tolerance), and
    the length along which side j covers side i, for the pairs covering at least MIN_TOUCH.

    Pure arithmetic on the end points (no polygon clipping), so thousands of booths take a few
    milliseconds; a corner-to-corner touch overlaps by zero and does not count.
    """
    # Envelopes grown by the tolerance find the candidates; the arithmetic below decides.
    bounds = shapely.bounds(sides) + np.array([-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE])
    first, second = shapely.STRtree(sides).query(shapely.box(*bounds.T))
    keep = owner[first] != owner[second]
    first, second = first[keep], second[keep]
    ends = shapely.get_coordinates(sides).reshape(-1, 2, 2)
    p0: NDArray[np.float64] = ends[first, 0]
    p1: NDArray[np.float64] = ends[first, 1]
    q0, q1 = ends[second, 0], ends[second, 1]
    length = np.hypot(*(p1 - p0).T)
    unit: NDArray[np.float64] = (p1 - p0) / np.maximum(length, 1e-12)[:, None]

    def along(q: NDArray[np.float64]) -> NDArray[np.float64]:
        dot: NDArray[np.float64] = np.einsum("ij,ij->i", q - p0, unit)  # numpy types it Any
        return dot

    def off_line(q: NDArray[np.float64]) -> np.ndarray:
        d = q - p0
        return np.abs(d[:, 0] * unit[:, 1] - d[:, 1] * unit[:, 0])

    t0, t1 = along(q0), along(q1)
    lo = np.clip(np.minimum(t0, t1), 0.0, length)
    hi = np.clip(np.maximum(t0, t1), 0.0, length)
    overlap = hi - lo
    on_line = (off_line(q0) <= TOLERANCE) & (off_line(q1) <= TOLERANCE)
    good = on_line & (overlap >= MIN_TOUCH)
    return first[good], second[good], overlap[good]


def side_contacts(booths: Iterable[Booth], halls: Iterable[Hall] = ()) -> SideContacts:
    """Measure how every booth's sides touch other booths and the halls' walls."""
    booth_list = list(booths)
    ids = [b.id for b in booth_list]
    open_sides = {booth_id: 0 for booth_id in ids}
    contact: dict[tuple[str, str], float] = {}
    if not booth_list:
        return SideContacts(contact, open_sides)

    geometries = np.array([b.geometry for b in booth_list], dtype=object)
    side_array, owner_array = _sides_of(geometries)
    covered = np.zeros(len(side_array), dtype=float)

    # Booth against booth: sides that lie on one line, measured by how far they overlap.
    first, second, overlap = _collinear_overlaps(side_array, owner_array)
    np.add.at(covered, first, overlap)
    for s, o, length in zip(first, second, overlap, strict=True):
        key = (ids[owner_array[s]], ids[owner_array[o]])
        contact[key] = contact.get(key, 0.0) + float(length)

    # Booth against wall: a side along a hall's outline is not open to visitors.
    walls = np.array([h.geometry.boundary for h in halls], dtype=object)
    if len(walls):
        # Exact distance first, so only sides really along a wall meet the costly clipping.
        side_index, wall = shapely.STRtree(walls).query(
            side_array, predicate="dwithin", distance=TOLERANCE
        )
        if len(side_index):
            grown_walls = shapely.buffer(walls, TOLERANCE, cap_style="flat")
            lengths = shapely.length(
                shapely.intersection(side_array[side_index], grown_walls[wall])
            )
            touching = lengths >= MIN_TOUCH
            np.add.at(covered, side_index[touching], lengths[touching])

    for s, amount in enumerate(covered):
        if amount < MIN_TOUCH:
            open_sides[ids[owner_array[s]]] += 1
    # Contact measured from a's sides and from b's sides can differ by rounding: take the larger.
    for a, b in list(contact):
        both = max(contact.get((a, b), 0.0), contact.get((b, a), 0.0))
        contact[(a, b)] = contact[(b, a)] = both
    return SideContacts(contact, open_sides)


__all__ = [
    "MIN_TOUCH",
    "NEIGHBOUR_CONTACT",
    "TOLERANCE",
    "SideContacts",
    "polygon_sides",
    "side_contacts",
]
