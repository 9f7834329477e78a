"""Menus, toolbars and their shortcuts for the main window."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from planner.ui import help_dialogs
from planner.ui.resources import icon

Std = QKeySequence.StandardKey

# Tool name, label, icon, shortcut.
TOOLS: tuple[tuple[str, str, str, str], ...] = (
    ("select", "Select", "select", "V"),
    ("hall", "Hall (rectangle)", "hall", "H"),
    ("hall-polygon", "Hall (polygon)", "hall-polygon", "Shift+H"),
    ("column", "Column", "column", "C"),
    ("obstacle", "Obstacle (polygon)", "obstacle", "O"),
    ("zone", "Zone (rectangle)", "zone", "Z"),
    ("zone-polygon", "Zone (polygon)", "zone-polygon", "Shift+Z"),
    ("door", "Door", "door", "D"),
    ("booth", "Booth", "booth", "B"),
    ("measure", "Measure", "measure", "M"),
)


def tooltip_for(action: QAction, hint: str = "") -> str:
    """ "Auto-pack plan (Ctrl+K)", and what to select when it is greyed out."""
    label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = f"{label} ({keys})" if keys else label
    return f"{text}: {hint}" if hint else text


def make_action(
    window,
    text: str,
    slot=None,
    icon_name: str = "",
    shortcut=None,
    checkable: bool = False,
    name: str = "",
) -> QAction:
    action = QAction(window.tr(text), window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        else:
            action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    action.setToolTip(tooltip_for(action))
    action.setObjectName(name or text.lower().replace(" ", "-").strip("…."))
    if slot is not None:
        # Menu slots take no arguments: triggered(bool) once reached import_exhibitors(path) as
        # path=False, and File → Import exhibitors did nothing but raise.
        action.triggered.connect(lambda _checked=False: slot())
    return action


def build(window) -> dict[str, QAction]:
    """Create every action, the menus and the toolbars; returns the actions by name."""
    w = window
    a: dict[str, QAction] = {}

    def add(key, *args, **kwargs):
        a[key] = make_action(w, *args, name=key, **kwargs)
        return a[key]

    add("new", "&New…", w.files.new_blank, "new", Std.New)
    add("new-floor", "New from &GeoJSON floor…", lambda: w.files.new_from_floor())
    add("open", "&Open…", lambda: w.files.open(), "open", Std.Open)
    add("save", "&Save", w.files.save, "save", Std.Save)
    add("save-as", "Save &As…", w.files.save_as, "", Std.SaveAs)
    add("revert", "Re&vert to saved", w.files.revert, "")
    add("export-pdf", "Export &PDF…", w.export_pdf, "pdf", "Ctrl+P")
    add("import-exhibitors", "&Import exhibitors (CSV)…", w.roster.import_csv, "exhibitors")
    add("add-exhibitor", "&Add exhibitor…", w.roster.add, "", "Ctrl+Shift+E")
    add("edit-exhibitor", "&Edit exhibitor…", w.roster.edit)
    add("remove-exhibitor", "&Remove exhibitor…", w.roster.remove)
    add("quit", "&Quit", w.close, "", Std.Quit)
    undo = w.document.undo_stack.createUndoAction(w, w.tr("&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    undo.setIcon(icon("undo"))
    redo = w.document.undo_stack.createRedoAction(w, w.tr("&Redo"))
    # Ctrl+Y as well, on every platform: organisers come from Excel on Windows.
    redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    redo_keys += [k for k in QKeySequence.keyBindings(Std.Redo) if k not in redo_keys]
    redo.setShortcuts(redo_keys)
    redo.setIcon(icon("redo"))
    a["undo"], a["redo"] = undo, redo
    for action in (undo, redo):
        action.setToolTip(tooltip_for(action))
    add("delete", "&Delete", w.edit.delete, "delete", Std.Delete)
    add("duplicate", "D&uplicate", w.edit.duplicate, "duplicate", "Ctrl+D")
    add("select-all", "Select &All", w.edit.select_all, "", Std.SelectAll)
    add("find", "&Find…", w.find, "", Std.Find)
    add("rotate", "&Rotate 90°", w.edit.rotate, "rotate", "R")
    add("merge", "&Merge booths…", w.edit.merge, "merge", "Ctrl+M")
    add("split", "S&plit booth", w.edit.split, "split", "Ctrl+Shift+M")
    add("lock", "&Lock", lambda: w.edit.lock(True), "lock", "Ctrl+L")
    add("unlock", "U&nlock", lambda: w.edit.lock(False), "unlock", "Ctrl+Shift+L")
    add("renumber", "Re&number…", w.edit.renumber, "renumber")
    add("release", "Re&lease booths", w.edit.release, "")
    add("assign", "Assign to e&xhibitor…", lambda: w.booking.assign(), "exhibitors", "Ctrl+E")
    add("move-booking", "&Move booking to…", lambda: w.booking.move(), "")
    add("edit-zone", "Zone &rules…", w.edit.edit_zone)
    add("zoom-in", "Zoom &In", lambda: w.view.zoom_by(1.25), "zoom-in", Std.ZoomIn)
    add("zoom-out", "Zoom &Out", lambda: w.view.zoom_by(0.8), "zoom-out", Std.ZoomOut)
    add("zoom-fit", "Zoom to &Fit", w.view.zoom_to_fit, "zoom-fit", "Ctrl+0")
    add("grid", "Show &Grid", w.toggle_grid, "", None, checkable=True).setChecked(True)
    add(
        "colour-status",
        "Colour by &status",
        lambda: w.set_colour_by("status"),
        "",
        None,
        checkable=True,
    ).setChecked(True)
    add(
        "colour-sector",
        "Colour by s&ector",
        lambda: w.set_colour_by("sector"),
        "colour",
        None,
        checkable=True,
    )
    colour_group = QActionGroup(w)
    colour_group.addAction(a["colour-status"])
    colour_group.addAction(a["colour-sector"])
    add("pack", "&Auto-pack plan", lambda: w.auto_pack(False), "pack", "Ctrl+K")
    add("pack-zone", "Auto-pack selected &zone", lambda: w.auto_pack(True), "", "Ctrl+Shift+K")
    add("check", "Check &rules", w.problems.check_now, "problems", "F7")
    add("freeze", "&Freeze numbers", lambda: w.edit.freeze(True))
    add("unfreeze", "U&nfreeze numbers", lambda: w.edit.freeze(False))
    add("report", "Booking &report", w.show_report, "")
    add("allocate", "A&llocate exhibitors…", lambda: w.booking.allocate(), "exhibitors")
    add("allocate-selected", "Allocate &selected exhibitors…", lambda: w.booking.allocate(True))
    add("help-guide", "&Getting started", lambda: help_dialogs.show_guide(w), "", Std.HelpContents)
    add("help-shortcuts", "&Keyboard shortcuts", lambda: help_dialogs.show_shortcuts(w))
    add("help-about", "&About Boothplan", lambda: help_dialogs.show_about(w))

    tool_group = QActionGroup(w)
    for name, label, icon_name, shortcut in TOOLS:
        action = add(
            f"tool-{name}",
            label,
            lambda checked=False, n=name: w.set_tool(n),
            icon_name,
            shortcut,
            checkable=True,
        )
        tool_group.addAction(action)
    a["tool-select"].setChecked(True)

    bar = w.menuBar()
    file_menu = bar.addMenu(w.tr("&File"))
    for key in ("new", "new-floor", "open"):
        file_menu.addAction(a[key])
    w.recent_menu = QMenu(w.tr("Open &Recent"), w)
    w.recent_menu.setObjectName("recent-menu")
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    for key in ("save", "save-as", "revert"):
        file_menu.addAction(a[key])
    file_menu.addSeparator()
    file_menu.addAction(a["import-exhibitors"])
    file_menu.addAction(a["export-pdf"])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit_menu = bar.addMenu(w.tr("&Edit"))
    for key in (
        "undo",
        "redo",
        None,
        "delete",
        "duplicate",
        "select-all",
        "find",
        None,
        "rotate",
        "merge",
        "split",
        "lock",
        "unlock",
        "renumber",
        "edit-zone",
    ):
        edit_menu.addSeparator() if key is None else edit_menu.addAction(a[key])
    view_menu = bar.addMenu(w.tr("&View"))
    for key in ("zoom-in", "zoom-out", "zoom-fit", None, "grid", "colour-status", "colour-sector"):
        view_menu.addSeparator() if key is None else view_menu.addAction(a[key])
    w.panels_menu = view_menu.addMenu(w.tr("&Panels"))
    tools_menu = bar.addMenu(w.tr("&Tools"))
    for name, *_ in TOOLS:
        tools_menu.addAction(a[f"tool-{name}"])
    plan_menu = bar.addMenu(w.tr("&Plan"))
    for key in ("pack", "pack-zone", "check", None, "freeze", "unfreeze", None, "report"):
        plan_menu.addSeparator() if key is None else plan_menu.addAction(a[key])
    exhibitors_menu = bar.addMenu(w.tr("E&xhibitors"))
    for key in (
        "import-exhibitors",
        None,
        "add-exhibitor",
        "edit-exhibitor",
        "remove-exhibitor",
        None,
        "allocate",
        "allocate-selected",
        None,
        "assign",
        "move-booking",
        "release",
    ):
        exhibitors_menu.addSeparator() if key is None else exhibitors_menu.addAction(a[key])

    help_menu = bar.addMenu(w.tr("&Help"))
    for key in ("help-guide", "help-shortcuts", None, "help-about"):
        help_menu.addSeparator() if key is None else help_menu.addAction(a[key])

    main_bar = QToolBar(w.tr("Main"), w)
    main_bar.setObjectName("main-toolbar")
    for key in (
        "new",
        "open",
        "save",
        None,
        "undo",
        "redo",
        None,
        "zoom-fit",
        "zoom-in",
        "zoom-out",
        None,
        "delete",
        "duplicate",
        "rotate",
        "merge",
        "split",
        "lock",
        None,
        "pack",
        "check",
        "colour-sector",
        "export-pdf",
    ):
        main_bar.addSeparator() if key is None else main_bar.addAction(a[key])
    w.addToolBar(main_bar)
    tool_bar = QToolBar(w.tr("Tools"), w)
    tool_bar.setObjectName("tools-toolbar")
    for name, *_ in TOOLS:
        tool_bar.addAction(a[f"tool-{name}"])
    w.addToolBar(tool_bar)
    return a
