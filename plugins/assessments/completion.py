"""A completed administration -> one scored-result draft (+ an item-9 alert when warranted).

Placement: the event's encounter when it exists; otherwise (portal responses) the patient's
most recent encounter on or before the completion date. With no encounter at all the work
fails permanently with the fix in the message -- except that a positive PHQ-9 item 9 still
returns its alert (with an audit note that the result could not be placed), because no
condition may suppress that alert.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import Alert, Draft, Event, Outcome, Score, WorkContext
from plugins.assessments import history, report, sources, store
from plugins.assessments.layout import FORM_ID, KIND, TITLE
from plugins.assessments.scoring import Result, score

log = logging.getLogger(__name__)

ALERT_REASON = "phq9_item9"


def _encounter(db: Any, admin: sources.Administration) -> int | None:
    if admin.encounter and store.encounter_exists(db, admin.pid, admin.encounter):
        return admin.encounter
    return store.latest_encounter(db, admin.pid, admin.date)


def _clinician(db: Any, admin: sources.Administration, encounter: int | None) -> store.User | None:
    if admin.provider_id:
        found = store.user_by_id(db, admin.provider_id)
        if found:
            return found
    if encounter is not None:
        found = store.encounter_provider(db, admin.pid, encounter)
        if found:
            return found
    if admin.username:
        found = store.user_by_name(db, admin.username)
        if found:
            return found
    return store.patient_provider(db, admin.pid)


def previous_score(scores: list[Score], admin: sources.Administration) -> Score | None:
    earlier = [s for s in scores if s.instrument == admin.instrument.key
               and s.source != admin.source_key and s.date <= admin.date]
    return earlier[-1] if earlier else None


def _alert(admin: sources.Administration, result: Result, to_username: str) -> Alert:
    return Alert(pid=admin.pid, to_username=to_username,
                 title=f"{admin.instrument.key} item {admin.instrument.safety_item} positive",
                 body=report.alert_body(admin.instrument, result, date_iso=admin.date.isoformat()),
                 reason=ALERT_REASON)


def _draft(admin: sources.Administration, result: Result, previous: Score | None,
           encounter: int, clinician_id: int) -> Draft:
    fields = report.fields(admin.instrument, result, date_iso=admin.date.isoformat(),
                           source=admin.source_key, previous=previous, problems=admin.problems)
    findings = report.findings(admin.instrument, result)
    detail = {"instrument": admin.instrument.key, "status": result.status,
              "source": admin.source_key, "item9_positive": result.item9_positive}
    return Draft(kind=KIND, formdir=FORM_ID, title=TITLE, fields=fields, pid=admin.pid,
                 encounter=encounter, clinician_id=clinician_id, source_key=admin.source_key,
                 backend="rules", findings=findings, audit=[("assessment_scored", detail)])


def handle(event: Event, ctx: WorkContext, options: Mapping[str, Any]) -> Outcome:
    """Score the administration ``event`` names and return what to write."""
    admin = sources.load(ctx.db, event)
    if admin.instrument.key not in set(options.get("instruments", ())):
        raise SkipEvent(f"{admin.instrument.key} is not enabled for practice {ctx.practice} "
                        "([plugins.assessments] instruments)")
    result = score(admin.instrument, admin.answers, cutoff=int(options.get("pcl5_cutoff", 33)))
    encounter = _encounter(ctx.db, admin)
    clinician = _clinician(ctx.db, admin, encounter)
    to_username = clinician.username if clinician else str(options.get("alert_fallback_user", "admin"))
    outcome = Outcome()
    if result.item9_positive:
        outcome.alerts.append(_alert(admin, result, to_username))
        outcome.audit.append(("phq9_item9_alert", {"source": admin.source_key, "to": to_username}))
    if encounter is None:
        return _unplaced(event, admin, outcome)
    previous = previous_score(history.score_history(ctx.db, admin.pid, options), admin)
    outcome.drafts.append(_draft(admin, result, previous, encounter, clinician.id if clinician else 0))
    log.info("assessment scored event=%s source=%s status=%s", event.id, admin.source_key, result.status)
    return outcome


def _unplaced(event: Event, admin: sources.Administration, outcome: Outcome) -> Outcome:
    message = (f"{admin.source_key} (patient {admin.pid}, {admin.instrument.key}) has no encounter "
               f"on or before {admin.date.isoformat()}; create an encounter for the patient in "
               "OpenEMR, then replay the event")
    if not outcome.alerts:
        raise PermanentFailure(message)
    log.warning("assessment unplaced event=%s source=%s: alert only", event.id, admin.source_key)
    outcome.audit.append(("assessment_unplaced", {"source": admin.source_key, "reason": "no_encounter"}))
    return outcome
