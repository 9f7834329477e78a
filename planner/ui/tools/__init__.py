"""Canvas tools as small state objects, after Sweet Home 3D's plan controller states.

The view turns Qt mouse and key events into calls on the active tool with model coordinates
(metres, y north) and a :class:`~planner.ui.tools.base.Mods`; the tool edits the plan only by
pushing patches on the document. Tools know nothing of widgets, so tests can drive them directly.
"""
