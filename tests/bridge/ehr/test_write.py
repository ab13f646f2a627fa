"""The one write path: drafts appear as OpenEMR reads forms, once, never into signed targets."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from bridge.devdb import esign
from bridge.ehr import write
from hooks.errors import PermanentFailure, SignedTargetError
from hooks.types import Alert, Draft


def _draft(clinic, key: str, **fields: str) -> Draft:
    return Draft(kind="progress_note", formdir="LBFaibdap", title="Progress Note (AI Draft)",
                 fields=fields or {"data": "Client reported low mood.", "plan": "Weekly sessions."},
                 pid=clinic.pid, encounter=clinic.encounter, clinician_id=clinic.clinician_id, source_key=key)


def test_draft_is_an_unsigned_form_the_encounter_view_lists(practice_db, clinic):
    with practice_db.engine.begin() as conn:
        result = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1001"))
    with practice_db.engine.connect() as conn:
        # FormService::getFormByEncounter's filter
        form = conn.execute(text(
            "SELECT * FROM forms WHERE encounter = :e AND deleted = 0 AND pid = :p AND therapy_group_id IS NULL "
            "AND formdir = 'LBFaibdap'"), {"e": clinic.encounter, "p": clinic.pid}).mappings().one()
        values = dict(conn.execute(text("SELECT field_id, field_value FROM lbf_data WHERE form_id = :f"),
                                   {"f": form["form_id"]}).all())
        signed = conn.execute(text("SELECT COUNT(*) FROM esign_signatures WHERE tid = :t"), {"t": form["id"]}).scalar()
    assert result.forms_id == form["id"] and result.created
    assert form["user"] == "aibridge" and form["provider_id"] == clinic.clinician_id
    assert values == {"data": "Client reported low mood.", "plan": "Weekly sessions."}
    assert signed == 0


def test_same_source_twice_gives_one_draft(practice_db, clinic):
    with practice_db.engine.begin() as conn:
        first = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1002"))
    with practice_db.engine.begin() as conn:
        second = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1002"))
    with practice_db.engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM forms WHERE encounter = :e AND formdir = 'LBFaibdap'"),
                             {"e": clinic.encounter}).scalar()
    assert (first.forms_id, second.created) == (second.forms_id, False)
    assert count == 1


def test_signed_draft_is_never_rewritten(practice_db, clinic):
    with practice_db.engine.begin() as conn:
        first = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1003"))
        esign(conn, table="forms", tid=first.forms_id, uid=clinic.clinician_id)
    with pytest.raises(SignedTargetError), practice_db.engine.begin() as conn:
        write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1003", data="changed"), redraft=True)
    with practice_db.engine.connect() as conn:
        form_id = conn.execute(text("SELECT form_id FROM forms WHERE id = :i"), {"i": first.forms_id}).scalar()
        data = conn.execute(text("SELECT field_value FROM lbf_data WHERE form_id = :f AND field_id = 'data'"),
                            {"f": form_id}).scalar()
    assert data == "Client reported low mood."


def test_unsigned_draft_can_be_rewritten(practice_db, clinic):
    with practice_db.engine.begin() as conn:
        first = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1004"))
    with practice_db.engine.begin() as conn:
        again = write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1004", data="Updated."), redraft=True)
    assert again.forms_id == first.forms_id


def test_signed_encounter_gets_no_new_draft(practice_db, clinic):
    with practice_db.engine.begin() as conn:
        esign(conn, table="form_encounter", tid=clinic.encounter, uid=clinic.clinician_id)
    with pytest.raises(SignedTargetError, match="e-signed"), practice_db.engine.begin() as conn:
        write.write_draft(conn, "test", "aibridge", _draft(clinic, "forms:1005"))


def test_missing_encounter_is_a_clear_permanent_failure(practice_db, clinic):
    draft = _draft(clinic, "forms:1006")
    draft.encounter = 987654321
    with pytest.raises(PermanentFailure, match="encounter 987654321 .* does not exist"), practice_db.engine.begin() as conn:
        write.write_draft(conn, "test", "aibridge", draft)


def test_soap_ids_come_from_sequences(practice_db, clinic):
    draft = Draft(kind="soap_note", formdir="soap", title="SOAP", fields={"subjective": "S", "objective": "O",
                  "assessment": "A", "plan": "P"}, pid=clinic.pid, encounter=clinic.encounter,
                  clinician_id=clinic.clinician_id, source_key="forms:1007")
    with practice_db.engine.begin() as conn:
        before = conn.execute(text("SELECT id FROM sequences")).scalar()
        result = write.write_draft(conn, "test", "aibridge", draft)
        form_id = conn.execute(text("SELECT form_id FROM forms WHERE id = :i"), {"i": result.forms_id}).scalar()
        after = conn.execute(text("SELECT id FROM sequences")).scalar()
    assert form_id == before + 1 == after


def test_alert_lands_in_the_clinicians_inbox_once(practice_db, clinic):
    alert = Alert(pid=clinic.pid, to_username=clinic.clinician, title="Safety: PHQ-9 item 9",
                  body="PHQ-9 item 9 was answered above 0; assess risk today.", reason="phq9_item9")
    with practice_db.engine.begin() as conn:
        write.write_alert(conn, "test", "aibridge", alert, "questionnaire_response:5")
        write.write_alert(conn, "test", "aibridge", alert, "questionnaire_response:5")
    with practice_db.engine.connect() as conn:
        rows = conn.execute(text("SELECT assigned_to, message_status, deleted, activity FROM pnotes WHERE pid = :p"),
                            {"p": clinic.pid}).all()
    assert rows == [(clinic.clinician, "New", 0, 1)]
