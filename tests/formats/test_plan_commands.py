"""``boothplan new``, ``info`` and ``export`` through the real command line."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan, write_plan
from tests.formats.formats_helpers import FLOORS, LAOCAI, UNICODE, full_plan, run_cli


@pytest.mark.parametrize("floor", sorted(FLOORS.glob("*.geojson")), ids=lambda p: p.stem)
def test_new_imports_every_sample_floor(floor, tmp_path, capsys):
    out = tmp_path / f"{floor.stem}.boothplan"
    assert main(["new", "--floor", str(floor), "-o", str(out)]) == 0
    assert read_plan(out) == read_floor(floor)
    assert f"Wrote {out}" in capsys.readouterr().out


def test_new_with_a_name_and_refusing_to_overwrite(tmp_path):
    out = tmp_path / "plan.boothplan"
    result = run_cli("new", "--floor", str(LAOCAI), "-o", str(out), "--name", UNICODE)
    assert result.returncode == 0, result.stderr
    assert read_plan(out).name == UNICODE
    before = out.read_bytes()
    again = run_cli("new", "--floor", str(LAOCAI), "-o", str(out))
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert again.stderr == f"boothplan: {out} already exists; add --force to replace it.\n"
    assert out.read_bytes() == before
    forced = run_cli("new", "--floor", str(LAOCAI), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert read_plan(out).name == read_floor(LAOCAI).name


def test_info_json_on_the_laocai_floor(tmp_path):
    out = tmp_path / "laocai.boothplan"
    assert run_cli("new", "--floor", str(LAOCAI), "-o", str(out)).returncode == 0
    result = run_cli("info", str(out), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["name"].startswith("Hội chợ Thương mại Quốc tế Việt – Trung lần thứ 25")
    assert "第25届中越国际商品交易会" in info["name"]
    assert info["halls"] == 2
    assert info["hall_area_m2"] == 7200 + 2944
    assert [h["area_m2"] for h in info["hall_list"]] == [7200, 2944]
    zones = {z["name"]: z for z in info["zones"]}
    assert zones["Megalive stage"] == {
        "id": "zone-1",
        "name": "Megalive stage",
        "use": "feature",
        "booth": [3.0, 3.0],
        "aisle": 3.0,
        "packable": False,
        "area_m2": 16 * 12,
        "booths": 0,
    }
    assert zones["Car display"]["booth"] == [6.0, 9.0] and zones["Car display"]["aisle"] == 4.0
    assert zones["Car display"]["area_m2"] == 40 * 26
    assert zones["Culinary court"]["area_m2"] == 24 * 26
    assert info["booths"] == 0 and info["exhibitors"] == 0
    assert info["by_status"] == {
        "available": 0,
        "on_hold": 0,
        "reserved": 0,
        "confirmed": 0,
        "blocked": 0,
    }
    assert info["doors"] == 8 and info["entrances"] == 2 and info["obstacles"] == 18


def test_info_counts_booths_by_status_and_zone(tmp_path, capsys):
    plan = full_plan()
    path = tmp_path / "full.boothplan"
    write_plan(plan, path)
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["booths"] == 40 and info["exhibitors"] == 2
    assert sum(info["by_status"].values()) == 40
    statuses = [b.status for b in plan.booths.values()]
    assert info["by_status"] == {s: statuses.count(s) for s in info["by_status"]}
    in_zone = sum(1 for b in plan.booths.values() if b.zone_id == "zone-1")
    assert {z["id"]: z["booths"] for z in info["zones"]} == {"zone-1": in_zone, "zone-2": 0}
    assert info["booth_area_m2"] == pytest.approx(40 * 7.5)


def test_info_text_is_a_readable_summary(tmp_path, capsys):
    out = tmp_path / "laocai.boothplan"
    main(["new", "--floor", str(LAOCAI), "-o", str(out)])
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Plan: Hội chợ Thương mại Quốc tế Việt – Trung")
    assert "Halls: 2, 10,144.00 m² (Hall A 7,200.00 m²; Outdoor area B 2,944.00 m²)" in text
    assert "Car display (car): 1,040.00 m², booths 6 × 9 m, aisles 4 m, 0 booths" in text
    assert "Megalive stage (feature): 192.00 m², kept free of booths" in text
    assert "Doors: 8 (2 entrances, 6 exits); obstacles: 18" in text


def test_info_of_an_open_air_floor_says_how_people_come_in(tmp_path, capsys):
    floor = FLOORS / "haiphong-tranphu-sidewalk.geojson"
    out = tmp_path / "haiphong.boothplan"
    main(["new", "--floor", str(floor), "-o", str(out)])
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    # The hall areas add up to the total as printed (they were rounded to whole m², the total
    # not), and "Doors: 0 (0 entrances, 0 exits)" left the reader wondering how people get in.
    assert "3,460.48 m² (Vỉa hè Trần Phú 1,557.48 m²; Vườn hoa Kim Đồng 1,903.00 m²)" in text
    assert "Doors: none (open air: every hall edge is a way in); obstacles: 6" in text


def test_a_folder_as_output_is_named_before_force_is_suggested(tmp_path, capsys):
    assert main(["new", "--floor", str(LAOCAI), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder; give a file name for the plan." in err and "--force" not in err


def test_export_import_export_round_trip_through_the_cli(tmp_path):
    plan = full_plan()
    source = tmp_path / "full.boothplan"
    write_plan(plan, source)
    exported = tmp_path / "Hội chợ.geojson"
    result = run_cli("export", str(source), "-o", str(exported))
    assert result.returncode == 0, result.stderr
    data = json.loads(exported.read_text(encoding="utf-8"))
    booths = [f for f in data["features"] if f["properties"]["kind"] == "booth"]
    assert len(booths) == 40
    assert {"number", "zone", "status", "exhibitor", "locked"} <= set(booths[0]["properties"])
    again = tmp_path / "again.boothplan"
    assert run_cli("new", "--floor", str(exported), "-o", str(again)).returncode == 0
    assert read_plan(again) == plan
    # An export replaces the export it wrote before; someone else's file only with --force;
    # the plan itself never.
    assert run_cli("export", str(source), "-o", str(exported)).returncode == 0
    own_floor = tmp_path / "floor.geojson"
    own_floor.write_bytes(LAOCAI.read_bytes())
    refused = run_cli("export", str(source), "-o", str(own_floor))
    assert refused.returncode == 2 and "is not a GeoJSON file Boothplan wrote; add --force" in (
        refused.stderr
    )
    assert own_floor.read_bytes() == LAOCAI.read_bytes()
    onto_itself = run_cli("export", str(source), "-o", str(source), "--force")
    assert onto_itself.returncode == 2 and "is the plan itself" in onto_itself.stderr
    assert read_plan(source) == plan


def test_new_refuses_a_missing_floor(tmp_path):
    result = run_cli("new", "--floor", str(tmp_path / "nope.geojson"), "-o", str(tmp_path / "p"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == f"boothplan: {tmp_path / 'nope.geojson'} does not exist.\n"
