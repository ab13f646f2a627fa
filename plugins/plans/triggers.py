"""Which events start a plan draft, and of which kind.

- ``initial``: an intake (the patient's first encounter with a Session Input, or a form the
  practice names in ``intake_formdirs``) or a new mental-health diagnosis, when the patient
  has no plan;
- ``update``: a new mental-health diagnosis the latest signed plan does not list;
- ``review``: the latest signed plan's review date falls within ``review_lead_days``, checked
  when an appointment comes up, a Session Input is saved, or the host reports a review due.

Never while an unsigned plan exists: the clinician finishes that one first. Decisions not to
draft raise :class:`SkipEvent` with ids only.
"""
from __future__ import annotations

import datetime as dt

from hooks.errors import SkipEvent
from hooks.types import Event, EventKind
from plugins.plans.layout import SESSION_INPUT_FORMDIR
from plugins.plans.library import LIBRARY, Library, normalize
from plugins.plans.options import PlanOptions
from plugins.plans.record import PlanFacts

REVIEW_EVENTS = frozenset({EventKind.APPOINTMENT_UPCOMING, EventKind.PLAN_REVIEW_DUE})


def accepts(event: Event, opts: PlanOptions) -> bool:
    """Cheap filter on the event alone (detector process)."""
    if event.kind is EventKind.FORM_SAVED:
        return event.formdir == SESSION_INPUT_FORMDIR or event.formdir in opts.intake_formdirs
    if event.kind is EventKind.DIAGNOSIS_ADDED:
        return event.source_table == "lists"
    return event.kind in REVIEW_EVENTS


def decide(event: Event, facts: PlanFacts, opts: PlanOptions, today: dt.date,
           library: Library = LIBRARY) -> str:
    """``initial`` | ``review`` | ``update`` for this event, or raise :class:`SkipEvent`."""
    if not accepts(event, opts):
        raise SkipEvent(f"event {event.id} ({event.kind.value}) does not concern treatment plans")
    pending = facts.unsigned
    if pending is not None:
        raise SkipEvent(f"unsigned plan forms:{pending.forms_id} exists for pid {event.pid}; "
                        "no second draft until it is signed or deleted")
    if event.kind is EventKind.DIAGNOSIS_ADDED:
        return _diagnosis_trigger(event, facts, library)
    if event.kind is EventKind.FORM_SAVED and is_intake(event, facts, opts):
        return "initial"
    return _review_trigger(event, facts, opts, today)


def is_intake(event: Event, facts: PlanFacts, opts: PlanOptions) -> bool:
    """The patient has no plan and this form is their intake."""
    if facts.live:
        return False
    if event.formdir in opts.intake_formdirs:
        return True
    return event.formdir == SESSION_INPUT_FORMDIR and facts.first_session_encounter == event.encounter


def review_due(facts: PlanFacts, opts: PlanOptions, today: dt.date) -> bool:
    """Is the latest signed plan's review date within the lead time (or past)?"""
    plan = facts.latest_signed
    due = plan.review_date(opts.review_days) if plan else None
    return due is not None and (due - today).days <= opts.review_lead_days


def _review_trigger(event: Event, facts: PlanFacts, opts: PlanOptions, today: dt.date) -> str:
    if facts.latest_signed is None:
        raise SkipEvent(f"pid {event.pid} has no signed plan to review (event {event.id})")
    if not review_due(facts, opts, today):
        raise SkipEvent(f"plan forms:{facts.latest_signed.form.forms_id} is not due for review "
                        f"within {opts.review_lead_days} days (event {event.id})")
    return "review"


def _diagnosis_trigger(event: Event, facts: PlanFacts, library: Library) -> str:
    dx = facts.new_diagnosis
    if dx is None or library.match(dx.code) is None:
        raise SkipEvent(f"lists:{event.source_id} is not a diagnosis the plan library covers")
    if not facts.live:
        return "initial"
    signed = facts.latest_signed
    if signed is not None and normalize(dx.code) in {normalize(c) for c in signed.codes()}:
        raise SkipEvent(f"lists:{event.source_id} is already in plan forms:{signed.form.forms_id}")
    return "update"
