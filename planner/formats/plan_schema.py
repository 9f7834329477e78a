"""The tables and columns a plan file must have, checked before a row is read.

A plan file opened in Datasette or sqlite-utils may gain a column or a view, which is fine; a
column renamed or dropped (one flipped byte turned ``exhibitor_id`` into ``exhibitoz_id``) made
every booth lose its exhibitor without a word, and the next save made it permanent. So every
column the model reads must be there, with the type Boothplan declared.
"""

from __future__ import annotations

import difflib
import sqlite3
from functools import cache

from planner.formats.plan_tables import META_COLUMNS, table_columns
from planner.model.entities import ENTITY_TYPES

# The type affinity SQLite gives the column each Python type of table_columns is stored in.
# Affinity, not the declared name: sqlite-utils 3 declares a float column FLOAT and 4 REAL.
AFFINITIES: dict[type, str] = {str: "TEXT", int: "INTEGER", float: "REAL", bytes: "BLOB"}


def affinity(declared: str) -> str:
    """SQLite's rules (section 3.1 of its datatype page) for the affinity of a declared type.

    >>> [affinity(t) for t in ("INTEGER", "TEXT", "FLOAT", "REAL", "BLOB", "", "NUMERIC")]
    ['INTEGER', 'TEXT', 'REAL', 'REAL', 'BLOB', 'BLOB', 'NUMERIC']
    """
    name = declared.upper()
    if "INT" in name:
        return "INTEGER"
    if any(word in name for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in name or not name:
        return "BLOB"
    if any(word in name for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


@cache
def expected_schema() -> dict[str, dict[str, str]]:
    """``{table: {column: type affinity}}`` of the current format."""
    tables = {"meta": META_COLUMNS, **{cls.TABLE: table_columns(cls) for cls in ENTITY_TYPES}}
    return {
        table: {name: AFFINITIES[kind] for name, kind in columns.items()}
        for table, columns in tables.items()
    }


def schema_problem(conn: sqlite3.Connection) -> str | None:
    """What is missing or mistyped in the database's tables, in a few words, or ``None``.

    Columns and tables another program added (a planner's own notes column) are left alone.
    """
    present = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    for table, columns in expected_schema().items():
        if table not in present:
            return f"the table {table} is missing"
        have = {row[1]: row[2] for row in conn.execute(f"PRAGMA table_info([{table}])")}
        for column, declared in columns.items():
            if column not in have:
                near = difflib.get_close_matches(column, [n for n in have if n not in columns])
                instead = f" (it has {near[0]!r} instead)" if near else ""
                return f"table {table} has no column {column!r}{instead}"
            if affinity(have[column]) != declared:
                found = have[column] or "no type"
                return f"column {column!r} of table {table} is declared {found}, not {declared}"
    return None


__all__ = ["expected_schema", "schema_problem"]
