"""The error an edit raises when it cannot be made."""

from __future__ import annotations

from planner.errors import BoothplanError


class EditRefused(BoothplanError):
    """An edit that cannot be made, and why, in one sentence for the user."""
