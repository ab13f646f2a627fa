"""Portal delivery before an upcoming appointment: one Delivery per recommended, due instrument.

The host detects appointments within ``delivery_lead_days`` and raises
``appointment_upcoming`` (source ``openemr_postcalendar_events:<pc_eid>``). Each Delivery's
``window_key`` is ``<instrument>:<appointment date>``, the unit of exactly-once delivery;
the host writes it with :func:`bridge.ehr.portal.write_delivery`. An instrument already
assigned in the portal and not answered since its last administration is not sent again.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import Chart, Delivery, Event, Outcome, Score, WorkContext
from plugins.assessments import history, store
from plugins.assessments.fhir import build_questionnaire
from plugins.assessments.instruments import get
from plugins.assessments.recommend import Recommendation, last_administration, recommend

log = logging.getLogger(__name__)


def template_name(instrument: str, day: dt.date) -> str:
    """The portal title, unique per patient and due window (document_templates is UNIQUE on it)."""
    return f"{instrument} {day.isoformat()}"


def window_key(instrument: str, day: dt.date) -> str:
    return f"{instrument}:{day.isoformat()}"


def _appointment(db: Any, event: Event) -> store.Appointment:
    appt = store.appointment(db, event.source_id)
    if appt is None:
        raise SkipEvent(f"appointment pc_eid={event.source_id} no longer exists or has no patient")
    if appt.cancelled:
        raise SkipEvent(f"appointment pc_eid={appt.eid} is cancelled or a no-show")
    if not store.portal_allowed(db, appt.pid):
        raise SkipEvent(f"patient {appt.pid} has no portal access (allow_patient_portal)")
    return appt


def _sessions_since(db: Any, pid: int, scores: list[Score], day: dt.date) -> dict[str, int]:
    out = {}
    for name in {s.instrument for s in scores}:
        last = last_administration(scores, name, day)
        if last is not None:
            out[name] = store.sessions_between(db, pid, last.date, day)
    return out


def _provider(ctx: WorkContext, event: Event, appt: store.Appointment) -> int:
    if appt.provider_id:
        return appt.provider_id
    clinician = ctx.chart(event).clinician
    if clinician is None:
        raise PermanentFailure(f"appointment pc_eid={appt.eid} has no provider (pc_aid) and the chart "
                               "names no clinician; set the appointment's provider, then replay")
    return clinician.id


def shortlist(ctx: WorkContext, event: Event, appt: store.Appointment,
              options: Mapping[str, Any]) -> list[Recommendation]:
    """The recommended instruments for this appointment, due or not."""
    scores = history.score_history(ctx.db, appt.pid, options)
    chart = ctx.chart(event)
    return recommend(chart.diagnoses, scores, on=appt.date,
                     sessions_since=_sessions_since(ctx.db, appt.pid, scores, appt.date),
                     options=options)


def shortlist_lines(chart: Chart, ctx: WorkContext, options: Mapping[str, Any]) -> list[str] | None:
    """The clinician's shortlist for the chart's visit, as readable lines (due or not)."""
    if ctx.db is None:
        return None
    day = chart.encounter_date or ctx.today()
    recs = recommend(chart.diagnoses, chart.scores, on=day, options=options,
                     sessions_since=_sessions_since(ctx.db, chart.pid, chart.scores, day))
    return [f"{r.instrument}: {'due' if r.due else 'not due'} ({r.why}); for {', '.join(r.diagnoses)}"
            for r in recs]


def _delivery(rec: Recommendation, appt: store.Appointment, provider_id: int) -> Delivery:
    return Delivery(pid=appt.pid, instrument=rec.instrument, window_key=window_key(rec.instrument, appt.date),
                    provider_id=provider_id, title=template_name(rec.instrument, appt.date),
                    questionnaire=build_questionnaire(get(rec.instrument)), appointment_id=appt.eid)


def handle(event: Event, ctx: WorkContext, options: Mapping[str, Any]) -> Outcome:
    """Deliveries (and audit notes of what was held back) for one upcoming appointment."""
    if not options.get("portal_delivery", True):
        raise SkipEvent("portal delivery is disabled for this practice")
    appt = _appointment(ctx.db, event)
    outcome = Outcome()
    due = [r for r in shortlist(ctx, event, appt, options) if r.due]
    for rec in due:
        since = rec.last.date if rec.last else None
        pending = store.outstanding_delivery(ctx.db, appt.pid, rec.instrument, since)
        if pending and pending != template_name(rec.instrument, appt.date):
            outcome.audit.append(("delivery_held", {"instrument": rec.instrument, "appointment": appt.eid,
                                                    "reason": "unanswered assignment outstanding"}))
            continue
        outcome.deliveries.append(_delivery(rec, appt, _provider(ctx, event, appt)))
    if not outcome.deliveries and not outcome.audit:
        raise SkipEvent(f"no instrument recommended and due for appointment pc_eid={appt.eid}")
    log.info("assessment deliveries event=%s appointment=%s count=%d", event.id, appt.eid,
             len(outcome.deliveries))
    return outcome
