"""Plan files: exact round trips, tables a planner can query, open never writes, versions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest
import sqlite_utils
from shapely.geometry import box

from planner.formats import migrations
from planner.formats.plan_file import (
    APPLICATION_ID,
    FORMAT_VERSION,
    PlanFileError,
    open_plan,
    read_plan,
    write_plan,
)
from planner.model import Booth, Plan
from tests.formats.formats_helpers import TEST_DATA, UNICODE, full_plan


def test_round_trip_is_exact(plan, tmp_path):
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    again = read_plan(path)
    assert again == plan
    assert again.name == f"Hội chợ {UNICODE}"
    assert list(again.booths) == list(plan.booths), "booths keep their order"
    for booth in plan.booths.values():
        # Exactly the same coordinates, down to the last bit (0.1 + 0.2 stays 0.30000000000000004).
        assert again.booths[booth.id].geometry.equals_exact(booth.geometry, tolerance=0)
        assert list(again.booths[booth.id].geometry.exterior.coords) == list(
            booth.geometry.exterior.coords
        )
    assert again.booths["booth-1"].geometry.bounds[0] == 0.1 + 0.2
    assert again.halls["hall-1"].geometry.interiors, "the hall's hole survives"
    assert again.halls["hall-2"].geometry.geom_type == "MultiPolygon"
    assert again.exhibitors["exhibitor-1"].co_exhibitors == ("大理茶厂", "Hợp tác xã Mộc Châu")
    assert again.info.sectors == ("trà", "dược liệu")
    assert again.booths["booth-2"].extra == '{"colour": "đỏ"}'


def test_empty_plan_round_trips(tmp_path):
    path = tmp_path / "empty.boothplan"
    write_plan(Plan(), path)
    assert read_plan(path) == Plan()


def test_unicode_file_name(plan, tmp_path):
    path = tmp_path / "Hội chợ 大理 2025.boothplan"
    write_plan(plan, path)
    assert read_plan(path) == plan


def test_tables_are_queryable_by_a_planner(plan, tmp_path):
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    db = sqlite_utils.Database(path)
    assert {"info", "halls", "obstacles", "doors", "zones", "booths", "exhibitors"} <= set(
        db.table_names()
    )
    assert "booking_events" in db.table_names() and "meta" in db.table_names()
    row = next(db.query("SELECT * FROM booth_list WHERE number = 'A02'"))
    assert row["zone"] == "Ẩm thực 云南"
    assert row["exhibitor"] == "云南白药集团"
    assert row["status"] == "confirmed"
    assert row["geometry_wkt"].startswith("POLYGON ((")
    booth = next(db.query("SELECT number, zone_id, locked, flags FROM booths WHERE id = 'booth-1'"))
    assert booth == {"number": "A01", "zone_id": None, "locked": 1, "flags": '["column"]'}
    door = next(db.query("SELECT line_wkt, width FROM doors WHERE id = 'door-1'"))
    assert door["line_wkt"] == "LINESTRING (0 1.1, 0 5.3)" and door["width"] == 4.2
    assert dict(db.execute("SELECT key, value FROM meta").fetchall())["format_version"] == "2"
    db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_open_never_writes(plan, tmp_path):
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    past = 1_600_000_000
    os.utime(path, (past, past))
    before = path.read_bytes()
    folder_before = sorted(p.name for p in tmp_path.iterdir())
    for _ in range(2):
        assert read_plan(path) == plan
    assert path.read_bytes() == before
    assert path.stat().st_mtime == past
    assert sorted(p.name for p in tmp_path.iterdir()) == folder_before, "no -journal, -wal, -shm"


def test_saving_through_a_symlink_keeps_the_link(plan, tmp_path):
    real = tmp_path / "real.boothplan"
    write_plan(Plan(), real)
    link = tmp_path / "link.boothplan"
    link.symlink_to(real)
    write_plan(plan, link)
    assert link.is_symlink() and read_plan(real) == plan


_HALF_DONE_CHANGE = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
conn.execute("BEGIN")
conn.execute("UPDATE booths SET note = 'changed by another program'")
conn.execute("UPDATE booths SET number = number || '-x'")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_change_another_program_left_half_done_is_undone_in_a_copy(tmp_path):
    """sqlite-utils killed mid-change leaves a hot journal: we read the consistent old plan
    from a private copy, and the user's file and journal stay exactly as they were."""
    plan = full_plan(booth_count=3000)
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    subprocess.run([sys.executable, "-c", _HALF_DONE_CHANGE, str(path)], check=False)
    journal = tmp_path / "plan.boothplan-journal"
    assert journal.exists() and journal.stat().st_size > 0, "the other program left a journal"
    before = (path.read_bytes(), journal.read_bytes())
    assert read_plan(path) == plan
    assert (path.read_bytes(), journal.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.boothplan",
        "plan.boothplan-journal",
    ]


