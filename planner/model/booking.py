"""Booking: who holds which booth, with what status, and the history of every change.

Each function takes a plan and returns a :class:`~planner.model.patch.Patch` (one undo step)
that changes the booths and adds one :class:`~planner.model.entities.BookingEvent` per booth
changed, so the plan file keeps each booth's history. Impossible requests are refused with a
:class:`BookingError` of one sentence; nothing is half done.

The invariants kept: an *available* or *blocked* booth has no exhibitor; a *reserved* or
*confirmed* booth has one; an *on hold* booth may have one (held for a named exhibitor) or not
(held back by the organiser).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from itertools import count

from planner.errors import BoothplanError
from planner.model.entities import BookingEvent, Booth
from planner.model.patch import Patch, PatchBuilder
from planner.model.plan import Plan
from planner.model.status import (
    AVAILABLE,
    BLOCKED,
    CONFIRMED,
    LABELS,
    ON_HOLD,
    RESERVED,
    STATUSES,
)

# Statuses a booth can have while an exhibitor holds it.
HELD_STATUSES: tuple[str, ...] = (ON_HOLD, RESERVED, CONFIRMED)


class BookingError(BoothplanError):
    """A booking request that cannot be carried out."""


def now_iso() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def booth_label(booth: Booth) -> str:
    return f"booth {booth.number or booth.id}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def exhibitor_label(plan: Plan, exhibitor_id: str | None) -> str:
    exhibitor = plan.exhibitors.get(exhibitor_id) if exhibitor_id else None
    return exhibitor.name if exhibitor else str(exhibitor_id)


def find_booths(
    plan: Plan, booth_refs: Iterable[str], index: dict[str, Booth] | None = None
) -> list[Booth]:
    """Booths by id or by number, in the order given, each once; unknown ones are refused.

    ``index`` (from :func:`booth_index`) saves rebuilding the lookup when called many times.
    """
    if isinstance(booth_refs, str):  # one booth given on its own, not a list of one
        booth_refs = [booth_refs]
    index = booth_index(plan) if index is None else index
    found: list[Booth] = []
    for ref in booth_refs:
        booth = index.get(ref)
        if booth is None:
            raise BookingError(f"There is no booth {ref!r} in the plan.")
        if booth not in found:
            found.append(booth)
    if not found:
        raise BookingError("No booth was given.")
    return found


def booth_index(plan: Plan) -> dict[str, Booth]:
    """Booths by number and by id (an id wins over another booth's equal number)."""
    index = {b.number: b for b in plan.booths.values() if b.number}
    index.update(plan.booths)
    return index


class _Booking:
    """Collects booth changes and their history events into one patch."""

    def __init__(self, plan: Plan, description: str, at: str | None) -> None:
        self.plan = plan
        self.builder: PatchBuilder = plan.edit(description)
        self.at = at or now_iso()
        first = int(plan.new_id("booking_events").rsplit("-", 1)[1])
        self._event_ids = (f"event-{n}" for n in count(first))

    def current(self, booth_id: str) -> Booth:
        """The booth as the changes so far leave it."""
        booth = self.builder.current("booths", booth_id)
        assert isinstance(booth, Booth)  # a booking only changes booths of the plan, never deletes
        return booth

    def change(
        self, booth: Booth, action: str, status: str, exhibitor_id: str | None, note: str = ""
    ) -> None:
        current = self.current(booth.id)
        if current.status == status and current.exhibitor_id == exhibitor_id:
            return  # nothing changes, so nothing enters the history
        self.builder.put(replace(current, status=status, exhibitor_id=exhibitor_id))
        self.builder.put(
            BookingEvent(
                id=next(self._event_ids),
                booth_id=booth.id,
                at=self.at,
                action=action,
                status=status,
                exhibitor_id=exhibitor_id,
                note=note,
            )
        )

    def build(self) -> Patch:
        return self.builder.build()


def _check_status(status: str) -> None:
    if status not in STATUSES:
        known = ", ".join(STATUSES)
        raise BookingError(f"{status!r} is not a booth status (known: {known}).")


def assign(
    plan: Plan,
    booth_ids: Sequence[str],
    exhibitor_id: str,
    status: str = RESERVED,
    at: str | None = None,
) -> Patch:
    """Give booths to an exhibitor with ``status`` (on hold, reserved or confirmed).

    Refused for an unknown booth or exhibitor, a blocked booth, or a booth another exhibitor
    holds (release it first).
    """
    return assign_many(plan, [(booth_ids, exhibitor_id, status)], at)


def assign_many(
    plan: Plan,
    requests: Sequence[tuple[Sequence[str], str, str]],
    at: str | None = None,
    description: str | None = None,
) -> Patch:
    """Several :func:`assign` requests ``(booths, exhibitor_id, status)`` as one patch.

    Each request is checked against the booths as the earlier requests left them, so two
    requests for one booth are refused like two separate assigns would be.
    """
    index = booth_index(plan)
    booking: _Booking | None = None
    for booth_ids, exhibitor_id, status in requests:
        _check_status(status)
        if status not in HELD_STATUSES:
            raise BookingError(
                f"A booth given to an exhibitor is on hold, reserved or confirmed, "
                f"not {LABELS[status].lower()}."
            )
        exhibitor = plan.exhibitors.get(exhibitor_id)
        if exhibitor is None:
            raise BookingError(f"There is no exhibitor {exhibitor_id!r} in the plan.")
        booths = find_booths(plan, booth_ids, index)
        if booking is None:
            numbers = ", ".join(b.number or b.id for b in booths)
            booking = _Booking(plan, description or f"Assign {numbers} to {exhibitor.name}", at)
        for original in booths:
            booth = booking.current(original.id)
            if booth.status == BLOCKED:
                raise BookingError(
                    f"{_cap(booth_label(booth))} is blocked and cannot be given to "
                    f"{exhibitor.name}; unblock it first."
                )
            if booth.exhibitor_id not in (None, exhibitor_id):
                raise BookingError(
                    f"{_cap(booth_label(booth))} is already held by "
                    f"{exhibitor_label(plan, booth.exhibitor_id)}; release it first."
                )
        for booth in booths:
            booking.change(booth, "assign", status, exhibitor_id)
    return booking.build() if booking is not None else Patch((), description or "")


def release(plan: Plan, booth_ids: Sequence[str], at: str | None = None) -> Patch:
    """Make booths available again, whoever held them. Free booths stay as they are."""
    booths = find_booths(plan, booth_ids)
    for booth in booths:
        if booth.status == BLOCKED:
            raise BookingError(
                f"{_cap(booth_label(booth))} is blocked, not booked; set its status to "
                "available to unblock it."
            )
    numbers = ", ".join(b.number or b.id for b in booths)
    booking = _Booking(plan, f"Release {numbers}", at)
    for booth in booths:
        booking.change(booth, "release", AVAILABLE, None)
    return booking.build()


def set_status(plan: Plan, booth_ids: Sequence[str], status: str, at: str | None = None) -> Patch:
    """Change booths' status, keeping their exhibitor where the new status allows one.

    *available* releases the booth; *blocked* is refused while an exhibitor holds it;
    *reserved* and *confirmed* need an exhibitor (use :func:`assign`).
    """
    _check_status(status)
    booths = find_booths(plan, booth_ids)
    for booth in booths:
        if status == BLOCKED and booth.exhibitor_id is not None:
            raise BookingError(
                f"{_cap(booth_label(booth))} is held by "
                f"{exhibitor_label(plan, booth.exhibitor_id)}; release it before blocking it."
            )
        if status in (RESERVED, CONFIRMED) and booth.exhibitor_id is None:
            raise BookingError(
                f"{_cap(booth_label(booth))} has no exhibitor; assign one to make it "
                f"{LABELS[status].lower()}."
            )
    numbers = ", ".join(b.number or b.id for b in booths)
    booking = _Booking(plan, f"Mark {numbers} {LABELS[status].lower()}", at)
    for booth in booths:
        exhibitor_id = booth.exhibitor_id if status in HELD_STATUSES else None
        booking.change(booth, "status", status, exhibitor_id)
    return booking.build()


def move(plan: Plan, from_booth_id: str, to_booth_id: str, at: str | None = None) -> Patch:
    """Move an exhibitor, with its status, from one booth to a free one."""
    source, target = find_booths(plan, [from_booth_id]), find_booths(plan, [to_booth_id])
    source_booth, target_booth = source[0], target[0]
    if source_booth.id == target_booth.id:
        raise BookingError(f"{_cap(booth_label(source_booth))} cannot move onto itself.")
    if source_booth.exhibitor_id is None:
        raise BookingError(f"{_cap(booth_label(source_booth))} has no exhibitor to move.")
    if target_booth.status != AVAILABLE or target_booth.exhibitor_id is not None:
        raise BookingError(
            f"{_cap(booth_label(target_booth))} is "
            f"{LABELS[target_booth.status].lower()}, not free; release it first."
        )
    who = exhibitor_label(plan, source_booth.exhibitor_id)
    booking = _Booking(plan, f"Move {who} from {source_booth.number} to {target_booth.number}", at)
    booking.change(
        target_booth,
        "move",
        source_booth.status,
        source_booth.exhibitor_id,
        note=f"moved from {source_booth.number or source_booth.id}",
    )
    booking.change(
        source_booth,
        "move",
        AVAILABLE,
        None,
        note=f"moved to {target_booth.number or target_booth.id}",
    )
    return booking.build()


def history(plan: Plan, booth_id: str) -> list[BookingEvent]:
    """A booth's booking events, oldest first."""
    events = [e for e in plan.booking_events.values() if e.booth_id == booth_id]
    return sorted(events, key=lambda e: (e.at, _event_number(e.id)))


def _event_number(event_id: str) -> int:
    tail = event_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


__all__ = [
    "HELD_STATUSES",
    "BookingError",
    "assign",
    "assign_many",
    "booth_index",
    "find_booths",
    "history",
    "move",
    "now_iso",
    "release",
    "set_status",
]
