"""Every database read of the plans plugin (read-only, through ``ctx.db``).

OpenEMR's own tables are the truth about plans: a plan is a ``forms`` row with the plan
LBF's formdir; it is signed when ``esign_signatures`` holds a row for the form
(``table='forms'``, ``tid=forms.id``) or for its encounter (``table='form_encounter'``,
``tid=forms.encounter``); its content is ``lbf_data`` keyed by ``forms.form_id``.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import text

from hooks.types import Diagnosis, Event, EventKind
from plugins.plans.layout import PLAN_FORMDIR, SESSION_INPUT_FORMDIR
from plugins.plans.record import PlanFacts, PlanForm, StoredPlan, parse_date, split_codes

_PLAN_FORMS = text("""
    SELECT f.id, f.form_id, f.encounter, f.deleted, f.date,
           (EXISTS (SELECT 1 FROM esign_signatures s WHERE s.`table` = 'forms' AND s.tid = f.id)
            OR EXISTS (SELECT 1 FROM esign_signatures s
                       WHERE s.`table` = 'form_encounter' AND s.tid = f.encounter)) AS signed
    FROM forms f
    WHERE f.pid = :pid AND f.formdir = :formdir
    ORDER BY f.id""")

_LBF_FIELDS = text("SELECT field_id, field_value FROM lbf_data WHERE form_id = :form_id")

_FIRST_FORM = text("""
    SELECT id, form_id, encounter FROM forms
    WHERE pid = :pid AND formdir = :formdir AND deleted = 0
    ORDER BY id LIMIT 1""")

_DIAGNOSIS = text("""
    SELECT id, title, diagnosis, begdate FROM lists
    WHERE id = :id AND pid = :pid AND type = 'medical_problem'""")

_TARGET_ENCOUNTER = text("""
    SELECT fe.encounter FROM form_encounter fe
    WHERE fe.pid = :pid
      AND NOT EXISTS (SELECT 1 FROM esign_signatures s
                      WHERE s.`table` = 'form_encounter' AND s.tid = fe.encounter)
    ORDER BY (fe.encounter = :preferred) DESC, fe.date DESC, fe.encounter DESC
    LIMIT 1""")

_HAS_COLUMN = text("""
    SELECT COUNT(*) FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :table AND COLUMN_NAME = :column""")


def plan_forms(db: Any, pid: int) -> tuple[PlanForm, ...]:
    """Every plan form of the patient, deleted ones included, oldest first."""
    rows = db.execute(_PLAN_FORMS, {"pid": pid, "formdir": PLAN_FORMDIR}).mappings().all()
    return tuple(PlanForm(forms_id=int(r["id"]), form_id=int(r["form_id"] or 0),
                          encounter=int(r["encounter"] or 0), deleted=bool(r["deleted"]),
                          signed=bool(r["signed"]), date=parse_date(r["date"])) for r in rows)


def lbf_fields(db: Any, form_id: int) -> dict[str, str]:
    rows = db.execute(_LBF_FIELDS, {"form_id": form_id}).all()
    return {str(k): str(v) for k, v in rows if v is not None and str(v).strip()}


def load_plan(db: Any, form: PlanForm) -> StoredPlan:
    return StoredPlan(form=form, fields=lbf_fields(db, form.form_id))


def active_plan(db: Any, pid: int) -> StoredPlan | None:
    """The latest signed plan, else the latest unsigned draft; None when the patient has none."""
    live = [f for f in plan_forms(db, pid) if not f.deleted]
    chosen = next((f for f in reversed(live) if f.signed), None) or (live[-1] if live else None)
    return load_plan(db, chosen) if chosen else None


def load_facts(db: Any, event: Event) -> PlanFacts:
    """Everything :func:`plugins.plans.triggers.decide` and the composer need for ``event``."""
    forms = plan_forms(db, event.pid)
    signed = next((f for f in reversed(forms) if f.signed and not f.deleted), None)
    first = db.execute(_FIRST_FORM, {"pid": event.pid, "formdir": SESSION_INPUT_FORMDIR}).mappings().first()
    is_dx = event.kind is EventKind.DIAGNOSIS_ADDED and event.source_table == "lists"
    return PlanFacts(
        forms=forms,
        latest_signed=load_plan(db, signed) if signed else None,
        first_session_encounter=int(first["encounter"]) if first else None,
        new_diagnosis=diagnosis(db, event.pid, event.source_id) if is_dx else None,
        intake_input=lbf_fields(db, int(first["form_id"])) if first else {},
        target_encounter=target_encounter(db, event.pid, event.encounter),
        care_plan_status=has_column(db, "form_care_plan", "plan_status"),
    )


def diagnosis(db: Any, pid: int, lists_id: int) -> Diagnosis | None:
    """The ``lists`` problem row as a Diagnosis (its first ICD-10 code), if it is the patient's."""
    row = db.execute(_DIAGNOSIS, {"id": lists_id, "pid": pid}).mappings().first()
    if row is None:
        return None
    codes = split_codes(str(row["diagnosis"] or ""))
    if not codes:
        return None
    begdate = parse_date(row["begdate"])
    return Diagnosis(code=codes[0], title=str(row["title"] or ""), begdate=begdate, list_id=int(row["id"]))


def target_encounter(db: Any, pid: int, preferred: int | None) -> int | None:
    """``preferred`` if it exists and is not e-signed, else the latest such encounter."""
    row = db.execute(_TARGET_ENCOUNTER, {"pid": pid, "preferred": preferred or -1}).first()
    return int(row[0]) if row else None


def has_column(db: Any, table: str, column: str) -> bool:
    """Feature probe through ``information_schema`` (e.g. ``form_care_plan.plan_status``, 7.0.4+)."""
    return bool(db.execute(_HAS_COLUMN, {"table": table, "column": column}).scalar())
