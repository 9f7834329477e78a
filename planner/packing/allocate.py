"""Allocation help: give each exhibitor the free booths it asked for, side by side, in its zone.

Rules, in order of importance:

* An exhibitor asking for *n* booths gets *n* free booths that form one connected group of
  neighbours (booths sharing a side, see :mod:`planner.model.booth_sides`), all in one zone (or
  all on floor in no zone), or nothing.
* Its sector decides where: automobiles in car zones, culinary in culinary zones, every other
  sector in standard zones and on floor in no zone. When the plan has no zone of that use at all,
  the exhibitor goes on standard floor and the placement says so.
* Exhibitors already holding booths are left alone, as are booths that are not available.
* Who gets a booth when there are not enough: confirmed exhibitors first, then reserved, then
  on hold; within that, bigger requests first (they are the hardest to fit), then the plan's
  order. This first pass packs tightly: each exhibitor takes the smallest free group that fits,
  grown from its least connected booth, so big free blocks stay whole.
* Where they stand: the exhibitors the first pass placed are then laid out again sector by
  sector (the sector asking for most booths first), each taking the next free booths in
  booth-number order, so a sector stands together along the rows. If that tidier layout cannot
  fit everyone the tight pass fitted, the tight layout is used.

Everything is sorted, so the same plan always gives the same allocation. The result is a patch
(one undo step) of :func:`planner.model.booking.assign` calls with the exhibitor's
``booking_status``, plus who was placed and who was not, and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planner.model.booking import HELD_STATUSES, BookingError, assign_many, now_iso
from planner.model.booth_sides import side_contacts
from planner.model.entities import Booth, Exhibitor
from planner.model.natural_order import natural_key
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.sectors import zone_use_for_sector
from planner.model.status import AVAILABLE, CONFIRMED, LABELS, ON_HOLD, RESERVED
from planner.model.zone_use import CAR, CULINARY, FEATURE, STANDARD

_STATUS_RANK = {CONFIRMED: 0, RESERVED: 1, ON_HOLD: 2}
_POOL_NAMES = {
    CAR: "the car zones",
    CULINARY: "the culinary zones",
    STANDARD: "the standard zones and floor in no zone",
}


@dataclass(frozen=True, slots=True)
class Placement:
    exhibitor_id: str
    name: str
    booth_ids: tuple[str, ...]
    booth_numbers: tuple[str, ...]
    status: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Unplaced:
    exhibitor_id: str
    name: str
    wanted: int
    reason: str  # one sentence


@dataclass(frozen=True, slots=True)
class AllocationResult:
    patch: Patch
    placed: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "placed": [
                {
                    "exhibitor_id": p.exhibitor_id,
                    "name": p.name,
                    "booths": list(p.booth_numbers),
                    "status": p.status,
                    "note": p.note,
                }
                for p in self.placed
            ],
            "unplaced": [
                {
                    "exhibitor_id": u.exhibitor_id,
                    "name": u.name,
                    "wanted": u.wanted,
                    "reason": u.reason,
                }
                for u in self.unplaced
            ],
        }

    def to_text(self) -> str:
        booths = sum(len(p.booth_ids) for p in self.placed)
        placed = len(self.placed)
        lines = [
            f"Placed {placed} exhibitor{'' if placed == 1 else 's'} on {booths} "
            f"booth{'' if booths == 1 else 's'}; {len(self.unplaced)} could not be placed."
        ]
        for p in self.placed:
            note = f"  ({p.note})" if p.note else ""
            status = LABELS.get(p.status, p.status).lower()
            lines.append(f"  {', '.join(p.booth_numbers)}: {p.name} [{status}]{note}")
        if self.unplaced:
            lines.append("Not placed:")
            lines.extend(f"  {u.name}: {u.reason}" for u in self.unplaced)
        return "\n".join(lines) + "\n"


class _FreeFloor:
    """The free booths and which of them neighbour each other, shrinking as booths are taken."""

    def __init__(self, plan: Plan) -> None:
        free = [b for b in plan.booths.values() if b.status == AVAILABLE and b.exhibitor_id is None]
        self.order = {
            b.id: i for i, b in enumerate(sorted(free, key=lambda b: (natural_key(b.number), b.id)))
        }
        self.booths = {b.id: b for b in free}
        self.use = {b.id: _use_of(plan, b) for b in free}
        links = side_contacts(free).neighbours()
        # A stand stays within one zone (or within floor in no zone).
        self.links = {
            a: sorted(
                (b for b in near if self.booths[a].zone_id == self.booths[b].zone_id),
                key=self.order.__getitem__,
            )
            for a, near in links.items()
        }

        self._components: dict[str, list[list[str]]] = {}

    def components(self, use: str) -> list[list[str]]:
        """The groups of free, linked booths where exhibitors of ``use`` stand, each in order."""
        if use not in self._components:
            pool = {b for b, u in self.use.items() if u == use and b in self.booths}
            self._components[use] = self._split(pool)
        return self._components[use]

    def _split(self, pool: set[str]) -> list[list[str]]:
        seen: set[str] = set()
        result = []
        for start in sorted(pool, key=self.order.__getitem__):
            if start in seen:
                continue
            seen.add(start)
            group, queue = [], [start]
            while queue:
                booth = queue.pop()
                group.append(booth)
                for other in self.links[booth]:
                    if other in pool and other not in seen:
                        seen.add(other)
                        queue.append(other)
            result.append(sorted(group, key=self.order.__getitem__))
        return result

    def _taken(self, component: list[str], group: list[str]) -> list[str]:
        """Mark ``group`` (from ``component``) as taken; only that component needs re-splitting."""
        for booth in group:
            del self.booths[booth]
        use = self.use[group[0]]
        components = self.components(use)
        components.remove(component)
        components.extend(self._split(set(component) - set(group)))
        components.sort(key=lambda c: self.order[c[0]])
        return sorted(group, key=self.order.__getitem__)

    def copy(self) -> _FreeFloor:
        """The same floor with its own set of free booths, for a separate trial."""
        twin = object.__new__(_FreeFloor)
        twin.order, twin.use, twin.links = self.order, self.use, self.links
        twin.booths = dict(self.booths)
        twin._components = {use: list(c) for use, c in self._components.items()}
        return twin

    def take_in_order(self, component: list[str], size: int) -> list[str]:
        """``size`` connected booths from ``component``, filled in booth-number order."""
        members = set(component)
        group, taken = [component[0]], {component[0]}
        while len(group) < size:
            frontier = {o for b in group for o in self.links[b] if o in members and o not in taken}
            best = min(frontier, key=self.order.__getitem__)
            group.append(best)
            taken.add(best)
        return self._taken(component, group)

    def take_group(self, component: list[str], size: int) -> list[str]:
        """``size`` connected booths from ``component``, grown from its least linked booth."""
        members = set(component)

        def free_links(booth: str, taken: set[str]) -> int:
            return sum(1 for o in self.links[booth] if o in members and o not in taken)

        seed = min(component, key=lambda b: (free_links(b, set()), self.order[b]))
        group, taken = [seed], {seed}
        while len(group) < size:
            frontier = {o for b in group for o in self.links[b] if o in members and o not in taken}
            best = min(
                frontier,
                key=lambda b: (
                    -sum(1 for o in self.links[b] if o in taken),  # compact: touch the group
                    free_links(b, taken),  # leave the rest connected
                    self.order[b],
                ),
            )
            group.append(best)
            taken.add(best)
        return self._taken(component, group)


def _use_of(plan: Plan, booth: Booth) -> str:
    zone = plan.zones.get(booth.zone_id) if booth.zone_id else None
    if zone is None:
        return STANDARD
    if zone.use in (CAR, CULINARY, FEATURE):
        return zone.use
    return STANDARD  # other words are used like standard (floor-format.md)


def _queue(plan: Plan, only: set[str] | None) -> list[Exhibitor]:
    holding = {b.exhibitor_id for b in plan.booths.values() if b.exhibitor_id}
    waiting = [
        (index, e)
        for index, e in enumerate(plan.exhibitors.values())
        if e.id not in holding and e.booths_wanted > 0 and (only is None or e.id in only)
    ]
    waiting.sort(
        key=lambda ie: (_STATUS_RANK.get(ie[1].booking_status, 1), -ie[1].booths_wanted, ie[0])
    )
    return [e for _, e in waiting]


def allocate(
    plan: Plan, at: str | None = None, exhibitor_ids: Iterable[str] | None = None
) -> AllocationResult:
    """Assign waiting exhibitors to free booths; see the module notes for the rules.

    ``exhibitor_ids`` limits the allocation to those exhibitors (say, the ones selected in the
    app); unknown ids are refused.
    """
    at = at or now_iso()
    only = None if exhibitor_ids is None else set(exhibitor_ids)
    unknown = sorted((only or set()) - set(plan.exhibitors))
    if unknown:
        raise BookingError(f"There is no exhibitor {unknown[0]!r} in the plan.")
    floor = _FreeFloor(plan)
    queue = _queue(plan, only)
    # First who can be placed at all, most important first, packing tightly (best fit).
    tight = _place(plan, floor.copy(), queue, tight=True)
    # Then the same people laid out sector by sector in booth-number order, so a sector stands
    # together; kept only if it places everyone the tight pass placed.
    placed_ids = {p.exhibitor_id for p, _ in tight[0]}
    rank = {e.id: i for i, e in enumerate(queue)}
    demand: dict[str, int] = {}
    for e in queue:
        if e.id in placed_ids:
            demand[e.sector] = demand.get(e.sector, 0) + e.booths_wanted
    by_sector = sorted(
        (e for e in queue if e.id in placed_ids),
        key=lambda e: (-demand[e.sector], e.sector, -e.booths_wanted, rank[e.id]),
    )
    rest = [e for e in queue if e.id not in placed_ids]
    grouped = _place(plan, floor.copy(), by_sector + rest, tight=False)
    chosen = grouped if placed_ids <= {p.exhibitor_id for p, _ in grouped[0]} else tight
    placements, unplaced = chosen
    placements.sort(key=lambda pg: rank[pg[0].exhibitor_id])  # report in priority order

    requests = [(group, p.exhibitor_id, p.status) for p, group in placements]
    patch = assign_many(plan, requests, at, "Allocate exhibitors")
    unplaced.sort(key=lambda u: rank[u.exhibitor_id])
    return AllocationResult(patch, tuple(p for p, _ in placements), tuple(unplaced))


def _place(
    plan: Plan, floor: _FreeFloor, queue: list[Exhibitor], tight: bool
) -> tuple[list[tuple[Placement, list[str]]], list[Unplaced]]:
    uses_present = {z.use for z in plan.zones.values()}
    placed: list[tuple[Placement, list[str]]] = []
    unplaced: list[Unplaced] = []
    for exhibitor in queue:
        wanted = exhibitor.booths_wanted
        use = zone_use_for_sector(exhibitor.sector)
        note = ""
        if use != STANDARD and use not in uses_present:
            note = f"the plan has no {use} zone, so it stands on standard floor"
            use = STANDARD
        fitting = [c for c in floor.components(use) if len(c) >= wanted]
        if not fitting:
            reason = _why_not(plan, floor, use, wanted)
            unplaced.append(Unplaced(exhibitor.id, exhibitor.name, wanted, reason))
            continue
        if tight:
            component = min(fitting, key=lambda c: (len(c), floor.order[c[0]]))
            group = floor.take_group(component, wanted)
        else:
            component = min(fitting, key=lambda c: floor.order[c[0]])
            group = floor.take_in_order(component, wanted)
        status = exhibitor.booking_status
        if status not in HELD_STATUSES:
            status = RESERVED
        numbers = tuple(plan.booths[b].number or b for b in group)
        placement = Placement(exhibitor.id, exhibitor.name, tuple(group), numbers, status, note)
        placed.append((placement, group))
    return placed, unplaced


def _why_not(plan: Plan, floor: _FreeFloor, use: str, wanted: int) -> str:
    where = _POOL_NAMES.get(use, f"the {use} zones")
    if not plan.booths:
        return "The plan has no booths yet; pack the floor first."
    components = floor.components(use)
    if not components:
        return f"No booth is free in {where}."
    largest = max(len(c) for c in components)
    return (
        f"It asked for {wanted} booths side by side, but the largest free group in {where} "
        f"has {largest}."
    )


__all__ = ["AllocationResult", "Placement", "Unplaced", "allocate"]
