"""The main window's commands: each a ``QAction`` with its label, icon and shortcut, placed in
the menus and toolbars. What each command does is :func:`slots`; where it goes is in
``MENUS`` and ``TOOLBARS``; both are tables, read once by :func:`build`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from planner.ui import help_dialogs
from planner.ui.resources import icon

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

Std = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey | None
CONTEXT = "Commands"  # the translation context of every label here


@dataclass(frozen=True)
class Command:
    key: str
    label: str  # English, marked for Qt's lupdate; translated when the action is made
    icon: str = ""
    shortcut: Shortcut = None
    checkable: bool = False


def _c(key: str, label: str, icon_name: str = "", shortcut: Shortcut = None) -> Command:
    return Command(key, label, icon_name, shortcut)


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP(CONTEXT, text)  # type: ignore[no-any-return]  # stub says object


COMMANDS: tuple[Command, ...] = (
    _c("new", _t("&New…"), "new", Std.New),
    _c("new-floor", _t("New from &GeoJSON floor…")),
    _c("open", _t("&Open…"), "open", Std.Open),
    _c("save", _t("&Save"), "save", Std.Save),
    _c("save-as", _t("Save &As…"), "", Std.SaveAs),
    _c("revert", _t("Re&vert to saved")),
    _c("export-pdf", _t("Export &PDF…"), "pdf", "Ctrl+P"),
    _c("import-exhibitors", _t("&Import exhibitors (CSV)…"), "exhibitors"),
    _c("add-exhibitor", _t("&Add exhibitor…"), "", "Ctrl+Shift+E"),
    _c("edit-exhibitor", _t("&Edit exhibitor…")),
    _c("remove-exhibitor", _t("&Remove exhibitor…")),
    _c("quit", _t("&Quit"), "", Std.Quit),
    _c("delete", _t("&Delete"), "delete", Std.Delete),
    _c("duplicate", _t("D&uplicate"), "duplicate", "Ctrl+D"),
    _c("select-all", _t("Select &All"), "", Std.SelectAll),
    _c("find", _t("&Find…"), "", Std.Find),
    _c("rotate", _t("&Rotate 90°"), "rotate", "R"),
    _c("merge", _t("&Merge booths…"), "merge", "Ctrl+M"),
    _c("split", _t("S&plit booth"), "split", "Ctrl+Shift+M"),
    _c("lock", _t("&Lock"), "lock", "Ctrl+L"),
    _c("unlock", _t("U&nlock"), "unlock", "Ctrl+Shift+L"),
    _c("renumber", _t("Re&number…"), "renumber"),
    _c("release", _t("Re&lease booths")),
    _c("assign", _t("Assign to e&xhibitor…"), "exhibitors", "Ctrl+E"),
    _c("move-booking", _t("&Move booking to…")),
    _c("edit-zone", _t("Zone &rules…")),
    _c("zoom-in", _t("Zoom &In"), "zoom-in", Std.ZoomIn),
    _c("zoom-out", _t("Zoom &Out"), "zoom-out", Std.ZoomOut),
    _c("zoom-fit", _t("Zoom to &Fit"), "zoom-fit", "Ctrl+0"),
    Command("grid", _t("Show &Grid"), checkable=True),
    Command("colour-status", _t("Colour by &status"), checkable=True),
    Command("colour-sector", _t("Colour by s&ector"), "colour", checkable=True),
    _c("pack", _t("&Auto-pack plan"), "pack", "Ctrl+K"),
    _c("pack-zone", _t("Auto-pack selected &zone"), "", "Ctrl+Shift+K"),
    _c("check", _t("Check &rules"), "problems", "F7"),
    _c("freeze", _t("&Freeze numbers")),
    _c("unfreeze", _t("U&nfreeze numbers")),
    _c("report", _t("Booking &report")),
    _c("allocate", _t("A&llocate exhibitors…"), "exhibitors"),
    _c("allocate-selected", _t("Allocate &selected exhibitors…")),
    _c("help-guide", _t("&Getting started"), "", Std.HelpContents),
    _c("help-shortcuts", _t("&Keyboard shortcuts")),
    _c("help-about", _t("&About Boothplan")),
)

# Tool name, label, icon, shortcut: each a checkable "tool-NAME" command, one at a time.
TOOLS: tuple[Command, ...] = tuple(
    Command(f"tool-{name}", label, name, shortcut, checkable=True)
    for name, label, shortcut in (
        ("select", _t("Select"), "V"),
        ("hall", _t("Hall (rectangle)"), "H"),
        ("hall-polygon", _t("Hall (polygon)"), "Shift+H"),
        ("column", _t("Column"), "C"),
        ("obstacle", _t("Obstacle (polygon)"), "O"),
        ("zone", _t("Zone (rectangle)"), "Z"),
        ("zone-polygon", _t("Zone (polygon)"), "Shift+Z"),
        ("door", _t("Door"), "D"),
        ("booth", _t("Booth"), "B"),
        ("measure", _t("Measure"), "M"),
    )
)
TOOL_KEYS = tuple(c.key for c in TOOLS)

# Where the commands go, as command keys; "|" is a separator; "@recent" and "@panels" are the
# submenus the window fills itself.
RECENT, PANELS = "@recent", "@panels"
Layout = tuple[str | None, ...]


def _layout(keys: str) -> Layout:
    return tuple(None if key == "|" else key for key in keys.split())


TOOL_LAYOUT = " ".join(TOOL_KEYS)
MENUS: tuple[tuple[str, Layout], ...] = (
    (
        _t("&File"),
        _layout(
            "new new-floor open @recent | save save-as revert | import-exhibitors export-pdf | quit"
        ),
    ),
    (
        _t("&Edit"),
        _layout(
            "undo redo | delete duplicate select-all find | rotate merge split lock unlock "
            "renumber edit-zone"
        ),
    ),
    (_t("&View"), _layout("zoom-in zoom-out zoom-fit | grid colour-status colour-sector @panels")),
    (_t("&Tools"), _layout(TOOL_LAYOUT)),
    (_t("&Plan"), _layout("pack pack-zone check | freeze unfreeze | report")),
    (
        _t("E&xhibitors"),
        _layout(
            "import-exhibitors | add-exhibitor edit-exhibitor remove-exhibitor | allocate "
            "allocate-selected | assign move-booking release"
        ),
    ),
    (_t("&Help"), _layout("help-guide help-shortcuts | help-about")),
)
TOOLBARS: tuple[tuple[str, str, Layout], ...] = (
    (
        "main-toolbar",
        _t("Main"),
        _layout(
            "new open save | undo redo | zoom-fit zoom-in zoom-out | delete duplicate rotate "
            "merge split lock | pack check colour-sector export-pdf"
        ),
    ),
    ("tools-toolbar", _t("Tools"), _layout(TOOL_LAYOUT)),
)
SUBMENUS: dict[str, tuple[str, str]] = {
    RECENT: ("recent-menu", _t("Open &Recent")),
    PANELS: ("panels-menu", _t("&Panels")),
}


def slots(w: MainWindow) -> dict[str, Callable[[], object]]:
    """What each command does. Slots take no arguments: ``triggered(bool)`` once reached
    ``import_exhibitors(path)`` as ``path=False``, and File → Import exhibitors only raised."""
    table: dict[str, Callable[[], object]] = {
        "new": w.files.new_blank,
        "new-floor": lambda: w.files.new_from_floor(),
        "open": lambda: w.files.open(),
        "save": w.files.save,
        "save-as": w.files.save_as,
        "revert": w.files.revert,
        "export-pdf": w.export_pdf,
        "import-exhibitors": w.roster.import_csv,
        "add-exhibitor": w.roster.add,
        "edit-exhibitor": w.roster.edit,
        "remove-exhibitor": w.roster.remove,
        "quit": w.close,
        "delete": w.edit.delete,
        "duplicate": w.edit.duplicate,
        "select-all": w.edit.select_all,
        "find": w.finder.find,
        "rotate": w.edit.rotate,
        "merge": w.edit.merge,
        "split": w.edit.split,
        "lock": lambda: w.edit.lock(True),
        "unlock": lambda: w.edit.lock(False),
        "renumber": w.edit.renumber,
        "release": w.edit.release,
        "assign": lambda: w.booking.assign(),
        "move-booking": lambda: w.booking.move(),
        "edit-zone": w.edit.edit_zone,
        "zoom-in": lambda: w.view.zoom_by(1.25),
        "zoom-out": lambda: w.view.zoom_by(0.8),
        "zoom-fit": w.view.zoom_to_fit,
        "grid": w.toggle_grid,
        "colour-status": lambda: w.set_colour_by("status"),
        "colour-sector": lambda: w.set_colour_by("sector"),
        "pack": lambda: w.auto_pack(False),
        "pack-zone": lambda: w.auto_pack(True),
        "check": w.problems.check_now,
        "freeze": lambda: w.edit.freeze(True),
        "unfreeze": lambda: w.edit.freeze(False),
        "report": w.show_report,
        "allocate": lambda: w.booking.allocate(),
        "allocate-selected": lambda: w.booking.allocate(True),
        "help-guide": lambda: help_dialogs.show_guide(w),
        "help-shortcuts": lambda: help_dialogs.show_shortcuts(w),
        "help-about": lambda: help_dialogs.show_about(w),
    }
    for command in TOOLS:
        tool = command.key.removeprefix("tool-")
        table[command.key] = lambda tool=tool: w.set_tool(tool)
    return table


def tooltip_for(action: QAction, hint: str = "") -> str:
    """ "Auto-pack plan (Ctrl+K)", and what to select when it is greyed out."""
    label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = f"{label} ({keys})" if keys else label
    return f"{text}: {hint}" if hint else text


def make_action(parent: QWidget, command: Command, slot: Callable[[], object]) -> QAction:
    action = QAction(QCoreApplication.translate(CONTEXT, command.label), parent)
    if command.icon:
        action.setIcon(icon(command.icon))
    shortcut = command.shortcut
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(command.checkable)
    action.setToolTip(tooltip_for(action))
    action.setObjectName(command.key)
    action.triggered.connect(lambda _checked=False: slot())
    return action


@dataclass
class Menus:
    """What :func:`build` made: the actions by key, and the submenus the window fills."""

    actions: dict[str, QAction]
    recent: QMenu
    panels: QMenu


def _undo_redo(w: MainWindow) -> dict[str, QAction]:
    undo = w.document.undo_stack.createUndoAction(w, w.tr("&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    undo.setIcon(icon("undo"))
    redo = w.document.undo_stack.createRedoAction(w, w.tr("&Redo"))
    # Ctrl+Y as well, on every platform: organisers come from Excel on Windows.
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    redo_keys += [k for k in QKeySequence.keyBindings(Std.Redo) if k not in redo_keys]
    redo.setShortcuts(redo_keys)
    redo.setIcon(icon("redo"))
    for key, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(key)
        action.setToolTip(tooltip_for(action))
    return {"undo": undo, "redo": redo}


def _fill(
    target: QMenu | QToolBar, layout: Layout, actions: dict[str, QAction], sub: dict[str, QMenu]
) -> None:
    for key in layout:
        if key is None:
            target.addSeparator()
        elif key in sub:
            assert isinstance(target, QMenu)
            target.addMenu(sub[key])
        else:
            target.addAction(actions[key])


def build(w: MainWindow) -> Menus:
    """Create every action, the menus and the toolbars."""
    table = slots(w)
    actions = {c.key: make_action(w, c, table[c.key]) for c in (*COMMANDS, *TOOLS)}
    actions.update(_undo_redo(w))
    for keys in (("colour-status", "colour-sector"), TOOL_KEYS):
        group = QActionGroup(w)
        for key in keys:
            group.addAction(actions[key])
    for key in ("grid", "colour-status", "tool-select"):
        actions[key].setChecked(True)
    sub = {}
    for key, (name, title) in SUBMENUS.items():
        sub[key] = QMenu(QCoreApplication.translate(CONTEXT, title), w)
        sub[key].setObjectName(name)
    bar = w.menuBar()
    for title, layout in MENUS:
        _fill(bar.addMenu(QCoreApplication.translate(CONTEXT, title)), layout, actions, sub)
    for name, title, layout in TOOLBARS:
        toolbar = QToolBar(QCoreApplication.translate(CONTEXT, title), w)
        toolbar.setObjectName(name)
        _fill(toolbar, layout, actions, sub)
        w.addToolBar(toolbar)
    return Menus(actions, sub[RECENT], sub[PANELS])
