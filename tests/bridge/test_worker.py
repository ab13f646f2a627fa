"""Worker behaviour in-process against real MariaDB: sign-off, refusing signed targets,
malformed input, failures and replay. (Delivery through Redis is in test_delivery.py.)"""
from __future__ import annotations

import pytest
from sqlalchemy import text

from bridge.cli import main as cli
from bridge.devdb import esign, submit_session_form
from bridge.worker import run_task
from tests.conftest import SESSION_VALUES, make_clinic
from tests.support import pump


def note_for(db, forms_id: int) -> dict:
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM aib_drafts WHERE source_key = :k AND kind = 'progress_note'"),
                           {"k": f"forms:{forms_id}"}).mappings().first()
        return dict(row) if row else {}


def lbf(db, forms_id: int) -> dict[str, str]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT field_id, field_value FROM lbf_data WHERE form_id = (SELECT form_id FROM forms WHERE id = :i)"),
            {"i": forms_id}).all())


def failures(db, pid: int) -> list[dict]:
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(
            "SELECT f.* FROM aib_failures f JOIN aib_events e ON e.id = f.event_id "
            "WHERE f.replayed_at IS NULL AND e.pid = :p"), {"p": pid}).mappings()]


def submit(db, clinic, **values: str) -> int:
    return submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                               {**SESSION_VALUES, **values})


def test_signing_as_drafted_and_after_edits_is_told_apart(practice_db):
    db = practice_db
    clinic = make_clinic(db.engine)
    first, second = submit(db, clinic), submit(db, clinic, focus="Sleep and work stress.")
    pump(db.runtime)
    a, b = note_for(db, first), note_for(db, second)
    with db.engine.begin() as conn:
        # the clinician edits the second draft in OpenEMR's LBF screen, then signs both
        conn.execute(text("UPDATE lbf_data SET field_value = CONCAT(field_value, ' Clinician added context.') "
                          "WHERE form_id = (SELECT form_id FROM forms WHERE id = :i) LIMIT 1"), {"i": b["forms_id"]})
        esign(conn, table="forms", tid=a["forms_id"], uid=clinic.clinician_id)
        esign(conn, table="forms", tid=b["forms_id"], uid=clinic.clinician_id)
    pump(db.runtime)
    a, b = note_for(db, first), note_for(db, second)
    assert (a["state"], a["edit_ratio"], a["signed_by"]) == ("signed", 0, clinic.clinician_id)
    assert b["state"] == "signed_after_edit" and b["edit_ratio"] > 0


def test_encounter_signature_signs_every_draft_in_it(practice_db):
    db = practice_db
    clinic = make_clinic(db.engine)
    forms_id = submit(db, clinic)
    pump(db.runtime)
    with db.engine.begin() as conn:
        esign(conn, table="form_encounter", tid=clinic.encounter, uid=clinic.clinician_id)
    pump(db.runtime)
    assert note_for(db, forms_id)["state"] == "signed"


def test_redraft_of_a_signed_note_is_refused_and_recorded(practice_db):
    db = practice_db
    clinic = make_clinic(db.engine)
    forms_id = submit(db, clinic)
    pump(db.runtime)
    note = note_for(db, forms_id)
    before = lbf(db, note["forms_id"])
    with db.engine.begin() as conn:
        esign(conn, table="forms", tid=note["forms_id"], uid=clinic.clinician_id)
        task_id = conn.execute(text("SELECT t.id FROM aib_tasks t JOIN aib_events e ON e.id = t.event_id "
                                    "WHERE e.source_id = :f AND t.plugin = 'notes'"), {"f": forms_id}).scalar()
        conn.execute(text("UPDATE aib_tasks SET status = 'pending' WHERE id = :t"), {"t": task_id})
    # When a re-draft of that note runs after the clinician signed it
    assert run_task(db.runtime, "test", task_id, redraft=True) == "failed"
    # Then the signed form is untouched and the failure says why
    assert lbf(db, note["forms_id"]) == before
    assert any("signed" in f["reason"] for f in failures(db, clinic.pid))


MALFORMED = [
    pytest.param({"focus": "x" * 100_000}, id="100KB-focus"),  # pasted transcript
    pytest.param({"response": "Robert'); DROP TABLE forms;-- said it was fine"}, id="sql-looking"),
    pytest.param({"focus": "Mood \u202eright-to-left\u202c, emoji \U0001F622, e\u0301, zero\u200bwidth"}, id="odd-unicode"),
    pytest.param({"plan": "Next week.\x00\x01\x02"}, id="control-chars"),
]


@pytest.mark.parametrize("values", MALFORMED)
def test_malformed_input_gives_a_draft_or_a_clear_failure(practice_db, values):
    db = practice_db
    clinic = make_clinic(db.engine)
    forms_id = submit(db, clinic, **values)
    pump(db.runtime)
    note = note_for(db, forms_id)
    if note:
        text_of_note = " ".join(lbf(db, note["forms_id"]).values())
        assert "\x00" not in text_of_note and len(text_of_note) > 200
        if "DROP TABLE" in str(values):
            assert "DROP TABLE forms" in text_of_note  # stored as the clinician's words, nothing executed
    else:
        [failure] = failures(db, clinic.pid)
        assert "Session Input" in failure["reason"]
    # and the detector keeps going: the next ordinary session is drafted
    later = submit(db, clinic)
    pump(db.runtime)
    assert note_for(db, later)["state"] == "drafted"


def test_empty_session_input_fails_clearly_and_can_be_replayed(practice_db):
    db = practice_db
    clinic = make_clinic(db.engine)
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, {"start_time": "10:00"})
    pump(db.runtime)
    [failure] = failures(db, clinic.pid)
    assert failure["plugin"] == "notes" and "focus" in failure["reason"]  # names the field to fill
    assert note_for(db, forms_id) == {}
    # When the clinician fills the form and an admin replays the failure
    with db.engine.begin() as conn:
        form_id = conn.execute(text("SELECT form_id FROM forms WHERE id = :i"), {"i": forms_id}).scalar()
        for key, value in SESSION_VALUES.items():
            conn.execute(text("REPLACE INTO lbf_data (form_id, field_id, field_value) VALUES (:f, :k, :v)"),
                         {"f": form_id, "k": key, "v": value})
    assert cli(["--config", str(db.config), "replay", "--practice", "test", str(failure["id"])]) == 0
    pump(db.runtime)
    assert note_for(db, forms_id)["state"] == "drafted"
    assert failures(db, clinic.pid) == []


def test_failures_command_lists_the_reason(practice_db, capsys):
    db = practice_db
    clinic = make_clinic(db.engine)
    submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id, {})
    pump(db.runtime)
    assert cli(["--config", str(db.config), "failures"]) == 0
    out = capsys.readouterr().out
    assert "plugin notes" in out and "open failure(s)" in out and "replay --practice" in out
