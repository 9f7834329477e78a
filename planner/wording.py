"""Counts as people write them in English, on screen and on the command line: "1 page", "3 pages".

Qt's ``tr("%n page(s)", "", n)`` only chooses singular or plural when a translation is loaded;
the app ships none, so it printed "1 page(s)". One helper for the app, the CLI and the file readers.
"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one.

    >>> counted(1, "page"), counted(3, "page"), counted(0, "booth")
    ('1 page', '3 pages', '0 booths')
    >>> counted(2, "name too long for its booth", "names too long for their booth")
    '2 names too long for their booth'
    """
    if n == 1:
        return f"{n} {singular}"
    return f"{n} {plural if plural is not None else singular + 's'}"


__all__ = ["counted"]
