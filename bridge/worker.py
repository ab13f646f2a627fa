"""What a worker does with one task (one event for one plugin).

Load the task and its event by id, let the plugin work through the hooks, then write its
drafts, alerts and deliveries with the ledger and audit rows in ONE transaction and mark the
task done. Errors are classified: ``SkipEvent`` -> skipped; ``PermanentFailure`` -> recorded
in ``aib_failures`` at once; anything else -> retried by the queue with backoff, and recorded
when the retries are spent. Failures keep the event, so ``openemr-bridge replay`` can rerun it.
"""
from __future__ import annotations

import difflib
import logging
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from bridge.context import PracticeContext
from bridge.detect import HOST_TASK
from bridge.ehr import audit, reads, write
from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from bridge.runtime import Practice, Runtime
from hooks.errors import BridgeError, PermanentFailure, SkipEvent
from hooks.types import Event, EventKind, Outcome

log = logging.getLogger(__name__)
DONE_STATES = ("done", "skipped", "failed")


def load_event(conn: Connection, event_id: int) -> Event:
    row = conn.execute(select(aib.events).where(aib.events.c.id == event_id)).mappings().one()
    return Event(int(row["id"]), row["practice"], EventKind(row["kind"]), int(row["pid"]),
                 int(row["encounter"]) if row["encounter"] is not None else None, row["source_table"],
                 int(row["source_id"]), row["formdir"], row["user"], row["detected_at"])


def run_task(runtime: Runtime, practice_name: str, task_id: int, *, final_attempt: bool = True,
             redraft: bool = False) -> str:
    """Run one task; returns its end state. Raises to ask the queue for a retry."""
    practice = runtime.practice(practice_name)
    claimed = _claim(practice, task_id, runtime.settings.requeue_after_seconds)
    if claimed is None:
        return "already-finished"
    plugin, event_id, attempts = claimed
    try:
        with practice.engine.connect() as conn:
            event = load_event(conn, event_id)
        if plugin == HOST_TASK:
            signoff(practice, event)
            _finish(practice, task_id, "done")
            return "done"
        return _run_plugin(runtime, practice, task_id, plugin, event, redraft)
    except SkipEvent as exc:
        _finish(practice, task_id, "skipped", note=("skipped", {"plugin": plugin, "reason": safe_reason(exc)}))
        return "skipped"
    except PermanentFailure as exc:
        record_failure(practice, task_id, event_id, plugin, exc, attempts)
        return "failed"
    except Exception as exc:
        log.warning("task %s (event %s, plugin %s) attempt %s failed: %s", task_id, event_id, plugin,
                    attempts, type(exc).__name__)
        if final_attempt:
            record_failure(practice, task_id, event_id, plugin, exc, attempts)
            return "failed"
        _set_status(practice, task_id, "queued")
        raise


def _claim(practice: Practice, task_id: int, stale_after: int) -> tuple[str, int, int] | None:
    """Mark the task running; None when it is finished or another worker is on it."""
    t = aib.tasks
    with practice.engine.begin() as conn:
        row = conn.execute(select(t).where(t.c.id == task_id).with_for_update()).mappings().first()
        if row is None or row["status"] in DONE_STATES:
            return None
        if row["status"] == "running" and conn.execute(text(
                f"SELECT :u > NOW() - INTERVAL {int(stale_after)} SECOND"), {"u": row["updated_at"]}).scalar():
            return None  # a live worker holds it; the detector re-sends it if that worker dies
        conn.execute(t.update().where(t.c.id == task_id).values(
            status="running", attempts=row["attempts"] + 1, updated_at=text("NOW()")))
        return str(row["plugin"]), int(row["event_id"]), int(row["attempts"]) + 1


