"""The sample layouts in layouts/ open, one for each shared floor, and match their floors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan
from tests.formats.formats_helpers import FLOORS, ROOT

LAYOUTS = ROOT / "layouts"
FLOOR_FILES = sorted(FLOORS.glob("*.geojson"))


def test_there_is_a_layout_for_every_shared_floor():
    assert FLOOR_FILES
    for floor in FLOOR_FILES:
        assert (LAYOUTS / f"{floor.stem}.boothplan").is_file(), f"no layout for {floor.name}"


@pytest.mark.parametrize("layout", sorted(LAYOUTS.glob("*.boothplan")), ids=lambda p: p.stem)
def test_every_layout_opens(layout):
    before = layout.read_bytes()
    plan = read_plan(layout)
    assert plan.halls, "a layout has at least one hall"
    floor = FLOORS / f"{layout.stem}.geojson"
    if floor.exists():
        expected = read_floor(floor)
        assert plan.name == expected.name
        assert dict(plan.halls) == dict(expected.halls)
        assert dict(plan.doors) == dict(expected.doors)
        assert dict(plan.zones) == dict(expected.zones)
        assert dict(plan.obstacles) == dict(expected.obstacles)
    assert layout.read_bytes() == before


def test_make_layouts_reproduces_the_committed_layouts():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_layouts.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("same as") == len(FLOOR_FILES)


@pytest.mark.parametrize("layout", sorted(LAYOUTS.glob("*.boothplan")), ids=lambda p: p.stem)
def test_every_layout_is_packed_and_meets_every_rule(layout):
    from planner.model.rules import check

    plan = read_plan(layout)
    assert plan.booths, "a sample plan shows a packed floor"
    assert check(plan) == []
