"""One exhibitor CSV row at a time: checking the cells and turning good rows into exhibitors.

:class:`RowReader` is fed the rows of a file (see :mod:`planner.formats.exhibitors_csv`, which
reads the file and decides between refusing it and skipping bad rows); it collects the new and
updated exhibitors and one :class:`BadRow` sentence for each row it cannot use, then builds the
:class:`ImportResult` patch.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from planner.model import Plan
from planner.model.booking import HELD_STATUSES, set_status
from planner.model.entities import Exhibitor
from planner.model.patch import Patch
from planner.model.roster import exhibitors_by_key, is_known_sector, known_sectors, name_key
from planner.model.sectors import normalise_sector
from planner.model.spreadsheet import restore
from planner.model.status import RESERVED, parse_status
from planner.wording import counted

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
MAX_BOOTHS = 1000  # more is a typo (a phone number in the wrong column), not an exhibitor


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
        read = sum(map(len, (self.added, self.updated))) + self.unchanged
        text = f"Read {counted(read, 'exhibitor')} from {source} ({', '.join(parts)})"
        if self.booths_restated:
            text += f"; {counted(self.booths_restated, 'booth')} took their exhibitor's new status"
        if self.bad_rows:
            text += f"; skipped {counted(len(self.bad_rows), 'bad row')}"
        return text + "."


class RowReader:
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
        booths = _boothcounted(cells.get("booths", ""))
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
        assert isinstance(booths, int)  # a problem phrase about the count returned above
        from_file = Exhibitor(
            id="",
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
            self.exhibitors.append(from_file)
            return
        # Columns the file does not have keep the values the plan already holds.
        kept: dict[str, Any] = {  # field name to value, of whichever type the field has
            k: getattr(from_file, k) for k in _FILE_FIELDS if _column_of(k) in cells or k == "name"
        }
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


# The fields of an exhibitor a row gives (all but the id).
_FILE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Exhibitor) if f.name != "id")


def _column_of(field_name: str) -> str:
    return {"booths_wanted": "booths", "booking_status": "status"}.get(field_name, field_name)


def _boothcounted(text: str) -> int | str:
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
    if number > MAX_BOOTHS:
        return f"the booth count {text!r} is more than {MAX_BOOTHS} booths"
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


__all__ = ["EXPORT_COLUMNS", "READ_COLUMNS", "BadRow", "ImportResult", "RowReader"]
