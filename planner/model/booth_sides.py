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


def side_contacts(booths: Iterable[Booth], halls: Iterable[Hall] = ()) -> SideContacts:
    """Measure how every booth's sides touch other booths and the halls' walls."""
    booth_list = list(booths)
    ids = [b.id for b in booth_list]
    open_sides = {booth_id: 0 for booth_id in ids}
    contact: dict[tuple[str, str], float] = {}
    if not booth_list:
        return SideContacts(contact, open_sides)

    geometries = np.array([b.geometry for b in booth_list], dtype=object)
    sides: list[LineString] = []
    owner: list[int] = []
    for index, booth in enumerate(booth_list):
        for side in polygon_sides(booth.geometry):
            sides.append(side)
            owner.append(index)
    side_array = np.array(sides, dtype=object)
    owner_array = np.array(owner, dtype=np.int64)
    covered = np.zeros(len(sides), dtype=float)

    # Booth against booth: clip each side to the other booth grown by the tolerance.
    tree = shapely.STRtree(geometries)
    side_index, other = tree.query(side_array, predicate="dwithin", distance=TOLERANCE)
    keep = owner_array[side_index] != other
    side_index, other = side_index[keep], other[keep]
    if len(side_index):
        grown = shapely.buffer(geometries, TOLERANCE, join_style="mitre")
        lengths = shapely.length(shapely.intersection(side_array[side_index], grown[other]))
        touching = lengths >= MIN_TOUCH
        np.add.at(covered, side_index[touching], lengths[touching])
        for s, o, length in zip(
            side_index[touching], other[touching], lengths[touching], strict=True
        ):
            key = (ids[owner_array[s]], ids[o])
            contact[key] = contact.get(key, 0.0) + float(length)

    # Booth against wall: a side along a hall's outline is not open to visitors.
    walls = [h.geometry.boundary for h in halls]
    if walls:
        wall_array = shapely.buffer(np.array(walls, dtype=object), TOLERANCE)
        wall_tree = shapely.STRtree(wall_array)
        side_index, wall = wall_tree.query(side_array, predicate="intersects")
        if len(side_index):
            lengths = shapely.length(shapely.intersection(side_array[side_index], wall_array[wall]))
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
