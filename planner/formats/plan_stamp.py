"""Which save of a plan a file holds, and who made it: the stamp every save writes.

Writers compare what they read with what is on disk before they write (see
:mod:`planner.formats.plan_store`): the stamp inside the file (counted up by every save, with an
id no other save shares) and the file's identity outside, which a program that edits the file
in place changes without touching the stamp.
"""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


def who_am_i(program: str = "boothplan") -> str:
    """Who is saving, for the stamp and the lock: ``minh@PC-01 (boothplan pack)``."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        user = str(os.getuid()) if hasattr(os, "getuid") else "someone"
    return f"{user}@{socket.gethostname()} ({program})"


@dataclass(frozen=True, slots=True)
class Stamp:
    """Which save of a plan a file holds: a revision counted up by every save, and an id no
    other save shares (two writers that both read revision 7 both write an 8)."""

    revision: int = 0
    save_id: str = ""  # empty for a version-1 file, which had no stamp
    saved_at: str = ""  # ISO 8601, UTC
    saved_by: str = ""

    def following(self, saved_by: str) -> Stamp:
        now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return Stamp(self.revision + 1, uuid.uuid4().hex, now, saved_by)

    def describe(self) -> str:
        """ "saved at 2026-12-08 10:02 UTC by minh@PC-01 (boothplan pack)" """
        if not self.saved_at:
            return "saved by an earlier Boothplan"
        when = self.saved_at.replace("T", " ").replace("Z", " UTC")
        return f"saved at {when} by {self.saved_by or 'someone'}"


@dataclass(frozen=True, slots=True)
class DiskVersion:
    """What a reader saw of a file, to tell at the next write whether someone changed it: the
    stamp inside, and the file's identity and size and time outside (a program that edits the
    file in place, as sqlite-utils does, leaves the stamp alone but not those)."""

    stamp: Stamp
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path, stamp: Stamp) -> DiskVersion:
        info = os.stat(path)
        return cls(stamp, info.st_ino, info.st_size, info.st_mtime_ns)


__all__ = ["DiskVersion", "Stamp", "who_am_i"]
