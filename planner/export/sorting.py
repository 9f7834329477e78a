"""Sort orders people expect in printed indexes: Vietnamese names and booth numbers."""

from __future__ import annotations

import unicodedata

from planner.model.natural_order import natural_key


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


__all__ = ["name_key", "natural_key"]
