"""Every AI action of a drafted note is in the hash chain and in OpenEMR's log, with the
clinician's identity and no PHI: redaction counts by category, the model call (which endpoint,
where, what was sent), the answer, the validation, the written draft, and the disclosure. A
task that fails after calling the model keeps that trail. Tampering is found by the CLI."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from bridge.cli import main as cli
from bridge.devdb import esign, submit_session_form
from bridge.ehr import audit
from bridge.runtime import Runtime
from bridge.settings import load
from tests.bridge.llm_support import FakeChatServer, json_reply
from tests.conftest import SESSION_VALUES, make_clinic
from tests.support import external_llm_config, pump

ANSWER = {
    "data": "Client reported depressed mood most days, poor sleep (about 5 hours) and low energy.",
    "assessment": "Client identified two automatic thoughts about being a failure and generated balanced alternatives.",
    "plan": "Schedule three pleasant activities this week; next session in one week.",
}
MODEL_ACTIONS = ("redacted", "model_called", "answer_received")


@pytest.fixture
def llm_practice(fresh_practice_db, tmp_path: Path):
    """The practice with notes drafted by an external model endpoint (a real local HTTP server)."""
    server = FakeChatServer().start()
    server.reply = json_reply(ANSWER)
    config = external_llm_config(tmp_path / "llm", fresh_practice_db.name, server.base_url, "fakecloud")
    runtime = Runtime.create(load(config))
    yield fresh_practice_db, runtime, server, config
    runtime.dispose()
    server.stop()


def chain(engine, pid: int) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM aib_audit WHERE pid = :p ORDER BY id"), {"p": pid}).mappings()
        return [{**r, "detail": r["detail"] if isinstance(r["detail"], dict) else json.loads(r["detail"] or "{}")}
                for r in rows]


def openemr_log(engine, pid: int) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT l.event, l.comments FROM log_comment_encrypt el LEFT JOIN log l ON el.log_id = l.id "
            "WHERE l.patient_id = :p AND l.category = 'AI Draft' ORDER BY l.id"), {"p": pid}).all()
    return [(event, base64.b64decode(comments).decode()) for event, comments in rows]


def phi_of(engine, pid: int) -> list[str]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT fname, lname, phone_cell, street, pubpid FROM patient_data WHERE pid = :p"),
                           {"p": pid}).one()
    return [str(v) for v in row if v]


def test_a_drafted_note_leaves_a_complete_phi_free_trail(llm_practice):
    db, runtime, server, _config = llm_practice
    clinic = make_clinic(db.engine)
    phone = "(555) 010-4477"
    values = {**SESSION_VALUES, "focus": f"Jordan called from {phone} about low mood after job loss."}
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, values)
    pump(runtime)
    assert server.requests, "the model was not called"
    trail = [r for r in chain(db.engine, clinic.pid) if r["ref"] == f"forms:{forms_id}"]
    actions = [r["action"] for r in trail]
    # Then each step is in the chain, in order
    for action in ("event_detected", *MODEL_ACTIONS, "draft_validated", "draft_written"):
        assert action in actions, actions
    assert actions.index("redacted") < actions.index("model_called") < actions.index("answer_received")
    assert "llm_draft" in actions or "fallback" in actions  # the plugin says which text it used
    detail = {r["action"]: r["detail"] for r in trail}
    redacted = detail["redacted"]
    assert redacted["categories"].get("PATIENT", 0) >= 1 and redacted["categories"].get("PHONE", 0) >= 1
    assert redacted["spans"] == sum(redacted["categories"].values())
    called = detail["model_called"]
    assert (called["backend"], called["model"], called["where"], called["host"], called["sent"]) == \
        ("fakecloud", "fake-model", "external", "127.0.0.1", True)
    assert called["chars_sent"] == len(server.requests[0]["messages"][-1]["content"])
    assert detail["answer_received"]["sections"] == 3
    # with the clinician's identity on the AI steps
    assert {r["clinician_id"] for r in trail if r["action"] in MODEL_ACTIONS} == {clinic.clinician_id}
    # and mirrored into OpenEMR's log under ai-bridge-<action>
    events = [event for event, _comment in openemr_log(db.engine, clinic.pid)]
    for action in (*MODEL_ACTIONS, "draft_validated", "draft_written"):
        assert f"ai-bridge-{action}" in events
    # and the external call is a disclosure
    with db.engine.connect() as conn:
        recipients = [r[0] for r in conn.execute(text("SELECT recipient FROM extended_log WHERE patient_id = :p"),
                                                 {"p": clinic.pid})]
    assert recipients == ["fakecloud"]
    # and no PHI anywhere in the trail
    written = json.dumps([r["detail"] for r in trail]) + " ".join(c for _e, c in openemr_log(db.engine, clinic.pid))
    for value in phi_of(db.engine, clinic.pid) + [phone, "automatic thoughts"]:
        assert value not in written
    with db.engine.connect() as conn:
        assert audit.verify(conn) == []


def test_a_task_failing_after_the_model_call_keeps_its_trail(llm_practice):
    db, runtime, server, _config = llm_practice
    clinic = make_clinic(db.engine)
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)
    with db.engine.begin() as conn:  # the clinician signs the encounter before the draft is written
        esign(conn, table="form_encounter", tid=clinic.encounter, uid=clinic.clinician_id)
    states = pump(runtime)
    assert "failed" in states.values() and server.requests
    actions = [r["action"] for r in chain(db.engine, clinic.pid) if r["ref"] == f"forms:{forms_id}"]
    assert {"redacted", "model_called", "answer_received", "draft_validated"} <= set(actions)
    assert "draft_written" not in actions
    with db.engine.connect() as conn:
        failed = conn.execute(text("SELECT COUNT(*) FROM aib_audit WHERE action = 'failed'")).scalar()
        disclosed = conn.execute(text("SELECT COUNT(*) FROM extended_log WHERE patient_id = :p"),
                                 {"p": clinic.pid}).scalar()
    assert failed >= 1 and disclosed == 1  # the text did leave, so the disclosure stays recorded


def test_audit_verify_command_finds_an_edited_and_a_deleted_row(llm_practice, capsys):
    db, runtime, _server, config = llm_practice
    clinic = make_clinic(db.engine)
    submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                        SESSION_VALUES)
    pump(runtime)
    assert cli(["--config", str(config), "audit", "verify"]) == 0
    assert "audit trail intact" in capsys.readouterr().out
    ids = [r["id"] for r in chain(db.engine, clinic.pid)]
    with db.engine.begin() as conn:  # someone changes the redaction counts, and removes the model call
        conn.execute(text("UPDATE aib_audit SET detail = JSON_SET(detail, '$.spans', "
                          "COALESCE(JSON_EXTRACT(detail, '$.spans'), 0) + 7) WHERE action = 'redacted'"))
        conn.execute(text("DELETE FROM aib_audit WHERE action = 'model_called' AND pid = :p"), {"p": clinic.pid})
    assert cli(["--config", str(config), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "audit trail BROKEN" in out and "(edited)" in out and "does not follow the previous row" in out
    assert len(ids) >= 5


def test_event_detected_is_mirrored_into_openemrs_log(llm_practice):
    db, runtime, _server, _config = llm_practice
    clinic = make_clinic(db.engine)
    submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                        SESSION_VALUES)
    pump(runtime)
    assert "ai-bridge-event_detected" in [e for e, _c in openemr_log(db.engine, clinic.pid)]
