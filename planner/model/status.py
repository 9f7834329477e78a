"""Booking status of a booth: the words stored in plan files and shown to people."""

from __future__ import annotations

AVAILABLE = "available"
ON_HOLD = "on_hold"
RESERVED = "reserved"
CONFIRMED = "confirmed"  # sold
BLOCKED = "blocked"

STATUSES: tuple[str, ...] = (AVAILABLE, ON_HOLD, RESERVED, CONFIRMED, BLOCKED)

LABELS: dict[str, str] = {
    AVAILABLE: "Available",
    ON_HOLD: "On hold",
    RESERVED: "Reserved",
    CONFIRMED: "Confirmed / sold",
    BLOCKED: "Blocked",
}

# What people type in CSV files and on the command line.
_ALIASES: dict[str, str] = {
    "available": AVAILABLE,
    "free": AVAILABLE,
    "on hold": ON_HOLD,
    "on_hold": ON_HOLD,
    "on-hold": ON_HOLD,
    "hold": ON_HOLD,
    "held": ON_HOLD,
    "reserved": RESERVED,
    "confirmed": CONFIRMED,
    "sold": CONFIRMED,
    "blocked": BLOCKED,
}

# Statuses that keep a booth (and its number) through a re-pack.
KEPT_ON_REPACK: frozenset[str] = frozenset({ON_HOLD, RESERVED, CONFIRMED, BLOCKED})


def parse_status(text: str) -> str:
    """Return the status key for ``text`` (case and spacing forgiven).

    >>> parse_status("On hold")
    'on_hold'
    >>> parse_status("sold")
    'confirmed'
    """
    key = " ".join(text.strip().lower().split())
    try:
        return _ALIASES[key]
    except KeyError:
        known = ", ".join(LABELS[s].lower() for s in STATUSES)
        raise ValueError(f"unknown status {text!r} (known: {known})") from None
