"""The tables of a ``.boothplan`` file: entities to rows and rows back to entities.

One table per model table (``info``, ``halls``, ``obstacles``, ``doors``, ``zones``, ``booths``,
``exhibitors``, ``booking_events``), one column per entity field, named as the field. Geometry is
WKB in a BLOB column with a readable WKT copy beside it in ``<field>_wkt`` (never read back);
tuples are JSON lists in TEXT columns; booleans are 0/1. Rows keep the plan's order (rowid).

Reading is driven by the entity's fields, not by the file: a field the file lacks takes its
default (so a field added to the model later does not break older files) and a column the model
no longer has is ignored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
import sqlite_utils

from planner.formats.bulk import paused_gc
from planner.formats.entity_codec import (
    BOOL,
    FLOAT,
    GEOMETRY,
    INT,
    JSON,
    TUPLE,
    ColumnProblem,
    FieldSpec,
    decode_column,
    encode_json_column,
    field_specs,
)
from planner.formats.plan_digest import table_digest
from planner.formats.plan_values import check_values
from planner.model.entities import ENTITY_TYPES, TYPE_OF_TABLE, Entity
from planner.model.plan import Plan

_TYPE_IDS = {"Point": 0, "LineString": 1, "Polygon": 3, "MultiPolygon": 6}
_COLUMN_TYPES = {GEOMETRY: bytes, BOOL: int, INT: int, FLOAT: float}

# A view for people who open the file with sqlite-utils or Datasette: booths with names.
BOOTH_LIST_VIEW = """
SELECT booths.number AS number, zones.name AS zone, booths.status AS status,
       exhibitors.name AS exhibitor, booths.locked AS locked, booths.note AS note,
       booths.geometry_wkt AS geometry_wkt
FROM booths
LEFT JOIN zones ON zones.id = booths.zone_id
LEFT JOIN exhibitors ON exhibitors.id = booths.exhibitor_id
ORDER BY booths.rowid
"""


class RowProblem(ValueError):
    """A row that cannot become an entity: ``table``, ``row`` (rowid), ``id`` and the reason."""

    def __init__(self, table: str, row: int | None, id_: Any, reason: str) -> None:
        super().__init__(reason)
        self.table, self.row, self.id, self.reason = table, row, id_, reason

    def place(self) -> str:
        where = f"table {self.table}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.id is not None:
            where += f" (id {self.id!r})"
        return where


META_COLUMNS: dict[str, type] = {"key": str, "value": str}


def table_columns(cls: type) -> dict[str, type]:
    """The stored columns of entity class ``cls`` and their Python types."""
    columns: dict[str, type] = {}
    for spec in field_specs(cls):
        columns[spec.name] = _COLUMN_TYPES.get(spec.kind, str)
        if spec.kind == GEOMETRY:
            columns[f"{spec.name}_wkt"] = str
    return columns


def create_tables(db: sqlite_utils.Database) -> None:
    db.table("meta").create(META_COLUMNS, pk="key")
    for cls in ENTITY_TYPES:
        db.table(cls.TABLE).create(table_columns(cls), pk="id", not_null={"id"})
    db.create_view("booth_list", BOOTH_LIST_VIEW)


def create_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for a planner's queries; built once the rows are in, which is quicker."""
    booths = db.table("booths")
    booths.create_index(["number"])
    booths.create_index(["zone_id"])
    booths.create_index(["exhibitor_id"])
    db.table("booking_events").create_index(["booth_id"])


def _column_values(spec: FieldSpec, values: list[Any]) -> list[list[Any]]:
    """The stored column(s) for one field across all rows: geometry gives WKB and WKT."""
    if spec.kind == GEOMETRY:
        geoms = np.array(values, dtype=object)
        if not spec.optional and any(v is None for v in values):
            # A bug upstream, not the user's doing: refuse rather than save an unreadable file.
            raise ValueError(f"an entity has no {spec.name}; the plan was not saved")
        wkb = shapely.to_wkb(geoms, output_dimension=2, byte_order=1, flavor="iso")
        wkt = shapely.to_wkt(geoms, rounding_precision=-1, output_dimension=2)
        return [list(wkb), list(wkt)]
    if spec.kind in (TUPLE, JSON):
        return [encode_json_column(spec, values)]
    if spec.kind == BOOL:
        return [[int(v) for v in values]]
    return [values]


