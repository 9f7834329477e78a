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
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from planner import __version__
from planner.atomic_file import write_atomically
from planner.errors import BoothplanError
from planner.formats.input_file import check_regular_file
from planner.formats.migrations import FIRST_VERSION, FORMAT_VERSION, migrate
from planner.formats.plan_digest import DIGEST_PREFIX
from planner.formats.plan_schema import schema_problem
from planner.formats.plan_stamp import DiskVersion, Stamp, who_am_i
from planner.formats.plan_tables import (
    RowProblem,
    create_indexes,
    create_tables,
    insert_rows,
    read_tables,
    stored_digest,
)
from planner.model.entities import TABLES
from planner.model.plan import Plan

APPLICATION_ID = 0x42504C4E  # "BPLN": marks an SQLite file as a Boothplan plan
SUFFIX = ".boothplan"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class PlanFileError(BoothplanError):
    """A plan file that cannot be read or written; the message is one sentence for the user."""


class PlanDamagedError(PlanFileError):
    """A plan file whose content is broken (not merely of another kind, or missing): the app
    offers a salvage or the last autosave."""


@dataclass(frozen=True, slots=True)
class OpenedPlan:
    """A plan as read from its file, with what the file said about itself."""

    plan: Plan
    version: DiskVersion
    format_version: int
    # Tables whose checksum does not match: changed by another program since Boothplan saved.
    changed_tables: tuple[str, ...] = ()
    salvage_notes: tuple[str, ...] = field(default=())  # what a salvage left out

    @property
    def stamp(self) -> Stamp:
        return self.version.stamp

    @property
    def changed_outside(self) -> bool:
        return bool(self.changed_tables)

    @property
    def salvaged(self) -> bool:
        return bool(self.salvage_notes)


# -- writing -----------------------------------------------------------------------------------
def _write_database(plan: Plan, path: Path, stamp: Stamp) -> None:
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
        insert_rows(db, plan)
        create_indexes(db)
        meta = {
            "application": "boothplan",
            "format_version": str(FORMAT_VERSION),
            "written_by": f"boothplan {__version__}",
            "revision": str(stamp.revision),
            "save_id": stamp.save_id,
            "saved_at": stamp.saved_at,
            "saved_by": stamp.saved_by,
        }
        # Read back from the file being made: the digest covers what a reader will get.
        meta |= {f"{DIGEST_PREFIX}{table}": stored_digest(conn, table) for table in TABLES}
        db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()])
        conn.execute("COMMIT")
    finally:
        conn.close()


def write_plan(plan: Plan, path: str | os.PathLike[str], stamp: Stamp | None = None) -> DiskVersion:
    """Save ``plan`` to ``path`` atomically; :class:`PlanFileError` if it cannot be saved.

    ``stamp`` is the save's stamp (by default revision 1 by this user); the result is what a
    later writer compares against (see :mod:`planner.formats.plan_store`, which saves a plan
    only if nobody changed the file since it was read).
    """
    stamp = stamp or Stamp().following(who_am_i())
    target = Path(path)
    write_atomically(
        target,
        lambda temp: _write_database(plan, temp, stamp),
        PlanFileError,
        verb="save",
        failures=(sqlite3.Error,),
    )
    return DiskVersion.of(target.resolve() if target.is_symlink() else target, stamp)


