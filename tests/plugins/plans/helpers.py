"""Factories for the plans plugin's tests: synthetic charts, events and stored plans."""
from __future__ import annotations

import datetime as dt
from itertools import count

from hooks.types import Chart, Clinician, Diagnosis, Event, EventKind, Score
from plugins.plans.compose import compose
from plugins.plans.options import parse
from plugins.plans.record import PlanFacts, PlanForm, StoredPlan

TODAY = dt.date(2026, 11, 27)
CLINICIAN = Clinician(id=7, username="dwhitfield", fname="Dana", lname="Whitfield", credentials="LCSW")
MDD = Diagnosis("F33.1", "Major depressive disorder, recurrent, moderate", list_id=11)
GAD = Diagnosis("F41.1", "Generalized anxiety disorder", list_id=12)
PTSD = Diagnosis("F43.10", "Post-traumatic stress disorder, unspecified", list_id=13)
HTN = Diagnosis("I10", "Essential (primary) hypertension", list_id=14)
INTAKE_INPUT = {
    "focus": "Low mood and withdrawal after job loss.",
    "symptoms": "Depressed mood most days, poor sleep, low energy.",
    "impairment": "Missed two family events; behind on job applications.",
}
_ids = count(1000)


def phq9(total: int, day: dt.date, band: str = "") -> Score:
    return Score("PHQ-9", total, band, day)


def gad7(total: int, day: dt.date, band: str = "") -> Score:
    return Score("GAD-7", total, band, day)


def chart(*diagnoses: Diagnosis, scores: list[Score] | None = None,
          session_input: dict[str, str] | None = None, reason: str = "Intake evaluation") -> Chart:
    return Chart(practice="test", pid=42, encounter=500, encounter_date=TODAY, clinician=CLINICIAN,
                 session_input=dict(session_input or {}), diagnoses=list(diagnoses),
                 scores=list(scores or []), encounter_reason=reason)


def event(kind: EventKind = EventKind.FORM_SAVED, *, formdir: str | None = "LBFaibsi",
          encounter: int | None = 500, source_table: str = "forms", source_id: int | None = None) -> Event:
    return Event(id=next(_ids), practice="test", kind=kind, pid=42, encounter=encounter,
                 source_table=source_table, source_id=source_id or next(_ids), formdir=formdir)


def signed_plan(fields: dict[str, str], forms_id: int = 300, date: dt.date | None = None) -> StoredPlan:
    form = PlanForm(forms_id=forms_id, form_id=forms_id + 1, encounter=400, deleted=False, signed=True, date=date)
    return StoredPlan(form=form, fields=dict(fields))


def initial_fields(*diagnoses: Diagnosis, scores: list[Score] | None = None, on: dt.date = TODAY) -> dict[str, str]:
    """The fields of an initial plan drafted on ``on`` (as if the clinician signed it unchanged)."""
    content = compose("initial", chart(*diagnoses, scores=scores, session_input=INTAKE_INPUT),
                      PlanFacts(target_encounter=500), parse({}), on)
    return content.fields


def facts_with(plan: StoredPlan | None = None, **extra: object) -> PlanFacts:
    forms = (plan.form,) if plan else ()
    return PlanFacts(forms=forms, latest_signed=plan, target_encounter=500, **extra)  # type: ignore[arg-type]
