"""The lock file beside a plan: who has it open in the app, and a short lock for every save.

``fair.boothplan`` has ``.~fair.boothplan.lock`` beside it (hidden, like an office suite's),
which serves two purposes:

* **The holder record.** While a plan is open in the app, the file holds a small JSON record
  (user, host, process, when, a heartbeat the app refreshes every minute). Another window or
  program reads it to say who has the plan open, and opens it read-only unless the user takes
  over. A record whose process is gone, whose machine has restarted since, or whose heartbeat
  stopped long ago is stale: it is offered for removal, never removed without asking.
* **The write lock.** Every read-modify-write (each command-line command that changes a plan,
  each Save in the app) takes an exclusive lock on the same file through ``filelock`` for the
  few moments of comparing and writing. Never on the plan itself: a save replaces the plan by
  renaming a new file over it, so a lock held on the old file would lock nothing.

The lock file is removed when nobody holds the plan open, so a folder of plans stays tidy.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from planner.formats.plan_file import PlanFileError, who_am_i

HEARTBEAT_SECONDS = 60  # the app refreshes its record this often
STALE_AFTER_SECONDS = 10 * 60  # a record not refreshed for this long is a crashed app's
WRITE_LOCK_TIMEOUT = 30.0  # seconds a writer waits for another's save to finish


def lock_path(plan: str | os.PathLike[str]) -> Path:
    """``.~NAME.lock`` beside the real file (through links, so every path to it shares one)."""
    real = Path(os.path.realpath(plan))
    return real.with_name(f".~{real.name}.lock")


def _boot_id() -> str:
    """Changes when the machine restarts (Linux); a record from before a restart is stale."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _seconds_since(stamp: str) -> float:
    try:
        then = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return float("inf")
    return (datetime.now(UTC) - then).total_seconds()


@dataclass(frozen=True, slots=True)
class Holder:
    """Who has a plan open in the app, as its lock file says."""

    user: str
    host: str
    pid: int
    session: str  # one per window: two windows of one process are two holders
    since: str
    heartbeat: str
    boot_id: str = ""

    def describe(self) -> str:
        """ "minh on PC-01 since 2026-12-08 09:12 UTC" """
        since = self.since.replace("T", " ").replace("Z", " UTC")
        return f"{self.user} on {self.host} since {since}"

    def is_stale(self) -> bool:
        """The app that wrote this record is surely gone: its process has ended (same machine),
        the machine restarted since, or its heartbeat stopped long ago (any machine)."""
        if _seconds_since(self.heartbeat) > STALE_AFTER_SECONDS:
            return True
        if self.host != socket.gethostname():
            return False
        if self.boot_id and self.boot_id != _boot_id():
            return True
        return not _process_alive(self.pid)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


def new_holder(session: str) -> Holder:
    user = who_am_i().split("@", 1)[0]
    now = _now()
    return Holder(user, socket.gethostname(), os.getpid(), session, now, now, _boot_id())


def _parse(text: str) -> Holder | None:
    try:
        data = json.loads(text)
        return Holder(**{k: data[k] for k in Holder.__dataclass_fields__ if k in data})
    except (ValueError, TypeError, KeyError):
        return None


def read_holder(plan: str | os.PathLike[str]) -> Holder | None:
    """The app holding ``plan`` open, or ``None``. Read without the lock: a record caught half
    rewritten is read again a moment later."""
    path = lock_path(plan)
    for _ in range(3):
        try:
            text = path.read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError):
            return None
        except OSError:
            return None
        if not text.strip():
            return None
        holder = _parse(text)
        if holder is not None:
            return holder
        time.sleep(0.05)
    return None


def _file_lock(plan: str | os.PathLike[str], timeout: float) -> FileLock:
    # preserve_lock_file: filelock must neither truncate nor remove the file, which holds the
    # holder record; this module removes it itself, under the lock, when no one holds the plan.
    return FileLock(str(lock_path(plan)), timeout=timeout, preserve_lock_file=True)


@contextlib.contextmanager
def write_lock(plan: str | os.PathLike[str], timeout: float = WRITE_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the plan's write lock for a compare-and-save; :class:`PlanFileError` if another
    writer keeps it past ``timeout`` seconds or the folder allows no lock file."""
    lock = _file_lock(plan, timeout)
    try:
        lock.acquire()
    except Timeout:
        raise PlanFileError(
            f"{plan} is being saved by another program and stayed locked for {timeout:g} s; "
            "nothing was saved; try again in a moment."
        ) from None
    except OSError as error:  # the folder takes no new file: the save itself would fail too
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        unchanged = (
            "the previous file is unchanged" if Path(plan).exists() else "nothing was written"
        )
        raise PlanFileError(
            f"Cannot save {plan}: {(reason or str(error)).lower()}; {unchanged}."
        ) from None
    try:
        yield
    finally:
        _tidy(plan)
        lock.release()


def _tidy(plan: str | os.PathLike[str]) -> None:
    """Remove the lock file if it holds no record (called with the write lock held; a writer
    waiting for the lock on the removed file notices and locks the new one: filelock checks)."""
    path = lock_path(plan)
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _write_record(plan: str | os.PathLike[str], holder: Holder | None) -> None:
    """Replace the record in place (never by rename: the lock is on this file's inode)."""
    path = lock_path(plan)
    data = b"" if holder is None else json.dumps(asdict(holder)).encode("utf-8")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, data, 0)
        os.fsync(fd)
    finally:
        os.close(fd)


def claim(plan: str | os.PathLike[str], holder: Holder) -> None:
    """Record ``holder`` as the app that has ``plan`` open (taking over any other record)."""
    with write_lock(plan):
        _write_record(plan, holder)


def refresh(plan: str | os.PathLike[str], holder: Holder) -> Holder | None:
    """Renew ``holder``'s heartbeat; returns the new record, or ``None`` if the record is no
    longer ``holder``'s (another window took over the plan)."""
    with write_lock(plan):
        current = read_holder(plan)
        if current is None or current.session != holder.session:
            return None
        renewed = Holder(**{**asdict(holder), "heartbeat": _now()})
        _write_record(plan, renewed)
        return renewed


def release(plan: str | os.PathLike[str], holder: Holder) -> None:
    """``holder`` closed the plan: its record goes (someone else's, after a take-over, stays)."""
    with contextlib.suppress(PlanFileError), write_lock(plan, timeout=5.0):
        current = read_holder(plan)
        if current is not None and current.session == holder.session:
            _write_record(plan, None)  # emptied, then removed by write_lock's tidy step


def remove_stale(plan: str | os.PathLike[str]) -> None:
    """The user agreed that the record left by a crashed app may go."""
    with write_lock(plan):
        _write_record(plan, None)


__all__ = [
    "HEARTBEAT_SECONDS",
    "STALE_AFTER_SECONDS",
    "Holder",
    "claim",
    "lock_path",
    "new_holder",
    "read_holder",
    "refresh",
    "release",
    "remove_stale",
    "write_lock",
]