def test_save_replaces_and_keeps_permissions(plan, tmp_path):
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    path.chmod(0o640)
    smaller = plan.apply(plan.edit().delete("booths", "booth-1").build())
    write_plan(smaller, path)
    assert read_plan(path) == smaller
    assert (path.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.boothplan"]


def test_a_file_that_lost_columns_is_damaged_and_a_salvage_takes_the_defaults(plan, tmp_path):
    """A column dropped or renamed (by hand, or one flipped byte) used to make every booth take
    the default without a word; the next save made that permanent. A field added to the model
    later comes with a format version and a migration, so no current file lacks a column."""
    path = tmp_path / "plan.boothplan"
    noted = plan.apply(
        plan.edit().put(replace(plan.booths["booth-3"], note="x", flags=("a",))).build()
    )
    write_plan(noted, path)
    conn = sqlite3.connect(path)
    conn.execute("DROP VIEW booth_list")
    conn.execute("ALTER TABLE booths DROP COLUMN note")
    conn.execute("ALTER TABLE booths DROP COLUMN flags")
    conn.execute("ALTER TABLE exhibitors DROP COLUMN booking_status")
    conn.commit()
    conn.close()
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    assert str(caught.value) == f"{path} is damaged: table booths has no column 'flags'."
    opened = open_plan(path, salvage=True)
    again = opened.plan
    assert again.booths["booth-3"].note == "" and again.booths["booth-3"].flags == ()
    assert again.exhibitors["exhibitor-1"].booking_status == "reserved"  # the default
    assert again.booths["booth-3"].geometry == plan.booths["booth-3"].geometry


def test_a_column_the_model_does_not_know_is_ignored(plan, tmp_path):
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE booths ADD COLUMN planner_note TEXT DEFAULT 'mine'")
    conn.commit()
    conn.close()
    assert read_plan(path) == plan


def test_released_v1_file_still_opens():
    """tests/data/plan-v1.boothplan was written by format version 1 from ``full_plan()``."""
    path = TEST_DATA / "plan-v1.boothplan"
    with open(path, "rb") as handle:
        header = handle.read(100)
    assert int.from_bytes(header[60:64], "big") == 1
    before = path.read_bytes()
    plan = read_plan(path)
    assert plan == full_plan()
    assert len(plan.booths) == 40 and plan.booths["booth-2"].exhibitor_id == "exhibitor-2"
    assert path.read_bytes() == before


def test_an_older_version_is_migrated_in_memory_and_the_file_is_untouched(plan, tmp_path):
    """The migration mechanism: a "version 0" file (booth number in another column) opens."""
    path = tmp_path / "old.boothplan"
    write_plan(plan, path)
    conn = sqlite3.connect(path)
    conn.execute("DROP VIEW booth_list")
    conn.execute("ALTER TABLE booths RENAME COLUMN number TO label")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    def v0_to_v1(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE booths RENAME COLUMN label TO number")

    source = sqlite3.connect(path)
    migrated = migrations.migrate(source, 0, target=1, steps={0: v0_to_v1})
    assert migrated is not source
    from planner.formats.plan_tables import read_tables

    assert read_tables(migrated).plan == plan
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == 1
    source.close()
    migrated.close()
    assert path.read_bytes() == before
    with pytest.raises(migrations.MigrationGap):
        migrations.migrate(sqlite3.connect(path), 0, target=1, steps={})


def test_current_version_needs_no_migration(tmp_path):
    conn = sqlite3.connect(":memory:")
    assert migrations.migrate(conn, FORMAT_VERSION) is conn
    assert set(migrations.MIGRATIONS) <= set(range(migrations.FIRST_VERSION, FORMAT_VERSION))


def test_big_plan_round_trips(tmp_path):
    plan = full_plan(booth_count=3000)
    path = tmp_path / "big.boothplan"
    write_plan(plan, path)
    assert read_plan(path) == plan


def test_saving_to_a_folder_or_missing_folder_is_refused(plan, tmp_path):
    with pytest.raises(PlanFileError, match="is a folder"):
        write_plan(plan, tmp_path)
    with pytest.raises(PlanFileError, match="does not exist"):
        write_plan(plan, tmp_path / "nowhere" / "plan.boothplan")


def test_duplicate_booth_numbers_and_geometry_kinds_survive(tmp_path):
    plan = Plan.from_entities([Booth("b", "1", box(0, 0, 1, 1)), Booth("c", "1", box(1, 0, 2, 1))])
    path = tmp_path / "p.boothplan"
    write_plan(plan, path)
    shutil.copy(path, tmp_path / "copy.boothplan")
    assert read_plan(tmp_path / "copy.boothplan") == plan


def test_a_plan_with_a_missing_geometry_is_never_saved(plan, tmp_path):
    """A bug elsewhere must not turn into a file that cannot be opened: the old file stays."""
    path = tmp_path / "plan.boothplan"
    write_plan(plan, path)
    before = path.read_bytes()
    broken = plan.apply(plan.edit().put(replace(plan.booths["booth-1"], geometry=None)).build())
    with pytest.raises(ValueError, match="has no geometry"):
        write_plan(broken, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.boothplan"]
