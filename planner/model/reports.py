"""The sales report: booths, area and money by status, zone, sector and country.

:func:`build_report` reads a plan once and gives a :class:`Report`, which the command line
prints (:meth:`Report.to_text`, :meth:`~Report.to_dict` as JSON, :meth:`~Report.to_csv`), the
app shows in a panel and the PDF writer may print. Every grouping covers every booth, so each
group's rows add up to the totals (booths nobody holds are the row ``(no exhibitor)`` of the
sector, country and exhibitor groups, booths in no zone the row ``(no zone)``). The exhibitor
group is the billing list: each exhibitor's booths, floor area and list price.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely

from planner.model.entities import Booth
from planner.model.natural_order import natural_key
from planner.model.plan import Plan
from planner.model.pricing import (
    PriceTotals,
    booth_prices,
    corner_booth_ids,
    money,
    price_totals,
)
from planner.model.spreadsheet import neutralise
from planner.model.status import LABELS, STATUSES
from planner.wording import display_width

NO_ZONE = "(no zone)"
NO_HALL = "(outside every hall)"
NO_EXHIBITOR = "(no exhibitor)"
NO_VALUE = "(none given)"
GROUPS: tuple[str, ...] = ("status", "hall", "zone", "sector", "country", "exhibitor")
REPORT_CSV_COLUMNS: tuple[str, ...] = ("group", "key", "booths", "area_m2", "value", *STATUSES)


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One line of a grouping: how many booths, how much floor and money, by status."""

    group: str  # status, zone, sector, country or total
    key: str
    booths: int
    area: float  # m²
    value: float  # list price of these booths, whatever their status
    by_status: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "booths": self.booths,
            "area_m2": round(self.area, 2),
            "value": round(self.value, 2),
            "by_status": dict(self.by_status),
        }


@dataclass(frozen=True, slots=True)
class Report:
    plan_name: str
    currency: str
    total: ReportRow
    groups: dict[str, tuple[ReportRow, ...]]
    revenue: PriceTotals
    corner_booths: int
    exhibitors: int
    exhibitors_placed: int  # holding at least one booth
    booths_wanted: int  # sum of what exhibitors asked for
    booths_held: int  # booths with an exhibitor

    def to_dict(self) -> dict[str, object]:
        return {
            "plan": self.plan_name,
            "currency": self.currency,
            "total": self.total.to_dict(),
            **{name: [r.to_dict() for r in rows] for name, rows in self.groups.items()},
            "revenue": self.revenue.to_dict(),
            "corner_booths": self.corner_booths,
            "exhibitors": {
                "count": self.exhibitors,
                "placed": self.exhibitors_placed,
                "booths_wanted": self.booths_wanted,
                "booths_held": self.booths_held,
            },
        }

    def to_csv(self) -> str:
        """One flat table (group, key, figures), spreadsheet-safe; revenue rows carry money."""
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(REPORT_CSV_COLUMNS)
        for row in (self.total, *(r for rows in self.groups.values() for r in rows)):
            writer.writerow(
                [
                    row.group,
                    neutralise(row.key),
                    row.booths,
                    f"{row.area:.2f}",
                    f"{row.value:.2f}",
                    *(row.by_status.get(s, 0) for s in STATUSES),
                ]
            )
        for key, value in self.revenue.to_dict().items():
            writer.writerow(["revenue", key, "", "", f"{value:.2f}", *([""] * len(STATUSES))])
        return out.getvalue()

    def money(self, value: float) -> str:
        return money(value, self.currency)

    def to_text(self) -> str:
        lines = [f"Sales report: {self.plan_name}", ""]
        lines.append(
            f"{self.total.booths} booths, {self.total.area:,.1f} m², "
            f"{self.corner_booths} corner booths; "
            f"{self.exhibitors} exhibitors, {self.exhibitors_placed} holding booths "
            f"({self.booths_held} booths held of {self.booths_wanted} asked for)."
        )
        lines.append("")
        lines.append("Revenue")
        revenue = self.revenue
        for label, value in (
            ("sold (confirmed)", revenue.sold),
            ("reserved", revenue.reserved),
            ("on hold", revenue.on_hold),
            ("held (reserved + on hold)", revenue.held),
            ("available", revenue.available),
            ("potential (all for sale)", revenue.potential),
        ):
            lines.append(f"  {_pad(label, 28)}{self.money(value):>24}")
        for name, rows in self.groups.items():
            lines.append("")
            lines.extend(self._table(name, rows))
        return "\n".join(lines) + "\n"

    def _table(self, name: str, rows: tuple[ReportRow, ...]) -> list[str]:
        width = max(
            [_width(r.key if name != "status" else _status_label(r.key)) for r in rows]
            + [len(name) + 3]
        )
        head = f"  {_pad('By ' + name, width)}  {'booths':>6}  {'m²':>9}  {'value':>22}"
        head += "".join(f"  {_short(s):>5}" for s in STATUSES)
        lines = [head]
        for row in rows:
            key = _status_label(row.key) if name == "status" else row.key
            line = f"  {_pad(key, width)}  {row.booths:>6}  {row.area:>9,.1f}  "
            line += f"{self.money(row.value):>22}"
            line += "".join(f"  {row.by_status.get(s, 0):>5}" for s in STATUSES)
            lines.append(line)
        return lines