# -- reading -----------------------------------------------------------------------------------
def _check_header(path: Path, header: bytes, size: int) -> int:
    """The file's format version, after checking the header says it is a whole plan file."""
    if size == 0:
        raise PlanFileError(f"{path} is empty, not a Boothplan plan file.")
    if header.startswith(_SQLITE_MAGIC) and len(header) < 100:
        raise PlanDamagedError(
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
    version: int
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
        raise PlanDamagedError(
            f"{path} is truncated: it should be {page_count * page_size} bytes long but is "
            f"only {size} (it was probably cut off while being copied)."
        )
    if page_size < 512 or size % page_size:
        raise PlanDamagedError(f"{path} is damaged: its size is not a whole number of pages.")
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
    return int.from_bytes(data[68:72], "big") == APPLICATION_ID


def read_plan(path: str | os.PathLike[str]) -> Plan:
    """The plan saved in ``path``; :class:`PlanFileError` with one clear sentence if it is bad.

    For commands that only read. One that writes the plan back uses :func:`open_plan`, which
    also says whether the file was changed outside Boothplan and which save it holds.
    """
    return open_plan(path).plan


def open_plan(path: str | os.PathLike[str], salvage: bool = False) -> OpenedPlan:
    """The plan in ``path`` with its stamp and checksums verified.

    Damage is refused with one sentence (:class:`PlanFileError`): pages or indexes SQLite finds
    broken (``PRAGMA integrity_check``), a table or column missing or mistyped, a row that does
    not make an entity, an id that is not an id, a number out of the physical range. Tables
    whose checksum does not match are listed in ``changed_tables`` (edited in Datasette, or
    damaged in a way only the checksum sees): the plan opens, and writers leave it alone until
    the user accepts.

    ``salvage=True`` reads what can be read of a damaged file instead: bad rows are left out,
    and ``salvage_notes`` says what was lost. Such a plan is for saving under another name.
    """
    path = Path(path)
    header, size = _read_header(path)
    version = _check_header(path, header, size)
    notes: list[str] | None = [] if salvage else None
    try:
        return _read_database(path, version, notes)
    except RowProblem as problem:
        raise PlanDamagedError(f"{path} is damaged: {problem.place()}: {problem.reason}.") from None
    except sqlite3.DatabaseError as error:
        raise PlanDamagedError(f"{path} is damaged: {_one_line(error)}.") from None
    except UnicodeDecodeError:  # SQLite hands back text bytes as they are stored
        raise PlanDamagedError(f"{path} is damaged: it holds text that is not UTF-8.") from None
    except OSError as error:  # copying a file that another program left half-changed
        raise PlanFileError(f"{path} cannot be opened: {error.strerror or error}.") from None


def _one_line(error: BaseException) -> str:
    """SQLite quotes the broken SQL in its messages, newlines and all: one line of it."""
    return " ".join(str(error).split()).rstrip(".")


def _integrity_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's own check of its pages, and of every index against its table (a flipped byte
    in a booth id leaves the id's index entry behind; ``quick_check`` does not compare them).
    About 60 ms for 60,000 booths."""
    first = conn.execute("PRAGMA integrity_check(1)").fetchone()
    result = first[0] if first else "no answer"
    return None if result == "ok" else " ".join(str(result).split())


def _stamp(meta: dict[str, str]) -> Stamp:
    try:
        revision = int(meta.get("revision", "0"))
    except ValueError:
        revision = -1  # unreadable: never equal to a stamp a writer holds
    return Stamp(
        revision, meta.get("save_id", ""), meta.get("saved_at", ""), meta.get("saved_by", "")
    )


def _meta(conn: sqlite3.Connection, tolerant: bool = False) -> dict[str, str]:
    try:
        rows = conn.execute("SELECT key, value FROM meta").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        if not tolerant:
            raise
        return {}  # a salvage of a file whose meta table is broken
    return {str(k): str(v) for k, v in rows if k is not None and v is not None}


def _read_database(path: Path, version: int, notes: list[str] | None) -> OpenedPlan:
    # The file's identity before its content: if it is replaced in between, the next write
    # sees a change that did not matter and reads again, never the other way round.
    disk = DiskVersion.of(path, Stamp())
    with contextlib.ExitStack() as cleanup:
        conn = _open_for_reading(path, cleanup)
        cleanup.callback(conn.close)
        current = migrate(conn, version)
        if current is not conn:
            cleanup.callback(current.close)
        # The schema first: a renamed column also breaks its index, and "table booths has no
        # column 'exhibitor_id'" says more than "row 1 missing from index".
        problem = schema_problem(current)
        if problem is not None and notes is None:
            raise PlanDamagedError(f"{path} is damaged: {problem}.")
        broken = _integrity_check(conn)
        if broken is not None:
            if notes is None:
                raise PlanDamagedError(
                    f"{path} is damaged: SQLite finds its pages inconsistent ({broken})."
                )
            notes.append(f"SQLite finds the file's pages inconsistent ({broken})")
        read = read_tables(current, notes)
        meta = _meta(current, tolerant=notes is not None)
        changed: tuple[str, ...] = ()
        if version >= 2:  # version 1 wrote no checksums
            changed = tuple(
                table
                for table, digest in read.digests.items()
                if meta.get(f"{DIGEST_PREFIX}{table}") != digest
            )
        return OpenedPlan(
            read.plan,
            DiskVersion(_stamp(meta), disk.inode, disk.size, disk.mtime_ns),
            version,
            changed,
            tuple(notes or ()),
        )


def disk_version(path: str | os.PathLike[str]) -> DiskVersion | None:
    """What is on disk now, cheaply (the stamp and the file's identity; no rows are read);
    ``None`` when there is no file."""
    path = Path(path)
    if not path.exists():
        return None
    header, size = _read_header(path)
    version = _check_header(path, header, size)
    before = DiskVersion.of(path, Stamp())
    with contextlib.ExitStack() as cleanup:
        try:
            conn = _open_for_reading(path, cleanup)
            cleanup.callback(conn.close)
            meta = _meta(conn) if version >= 2 else {}
            return DiskVersion(_stamp(meta), before.inode, before.size, before.mtime_ns)
        except sqlite3.DatabaseError as error:
            raise PlanDamagedError(f"{path} is damaged: {_one_line(error)}.") from None
        except UnicodeDecodeError:
            raise PlanDamagedError(f"{path} is damaged: it holds text that is not UTF-8.") from None


__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "SUFFIX",
    "DiskVersion",
    "OpenedPlan",
    "PlanDamagedError",
    "PlanFileError",
    "Stamp",
    "disk_version",
    "is_plan_file",
    "looks_like_plan",
    "open_plan",
    "read_plan",
    "who_am_i",
    "write_plan",
]
