"""Sort orders people expect in printed indexes: Vietnamese names and booth numbers."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"(\d+)")


def name_key(name: str) -> tuple[str, str]:
    """Sort key for names: letters without their diacritics first, the exact name to break ties.

    ``Đ`` sorts with ``D`` and ``Ả`` with ``A``, so ``Đà Lạt`` stands among the D's.

    >>> sorted(["Hải Phòng", "Hà Nội", "Dung", "Đà Lạt", "An Giang"], key=name_key)
    ['An Giang', 'Đà Lạt', 'Dung', 'Hà Nội', 'Hải Phòng']
    """
    text = name.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (" ".join(base.casefold().split()), name)


def natural_key(number: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for booth numbers: digits compare as numbers, so A2 comes before A10.

    >>> sorted(["A10", "B1", "A2", "a3", "10", "9"], key=natural_key)
    ['9', '10', 'A2', 'a3', 'A10', 'B1']
    """
    parts = []
    for piece in _DIGITS.split(number.strip()):
        if not piece:
            continue
        if piece.isdigit():
            parts.append((0, int(piece), piece))
        else:
            parts.append((1, 0, piece.casefold()))
    return tuple(parts)
