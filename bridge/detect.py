"""Event detection: poll OpenEMR's monotonic ids into the ``aib_events`` outbox.

For each practice one detector (``openemr-bridge detect``) holds a MySQL ``GET_LOCK``; a
second one stands by. Each tick reads rows above the persisted high-water marks, re-scanning
a window below them (InnoDB ids can commit out of order), skips LBF ``forms`` rows younger
than the debounce (the ``forms`` row lands before its field rows), and writes events, one
task per accepting plugin, and the advanced cursor in ONE transaction. The dispatcher then
enqueues pending tasks; if Redis is down they stay pending in the outbox and go out when it
returns. Messages carry the practice name and the task id, never chart text.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, text
from sqlalchemy.engine import Connection, Engine

from bridge.ehr import audit
from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from bridge.ehr.version import present_tables
from bridge.plugins import Hooks
from hooks.types import Event, EventKind

log = logging.getLogger(__name__)
HOST_TASK = "_host"  # sign-off bookkeeping done by the host itself


@dataclass(frozen=True)
class DetectorConfig:
    practice: str
    service_user: str
    rescan_window: int = 50
    debounce_seconds: float = 1.0
    appointment_lead_days: int = 3
    requeue_after_seconds: int = 300
    batch: int = 500


@dataclass
class Candidate:
    kind: EventKind
    source_table: str
    source_id: int
    pid: int
    encounter: int | None = None
    formdir: str | None = None
    user: str | None = None


def lock_name(conn: Connection, practice: str) -> str:
    database = conn.execute(text("SELECT DATABASE()")).scalar_one()
    return f"aib_detect:{database}:{practice}"[:64]


def try_lock(conn: Connection, practice: str) -> bool:
    """Take the per-practice detector lock on this (long-lived) connection, without waiting."""
    return bool(conn.execute(text("SELECT GET_LOCK(:n, 0)"), {"n": lock_name(conn, practice)}).scalar())


# --- sources ---------------------------------------------------------------------------

def _cursor(conn: Connection, practice: str, source: str) -> int:
    value = conn.execute(select(aib.cursors.c.high_water).where(
        aib.cursors.c.practice == practice, aib.cursors.c.source == source).with_for_update()).scalar_one_or_none()
    return int(value or 0)


def _set_cursor(conn: Connection, practice: str, source: str, value: int, now: dt.datetime) -> None:
    conn.execute(text(
        "INSERT INTO aib_cursors (practice, source, high_water, updated_at) VALUES (:p, :s, :v, :t) "
        "ON DUPLICATE KEY UPDATE high_water = GREATEST(high_water, VALUES(high_water)), updated_at = VALUES(updated_at)"),
        {"p": practice, "s": source, "v": value, "t": now})


def scan_forms(conn: Connection, cfg: DetectorConfig, hwm: int) -> tuple[list[Candidate], int]:
    f = oe.forms
    # forms.date has whole seconds: + 1 s guarantees at least the debounce after the save
    hold = float(cfg.debounce_seconds) + 1.0 if cfg.debounce_seconds > 0 else 0.0
    rows = conn.execute(select(
        f.c.id, f.c.pid, f.c.encounter, f.c.formdir, f.c.user, f.c.deleted, f.c.therapy_group_id,
        (f.c.date > text(f"NOW() - INTERVAL {hold} SECOND")).label("young"),
    ).where(f.c.id > max(0, hwm - cfg.rescan_window)).order_by(f.c.id).limit(cfg.batch)).mappings().all()
    found, new_hwm = [], hwm
    for row in rows:
        if row["young"] and str(row["formdir"] or "").startswith("LBF"):
            break  # debounce: its field rows may not be there yet; stop the cursor here
        new_hwm = max(new_hwm, int(row["id"]))
        if row["deleted"] or row["therapy_group_id"] is not None or row["user"] == cfg.service_user:
            continue
        if row["formdir"] == "newpatient":
            continue
        found.append(Candidate(EventKind.FORM_SAVED, "forms", int(row["id"]), int(row["pid"] or 0),
                               int(row["encounter"] or 0), str(row["formdir"] or ""), row["user"]))
    return found, new_hwm


def scan_signatures(conn: Connection, cfg: DetectorConfig, hwm: int) -> tuple[list[Candidate], int]:
    es, f = oe.esign_signatures, oe.forms
    rows = conn.execute(select(es.c.id, es.c.tid, es.c.table).where(
        es.c.id > max(0, hwm - cfg.rescan_window)).order_by(es.c.id).limit(cfg.batch)).mappings().all()
    found, new_hwm = [], hwm
    for row in rows:
        new_hwm = max(new_hwm, int(row["id"]))
        if row["table"] == "forms":
            target = conn.execute(select(f.c.pid, f.c.encounter, f.c.formdir).where(f.c.id == row["tid"])).first()
        else:
            target = conn.execute(select(f.c.pid, f.c.encounter, text("''")).where(
                f.c.encounter == row["tid"]).limit(1)).first()
        if target is None:
            continue
        found.append(Candidate(EventKind.FORM_SIGNED, "esign_signatures", int(row["id"]),
                               int(target[0] or 0), int(target[1] or 0), str(target[2] or "") or None))
    return found, new_hwm


def scan_questionnaires(conn: Connection, cfg: DetectorConfig, hwm: int) -> tuple[list[Candidate], int]:
    q = oe.questionnaire_response
    rows = conn.execute(select(q.c.id, q.c.patient_id, q.c.status).where(
        q.c.id > max(0, hwm - cfg.rescan_window)).order_by(q.c.id).limit(cfg.batch)).mappings().all()
    found, new_hwm, pinned = [], hwm, False
    for row in rows:
        if row["status"] != "completed":
            pinned = True  # in progress: the cursor waits here so it is seen once completed
            continue
        if not pinned:
            new_hwm = max(new_hwm, int(row["id"]))
        found.append(Candidate(EventKind.QUESTIONNAIRE_COMPLETED, "questionnaire_response",
                               int(row["id"]), int(row["patient_id"] or 0), None))
    return found, new_hwm


def scan_diagnoses(conn: Connection, cfg: DetectorConfig, hwm: int) -> tuple[list[Candidate], int]:
    li = oe.lists
    rows = conn.execute(select(li.c.id, li.c.pid, li.c.type, li.c.diagnosis).where(
        li.c.id > max(0, hwm - cfg.rescan_window)).order_by(li.c.id).limit(cfg.batch)).mappings().all()
    found, new_hwm = [], hwm
    for row in rows:
        new_hwm = max(new_hwm, int(row["id"]))
        if row["type"] == "medical_problem" and "ICD10:" in (row["diagnosis"] or ""):
            found.append(Candidate(EventKind.DIAGNOSIS_ADDED, "lists", int(row["id"]), int(row["pid"] or 0)))
    return found, new_hwm


def scan_appointments(conn: Connection, cfg: DetectorConfig, _hwm: int) -> tuple[list[Candidate], int]:
    """Appointments from today to the lead time; the outbox's unique key makes each one once."""
    ev = oe.openemr_postcalendar_events
    today = conn.execute(text("SELECT CURDATE()")).scalar_one()
    rows = conn.execute(select(ev.c.pc_eid, ev.c.pc_pid, ev.c.pc_aid).where(
        ev.c.pc_eventDate >= today, ev.c.pc_eventDate <= today + dt.timedelta(days=cfg.appointment_lead_days),
        ev.c.pc_pid.not_in(("", "0")), or_(ev.c.pc_apptstatus.is_(None), ev.c.pc_apptstatus.not_in(("x", "%", "?"))),
    ).limit(cfg.batch)).all()
    found = [Candidate(EventKind.APPOINTMENT_UPCOMING, "openemr_postcalendar_events", int(eid), int(pid),
                       user=str(aid or "")) for eid, pid, aid in rows if str(pid).isdigit()]
    return found, 0


