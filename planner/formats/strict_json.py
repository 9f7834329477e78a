"""JSON from the user's files, read strictly: no ``NaN`` or ``Infinity``, no runaway nesting.

Python's ``json`` accepts ``NaN`` and ``Infinity`` (not JSON at all) and, given ten thousand
nested brackets, raises ``RecursionError`` from deep inside the parser. Both become a
:class:`JsonProblem` here, whose message the reader puts in its one sentence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

MAX_DEPTH = 64  # a floor needs about 8 levels; free-form properties get plenty more


class JsonProblem(ValueError):
    """Why the text is not JSON Boothplan reads, in a few words."""


def _refuse_constant(name: str) -> Any:
    raise JsonProblem(f"it holds {name}, which is not a JSON number")


def loads(text: str) -> Any:
    """``json.loads`` without ``NaN``/``Infinity`` and nested at most :data:`MAX_DEPTH` deep.

    ``json.JSONDecodeError`` is let through (the caller names the line and column).
    """
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise JsonProblem(_too_deep()) from None
    check_depth(value)
    return value


def _too_deep() -> str:
    return f"it is nested more than {MAX_DEPTH} levels deep"


def check_depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """Refuse lists and objects nested deeper than ``limit`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise JsonProblem(_too_deep())
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))


__all__ = ["MAX_DEPTH", "JsonProblem", "check_depth", "loads"]
