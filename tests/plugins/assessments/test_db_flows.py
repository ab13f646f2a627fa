"""Completion, score history and delivery against OpenEMR's real schema (scratch database)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import Connection, Engine

import plugins.assessments as assessments
from bridge.ehr.portal import write_delivery
from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import Chart, Diagnosis, Event, EventKind, Outcome
from plugins.assessments.instruments import get
from tests.plugins.assessments.conftest import (
    create_appointment,
    create_clinician,
    create_encounter,
    create_native_form,
    create_patient,
    create_response,
    create_scored_result,
)
from tests.plugins.assessments.helpers import answers_for_total, response_for
from tests.support import StaticContext

PHQ9 = get("PHQ-9")
TODAY = dt.date(2026, 11, 27)


@dataclass
class Patient:
    pid: int
    uid: int
    username: str


@pytest.fixture
def conn(assessments_db: Engine) -> Iterator[Connection]:
    with assessments_db.connect() as connection:
        yield connection
        connection.rollback()


@pytest.fixture
def patient(assessments_db: Engine) -> Patient:
    with assessments_db.begin() as c:
        uid, username = create_clinician(c)
        return Patient(create_patient(c, uid), uid, username)


def _ctx(conn: Connection, pid: int, codes: tuple[str, ...] = ("F33.1",), **options: object) -> StaticContext:
    conn.rollback()  # a fresh snapshot, as each worker message gets: sees rows committed so far
    chart = Chart("test", pid, None, None, None, {}, diagnoses=[Diagnosis(c, "synthetic") for c in codes])
    return StaticContext(chart, plugin_options={"assessments": dict(options)}, db=conn, today_value=TODAY)


def _event(kind: EventKind, table: str, source_id: int, pid: int, *, encounter: int | None = None,
           formdir: str | None = None) -> Event:
    return Event(id=source_id, practice="test", kind=kind, pid=pid, encounter=encounter,
                 source_table=table, source_id=source_id, formdir=formdir)


def _handle(event: Event, ctx: StaticContext) -> Outcome:
    return assessments.bridge_handle_event(event=event, ctx=ctx)


def _portal_phq9(engine: Engine, p: Patient, values: dict[int, int | None], when: dt.datetime) -> int:
    with engine.begin() as c:
        return create_response(c, p.pid, "PHQ-9", response_for(PHQ9, values), when=when)


def _qr_event(rid: int, pid: int) -> Event:
    return _event(EventKind.QUESTIONNAIRE_COMPLETED, "questionnaire_response", rid, pid)


# --- portal completion -----------------------------------------------------------------------

def test_portal_completion_gives_one_result_and_one_alert(assessments_db: Engine, conn: Connection,
                                                          patient: Patient) -> None:
    # Given two sessions, the second after the patient answered in the portal
    with assessments_db.begin() as c:
        before = create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 11, 20, 10))
        create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 11, 29, 10))
    # When a PHQ-9 with a low total but item 9 = 1 completes
    rid = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 3, keep={9: 1}),
                       dt.datetime(2026, 11, 26, 18, 5))
    outcome = _handle(_qr_event(rid, patient.pid), _ctx(conn, patient.pid))
    # Then exactly one unsigned scored result, in the latest encounter on or before that day
    [draft] = outcome.drafts
    assert (draft.kind, draft.formdir, draft.encounter) == ("assessment_result", "LBFaibscore", before)
    assert draft.source_key == f"questionnaire_response:{rid}"
    assert draft.clinician_id == patient.uid
    assert (draft.fields["total"], draft.fields["band"], draft.fields["item9"]) == ("3", "minimal", "1")
    assert draft.fields["admin_date"] == "2026-11-26"
    # And exactly one same-day alert to the clinician, plus its audit note
    [alert] = outcome.alerts
    assert (alert.pid, alert.to_username, alert.reason) == (patient.pid, patient.username, "phq9_item9")
    assert ("phq9_item9_alert", {"source": draft.source_key, "to": patient.username}) in outcome.audit
    # And handling the same event again names the same administration (the ledger dedupes)
    again = _handle(_qr_event(rid, patient.pid), _ctx(conn, patient.pid))
    assert [d.source_key for d in again.drafts] == [draft.source_key]
    assert again.drafts[0].fields == draft.fields


def test_portal_completion_without_item9_sends_no_alert(assessments_db: Engine, conn: Connection,
                                                         patient: Patient) -> None:
    with assessments_db.begin() as c:
        create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 11, 20, 10))
    rid = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 16, keep={9: 0}),
                       dt.datetime(2026, 11, 26, 9))
    outcome = _handle(_qr_event(rid, patient.pid), _ctx(conn, patient.pid))
    assert len(outcome.drafts) == 1 and outcome.alerts == []
    assert outcome.drafts[0].fields["band"] == "moderately severe"


def test_no_encounter_fails_permanently_unless_an_alert_is_due(assessments_db: Engine, conn: Connection,
                                                                patient: Patient) -> None:
    quiet = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 5, keep={9: 0}),
                         dt.datetime(2026, 11, 26, 9))
    with pytest.raises(PermanentFailure, match="no encounter on or before 2026-11-26"):
        _handle(_qr_event(quiet, patient.pid), _ctx(conn, patient.pid))
    urgent = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 5, keep={9: 3}),
                          dt.datetime(2026, 11, 26, 9))
    outcome = _handle(_qr_event(urgent, patient.pid), _ctx(conn, patient.pid))
    assert outcome.drafts == [] and len(outcome.alerts) == 1  # the alert is never suppressed
    assert ("assessment_unplaced", {"source": f"questionnaire_response:{urgent}", "reason": "no_encounter"}) \
        in outcome.audit


def test_unfinished_or_foreign_questionnaires_are_skipped(assessments_db: Engine, conn: Connection,
                                                          patient: Patient) -> None:
    with assessments_db.begin() as c:
        open_one = create_response(c, patient.pid, "PHQ-9", response_for(PHQ9, {1: 1}),
                                   when=dt.datetime(2026, 11, 26), status="in-progress")
        other = create_response(c, patient.pid, "Intake history", {"item": [{"linkId": "x", "answer": [
            {"valueString": "n/a"}]}]}, when=dt.datetime(2026, 11, 26))
    with pytest.raises(SkipEvent, match="not completed"):
        _handle(_qr_event(open_one, patient.pid), _ctx(conn, patient.pid))
    with pytest.raises(SkipEvent, match="not a PHQ-9, GAD-7 or PCL-5"):
        _handle(_qr_event(other, patient.pid), _ctx(conn, patient.pid))


# --- in-office native forms ----------------------------------------------------------------

def test_native_phq9_form_is_scored_in_its_encounter(assessments_db: Engine, conn: Connection,
                                                      patient: Patient) -> None:
    values = {item.native_column: "2" for item in PHQ9.items} | {"sleep_score": "undef", "suicide_score": "0"}
    with assessments_db.begin() as c:
        enc = create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 11, 27, 10))
        forms_id = create_native_form(c, "phq9", patient.pid, enc, patient.username, values,
                                      dt.datetime(2026, 11, 27, 10, 40))
    event = _event(EventKind.FORM_SAVED, "forms", forms_id, patient.pid, encounter=enc, formdir="phq9")
    [draft] = _handle(event, _ctx(conn, patient.pid)).drafts
    assert (draft.encounter, draft.source_key) == (enc, f"forms:{forms_id}")
    assert draft.fields["total"] == "16"  # 14 over 8 items, prorated: 14 * 9 / 8 = 15.75 -> 16
    assert draft.fields["completeness"].startswith("prorated: 8 of 9 items answered (missing item 3)")


def test_questionnaire_form_mirroring_a_response_is_left_to_the_response(
        assessments_db: Engine, conn: Connection, patient: Patient) -> None:
    from sqlalchemy import text
    with assessments_db.begin() as c:
        rid = create_response(c, patient.pid, "PHQ-9", response_for(PHQ9, {1: 1}), when=dt.datetime(2026, 11, 26))
        response_uuid = c.execute(text("SELECT response_id FROM questionnaire_response WHERE id = :i"),
                                  {"i": rid}).scalar_one()
        form_id = c.execute(text("INSERT INTO form_questionnaire_assessments (pid, response_id, form_name, "
                                 "activity) VALUES (:p, :r, 'PHQ-9', 1)"), {"p": patient.pid, "r": response_uuid}).lastrowid
        forms_id = c.execute(text("INSERT INTO forms (date, encounter, form_name, form_id, pid, user, deleted, "
                                  "formdir) VALUES (NOW(), 0, 'PHQ-9', :f, :p, 'portal', 0, "
                                  "'questionnaire_assessments')"), {"f": form_id, "p": patient.pid}).lastrowid
    event = _event(EventKind.FORM_SAVED, "forms", forms_id, patient.pid, formdir="questionnaire_assessments")
    with pytest.raises(SkipEvent, match=f"mirrors questionnaire_response id={rid}"):
        _handle(event, _ctx(conn, patient.pid))


# --- score history ----------------------------------------------------------------------------

def test_score_history_counts_each_administration_once(assessments_db: Engine, conn: Connection,
                                                       patient: Patient) -> None:
    with assessments_db.begin() as c:
        enc = create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 10, 1, 10))
    scored = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 14, keep={9: 0}),
                          dt.datetime(2026, 10, 1, 9))
    raw_only = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 8, keep={9: 0}),
                            dt.datetime(2026, 11, 1, 9))
    with assessments_db.begin() as c:
        # the scored result of the first response, as the clinician signed it (total edited to 13)
        create_scored_result(c, patient.pid, enc, {"instrument": "PHQ-9", "admin_date": "2026-10-01",
                                                   "total": "13", "band": "moderate", "item9": "0",
                                                   "source": f"questionnaire_response:{scored}"})
        # a discarded (deleted) draft of the second does not hide the administration
        create_scored_result(c, patient.pid, enc, {"instrument": "PHQ-9", "admin_date": "2026-11-01",
                                                   "total": "99", "source": f"questionnaire_response:{raw_only}"},
                             deleted=1)
        create_native_form(c, "gad7", patient.pid, enc, patient.username,
                           {"nervous_score": "3", "control_worry_score": "3", "worry_score": "3",
                            "relax_score": "0", "restless_score": "0", "irritable_score": "0",
                            "fear_score": "0"}, dt.datetime(2026, 9, 15, 10))
    [history] = [assessments.bridge_score_history(pid=patient.pid, ctx=_ctx(conn, patient.pid))]
    assert [(s.instrument, s.total, s.band, s.date.isoformat()) for s in history] == [
        ("GAD-7", 9, "mild", "2026-09-15"),
        ("PHQ-9", 13, "moderate", "2026-10-01"),
        ("PHQ-9", 8, "mild", "2026-11-01"),
    ]
    # and a new completion reports the change since the last one
    with assessments_db.begin() as c:
        create_encounter(c, patient.pid, patient.uid, dt.datetime(2026, 11, 20, 10))
    rid = _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 5, keep={9: 0}),
                       dt.datetime(2026, 11, 26, 9))
    [draft] = _handle(_qr_event(rid, patient.pid), _ctx(conn, patient.pid)).drafts
    assert draft.fields["change_since_last"] == "-3 since 2026-11-01 (was 8, mild)"


# --- delivery ---------------------------------------------------------------------------------

def _appt_event(eid: int, pid: int) -> Event:
    return _event(EventKind.APPOINTMENT_UPCOMING, "openemr_postcalendar_events", eid, pid)


def test_upcoming_appointment_delivers_due_instruments_once(assessments_db: Engine, conn: Connection,
                                                            patient: Patient) -> None:
    with assessments_db.begin() as c:
        eid = create_appointment(c, patient.pid, patient.uid, dt.date(2026, 11, 30))
    outcome = _handle(_appt_event(eid, patient.pid), _ctx(conn, patient.pid, ("F43.10",)))
    assert [(d.instrument, d.window_key, d.title) for d in outcome.deliveries] == [
        ("PHQ-9", "PHQ-9:2026-11-30", "PHQ-9 2026-11-30"), ("PCL-5", "PCL-5:2026-11-30", "PCL-5 2026-11-30")]
    assert all(d.provider_id == patient.uid and d.appointment_id == eid for d in outcome.deliveries)
    assert outcome.deliveries[1].questionnaire["code"][0]["code"] == "101697-1"
    with assessments_db.begin() as c:
        for d in outcome.deliveries:
            write_delivery(c, d, service_user="aibridge")
    # a retried message still names the same windows (write_delivery keeps them single)
    again = _handle(_appt_event(eid, patient.pid), _ctx(conn, patient.pid, ("F43.10",)))
    assert [d.window_key for d in again.deliveries] == ["PHQ-9:2026-11-30", "PCL-5:2026-11-30"]
    # a second appointment before the patient answered is held, not piled up
    with assessments_db.begin() as c:
        later = create_appointment(c, patient.pid, patient.uid, dt.date(2026, 12, 1))
    held = _handle(_appt_event(later, patient.pid), _ctx(conn, patient.pid, ("F43.10",)))
    assert held.deliveries == [] and [a for a, _ in held.audit] == ["delivery_held", "delivery_held"]


def test_recently_scored_instrument_is_not_due(assessments_db: Engine, conn: Connection,
                                               patient: Patient) -> None:
    _portal_phq9(assessments_db, patient, answers_for_total(PHQ9, 9, keep={9: 0}), dt.datetime(2026, 11, 20, 9))
    with assessments_db.begin() as c:
        eid = create_appointment(c, patient.pid, patient.uid, dt.date(2026, 11, 30))
    with pytest.raises(SkipEvent, match="no instrument recommended and due"):
        _handle(_appt_event(eid, patient.pid), _ctx(conn, patient.pid, ("F33.1",)))
    # but the GAD-7 an anxiety diagnosis calls for is (never administered)
    outcome = _handle(_appt_event(eid, patient.pid), _ctx(conn, patient.pid, ("F33.1", "F41.1")))
    assert [d.instrument for d in outcome.deliveries] == ["GAD-7"]


@pytest.mark.parametrize(("status", "portal", "reason"), [
    ("x", True, "cancelled"), ("%", True, "cancelled"), ("-", False, "no portal access")])
def test_appointments_that_cannot_use_the_portal_are_skipped(assessments_db: Engine, conn: Connection,
                                                             status: str, portal: bool, reason: str) -> None:
    with assessments_db.begin() as c:
        uid, _ = create_clinician(c)
        pid = create_patient(c, uid, portal=portal)
        eid = create_appointment(c, pid, uid, dt.date(2026, 11, 30), status=status)
    with pytest.raises(SkipEvent, match=reason):
        _handle(_appt_event(eid, pid), _ctx(conn, pid))
