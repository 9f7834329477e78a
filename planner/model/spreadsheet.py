"""Text that is safe to open in a spreadsheet: no cell of ours ever runs as a formula.

Excel, LibreOffice and Google Sheets treat a CSV cell that starts with ``=``, ``+``, ``-`` or
``@`` (and, in some versions, a tab or carriage return) as a formula; a cell such as
``=HYPERLINK(...)`` or ``+cmd|...`` in an exhibitor's name would then run on the organiser's
machine. :func:`neutralise` puts an apostrophe in front of such a cell (the mark spreadsheets use
for "this is text"), so ``+84 214 3897188`` is shown as ``'+84 214 3897188``: still readable,
never computed. :func:`restore` removes exactly the apostrophe :func:`neutralise` added, so an
exported file imports back to the same text; a value that itself starts with an apostrophe
followed by one of those characters gets a second apostrophe, keeping the pair of functions
exact inverses.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
MARK = "'"


def neutralise(text: str) -> str:
    """The cell text to write.

    >>> neutralise("+84 214 3897188")
    "'+84 214 3897188"
    >>> neutralise("Sơn La")
    'Sơn La'
    >>> neutralise("'=1") == "''=1"
    True
    """
    if text[:1] in FORMULA_STARTS or _marked(text):
        return MARK + text
    return text


def restore(text: str) -> str:
    """The value a neutralised cell stood for (text we did not mark is kept as it is).

    >>> restore("'+84 214 3897188")
    '+84 214 3897188'
    >>> restore("'Tis")
    "'Tis"
    """
    return text[1:] if _marked(text) else text


def _marked(text: str) -> bool:
    return len(text) >= 2 and text[0] == MARK and (text[1] in FORMULA_STARTS or text[1] == MARK)


__all__ = ["FORMULA_STARTS", "neutralise", "restore"]
