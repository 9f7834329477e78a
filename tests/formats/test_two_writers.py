"""Two writers on one plan: both edits end up in the file, or the second is refused in words.

Issue "Nothing lost, nothing hung", row 1: ``pack`` and ``exhibitors import`` on one plan at
once lost the import in 26 of 50 rounds (and the pack in one), both exiting 0.

The interleaving is forced, not hoped for: each command runs in its own process through a
driver that pauses it between comparing the file with what it read and writing, until the
other command has reached the same point (or a few seconds have passed). With the write lock
the second command waits at the lock instead, finds the file changed, and redoes its change on
the new version. With the lock taken away, both write, and one edit is lost: that run shows
the test can see a lost update.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from planner.formats.plan_file import open_plan, write_plan
from planner.formats.plan_lock import lock_path, write_lock
from tests.formats.formats_helpers import ROOT, SONLA

EXHIBITORS = ROOT.parent / "shared" / "exhibitors" / "sonla-week.csv"

# Runs one boothplan command, paused between its comparison and its write (see the module).
DRIVER = """
import contextlib, os, sys, time
from pathlib import Path
import planner.formats.plan_store as store

here, there = Path(os.environ["BARRIER_ME"]), Path(os.environ["BARRIER_OTHER"])
if os.environ.get("NO_LOCK"):
    store.write_lock = lambda *args, **kwargs: contextlib.nullcontext()
real_write = store.write_plan

def paused_write(*args, **kwargs):
    here.touch()
    deadline = time.monotonic() + float(os.environ["PAUSE"])
    while not there.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return real_write(*args, **kwargs)

store.write_plan = paused_write
from planner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _start(argv: list[str], me: Path, other: Path, no_lock: bool) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BARRIER_ME": str(me),
        "BARRIER_OTHER": str(other),
        "PAUSE": "2",
    }
    if no_lock:
        env["NO_LOCK"] = "1"
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _race(tmp_path: Path, no_lock: bool) -> tuple[Path, list[tuple[int, str]]]:
    from planner.formats.geojson_floor import read_floor

    plan = tmp_path / "fair.boothplan"
    write_plan(read_floor(SONLA), plan)
    a, b = tmp_path / "a.reached", tmp_path / "b.reached"
    pack = _start(["pack", str(plan)], a, b, no_lock)
    imports = _start(["exhibitors", "import", str(plan), str(EXHIBITORS)], b, a, no_lock)
    results = []
    for process in (pack, imports):
        _, err = process.communicate(timeout=120)
        results.append((process.returncode, err))
    return plan, results


def test_without_the_lock_one_edit_is_lost(tmp_path):
    plan, results = _race(tmp_path, no_lock=True)
    assert [code for code, _ in results] == [0, 0]  # both say they saved...
    saved = open_plan(plan).plan
    # ...but the file holds only one of the two edits.
    assert bool(saved.booths) != bool(saved.exhibitors)


def test_with_the_lock_both_edits_are_kept(tmp_path):
    plan, results = _race(tmp_path, no_lock=False)
    assert [code for code, _ in results] == [0, 0], results
    assert all("Traceback" not in err for _, err in results)
    opened = open_plan(plan)
    assert len(opened.plan.booths) == 64, "the pack is there"
    assert len(opened.plan.exhibitors) == 37, "and so is the import"
    assert opened.stamp.revision == 3  # written by new, then by each command once
    assert not lock_path(plan).exists(), "no lock file is left behind"


def test_the_second_writer_gives_up_in_words_when_the_file_keeps_changing(tmp_path, monkeypatch):
    from planner.formats import plan_store
    from planner.formats.geojson_floor import read_floor
    from planner.formats.plan_store import update_plan

    plan = tmp_path / "fair.boothplan"
    write_plan(read_floor(SONLA), plan)
    real = plan_store.save_over

    def someone_saves_first(path, changed, read, program):
        # Another writer saves just before every one of ours.
        opened = open_plan(path)
        real(path, opened.plan, opened.version, "boothplan other")
        return real(path, changed, read, program)

    monkeypatch.setattr(plan_store, "save_over", someone_saves_first)
    before = open_plan(plan).plan

    def rename(p):
        return p.edit("Rename").put(replace(p.info, name="Hội chợ mới")).build(), None

    with pytest.raises(plan_store.PlanFileError) as caught:
        update_plan(plan, rename, "boothplan x")
    assert str(caught.value) == (
        f"{plan} was changed by another program 5 times while this command ran, so nothing "
        "was saved; run it again once the other program is done."
    )
    assert open_plan(plan).plan == before


def _count_under_lock(plan: str, counter: str, rounds: int) -> None:
    for _ in range(rounds):
        with write_lock(plan):
            value = int(Path(counter).read_text() or "0")
            Path(counter).write_text(str(value + 1))


def test_the_write_lock_excludes_while_its_file_comes_and_goes(tmp_path):
    """The lock file is removed after each write when no app holds the plan; a writer that was
    waiting on the removed file must still wait its turn (filelock checks the inode)."""
    plan = tmp_path / "fair.boothplan"
    plan.write_bytes(b"")
    counter = tmp_path / "count"
    counter.write_text("0")
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_count_under_lock, args=(str(plan), str(counter), 40))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert counter.read_text() == "160"
    assert not lock_path(plan).exists()
