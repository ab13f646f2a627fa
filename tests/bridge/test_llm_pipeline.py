"""The language-model path through the real worker: redacted before it leaves, disclosed,
validated, and replaced by the template draft when the answer is unusable."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bridge.devdb import add_diagnosis, submit_session_form
from tests.bridge.llm_support import FakeChatServer, chat_body
from tests.conftest import SESSION_VALUES, _make_practice_db, make_clinic
from tests.support import external_llm_config, pump


@pytest.fixture(scope="module")
def server() -> Iterator[FakeChatServer]:
    srv = FakeChatServer().start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def llm_db(tmp_path_factory, server):
    folder = tmp_path_factory.mktemp("llm")
    gen = _make_practice_db(folder)
    db = next(gen)
    # re-point the practice at an external endpoint and the LLM backend
    config = external_llm_config(folder, db.name, server.base_url)
    from bridge.runtime import Runtime
    from bridge.settings import load

    db.runtime.dispose()
    db.settings, db.config = load(config), config
    db.runtime = Runtime.create(db.settings)
    try:
        yield db
    finally:
        gen.close()  # disposes the runtime and drops the database


def test_text_leaves_redacted_and_disclosed_and_garbage_falls_back(llm_db, server):
    server.requests.clear()
    server.reply = lambda body: (200, chat_body("this is not json at all"), 0.0)
    clinic = make_clinic(llm_db.engine)
    with llm_db.engine.begin() as conn:
        surname = conn.execute(text("SELECT lname FROM patient_data WHERE pid = :p"), {"p": clinic.pid}).scalar()
    values = {**SESSION_VALUES, "focus": f"Jordan {surname} talked about the move; call (555) 010-4477 if late."}
    forms_id = submit_session_form(llm_db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, values)
    pump(llm_db.runtime)
    # What left the clinic carries no identifier of this patient
    sent = server.sent_text()
    assert server.requests and surname not in sent and "010-4477" not in sent
    assert "[PATIENT_" in sent or "[PHONE_" in sent
    with llm_db.engine.connect() as conn:
        draft = conn.execute(text("SELECT * FROM aib_drafts WHERE source_key = :k AND kind='progress_note'"),
                             {"k": f"forms:{forms_id}"}).mappings().one()
        disclosures = conn.execute(text("SELECT recipient, event FROM extended_log WHERE patient_id = :p"),
                                   {"p": clinic.pid}).all()
        actions = [r[0] for r in conn.execute(text(
            "SELECT action FROM aib_audit WHERE pid = :p ORDER BY id"), {"p": clinic.pid})]
    # The unusable answer was replaced by the template draft, and why is on record
    assert draft["backend"] == "template" and draft["state"] == "drafted"
    assert "fallback" in actions and "model_called" in actions
    assert disclosures == [("vendor", "disclosure-healthcareoperations")]


def test_part2_patient_text_never_goes_to_an_external_endpoint(llm_db, server):
    server.requests.clear()
    clinic = make_clinic(llm_db.engine, diagnosis=("F10.20", "Alcohol dependence, uncomplicated"))
    forms_id = submit_session_form(llm_db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)
    pump(llm_db.runtime)
    assert server.requests == []
    with llm_db.engine.connect() as conn:
        state = conn.execute(text("SELECT state FROM aib_drafts WHERE source_key = :k AND kind='progress_note'"),
                             {"k": f"forms:{forms_id}"}).scalar()
        disclosed = conn.execute(text("SELECT COUNT(*) FROM extended_log WHERE patient_id = :p"),
                                 {"p": clinic.pid}).scalar()
    assert state == "drafted" and disclosed == 0


def test_patient_with_a_part2_diagnosis_added_later_is_restricted_too(llm_db, server):
    server.requests.clear()
    clinic = make_clinic(llm_db.engine)
    with llm_db.engine.begin() as conn:
        add_diagnosis(conn, clinic.pid, "F12.20", "Cannabis dependence, uncomplicated")
    submit_session_form(llm_db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                        SESSION_VALUES)
    pump(llm_db.runtime)
    assert server.requests == []
