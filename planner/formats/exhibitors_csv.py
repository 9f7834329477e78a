"""Exhibitor lists as CSV: the file organisers keep in Excel, in and out.

Columns (first line, any order, case and spaces forgiven)::

    name,name_en,country,sector,booths,status,email,phone   the sample lists' columns
    contact,notes,co_exhibitors                              also read (co-exhibitors split on ';')
    booth_numbers                                            written on export, ignored on import

Other columns are ignored. Only ``name`` is required; an empty ``booths`` means 1, an empty
``status`` means reserved. Files are UTF-8 with or without the BOM Excel writes; a header with
no comma but semicolons (Excel in a Vietnamese locale) or tabs is read with that separator, and
so is a file whose first line is Excel's ``sep=;``.

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
from pathlib import Path

from planner.atomic_file import write_atomically
from planner.errors import BoothplanError
from planner.formats.exhibitor_rows import (
    EXPORT_COLUMNS,
    READ_COLUMNS,
    BadRow,
    ImportResult,
    RowReader,
)
from planner.formats.input_file import MB, read_input
from planner.formats.plan_file import looks_like_plan
from planner.model import Plan
from planner.model.natural_order import natural_key
from planner.model.spreadsheet import neutralise

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
_EXCEL_SEP = re.compile(r"sep=(.)")
MAX_CSV_BYTES = 50 * MB  # 60,000 exhibitors with long notes fit in a tenth of this


class ExhibitorCsvError(BoothplanError):
    """An exhibitor CSV that cannot be imported; ``bad_rows`` lists each bad row when known."""

    def __init__(self, message: str, bad_rows: tuple[BadRow, ...] = ()) -> None:
        super().__init__(message)
        self.bad_rows = bad_rows


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
    data = read_input(path, ExhibitorCsvError, "CSV file", MAX_CSV_BYTES)
    if looks_like_plan(data):
        raise ExhibitorCsvError(
            f"{path} is a Boothplan plan file, not a CSV of exhibitors; give the plan first "
            "and the CSV second."
        )
    text = decode_csv_bytes(data, source)
    if text.lstrip().startswith(("{", "[")):
        raise ExhibitorCsvError(
            f"{path} is JSON (a GeoJSON floor or a report?), not a CSV of exhibitors."
        )
    return parse_exhibitors(text, source, plan, skip_bad=skip_bad, add_sectors=add_sectors)


def parse_exhibitors(
    text: str, source: str, plan: Plan, skip_bad: bool = False, add_sectors: bool = False
) -> ImportResult:
    """Like :func:`read_exhibitors`, for text already in memory (``source`` names it)."""
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    excel_sep = _EXCEL_SEP.fullmatch(first_line.rstrip("\r"))
    if excel_sep:  # Excel's "sep=;" line names the separator and is not the header
        delimiter = excel_sep.group(1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        if excel_sep:
            next(reader)
        header = next(reader)
    except StopIteration:
        raise ExhibitorCsvError(
            f"{source} is empty; the first line must name the columns."
        ) from None
    except csv.Error as error:
        raise _malformed(source, reader.line_num or 1, error) from None
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

    rows = RowReader(source, plan, add_sectors)
    line = reader.line_num + 1
    try:
        for values in reader:
            rows.read(line, headings, values)
            line = reader.line_num + 1
    except csv.Error as error:
        raise _malformed(source, line, error) from None

    bad = tuple(rows.bad)
    if bad and not skip_bad:
        listing = "\n".join(f"  {b.message}" for b in bad)
        raise ExhibitorCsvError(
            f"{source} has {len(bad)} bad row{'s' if len(bad) != 1 else ''}, so nothing was "
            f"imported (--skip-bad imports the good rows):\n{listing}",
            bad,
        )
    return rows.result(bad, ignored)


def _malformed(source: str, line: int, error: csv.Error) -> ExhibitorCsvError:
    if "field larger than field limit" in str(error):
        return ExhibitorCsvError(
            f"{source} line {line}: a cell is longer than {csv.field_size_limit():,} "
            "characters, which no exhibitor field is (an unclosed quote?)."
        )
    return ExhibitorCsvError(f"{source} line {line}: the CSV is malformed ({error}).")


# -- writing ---------------------------------------------------------------------------------


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
                ";".join(sorted(held.get(e.id, []), key=natural_key)),
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
    write_atomically(path, lambda temp: temp.write_bytes(data), ExhibitorCsvError)
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
