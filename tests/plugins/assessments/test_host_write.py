"""Through the host's real write path (bridge.ehr.write, the ledger): one result, one alert.

Uses the lead's ``practice_db`` fixture (OpenEMR schema with the bridge installed).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text

import plugins.assessments as assessments
from bridge.ehr import write
from hooks.types import Chart, Event, EventKind
from plugins.assessments.instruments import get
from tests.plugins.assessments.conftest import create_response
from tests.plugins.assessments.helpers import answers_for_total, response_for
from tests.support import StaticContext

PHQ9 = get("PHQ-9")


def test_portal_completion_written_twice_is_one_draft_and_one_alert(practice_db, clinic) -> None:  # type: ignore[no-untyped-def]
    # Given a completed portal PHQ-9 with item 9 = 2 and a minimal total
    with practice_db.engine.begin() as conn:
        rid = create_response(conn, clinic.pid, "PHQ-9", response_for(PHQ9, answers_for_total(PHQ9, 3, keep={9: 2})),
                              when=dt.datetime.now())
    event = Event(id=1, practice="test", kind=EventKind.QUESTIONNAIRE_COMPLETED, pid=clinic.pid, encounter=None,
                  source_table="questionnaire_response", source_id=rid)
    # When the worker handles the event twice (at-least-once delivery) and writes each outcome
    for _ in range(2):
        with practice_db.engine.connect() as conn:
            ctx = StaticContext(Chart("test", clinic.pid, None, None, None, {}), db=conn)
            outcome = assessments.bridge_handle_event(event=event, ctx=ctx)
        with practice_db.engine.begin() as conn:
            for draft in outcome.drafts:
                write.write_draft(conn, "test", "aibridge", draft)
            for alert in outcome.alerts:
                write.write_alert(conn, "test", "aibridge", alert, event.source_key)
    # Then one unsigned scored result sits in the encounter, and one inbox message went out
    with practice_db.engine.connect() as conn:
        forms = conn.execute(text("SELECT form_id, encounter, user FROM forms WHERE pid = :p AND formdir = "
                                  "'LBFaibscore' AND deleted = 0"), {"p": clinic.pid}).all()
        notes = conn.execute(text("SELECT assigned_to, title FROM pnotes WHERE pid = :p"), {"p": clinic.pid}).all()
        [(form_id, encounter, user)] = forms
        fields = dict(conn.execute(text("SELECT field_id, field_value FROM lbf_data WHERE form_id = :f"),
                                   {"f": form_id}).all())
    assert (encounter, user) == (clinic.encounter, "aibridge")
    assert (fields["total"], fields["band"], fields["item9"]) == ("3", "minimal", "2")
    assert notes == [(clinic.clinician, "PHQ-9 item 9 positive")]
    # And the score history reads the written result back, once
    with practice_db.engine.connect() as conn:
        ctx = StaticContext(Chart("test", clinic.pid, None, None, None, {}), db=conn)
        history = assessments.bridge_score_history(pid=clinic.pid, ctx=ctx)
    assert [(s.instrument, s.total, s.source) for s in history] == [("PHQ-9", 3, f"questionnaire_response:{rid}")]
