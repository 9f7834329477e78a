"""Editing a plan by hand, without Qt: the canvas tools, the edits they make, snapping, hit tests
and typed input.

A tool (:mod:`planner.editing.tool`) receives pointer events as model points (metres, y north)
with :class:`~planner.editing.context.Mods`, and typed text; it shows work in progress through
its context's ``preview`` and changes the plan only by pushing a
:class:`~planner.model.Patch` on the document (one undo step). The edits
(:mod:`planner.editing.edits`, :mod:`planner.editing.vertices`) are pure functions from a plan to
a patch. ``planner.ui`` turns Qt events into these calls and paints what comes back; everything
here runs and is tested headless.
"""
