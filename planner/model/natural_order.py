"""Counting the way people count: booth A2 before A10, rows A…Z, AA, AB…

One home for these so the packer's numbers, the printed index and the reports agree on order.
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"(\d+)")


def fold_accents(text: str) -> str:
    """Letters as a Vietnamese reader orders them: Đ with D, Ả with A, case ignored."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def natural_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key for booth numbers and names: runs of digits compare as numbers, letters ignore case.

    >>> sorted(["A10", "B1", "A2", "a3", "10", "9"], key=natural_key)
    ['9', '10', 'A2', 'a3', 'A10', 'B1']
    >>> sorted(["A-10", "A-2", "B-1"], key=natural_key)
    ['A-2', 'A-10', 'B-1']
    >>> sorted(["Gia Lai", "Điện Biên 10", "Dung", "Điện Biên 9", "Ân Thi"], key=natural_key)
    ['Ân Thi', 'Điện Biên 9', 'Điện Biên 10', 'Dung', 'Gia Lai']
    >>> sorted(["A1", "A", "a"], key=natural_key)
    ['A', 'a', 'A1']
    """
    parts = []
    for piece in _DIGITS.split(text.strip()):
        if not piece:
            continue
        if piece.isdigit():
            parts.append((0, int(piece), piece))
        else:
            parts.append((1, 0, fold_accents(piece)))
    return tuple(parts), text  # names equal but for accents or case still sort one fixed way


def row_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (spreadsheet style), for rows of booths and rows of map tiles.

    >>> [row_letters(i) for i in (0, 25, 26, 27)]
    ['A', 'Z', 'AA', 'AB']
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = ["fold_accents", "natural_key", "row_letters"]
