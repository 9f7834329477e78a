"""Damage is detected, not swallowed; changes made outside Boothplan are shown, not overwritten.

Issue "Nothing lost, nothing hung", row 2: one byte in the schema (``exhibitor_id`` turned into
``exhibitoz_id``) and ``info``, ``check`` and ``pdf`` exited 0 with every exhibitor holding no
booth; ``pack`` then saved it and 132 assignments were gone for good. Other one-byte flips
silently changed booth ids, and 19 of 34 accepted variants failed ``PRAGMA integrity_check``.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from planner.cli import main
from planner.formats.plan_file import (
    FORMAT_VERSION,
    PlanFileError,
    disk_version,
    open_plan,
    read_plan,
    write_plan,
)
from planner.formats.plan_schema import affinity, expected_schema
from planner.formats.plan_tables import create_tables
from tests.formats.formats_helpers import TEST_DATA, full_plan


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "fair.boothplan"
    write_plan(full_plan(), path)
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _flip(path: Path, old: bytes, new: bytes, after: bytes = b"") -> None:
    """Replace the first ``old`` after ``after`` in the file's bytes (same length)."""
    assert len(old) == len(new)
    data = bytearray(path.read_bytes())
    at = data.index(old, data.index(after) if after else 0)
    data[at : at + len(old)] = new
    path.write_bytes(bytes(data))


def test_the_expected_schema_is_the_one_create_tables_makes():
    conn = sqlite3.connect(":memory:")
    create_tables(sqlite_utils.Database(conn))
    made = {
        table: {row[1]: affinity(row[2]) for row in conn.execute(f"PRAGMA table_info([{table}])")}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert made == expected_schema()


def test_a_flipped_byte_in_a_column_name_is_damage_not_a_plan_without_exhibitors(plan_path, capsys):
    # The column's name lives in the CREATE TABLE text of sqlite_master: one byte of it.
    _flip(plan_path, b'"exhibitor_id" TEXT', b'"exhibitoz_id" TEXT', after=b'TABLE "booths"')
    before = _sha(plan_path)
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan_path)
    assert str(caught.value) == (
        f"{plan_path} is damaged: table booths has no column 'exhibitor_id' "
        "(it has 'exhibitoz_id' instead)."
    )
    pdf = plan_path.with_suffix(".pdf")
    for argv in (["info"], ["check"], ["pdf", "-o", str(pdf)], ["pack"]):
        assert main([argv[0], str(plan_path), *argv[1:]]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"boothplan: {plan_path} is damaged: table booths has no column")
    assert _sha(plan_path) == before and not pdf.exists()


def test_a_flipped_byte_in_a_booth_id_is_caught_by_sqlite_itself(plan_path, capsys):
    # The id is stored twice, in the row and in the primary-key index: changing one breaks
    # the other, which PRAGMA quick_check sees.
    _flip(plan_path, b"booth-17", b"booth-97")
    before = _sha(plan_path)
    with pytest.raises(PlanFileError, match=r"is damaged: SQLite finds its pages inconsistent"):
        read_plan(plan_path)
    assert main(["pack", str(plan_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert _sha(plan_path) == before


def test_a_scribbled_page_is_damage(plan_path):
    data = bytearray(plan_path.read_bytes())
    page = 4096
    data[3 * page + 8 : 3 * page + 200] = bytes(192)  # a b-tree page's cells zeroed
    plan_path.write_bytes(bytes(data))
    with pytest.raises(PlanFileError, match="is damaged"):
        read_plan(plan_path)


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            "UPDATE info SET aisle = 1e308",
            "table info, row 1 (id 'plan'): aisle 1e+308 m is over 100 m",
        ),
        (
            "UPDATE zones SET booth = '[0.01, 3]' WHERE id = 'zone-1'",
            "table zones, row 1 (id 'zone-1'): booth width 0.01 m is under 0.5 m",
        ),
        (
            "UPDATE booths SET id = 'booth-' || char(7) WHERE id = 'booth-4'",
            "table booths, row 4 (id 'booth-\\x07'): its id 'booth-\\x07' is not an id Boothplan",
        ),
        (
            "UPDATE booths SET note = 'x' WHERE 0",  # changes nothing: the plan is fine
            None,
        ),
    ],
)
def test_values_no_floor_can_have_are_damage(plan_path, statement, expected):
    _sql(plan_path, statement)
    if expected is None:
        assert read_plan(plan_path) == full_plan()
        return
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan_path)
    assert str(caught.value).startswith(f"{plan_path} is damaged: {expected}")


