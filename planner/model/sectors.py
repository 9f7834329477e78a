"""Exhibitor sectors, and which zone use each belongs in."""

from __future__ import annotations

from planner.model.zone_use import CAR, CULINARY, STANDARD

SECTORS: tuple[str, ...] = (
    "agriculture",
    "forestry",
    "aquatic",
    "machinery",
    "raw materials",
    "chemicals",
    "construction materials",
    "electronics",
    "home appliances",
    "textiles",
    "footwear",
    "consumer goods",
    "furniture",
    "handicrafts",
    "automobiles",
    "culinary",
)

# Sectors with a zone of their own; every other sector stands in standard zones.
_ZONE_USE_OF_SECTOR: dict[str, str] = {"automobiles": CAR, "culinary": CULINARY}


def normalise_sector(text: str) -> str:
    """Sector names are compared in lower case with single spaces."""
    return " ".join(text.strip().lower().split())


def zone_use_for_sector(sector: str) -> str:
    """The zone use an exhibitor of ``sector`` belongs in.

    >>> zone_use_for_sector("Automobiles")
    'car'
    >>> zone_use_for_sector("textiles")
    'standard'
    """
    return _ZONE_USE_OF_SECTOR.get(normalise_sector(sector), STANDARD)
