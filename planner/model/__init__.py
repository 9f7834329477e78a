"""The plan model: plain immutable entities, the ``Plan`` aggregate and patches. No Qt here."""

from planner.model.entities import (
    BookingEvent,
    Booth,
    Door,
    Exhibitor,
    Hall,
    Obstacle,
    PlanInfo,
    Zone,
    props_json,
)
from planner.model.patch import Change, Patch, PatchBuilder, PatchConflict
from planner.model.plan import Plan

__all__ = [
    "BookingEvent",
    "Booth",
    "Change",
    "Door",
    "Exhibitor",
    "Hall",
    "Obstacle",
    "Patch",
    "PatchBuilder",
    "PatchConflict",
    "Plan",
    "PlanInfo",
    "Zone",
    "props_json",
]
