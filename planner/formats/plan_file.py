"""``.boothplan`` files: SQLite application files holding one :class:`~planner.model.Plan`.

* ``write_plan`` saves atomically (see :mod:`planner.atomic_file`): a crash, a kill or a
  full disk at any moment leaves the old file or the new one, never a broken one.
* ``read_plan`` never writes to the file: it checks the 100-byte SQLite header itself (is it
  SQLite, is it a plan, which version, is it complete), then opens it read-only. An older format
  version is migrated in memory (:mod:`planner.formats.migrations`); a newer one is refused.
* Every problem is a :class:`PlanFileError`: one sentence naming the file and the problem.

The tables are described in :mod:`planner.formats.plan_tables`; a planner can open a file with
sqlite-utils or Datasette and query ``booths`` or the ``booth_list`` view directly.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path

import sqlite_utils

from planner import __version__
from planner.atomic_file import write_atomically
from planner.errors import BoothplanError
from planner.formats.input_file import check_regular_file
from planner.formats.migrations import FIRST_VERSION, FORMAT_VERSION, migrate
from planner.formats.plan_tables import (
    RowProblem,
    create_indexes,
    create_tables,
    insert_rows,
    read_tables,
)
from planner.model.plan import Plan

APPLICATION_ID = 0x42504C4E  # "BPLN": marks an SQLite file as a Boothplan plan
SUFFIX = ".boothplan"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class PlanFileError(BoothplanError):
    """A plan file that cannot be read or written; the message is one sentence for the user."""


# -- writing -----------------------------------------------------------------------------------
def _write_database(plan: Plan, path: Path) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        # The temporary file is thrown away on any failure and synced once at the end, so it
        # needs neither a rollback journal nor SQLite's own syncs.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
        conn.execute("BEGIN")
        db = sqlite_utils.Database(conn)
        create_tables(db)
        db["meta"].insert_all(
            [
                {"key": "application", "value": "boothplan"},
                {"key": "format_version", "value": str(FORMAT_VERSION)},
                {"key": "written_by", "value": f"boothplan {__version__}"},
            ]
        )
        insert_rows(db, plan)
        create_indexes(db)
        conn.execute("COMMIT")
    finally:
        conn.close()


def write_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Save ``plan`` to ``path`` atomically; :class:`PlanFileError` if it cannot be saved."""
    write_atomically(
        path,
        lambda temp: _write_database(plan, temp),
        PlanFileError,
        verb="save",
        failures=(sqlite3.Error,),
    )


# -- reading -----------------------------------------------------------------------------------
def _check_header(path: Path, header: bytes, size: int) -> int:
    """The file's format version, after checking the header says it is a whole plan file."""
    if size == 0:
        raise PlanFileError(f"{path} is empty, not a Boothplan plan file.")
    if header.startswith(_SQLITE_MAGIC) and len(header) < 100:
        raise PlanFileError(
            f"{path} is truncated: it ends after {len(header)} bytes, inside the header."
        )
    if header.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        raise PlanFileError(
            f"{path} is JSON, not a Boothplan plan file; if it is a GeoJSON floor, make a plan "
            "from it with boothplan new --floor."
        )
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise PlanFileError(f"{path} is not a Boothplan plan file: it is not an SQLite database.")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter, page_count) = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    (version,) = struct.unpack(">i", header[60:64])
    (app_id,) = struct.unpack(">I", header[68:72])
    if app_id != APPLICATION_ID:
        raise PlanFileError(
            f"{path} is an SQLite database but not a Boothplan plan "
            f"(its application id is {app_id:#010x}, a plan's is {APPLICATION_ID:#010x})."
        )
    if version > FORMAT_VERSION:
        raise PlanFileError(
            f"{path} was saved by a newer Boothplan (plan format version {version}; this "
            f"version reads up to {FORMAT_VERSION}): update Boothplan to open it."
        )
    if version < FIRST_VERSION:
        raise PlanFileError(f"{path} has an unknown plan format version ({version}).")
    if page_count and change_counter == valid_for and size < page_count * page_size:
        raise PlanFileError(
            f"{path} is truncated: it should be {page_count * page_size} bytes long but is "
            f"only {size} (it was probably cut off while being copied)."
        )
    if page_size < 512 or size % page_size:
        raise PlanFileError(f"{path} is damaged: its size is not a whole number of pages.")
    return version


_SIDECARS = ("-journal", "-wal")


def _open_for_reading(path: Path, cleanup: contextlib.ExitStack) -> sqlite3.Connection:
    """A connection that reads ``path`` and can never write to it.

    Normally the file is opened read-only and "immutable" (no locks, no journal look-ups), which
    is safe because Boothplan never changes a file in place. If another program (sqlite-utils,
    Datasette) left a journal or WAL beside the file -- it was killed part-way through a change
    -- the file alone is not the whole truth: the file and its sidecars are then copied to a
    private folder and SQLite recovers the copy, leaving the user's files exactly as they are.
    """
    sidecars = [path.with_name(path.name + s) for s in _SIDECARS]
    present = [s for s in sidecars if s.exists()]
    if not present:
        return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    folder = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="boothplan-read-")))
    copy = folder / "plan.boothplan"
    shutil.copyfile(path, copy)
    for sidecar in present:
        shutil.copyfile(sidecar, folder / (copy.name + sidecar.name[len(path.name) :]))
    return sqlite3.connect(copy)


def _read_header(path: Path) -> tuple[bytes, int]:
    check_regular_file(path, PlanFileError, "plan file")
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            return handle.read(100), size
    except PermissionError:
        raise PlanFileError(f"{path} cannot be read: permission denied.") from None
    except OSError as error:
        raise PlanFileError(f"{path} cannot be read: {error.strerror or error}.") from None


def is_plan_file(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a file that starts like a plan (an SQLite database marked BPLN).

    Lets writers of PDFs, reports and CSVs refuse to replace a plan, and readers of CSV and
    GeoJSON say "this is a plan file" instead of a puzzling complaint about its bytes.
    """
    try:
        with open(path, "rb") as handle:
            return looks_like_plan(handle.read(72))
    except OSError:
        return False


def looks_like_plan(data: bytes) -> bool:
    """True when ``data`` (a file's first bytes, or all of them) begin like a plan file."""
    if len(data) < 72 or not data.startswith(_SQLITE_MAGIC):
        return False
    return struct.unpack(">I", data[68:72])[0] == APPLICATION_ID


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """The plan saved in ``path``; :class:`PlanFileError` with one clear sentence if it is bad."""
    path = Path(path)
    header, size = _read_header(path)
    version = _check_header(path, header, size)
    try:
        return _read_database(path, version)
    except RowProblem as problem:
        raise PlanFileError(f"{path} is damaged: {problem.place()}: {problem.reason}.") from None
    except sqlite3.DatabaseError as error:
        raise PlanFileError(f"{path} is damaged: {error}.") from None
    except OSError as error:  # copying a file that another program left half-changed
        raise PlanFileError(f"{path} cannot be opened: {error.strerror or error}.") from None


def _read_database(path: Path, version: int) -> Plan:
    with contextlib.ExitStack() as cleanup:
        conn = _open_for_reading(path, cleanup)
        cleanup.callback(conn.close)
        current = migrate(conn, version)
        if current is not conn:
            cleanup.callback(current.close)
        return read_tables(current)


__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "SUFFIX",
    "PlanFileError",
    "is_plan_file",
    "looks_like_plan",
    "read_plan",
    "write_plan",
]
