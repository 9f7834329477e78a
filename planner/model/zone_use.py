"""What a zone is for, and the booth size and aisle each use takes by default."""

from __future__ import annotations

from dataclasses import dataclass

STANDARD = "standard"
CAR = "car"
CULINARY = "culinary"
FEATURE = "feature"  # stage, lounge: stays empty of booths

KNOWN_USES: tuple[str, ...] = (STANDARD, CAR, CULINARY, FEATURE)


@dataclass(frozen=True, slots=True)
class BoothRules:
    """The booth size (width, depth) and minimum aisle width that apply in one place."""

    booth: tuple[float, float]
    aisle: float
    packable: bool


# Uses with defaults of their own; any other use takes the plan's defaults.
_USE_DEFAULTS: dict[str, tuple[tuple[float, float], float]] = {
    CAR: ((6.0, 9.0), 4.0),
}


def rules_for(
    use: str | None,
    booth: tuple[float, float] | None,
    aisle: float | None,
    plan_booth: tuple[float, float],
    plan_aisle: float,
) -> BoothRules:
    """Resolve the rules of a zone (or of floor in no zone, when ``use`` is ``None``).

    A zone's own size wins, then its use's default, then the plan's default.

    >>> rules_for("car", None, None, (3.0, 3.0), 3.0)
    BoothRules(booth=(6.0, 9.0), aisle=4.0, packable=True)
    >>> rules_for("feature", None, None, (3.0, 3.0), 3.0).packable
    False
    """
    use_booth, use_aisle = _USE_DEFAULTS.get(use or STANDARD, (plan_booth, plan_aisle))
    width, depth = booth if booth is not None else use_booth
    return BoothRules(
        booth=(width, depth),
        aisle=float(aisle) if aisle is not None else float(use_aisle),
        packable=use != FEATURE,
    )