Scan = Callable[[Connection, DetectorConfig, int], tuple[list[Candidate], int]]
# (cursor name, the OpenEMR table it reads, scanner); a release without the table skips it
SOURCES: tuple[tuple[str, str, Scan], ...] = (
    ("forms", "forms", scan_forms),
    ("esign_signatures", "esign_signatures", scan_signatures),
    ("questionnaire_response", "questionnaire_response", scan_questionnaires),
    ("lists", "lists", scan_diagnoses),
    ("appointments", "openemr_postcalendar_events", scan_appointments),
)



# --- one tick -----------------------------------------------------------------------------

def detect_once(engine: Engine, hooks: Hooks, cfg: DetectorConfig) -> int:
    """Scan every source; write new events, their tasks and the cursors in one transaction."""
    created = 0
    with engine.begin() as conn:
        audit.lock_chain(conn)
        now = audit.db_now(conn)
        tables = present_tables(conn)
        for source, table, scan in SOURCES:
            if table not in tables:
                continue  # e.g. questionnaire_response before OpenEMR 7.0.1
            hwm = _cursor(conn, cfg.practice, source)
            candidates, new_hwm = scan(conn, cfg, hwm)
            for cand in candidates:
                created += _record(conn, hooks, cfg, cand, now)
            if new_hwm > hwm:
                _set_cursor(conn, cfg.practice, source, new_hwm, now)
        mark_discarded(conn, cfg, now)
    return created


