"""Sort orders people expect in printed indexes: Vietnamese names and booth numbers."""

from __future__ import annotations

from planner.model.natural_order import natural_key


def name_key(name: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key for names: letters without their diacritics, numbers by value, as the reports.

    ``Đ`` sorts with ``D`` and ``Ả`` with ``A``, so ``Đà Lạt`` stands among the D's; ``Co. 7``
    comes before ``Co. 19``.

    >>> sorted(["Hải Phòng", "Hà Nội", "Dung", "Đà Lạt", "An Giang"], key=name_key)
    ['An Giang', 'Đà Lạt', 'Dung', 'Hà Nội', 'Hải Phòng']
    >>> sorted(["HTX 19", "HTX  7"], key=name_key)
    ['HTX  7', 'HTX 19']
    """
    return natural_key(" ".join(name.split()))


__all__ = ["name_key", "natural_key"]
