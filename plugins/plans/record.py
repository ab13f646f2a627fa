"""Plans as they sit in the chart: plan forms, their LBF fields, and the facts a trigger needs.

Pure data and parsing; :mod:`plugins.plans.store` fills these from the database.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hooks.types import Diagnosis, Goal
from plugins.plans.layout import CLOSED_GOAL_STATUSES, MAX_GOALS, goal_field

ICD10 = re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?")


@dataclass(frozen=True)
class PlanForm:
    """One ``forms`` row of the plan LBF, with its signed state from ``esign_signatures``."""

    forms_id: int
    form_id: int
    encounter: int
    deleted: bool
    signed: bool
    date: dt.date | None = None


@dataclass(frozen=True)
class StoredGoal:
    slot: int
    text: str
    dx: tuple[str, ...] = ()
    measure: str | None = None
    objectives: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    target: dt.date | None = None
    status: str = "active"

    @property
    def id(self) -> str:
        return f"G{self.slot}"

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_GOAL_STATUSES


@dataclass(frozen=True)
class StoredPlan:
    """A plan form and its ``lbf_data`` fields."""

    form: PlanForm
    fields: dict[str, str]

    @property
    def date_established(self) -> dt.date | None:
        return parse_date(self.fields.get("date_established")) or self.form.date

    def review_date(self, review_days: int) -> dt.date | None:
        """The recorded review date, else date established + ``review_days``."""
        recorded = parse_date(self.fields.get("review_date"))
        established = self.date_established
        if recorded or established is None:
            return recorded
        return established + dt.timedelta(days=review_days)

    def goals(self) -> list[StoredGoal]:
        return [g for g in (_goal(self.fields, slot) for slot in range(1, MAX_GOALS + 1)) if g]

    def codes(self) -> set[str]:
        """Every ICD-10 code the plan lists, in diagnoses or in goals."""
        found = set(split_codes(self.fields.get("diagnoses", "")))
        for goal in self.goals():
            found.update(goal.dx)
        return found


@dataclass(frozen=True)
class PlanFacts:
    """What the database says about one patient's plans, for one event."""

    forms: tuple[PlanForm, ...] = ()  # every plan form, ascending id, deleted included
    latest_signed: StoredPlan | None = None
    first_session_encounter: int | None = None
    new_diagnosis: Diagnosis | None = None
    intake_input: dict[str, str] = field(default_factory=dict)
    target_encounter: int | None = None
    care_plan_status: bool = False

    @property
    def live(self) -> tuple[PlanForm, ...]:
        return tuple(f for f in self.forms if not f.deleted)

    @property
    def unsigned(self) -> PlanForm | None:
        """The latest plan form that is neither deleted nor signed."""
        return next((f for f in reversed(self.live) if not f.signed), None)

    @property
    def epoch(self) -> int:
        """``forms.id`` of the patient's latest plan form of any state (0 when none)."""
        return max((f.forms_id for f in self.forms), default=0)


def to_hook_goals(plan: StoredPlan) -> list[Goal]:
    """The plan's open goals as :class:`hooks.types.Goal`, ids ``G1``..``G5`` by slot."""
    return [
        Goal(id=g.id, text=g.text, objectives=g.objectives, interventions=g.interventions,
             status=g.status, plan_form_id=plan.form.forms_id)
        for g in plan.goals() if not g.closed
    ]


def _goal(fields: dict[str, str], slot: int) -> StoredGoal | None:
    text = fields.get(goal_field(slot), "").strip()
    if not text:
        return None
    return StoredGoal(
        slot=slot,
        text=text,
        dx=tuple(split_codes(fields.get(goal_field(slot, "_dx"), ""))),
        measure=fields.get(goal_field(slot, "_measure"), "").strip() or None,
        objectives=split_lines(fields.get(goal_field(slot, "_objectives"), "")),
        interventions=split_lines(fields.get(goal_field(slot, "_interventions"), "")),
        target=parse_date(fields.get(goal_field(slot, "_target"))),
        status=fields.get(goal_field(slot, "_status"), "").strip() or "active",
    )


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip().lstrip("-* ").strip() for line in text.splitlines() if line.strip().lstrip("-* "))


def split_codes(text: str) -> list[str]:
    """ICD-10 codes at the start of each line or comma/semicolon item (``F33.1 - title``)."""
    codes = []
    for chunk in text.replace(";", "\n").replace(",", "\n").splitlines():
        token = chunk.strip().split(" ", 1)[0].removeprefix("ICD10:").upper()
        if ICD10.fullmatch(token):
            codes.append(token)
    return codes


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
