"""Auto-pack: geometry in, booth rectangles and numbers out; capacity figures. No Qt.

``pack(plan, ...)`` returns a :class:`PackResult` whose ``patch`` fills the plan's zones with
booths that meet every rule of ``floor-format.md`` and whose ``report`` gives the capacity
figures per zone; :mod:`planner.packing.numbering` renumbers any selection of booths.
"""

from planner.packing.capacity import CapacityReport, TargetAdvice, ZoneCapacity
from planner.packing.packer import PackCancelled, PackResult, pack

__all__ = [
    "CapacityReport",
    "PackCancelled",
    "PackResult",
    "TargetAdvice",
    "ZoneCapacity",
    "pack",
]
