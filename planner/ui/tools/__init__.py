"""Thin Qt adapters around the Qt-free tools of :mod:`planner.editing`: the window's set of
tools, and Qt's modifier keys as :class:`~planner.editing.context.Mods`."""