def insert_rows(db: sqlite_utils.Database, plan: Plan) -> None:
    """Bulk-insert every entity of ``plan``, one ``executemany`` per table, in plan order."""
    for cls in ENTITY_TYPES:
        entities = list(plan.table(cls.TABLE).values())
        if not entities:
            continue
        columns: list[str] = []
        data: list[list[Any]] = []
        for spec in field_specs(cls):
            values = [getattr(e, spec.name) for e in entities]
            stored = _column_values(spec, values)
            columns.append(spec.name)
            if spec.kind == GEOMETRY:
                columns.append(f"{spec.name}_wkt")
            data.extend(stored)
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        db.conn.executemany(
            f"INSERT INTO [{cls.TABLE}] ({names}) VALUES ({marks})", list(zip(*data, strict=True))
        )


def _read_geometry(
    table: str, spec: FieldSpec, blobs: list[Any], rowids: Sequence[int], ids: Sequence[Any]
) -> np.ndarray:
    for i, blob in enumerate(blobs):
        if not isinstance(blob, bytes):
            what = "is missing" if blob is None else "is not WKB"
            raise RowProblem(table, rowids[i], ids[i], f"its {spec.name} {what}")
    geoms = shapely.from_wkb(np.array(blobs, dtype=object), on_invalid="ignore")
    bad = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if bad.size:
        i = int(bad[0])
        raise RowProblem(table, rowids[i], ids[i], f"its {spec.name} is not readable WKB geometry")
    allowed = set(spec.geometry_types)
    kinds = shapely.get_type_id(geoms)
    allowed_ids = [_TYPE_IDS[name] for name in allowed]
    wrong = np.flatnonzero(~np.isin(kinds, allowed_ids))
    if wrong.size:
        i = int(wrong[0])
        got = geoms[i].geom_type
        raise RowProblem(
            table, rowids[i], ids[i], f"its {spec.name} is a {got}, not a {' or '.join(allowed)}"
        )
    return geoms


def fetch_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The columns the model reads of ``table`` (the WKT copies are never read back), present
    in the file, in field order, and every row with its rowid first, in row order."""
    cls = TYPE_OF_TABLE[table]
    stored = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
    wanted = [s.name for s in field_specs(cls) if s.name in stored]
    listed = ", ".join(f"[{name}]" for name in ["rowid", *wanted])
    rows = conn.execute(f"SELECT {listed} FROM [{table}] ORDER BY rowid").fetchall()
    return wanted, rows


def stored_digest(conn: sqlite3.Connection, table: str) -> str:
    """The digest of ``table`` as it is stored (see :mod:`planner.formats.plan_digest`)."""
    names, rows = fetch_rows(conn, table)
    return table_digest(names, [row[1:] for row in rows])


def _entities(table: str, names: list[str], rows: list[tuple[Any, ...]]) -> dict[str, Entity]:
    cls = TYPE_OF_TABLE[table]
    if not rows:
        return {}
    columns = dict(zip(["rowid", *names], zip(*rows, strict=True), strict=True))
    rowids = columns["rowid"]
    ids = columns.get("id", (None,) * len(rows))
    fields: dict[str, list[Any]] = {}
    for spec in field_specs(cls):
        if spec.name not in columns:
            if spec.required:
                raise RowProblem(table, None, None, f"it has no column {spec.name!r}")
            continue  # salvaging a file that lost a column: the field takes its default
        values = list(columns[spec.name])
        if spec.kind == GEOMETRY:
            fields[spec.name] = list(_read_geometry(table, spec, values, rowids, ids))
            continue
        try:
            fields[spec.name] = decode_column(spec, values)
        except ColumnProblem as problem:
            i = problem.index
            raise RowProblem(table, rowids[i], ids[i], str(problem)) from None
    keys = list(fields)
    if keys == [spec.name for spec in field_specs(cls)]:
        made: list[Entity] = list(map(cls, *fields.values()))  # every field: positional
    else:
        made = [cls(**dict(zip(keys, v, strict=True))) for v in zip(*fields.values(), strict=True)]
    wrong = check_values(table, made)
    if wrong is not None:
        i, reason = wrong
        raise RowProblem(table, rowids[i], made[i].id, reason)
    entities = {e.id: e for e in made}
    if len(entities) != len(rows):
        seen: set[str] = set()
        for i, id_ in enumerate(ids):
            if id_ in seen:
                raise RowProblem(table, rowids[i], id_, "its id is used twice")
            seen.add(id_)
    return entities


@dataclass(frozen=True, slots=True)
class TablesRead:
    """What :func:`read_tables` found: the plan, and each table's digest as stored."""

    plan: Plan
    digests: dict[str, str]