def _record(conn: Connection, hooks: Hooks, cfg: DetectorConfig, cand: Candidate, now: dt.datetime) -> int:
    e = aib.events
    exists = conn.execute(select(e.c.id).where(
        e.c.practice == cfg.practice, e.c.kind == cand.kind.value, e.c.source_table == cand.source_table,
        e.c.source_id == cand.source_id)).first()
    if exists:
        return 0
    probe = Event(0, cfg.practice, cand.kind, cand.pid, cand.encounter, cand.source_table,
                  cand.source_id, cand.formdir, cand.user, now)
    plugins = hooks.accepting_plugins(probe)
    if cand.kind is EventKind.FORM_SIGNED:
        plugins.append(HOST_TASK)
    if not plugins:
        return 0
    event_id = audit.new_id(conn.execute(e.insert().values(
        practice=cfg.practice, kind=cand.kind.value, source_table=cand.source_table,
        source_id=cand.source_id, pid=cand.pid, encounter=cand.encounter, formdir=cand.formdir,
        user=cand.user, status="new", detected_at=now)))
    conn.execute(aib.tasks.insert(), [
        {"event_id": event_id, "plugin": p, "status": "pending", "attempts": 0, "updated_at": now}
        for p in plugins])
    audit.record(conn, audit.AuditEntry(cfg.practice, "event_detected", cfg.service_user, cand.pid,
                                        None, cand.kind.value, f"{cand.source_table}:{cand.source_id}",
                                        {"event_id": event_id, "plugins": ",".join(plugins)}))
    return 1


def mark_discarded(conn: Connection, cfg: DetectorConfig, now: dt.datetime) -> int:
    """Drafts whose OpenEMR form a clinician deleted become 'discarded' in the ledger."""
    d, f = aib.drafts, oe.forms
    rows = conn.execute(select(d.c.id, d.c.pid, d.c.kind, d.c.forms_id).select_from(
        d.join(f, f.c.id == d.c.forms_id)).where(
        d.c.practice == cfg.practice, d.c.state == "drafted", f.c.deleted == 1)).all()
    for ledger_id, pid, kind, forms_id in rows:
        conn.execute(d.update().where(d.c.id == ledger_id).values(state="discarded", signed_at=now))
        audit.record(conn, audit.AuditEntry(cfg.practice, "draft_discarded", cfg.service_user, int(pid),
                                            None, kind, f"forms:{forms_id}", {"forms_id": forms_id}))
    return len(rows)


# --- dispatch -----------------------------------------------------------------------------

def dispatch(engine: Engine, cfg: DetectorConfig, send: Callable[[str, int], None]) -> int:
    """Enqueue pending tasks (and re-enqueue ones stuck past ``requeue_after_seconds``)."""
    t = aib.tasks
    with engine.connect() as conn:
        stale = text(f"NOW() - INTERVAL {int(cfg.requeue_after_seconds)} SECOND")
        rows = conn.execute(select(t.c.id).select_from(t.join(aib.events, aib.events.c.id == t.c.event_id)).where(
            aib.events.c.practice == cfg.practice,
            or_(t.c.status == "pending",
                and_(t.c.status.in_(("queued", "running")), t.c.updated_at < stale)),
        ).order_by(t.c.id).limit(cfg.batch)).scalars().all()
    sent = 0
    for task_id in rows:
        try:
            send(cfg.practice, int(task_id))
        except Exception as exc:  # broker down: the task stays pending in the outbox
            log.warning("could not enqueue task %s (%s); it stays in the outbox and is retried",
                        task_id, type(exc).__name__)
            break
        with engine.begin() as conn:
            conn.execute(t.update().where(t.c.id == task_id, t.c.status.in_(("pending", "queued", "running")))
                         .values(status="queued", queued_at=text("NOW()"), updated_at=text("NOW()")))
        sent += 1
    return sent
