"""A booth's booking history for the properties panel: newest first, one readable line each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from planner.model import Plan
from planner.model.status import LABELS

_CONTEXT = "BookingHistory"
# Source texts for the translation; QT_TRANSLATE_NOOP is not available without Qt's tooling.
ACTIONS = {
    "assign": "Assigned",
    "release": "Released",
    "move": "Moved",
    "status": "Status set",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def readable_time(at: str) -> str:
    """``2026-11-23T07:15:26Z`` → ``2026-11-23 07:15`` (UTC, as stored)."""
    text = at.replace("T", " ").removesuffix("Z")
    return text[:16] if len(text) >= 16 else text


def history_rows(plan: Plan, booth_id: str) -> list[tuple[str, str, str, str, str]]:
    """``(when, action, status, exhibitor, note)`` per event, newest first."""
    from planner.model import booking

    rows = []
    for event in reversed(booking.history(plan, booth_id)):
        exhibitor = plan.exhibitors.get(event.exhibitor_id or "")
        who = exhibitor.name if exhibitor else (event.exhibitor_id or "—")
        rows.append(
            (
                readable_time(event.at),
                _tr(ACTIONS.get(event.action, event.action)),
                _tr(LABELS.get(event.status, event.status)),
                who,
                event.note,
            )
        )
    return rows


def history_view(plan: Plan, booth_id: str) -> QListWidget:
    """Two lines per event (date, action and status; then who), so a narrow dock shows all."""
    view = QListWidget()
    view.setObjectName("booking-history")
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = history_rows(plan, booth_id)
    for row in rows:
        when, action, status, who, note = row
        text = f"{when}  {action} → {status}\n{who}" + (f" ({note})" if note else "")
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, row)
        view.addItem(item)
    if not rows:
        item = QListWidgetItem(_tr("No booking yet."))
        item.setData(Qt.ItemDataRole.UserRole, (_tr("No booking yet."), "", "", "", ""))
        view.addItem(item)
    view.setMinimumHeight(90)
    view.setMaximumHeight(200)
    return view
