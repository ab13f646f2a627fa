"""Per-practice options of the plans plugin, with their defaults and validation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hooks.errors import PermanentFailure

PLUGIN = "plans"

DEFAULTS: dict[str, Any] = {
    "review_days": 90,  # days from date established to the review date
    "review_lead_days": 14,  # draft the review this many days before it is due
    "intake_formdirs": [],  # formdirs the practice uses as its intake form, e.g. ["LBFintake"]
    "session_length_minutes": 53,
    "frequency": "weekly",
    "treatment_type": "Individual psychotherapy",
    "duration_days": 180,  # expected duration of treatment; must stay under one year
    "mirror_care_plan": True,  # also draft OpenEMR's Care Plan form where it has plan_status
}


@dataclass(frozen=True)
class PlanOptions:
    review_days: int
    review_lead_days: int
    intake_formdirs: tuple[str, ...]
    session_length_minutes: int
    frequency: str
    treatment_type: str
    duration_days: int
    mirror_care_plan: bool


def parse(raw: dict[str, Any] | None) -> PlanOptions:
    """Merge ``raw`` over the defaults and validate; errors name the option and the fix."""
    merged = {**DEFAULTS, **(raw or {})}
    opts = PlanOptions(
        review_days=_int(merged, "review_days", 7, 364),
        review_lead_days=_int(merged, "review_lead_days", 0, 90),
        intake_formdirs=tuple(str(f) for f in _list(merged, "intake_formdirs")),
        session_length_minutes=_int(merged, "session_length_minutes", 16, 180),
        frequency=_str(merged, "frequency"),
        treatment_type=_str(merged, "treatment_type"),
        duration_days=_int(merged, "duration_days", 7, 364),
        mirror_care_plan=bool(merged["mirror_care_plan"]),
    )
    if opts.review_lead_days >= opts.review_days:
        raise PermanentFailure("plans option review_lead_days must be smaller than review_days")
    return opts


def _int(values: dict[str, Any], key: str, low: int, high: int) -> int:
    value = values[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise PermanentFailure(f"plans option {key}={value!r} is invalid; use an integer {low}..{high}")
    return value


def _str(values: dict[str, Any], key: str) -> str:
    value = values[key]
    if not isinstance(value, str) or not value.strip():
        raise PermanentFailure(f"plans option {key} must be a non-empty string")
    return value.strip()


def _list(values: dict[str, Any], key: str) -> list[Any]:
    value = values[key]
    if not isinstance(value, list | tuple):
        raise PermanentFailure(f"plans option {key} must be a list of formdirs, e.g. [\"LBFintake\"]")
    return list(value)
