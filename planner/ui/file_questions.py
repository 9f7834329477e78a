"""The questions the app asks when a plan file is not simply there to open or to save over.

Each is a real :class:`QMessageBox` with named buttons (tests find and click them by name) and
returns the name of the answer, or ``"cancel"``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from planner.formats.plan_file import DiskVersion
from planner.formats.plan_lock import Holder

Role = QMessageBox.ButtonRole


def ask(
    parent: QWidget | None,
    name: str,
    title: str,
    text: str,
    buttons: list[tuple[str, str, Role]],
    detail: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Show the box named ``name`` with ``buttons`` (answer, label, role); the first is the
    default. Returns the answer clicked, or "cancel" (Escape, or the window closed)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    if detail:
        box.setInformativeText(detail)
    answers = {}
    for index, (answer, label, role) in enumerate(buttons):
        button = box.addButton(label, role)
        button.setObjectName(answer)
        answers[button] = answer
        if index == 0:
            box.setDefaultButton(button)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("cancel")
    box.setEscapeButton(cancel)
    box.exec()
    return answers.get(box.clickedButton(), "cancel")


def ask_about_holder(parent: QWidget, path: Path, holder: Holder) -> str:
    """The plan is open in another window: "read-only", "take-over", "remove-stale"."""
    tr = parent.tr
    if holder.is_stale():
        return ask(
            parent,
            "stale-lock-box",
            tr("Plan left open"),
            tr("%1 was left open by Boothplan for %2, which is no longer running.")
            .replace("%1", path.name)
            .replace("%2", holder.describe()),
            [
                ("remove-stale", tr("Open it"), Role.AcceptRole),
                ("read-only", tr("Open read-only"), Role.ActionRole),
            ],
            tr("Opening it removes the old lock; nobody else is editing the plan."),
        )
    return ask(
        parent,
        "held-box",
        tr("Plan in use"),
        tr("%1 is open in Boothplan for %2.")
        .replace("%1", path.name)
        .replace("%2", holder.describe()),
        [
            ("read-only", tr("Open read-only"), Role.AcceptRole),
            ("take-over", tr("Take over"), Role.DestructiveRole),
        ],
        tr(
            "Read-only, you can look and save a copy under another name. Taking over makes "
            "the other window read-only; its unsaved changes stay there."
        ),
    )


def ask_about_conflict(
    parent: QWidget, path: Path, now: DiskVersion | None, can_merge: bool, clash: str
) -> str:
    """Someone saved the file since this window read it: "merge", "save-as", "discard"."""
    tr = parent.tr
    if now is None:
        said = tr("%1 was removed or replaced since you opened it.").replace("%1", path.name)
    else:
        said = (
            tr("%1 was changed since you opened it (%2).")
            .replace("%1", path.name)
            .replace("%2", now.stamp.describe())
        )
    buttons: list[tuple[str, str, Role]] = []
    if can_merge:
        buttons.append(("merge", tr("Combine and save"), Role.AcceptRole))
        detail = tr(
            "Combine keeps both: your changes and theirs touch different things. Or save "
            "yours as a copy, or take their version and drop your changes."
        )
    else:
        detail = (
            tr("Your changes and theirs cannot be combined: %1.").replace("%1", clash)
            if clash
            else tr("The file on disk can no longer be combined with your changes.")
        )
        detail += " " + tr("Save yours as a copy, or take their version and drop your changes.")
    buttons.append(("save-as", tr("Save as a copy…"), Role.ActionRole))
    buttons.append(("discard", tr("Take theirs, drop mine"), Role.DestructiveRole))
    return ask(parent, "conflict-box", tr("Plan changed on disk"), said, buttons, detail)


def ask_about_damage(parent: QWidget, message: str, has_autosave: bool) -> str:
    """The file is damaged: "salvage" (read-only, what can be read), "autosave"."""
    tr = parent.tr
    buttons: list[tuple[str, str, Role]] = []
    if has_autosave:
        buttons.append(("autosave", tr("Open the last autosave"), Role.AcceptRole))
    buttons.append(("salvage", tr("Open what can be read"), Role.ActionRole))
    return ask(
        parent,
        "damaged-box",
        tr("Plan damaged"),
        message,
        buttons,
        tr(
            "What can be read opens as a new, unsaved plan: check it and save it under "
            "another name. The damaged file is left as it is."
        ),
        QMessageBox.Icon.Warning,
    )


__all__ = ["Role", "ask", "ask_about_conflict", "ask_about_damage", "ask_about_holder"]
