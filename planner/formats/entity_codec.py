"""Entities to plain values and back, driven by each dataclass's own field types.

Both the plan file and the GeoJSON writer store "every field of every entity" without naming
the fields: a field added to an entity later, with a default, is stored by the next save and
takes its default when an older file lacks it. Only the kind of each field matters:

* ``geometry`` -- shapely geometry (stored as WKB in files, GeoJSON in GeoJSON);
* ``tuple`` -- a tuple (booth size, flags), stored as a JSON list;
* ``bool``, ``int``, ``float``, ``str`` -- stored as they are (``None`` allowed when optional);
* ``json`` -- anything else, stored as JSON text.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from shapely.geometry.base import BaseGeometry

from planner.formats import strict_json

GEOMETRY = "geometry"
TUPLE = "tuple"
BOOL = "bool"
INT = "int"
FLOAT = "float"
STR = "str"
JSON = "json"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one dataclass field is stored."""

    name: str
    kind: str
    optional: bool
    required: bool  # no default: a stored row must carry it
    geometry_types: tuple[str, ...] = ()  # for geometry: the shapely geom_type names allowed


def _geometry_classes(hint: Any) -> list[type] | None:
    """The geometry classes a hint allows (``Polygon | MultiPolygon``), or None if not geometry."""
    if isinstance(hint, type):
        return [hint] if issubclass(hint, BaseGeometry) else None
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        classes = [a for a in typing.get_args(hint) if a is not type(None)]
        if classes and all(isinstance(a, type) and issubclass(a, BaseGeometry) for a in classes):
            return classes
    return None


def _kind_of(hint: Any) -> tuple[str, bool]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        optional = type(None) in args
        rest = [a for a in args if a is not type(None)]
        if _geometry_classes(hint):
            return GEOMETRY, optional
        if len(rest) == 1:
            kind, _ = _kind_of(rest[0])
            return kind, optional
        return JSON, optional
    if origin is tuple or hint is tuple:
        return TUPLE, False
    if isinstance(hint, type):
        if issubclass(hint, BaseGeometry):
            return GEOMETRY, False
        for python_type, kind in ((bool, BOOL), (int, INT), (float, FLOAT), (str, STR)):
            if issubclass(hint, python_type):
                return kind, False
    return JSON, False


def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """The storage kind of each field of entity class ``cls``, in declaration order."""
    # Through a parameter typed ``type``: mypy takes a class such as ``type[Booth]`` for
    # unhashable (it reads ``Booth.__hash__`` as the instances' method), and refuses it as the
    # argument of a cached function.
    return _field_specs(cls)


@cache
def _field_specs(cls: type) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls)
    specs = []
    for f in dataclasses.fields(cls):
        kind, optional = _kind_of(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        classes = _geometry_classes(hints[f.name]) or []
        names = tuple(c.__name__ for c in classes)
        specs.append(FieldSpec(f.name, kind, optional, required, names))
    return tuple(specs)


def geometry_fields(cls: type) -> tuple[str, ...]:
    return tuple(s.name for s in field_specs(cls) if s.kind == GEOMETRY)


class ValueProblem(ValueError):
    """A stored value does not fit its field; the message says which field and why."""


def to_plain(spec: FieldSpec, value: Any) -> Any:
    """A JSON-able value for ``value`` (geometry is left to the caller)."""
    if value is None or spec.kind == GEOMETRY:
        return value
    if spec.kind == TUPLE:
        return [list(v) if isinstance(v, tuple) else v for v in value]
    if spec.kind == JSON and isinstance(value, tuple):
        return list(value)
    return value


def _tuple_from(value: Any) -> tuple[Any, ...]:
    return tuple(tuple(v) if isinstance(v, list) else v for v in value)


def from_plain(spec: FieldSpec, value: Any) -> Any:
    """The field value for a plain ``value``, checked against the field's kind."""
    if value is None:
        if spec.optional:
            return None
        raise ValueProblem(f"{spec.name} is missing")
    kind = spec.kind
    if kind == TUPLE:
        if isinstance(value, str):
            try:
                value = strict_json.loads(value)
            except ValueError:  # JSONDecodeError and JsonProblem both
                raise ValueProblem(f"{spec.name} is not a JSON list") from None
        if not isinstance(value, list | tuple):
            raise ValueProblem(f"{spec.name} should be a list, not {value!r}")
        return _tuple_from(value)
    if kind == BOOL:
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise ValueProblem(f"{spec.name} should be true or false, not {value!r}")
    if kind == INT:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
            raise ValueProblem(f"{spec.name} should be a whole number, not {value!r}")
        return int(value)
    if kind == FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueProblem(f"{spec.name} should be a number, not {value!r}")
        return float(value)
    if kind == STR:
        if not isinstance(value, str):
            raise ValueProblem(f"{spec.name} should be text, not {value!r}")
        return value
    if kind == JSON and isinstance(value, str):
        try:
            return strict_json.loads(value)
        except ValueError:
            raise ValueProblem(f"{spec.name} is not valid JSON") from None
    return value


class ColumnProblem(ValueProblem):
    """A value in a column does not fit; ``index`` says which row (0-based)."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


_PLAIN_TYPES: dict[str, tuple[type, ...]] = {STR: (str,), FLOAT: (float,), INT: (int,)}


def decode_column(spec: FieldSpec, values: list[Any]) -> list[Any]:
    """:func:`from_plain` over a whole column, fast for the common cases.

    Columns are decoded in bulk (a 60,000-booth plan has 60,000 of each): text that is all
    text passes through, and each distinct JSON text is parsed once.
    """
    allowed = _PLAIN_TYPES.get(spec.kind)
    if allowed is not None:
        if spec.optional:
            allowed = (*allowed, type(None))
        if set(map(type, values)) <= set(allowed):
            return values
    elif spec.kind == BOOL and set(values) <= {0, 1} and set(map(type, values)) == {int}:
        return [v == 1 for v in values]
    elif spec.kind == TUPLE:
        decoded: dict[Any, Any] = {}
        out = []
        for i, value in enumerate(values):
            key = value if isinstance(value, str) else None
            if key is None or key not in decoded:
                try:
                    result = from_plain(spec, value)
                except ValueProblem as problem:
                    raise ColumnProblem(i, str(problem)) from None
                if key is None:
                    out.append(result)
                    continue
                decoded[key] = result
            out.append(decoded[key])
        return out
    out = []
    for i, value in enumerate(values):
        try:
            out.append(from_plain(spec, value))
        except ValueProblem as problem:
            raise ColumnProblem(i, str(problem)) from None
    return out


def encode_json_column(spec: FieldSpec, values: list[Any]) -> list[str | None]:
    """JSON text for a tuple or JSON column; each distinct (hashable) value is encoded once."""
    cache: dict[Any, str | None] = {}
    out = []
    for value in values:
        try:
            text = cache.get(value)
            if text is None and value is not None:
                text = cache[value] = json_text(to_plain(spec, value))
        except TypeError:  # unhashable (a JSON field holding a dict or list)
            text = json_text(to_plain(spec, value))
        out.append(text)
    return out


def json_text(value: Any) -> str | None:
    """Canonical JSON text for a tuple or JSON field (``None`` stays ``None``)."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


__all__ = [
    "BOOL",
    "FLOAT",
    "GEOMETRY",
    "INT",
    "JSON",
    "STR",
    "TUPLE",
    "ColumnProblem",
    "FieldSpec",
    "ValueProblem",
    "decode_column",
    "encode_json_column",
    "field_specs",
    "from_plain",
    "geometry_fields",
    "json_text",
    "to_plain",
]
