"""End to end against real MariaDB, real Redis and real Dramatiq worker processes.

A saved Session Input becomes exactly one unsigned progress-note draft, whatever happens in
between: a worker killed mid-task, a message delivered twice, Redis down, two detectors.
"""
from __future__ import annotations

import base64
import signal
import time

import pytest
from sqlalchemy import text

from bridge.devdb import submit_session_form
from tests.bridge.processes import PrivateRedis, stop, wait_until
from tests.conftest import SESSION_VALUES, make_clinic, write_config

pytestmark = pytest.mark.slow


def note_rows(engine, forms_id: int) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(
            "SELECT d.state, f.id, f.deleted, f.therapy_group_id, f.user, f.formdir, f.form_id, f.encounter "
            "FROM aib_drafts d JOIN forms f ON f.id = d.forms_id "
            "WHERE d.source_key = :k AND d.kind = 'progress_note'"), {"k": f"forms:{forms_id}"}).mappings()]


def drafted(engine, forms_ids: list[int]) -> bool:
    return all(len(note_rows(engine, f)) == 1 for f in forms_ids)


def redis_contents(url: str) -> str:
    """Every string, list and hash value in the Redis database, as text."""
    import redis

    client = redis.Redis.from_url(url)
    out = []
    for key in client.scan_iter():
        kind = client.type(key)
        if kind == b"string":
            out.append(client.get(key) or b"")
        elif kind == b"list":
            out.extend(client.lrange(key, 0, -1))
        elif kind == b"hash":
            out.extend(client.hvals(key))
    return b"\n".join(out).decode("utf-8", errors="replace")


def scalar(engine, sql: str) -> object:
    """A fresh connection per read: a held one would keep its REPEATABLE READ snapshot."""
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def tasks_settled(engine) -> bool:
    return scalar(engine, "SELECT COUNT(*) FROM aib_tasks WHERE status NOT IN ('done','skipped','failed')") == 0


def test_saved_session_input_becomes_one_unsigned_draft_with_audit(fresh_practice_db, procs, tmp_path):
    db = fresh_practice_db
    clinic = make_clinic(db.engine)
    procs("worker", db.config)
    procs("detector", db.config)
    # When a clinician saves the Session Input in the encounter
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)
    wait_until(lambda: drafted(db.engine, [forms_id]), 90, what="the progress note draft")
    [row] = note_rows(db.engine, forms_id)
    # Then one unsigned note sits in that encounter, as the encounter view reads forms
    assert row["state"] == "drafted" and row["deleted"] == 0 and row["therapy_group_id"] is None
    assert row["encounter"] == clinic.encounter and row["user"] == "aibridge"
    with db.engine.connect() as conn:
        values = dict(conn.execute(text("SELECT field_id, field_value FROM lbf_data WHERE form_id = :f"),
                                   {"f": row["form_id"]}).all())
        signatures = conn.execute(text("SELECT COUNT(*) FROM esign_signatures WHERE `table`='forms' AND tid=:t"),
                                  {"t": row["id"]}).scalar()
        log_rows = conn.execute(text(
            "SELECT l.event, l.comments FROM log_comment_encrypt el LEFT JOIN log l ON el.log_id = l.id "
            "WHERE l.patient_id = :p AND l.event LIKE 'ai-bridge-%'"), {"p": clinic.pid}).all()
    assert signatures == 0
    text_of_note = " ".join(values.values())
    assert "automatic thoughts" in text_of_note  # built from the clinician's input, not a placeholder
    assert any(event == "ai-bridge-draft_written" and f"forms_id={row['id']}" in base64.b64decode(c).decode()
               for event, c in log_rows)
    # and the processes' logs name ids, never the patient or what the clinician wrote
    with db.engine.connect() as conn:
        lname, phone = conn.execute(text("SELECT lname, phone_cell FROM patient_data WHERE pid = :p"),
                                    {"p": clinic.pid}).one()
    logs = "".join(p.read_text(errors="replace") for p in tmp_path.glob("*.log"))
    assert "task" in logs or "event" in logs  # the logs were written
    for secret in (lname, phone, "automatic thoughts", "Schedule three pleasant"):
        assert secret not in logs


