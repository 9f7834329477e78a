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


# Issue "Nothing lost, nothing hung", row 7: no command writes over its own input, and a file
# Boothplan did not write is replaced only with --force (through a link too). Row 8: a link
# loop as output was a RuntimeError traceback.
WRITERS = {
    "pdf": (["pdf", "{plan}", "-o", "{out}"], "a PDF"),
    "report": (["report", "{plan}", "-o", "{out}"], "a report"),
    "report --csv": (["report", "{plan}", "--csv", "-o", "{out}"], "a report"),
    "report --json": (["report", "{plan}", "--json", "-o", "{out}"], "a report"),
    "exhibitors export": (["exhibitors", "export", "{plan}", "-o", "{out}"], "an exhibitor list"),
    "export": (["export", "{plan}", "-o", "{out}"], "a GeoJSON file"),
}


def _argv(command, plan, out, *extra):
    return [a.format(plan=plan, out=out) for a in WRITERS[command][0]] + list(extra)


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize("through_a_link", [False, True])
def test_someone_elses_file_is_replaced_only_with_force(
    plans, command, through_a_link, tmp_path, capsys
):
    floor = tmp_path / "floor.geojson"
    floor.write_bytes((FLOORS / "sonla-week-coopmart.geojson").read_bytes())
    out = floor
    if through_a_link:
        out = tmp_path / "map.out"
        out.symlink_to(floor)
    before = _sha(floor)
    assert main(_argv(command, plans[0], out)) == 2
    err = capsys.readouterr().err
    assert err == (
        f"boothplan: {out} already exists and is not {WRITERS[command][1]} Boothplan wrote; "
        "add --force to replace it.\n"
    )
    assert _sha(floor) == before
    assert main(_argv(command, plans[0], out, "--force")) == 0
    assert _sha(floor) != before


@pytest.mark.parametrize("command", WRITERS)
def test_a_file_boothplan_wrote_is_replaced_without_force(plans, command, tmp_path, capsys):
    out = tmp_path / "output"
    assert main(_argv(command, plans[0], out)) == 0
    out.write_bytes(out.read_bytes())  # a copy the user kept is still recognised
    assert main(_argv(command, plans[0], out)) == 0, capsys.readouterr().err


def test_new_never_replaces_its_own_floor(tmp_path, capsys):
    floor = tmp_path / "floor.geojson"
    floor.write_bytes((FLOORS / "sonla-week-coopmart.geojson").read_bytes())
    before = _sha(floor)
    assert main(["new", "--floor", str(floor), "-o", str(floor), "--force"]) == 2
    assert capsys.readouterr().err == (
        f"boothplan: {floor} is the floor itself; give another file name for the plan.\n"
    )
    assert _sha(floor) == before


@pytest.mark.parametrize("command", [*WRITERS, "new"])
def test_a_link_loop_or_a_device_as_output_is_one_sentence(plans, command, tmp_path, capsys):
    loop = tmp_path / "loop.pdf"
    loop.symlink_to(loop)
    floor = FLOORS / "sonla-week-coopmart.geojson"
    for out, expected in [
        (loop, f"{loop} is a symbolic link that leads round in a loop; give a file name"),
        ("/dev/null", "/dev/null is not a regular file (a device or a pipe); give a file name"),
    ]:
        if command == "new":
            argv = ["new", "--floor", str(floor), "-o", str(out), "--force"]
        else:
            argv = _argv(command, plans[0], out, "--force")
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"boothplan: {expected}") and err.count("\n") == 1
    assert Path("/dev/null").is_char_device()


def test_the_atomic_writer_names_a_link_loop(tmp_path):
    from planner.atomic_file import write_atomically
    from planner.errors import BoothplanError

    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    with pytest.raises(BoothplanError) as caught:
        write_atomically(loop, lambda temp: temp.write_bytes(b"x"))
    assert str(caught.value) == (
        f"Cannot write {loop}: it is a symbolic link that leads round in a loop; "
        "nothing was written."
    )
