"""Bringing a plan file of an older format version up to the current one, in memory.

Opening never writes to the user's file, so an older file is first copied into an in-memory
database (SQLite's backup API: page by page, fast) and the migrations run on that copy. The file
on disk stays exactly as it was until the user saves, which writes the current version.

``MIGRATIONS[n]`` turns a version ``n`` database into version ``n + 1``. To change the schema:
raise ``FORMAT_VERSION``, add the step here, keep a file of every released version in
``tests/data/plan-vN.boothplan`` and a test that it still opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

FORMAT_VERSION = 2  # the version this code writes
FIRST_VERSION = 1  # the oldest version it reads

Migration = Callable[[sqlite3.Connection], None]


def _v1_to_v2(db: sqlite3.Connection) -> None:
    """Version 2 stamps each save (revision, save id, who and when) and keeps a checksum per
    table in ``meta``. A version-1 file has neither: it reads as revision 0, not verified, and
    the next save writes both. The tables themselves did not change."""
    db.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [("revision", "0"), ("save_id", ""), ("saved_at", ""), ("saved_by", "")],
    )


MIGRATIONS: dict[int, Migration] = {
    1: _v1_to_v2,
}


class MigrationGap(RuntimeError):
    """No migration step is known from ``version`` (a programming error, not the user's)."""


def in_memory_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    memory = sqlite3.connect(":memory:")
    conn.backup(memory)
    return memory


def migrate(
    conn: sqlite3.Connection,
    version: int,
    target: int = FORMAT_VERSION,
    steps: dict[int, Migration] | None = None,
) -> sqlite3.Connection:
    """A connection holding the database of ``conn`` at version ``target``.

    ``conn`` itself is returned when nothing needs to change; otherwise an in-memory copy,
    migrated step by step, so the file behind ``conn`` is never written.
    """
    steps = MIGRATIONS if steps is None else steps
    if version >= target:
        return conn
    memory = in_memory_copy(conn)
    while version < target:
        step = steps.get(version)
        if step is None:
            memory.close()
            raise MigrationGap(f"no migration from plan format version {version}")
        with memory:
            step(memory)
            version += 1
            memory.execute(f"PRAGMA user_version = {version}")
            memory.execute(
                "UPDATE meta SET value = ? WHERE key = 'format_version'", (str(version),)
            )
    return memory


__all__ = ["FIRST_VERSION", "FORMAT_VERSION", "MIGRATIONS", "Migration", "migrate"]