def existing_tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_tables(conn: sqlite3.Connection, salvage: list[str] | None = None) -> TablesRead:
    """The plan held by an open, current-version database; :class:`RowProblem` for a bad row.

    ``salvage``, when given, turns the refusal of a bad row into a sentence in that list and
    leaves the row out (or a table that cannot be read at all, or the plan's settings), so that
    what can be read of a damaged file can be looked at and saved under another name.
    """
    with paused_gc():
        return _read_tables(conn, salvage)


def _read_table(
    conn: sqlite3.Connection, table: str, salvage: list[str] | None
) -> tuple[dict[str, Entity], str]:
    names, rows = fetch_rows(conn, table)
    digest = table_digest(names, [row[1:] for row in rows])
    while True:
        try:
            return _entities(table, names, rows), digest
        except RowProblem as problem:
            if salvage is None:
                raise
            if problem.row is None or problem.reason == "its id is used twice":
                keep = _first_of_each_id(rows, names) if problem.row is not None else []
                what = "the rows that repeat an id were" if keep else "its rows were"
                salvage.append(f"{problem.place()}: {problem.reason}; {what} left out")
                if not keep:
                    return {}, digest
                rows = keep
                continue
            salvage.append(f"{problem.place()}: {problem.reason}; the row was left out")
            rows = [row for row in rows if row[0] != problem.row]


def _first_of_each_id(rows: list[tuple[Any, ...]], names: list[str]) -> list[tuple[Any, ...]]:
    at = names.index("id") + 1
    seen: set[Any] = set()
    out = []
    for row in rows:
        if row[at] not in seen:
            seen.add(row[at])
            out.append(row)
    return out


def _read_tables(conn: sqlite3.Connection, salvage: list[str] | None) -> TablesRead:
    present = existing_tables(conn)
    tables: dict[str, dict[str, Entity]] = {}
    digests: dict[str, str] = {}
    for cls in ENTITY_TYPES:
        if cls.TABLE not in present:
            problem = RowProblem(cls.TABLE, None, None, "the table is missing")
            if salvage is None:
                raise problem
            salvage.append(f"{problem.place()}: {problem.reason}")
            tables[cls.TABLE] = {}
            continue
        tables[cls.TABLE], digests[cls.TABLE] = _read_table(conn, cls.TABLE, salvage)
    if "plan" not in tables["info"]:
        problem = RowProblem("info", None, None, "the plan's settings row is missing")
        if salvage is None:
            raise problem
        salvage.append(f"{problem.place()}: {problem.reason}; the defaults were taken")
    return TablesRead(Plan(tables), digests)


__all__ = [
    "META_COLUMNS",
    "RowProblem",
    "TablesRead",
    "create_indexes",
    "create_tables",
    "existing_tables",
    "fetch_rows",
    "insert_rows",
    "read_tables",
    "stored_digest",
    "table_columns",
]