def _status_label(status: str) -> str:
    return LABELS.get(status, status)


def _short(status: str) -> str:
    return {
        "available": "free",
        "on_hold": "hold",
        "reserved": "resv",
        "confirmed": "sold",
        "blocked": "block",
    }.get(status, status[:5])


def _width(text: str) -> int:
    return display_width(text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def build_report(
    plan: Plan,
    corners: set[str] | None = None,
    prices: dict[str, float] | None = None,
    hall_of: dict[str, str] | None = None,
) -> Report:
    """The report of ``plan``. ``corners``, ``prices`` and ``hall_of`` (booth id to hall name),
    when given, are the plan's as :class:`~planner.model.live_report.LiveReport` keeps them up
    to date: finding corners is most of the work on a big floor."""
    corners = corner_booth_ids(plan) if corners is None else corners
    prices = booth_prices(plan, corners) if prices is None else prices
    booths = list(plan.booths.values())
    exhibitors = plan.exhibitors

    def zone_of(b: Booth) -> str:
        zone = plan.zones.get(b.zone_id) if b.zone_id else None
        return zone.name if zone else NO_ZONE

    def exhibitor_field(name: str) -> Callable[[Booth], str]:
        def key(b: Booth) -> str:
            exhibitor = exhibitors.get(b.exhibitor_id) if b.exhibitor_id else None
            if exhibitor is None:
                return NO_EXHIBITOR
            return getattr(exhibitor, name) or NO_VALUE

        return key

    keys: dict[str, Callable[[Booth], str]] = {
        "status": lambda b: b.status,
        "zone": zone_of,
        "sector": exhibitor_field("sector"),
        "country": exhibitor_field("country"),
        "exhibitor": exhibitor_field("name"),
        "hall": _hall_finder(plan) if hall_of is None else lambda b: hall_of[b.id],
    }
    groups = {}
    for name in GROUPS:
        order = list(STATUSES) if name == "status" else None
        groups[name] = _group(name, booths, keys[name], prices, order)
    holders = {b.exhibitor_id for b in booths if b.exhibitor_id}
    return Report(
        plan_name=plan.name,
        currency=plan.info.currency,
        total=_row("total", "all booths", booths, prices),
        groups=groups,
        revenue=price_totals(plan, prices),
        corner_booths=len(corners),
        exhibitors=len(exhibitors),
        exhibitors_placed=len(holders & set(exhibitors)),
        booths_wanted=sum(e.booths_wanted for e in exhibitors.values()),
        booths_held=sum(1 for b in booths if b.exhibitor_id),
    )


def halls_of(plan: Plan, booths: list[Booth] | None = None) -> dict[str, str]:
    """The name of the hall each booth stands in (by its centre), found in one vectorised pass."""
    booths = list(plan.booths.values()) if booths is None else booths
    halls = list(plan.halls.values())
    names: dict[str, str] = {b.id: NO_HALL for b in booths}
    if booths and halls:
        centres = shapely.centroid(np.array([b.geometry for b in booths], dtype=object))
        tree = shapely.STRtree(np.array([h.geometry for h in halls], dtype=object))
        booth_index, hall_index = tree.query(centres, predicate="within")
        for b, h in sorted(zip(booth_index, hall_index, strict=True), reverse=True):
            names[booths[b].id] = halls[h].name  # the first hall wins where halls overlap
    return names


def _hall_finder(plan: Plan) -> Callable[[Booth], str]:
    names = halls_of(plan)
    return lambda b: names[b.id]


def _row(group: str, key: str, booths: list[Booth], prices: dict[str, float]) -> ReportRow:
    by_status = {s: 0 for s in STATUSES}
    for b in booths:
        by_status[b.status] = by_status.get(b.status, 0) + 1
    return ReportRow(
        group=group,
        key=key,
        booths=len(booths),
        # fsum: exact whatever the order, so a report kept up to date from edits adds up
        # to the very same figures as one built afresh.
        area=math.fsum(b.geometry.area for b in booths),
        value=math.fsum(prices[b.id] for b in booths),
        by_status=by_status,
    )


def _group(
    name: str,
    booths: list[Booth],
    key: Callable[[Booth], str],
    prices: dict[str, float],
    order: list[str] | None,
) -> tuple[ReportRow, ...]:
    buckets: dict[str, list[Booth]] = {k: [] for k in order or []}
    for b in booths:
        buckets.setdefault(key(b), []).append(b)
    keys = list(buckets)
    if order is None:  # biggest first, then by name; the catch-all rows last
        catch_all = {NO_ZONE, NO_HALL, NO_EXHIBITOR, NO_VALUE}
        keys.sort(key=lambda k: (k in catch_all, -len(buckets[k]), natural_key(k)))
    return tuple(_row(name, k, buckets[k], prices) for k in keys)


__all__ = [
    "GROUPS",
    "NO_EXHIBITOR",
    "NO_HALL",
    "NO_ZONE",
    "REPORT_CSV_COLUMNS",
    "Report",
    "ReportRow",
    "build_report",
    "halls_of",
]
