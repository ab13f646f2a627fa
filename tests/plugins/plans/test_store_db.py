"""The plugin against a real OpenEMR schema in MariaDB: plan state from forms/esign, goals
from lbf_data, the care-plan probe, and the hooks end to end through pluggy."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pluggy
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bridge.devdb import add_diagnosis, create_encounter, esign, submit_lbf, submit_session_form
from hooks.errors import SkipEvent
from hooks.types import Chart, Clinician, Diagnosis, Draft, Event, EventKind, Outcome, Score
from plugins.plans import store
from plugins.plans.layout import PLAN_FORMDIR, PLAN_LAYOUT, PLAN_LISTS, PLAN_TITLE
from tests.plugins.plans.conftest import Patient
from tests.support import StaticContext

TODAY = dt.date(2026, 11, 27)
MDD = ("F33.1", "Major depressive disorder, recurrent, moderate")
GAD = ("F41.1", "Generalized anxiety disorder")
INTAKE = {"focus": "Low mood after job loss.", "symptoms": "Poor sleep, low energy.", "si_screen": "denied"}


def _chart(p: Patient, *dx: tuple[str, str], session_input: dict[str, str] | None = None,
           scores: list[Score] | None = None) -> Chart:
    return Chart(practice="test", pid=p.pid, encounter=p.encounter, encounter_date=TODAY,
                 clinician=Clinician(p.clinician_id, p.username, "Dana", "Whitfield", "LCSW"),
                 session_input=dict(session_input or {}), diagnoses=[Diagnosis(c, t) for c, t in dx],
                 scores=list(scores or []), encounter_reason="Intake evaluation")


def _event(p: Patient, kind: EventKind, source_table: str, source_id: int, *, formdir: str | None = None,
           encounter: int | None = None) -> Event:
    return Event(id=source_id + 10_000, practice="test", kind=kind, pid=p.pid, encounter=encounter,
                 source_table=source_table, source_id=source_id, formdir=formdir)


def _handle(pm: pluggy.PluginManager, engine: Engine, ev: Event, chart: Chart, **options: Any) -> Outcome:
    with engine.connect() as conn:
        ctx = StaticContext(chart_value=chart, plugin_options={"plans": options}, db=conn, today_value=TODAY)
        return pm.hook.bridge_handle_event(event=ev, ctx=ctx)


def _goals(pm: pluggy.PluginManager, engine: Engine, pid: int):  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return pm.hook.bridge_active_goals(pid=pid, ctx=StaticContext(chart_value=None, db=conn))  # type: ignore[arg-type]


def _write_plan(engine: Engine, p: Patient, draft: Draft, encounter: int | None = None) -> int:
    """Store a plan draft as the host does (an LBF with these fields); returns forms.id."""
    return submit_lbf(engine, PLAN_FORMDIR, PLAN_TITLE, p.pid, encounter or draft.encounter, "aibridge",
                      p.clinician_id, draft.fields)


def _sign_form(engine: Engine, forms_id: int, uid: int) -> None:
    with engine.begin() as conn:
        esign(conn, table="forms", tid=forms_id, uid=uid)


def _intake(pm: pluggy.PluginManager, engine: Engine, p: Patient, *dx: tuple[str, str]) -> Outcome:
    forms_id = submit_session_form(engine, p.pid, p.encounter, p.username, p.clinician_id, INTAKE)
    ev = _event(p, EventKind.FORM_SAVED, "forms", forms_id, formdir="LBFaibsi", encounter=p.encounter)
    return _handle(pm, engine, ev, _chart(p, *dx, session_input=INTAKE))


def test_hook_bridge_handle_event_drafts_plan_and_mirror_at_intake(pm: pluggy.PluginManager, plans_db: Engine,
                                                     patient: Patient) -> None:
    outcome = _intake(pm, plans_db, patient, MDD)
    plan, mirror = outcome.drafts
    assert (plan.kind, plan.formdir, plan.encounter, plan.clinician_id) == (
        "treatment_plan", PLAN_FORMDIR, patient.encounter, patient.clinician_id)
    assert plan.fields["goal_1"] == "Reduce depressive symptoms and improve mood."
    assert plan.source_key == f"plan:{patient.pid}:after:0"
    assert mirror.kind == "care_plan_mirror" and mirror.rows  # this schema (8.2) has plan_status


def test_the_unsigned_plan_blocks_a_second_draft_until_signed(pm: pluggy.PluginManager, plans_db: Engine,
                                                              patient: Patient) -> None:
    # Given the intake plan was written and is still unsigned
    plan = _intake(pm, plans_db, patient, MDD).drafts[0]
    forms_id = _write_plan(plans_db, patient, plan)
    # When GAD is diagnosed, no second draft
    with plans_db.begin() as conn:
        lists_id = add_diagnosis(conn, patient.pid, *GAD)
    dx_event = _event(patient, EventKind.DIAGNOSIS_ADDED, "lists", lists_id)
    with pytest.raises(SkipEvent, match=f"unsigned plan forms:{forms_id}"):
        _handle(pm, plans_db, dx_event, _chart(patient, MDD, GAD))
    # Once the clinician signs it, the same diagnosis yields an update that adds GAD goals
    _sign_form(plans_db, forms_id, patient.clinician_id)
    update = _handle(pm, plans_db, dx_event, _chart(patient, MDD, GAD)).drafts[0]
    assert update.fields["plan_type"] == "update"
    assert update.source_key == f"plan:{patient.pid}:after:{forms_id}"
    assert "Reduce excessive worry and anxiety to a manageable level." in update.fields.values()
    assert update.fields["goal_1"] == plan.fields["goal_1"]


def test_an_encounter_signature_signs_the_plan_and_a_deleted_draft_does_not_count(
        pm: pluggy.PluginManager, plans_db: Engine, patient: Patient) -> None:
    plan = _intake(pm, plans_db, patient, MDD).drafts[0]
    first = _write_plan(plans_db, patient, plan)
    with plans_db.begin() as conn:
        conn.execute(text("UPDATE forms SET deleted = 1 WHERE id = :id"), {"id": first})
    with plans_db.connect() as conn:
        assert store.load_facts(conn, _event(patient, EventKind.PLAN_REVIEW_DUE, "forms", 1)).unsigned is None
    second = _write_plan(plans_db, patient, plan)
    with plans_db.connect() as conn:
        facts = store.load_facts(conn, _event(patient, EventKind.PLAN_REVIEW_DUE, "forms", 1))
    assert facts.unsigned is not None and facts.unsigned.forms_id == second
    assert facts.epoch == second
    with plans_db.begin() as conn:
        esign(conn, table="form_encounter", tid=patient.encounter, uid=patient.clinician_id)
    with plans_db.connect() as conn:
        facts = store.load_facts(conn, _event(patient, EventKind.PLAN_REVIEW_DUE, "forms", 1))
    assert facts.unsigned is None
    assert facts.latest_signed is not None and facts.latest_signed.form.forms_id == second
    assert facts.target_encounter is None  # the only encounter is signed: nowhere to add a draft


def test_a_later_session_input_is_not_an_intake(pm: pluggy.PluginManager, plans_db: Engine,
                                                patient: Patient) -> None:
    submit_session_form(plans_db, patient.pid, patient.encounter, patient.username, patient.clinician_id, INTAKE)
    with plans_db.begin() as conn:
        later = create_encounter(conn, patient.pid, patient.clinician_id, when="2026-11-27 10:00:00")
    forms_id = submit_session_form(plans_db, patient.pid, later, patient.username, patient.clinician_id, INTAKE)
    ev = _event(patient, EventKind.FORM_SAVED, "forms", forms_id, formdir="LBFaibsi", encounter=later)
    with pytest.raises(SkipEvent, match="no signed plan"):
        _handle(pm, plans_db, ev, _chart(patient, MDD, session_input=INTAKE))


def test_hook_bridge_active_goals_from_the_latest_signed_plan(pm: pluggy.PluginManager, plans_db: Engine,
                                                       patient: Patient) -> None:
    assert _goals(pm, plans_db, patient.pid) is None  # no plan yet
    plan = _intake(pm, plans_db, patient, MDD).drafts[0]
    first = _write_plan(plans_db, patient, plan)
    # before signing, the unsigned draft answers (so notes at the next session can cite goals)
    draft_goals = _goals(pm, plans_db, patient.pid)
    assert [g.id for g in draft_goals] == ["G1", "G2", "G3"]
    assert draft_goals[0].text == plan.fields["goal_1"] and draft_goals[0].plan_form_id == first
    assert draft_goals[0].objectives == tuple(plan.fields["goal_1_objectives"].splitlines())
    _sign_form(plans_db, first, patient.clinician_id)
    # a newer unsigned draft does not displace the signed plan; goals marked met are not active
    newer = dict(plan.fields, goal_1="A newer unsigned goal.", goal_2_status="met")
    submit_lbf(plans_db, PLAN_FORMDIR, PLAN_TITLE, patient.pid, patient.encounter, "aibridge",
               patient.clinician_id, newer)
    goals = _goals(pm, plans_db, patient.pid)
    assert [(g.id, g.plan_form_id) for g in goals] == [("G1", first), ("G2", first), ("G3", first)]
    assert goals[0].text == plan.fields["goal_1"]


def test_a_review_due_on_an_appointment_drafts_a_new_plan(pm: pluggy.PluginManager, plans_db: Engine,
                                                          patient: Patient) -> None:
    plan = _intake(pm, plans_db, patient, MDD).drafts[0]
    fields = dict(plan.fields, date_established="2026-09-01", review_date="2026-12-05")
    signed = submit_lbf(plans_db, PLAN_FORMDIR, PLAN_TITLE, patient.pid, patient.encounter, "aibridge",
                        patient.clinician_id, fields)
    _sign_form(plans_db, signed, patient.clinician_id)
    with plans_db.begin() as conn:
        today_encounter = create_encounter(conn, patient.pid, patient.clinician_id, when="2026-11-27 09:00:00")
    ev = _event(patient, EventKind.APPOINTMENT_UPCOMING, "openemr_postcalendar_events", 5)
    scores = [Score("PHQ-9", 13, "moderate", dt.date(2026, 11, 20))]
    review = _handle(pm, plans_db, ev, _chart(patient, MDD, scores=scores)).drafts[0]
    assert review.fields["plan_type"] == "review" and review.encounter == today_encounter
    assert review.source_key == f"plan:{patient.pid}:after:{signed}"
    assert review.fields["goal_1"] == fields["goal_1"]
    assert "PHQ-9 13 (moderate) on 2026-11-20" in review.fields["measures"]
    with plans_db.connect() as conn:  # the signed plan's rows are untouched
        stored = store.lbf_fields(conn, store.plan_forms(conn, patient.pid)[0].form_id)
    assert stored == {k: v for k, v in fields.items() if v}
    # not due yet with a shorter lead time
    with pytest.raises(SkipEvent, match="not due"):
        _handle(pm, plans_db, ev, _chart(patient, MDD), review_lead_days=3)


def test_diagnosis_rows_are_read_from_lists(plans_db: Engine, patient: Patient) -> None:
    with plans_db.begin() as conn:
        lists_id = add_diagnosis(conn, patient.pid, "F43.10", "Post-traumatic stress disorder")
    with plans_db.connect() as conn:
        dx = store.diagnosis(conn, patient.pid, lists_id)
        assert dx is not None and (dx.code, dx.list_id) == ("F43.10", lists_id)
        assert store.diagnosis(conn, patient.pid + 999, lists_id) is None  # another patient's row


def test_the_target_encounter_skips_signed_encounters(plans_db: Engine, patient: Patient) -> None:
    with plans_db.begin() as conn:
        later = create_encounter(conn, patient.pid, patient.clinician_id, when="2026-11-26 10:00:00")
    with plans_db.connect() as conn:
        assert store.target_encounter(conn, patient.pid, None) == later
        assert store.target_encounter(conn, patient.pid, patient.encounter) == patient.encounter
    with plans_db.begin() as conn:
        esign(conn, table="form_encounter", tid=later, uid=patient.clinician_id)
    with plans_db.connect() as conn:
        assert store.target_encounter(conn, patient.pid, later) == patient.encounter


def test_no_care_plan_mirror_where_openemr_lacks_plan_status(pm: pluggy.PluginManager, plans_db: Engine,
                                                             patient: Patient) -> None:
    with plans_db.connect() as conn:
        assert store.has_column(conn, "form_care_plan", "plan_status")
    with plans_db.begin() as conn:  # as on OpenEMR before 7.0.4
        conn.execute(text("ALTER TABLE form_care_plan DROP INDEX idx_status_date, DROP COLUMN plan_status"))
    try:
        outcome = _intake(pm, plans_db, patient, MDD)
        assert [d.kind for d in outcome.drafts] == ["treatment_plan"]
    finally:
        with plans_db.begin() as conn:
            conn.execute(text("ALTER TABLE form_care_plan ADD COLUMN plan_status varchar(32) DEFAULT NULL"))



@pytest.fixture(scope="module")
def installed(plans_db: Engine) -> Engine:
    """The scratch database with the bridge's tables and this plugin's LBF and lists installed."""
    from bridge.ehr.install import install

    install(plans_db, practice="test", service_user="aibridge", layouts=[PLAN_LAYOUT], lists=list(PLAN_LISTS))
    return plans_db


def test_the_hosts_write_path_stores_the_plan_once_and_the_plugin_reads_it_back(
        pm: pluggy.PluginManager, installed: Engine, patient: Patient) -> None:
    from bridge.ehr.write import write_draft

    # Given two diagnoses entered together: two events race for the same patient
    with installed.begin() as conn:
        first_dx = add_diagnosis(conn, patient.pid, *MDD)
        second_dx = add_diagnosis(conn, patient.pid, *GAD)
    outcomes = [_handle(pm, installed, _event(patient, EventKind.DIAGNOSIS_ADDED, "lists", i), _chart(patient, MDD, GAD))
                for i in (first_dx, second_dx)]
    # When the host writes both outcomes
    with installed.begin() as conn:
        written = [write_draft(conn, "test", "aibridge", d) for o in outcomes for d in o.drafts]
    # Then one plan and one care plan exist: the shared source key made the second a duplicate
    assert [w.created for w in written] == [True, True, False, False]
    with installed.connect() as conn:
        forms = store.plan_forms(conn, patient.pid)
        care_rows = conn.execute(text("SELECT care_plan_type, plan_status FROM form_care_plan WHERE pid = :p"),
                                 {"p": patient.pid}).all()
        layout_fields = conn.execute(text("SELECT COUNT(*) FROM layout_options WHERE form_id = 'LBFaibtp'")).scalar()
    assert len(forms) == 1 and not forms[0].signed
    assert {r[1] for r in care_rows} == {"draft"} and {r[0] for r in care_rows} == {"goal", "intervention"}
    assert layout_fields == len(PLAN_LAYOUT.fields)
    # and the plugin reads the stored plan back as the golden thread's goals
    goals = _goals(pm, installed, patient.pid)
    assert goals[0].id == "G1" and goals[0].text == outcomes[0].drafts[0].fields["goal_1"]
    assert goals[0].plan_form_id == forms[0].forms_id
