"""Bad plan files are refused with one sentence naming the file and the problem.

Each case is checked twice: through ``read_plan`` (the exact message) and through the real
command line (exit code 2, the sentence on stderr, no traceback), and the file's bytes must be
unchanged afterwards.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point

from planner.formats.plan_file import FORMAT_VERSION, PlanFileError, read_plan, write_plan
from tests.formats.formats_helpers import ROOT, full_plan, run_cli


def _plan_file(folder: Path, name: str = "plan.boothplan") -> Path:
    path = folder / name
    write_plan(full_plan(), path)
    return path


def _sql(path: Path, *statements: str, params=()) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement, params if "?" in statement else ())
    conn.commit()
    conn.close()


def _not_sqlite(folder: Path) -> Path:
    path = folder / "notes.boothplan"
    path.write_text("Hall A, 12 booths; Hall B, 30 booths\n", encoding="utf-8")
    return path


def _geojson(folder: Path) -> Path:
    path = folder / "floor.boothplan"
    path.write_text('{"type": "FeatureCollection", "features": []}\n', encoding="utf-8")
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.boothplan"
    path.write_bytes(b"")
    return path


def _other_sqlite(folder: Path) -> Path:
    path = folder / "contacts.db"
    _sql(path, "CREATE TABLE people (name TEXT)", "INSERT INTO people VALUES ('Lan')")
    return path


def _newer(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    return path


def _truncated(folder: Path) -> Path:
    path = _plan_file(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _cut_in_header(folder: Path) -> Path:
    path = _plan_file(folder)
    path.write_bytes(path.read_bytes()[:60])
    return path


def _broken_geometry(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, "UPDATE booths SET geometry = x'0103000000' WHERE id = 'booth-5'")
    return path


def _null_geometry(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, "UPDATE halls SET geometry = NULL WHERE id = 'hall-2'")
    return path


def _point_booth(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, "UPDATE booths SET geometry = ? WHERE id = 'booth-7'", params=(Point(1, 2).wkb,))
    return path


def _bad_value(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, "UPDATE booths SET locked = 'yes' WHERE id = 'booth-3'")
    return path


def _missing_table(folder: Path) -> Path:
    path = _plan_file(folder)
    _sql(path, "DROP VIEW booth_list", "DROP TABLE booths")
    return path


def _malformed(folder: Path) -> Path:
    path = _plan_file(folder)
    data = bytearray(path.read_bytes())
    data[200:4096] = b"\xff" * (4096 - 200)  # scribble over the schema (page 1, after the header)
    path.write_bytes(bytes(data))
    return path


def _missing(folder: Path) -> Path:
    return folder / "gone.boothplan"


def _directory(folder: Path) -> Path:
    path = folder / "plans.boothplan"
    path.mkdir()
    return path


CASES = {
    "not SQLite": (_not_sqlite, "is not a Boothplan plan file: it is not an SQLite database"),
    "GeoJSON": (_geojson, "is JSON, not a Boothplan plan file; if it is a GeoJSON floor"),
    "empty": (_empty, "is empty, not a Boothplan plan file"),
    "SQLite but not a plan": (_other_sqlite, "is an SQLite database but not a Boothplan plan"),
    "newer version": (
        _newer,
        f"was saved by a newer Boothplan (plan format version {FORMAT_VERSION + 1}",
    ),
    "truncated": (_truncated, "is truncated: it should be"),
    "cut inside the header": (_cut_in_header, "is truncated"),
    "broken geometry": (
        _broken_geometry,
        "is damaged: table booths, row 5 (id 'booth-5'): its geometry is not readable WKB",
    ),
    "missing geometry": (
        _null_geometry,
        "table halls, row 2 (id 'hall-2'): its geometry is missing",
    ),
    "wrong geometry": (
        _point_booth,
        "row 7 (id 'booth-7'): its geometry is a Point, not a Polygon",
    ),
    "bad value": (_bad_value, "row 3 (id 'booth-3'): locked should be true or false"),
    "missing table": (_missing_table, "is damaged: the table booths is missing"),
    "malformed": (_malformed, "is damaged"),
    "missing file": (_missing, "does not exist"),
    "directory": (_directory, "is a folder, not a plan file"),
}


def _snapshot(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


@pytest.mark.parametrize("case", list(CASES))
def test_read_plan_refuses_with_one_sentence(case, tmp_path):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = _snapshot(path)
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    message = str(caught.value)
    assert str(path) in message
    assert expected in message
    assert message.endswith(".") and "\n" not in message
    assert _snapshot(path) == before


_EXPORT_TOO = {"not SQLite", "newer version", "broken geometry", "directory"}


@pytest.mark.parametrize("case", list(CASES))
def test_cli_refuses_with_exit_2_and_no_traceback(case, tmp_path):
    make, expected = CASES[case]
    path = make(tmp_path)
    before = _snapshot(path)
    commands = [["info", str(path)]]
    if case in _EXPORT_TOO:
        commands.append(["export", str(path), "-o", str(tmp_path / "o.json")])
    for command in commands:
        result = run_cli(*command)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"boothplan: {path} ")
        assert expected in result.stderr and result.stderr.count("\n") == 1
    assert _snapshot(path) == before
    assert not (tmp_path / "o.json").exists()


# As root every file is readable, so the unreadable-file case runs the CLI as user "nobody".
# The interpreter lives in root's home, so the child starts as root, imports what it needs and
# then drops to nobody before the command runs: the permission check is the kernel's, for real.
_AS_NOBODY = """
import os, sys
import encodings.utf_8_sig
import planner.cli, planner.cli.plan_commands, planner.formats.plan_file
import planner.formats.geojson_floor
planner.cli.build_parser()  # imports every command module while the interpreter is readable
os.setgroups([])
os.setgid(65534)
os.setuid(65534)
sys.exit(planner.cli.main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(os, "setuid") or os.geteuid() != 0, reason="needs root to drop")
def test_unreadable_file_is_refused_for_a_user_without_permission():
    """And, once readable, the same user opens it from a folder they cannot write to."""
    folder = Path(tempfile.mkdtemp(prefix="boothplan-perm-"))
    try:
        folder.chmod(0o755)
        path = _plan_file(folder, "secret.boothplan")
        path.chmod(0o600)  # root's, unreadable for nobody
        before = path.read_bytes()
        result = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, "info", str(path)],
            capture_output=True,
            text=True,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert f"{path} cannot be read: permission denied." in result.stderr
        path.chmod(0o644)  # and the same user reads it once it may
        result = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, "info", "--json", str(path)],
            capture_output=True,
            text=True,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert path.read_bytes() == before
        # nobody cannot write in this folder: the read left nothing beside the file either
        assert [p.name for p in folder.iterdir()] == ["secret.boothplan"]
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