def test_a_change_made_outside_boothplan_is_read_but_never_written_over(plan_path, capsys):
    # What a planner does in Datasette: a note on a booth. The file is valid SQLite and a
    # valid plan; only the checksum shows that Boothplan did not write it.
    _sql(plan_path, "UPDATE booths SET note = 'gần cửa' WHERE id = 'booth-3'")
    opened = open_plan(plan_path)
    assert opened.changed_tables == ("booths",)
    assert opened.plan.booths["booth-3"].note == "gần cửa"
    before = _sha(plan_path)
    assert main(["info", str(plan_path)]) == 0
    out, err = capsys.readouterr()
    assert err == (
        f"boothplan: note: {plan_path} was changed outside Boothplan since it was saved "
        "(in booths); it is shown as it is now.\n"
    )
    assert "changed outside Boothplan since (in booths)" in out
    for argv in (["pack"], ["exhibitors", "release", str(plan_path), "A01"]):
        argv = [*argv, str(plan_path)] if argv == ["pack"] else argv
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err == (
            f"boothplan: {plan_path} was changed outside Boothplan since it was saved (in "
            "booths), so Boothplan will not write over it: look at it with boothplan info or "
            f"in the app, then run boothplan accept-changes {plan_path} to keep those changes.\n"
        )
    assert _sha(plan_path) == before
    assert main(["accept-changes", str(plan_path)]) == 0
    assert "Accepted the changes made outside Boothplan" in capsys.readouterr().out
    accepted = open_plan(plan_path)
    assert accepted.changed_tables == () and accepted.plan.booths["booth-3"].note == "gần cửa"
    assert accepted.stamp.revision == opened.stamp.revision + 1
    assert main(["exhibitors", "release", str(plan_path), "A01"]) == 0


def test_a_file_edited_in_place_is_a_new_version_even_with_the_same_stamp(plan_path):
    seen = disk_version(plan_path)
    db = sqlite_utils.Database(plan_path)
    db["booths"].update("booth-3", {"note": "x"})
    db.close()
    now = disk_version(plan_path)
    assert now.stamp == seen.stamp and now != seen


def test_released_v2_file_opens_verified():
    path = TEST_DATA / "plan-v2.boothplan"
    before = path.read_bytes()
    opened = open_plan(path)
    assert opened.plan == full_plan()
    assert opened.format_version == 2 and opened.changed_tables == ()
    assert (opened.stamp.revision, opened.stamp.save_id) == (3, "fixture-v2")
    assert path.read_bytes() == before


def test_a_version_1_file_opens_unverified_and_its_next_save_upgrades_it(tmp_path, capsys):
    path = tmp_path / "old.boothplan"
    shutil.copyfile(TEST_DATA / "plan-v1.boothplan", path)
    opened = open_plan(path)
    assert opened.format_version == 1 and opened.changed_tables == ()
    assert opened.stamp.revision == 0 and opened.stamp.save_id == ""
    assert main(["info", str(path)]) == 0
    assert "format version 1: the next save upgrades it" in capsys.readouterr().out
    assert main(["exhibitors", "status", str(path), "blocked", "A03"]) == 0
    upgraded = open_plan(path)
    assert upgraded.format_version == FORMAT_VERSION and upgraded.changed_tables == ()
    assert upgraded.stamp.revision == 1 and upgraded.stamp.saved_by.endswith(
        "(boothplan exhibitors status)"
    )
    assert upgraded.plan.booths["booth-3"].status == "blocked"


def test_a_salvage_reads_what_it_can_and_says_what_it_left_out(plan_path):
    _sql(
        plan_path,
        "UPDATE booths SET locked = 'yes' WHERE id = 'booth-3'",
        "UPDATE booths SET geometry = x'0103000000' WHERE id = 'booth-5'",
    )
    with pytest.raises(PlanFileError):
        open_plan(plan_path)
    salvaged = open_plan(plan_path, salvage=True)
    assert set(full_plan().booths) - set(salvaged.plan.booths) == {"booth-3", "booth-5"}
    assert salvaged.salvage_notes == (
        "table booths, row 5 (id 'booth-5'): its geometry is not readable WKB geometry; "
        "the row was left out",
        "table booths, row 3 (id 'booth-3'): locked should be true or false, not 'yes'; "
        "the row was left out",
    )
    assert len(salvaged.plan.exhibitors) == len(full_plan().exhibitors)


def test_a_polygon_that_crosses_itself_is_damage_not_a_geos_traceback(plan_path, capsys):
    """Found by the fuzz suite: a flipped bit in a booth's WKB made a coordinate 7.5e-203, the
    booth crossed itself, and check stopped with GEOS's TopologyException."""
    from shapely.geometry import Polygon

    bowtie = Polygon([(0, 0), (3, 3), (3, 0), (0, 3)])
    conn = sqlite3.connect(plan_path)
    conn.execute("UPDATE booths SET geometry = ? WHERE id = 'booth-6'", (bowtie.wkb,))
    conn.commit()
    conn.close()
    assert main(["check", str(plan_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"boothplan: {plan_path} is damaged: table booths, row 6 (id 'booth-6')")
    assert "its geometry is not a valid shape (self-intersection" in err
