"""The sales report kept up to date from each patch, for the app's Report panel.

Building the report afresh finds the corner booths of the whole floor (a booth open on two or
more sides costs more), which is most of its work: on 30,000 booths it took 4 of the 5 seconds
an edit cost. After an edit only the corners near what changed can change, so this keeps the
corners, prices and halls of every booth and recomputes them for the booths a patch touches
and those beside them. A patch that changes prices or halls for everyone (the plan's settings,
a zone, a hall) starts over. :meth:`LiveReport.report` gives exactly what
:func:`~planner.model.reports.build_report` gives for the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from planner.model.booth_sides import side_contacts
from planner.model.entities import Booth, Entity
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.pricing import booth_prices, corner_booth_ids, price_of
from planner.model.reports import Report, build_report, halls_of

# How far a booth may be from a changed one and still share a side with it (booth_sides
# counts sides that touch; a hair's width of slack).
_NEAR_M = 0.1
_EVERYONE = frozenset({"info", "zones", "halls"})


class LiveReport:
    def __init__(self, plan: Plan) -> None:
        self.reset(plan)

    def reset(self, plan: Plan) -> None:
        self.plan = plan
        self.corners = corner_booth_ids(plan)
        self.prices = booth_prices(plan, self.corners)
        self.hall_of = halls_of(plan)

    def update(self, plan: Plan, patch: Patch | None) -> None:
        """``plan`` is the plan after ``patch`` (``None``: a whole new plan)."""
        tables = {c.table for c in patch} if patch is not None else set()
        if patch is None or tables & _EVERYONE:
            self.reset(plan)
            return
        changed = [c for c in patch if c.table == "booths"]
        self.plan = plan
        if not changed:
            return
        for change in changed:
            if change.after is None:
                self.corners.discard(change.id)
                self.prices.pop(change.id, None)
                self.hall_of.pop(change.id, None)
        shapes = [g for c in changed for g in (_geometry(c.before), _geometry(c.after)) if g]
        affected = self._near(plan, shapes) | {c.id for c in changed if c.after is not None}
        self._recount(plan, affected)
        moved = [plan.booths[c.id] for c in changed if c.after is not None]
        self.hall_of.update(halls_of(plan, moved))

    def _near(self, plan: Plan, shapes: Sequence[BaseGeometry]) -> set[str]:
        """Ids of the booths within reach of any of ``shapes``."""
        booths = list(plan.booths.values())
        if not booths or not shapes:
            return set()
        tree = shapely.STRtree(np.array([b.geometry for b in booths], dtype=object))
        zone = shapely.buffer(np.array(shapes, dtype=object), _NEAR_M)
        _, hits = tree.query(zone, predicate="intersects")
        return {booths[i].id for i in np.unique(hits)}

    def _recount(self, plan: Plan, affected: set[str]) -> None:
        """Corners and prices of ``affected``: its sides are measured against every booth
        that can touch it, so each count is the one the whole floor would give."""
        if not affected:
            return
        shapes = [plan.booths[i].geometry for i in affected]
        around = self._near(plan, shapes) | affected
        contacts = side_contacts([plan.booths[i] for i in around], plan.halls.values())
        for booth_id in affected:
            if contacts.open_sides[booth_id] >= 2:
                self.corners.add(booth_id)
            else:
                self.corners.discard(booth_id)
        for booth_id in affected:
            corner = booth_id in self.corners
            self.prices[booth_id] = price_of(plan, plan.booths[booth_id], corner)

    def report(self) -> Report:
        return build_report(self.plan, self.corners, self.prices, self.hall_of)


def _geometry(booth: Entity | None) -> BaseGeometry | None:
    return booth.geometry if isinstance(booth, Booth) else None


__all__ = ["LiveReport"]
