"""bridge.ehr.portal.write_delivery against OpenEMR's real schema: exactly once per window."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bridge.ehr.portal import write_delivery
from hooks.errors import PermanentFailure
from hooks.types import Delivery
from plugins.assessments.fhir import build_questionnaire
from plugins.assessments.instruments import get
from tests.plugins.assessments.conftest import create_clinician, create_patient


def _delivery(pid: int, provider: int, day: str, instrument: str = "PHQ-9") -> Delivery:
    return Delivery(pid=pid, instrument=instrument, window_key=f"{instrument}:{day}", provider_id=provider,
                    title=f"{instrument} {day}", questionnaire=build_questionnaire(get(instrument)),
                    appointment_id=11)


def _count(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def test_write_delivery_twice_gives_one_row(assessments_db: Engine) -> None:
    with assessments_db.begin() as conn:
        uid, _ = create_clinician(conn)
        pid = create_patient(conn, uid)
    # Given the same delivery written twice (a retried message, a second worker)
    with assessments_db.begin() as conn:
        first = write_delivery(conn, _delivery(pid, uid, "2026-11-30"), service_user="aibridge")
    with assessments_db.begin() as conn:
        second = write_delivery(conn, _delivery(pid, uid, "2026-11-30"), service_user="aibridge")
    # Then one portal assignment exists, and both calls name it
    assert first == second
    assert _count(assessments_db, "SELECT COUNT(*) FROM document_templates WHERE pid = :p", p=pid) == 1
    with assessments_db.connect() as conn:
        row = conn.execute(text("SELECT * FROM document_templates WHERE id = :i"), {"i": first}).mappings().one()
        repo = conn.execute(text("SELECT * FROM questionnaire_repository WHERE name = 'PHQ-9'")).mappings().one()
    assert (row["pid"], row["provider"], row["profile"], row["category"]) == (pid, uid, "", "questionnaire")
    assert (row["template_name"], row["status"], row["mime"]) == ("PHQ-9 2026-11-30", "New", "application/text")
    assert row["location"] == f"Testperson{pid}, Jordan"
    content = bytes(row["template_content"]).decode()
    assert content == f"{{ParseAsHTML}}{{Questionnaire:{repo['id']}}}\n" and row["size"] == len(content)
    assert (repo["type"], repo["code"], repo["active"]) == ("Questionnaire", "44249-1", 1)
    assert _count(assessments_db, "SELECT COUNT(*) FROM uuid_registry WHERE uuid = :u", u=repo["uuid"]) == 1


def test_next_window_is_a_new_assignment_of_the_same_questionnaire(assessments_db: Engine) -> None:
    with assessments_db.begin() as conn:
        uid, _ = create_clinician(conn)
        pid = create_patient(conn, uid)
        a = write_delivery(conn, _delivery(pid, uid, "2026-11-30"), service_user="aibridge")
        b = write_delivery(conn, _delivery(pid, uid, "2026-12-28"), service_user="aibridge")
        c = write_delivery(conn, _delivery(pid, uid, "2026-12-28", "PCL-5"), service_user="aibridge")
    assert len({a, b, c}) == 3
    assert _count(assessments_db, "SELECT COUNT(*) FROM questionnaire_repository WHERE name = 'PHQ-9'") == 1
    assert _count(assessments_db, "SELECT COUNT(*) FROM questionnaire_repository WHERE name = 'PCL-5'") == 1


def test_unknown_patient_is_a_permanent_failure(assessments_db: Engine) -> None:
    with assessments_db.begin() as conn, pytest.raises(PermanentFailure, match="pid=999999"):
        write_delivery(conn, _delivery(999999, 1, "2026-11-30"), service_user="aibridge")


def test_delivery_rolls_back_with_the_host_transaction(assessments_db: Engine) -> None:
    with assessments_db.connect() as conn:
        uid, _ = create_clinician(conn)
        pid = create_patient(conn, uid)
        conn.commit()
        write_delivery(conn, _delivery(pid, uid, str(dt.date(2027, 1, 4))), service_user="aibridge")
        conn.rollback()  # the host's ledger insert failed: nothing of the delivery may remain
    assert _count(assessments_db, "SELECT COUNT(*) FROM document_templates WHERE pid = :p", p=pid) == 0
