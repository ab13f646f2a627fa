"""Synthetic charts and events for the notes plugin tests (no real PHI anywhere)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from hooks.types import (
    Chart,
    Clinician,
    Diagnosis,
    Event,
    EventKind,
    Goal,
    KnownIdentifiers,
    PriorNote,
    Score,
)
from tests.support import StaticContext

ENCOUNTER_DATE = dt.date(2026, 11, 27)

SESSION: dict[str, str] = {
    "focus": "Worsening sleep and conflict with partner after job loss",
    "symptoms": "low mood most days, early waking around 4am, loss of interest in cooking",
    "impairment": "missed two shifts at the warehouse; stopped seeing friends",
    "observations": "Arrived on time, tearful when discussing the job loss, engaged throughout",
    "interventions": "cbt_restructuring|behavioral_activation",
    "response": "Client identified the thought 'I am a failure' and generated two balanced alternatives; agreed to schedule one pleasant activity daily",
    "goal_progress": "G1: sleeping 5 hours on most nights, up from 4; G2: one walk with a friend this week",
    "plan": "Activity log daily and a fixed wake time; next session in one week",
    "si_screen": "denied",
    "hi_screen": "denied",
    "start_time": "14:00",
    "stop_time": "14:50",
    "cpt": "90834",
    "modality": "video",
    "participants": "client",
}

GOALS = [
    Goal(id="G1", text="Improve sleep to 6 or more hours on 5 nights a week",
         objectives=("Keep a sleep diary",)),
    Goal(id="G2", text="Reconnect with friends through weekly social activity"),
]
SCORES = [
    Score(instrument="PHQ-9", total=19, band="moderately severe", date=dt.date(2026, 9, 1), item9=0),
    Score(instrument="PHQ-9", total=16, band="moderately severe", date=dt.date(2026, 10, 2), item9=0),
    Score(instrument="PHQ-9", total=11, band="moderate", date=dt.date(2026, 11, 20), item9=0),
]
DIAGNOSES = [Diagnosis(code="F33.1", title="Major depressive disorder, recurrent, moderate")]
CLINICIAN = Clinician(id=7, username="jrivera", fname="Jo", lname="Rivera", credentials="LCSW")


def make_chart(session: dict[str, str] | None = None, **over: Any) -> Chart:
    values: dict[str, Any] = dict(
        practice="test", pid=42, encounter=900, encounter_date=ENCOUNTER_DATE,
        clinician=CLINICIAN, session_input=dict(SESSION if session is None else session),
        diagnoses=list(DIAGNOSES), goals=list(GOALS), scores=list(SCORES),
        prior_notes=[PriorNote(forms_id=88, date=dt.date(2026, 11, 20), title="DAP",
                               signed=True, text="Client reported poor sleep.")],
        known=KnownIdentifiers(patient=["Dana Okafor", "Dana"], clinician=["Jo Rivera"]),
    )
    values.update(over)
    return Chart(**values)


def make_event(source_id: int = 501, formdir: str = "LBFaibsi",
               kind: EventKind = EventKind.FORM_SAVED, **over: Any) -> Event:
    values: dict[str, Any] = dict(id=1000 + source_id, practice="test", kind=kind, pid=42,
                                  encounter=900, source_table="forms", source_id=source_id,
                                  formdir=formdir, user="jrivera")
    values.update(over)
    return Event(**values)


def make_ctx(chart: Chart | None = None, **options: Any) -> StaticContext:
    return StaticContext(chart_value=chart or make_chart(), plugin_options={"notes": options})


def with_input(**changes: str | None) -> dict[str, str]:
    """SESSION with fields changed; a None value removes the field (an empty LBF value)."""
    values = dict(SESSION)
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    return values
