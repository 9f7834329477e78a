"""Saving is atomic: a killed save or a full disk leaves the old file, byte for byte.

Nothing here is mocked: a real process is killed with SIGKILL in the middle of a real save, a
real (tiny) filesystem runs out of space, and a real file-size limit makes the kernel refuse
writes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from planner.formats.plan_file import PlanFileError, read_plan, write_plan
from tests.formats.formats_helpers import ROOT, full_plan

_SAVER = """
import sys
sys.path.insert(0, {helpers!r})
from tests.formats.formats_helpers import full_plan
from planner.formats.plan_file import write_plan
plan = full_plan(booth_count={count})
print("ready", flush=True)
write_plan(plan, sys.argv[1])
print("saved", flush=True)
"""


def _start_saver(path: Path, count: int) -> subprocess.Popen:
    code = _SAVER.format(helpers=str(ROOT / "tests" / "formats"), count=count)
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".saving")]


def test_kill_in_the_middle_of_a_save_leaves_the_old_file(tmp_path):
    path = tmp_path / "plan.boothplan"
    old = full_plan(booth_count=20)
    write_plan(old, path)
    before = path.read_bytes()

    process = _start_saver(path, count=20_000)
    deadline = time.monotonic() + 60
    # Wait until SQLite is writing the temporary file, then kill without warning.
    while time.monotonic() < deadline:
        if any(t.stat().st_size > 0 for t in _temps(tmp_path)):
            break
        assert process.poll() is None, "the save finished before it could be interrupted"
        time.sleep(0.001)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert path.read_bytes() == before
    assert read_plan(path) == old
    leftovers = _temps(tmp_path)
    assert leftovers, "the killed save's temporary file is still there"
    # The next save cleans up after the dead process.
    write_plan(old, path)
    assert _temps(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.boothplan"]


def test_a_kill_at_any_moment_leaves_the_old_or_the_new_plan(tmp_path):
    path = tmp_path / "plan.boothplan"
    old = full_plan(booth_count=10)
    new = full_plan(booth_count=4000)
    write_plan(old, path)
    started = time.monotonic()
    write_plan(new, tmp_path / "timing.boothplan")
    duration = time.monotonic() - started
    (tmp_path / "timing.boothplan").unlink()
    outcomes = []
    for fraction in (0.0, 0.2, 0.4, 0.6, 0.8, None):
        write_plan(old, path)
        process = _start_saver(path, count=4000)
        if fraction is None:  # let this one finish: the kill then comes after the save
            assert process.stdout.readline().strip() == "saved"
        else:
            time.sleep(duration * fraction)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        found = read_plan(path)
        assert found in (old, new)
        outcomes.append("new" if found == new else "old")
    assert outcomes[0] == "old" and outcomes[-1] == "new", outcomes


@pytest.fixture
def tiny_disk():
    """A real 320 KiB filesystem (tmpfs), or a skip where mounting is not allowed."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = Path(tempfile.mkdtemp(prefix="boothplan-tiny-disk-"))
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=320k,mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


def test_full_disk_leaves_the_old_file_and_no_temporary_file(tiny_disk):
    path = tiny_disk / "plan.boothplan"
    old = full_plan(booth_count=20)
    write_plan(old, path)
    before = path.read_bytes()
    with pytest.raises(PlanFileError) as caught:
        write_plan(full_plan(booth_count=3000), path)  # about 1 MB: cannot fit
    assert str(caught.value) == (
        f"Cannot save {path}: the disk is full; the previous file is unchanged."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["plan.boothplan"]
    assert read_plan(path) == old
    # The failed save gave its space back: a plan that fits still saves.
    smaller = full_plan(booth_count=30)
    write_plan(smaller, path)
    assert read_plan(path) == smaller


def test_full_disk_on_a_new_file_leaves_nothing(tiny_disk):
    path = tiny_disk / "new.boothplan"
    with pytest.raises(PlanFileError, match="the disk is full; nothing was written"):
        write_plan(full_plan(booth_count=3000), path)
    assert list(tiny_disk.iterdir()) == []


_LIMITED = """
import resource, signal, sys
sys.path.insert(0, {helpers!r})
from tests.formats.formats_helpers import full_plan
from planner.formats.plan_file import PlanFileError, write_plan
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get the error (EFBIG), not the signal
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
try:
    write_plan(full_plan(booth_count=3000), sys.argv[1])
except PlanFileError as error:
    print(error)
    sys.exit(2)
"""


def test_kernel_refusing_writes_leaves_the_old_file(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) makes the kernel fail a write part-way: no mount needed."""
    path = tmp_path / "plan.boothplan"
    old = full_plan(booth_count=20)
    write_plan(old, path)
    before = path.read_bytes()
    code = _LIMITED.format(helpers=str(ROOT / "tests" / "formats"))
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout.startswith(f"Cannot save {path}: ")
    assert result.stdout.strip().endswith("the previous file is unchanged.")
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.boothplan"]


def test_geojson_export_on_a_full_disk_leaves_the_old_file(tiny_disk):
    from planner.formats.geojson_floor import FloorError, read_floor, write_geojson

    path = tiny_disk / "floor.geojson"
    small = full_plan(booth_count=5)
    write_geojson(small, path)
    before = path.read_bytes()
    with pytest.raises(FloorError) as caught:
        write_geojson(full_plan(booth_count=3000), path)
    assert (
        str(caught.value)
        == f"Cannot write {path}: the disk is full; the previous file is unchanged."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["floor.geojson"]
    assert read_floor(path) == small


def test_a_read_only_plan_is_not_replaced(tmp_path):
    # The rename only needs a writable folder, so a plan locked with chmod a-w was replaced.
    path = tmp_path / "final.boothplan"
    write_plan(full_plan(booth_count=2), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(PlanFileError, match=r"final\.boothplan: the file is read-only; the prev"):
        write_plan(full_plan(booth_count=3), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["final.boothplan"]  # no temporary left
