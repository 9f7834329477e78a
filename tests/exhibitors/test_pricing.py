"""Prices: per-m² by zone with the plan's fallback, corner booths found from the geometry."""

from __future__ import annotations

import pytest
import shapely
from shapely import box

from planner.model import Booth, Hall, Zone
from planner.model.booking import assign, set_status
from planner.model.pricing import (
    PricingError,
    booth_price,
    booth_prices,
    corner_booth_ids,
    price_totals,
    set_corner_premium,
    set_default_price,
    set_zone_price,
)
from planner.model.status import BLOCKED, CONFIRMED, ON_HOLD
from tests.exhibitors.exhibitor_fixtures import grid, plan_of, two_zone_plan, with_prices

AT = "2025-05-01T08:00:00Z"


def ids(*numbers: int) -> set[str]:
    return {f"booth-{n}" for n in numbers}


def test_block_of_two_rows_has_four_corners():
    plan = plan_of(*grid(2, 4))  # booth-1..4 bottom row, 5..8 top row
    assert corner_booth_ids(plan) == ids(1, 4, 5, 8)


def test_single_row_in_the_open_is_open_front_and_back():
    plan = plan_of(*grid(1, 4))
    assert corner_booth_ids(plan) == ids(1, 2, 3, 4)


def test_single_row_against_a_wall_has_corners_at_its_ends_only():
    hall = Hall(id="hall-1", name="Hall", geometry=box(0, 0, 30, 20))
    plan = plan_of(hall, *grid(1, 4, x0=3))  # the row's backs stand on the hall's south wall
    assert corner_booth_ids(plan) == ids(1, 4)
    in_a_corner_of_the_hall = plan_of(hall, *grid(1, 4, x0=0))  # booth-1 has walls S and W
    assert corner_booth_ids(in_a_corner_of_the_hall) == ids(4)


def test_l_shape_and_island():
    booths = [
        *grid(1, 3),
        Booth(id="booth-4", number="A4", geometry=box(0, 3, 3, 6)),  # on top of booth-1
        Booth(id="booth-9", number="I", geometry=box(20, 20, 23, 23)),  # island
    ]
    plan = plan_of(*booths)
    # booth-1 is closed east (booth-2) and north (booth-4): open west and south -> corner.
    # booth-2: open north and south -> corner; booth-3 end; booth-4 open on three sides.
    assert corner_booth_ids(plan) == ids(1, 2, 3, 4, 9)
    closed = plan_of(*grid(3, 3))
    assert "booth-5" not in corner_booth_ids(closed)  # the middle of a 3x3 block
    assert corner_booth_ids(closed) == ids(1, 3, 7, 9)


def test_touching_at_a_corner_only_does_not_close_a_side():
    plan = plan_of(*grid(1, 1), *grid(1, 1, x0=3, y0=3, first=2))
    assert corner_booth_ids(plan) == ids(1, 2)


def test_rotated_blocks_are_measured_the_same():
    block = grid(2, 4)
    turned = [
        Booth(
            id=b.id,
            number=b.number,
            geometry=shapely.affinity.rotate(b.geometry, 33, origin=(0, 0)),
        )
        for b in block
    ]
    assert corner_booth_ids(plan_of(*turned)) == ids(1, 4, 5, 8)


def test_partly_touching_side_is_closed_and_tiny_gaps_still_touch():
    offset = grid(1, 2) + grid(1, 2, x0=1.5, y0=3.004, first=3)  # a 4 mm gap, offset half
    plan = plan_of(*offset)
    # booth-1: west and south open -> corner; booth-2 east and south; 3 west+north; 4 east+north
    assert corner_booth_ids(plan) == ids(1, 2, 3, 4)
    row3 = plan_of(*grid(2, 3), *grid(1, 1, x0=3, y0=6, first=7))
    assert "booth-5" not in corner_booth_ids(row3)  # its north side is now touched


def test_prices_use_zone_price_then_plan_price_plus_corner_premium():
    plan = with_prices(two_zone_plan(), per_m2=1_000_000, premium=0.25)
    plan = plan.apply(set_zone_price(plan, "Car display", 400_000))
    prices = booth_prices(plan)
    assert prices["booth-1"] == pytest.approx(9 * 1_000_000 * 1.25)  # corner of the 2x4 block
    assert prices["booth-2"] == pytest.approx(9 * 1_000_000)  # middle of the bottom row
    assert prices["booth-100"] == pytest.approx(54 * 400_000 * 1.25)  # end of the car row
    assert prices["booth-200"] == pytest.approx(9 * 1_000_000 * 1.25)  # culinary: plan price
    for booth in plan.booths.values():
        assert booth_price(plan, booth) == pytest.approx(prices[booth.id])
    cleared = plan.apply(set_zone_price(plan, "zone-car", None))
    assert booth_prices(cleared)["booth-101"] == pytest.approx(54 * 1_000_000 * 1.25)


def test_totals_by_state():
    plan = with_prices(
        plan_of(*grid(1, 4), Zone(id="z", name="Z", use="standard", geometry=box(-1, -1, 20, 20))),
        100,
        0.0,
    )
    from tests.exhibitors.exhibitor_fixtures import exhibitor

    plan = plan.apply(plan.edit().put(exhibitor(1)).build())
    plan = plan.apply(assign(plan, ["A1"], "exhibitor-1", CONFIRMED, at=AT))
    plan = plan.apply(assign(plan, ["A2"], "exhibitor-1", ON_HOLD, at=AT))
    plan = plan.apply(set_status(plan, ["A4"], BLOCKED, at=AT))
    totals = price_totals(plan)
    assert (totals.sold, totals.on_hold, totals.reserved, totals.available) == (900, 900, 0, 900)
    assert totals.held == 900 and totals.potential == 2700


def test_price_settings_are_checked():
    plan = two_zone_plan()
    assert plan.apply(set_default_price(plan, 2.5)).info.price_per_m2 == 2.5
    assert plan.apply(set_corner_premium(plan, 0.2)).info.corner_premium == 0.2
    with pytest.raises(PricingError, match="zero or more"):
        set_default_price(plan, -1)
    with pytest.raises(PricingError, match="give a fraction"):
        set_corner_premium(plan, 15)
    # "5" meant 5 %, not a 500 % premium (it used to be taken as one)
    with pytest.raises(PricingError, match=r"A corner premium of 5\.0 would be 500%; give a"):
        set_corner_premium(plan, 5)
    assert plan.apply(set_corner_premium(plan, 1)).info.corner_premium == 1
    with pytest.raises(PricingError, match="no zone 'Nowhere'"):
        set_zone_price(plan, "Nowhere", 1)
