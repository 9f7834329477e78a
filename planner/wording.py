"""Counts as people write them in English, on screen and on the command line: "1 page", "3 pages".

Qt's ``tr("%n page(s)", "", n)`` only chooses singular or plural when a translation is loaded;
the app ships none, so it printed "1 page(s)". One helper for the app, the CLI and the file readers.
"""

from __future__ import annotations

import re
import unicodedata


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


_NEGATIVE_ZERO = re.compile(r"-(0(?:[.,]0+)?)(?!\d)(?![.,]\d)")


def no_negative_zero(text: str) -> str:
    """A length that rounds to zero reads "0.00", not "-0.00" (Python keeps the sign).

    >>> no_negative_zero("Δx -0.00, Δy -0.50, x -0.0 m, -0,00, -0.005")
    'Δx 0.00, Δy -0.50, x 0.0 m, 0,00, -0.005'
    """
    return _NEGATIVE_ZERO.sub(r"\1", text)


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two, combining marks none.

    >>> display_width("Hải Phòng"), display_width("大理"), display_width("Ha\u0309i")
    (9, 4, 3)
    """
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (cut with … when longer)."""
    if display_width(text) > width:
        while text and display_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * max(0, width - display_width(text))


__all__ = ["counted", "display_width", "no_negative_zero", "pad"]
