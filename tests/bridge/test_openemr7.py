"""The bridge on an OpenEMR 7.0.2-shaped database (columns and tables added since removed,
`interpreter` back to its old spelling), as INTEGRATION.md section 12 lists the differences."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import text

from bridge.devdb import _mysql, create_openemr_database, drop_database, submit_session_form
from bridge.ehr.install import install
from bridge.ehr.version import detect
from bridge.runtime import Runtime
from bridge.settings import load
from tests.conftest import SESSION_VALUES, make_clinic, write_config
from tests.support import pump

# what 7.0.3, 7.0.4, 8.0 and 8.1 added, undone
BACK_TO_7_0_2 = """
ALTER TABLE form_encounter DROP COLUMN last_update, DROP COLUMN ordering_provider_id;
ALTER TABLE patient_data DROP COLUMN last_updated, DROP COLUMN sex_identified, DROP COLUMN interpreter_needed,
  DROP COLUMN advance_directive_user_authenticator, DROP COLUMN pronoun,
  CHANGE interpreter interpretter varchar(255) NOT NULL DEFAULT '';
ALTER TABLE form_care_plan DROP COLUMN plan_status, DROP COLUMN proposed_date;
ALTER TABLE questionnaire_repository DROP COLUMN category;
ALTER TABLE form_questionnaire_assessments DROP COLUMN category;
ALTER TABLE employer_data DROP COLUMN uuid, DROP COLUMN start_date, DROP COLUMN end_date, DROP COLUMN occupation,
  DROP COLUMN industry, DROP COLUMN created_by;
ALTER TABLE facility DROP COLUMN organization_type;
DROP TABLE IF EXISTS person, contact_relation, contact_telecom, person_patient_link;
"""


@pytest.fixture(scope="module")
def db7(tmp_path_factory):
    name = f"aibt7_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    create_openemr_database(name, version=(7, 0, 2, "", 0))
    _mysql(name, BACK_TO_7_0_2)
    config = write_config(tmp_path_factory.mktemp("oe7"), name)
    runtime = Runtime.create(load(config))
    practice = runtime.practice("test")
    install(practice.engine, practice="test", service_user="aibridge", layouts=practice.hooks.layouts(),
            lists=practice.hooks.lists())
    yield runtime
    runtime.dispose()
    drop_database(name)


def test_version_and_missing_columns_are_detected(db7):
    with db7.practice("test").engine.connect() as conn:
        version = detect(conn)
    assert version.label.startswith("7.0.2") and version.supported
    assert not version.has("form_care_plan", "plan_status")
    assert version.has("patient_data", "interpretter")


def test_session_input_becomes_a_note_and_plan_without_the_care_plan_mirror(db7):
    engine = db7.practice("test").engine
    clinic = make_clinic(engine)
    forms_id = submit_session_form(engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                                   SESSION_VALUES)
    states = pump(db7)
    with engine.connect() as conn:
        kinds = dict(conn.execute(text("SELECT kind, state FROM aib_drafts WHERE pid = :p"), {"p": clinic.pid}).all())
        note = conn.execute(text("SELECT COUNT(*) FROM aib_drafts WHERE source_key = :k AND kind='progress_note'"),
                            {"k": f"forms:{forms_id}"}).scalar()
        failures = conn.execute(text("SELECT reason FROM aib_failures")).scalars().all()
    assert failures == [] and "failed" not in states.values()
    assert note == 1 and kinds.get("treatment_plan") == "drafted"
    assert "care_plan_mirror" not in kinds  # form_care_plan has no plan_status before 7.0.4


def test_doctor_accepts_a_7_0_2_database(db7, capsys):
    from bridge.doctor import run_checks

    checks = {c.name: c for c in run_checks(db7.settings)}
    assert checks["practice test: OpenEMR version"].ok
    assert checks["practice test: OpenEMR schema"].ok, checks["practice test: OpenEMR schema"].detail


def test_a_7_0_0_database_without_questionnaire_tables_still_drafts(tmp_path):
    # 7.0.0 predates the questionnaire tables (7.0.1): detection and charts must not need them
    name = f"aibt70_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    create_openemr_database(name, version=(7, 0, 0, "", 0))
    _mysql(name, BACK_TO_7_0_2 + "DROP TABLE questionnaire_response, questionnaire_repository, "
                 "form_questionnaire_assessments; ALTER TABLE registry DROP COLUMN form_foreign_id;")
    runtime = Runtime.create(load(write_config(tmp_path, name)))
    try:
        practice = runtime.practice("test")
        install(practice.engine, practice="test", service_user="aibridge", layouts=practice.hooks.layouts(),
                lists=practice.hooks.lists())
        clinic = make_clinic(practice.engine)
        forms_id = submit_session_form(practice.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                       clinic.clinician_id, SESSION_VALUES)
        states = pump(runtime)
        with practice.engine.connect() as conn:
            note = conn.execute(text("SELECT state FROM aib_drafts WHERE source_key = :k AND kind='progress_note'"),
                                {"k": f"forms:{forms_id}"}).scalar()
        assert note == "drafted" and "failed" not in states.values()
        from bridge.doctor import run_checks

        schema = next(c for c in run_checks(runtime.settings) if c.name.endswith("OpenEMR schema"))
        assert schema.ok, schema.detail
    finally:
        runtime.dispose()
        drop_database(name)
