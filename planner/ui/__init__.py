"""The desktop app: the only package that imports PySide6.

How it fits together (see ``/work/shared/DESIGN.md``):

* :mod:`~planner.ui.document` holds the current immutable ``Plan`` and a ``QUndoStack``; every
  change is a ``Patch`` wrapped in a ``PatchCommand`` (redo applies it, undo its inverse), and
  ``plan_changed`` tells the views which patch was applied.
* :mod:`~planner.ui.canvas` draws the plan: one item per entity, kept in step patch by patch;
  far out, one overview item paints all booths; labels follow a level of detail.
* The canvas tools and the edits of the Edit menu are Qt-free, in :mod:`planner.editing`; the
  view hands them mouse and key events in model metres and they push patches.
  :mod:`~planner.ui.tools` holds the thin Qt side (the window's tools, Qt's modifier keys).
* :mod:`~planner.ui.panels` are the docks (properties, problems, exhibitors, report);
  :mod:`~planner.ui.workers` runs packing, rule checks and PDF previews off the GUI thread.
* :mod:`~planner.ui.app` starts it all (``run_app``); ``BOOTHPLAN_SCREENSHOT=out.png`` makes
  the app save a screenshot of its window and quit (the Xvfb smoke test uses it).
"""
