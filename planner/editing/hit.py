"""Which entity is under a point, or inside a rectangle: an STRtree per table of one plan, built
on demand."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import shapely
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from planner.model import Plan

# Topmost first, as drawn: a click on a column inside a booth picks the column.
PICK_ORDER: tuple[str, ...] = ("obstacles", "doors", "booths", "zones", "halls")

Key = tuple[str, str]


class EdgeHit(NamedTuple):
    """The nearest point on an outline: how far, where, and whose outline."""

    distance: float
    point: tuple[float, float]
    table: str
    id: str


class _Table(NamedTuple):
    tree: shapely.STRtree
    ids: list[str]
    shapes: list[BaseGeometry]


def shape_of(table: str, entity: Any) -> BaseGeometry:
    """The geometry an entity is picked by: a door's line, any other entity's outline."""
    shape: BaseGeometry = entity.line if table == "doors" else entity.geometry
    return shape


class PlanIndex:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._tables: dict[str, _Table] = {}

    def _table(self, table: str) -> _Table:
        found = self._tables.get(table)
        if found is None:
            entities = list(self.plan.table(table).values())
            shapes = [shape_of(table, e) for e in entities]
            found = _Table(shapely.STRtree(shapes), [e.id for e in entities], shapes)
            self._tables[table] = found
        return found

    def at(
        self, x: float, y: float, tolerance: float = 0.0, tables: Sequence[str] = PICK_ORDER
    ) -> Key | None:
        """The topmost entity under the point; of several in one table, the smallest (a booth
        inside a zone inside a hall)."""
        point = Point(x, y)
        for table in tables:
            tree, ids, shapes = self._table(table)
            if not ids:
                continue
            probe = point.buffer(max(tolerance, 0.6)) if table == "doors" else point
            hits = tree.query(probe, predicate="intersects")
            if len(hits):
                best = min(hits, key=lambda i: shapes[i].area if table != "doors" else 0.0)
                return (table, ids[best])
        return None

    def in_rect(
        self, x0: float, y0: float, x1: float, y1: float, tables: Sequence[str] = PICK_ORDER
    ) -> list[Key]:
        """Keys of entities lying wholly inside the rectangle (rubber-band selection)."""
        rect = box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        found: list[Key] = []
        for table in tables:
            tree, ids, _ = self._table(table)
            if ids:
                found.extend(
                    (table, ids[i]) for i in sorted(tree.query(rect, predicate="contains"))
                )
        return found

    def vertices_near(
        self, x: float, y: float, radius: float, tables: Sequence[str] = PICK_ORDER
    ) -> list[tuple[float, float]]:
        """Corner points of entities within ``radius`` of the point, nearest first."""
        area = Point(x, y).buffer(radius)
        found: list[tuple[float, tuple[float, float]]] = []
        for table in tables:
            tree, ids, shapes = self._table(table)
            if not ids:
                continue
            for i in tree.query(area, predicate="intersects"):
                for vx, vy in shapely.get_coordinates(shapes[i]):
                    d = ((vx - x) ** 2 + (vy - y) ** 2) ** 0.5
                    if d <= radius:
                        found.append((float(d), (float(vx), float(vy))))
        found.sort()
        return [p for _, p in found]

    def edges_near(
        self, x: float, y: float, radius: float, tables: Sequence[str] = PICK_ORDER
    ) -> EdgeHit | None:
        """The nearest point on any outline within ``radius``, or ``None``."""
        point = Point(x, y)
        area = point.buffer(radius)
        best: EdgeHit | None = None
        for table in tables:
            tree, ids, shapes = self._table(table)
            if not ids:
                continue
            for i in tree.query(area, predicate="intersects"):
                boundary = shapes[i] if table == "doors" else shapes[i].boundary
                d = float(boundary.distance(point))
                if d <= radius and (best is None or d < best.distance):
                    nearest = boundary.interpolate(boundary.project(point))
                    best = EdgeHit(d, (float(nearest.x), float(nearest.y)), table, ids[i])
        return best
