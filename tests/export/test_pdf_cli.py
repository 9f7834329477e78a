"""``boothplan pdf``: the command line over a real .boothplan file."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.export.layout import MM
from planner.formats.plan_file import write_plan
from tests.export.export_plans import FLOORS, small_plan


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "small.boothplan"
    write_plan(small_plan(), path)
    return path


def _mm(path):
    box = PdfReader(path).pages[0].mediabox
    return (round(float(box.width) / MM), round(float(box.height) / MM))


def test_pdf_command_writes_the_map(plan_file, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    code = main(["pdf", str(plan_file), "-o", str(out), "--paper", "a3", "--portrait", "--index"])
    assert code == 0
    assert _mm(out) == (297, 420)
    printed = capsys.readouterr().out
    assert "3 pages on A3 portrait" in printed
    assert len(PdfReader(out).pages) == 3  # map + two index sections


def test_pdf_command_json_summary_with_scale_and_colour(plan_file, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    args = ["pdf", str(plan_file), "-o", str(out), "--scale", "1:100", "--landscape"]
    code = main([*args, "--paper", "A4", "--color", "sector", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["scale"] == 100
    assert summary["orientation"] == "landscape"
    assert summary["pages"] == len(PdfReader(out).pages)
    assert summary["path"] == str(out)


def test_pdf_command_exhibitor_and_per_exhibitor(plan_file, tmp_path, capsys):
    out = tmp_path / "ex.pdf"
    assert main(["pdf", str(plan_file), "-o", str(out), "--exhibitor", "大理"]) == 0
    assert ": 1 page on " in capsys.readouterr().out  # not "1 page(s)"
    assert "大理" in PdfReader(out).pages[0].extract_text()
    assert main(["pdf", str(plan_file), "-o", str(out), "--per-exhibitor"]) == 0
    pages = len(PdfReader(out).pages)
    plan = small_plan()
    assert pages == len({b.exhibitor_id for b in plan.booths.values() if b.exhibitor_id})


def test_pdf_command_unknown_exhibitor_is_exit_2_with_one_sentence(plan_file, tmp_path, capsys):
    out = tmp_path / "ex.pdf"
    assert main(["pdf", str(plan_file), "-o", str(out), "--exhibitor", "Nobody"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("boothplan: ") and error.count("\n") == 1
    assert "Nobody" in error
    assert not out.exists()
    assert main(["pdf", str(plan_file), "-o", str(out), "--booth", "Q7"]) == 2
    assert "Q7" in capsys.readouterr().err


def test_pdf_command_refuses_bad_arguments(plan_file, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) as caught:
        main(["pdf", str(plan_file), "-o", str(out), "--scale", "1:zero"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        main(["pdf", str(plan_file), "-o", str(out), "--paper", "B5"])
    with pytest.raises(SystemExit):
        main(["pdf", str(plan_file), "-o", str(out), "--exhibitor", "a", "--booth", "A1"])


def test_pdf_command_prints_a_geojson_floor(tmp_path):
    out = tmp_path / "floor.pdf"
    floor = FLOORS / "haiphong-tranphu-sidewalk.geojson"
    assert main(["pdf", str(floor), "-o", str(out), "--paper", "A4"]) == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "Vỉa hè Trần Phú" in text