def _run_plugin(runtime: Runtime, practice: Practice, task_id: int, plugin: str, event: Event,
                redraft: bool) -> str:
    with practice.engine.connect() as conn:
        ctx = PracticeContext(runtime, practice, conn)
        try:
            outcome = practice.hooks.handle_event(plugin, event, ctx) or Outcome()
            chart = ctx.last_chart
            clinician_id = chart.clinician.id if chart and chart.clinician else None
            for draft in outcome.drafts:
                problems = practice.hooks.validate_draft(draft, chart) if chart else []
                ctx.audit.append(("draft_validated", {"kind": draft.kind, "ok": not problems,
                                                      "problems": len(problems)}))
                if problems:
                    raise PermanentFailure(f"{plugin} draft {draft.kind} failed validation: " + "; ".join(problems))
        except Exception:
            _keep_trail(practice, event, plugin, ctx)
            raise
        conn.rollback()
    try:
        return _write_outcome(practice, task_id, plugin, event, ctx, outcome, clinician_id, redraft)
    except Exception:
        _keep_trail(practice, event, plugin, ctx)
        raise


def _keep_trail(practice: Practice, event: Event, plugin: str, ctx: PracticeContext) -> None:
    """Model calls, validation results and disclosures happened even when the task then fails:
    record them on their own, so the audit trail and OpenEMR's disclosures stay complete."""
    if not (ctx.audit or ctx.disclosures):
        return
    chart = ctx.last_chart
    clinician_id = chart.clinician.id if chart and chart.clinician else None
    try:
        with practice.engine.begin() as w:
            audit.lock_chain(w)
            _write_trail(w, practice, event, plugin, ctx, ctx.audit, clinician_id)
    except Exception as exc:  # the task's own failure is what gets reported
        log.warning("could not record the audit trail of a failed task: %s", type(exc).__name__)


def _write_trail(w: Connection, practice: Practice, event: Event, plugin: str, ctx: PracticeContext,
                 notes: list[tuple[str, dict[str, Any]]], clinician_id: int | None) -> None:
    user = practice.settings.service_user
    for pid, recipient, description in ctx.disclosures:
        audit.record_disclosure(w, user=user, pid=pid, recipient=recipient, description=description)
    for action, detail in notes:
        document = str(detail.get("kind") or detail.get("purpose") or plugin)[:32]  # document type when known
        audit.record(w, audit.AuditEntry(practice.name, action, user, event.pid, clinician_id, document,
                                         event.source_key, detail))


def _write_outcome(practice: Practice, task_id: int, plugin: str, event: Event, ctx: PracticeContext,
                   outcome: Outcome, clinician_id: int | None, redraft: bool) -> str:
    user = practice.settings.service_user
    written = []
    with practice.engine.begin() as w:
        audit.lock_chain(w)
        for draft in outcome.drafts:
            written.append((draft, write.write_draft(w, practice.name, user, draft, redraft=redraft)))
        for alert in outcome.alerts:
            write.write_alert(w, practice.name, user, alert, event.source_key)
        for delivery in outcome.deliveries:
            _deliver(w, practice, delivery)
        _write_trail(w, practice, event, plugin, ctx, [*ctx.audit, *outcome.audit], clinician_id)
        _mark(w, task_id, "done")
    for draft, result in written:
        if result.created and result.forms_id:
            _notify(practice, lambda d=draft, r=result: practice.hooks.draft_written(d, r.forms_id, ctx))
    return "done"


def _deliver(conn: Connection, practice: Practice, delivery: Any) -> None:
    from bridge.ehr import portal  # owned with the assessments work

    key = f"delivery:{delivery.window_key}"
    if write.ledger_row(conn, practice.name, key, "delivery", lock=True):
        return
    template_id = portal.write_delivery(conn, delivery, service_user=practice.settings.service_user)
    conn.execute(aib.drafts.insert().values(
        practice=practice.name, source_key=key, kind="delivery", pid=delivery.pid, forms_id=None,
        formdir="document_templates", clinician_id=delivery.provider_id, backend="rules",
        state="delivered", drafted_at=audit.db_now(conn)))
    audit.record(conn, audit.AuditEntry(practice.name, "assessment_delivered", practice.settings.service_user,
                                        delivery.pid, delivery.provider_id, delivery.instrument, key,
                                        {"document_templates_id": template_id}))


def _notify(practice: Practice, call: Any) -> None:
    try:
        call()
    except Exception as exc:  # notifications never undo a committed write
        log.warning("a draft_written hook failed: %s", type(exc).__name__)


def _mark(conn: Connection, task_id: int, status: str) -> None:
    conn.execute(aib.tasks.update().where(aib.tasks.c.id == task_id).values(status=status, updated_at=text("NOW()")))


