"""The command line end to end on real plan files: refused imports leave the file untouched."""

from __future__ import annotations

import csv
import json

import pytest

from planner.cli import main
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import read_plan, write_plan
from tests.exhibitors.exhibitor_fixtures import EXHIBITORS, FLOORS, rows_on_floor


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "lào cai.boothplan"
    write_plan(rows_on_floor(read_floor(FLOORS / "laocai-fair-2025.geojson")), path)
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_refused_import_leaves_the_plan_file_byte_for_byte(plan_path, tmp_path, capsys):
    before = plan_path.read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,booths,sector\nGood,1,textiles\n,1,textiles\nOdd,-2,textiles\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "exhibitors", "import", plan_path, bad)
    assert code == 2 and out == ""
    assert "bad.csv has 2 bad rows, so nothing was imported" in err
    assert "bad.csv line 3: the name is empty." in err
    assert "bad.csv line 4: the booth count '-2' is negative." in err
    assert "Traceback" not in err
    assert plan_path.read_bytes() == before

    latin = tmp_path / "latin.csv"
    latin.write_bytes("name\nCafé Sa Pa\n".encode("latin-1"))
    code, _, err = run(capsys, "exhibitors", "import", plan_path, latin)
    assert code == 2 and "latin.csv is not UTF-8 text" in err
    assert plan_path.read_bytes() == before

    code, _, err = run(capsys, "exhibitors", "import", plan_path, bad, "--dry-run", "--skip-bad")
    assert code == 0 and "skipped: bad.csv line 3" in err
    assert plan_path.read_bytes() == before

    code, out, err = run(capsys, "exhibitors", "import", plan_path, bad, "--skip-bad")
    assert code == 0 and "1 new" in out and "skipped 2 bad rows" in out
    assert [e.name for e in read_plan(plan_path).exhibitors.values()] == ["Good"]


