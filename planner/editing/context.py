"""The world a tool works in: the document it edits, the selection, snapping, and the callbacks
through which it shows work in progress and speaks to the user.

The document and the selection are protocols, so the app passes its Qt objects and a test
passes plain ones (:class:`~planner.editing.selection.KeySelection`, :class:`PlanHolder`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from shapely.geometry.base import BaseGeometry

from planner.editing.hit import PlanIndex
from planner.editing.snapping import Snapped, Snapper
from planner.model import Patch, Plan, Zone

Point = tuple[float, float]
Key = tuple[str, str]  # (table, id)


class Document(Protocol):
    """What a tool needs of the open document."""

    @property
    def plan(self) -> Plan: ...

    def push(self, patch: Patch, text: str | None = None) -> bool: ...


class Selection(Protocol):
    """What a tool needs of the selection: an ordered set of keys."""

    def all(self) -> list[Key]: ...

    def __contains__(self, key: object) -> bool: ...

    def __len__(self) -> int: ...

    def set(self, keys: Iterable[Key]) -> None: ...

    def add(self, keys: Iterable[Key]) -> None: ...

    def toggle(self, keys: Iterable[Key]) -> None: ...

    def clear(self) -> None: ...


class PlanHolder:
    """A document without undo or files: the plan, and the patches pushed on it (for tests and
    for scripts that drive the tools)."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self.pushed: list[Patch] = []

    @property
    def plan(self) -> Plan:
        return self._plan

    def push(self, patch: Patch, text: str | None = None) -> bool:
        self._plan = self._plan.apply(patch)
        self.pushed.append(patch)
        return True


@dataclass(frozen=True)
class Mods:
    """The modifier keys held during a pointer event."""

    shift: bool = False
    ctrl: bool = False
    alt: bool = False


NO_MODS = Mods()


def _no_preview(shapes: Sequence[BaseGeometry]) -> None:
    return None


def _no_status(text: str) -> None:
    return None


def _half_metre() -> float:
    return 0.5


def _keep_zone(zone: Zone) -> Zone | None:
    return zone


@dataclass
class ToolContext:
    """The world a tool sees. The view fills the callbacks; tests may keep the defaults."""

    document: Document
    selection: Selection
    snapper: Snapper = field(default_factory=Snapper)
    preview: Callable[[Sequence[BaseGeometry]], None] = _no_preview
    status: Callable[[str], None] = _no_status  # a translated sentence for the status bar
    tolerance: Callable[[], float] = _half_metre  # the metres one "near" on screen is
    # Asked after a zone is drawn: the zone with its use and rules, or None to drop it.
    edit_new_zone: Callable[[Zone], Zone | None] = _keep_zone
    _index: PlanIndex | None = None

    @property
    def plan(self) -> Plan:
        return self.document.plan

    def index(self) -> PlanIndex:
        """Hit tests on the current plan (rebuilt when the plan has changed)."""
        plan = self.plan
        if self._index is None or self._index.plan is not plan:
            self._index = PlanIndex(plan)
        return self._index

    def snap(self, point: Point, anchor: Point | None = None, ortho: bool = False) -> Snapped:
        return self.snapper.snap(
            point[0], point[1], self.index(), self.tolerance(), anchor=anchor, ortho=ortho
        )

    def near(self, a: Point, b: Point, share: float = 1.0) -> bool:
        """Whether two points are within ``share`` of the on-screen tolerance of each other
        (a click rather than a drag; a click on the first corner)."""
        tol = self.tolerance() * share
        return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol
