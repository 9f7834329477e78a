"""A checksum per table, stored at save and compared at open.

A plan file is SQLite, which people may edit with Datasette or sqlite-utils, and which a disk or
a copy may damage. SQLite notices damage to its pages, not to values: a flipped byte in a booth
id reads back as another id. Each save stores a SHA-256 of every table's columns (as the model
reads them, in row order) in the ``meta`` table; a mismatch at open means the table changed
outside Boothplan. Both sides hash the values SQLite hands back, so the type SQLite chose for a
value cannot make a false alarm.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Sequence
from typing import Any

DIGEST_PREFIX = "digest:"  # meta key of a table's digest: "digest:booths"


def _column_bytes(values: Sequence[Any]) -> bytes:
    kinds = set(map(type, values))
    if kinds == {bytes}:  # geometry: WKB blobs, framed by their lengths
        lengths = struct.pack(f"<{len(values)}Q", *map(len, values))
        return b"B" + lengths + b"".join(values)
    if bytes in kinds:  # a blob where text belongs: only in a damaged or hand-edited file
        values = [v.hex() if type(v) is bytes else v for v in values]
    # json gives each float its exact shortest text, and tells 3 from 3.0 and "3".
    return b"J" + json.dumps(values, ensure_ascii=False).encode("utf-8")


def table_digest(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The hex SHA-256 of ``rows`` (tuples, one value per name in ``names``)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([list(names), len(rows)]).encode("utf-8"))
    for values in zip(*rows, strict=True):
        digest.update(_column_bytes(values))
    return digest.hexdigest()


__all__ = ["DIGEST_PREFIX", "table_digest"]
