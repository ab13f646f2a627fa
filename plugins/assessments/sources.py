"""Where administrations come from: portal responses, native PHQ-9/GAD-7 forms, and the
"New Questionnaire" encounter form, each turned into one :class:`Administration`.

One administration has one canonical source key, so every path that can see it (history,
the completion handler, the ledger) names it the same way:
``questionnaire_response:<id>`` for anything backed by a ``questionnaire_response`` row,
``forms:<id>`` for a native form or a questionnaire form with no response row.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hooks.errors import SkipEvent
from hooks.types import Event, EventKind
from plugins.assessments import fhir, store
from plugins.assessments.instruments import Instrument, get, identify

NATIVE_INSTRUMENTS = {"phq9": "PHQ-9", "gad7": "GAD-7"}
QUESTIONNAIRE_FORMDIR = "questionnaire_assessments"


@dataclass(frozen=True)
class Administration:
    instrument: Instrument
    pid: int
    answers: dict[int, int | None]
    problems: tuple[str, ...]
    date: dt.date
    source_key: str
    encounter: int | None = None
    provider_id: int | None = None  # forms.provider_id when the source is a form
    username: str | None = None  # forms.user when the source is a form


def _identify_qr(row: dict[str, Any], response: dict[str, Any]) -> Instrument | None:
    questionnaire = fhir.load_json(row.get("questionnaire"))
    codes = [c.get("code") for c in questionnaire.get("code") or () if isinstance(c, dict)]
    for code in [row.get("repo_code"), *codes]:
        found = identify(code=str(code)) if code else None
        if found:
            return found
    names = (row.get("questionnaire_name"), row.get("repo_name"), row.get("form_name"),
             questionnaire.get("title"), questionnaire.get("name"))
    return identify(*names) or fhir.identify_response(response)


def from_response(row: dict[str, Any], *, pid: int, source_key: str,
                  when: Any) -> Administration | None:
    """An administration from a row holding QuestionnaireResponse JSON; None if not ours."""
    response = fhir.load_json(row.get("questionnaire_response"))
    inst = _identify_qr(row, response)
    if inst is None:
        return None
    answers, problems = fhir.parse_response(inst, response)
    day = store.as_date(when) or dt.date.min
    return Administration(inst, pid, answers, tuple(problems), day, source_key,
                          encounter=_int(row.get("encounter")),
                          provider_id=_int(row.get("provider_id")), username=row.get("forms_user"))


def _native_value(raw: Any) -> int | None:
    value = str(raw if raw is not None else "").strip()
    return int(value) if value.isdigit() else None


def from_native(formdir: str, row: dict[str, Any]) -> Administration:
    """An administration from a ``form_phq9``/``form_gad7`` row joined with its ``forms`` row."""
    inst = get(NATIVE_INSTRUMENTS[formdir])
    answers: dict[int, int | None] = {}
    problems = []
    for item in inst.items:
        value = _native_value(row.get(item.native_column or ""))
        if value is not None and value > inst.max_value:
            problems.append(f"item {item.number}: stored value out of range, treated as missing")
            value = None
        answers[item.number] = value
    return Administration(inst, int(row.get("pid") or 0), answers, tuple(problems),
                          store.as_date(row.get("date")) or dt.date.min, f"forms:{row['forms_id']}",
                          encounter=_int(row.get("encounter")),
                          provider_id=_int(row.get("provider_id")), username=row.get("forms_user"))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


# --- loading the administration an event names ---------------------------------------------

def _from_qr_event(db: Any, event: Event) -> Administration:
    row = store.questionnaire_response(db, event.source_id)
    if row is None:
        raise SkipEvent(f"questionnaire_response id={event.source_id} no longer exists")
    if str(row.get("status") or "").lower() != "completed":
        raise SkipEvent(f"questionnaire_response id={event.source_id} is not completed")
    admin = from_response(row, pid=int(row["patient_id"] or 0), source_key=event.source_key,
                          when=row.get("last_updated") or row.get("create_time"))
    if admin is None:
        raise SkipEvent(f"questionnaire_response id={event.source_id} is not a PHQ-9, GAD-7 or PCL-5")
    # The response's own encounter column is unreliable (OpenEMR writes a UUID string into
    # it); only the event's encounter is trusted, and resolve.py checks it exists.
    return _replace_encounter(admin, event.encounter)


def _replace_encounter(admin: Administration, encounter: int | None) -> Administration:
    return Administration(admin.instrument, admin.pid, admin.answers, admin.problems, admin.date,
                          admin.source_key, encounter, admin.provider_id, admin.username)


def _from_native_event(db: Any, event: Event) -> Administration:
    row = store.native_form(db, event.source_id, str(event.formdir))
    if row is None:
        raise SkipEvent(f"forms id={event.source_id} ({event.formdir}) is deleted, inactive or "
                        "its table is not installed")
    return from_native(str(event.formdir), row)


def _from_questionnaire_form(db: Any, event: Event) -> Administration:
    row = store.questionnaire_form(db, event.source_id)
    if row is None:
        raise SkipEvent(f"forms id={event.source_id} (questionnaire_assessments) is deleted or inactive")
    linked = store.response_pk(db, str(row["response_id"])) if row.get("response_id") else None
    if linked is not None:
        raise SkipEvent(f"forms id={event.source_id} mirrors questionnaire_response id={linked}, "
                        "which is scored from its own questionnaire_completed event")
    admin = from_response(row, pid=int(row["forms_pid"] or 0), source_key=event.source_key,
                          when=row.get("date"))
    if admin is None:
        raise SkipEvent(f"forms id={event.source_id} is not a PHQ-9, GAD-7 or PCL-5 questionnaire")
    return admin


def load(db: Any, event: Event) -> Administration:
    """The administration ``event`` names; SkipEvent when it is not (or no longer) ours."""
    if event.kind is EventKind.QUESTIONNAIRE_COMPLETED:
        return _from_qr_event(db, event)
    if event.kind is EventKind.FORM_SAVED and event.formdir in NATIVE_INSTRUMENTS:
        return _from_native_event(db, event)
    if event.kind is EventKind.FORM_SAVED and event.formdir == QUESTIONNAIRE_FORMDIR:
        return _from_questionnaire_form(db, event)
    raise SkipEvent(f"event {event.id} ({event.kind.value}) carries no assessment")