def test_import_allocate_report_export_round(plan_path, tmp_path, capsys):
    code, out, _ = run(
        capsys, "exhibitors", "import", plan_path, EXHIBITORS / "laocai-fair-2025.csv"
    )
    assert code == 0 and "64 new" in out
    code, out, _ = run(capsys, "exhibitors", "list", plan_path, "--json")
    listed = json.loads(out)
    assert len(listed) == 64 and listed[-1]["name"] == "云南过桥米线 <小吃> & 烧烤"

    code, out, _ = run(
        capsys,
        "exhibitors",
        "allocate",
        plan_path,
        "--dry-run",
        "--json",
        "--only",
        "Northwest Kitchen",
        "exhibitor-1",
    )
    assert [p["name"] for p in json.loads(out)["placed"]] == [
        "Công ty TNHH Vật liệu xây dựng Bắc Hà 1",
        "Bếp Tây Bắc: Thắng cố & Lợn cắp nách",
    ]
    assert not read_plan(plan_path).booking_events  # a dry run saves nothing
    code, out, _ = run(capsys, "exhibitors", "allocate", plan_path)
    assert code == 0 and out.startswith("Placed 64 exhibitors on 132 booths; 0 could not")
    plan = read_plan(plan_path)
    assert sum(1 for b in plan.booths.values() if b.exhibitor_id) == 132
    assert len(plan.booking_events) == 132

    code, out, _ = run(
        capsys,
        "prices",
        plan_path,
        "--default",
        "1,500,000",
        "--zone",
        "Car display",
        "--per-m2",
        "800000",
        "--corner-premium",
        "0.15",
    )
    assert code == 0 and "corner premium 15%" in out
    plan = read_plan(plan_path)
    assert plan.info.price_per_m2 == 1_500_000
    assert next(z for z in plan.zones.values() if z.name == "Car display").price_per_m2 == 800_000

    code, out, _ = run(capsys, "report", plan_path, "--json")
    report = json.loads(out)
    assert report["exhibitors"]["booths_held"] == 132
    assert report["revenue"]["sold"] > 0
    code, out, _ = run(capsys, "report", plan_path, "--csv")
    assert out.startswith("group,key,booths,area_m2,value,")
    code, out, _ = run(capsys, "report", plan_path)
    assert "Sales report:" in out and "By country" in out

    exported = tmp_path / "out.csv"
    code, out, _ = run(capsys, "exhibitors", "export", plan_path, "-o", exported)
    assert code == 0 and "Wrote 64 exhibitors" in out
    with open(exported, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["phone"] == "'+84 214 3897188"
    assert all(r["booth_numbers"] for r in rows)
    before = plan_path.read_bytes()
    code, out, _ = run(capsys, "exhibitors", "import", plan_path, exported)
    assert code == 0 and "0 new, 0 updated, 64 unchanged" in out
    assert plan_path.read_bytes() == before  # nothing changed, so nothing written


def test_booking_commands(plan_path, tmp_path, capsys):
    people = tmp_path / "people.csv"
    people.write_text("name,booths\nHTX Sơn La,2\n大理家具,1\n", encoding="utf-8")
    run(capsys, "exhibitors", "import", plan_path, people)
    code, out, _ = run(
        capsys, "exhibitors", "assign", plan_path, "HTX Sơn La", "B1", "B2", "--status", "sold"
    )
    assert code == 0 and "Assign B1, B2 to HTX Sơn La" in out
    code, _, err = run(capsys, "exhibitors", "assign", plan_path, "大理家具", "B2")
    assert code == 2
    held = "booth B2 is already held by HTX Sơn La; release it first."
    assert err == f"boothplan: {plan_path}: {held}\n"
    code, out, _ = run(capsys, "exhibitors", "move", plan_path, "B2", "B3")
    assert code == 0
    code, _, _ = run(capsys, "exhibitors", "status", plan_path, "blocked", "B4")
    code, _, err = run(capsys, "exhibitors", "assign", plan_path, "大理家具", "B4")
    assert code == 2 and f"{plan_path}: booth B4 is blocked" in err
    code, out, _ = run(capsys, "exhibitors", "history", plan_path, "B2")
    assert "assign\tConfirmed / sold\tHTX Sơn La" in out and "move\tAvailable" in out
    assert out.endswith("\n2 changes to booth B2.\n")
    code, out, _ = run(capsys, "exhibitors", "history", plan_path, "B4")
    assert out.endswith("\n1 change to booth B4.\n")  # not "1 changes"
    code, _, _ = run(capsys, "exhibitors", "release", plan_path, "B1")
    plan = read_plan(plan_path)
    held = {
        b.number: (b.status, b.exhibitor_id)
        for b in plan.booths.values()
        if b.status != "available"
    }
    assert held == {"B3": ("confirmed", "exhibitor-1"), "B4": ("blocked", None)}
    code, _, err = run(capsys, "exhibitors", "assign", plan_path, "nobody", "B5")
    assert code == 2
    assert err == f"boothplan: {plan_path}: there is no exhibitor 'nobody' in the plan.\n"
    code, out, _ = run(capsys, "exhibitors", "sectors", plan_path, "--add", "Đồ chơi")
    assert "đồ chơi\t(added)" in out
    assert read_plan(plan_path).info.sectors == ("đồ chơi",)
    code, out, _ = run(capsys, "exhibitors", "remove", plan_path, "HTX Sơn La")
    assert code == 0 and len(read_plan(plan_path).exhibitors) == 1


def test_prices_json_and_report_to_a_file(plan_path, tmp_path, capsys):
    code, _, err = run(capsys, "prices", plan_path, "--per-m2", "5")
    assert code == 2 and "name the zone with --zone" in err
    code, _, err = run(capsys, "prices", plan_path, "--zone", "Nowhere", "--per-m2", "5")
    assert code == 2 and f"{plan_path}: there is no zone 'Nowhere' in the plan" in err
    code, out, _ = run(capsys, "prices", plan_path, "--default", "100", "--json")
    data = json.loads(out)
    assert data["price_per_m2"] == 100 and data["currency"] == "VND"
    corner = next(b for b in data["booths"] if b["corner"])
    plain = next(b for b in data["booths"] if not b["corner"] and b["area_m2"] == corner["area_m2"])
    assert corner["price"] == pytest.approx(plain["price"] * 1.1)
    out_csv = tmp_path / "báo cáo.csv"
    code, out, _ = run(capsys, "report", plan_path, "--csv", "-o", out_csv)
    assert code == 0 and out_csv.read_bytes().startswith(b"\xef\xbb\xbfgroup,key,")


def test_allocate_says_who_it_leaves_short_of_booths(plan_path, tmp_path, capsys):
    first = tmp_path / "first.csv"
    first.write_text("name,booths\nHTX Sơn La,1\n", encoding="utf-8")
    code, out, _ = run(capsys, "exhibitors", "import", plan_path, first)
    assert out.startswith(f"Read 1 exhibitor from {first} (1 new")  # not "1 exhibitors"
    code, out, _ = run(capsys, "exhibitors", "allocate", plan_path)
    assert out.startswith("Placed 1 exhibitor on 1 booth;") and "Left alone" not in out
    more = tmp_path / "more.csv"
    more.write_text("name,booths\nHTX Sơn La,3\n", encoding="utf-8")
    run(capsys, "exhibitors", "import", plan_path, more)
    code, out, _ = run(capsys, "exhibitors", "allocate", plan_path)
    # Allocation leaves exhibitors holding booths alone; it used to say only "Placed 0".
    assert code == 0 and out.startswith("Placed 0 exhibitors on 0 booths;")
    assert "  HTX Sơn La: holds 1 of the 3 booths asked for\n" in out
    # --json carries the same list, so a script sees who is short too.
    code, out, _ = run(capsys, "exhibitors", "allocate", plan_path, "--json", "--dry-run")
    data = json.loads(out)
    assert code == 0 and data["placed"] == [] and data["unplaced"] == []
    assert data["short"] == [{"id": "exhibitor-1", "name": "HTX Sơn La", "holds": 1, "wanted": 3}]


def test_model_errors_name_the_plan_file_once(plan_path, tmp_path, capsys):
    """Booking, roster, pricing, packing and allocation errors know the plan but not its
    file: the command line puts the file in front, for every command alike."""
    cases = [
        (("exhibitors", "release", plan_path, "Z-99"), "there is no booth 'Z-99' in the plan."),
        (("exhibitors", "remove", plan_path, "nobody"), "there is no exhibitor 'nobody'"),
        (("exhibitors", "allocate", plan_path, "--only", "nobody"), "there is no exhibitor"),
        (("prices", plan_path, "--corner-premium", "5"), "a corner premium of 5.0 would be"),
        (("pack", plan_path, "--zone", "nowhere"), "has no packable zone or hall named"),
    ]
    before = plan_path.read_bytes()
    for argv, problem in cases:
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.startswith(f"boothplan: {plan_path}: ") and problem in err, argv
        assert err.count(plan_path.name) == 1 and err.count("\n") == 1
    assert plan_path.read_bytes() == before
    # Errors that already name their file are left alone: no doubled name.
    missing = tmp_path / "missing.boothplan"
    code, _, err = run(capsys, "exhibitors", "assign", missing, "x", "B1")
    assert code == 2 and err.count("missing.boothplan") == 1
    code, _, err = run(capsys, "exhibitors", "import", plan_path, tmp_path / "none.csv")
    assert code == 2 and plan_path.name not in err and "none.csv" in err


def test_prices_of_an_unpriced_plan_say_not_set_and_skip_feature_zones(plan_path, capsys):
    code, out, _ = run(capsys, "prices", plan_path)
    assert code == 0
    assert out.startswith("Default price: not set; corner premium 10%")
    assert "0.00 VND/m²" not in out
    assert "  Car display: not set\n" in out
    assert "Megalive stage" not in out  # a feature zone: never holds booths, so never priced
    assert "No price is set yet: give one with --default X" in out
    code, out, _ = run(capsys, "prices", plan_path, "--zone", "Car display", "--per-m2", "50000")
    assert out.startswith("Default price: 0.00 VND/m²;")  # set zones: the 0 default is real
    assert "  Car display: 50,000.00 VND/m²\n" in out and "  Culinary court: plan default\n" in out
    assert "No price is set yet" not in out and "Megalive stage" not in out


def test_report_write_error_has_the_common_form(plan_path, tmp_path, capsys):
    locked = tmp_path / "báo cáo.txt"
    assert run(capsys, "report", plan_path, "-o", locked)[0] == 0
    old = locked.read_text(encoding="utf-8")
    locked.chmod(0o444)
    code, out, err = run(capsys, "report", plan_path, "-o", locked)
    assert code == 2 and out == ""
    assert err == (
        f"boothplan: Cannot write {locked}: the file is read-only; "
        "the previous file is unchanged.\n"
    )
    assert locked.read_text(encoding="utf-8") == old
