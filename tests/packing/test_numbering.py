"""Booth numbers: the schemes organisers use, never a duplicate, renumbering as one patch."""

from __future__ import annotations

import pytest
from shapely.geometry import box

from planner.model import Booth
from planner.model.natural_order import natural_key
from planner.packing.numbering import SCHEMES, find_rows, numbers_for, renumber
from tests.packing.packing_helpers import booth_at, hall, plan_of


def two_facing_rows():
    """Row 1 along y = 0..3 and row 2 along y = 6..9, facing each other across a 3 m aisle;
    row 3 back to back with row 2."""
    south = [box(3 * i, 0, 3 * i + 3, 3) for i in range(4)]
    north = [box(3 * i, 6, 3 * i + 3, 9) for i in range(4)]
    back = [box(3 * i, 9, 3 * i + 3, 12) for i in range(4)]
    return south + north + back


def test_rows_are_found_along_the_longer_axis():
    rows = find_rows(two_facing_rows())
    assert rows == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]


def test_row_letter_scheme():
    assert numbers_for(two_facing_rows(), "row")[:5] == ["A01", "A02", "A03", "A04", "B01"]


def test_prefix_scheme_for_cars_and_food():
    assert numbers_for(two_facing_rows()[:3], "prefix", "C") == ["C-01", "C-02", "C-03"]
    assert numbers_for(two_facing_rows()[:2], "prefix", "F", start=9) == ["F-09", "F-10"]


def test_hundreds_per_row():
    numbers = numbers_for(two_facing_rows(), "hundreds", "A")
    assert numbers[:4] == ["A-101", "A-102", "A-103", "A-104"]
    assert numbers[4] == "A-201" and numbers[8] == "A-301"


def test_odd_even_across_an_aisle():
    numbers = numbers_for(two_facing_rows(), "odd-even", "A")
    assert numbers[:4] == ["A-101", "A-103", "A-105", "A-107"]  # south side of aisle 1
    assert numbers[4:8] == ["A-102", "A-104", "A-106", "A-108"]  # north side, across it
    assert numbers[8:] == ["A-201", "A-203", "A-205", "A-207"]  # back to back: next aisle


def test_taken_numbers_are_skipped():
    numbers = numbers_for(two_facing_rows()[:3], "prefix", "C", taken={"C-02"})
    assert numbers == ["C-01", "C-03", "C-04"]


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown numbering scheme"):
        numbers_for(two_facing_rows(), "roman")


def test_natural_order():
    assert sorted(["A-110", "A-12", "B-1", "A-2"], key=natural_key) == [
        "A-2",
        "A-12",
        "A-110",
        "B-1",
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_renumber_a_selection_is_one_patch_without_duplicates(scheme):
    booths = [booth_at(f"booth-{i + 1}", 3 * i, 0, number=f"X{i}") for i in range(6)]
    other = Booth("booth-9", "A-102", box(0, 20, 3, 23))  # holds a number the scheme may want
    plan = plan_of(hall(box(0, 0, 30, 30)), *booths, other)
    patch = renumber(plan, ["booth-1", "booth-2", "booth-3", "booth-4"], scheme, prefix="A")
    assert len(patch) == 4
    after = plan.apply(patch)
    numbers = [b.number for b in after.booths.values()]
    assert len(numbers) == len(set(numbers))
    assert after.booths["booth-5"].number == "X4", "booths outside the selection keep theirs"
    assert after.apply(patch.inverse()) == plan


def test_rotated_rows_are_found():
    from shapely import affinity

    geoms = [affinity.rotate(g, 30, origin=(0, 0)) for g in two_facing_rows()]
    assert numbers_for(geoms, "row")[:5] == ["A01", "A02", "A03", "A04", "B01"]
