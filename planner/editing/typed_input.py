"""Lengths and points typed while drawing: ``12.5`` (a length toward the pointer), ``30, 20`` (a
point), ``10<90`` (10 m at 90°), and the buffer that collects the keys until Enter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from planner.errors import BoothplanError
from planner.i18n import _

Point = tuple[float, float]

# Keys that start or continue a typed value; a space only continues one ("30, 20").
TYPING_KEYS = frozenset("0123456789.,;-<")


class TypedKind(StrEnum):
    LENGTH = "length"
    POINT = "point"
    POLAR = "polar"


class TypedInputError(BoothplanError):
    """What was typed is neither a length nor a point; the message says so."""


@dataclass(frozen=True)
class Typed:
    kind: TypedKind
    values: tuple[float, ...]


def parse_typed(text: str) -> Typed:
    """``"12.5"`` → a length; ``"30, 20"`` or ``"30;20"`` → a point; ``"10<90"`` → 10 m at 90°.

    >>> parse_typed("30; 20")
    Typed(kind=<TypedKind.POINT: 'point'>, values=(30.0, 20.0))
    """
    cleaned = text.strip().replace(";", ",")
    try:
        if "," in cleaned:
            x, y = (float(part) for part in cleaned.split(",", 1))
            if not (math.isfinite(x) and math.isfinite(y)):
                raise ValueError(cleaned)
            return Typed(TypedKind.POINT, (x, y))
        if "<" in cleaned:
            length, angle = (float(part) for part in cleaned.split("<", 1))
            if not (math.isfinite(length) and math.isfinite(angle)):
                raise ValueError(cleaned)
            if length <= 0:
                raise TypedInputError(
                    _("A length must be more than 0, not {length:g}.").format(length=length)
                )
            return Typed(TypedKind.POLAR, (length, angle))
        length = float(cleaned)
    except ValueError:
        raise TypedInputError(
            _("{text!r} is not a length (12.5) or a point (30, 20).").format(text=text)
        ) from None
    if not math.isfinite(length) or length <= 0:
        raise TypedInputError(
            _("A length must be more than 0, not {text}.").format(text=text.strip())
        )
    return Typed(TypedKind.LENGTH, (length,))


def point_from_typed(text: str, anchor: Point | None, toward: Point | None) -> Point:
    """The point that typed ``text`` means, given the last point and where the pointer is."""
    typed = parse_typed(text)
    if typed.kind is TypedKind.POINT:
        return (typed.values[0], typed.values[1])
    if anchor is None:
        raise TypedInputError(_("Type a point such as 30, 20 to start; a length needs a start."))
    if typed.kind is TypedKind.POLAR:
        length, angle = typed.values
        rad = math.radians(angle)
        return (anchor[0] + length * math.cos(rad), anchor[1] + length * math.sin(rad))
    (length,) = typed.values
    dx, dy = (toward[0] - anchor[0], toward[1] - anchor[1]) if toward else (1.0, 0.0)
    norm = math.hypot(dx, dy)
    if norm < 1e-9:
        dx, dy, norm = 1.0, 0.0, 1.0
    return (anchor[0] + dx / norm * length, anchor[1] + dy / norm * length)


class TypedBuffer:
    """The keys typed while drawing, until Enter hands them to the tool.

    >>> buffer = TypedBuffer()
    >>> [buffer.key(k) for k in "30, 2x"]
    [True, True, True, True, True, False]
    >>> buffer.backspace(), buffer.text
    (True, '30, ')
    >>> buffer.take(), buffer.text
    ('30, ', '')
    """

    def __init__(self) -> None:
        self.text = ""

    def key(self, char: str) -> bool:
        """Add a typed character if it belongs to a length or a point; whether it did."""
        if (char and char in TYPING_KEYS) or (self.text and char == " "):
            self.text += char
            return True
        return False

    def backspace(self) -> bool:
        """Drop the last character; ``False`` when there was none (the tool may drop its last
        corner instead)."""
        if not self.text:
            return False
        self.text = self.text[:-1]
        return True

    def take(self) -> str:
        """The text typed, emptying the buffer."""
        text, self.text = self.text, ""
        return text

    def clear(self) -> None:
        self.text = ""
