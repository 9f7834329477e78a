"""Which entity is under a point, or inside a rectangle: an STRtree per plan, built on demand."""

from __future__ import annotations

import shapely
from shapely.geometry import Point, box

from planner.model import Plan

# Topmost first, as drawn: a click on a column inside a booth picks the column.
PICK_ORDER: tuple[str, ...] = ("obstacles", "doors", "booths", "zones", "halls")


def _shape(table: str, entity):
    return entity.line if table == "doors" else entity.geometry


class PlanIndex:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._trees: dict[str, tuple[shapely.STRtree, list[str], list]] = {}

    def _tree(self, table: str):
        found = self._trees.get(table)
        if found is None:
            entities = list(self.plan.table(table).values())
            geoms = [_shape(table, e) for e in entities]
            found = (shapely.STRtree(geoms), [e.id for e in entities], geoms)
            self._trees[table] = found
        return found

    def at(
        self, x: float, y: float, tolerance: float = 0.0, tables=PICK_ORDER
    ) -> tuple[str, str] | None:
        point = Point(x, y)
        for table in tables:
            tree, ids, geoms = self._tree(table)
            if not ids:
                continue
            probe = point.buffer(max(tolerance, 0.6)) if table == "doors" else point
            hits = tree.query(probe, predicate="intersects")
            if len(hits):
                # The smallest hit wins (a booth inside a zone inside a hall).
                best = min(hits, key=lambda i: geoms[i].area if table != "doors" else 0)
                return (table, ids[best])
        return None

    def in_rect(self, x0: float, y0: float, x1: float, y1: float, tables=PICK_ORDER):
        """Keys of entities lying wholly inside the rectangle (rubber-band selection)."""
        rect = box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        found: list[tuple[str, str]] = []
        for table in tables:
            tree, ids, _ = self._tree(table)
            if ids:
                found.extend(
                    (table, ids[i]) for i in sorted(tree.query(rect, predicate="contains"))
                )
        return found

    def vertices_near(self, x: float, y: float, radius: float, tables=PICK_ORDER):
        """Corner points of entities within ``radius`` of the point, nearest first."""
        point = Point(x, y)
        area = point.buffer(radius)
        found: list[tuple[float, tuple[float, float]]] = []
        for table in tables:
            tree, ids, geoms = self._tree(table)
            if not ids:
                continue
            for i in tree.query(area, predicate="intersects"):
                for vx, vy in shapely.get_coordinates(geoms[i]):
                    d = ((vx - x) ** 2 + (vy - y) ** 2) ** 0.5
                    if d <= radius:
                        found.append((d, (float(vx), float(vy))))
        found.sort()
        return [p for _, p in found]

    def edges_near(self, x: float, y: float, radius: float, tables=PICK_ORDER):
        """Nearest point on any outline within ``radius``, with its edge, or ``None``."""
        point = Point(x, y)
        area = point.buffer(radius)
        best = None
        for table in tables:
            tree, ids, geoms = self._tree(table)
            if not ids:
                continue
            for i in tree.query(area, predicate="intersects"):
                boundary = geoms[i] if table == "doors" else geoms[i].boundary
                d = boundary.distance(point)
                if d <= radius and (best is None or d < best[0]):
                    nearest = boundary.interpolate(boundary.project(point))
                    best = (d, (nearest.x, nearest.y), table, ids[i])
        return best
