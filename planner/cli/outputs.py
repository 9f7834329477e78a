"""Where a command may write: never over what it reads, over a plan, or over someone's file.

Every writer (``new``, ``export``, ``pdf``, ``exhibitors export``, ``report -o``) checks its
output before any work:

* a folder, a missing folder, a device or pipe, a symbolic-link loop: one sentence each;
* one of the command's own inputs (``new --floor f.geojson -o f.geojson``): refused, even with
  ``--force``;
* any plan file: refused, even with ``--force`` (only ``new --force`` replaces a plan);
* an existing file that Boothplan did not write as this kind of output, recognised by its
  content (the PDF's creator, the GeoJSON's ``written_by``, the CSV header): only with
  ``--force``. A file Boothplan wrote before (last week's PDF) is simply replaced.

The checks read through symbolic links: ``-o link.pdf`` pointing at the floor is the floor.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.errors import BoothplanError
from planner.formats.exhibitor_rows import EXPORT_COLUMNS
from planner.formats.geojson_export import WRITTEN_BY_KEY
from planner.formats.plan_file import is_plan_file
from planner.model.reports import REPORT_CSV_COLUMNS

_HEAD_BYTES = 64 * 1024
_BOM = b"\xef\xbb\xbf"


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(_HEAD_BYTES)


def _contains(path: Path, needle: bytes) -> bool:
    """Whether the file holds ``needle`` anywhere (read in chunks, for a PDF of any size)."""
    overlap = len(needle) - 1
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            if needle in tail + chunk:
                return True
            tail = chunk[-overlap:]
    return False


def _is_boothplan_pdf(path: Path) -> bool:
    return _head(path).startswith(b"%PDF-") and _contains(path, b"/Creator (Boothplan)")


_GEOJSON_MARK = re.compile(
    rb'^\s*\{.{0,60000}?"' + WRITTEN_BY_KEY.encode() + rb'": "boothplan', re.S
)


def _is_boothplan_geojson(path: Path) -> bool:
    return _GEOJSON_MARK.match(_head(path).removeprefix(_BOM)) is not None


def _first_line(path: Path) -> bytes:
    return _head(path).removeprefix(_BOM).split(b"\n", 1)[0].rstrip(b"\r")


def _is_exhibitor_csv(path: Path) -> bool:
    return _first_line(path) == ",".join(EXPORT_COLUMNS).encode()


_REPORT_JSON = re.compile(rb'^\{\s*"plan": ".*?",\s*"currency": ".*?",\s*"total": \{', re.S)


def _is_report(path: Path) -> bool:
    head = _head(path).removeprefix(_BOM)
    return (
        head.startswith(b"Sales report: ")
        or _first_line(path) == ",".join(REPORT_CSV_COLUMNS).encode()
        or _REPORT_JSON.match(head) is not None
    )


@dataclass(frozen=True, slots=True)
class OutputKind:
    """What a command writes: its name in sentences, and how to know a file it wrote before."""

    name: str
    wrote: Callable[[Path], bool]

    @property
    def a_name(self) -> str:
        return f"{'an' if self.name[0] in 'aeiou' else 'a'} {self.name}"


PDF = OutputKind("PDF", _is_boothplan_pdf)
GEOJSON = OutputKind("GeoJSON file", _is_boothplan_geojson)
EXHIBITOR_LIST = OutputKind("exhibitor list", _is_exhibitor_csv)
REPORT = OutputKind("report", _is_report)
PLAN = OutputKind("plan", is_plan_file)


def _refuse_special(output: Path, what: str) -> None:
    """A link loop, a folder, a device or a pipe is no file to write (read through links)."""
    try:
        info = os.stat(output)
    except FileNotFoundError:
        return
    except OSError as failure:
        if failure.errno == errno.ELOOP:
            raise BoothplanError(
                f"{output} is a symbolic link that leads round in a loop; give a file name for "
                f"the {what}."
            ) from None
        raise BoothplanError(f"Cannot write {output}: {failure.strerror or failure}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise BoothplanError(f"{output} is a folder; give a file name for the {what}.")
    if not stat.S_ISREG(info.st_mode):
        raise BoothplanError(
            f"{output} is not a regular file (a device or a pipe); give a file name for the {what}."
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(
    output: str | Path,
    inputs: Sequence[tuple[str, str | Path]],
    kind: OutputKind,
    force: bool = False,
) -> None:
    """Refuse, before any work, an ``output`` this command must not write (see the module).

    ``inputs`` are what the command reads, each with its name in sentences: ``("plan", path)``.
    """
    output = Path(output)
    what = kind.name
    _refuse_special(output, what)
    folder = output.parent
    if str(folder) and not folder.is_dir():
        raise BoothplanError(f"Cannot write {output}: the folder {folder} does not exist.")
    if not output.exists():
        return
    for label, source in inputs:
        if _same_file(output, Path(source)):
            raise BoothplanError(
                f"{output} is the {label} itself; give another file name for the {what}."
            )
    if kind is not PLAN and is_plan_file(output):
        raise BoothplanError(
            f"{output} is a Boothplan plan file; give another file name for the {what}."
        )
    if force:
        return
    if kind is PLAN:
        raise BoothplanError(f"{output} already exists; add --force to replace it.")
    if not kind.wrote(output):
        raise BoothplanError(
            f"{output} already exists and is not {kind.a_name} Boothplan wrote; add --force to "
            "replace it."
        )


__all__ = [
    "EXHIBITOR_LIST",
    "GEOJSON",
    "PDF",
    "PLAN",
    "REPORT",
    "OutputKind",
    "check_output",
]
