"""Dock panels: properties, problems, exhibitors, report."""
