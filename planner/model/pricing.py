"""Booth prices: area times the price per m² of the booth's zone, plus a corner premium.

The price per m² is the zone's own (``Zone.price_per_m2``) or, when the zone has none or the
booth stands in no zone, the plan's (``PlanInfo.price_per_m2``). A *corner* booth is open on two
or more sides (see :mod:`planner.model.booth_sides`: a side is open when no other booth touches
it and it does not stand against a hall wall, so booths along the walls are not all corners) and
costs ``PlanInfo.corner_premium`` more (0.10 = 10 %).

For many booths call :func:`booth_prices` once: it finds the corners of the whole floor in one
vectorised pass; :func:`booth_price` is for one booth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import shapely

from planner.errors import BoothplanError
from planner.model.booth_sides import side_contacts
from planner.model.entities import Booth
from planner.model.patch import Patch
from planner.model.plan import Plan
from planner.model.status import AVAILABLE, BLOCKED, CONFIRMED, ON_HOLD, RESERVED

WHOLE_CURRENCIES = frozenset({"VND", "JPY", "KRW", "LAK", "KHR", "IDR"})


def money(value: float, currency: str) -> str:
    """ "1,250,000 VND", "125.50 USD": whole units for currencies without cents.

    >>> money(1_250_000, "VND"), money(125.5, "USD")
    ('1,250,000 VND', '125.50 USD')
    """
    digits = 0 if currency.upper() in WHOLE_CURRENCIES else 2
    return f"{value:,.{digits}f} {currency}".strip()


class PricingError(BoothplanError):
    """A price setting that cannot be used."""


def corner_booth_ids(plan: Plan) -> set[str]:
    """Ids of booths open on two or more sides."""
    contacts = side_contacts(plan.booths.values(), plan.halls.values())
    return {booth_id for booth_id, n in contacts.open_sides.items() if n >= 2}


def price_per_m2(plan: Plan, booth: Booth) -> float:
    zone = plan.zones.get(booth.zone_id) if booth.zone_id else None
    if zone is not None and zone.price_per_m2 is not None:
        return float(zone.price_per_m2)
    return float(plan.info.price_per_m2)


def price_of(plan: Plan, booth: Booth, corner: bool) -> float:
    """A booth's price once it is known whether it is a corner booth."""
    base = booth.geometry.area * price_per_m2(plan, booth)
    return base * (1.0 + plan.info.corner_premium) if corner else base


def booth_price(plan: Plan, booth: Booth) -> float:
    """The price of one booth (looks only at the booths around it)."""
    near = _nearby_booths(plan, booth)
    contacts = side_contacts([booth, *near], plan.halls.values())
    return price_of(plan, booth, contacts.open_sides[booth.id] >= 2)


def _nearby_booths(plan: Plan, booth: Booth) -> list[Booth]:
    reach = booth.geometry.buffer(0.1)
    return [
        b
        for b in plan.booths.values()
        if b.id != booth.id and shapely.intersects(reach, b.geometry)
    ]


def booth_prices(plan: Plan, corners: set[str] | None = None) -> dict[str, float]:
    """Every booth's price, by id (``corners`` when already known, to save finding them)."""
    corners = corner_booth_ids(plan) if corners is None else corners
    return {b.id: price_of(plan, b, b.id in corners) for b in plan.booths.values()}


@dataclass(frozen=True, slots=True)
class PriceTotals:
    """Money by booking state (blocked booths are not for sale and count nowhere)."""

    sold: float  # confirmed
    reserved: float
    on_hold: float
    available: float

    @property
    def held(self) -> float:
        """Promised but not paid: reserved plus on hold."""
        return self.reserved + self.on_hold

    @property
    def potential(self) -> float:
        """Everything for sale, were it all sold."""
        return self.sold + self.held + self.available

    def to_dict(self) -> dict[str, float]:
        return {
            "sold": round(self.sold, 2),
            "reserved": round(self.reserved, 2),
            "on_hold": round(self.on_hold, 2),
            "held": round(self.held, 2),
            "available": round(self.available, 2),
            "potential": round(self.potential, 2),
        }


def price_totals(plan: Plan, prices: dict[str, float] | None = None) -> PriceTotals:
    prices = booth_prices(plan) if prices is None else prices
    sums = {CONFIRMED: 0.0, RESERVED: 0.0, ON_HOLD: 0.0, AVAILABLE: 0.0, BLOCKED: 0.0}
    for booth in plan.booths.values():
        sums[booth.status] = sums.get(booth.status, 0.0) + prices[booth.id]
    return PriceTotals(sums[CONFIRMED], sums[RESERVED], sums[ON_HOLD], sums[AVAILABLE])


def _checked(value: float, what: str) -> float:
    if value != value or value < 0 or value == float("inf"):
        raise PricingError(f"The {what} must be zero or more, not {value}.")
    return float(value)


def set_default_price(plan: Plan, per_m2: float) -> Patch:
    per_m2 = _checked(per_m2, "price per m²")
    return plan.edit("Set price per m²").put(replace(plan.info, price_per_m2=per_m2)).build()


def set_corner_premium(plan: Plan, premium: float) -> Patch:
    """``premium`` as a fraction: 0.1 adds 10 % to corner booths."""
    premium = _checked(premium, "corner premium")
    if premium > 1:  # more than doubling a corner's price is a percentage typed as a fraction
        raise PricingError(
            f"A corner premium of {premium} would be {premium:.0%}; give a fraction (0.1 is 10 %)."
        )
    return plan.edit("Set corner premium").put(replace(plan.info, corner_premium=premium)).build()


def set_zone_price(plan: Plan, zone_ref: str, per_m2: float | None) -> Patch:
    """A zone's own price per m², or ``None`` to take the plan's price again."""
    zone = plan.zones.get(zone_ref)
    if zone is None:
        matches = [z for z in plan.zones.values() if z.name.casefold() == zone_ref.casefold()]
        if not matches:
            names = ", ".join(z.name for z in plan.zones.values()) or "none"
            raise PricingError(f"There is no zone {zone_ref!r} in the plan (zones: {names}).")
        zone = matches[0]
    value = None if per_m2 is None else _checked(per_m2, "price per m²")
    return plan.edit(f"Set price of {zone.name}").put(replace(zone, price_per_m2=value)).build()


__all__ = [
    "WHOLE_CURRENCIES",
    "PriceTotals",
    "PricingError",
    "booth_price",
    "booth_prices",
    "corner_booth_ids",
    "money",
    "price_of",
    "price_per_m2",
    "price_totals",
    "set_corner_premium",
    "set_default_price",
    "set_zone_price",
]
