"""A plan made ready for paper once: booth frames, names and the floor's extent.

Several pages (tiles, exhibitor maps) draw the same plan; what they share is computed here once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.export.geometry import RectFrame, bounds_box, rect_frame
from planner.export.layout import Box
from planner.model import Booth, Plan
from planner.model.entities import Hall, Obstacle, Zone
from planner.model.limits import MAX_OUTLINE_CORNERS, OUTLINE_TOLERANCE_M


def light_outlines(plan: Plan) -> Plan:
    """``plan`` with outlines of more corners than paper can show simplified within 1 cm (a
    tenth of a millimetre at 1:100). Placing a hall's name tries a spot beside each corner, so
    a round hall of 20,000 corners took a minute to print, and 200,000 past two."""
    edit = plan.edit()
    lighter = [
        *(_light(hall) for hall in plan.halls.values()),
        *(_light(zone) for zone in plan.zones.values()),
        *(_light(obstacle) for obstacle in plan.obstacles.values()),
    ]
    edit.put_all(entity for entity in lighter if entity is not None)
    patch = edit.build()
    return plan.apply(patch) if patch else plan


_Outlined = TypeVar("_Outlined", Hall, Zone, Obstacle)


def _light(entity: _Outlined) -> _Outlined | None:
    """``entity`` with its outline simplified, or ``None`` when it stays as it is."""
    if shapely.get_num_coordinates(entity.geometry) > MAX_OUTLINE_CORNERS:
        simple = shapely.simplify(entity.geometry, OUTLINE_TOLERANCE_M)
        if not simple.is_empty:
            return replace(entity, geometry=simple)
    return None


@dataclass(frozen=True, slots=True)
class BoothItem:
    booth: Booth
    frame: RectFrame
    bounds: Box
    ring: tuple[tuple[float, ...], ...]
    name: str  # exhibitor name, "" when the booth has none


class Scene:
    """The plan's booths with their frames and names, and the extent of everything drawn."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan = light_outlines(plan)
        names = {e.id: e.name for e in plan.exhibitors.values()}
        self.items: list[BoothItem] = []
        for booth in plan.booths.values():
            geometry: BaseGeometry | None = booth.geometry  # a damaged booth may have none
            if geometry is None or geometry.is_empty:
                continue
            if not isinstance(geometry, Polygon):  # a damaged booth still prints, as its box
                geometry = shapely.oriented_envelope(geometry)
                if not isinstance(geometry, Polygon):
                    continue
            self.items.append(
                BoothItem(
                    booth=booth,
                    frame=rect_frame(geometry),
                    bounds=bounds_box(geometry),
                    ring=tuple(geometry.exterior.coords),
                    name=names.get(booth.exhibitor_id or "", ""),
                )
            )
        self.by_id = {item.booth.id: item for item in self.items}
        self.extent = self._extent()
        self._tree = shapely.STRtree(self._geometries())

    def _geometries(self) -> list[BaseGeometry]:
        plan = self.plan
        found: list[BaseGeometry] = [item.booth.geometry for item in self.items]
        for table in (plan.halls, plan.zones, plan.obstacles):
            found += [e.geometry for e in table.values() if not e.geometry.is_empty]
        found += [d.line for d in plan.doors.values() if not d.line.is_empty]
        return found

    def occupied(self, area: Box) -> bool:
        """Whether anything of the plan lies in ``area`` (metres)."""
        hits = self._tree.query(shapely.box(area.x0, area.y0, area.x1, area.y1), "intersects")
        return len(hits) > 0

    def _extent(self) -> Box | None:
        boxes = [item.bounds for item in self.items]
        for table in (self.plan.halls, self.plan.zones, self.plan.obstacles):
            boxes += [bounds_box(e.geometry) for e in table.values() if not e.geometry.is_empty]
        boxes += [bounds_box(d.line) for d in self.plan.doors.values() if not d.line.is_empty]
        if not boxes:
            return None
        return Box(
            min(b.x0 for b in boxes),
            min(b.y0 for b in boxes),
            max(b.x1 for b in boxes),
            max(b.y1 for b in boxes),
        )
