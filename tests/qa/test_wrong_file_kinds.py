"""A file of the wrong kind in a slot (plan for CSV, GeoJSON for plan ...) is named for what it is.

These used to say a plan file "was probably saved in a legacy code page such as cp1258" or was
"not UTF-8 text (byte 102 cannot be read)".
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planner.cli import main
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import write_plan

FLOORS = Path(__file__).resolve().parents[3] / "shared" / "floors"
SONLA = FLOORS / "sonla-week-coopmart.geojson"


@pytest.fixture
def files(tmp_path):
    plan = tmp_path / "fair.boothplan"
    write_plan(read_floor(SONLA), plan)
    floor = tmp_path / "floor.geojson"
    floor.write_bytes(SONLA.read_bytes())
    return {"plan": plan, "floor": floor, "folder": tmp_path}


CASES = [
    (["exhibitors", "import", "{plan}", "{plan}"], "is a Boothplan plan file, not a CSV"),
    (["exhibitors", "import", "{plan}", "{floor}"], "is JSON (a GeoJSON floor or a report?)"),
    (["new", "--floor", "{plan}", "-o", "{folder}/new.boothplan"], "not a GeoJSON floor"),
    (["info", "{floor}"], "is JSON, not a Boothplan plan file"),
    (["pack", "{floor}"], "make a plan from it with boothplan new --floor"),
]


@pytest.mark.parametrize(("argv", "expected"), CASES)
def test_wrong_kind_of_file_is_named_in_one_sentence(files, capsys, argv, expected):
    before = {p: hashlib.sha256(p.read_bytes()).digest() for p in files["folder"].iterdir()}
    code = main([a.format(**files) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    after = {p: hashlib.sha256(p.read_bytes()).digest() for p in files["folder"].iterdir()}
    assert after == before


def test_pdf_reads_a_plan_by_its_content_whatever_its_name(files, capsys):
    disguised = files["folder"] / "plan.geojson"
    disguised.write_bytes(files["plan"].read_bytes())
    out = files["folder"] / "map.pdf"
    assert main(["pdf", str(disguised), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