@pytest.mark.skipif(not hasattr(os, "setuid") or os.geteuid() != 0, reason="needs root to drop")
def test_saving_where_the_user_may_not_write_is_refused_and_changes_nothing():
    folder = Path(tempfile.mkdtemp(prefix="boothplan-perm-"))
    try:
        folder.chmod(0o755)  # root's: nobody may read it but not write in it
        path = _plan_file(folder, "shared.boothplan")
        path.chmod(0o666)  # even a writable file cannot be replaced in an unwritable folder
        before = path.read_bytes()
        floor = ROOT.parent / "shared" / "floors" / "sonla-week-coopmart.geojson"
        command = ["new", "--floor", str(floor), "-o", str(path), "--force"]
        result = subprocess.run(
            [sys.executable, "-c", _AS_NOBODY, *command],
            capture_output=True,
            text=True,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr == (
            f"boothplan: Cannot save {path}: permission denied; the previous file is unchanged.\n"
        )
        assert path.read_bytes() == before
        assert [p.name for p in folder.iterdir()] == ["shared.boothplan"]
    finally:
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_every_refusal_case_is_distinct():
    """Guard against two cases silently testing the same thing."""
    assert len({expected for _, expected in CASES.values()}) == len(CASES)
    assert shapely.from_wkb(Point(1, 2).wkb).geom_type == "Point"