def _set_status(practice: Practice, task_id: int, status: str) -> None:
    with practice.engine.begin() as conn:
        _mark(conn, task_id, status)


def _finish(practice: Practice, task_id: int, status: str, note: tuple[str, dict[str, Any]] | None = None) -> None:
    with practice.engine.begin() as conn:
        _mark(conn, task_id, status)
        if note:
            audit.record(conn, audit.AuditEntry(practice.name, note[0], practice.settings.service_user,
                                                detail=note[1]), openemr_log=False)


def safe_reason(exc: BaseException) -> str:
    """A failure reason fit for the failures table: no SQL parameters, no chart text."""
    if isinstance(exc, BridgeError):
        return str(exc)[:2000]
    message = str(exc).split("[SQL:")[0].split("\n")[0].strip()
    return f"{type(exc).__name__}: {message[:300]}" if message else type(exc).__name__


def record_failure(practice: Practice, task_id: int, event_id: int, plugin: str, exc: BaseException,
                   attempts: int) -> None:
    reason = safe_reason(exc)
    with practice.engine.begin() as conn:
        audit.lock_chain(conn)
        conn.execute(aib.failures.insert().values(
            event_id=event_id, plugin=plugin, reason=reason, error_type=type(exc).__name__,
            attempts=attempts, failed_at=audit.db_now(conn)))
        _mark(conn, task_id, "failed")
        audit.record(conn, audit.AuditEntry(practice.name, "failed", practice.settings.service_user, None, None,
                                            plugin, f"event:{event_id}",
                                            {"error": type(exc).__name__, "attempts": attempts}))
    log.error("task %s (event %s, plugin %s) failed permanently: %s", task_id, event_id, plugin,
              type(exc).__name__)


# --- sign-off -------------------------------------------------------------------------------

def signoff(practice: Practice, event: Event) -> int:
    """Move drafts covered by an esign_signatures row to signed / signed_after_edit."""
    d, es = aib.drafts, oe.esign_signatures
    changed = []
    with practice.engine.begin() as conn:
        audit.lock_chain(conn)
        sig = conn.execute(select(es).where(es.c.id == event.source_id)).mappings().one()
        cover = (d.c.forms_id == sig["tid"]) if sig["table"] == "forms" else (
            (d.c.encounter == sig["tid"]) & (d.c.pid == event.pid))
        rows = conn.execute(select(d).where(d.c.practice == practice.name, d.c.state == "drafted",
                                            d.c.forms_id.is_not(None), cover).with_for_update()).mappings().all()
        for row in rows:
            current = current_text(conn, int(row["forms_id"]))
            edited = current is not None and current[0] != row["content_hash"]
            ratio = edit_permille(row["drafted_text"] or "", current[1] if current else "")
            conn.execute(d.update().where(d.c.id == row["id"]).values(
                state="signed_after_edit" if edited else "signed", signed_hash=current[0] if current else None,
                edit_ratio=ratio, signed_at=sig["datetime"], signed_by=sig["uid"]))
            audit.record(conn, audit.AuditEntry(practice.name, "draft_signed", practice.settings.service_user,
                                                int(row["pid"]), int(sig["uid"]), row["kind"],
                                                f"forms:{row['forms_id']}",
                                                {"edited": edited, "edit_permille": ratio, "esign_id": sig["id"]}))
            changed.append((row["kind"], int(row["pid"]), int(row["forms_id"]), edited))
    for kind, pid, forms_id, edited in changed:
        _notify(practice, lambda k=kind, p=pid, f=forms_id, e=edited: practice.hooks.draft_signed(k, p, f, e))
    return len(changed)


def current_text(conn: Connection, forms_id: int) -> tuple[str, str] | None:
    """(content hash, flattened text) of a form as it is now, for LBF drafts."""
    form = reads.form_row(conn, forms_id)
    if not form or not str(form["formdir"] or "").startswith("LBF"):
        return None
    values = reads.lbf_values(conn, int(form["form_id"]))
    return write.content_hash(values), write.flatten(values)


def edit_permille(before: str, after: str) -> int:
    if not before and not after:
        return 0
    return round(1000 * (1 - difflib.SequenceMatcher(None, before, after, autojunk=False).ratio()))
