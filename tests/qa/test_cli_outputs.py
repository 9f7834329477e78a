"""Writing a PDF, report, CSV or GeoJSON never replaces the plan being read, nor any other plan.

A slip such as ``boothplan pdf fair.boothplan -o fair.boothplan`` used to overwrite the plan
with a PDF and report success.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planner.cli import main
from planner.formats.geojson_floor import read_floor
from planner.formats.plan_file import is_plan_file, write_plan

FLOORS = Path(__file__).resolve().parents[3] / "shared" / "floors"

OUTPUT_COMMANDS = {
    "pdf": ["pdf", "{plan}", "-o", "{out}"],
    "report": ["report", "{plan}", "-o", "{out}"],
    "report --csv": ["report", "{plan}", "--csv", "-o", "{out}"],
    "exhibitors export": ["exhibitors", "export", "{plan}", "-o", "{out}"],
    "export --force": ["export", "{plan}", "-o", "{out}", "--force"],
}


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    floor = read_floor(FLOORS / "sonla-week-coopmart.geojson")
    first, second = folder / "first.boothplan", folder / "second.boothplan"
    write_plan(floor, first)
    write_plan(floor, second)
    return first, second


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
@pytest.mark.parametrize("target", ["itself", "another plan"])
def test_output_over_a_plan_is_refused(plans, command, target, capsys):
    plan, other = plans
    out = plan if target == "itself" else other
    before = (_sha(plan), _sha(other))
    argv = [a.format(plan=plan, out=out) for a in OUTPUT_COMMANDS[command]]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(out) in err and "give another file name" in err
    assert (_sha(plan), _sha(other)) == before


def test_a_pdf_of_a_floor_is_not_written_over_the_floor(tmp_path, capsys):
    floor = tmp_path / "floor.geojson"
    floor.write_bytes((FLOORS / "sonla-week-coopmart.geojson").read_bytes())
    before = _sha(floor)
    assert main(["pdf", str(floor), "-o", str(floor)]) == 2
    assert "is the plan itself" in capsys.readouterr().err
    assert _sha(floor) == before


def test_is_plan_file_knows_plans_from_other_files(plans, tmp_path):
    text = tmp_path / "notes.csv"
    text.write_text("name\nA\n", encoding="utf-8")
    assert is_plan_file(plans[0])
    assert not is_plan_file(text)
    assert not is_plan_file(tmp_path / "missing.boothplan")
    assert not is_plan_file(tmp_path)


@pytest.mark.parametrize("command", OUTPUT_COMMANDS)
def test_a_folder_or_a_missing_folder_as_output_is_one_clear_sentence(plans, command, capsys):
    plan = plans[0]
    folder = plan.parent
    for out, expected in [
        (folder, f"{folder} is a folder; give a file name for the "),
        (folder / "nowhere" / "out.file", "the folder"),
    ]:
        argv = [a.format(plan=plan, out=out) for a in OUTPUT_COMMANDS[command]]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1
        assert "Is a directory" not in err and "No such file" not in err
