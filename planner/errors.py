"""The one error type a user sees: a single sentence naming the file, the place and the problem.

Every layer raises a subclass of :class:`BoothplanError` for bad input; the command line prints
its message and exits with code 2, and the app shows it in a dialog. Never a traceback.
"""

from __future__ import annotations


class BoothplanError(Exception):
    """Bad input or a refused operation, described for the person who caused it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
