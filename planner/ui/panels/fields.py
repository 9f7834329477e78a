"""Reading what people type into the properties panel: numbers checked, one sentence if wrong."""

from __future__ import annotations

import math

from planner.errors import BoothplanError


class FieldError(BoothplanError):
    """A value typed into a field that cannot be used."""


def metres(label: str, text: str, *, allow_empty: bool = False, minimum: float = 0.0):
    """A length in metres from ``text`` (comma decimals accepted); refused unless > minimum."""
    cleaned = text.strip().replace(",", ".").removesuffix("m").strip()
    if not cleaned:
        if allow_empty:
            return None
        raise FieldError(f"{label} is empty; type a length in metres.")
    try:
        value = float(cleaned)
    except ValueError:
        raise FieldError(f"{label} must be a number of metres, not {text.strip()!r}.") from None
    if not math.isfinite(value) or value <= minimum:
        raise FieldError(f"{label} must be more than {minimum:g} m, not {text.strip()}.")
    return value


def amount(label: str, text: str, *, allow_empty: bool = True, allow_negative: bool = False):
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        if allow_empty:
            return None
        raise FieldError(f"{label} is empty.")
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        raise FieldError(f"{label} must be a number, not {text.strip()!r}.") from None
    if not math.isfinite(value):
        raise FieldError(f"{label} must be a finite number, not {text.strip()!r}.")
    if value < 0 and not allow_negative:
        raise FieldError(f"{label} cannot be negative ({text.strip()}).")
    return value


def name(label: str, text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise FieldError(f"{label} cannot be empty.")
    return cleaned


def percent(label: str, text: str, *, maximum: float) -> float:
    """A percentage typed as ``10``, ``10 %`` or ``12,5``; returned as a fraction (0.1)."""
    value = amount(label, text.strip().removesuffix("%"), allow_empty=False)
    if value > maximum:
        raise FieldError(f"{label} of {value:g} % is more than {maximum:g} %.")
    return value / 100.0


def currency(label: str, text: str) -> str:
    """A currency code or sign such as VND, USD, ₫: short, no spaces."""
    cleaned = text.strip()
    if not cleaned:
        raise FieldError(f"{label} cannot be empty; type a code such as VND.")
    if len(cleaned) > 8 or any(ch.isspace() for ch in cleaned) or cleaned[0].isdigit():
        raise FieldError(f"{label} must be a short code such as VND or USD, not {cleaned!r}.")
    return cleaned
