"""Sorting text the way people count: booth A-2 before A-10, "Co-op 9" before "Co-op 10"."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """A sort key that compares runs of digits as numbers.

    >>> sorted(["A-10", "A-2", "B-1"], key=natural_key)
    ['A-2', 'A-10', 'B-1']
    """
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in _DIGITS.split(text))


__all__ = ["natural_key"]
