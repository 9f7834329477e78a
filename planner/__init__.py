"""Boothplan: a desktop planner for trade-fair floors."""

__version__ = "0.1.0"