def test_worker_killed_mid_task_gives_exactly_one_draft(fresh_practice_db, procs):
    db = fresh_practice_db
    clinic = make_clinic(db.engine)
    procs("detector", db.config)
    forms = [submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                                 {**SESSION_VALUES, "focus": f"Session topic number {i}"}) for i in range(12)]
    worker = procs("worker", db.config)

    def running() -> bool:
        return bool(scalar(db.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status = 'running'"))

    wait_until(running, 60, every=0.02, what="a task in progress")
    # When the worker is killed with SIGKILL while a task runs
    stop(worker, signal.SIGKILL)
    procs("worker", db.config)
    # Then every session ends with exactly one draft, and nothing is left hanging
    wait_until(lambda: drafted(db.engine, forms) and tasks_settled(db.engine), 120, what="all drafts after restart")
    assert all(len(note_rows(db.engine, f)) == 1 for f in forms)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM forms WHERE encounter = :e AND user = 'aibridge' "
                                 "AND formdir LIKE 'LBFaib%' AND formdir <> 'LBFaibtp'"),
                            {"e": clinic.encounter}).scalar() == len(forms)


def test_same_message_delivered_twice_gives_one_draft(fresh_practice_db, procs):
    from bridge.queue import declare, make_broker

    db = fresh_practice_db
    clinic = make_clinic(db.engine)
    procs("detector", db.config)
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)
    wait_until(lambda: scalar(db.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status='queued'"), 30,
               what="the task to be queued")
    with db.engine.connect() as conn:
        task_ids = [r[0] for r in conn.execute(text("SELECT id FROM aib_tasks"))]
    actor = declare(make_broker(db.settings), db.settings)
    for task_id in task_ids:  # the same message again, as at-least-once delivery may do
        actor.send("test", task_id)
        actor.send("test", task_id)
    # what waits in Redis is ids only: no name, no session text
    queued = redis_contents(db.settings.redis_url)
    assert f'"args":["test",{task_ids[0]}]' in queued.replace(" ", "")
    with db.engine.connect() as conn:
        lname = conn.execute(text("SELECT lname FROM patient_data WHERE pid = :p"), {"p": clinic.pid}).scalar()
    assert lname not in queued and "automatic thoughts" not in queued
    procs("worker", db.config)
    wait_until(lambda: drafted(db.engine, [forms_id]) and tasks_settled(db.engine), 60, what="the draft")
    time.sleep(1.5)  # let the duplicate messages drain
    assert len(note_rows(db.engine, forms_id)) == 1


def test_events_wait_in_the_outbox_while_redis_is_down(fresh_practice_db, procs, tmp_path):
    db = fresh_practice_db
    redis = PrivateRedis()
    redis.start()
    config = write_config(tmp_path / "own-redis", db.name, redis_url=redis.url)
    try:
        clinic = make_clinic(db.engine)
        procs("worker", config)
        procs("detector", config)
        # Given Redis is stopped
        redis.stop()
        forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                       clinic.clinician_id, SESSION_VALUES)
        # Then the event is recorded and waits in the outbox
        wait_until(lambda: scalar(db.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status='pending'"),
                   30, what="the pending task in the outbox")
        assert note_rows(db.engine, forms_id) == []
        # When Redis returns, the work is delivered
        redis.start()
        wait_until(lambda: drafted(db.engine, [forms_id]), 90, what="the draft after Redis returned")
    finally:
        redis.stop() if redis.ping() else None


def test_two_detectors_on_one_practice_give_one_draft(fresh_practice_db, procs):
    db = fresh_practice_db
    clinic = make_clinic(db.engine)
    procs("detector", db.config)
    procs("detector", db.config)
    procs("worker", db.config)
    forms = [submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician, clinic.clinician_id,
                                 SESSION_VALUES) for _ in range(4)]
    wait_until(lambda: drafted(db.engine, forms) and tasks_settled(db.engine), 90, what="the drafts")
    with db.engine.connect() as conn:
        events = conn.execute(text("SELECT COUNT(*) FROM aib_events WHERE source_table='forms'")).scalar()
    assert events == len(forms)
    assert all(len(note_rows(db.engine, f)) == 1 for f in forms)
