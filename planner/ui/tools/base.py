"""What every tool shares: the context it works in, modifier keys, and typed input.

A tool receives ``press``, ``move``, ``release``, ``double_click`` with model points, ``typed``
with text the user entered while drawing (a length such as ``12.5`` or a point such as
``30,20``), and ``cancel`` (Escape). It shows work in progress through ``ctx.preview`` and
changes the plan only through ``ctx.document.push(patch)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.model import Plan
from planner.ui.tools.hit import PlanIndex
from planner.ui.tools.snapping import Snapped, Snapper

Point = tuple[float, float]


@dataclass(frozen=True)
class Message:
    """A status text for the user, translated as a whole where the UI shows it.

    ``template`` is the English source text with ``{name}`` fields (format specs allowed, such
    as ``{dx:.2f}``); a value may itself be a Message (a word such as "hall") to translate too.
    ``str()`` gives the English text.
    """

    template: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.template.format(
            **{k: str(v) if isinstance(v, Message) else v for k, v in self.values}
        )


def message(template: str, **values) -> Message:
    """``message("Booth {number} placed.", number="A01")``: a text the UI will translate."""
    return Message(template, tuple(values.items()))


StatusText = str | Message


@dataclass(frozen=True)
class Mods:
    shift: bool = False
    ctrl: bool = False
    alt: bool = False


NO_MODS = Mods()


@dataclass
class ToolContext:
    """The world a tool sees. The view fills the callbacks; tests may pass plain functions."""

    document: object  # PlanDocument (duck-typed so tools stay testable)
    selection: object  # Selection
    snapper: Snapper = field(default_factory=Snapper)
    preview: Callable[[list], None] = lambda geoms: None
    status: Callable[[StatusText], None] = lambda text: None
    tolerance: Callable[[], float] = lambda: 0.5  # metres that one "near" on screen is
    # Asked after a zone is drawn: returns the zone with its use and rules, or None to drop it.
    edit_new_zone: Callable[[object], object | None] = lambda zone: zone
    _index: PlanIndex | None = None

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def index(self) -> PlanIndex:
        plan = self.plan
        if self._index is None or self._index.plan is not plan:
            self._index = PlanIndex(plan)
        return self._index

    def snap(self, point: Point, anchor: Point | None = None, ortho: bool = False) -> Snapped:
        return self.snapper.snap(
            point[0], point[1], self.index(), self.tolerance(), anchor=anchor, ortho=ortho
        )


class TypedInputError(ValueError):
    """What was typed is neither a length nor a point; ``text`` says so, translatably."""

    def __init__(self, text: StatusText) -> None:
        super().__init__(str(text))
        self.text = text


def parse_typed(text: str) -> tuple[str, tuple[float, ...]]:
    """``"12.5"`` → ``("length", (12.5,))``; ``"30, 20"`` or ``"30;20"`` → ``("point", (30, 20))``.

    A length may carry an angle in degrees after ``<`` (``"10<90"`` goes 10 m north).
    """
    cleaned = text.strip().replace(";", ",")
    try:
        if "," in cleaned:
            x, y = (float(part) for part in cleaned.split(",", 1))
            return ("point", (x, y))
        if "<" in cleaned:
            length, angle = (float(part) for part in cleaned.split("<", 1))
            if length <= 0:
                raise TypedInputError(
                    message("a length must be more than 0, not {length:g}", length=length)
                )
            return ("polar", (length, angle))
        length = float(cleaned)
    except ValueError:
        raise TypedInputError(
            message("{text!r} is not a length (12.5) or a point (30, 20)", text=text)
        ) from None
    if not math.isfinite(length) or length <= 0:
        raise TypedInputError(
            message("a length must be more than 0, not {text}", text=text.strip())
        )
    return ("length", (length,))


def point_from_typed(text: str, anchor: Point | None, toward: Point | None) -> Point:
    """The point that typed ``text`` means, given the last point and where the pointer is."""
    kind, values = parse_typed(text)
    if kind == "point":
        return (values[0], values[1])
    if anchor is None:
        raise TypedInputError(
            message("type a point such as 30, 20 to start; a length needs a start")
        )
    if kind == "polar":
        length, angle = values
        rad = math.radians(angle)
        return (anchor[0] + length * math.cos(rad), anchor[1] + length * math.sin(rad))
    (length,) = values
    dx, dy = (toward[0] - anchor[0], toward[1] - anchor[1]) if toward else (1.0, 0.0)
    norm = math.hypot(dx, dy)
    if norm < 1e-9:
        dx, dy, norm = 1.0, 0.0, 1.0
    return (anchor[0] + dx / norm * length, anchor[1] + dy / norm * length)


class Tool:
    """Base tool: does nothing. Subclasses override what they need."""

    name = "tool"
    label = "Tool"
    accepts_typing = False

    def __init__(self, ctx: ToolContext) -> None:
        self.ctx = ctx

    def activate(self) -> None:
        self.ctx.preview([])
        self.ctx.status(self.hint())

    def deactivate(self) -> None:
        self.cancel()

    def hint(self) -> StatusText:
        return ""

    def press(self, point: Point, mods: Mods = NO_MODS) -> None: ...

    def move(self, point: Point, mods: Mods = NO_MODS, buttons: bool = False) -> None: ...

    def release(self, point: Point, mods: Mods = NO_MODS) -> None: ...

    def double_click(self, point: Point, mods: Mods = NO_MODS) -> None: ...

    def typed(self, text: str) -> None: ...

    def finish(self) -> None:
        """Enter with nothing typed: close what is being drawn."""

    def cancel(self) -> None:
        self.ctx.preview([])


def round_point(point: Point, digits: int = 6) -> Point:
    return (round(point[0], digits), round(point[1], digits))
