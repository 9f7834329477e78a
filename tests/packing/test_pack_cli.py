"""``boothplan pack`` and ``boothplan check`` end to end on real plan files."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from shapely.geometry import box

from planner.cli import main
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan, write_plan
from planner.packing.capacity import CapacityReport, ZoneCapacity, advise
from tests.packing.packing_helpers import LAOCAI, SONLA, booth_at


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "Sơn La 大理.boothplan"
    write_plan(read_floor(SONLA), path)
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_pack_then_check(plan_path, capsys):
    code, out, err = run(capsys, "pack", plan_path, "--target", "50")
    assert code == 0, err
    assert "Event space" in out and "target 50 booths of 3 × 2 m: fits" in out
    assert "Every booth meets every rule." in out
    plan = read_plan(plan_path)
    assert len(plan.booths) >= 50
    code, out, _ = run(capsys, "check", plan_path)
    assert code == 0 and f"all {len(plan.booths)} booths meet every rule" in out


def test_pack_json_and_a_target_that_does_not_fit(plan_path, capsys):
    code, out, _ = run(capsys, "pack", plan_path, "--json", "--target", "500")
    data = json.loads(out)
    assert code == 0
    assert data["target"]["fits"] is False and data["target"]["target"] == 500
    assert data["zones"][0]["name"] == "Event space"
    assert data["problems"] == 0
    assert data["placed"] == len(read_plan(plan_path).booths)


def test_check_lists_broken_rules_and_exits_1(plan_path, capsys):
    plan = read_floor(SONLA)
    bad = booth_at("booth-1", 0, 5, w=3, d=2, number="Z-1")  # stands in the entrance's way
    write_plan(plan.apply(plan.edit().put(bad).build()), plan_path)
    code, out, _ = run(capsys, "check", plan_path)
    assert code == 1
    assert "Z-1\tdoor-clearance" in out
    code, out, _ = run(capsys, "check", plan_path, "--json")
    data = json.loads(out)
    assert code == 1 and {p["rule"] for p in data["problems"]} >= {"door-clearance"}
    assert data["problems"][0]["number"] == "Z-1"


def test_unknown_zone_is_one_sentence_and_leaves_the_file(plan_path, capsys):
    before = plan_path.read_bytes()
    code, out, err = run(capsys, "pack", plan_path, "--zone", "Nowhere")
    assert code == 2 and out == ""
    assert "no packable zone or hall named Nowhere" in err and "Traceback" not in err
    assert plan_path.read_bytes() == before


def test_one_unknown_zone_among_known_ones_packs_nothing(plan_path, capsys):
    before = plan_path.read_bytes()
    code, out, err = run(capsys, "pack", plan_path, "--zone", "Event space", "--zone", "Evnt")
    assert code == 2 and out == ""
    assert "no packable zone or hall named Evnt; packable: Event space." in err
    assert plan_path.read_bytes() == before


def test_a_feature_zone_is_named_as_such(tmp_path, capsys):
    path = tmp_path / "laocai.boothplan"
    write_plan(read_floor(LAOCAI), path)
    code, _, err = run(capsys, "pack", path, "--zone", "megalive stage")
    assert code == 2 and err.count("\n") == 1
    assert f"{path}: zone Megalive stage" in err and "kept free of booths (use feature)" in err
    assert "packable: Car display, Culinary court, Hall A, Outdoor area B." in err
    assert "Hội chợ" not in err  # the plan's 120-character name made the sentence unreadable


def test_columns_in_booths_option(plan_path, capsys):
    code, _out, _ = run(capsys, "pack", plan_path, "--columns-in-booths", "--json")
    assert code == 0
    plan = read_plan(plan_path)
    assert any("column" in b.flags for b in plan.booths.values())


def test_check_of_a_plan_with_no_booths_says_so(plan_path, capsys):
    code, out, _ = run(capsys, "check", plan_path)
    assert code == 0
    assert out == "No booths to check yet: the plan has none (boothplan pack makes them).\n"


def test_check_counts_one_problem_in_the_singular(plan_path, capsys):
    run(capsys, "pack", plan_path)
    plan = read_plan(plan_path)
    first = next(iter(plan.booths.values()))
    keep = plan.edit("Only one booth").put(first)
    for booth_id in list(plan.booths)[1:]:
        keep = keep.delete("booths", booth_id)
    lone = plan.apply(keep.build())
    x0, y0, _, y1 = first.geometry.bounds
    squeezed = box(x0, y0, x0 + 1, y1)  # 1 m wide: breaks the size rule
    lone = lone.apply(lone.edit("Shrink").put(replace(first, geometry=squeezed)).build())
    write_plan(lone, plan_path)
    code, out, _ = run(capsys, "check", plan_path)
    assert code == 1
    assert out.splitlines()[-1].startswith("1 problem at 1 of 1 booth: ")  # not "1 problems"


def test_target_report_says_which_booths_it_counts():
    """The target counts the main booth size; the total also holds car stands. Saying only
    "566 placed" under a total of 576 looked like an error to organisers."""
    rows = (
        ZoneCapacity("Car display", "car", (6.0, 9.0), 4.0, 10, 0, 1040.0, 15.8),
        ZoneCapacity("Hall A", "standard", (3.0, 3.0), 3.0, 566, 0, 8000.0, 600.0),
    )
    short = CapacityReport(rows, advise(600, 566, 8000.0, (3.0, 3.0), 3.0)).to_text()
    assert short.startswith("576 booths placed. No layout with these booths and aisles can pass")
    assert (
        "target 600 booths of 3 × 3 m: does not fit; 566 booths of 3 × 3 m placed "
        "(576 in all, counting 10 of 6 × 9 m in Car display). It would take:"
    ) in short
    fits = CapacityReport(rows, advise(500, 566, 8000.0, (3.0, 3.0), 3.0)).to_text()
    assert "target 500 booths of 3 × 3 m: fits; 566 booths of 3 × 3 m placed (576 in all" in fits
    alone = CapacityReport(rows[1:], advise(500, 566, 8000.0, (3.0, 3.0), 3.0)).to_text()
    assert "fits; 566 booths of 3 × 3 m placed.\n" in alone + "\n"


def test_frozen_numbers_stay_through_a_repack_unless_renumber(plan_path, capsys):
    from planner.model import Obstacle
    from planner.model.frozen import is_frozen

    assert run(capsys, "pack", plan_path)[0] == 0
    code, out, _ = run(capsys, "freeze", plan_path)
    packed = read_plan(plan_path)
    assert code == 0 and out == f"Freeze {len(packed.booths)} booth numbers.\n"
    free = sorted(packed.booths.values(), key=lambda b: b.number)
    centre = free[len(free) // 2].geometry.centroid
    block = box(centre.x - 2, centre.y - 2, centre.x + 2, centre.y + 2)
    with_column = packed.apply(
        packed.edit("Column").put(Obstacle("obstacle-99", "cột", block)).build()
    )
    write_plan(with_column, plan_path)
    code, out, _ = run(capsys, "pack", plan_path)
    assert code == 0
    kept = read_plan(plan_path)
    assert all(kept.booths[b.id] == b for b in packed.booths.values())  # packed around them
    assert f"{len(packed.booths)} frozen booths left as they were (--renumber moves them)" in out
    code, out, _ = run(capsys, "pack", plan_path, "--renumber")
    assert code == 0
    renumbered = read_plan(plan_path)
    assert not any(b.geometry.intersects(block) for b in renumbered.booths.values())
    assert "of them frozen" in out and not any(is_frozen(b) for b in renumbered.booths.values())


def test_the_capacity_report_is_in_plain_words_and_its_columns_line_up():
    """Issue "An organiser's whole job", break 7: the report said "bound" and "eff.", and its
    columns went out of line on Vietnamese and Chinese names."""
    from planner.wording import display_width

    rows = (
        ZoneCapacity("Khu ẩm thực Sơn La", "culinary", (3.0, 3.0), 3.0, 40, 0, 624.0, 46.2),
        ZoneCapacity("大理展区", "standard", (3.0, 3.0), 3.0, 444, 0, 6942.0, 514.2),
    )
    text = CapacityReport(rows).to_text()
    lines = text.splitlines()
    assert lines[0] == (
        "484 booths placed. No layout with 3 × 3 m booths and 3 m aisles can pass about 560 "
        "(every booth needs its share of aisle in front); with a cross aisle at least every "
        "30 m, about 509 is the practical limit."
    )
    assert "bound" not in text and "eff." not in text
    table = lines[2:5]
    ends = {display_width(line) for line in table}
    assert len(ends) == 1, table  # the same width on screen, whatever the script
