"""Which actions apply to what is selected: the others are greyed out, as in any desktop app.

An action that cannot do anything with the current selection (Split with two booths selected,
Move booking with no booth) used to open an error box; now it is disabled, and its tooltip says
what to select.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.model import Plan
from planner.ui.actions import tooltip_for

Rule = Callable[[Plan, list[tuple[str, str]], list[str]], bool]


def _booths(keys: list[tuple[str, str]]) -> list[str]:
    return [i for t, i in keys if t == "booths"]


def _held(plan: Plan, keys: list[tuple[str, str]]) -> list[str]:
    return [i for i in _booths(keys) if (b := plan.booths.get(i)) is not None and b.exhibitor_id]


# action key: (when it applies, given the plan, canvas keys and exhibitors picked in the table)
RULES: dict[str, Rule] = {
    "delete": lambda plan, keys, picked: bool(keys),
    "duplicate": lambda plan, keys, picked: bool(keys),
    "rotate": lambda plan, keys, picked: bool(keys),
    "merge": lambda plan, keys, picked: len(_booths(keys)) >= 2,
    "split": lambda plan, keys, picked: len(_booths(keys)) == 1 and len(keys) == 1,
    "lock": lambda plan, keys, picked: bool(_booths(keys)),
    "unlock": lambda plan, keys, picked: bool(_booths(keys)),
    "renumber": lambda plan, keys, picked: bool(_booths(keys)),
    "release": lambda plan, keys, picked: bool(_held(plan, keys)),
    "assign": lambda plan, keys, picked: bool(_booths(keys)) and bool(plan.exhibitors),
    "move-booking": lambda plan, keys, picked: len(_held(plan, keys)) == 1 and len(keys) == 1,
    "edit-zone": lambda plan, keys, picked: [t for t, _ in keys] == ["zones"],
    "pack-zone": lambda plan, keys, picked: any(t == "zones" for t, _ in keys),
    "allocate-selected": lambda plan, keys, picked: bool(picked),
    "edit-exhibitor": lambda plan, keys, picked: bool(picked) or bool(_held(plan, keys)),
    "remove-exhibitor": lambda plan, keys, picked: bool(picked) or bool(_held(plan, keys)),
    "allocate": lambda plan, keys, picked: bool(plan.booths),
}

# What to select for a greyed-out action, in its tooltip.
HINTS: dict[str, str] = {
    "merge": "Select two or more booths to merge.",
    "split": "Select one booth to split.",
    "release": "Select booths an exhibitor holds.",
    "move-booking": "Select the one booth whose booking moves.",
    "edit-zone": "Select one zone.",
    "pack-zone": "Select the zone to pack.",
    "allocate-selected": "Select exhibitors in the exhibitor table first.",
    "edit-exhibitor": "Select an exhibitor in the table, or one of its booths.",
    "remove-exhibitor": "Select an exhibitor in the table, or one of its booths.",
}


def update_actions(window) -> None:
    """Enable each action of :data:`RULES` by what is selected now."""
    plan = window.document.plan
    keys = window.selection.all()
    picked = window.exhibitors.selected_ids()
    for name, applies in RULES.items():
        action = window.commands.get(name)
        if action is None:
            continue
        enabled = applies(plan, keys, picked)
        action.setEnabled(enabled)
        hint = "" if enabled else window.tr(HINTS.get(name, ""))
        action.setToolTip(tooltip_for(action, hint))


__all__ = ["HINTS", "RULES", "update_actions"]
