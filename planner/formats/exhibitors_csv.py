"""Exhibitor lists as CSV: the file organisers keep in Excel, in and out.

Columns (first line, any order, case and spaces forgiven)::

    name,name_en,country,sector,booths,status,email,phone   the sample lists' columns
    contact,notes,co_exhibitors                              also read (co-exhibitors split on ';')
    booth_numbers                                            written on export, ignored on import

Other columns are ignored. Only ``name`` is required; an empty ``booths`` means 1, an empty
``status`` means reserved. Files are UTF-8 with or without the BOM Excel writes; a header with
no comma but semicolons (Excel in a Vietnamese locale) or tabs is read with that separator.

Import is all or nothing: :func:`read_exhibitors` reads every row, and unless ``skip_bad`` is
set, a file with any bad row raises :class:`ExhibitorCsvError` listing every bad row (one
sentence each, naming the file and line) and changes nothing. It returns a patch; a row whose
name matches an exhibitor already in the plan updates that exhibitor, so importing a file again
(or importing an exported file after editing it) does not make duplicates. When the file changes
an exhibitor's status (say reserved to confirmed once it has paid), the booths it already holds
take the new status too, with a history line each.

Export writes UTF-8 with a BOM (so Excel shows Vietnamese and Chinese correctly) and passes every
cell through :func:`planner.model.spreadsheet.neutralise`: a cell that would start a formula gets
an apostrophe in front, which import removes again, so an exported file round-trips exactly.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from planner.errors import BoothplanError
from planner.formats.atomic_file import replace_atomically
from planner.model import Plan
from planner.model.booking import HELD_STATUSES, set_status
from planner.model.entities import Exhibitor
from planner.model.patch import Patch
from planner.model.roster import exhibitors_by_key, is_known_sector, known_sectors, name_key
from planner.model.sectors import normalise_sector
from planner.model.spreadsheet import neutralise, restore
from planner.model.status import RESERVED, parse_status

EXPORT_COLUMNS: tuple[str, ...] = (
    "name",
    "name_en",
    "country",
    "sector",
    "booths",
    "status",
    "email",
    "phone",
    "contact",
    "notes",
    "co_exhibitors",
    "booth_numbers",
)
READ_COLUMNS = frozenset(EXPORT_COLUMNS) - {"booth_numbers"}
# Other headings people write for the same columns.
_HEADING_ALIASES: dict[str, str] = {
    "english_name": "name_en",
    "name_english": "name_en",
    "booth": "booths",
    "booth_count": "booths",
    "booths_wanted": "booths",
    "number_of_booths": "booths",
    "e-mail": "email",
    "co-exhibitors": "co_exhibitors",
    "coexhibitors": "co_exhibitors",
    "note": "notes",
}
_HEADING_SPACES = re.compile(r"[\s_]+")


class ExhibitorCsvError(BoothplanError):
    """An exhibitor CSV that cannot be imported; ``bad_rows`` lists each bad row when known."""

    def __init__(self, message: str, bad_rows: tuple[BadRow, ...] = ()) -> None:
        super().__init__(message)
        self.bad_rows = bad_rows


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    message: str  # one sentence naming the file and the line


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import would do: apply ``patch`` to the plan to do it."""

    patch: Patch
    added: tuple[Exhibitor, ...]
    updated: tuple[Exhibitor, ...]
    unchanged: int
    booths_restated: int = 0  # booths whose status followed a status changed in the file
    bad_rows: tuple[BadRow, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    new_sectors: tuple[str, ...] = field(default=())

    def summary(self, source: str) -> str:
        parts = [f"{len(self.added)} new", f"{len(self.updated)} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        text = f"Read {sum(map(len, (self.added, self.updated))) + self.unchanged} exhibitors "
        text += f"from {source} ({', '.join(parts)})"
        if self.booths_restated:
            text += f"; {self.booths_restated} booths took their exhibitor's new status"
        if self.bad_rows:
            text += f"; skipped {len(self.bad_rows)} bad rows"
        return text + "."


# -- reading ---------------------------------------------------------------------------------


def decode_csv_bytes(data: bytes, source: str) -> str:
    """The file's text: UTF-8, with or without a BOM; anything else is refused clearly."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExhibitorCsvError(
            f'{source} is UTF-16 text (Excel\'s "Unicode text"); save it as '
            '"CSV UTF-8 (Comma delimited)" and import it again.'
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise ExhibitorCsvError(
            f"{source} is not UTF-8 text (line {line} has the byte 0x{byte:02X}; it was probably "
            "saved in a legacy code page such as cp1258 or latin-1); save it as "
            '"CSV UTF-8" and import it again.'
        ) from None
    if "\x00" in text:
        raise ExhibitorCsvError(f"{source} is not a text file (it contains NUL bytes).")
    return text


def _heading(raw: str) -> str:
    key = _HEADING_SPACES.sub("_", raw.strip().lower())
    return _HEADING_ALIASES.get(key, key)


def _delimiter(first_line: str) -> str:
    if "," in first_line:
        return ","
    if ";" in first_line:
        return ";"
    return "\t" if "\t" in first_line else ","


def read_exhibitors(
    path: str | Path, plan: Plan, skip_bad: bool = False, add_sectors: bool = False
) -> ImportResult:
    """Read an exhibitor CSV into a patch for ``plan`` (the plan itself is not changed).

    ``add_sectors``: an unknown sector is added to the plan's sectors instead of being a bad row.
    """
    path = Path(path)
    source = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExhibitorCsvError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ExhibitorCsvError(f"{path} is a folder, not a CSV file.") from None
    except OSError as error:
        raise ExhibitorCsvError(f"{path} cannot be read ({error.strerror}).") from None
    return parse_exhibitors(
        decode_csv_bytes(data, source), source, plan, skip_bad=skip_bad, add_sectors=add_sectors
    )


def parse_exhibitors(
    text: str, source: str, plan: Plan, skip_bad: bool = False, add_sectors: bool = False
) -> ImportResult:
    """Like :func:`read_exhibitors`, for text already in memory (``source`` names it)."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise ExhibitorCsvError(
            f"{source} is empty; the first line must name the columns."
        ) from None
    headings = [_heading(h) for h in header]
    if "name" not in headings:
        found = ", ".join(repr(h) for h in header[:8]) or "nothing"
        raise ExhibitorCsvError(f"{source} has no 'name' column in its first line (found {found}).")
    seen_headings = set()
    for heading in headings:
        if heading in READ_COLUMNS and heading in seen_headings:
            raise ExhibitorCsvError(f"{source} has the column {heading!r} twice in its first line.")
        seen_headings.add(heading)
    ignored = tuple(h for h, k in zip(header, headings, strict=True) if k not in READ_COLUMNS)

    rows = _RowReader(source, plan, add_sectors)
    line = reader.line_num + 1
    try:
        for values in reader:
            rows.read(line, headings, values)
            line = reader.line_num + 1
    except csv.Error as error:
        raise ExhibitorCsvError(f"{source} line {line}: the CSV is malformed ({error}).") from None

    bad = tuple(rows.bad)
    if bad and not skip_bad:
        listing = "\n".join(f"  {b.message}" for b in bad)
        raise ExhibitorCsvError(
            f"{source} has {len(bad)} bad row{'s' if len(bad) != 1 else ''}, so nothing was "
            f"imported (--skip-bad imports the good rows):\n{listing}",
            bad,
        )
    return rows.result(bad, ignored)


class _RowReader:
    """Checks rows one by one, collecting good exhibitors and bad rows."""

    def __init__(self, source: str, plan: Plan, add_sectors: bool) -> None:
        self.source = source
        self.plan = plan
        self.add_sectors = add_sectors
        self.existing = exhibitors_by_key(plan)
        self.first_line_of: dict[str, int] = {}
        self.exhibitors: list[Exhibitor] = []  # new or updated, in file order
        self.unchanged = 0
        self.new_sectors: list[str] = []
        self.bad: list[BadRow] = []

    def read(self, line: int, headings: list[str], values: list[str]) -> None:
        if not any(v.strip() for v in values):
            return  # blank line
        if len(values) > len(headings) and any(v.strip() for v in values[len(headings) :]):
            self._bad(
                line,
                f"has {len(values)} values but the first line names {len(headings)} columns "
                "(a value with a comma needs quotes)",
            )
            return
        cells = {
            h: restore(v.strip())
            for h, v in zip(headings, values, strict=False)
            if h in READ_COLUMNS
        }
        problems = []
        name = cells.get("name", "")
        if not name:
            problems.append("the name is empty")
        booths = _booth_count(cells.get("booths", ""))
        if isinstance(booths, str):
            problems.append(booths)
        sector = normalise_sector(cells.get("sector", ""))
        if not is_known_sector(self.plan, sector) and sector not in self.new_sectors:
            if self.add_sectors:
                self.new_sectors.append(sector)
            else:
                problems.append(
                    f"the sector {cells['sector']!r} is unknown (known: "
                    f"{', '.join(known_sectors(self.plan))}; --add-sectors adds new ones)"
                )
        status = _booking_status(cells.get("status", ""))
        if status not in HELD_STATUSES:
            problems.append(status)
        key = name_key(name)
        if name and key in self.first_line_of:
            problems.append(f"{name!r} is listed again (first on line {self.first_line_of[key]})")
        if problems:
            self._bad(line, "; ".join(problems))
            return
        self.first_line_of[key] = line
        fields = dict(
            name=name,
            name_en=cells.get("name_en", ""),
            country=cells.get("country", ""),
            sector=sector,
            booths_wanted=booths,
            email=cells.get("email", ""),
            phone=cells.get("phone", ""),
            contact=cells.get("contact", ""),
            notes=cells.get("notes", ""),
            co_exhibitors=tuple(
                c.strip() for c in cells.get("co_exhibitors", "").split(";") if c.strip()
            ),
            booking_status=status,
        )
        existing = self.existing.get(key)
        if existing is None:
            self.exhibitors.append(Exhibitor(id="", **fields))
            return
        # Columns the file does not have keep the values the plan already holds.
        kept = {k: v for k, v in fields.items() if _column_of(k) in cells or k == "name"}
        updated = replace(existing, **kept)
        if updated == existing:
            self.unchanged += 1
        else:
            self.exhibitors.append(updated)

    def _bad(self, line: int, problem: str) -> None:
        self.bad.append(BadRow(line, f"{self.source} line {line}: {problem}."))

    def result(self, bad: tuple[BadRow, ...], ignored: tuple[str, ...]) -> ImportResult:
        builder = self.plan.edit("Import exhibitors")
        if self.new_sectors:
            sectors = tuple(self.plan.info.sectors) + tuple(self.new_sectors)
            builder.put(replace(self.plan.info, sectors=sectors))
        new = [e for e in self.exhibitors if not e.id]
        ids = iter(self.plan.new_ids("exhibitors", len(new)))
        added, updated = [], []
        for exhibitor in self.exhibitors:
            if not exhibitor.id:
                exhibitor = replace(exhibitor, id=next(ids))
                added.append(exhibitor)
            else:
                updated.append(exhibitor)
            builder.put(exhibitor)
        patch, restated = self._restate_booths(builder.build(), updated)
        return ImportResult(
            patch=patch,
            booths_restated=restated,
            added=tuple(added),
            updated=tuple(updated),
            unchanged=self.unchanged,
            bad_rows=bad,
            ignored_columns=ignored,
            new_sectors=tuple(self.new_sectors),
        )

    def _restate_booths(self, patch: Patch, updated: list[Exhibitor]) -> tuple[Patch, int]:
        """A status changed in the file changes the status of the booths the exhibitor holds."""
        current = self.plan.apply(patch)
        restated = 0
        for exhibitor in updated:
            status = exhibitor.booking_status
            if self.plan.exhibitors[exhibitor.id].booking_status == status:
                continue
            booths = [
                b.id
                for b in current.booths_of(exhibitor.id)
                if b.status in HELD_STATUSES and b.status != status
            ]
            if booths:
                step = set_status(current, booths, status)
                current = current.apply(step)
                patch = patch.then(step)
                restated += len(booths)
        return patch, restated


def _column_of(field_name: str) -> str:
    return {"booths_wanted": "booths", "booking_status": "status"}.get(field_name, field_name)


def _booth_count(text: str) -> int | str:
    """The booth count, or a problem phrase."""
    if not text:
        return 1
    try:
        number = float(text.replace(" ", ""))
    except ValueError:
        return f"the booth count {text!r} is not a number"
    if number != number or number in (float("inf"), float("-inf")):
        return f"the booth count {text!r} is not a number"
    if number < 0:
        return f"the booth count {text!r} is negative"
    if number != int(number):
        return f"the booth count {text!r} is not a whole number"
    return int(number)


def _booking_status(text: str) -> str:
    """The status key, or a problem phrase (statuses are words, so phrases cannot clash)."""
    if not text:
        return RESERVED
    try:
        status = parse_status(text)
    except ValueError:
        status = ""
    if status in HELD_STATUSES:
        return status
    return f"the status {text!r} is not one of on hold, reserved, confirmed (or sold)"


# -- writing ---------------------------------------------------------------------------------


def _natural_key(text: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def exhibitor_rows(plan: Plan) -> list[list[str]]:
    """The rows an export writes, header first, cells not yet neutralised."""
    held: dict[str, list[str]] = {}
    for booth in plan.booths.values():
        if booth.exhibitor_id:
            held.setdefault(booth.exhibitor_id, []).append(booth.number or booth.id)
    rows = [list(EXPORT_COLUMNS)]
    for e in plan.exhibitors.values():
        rows.append(
            [
                e.name,
                e.name_en,
                e.country,
                e.sector,
                str(e.booths_wanted),
                e.booking_status.replace("_", " "),
                e.email,
                e.phone,
                e.contact,
                e.notes,
                ";".join(e.co_exhibitors),
                ";".join(sorted(held.get(e.id, []), key=_natural_key)),
            ]
        )
    return rows


def write_exhibitors(plan: Plan, path: str | Path) -> int:
    """Write the plan's exhibitors to ``path`` atomically; returns the number written."""
    path = Path(path)
    rows = exhibitor_rows(plan)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    data = buffer.getvalue().encode("utf-8-sig")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExhibitorCsvError(
            f"The folder {directory} does not exist, so {path.name} cannot be written."
        )
    try:
        replace_atomically(path, lambda temp: temp.write_bytes(data))
    except OSError as error:
        raise ExhibitorCsvError(f"{path} cannot be written ({error.strerror or error}).") from None
    return len(rows) - 1


__all__ = [
    "EXPORT_COLUMNS",
    "BadRow",
    "ExhibitorCsvError",
    "ImportResult",
    "decode_csv_bytes",
    "exhibitor_rows",
    "parse_exhibitors",
    "read_exhibitors",
    "write_exhibitors",
]
