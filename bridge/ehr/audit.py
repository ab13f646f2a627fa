"""Audit: the bridge's hash-chained trail (``aib_audit``) and OpenEMR's own log.

Every AI action appends one ``aib_audit`` row whose hash covers the previous row's hash, and
one OpenEMR ``log`` row plus its ``log_comment_encrypt`` row (base64 comments, SHA3-512
checksum, version 4) so it shows in OpenEMR's log viewer as event ``ai-bridge-<action>``,
category "AI Draft". Text that leaves the clinic also gets an ``extended_log`` disclosure row.
Nothing here holds chart text: details are ids, counts, categories and backend names.

Actions, by where they are recorded: ``event_detected`` (detector); ``redacted`` (span counts
by category and layer), ``model_called`` (endpoint, model, local/external, host, sent or not,
characters sent, reason), ``answer_received``, ``fallback`` / ``llm_draft`` (notes plugin),
``draft_validated``, ``draft_written`` / ``draft_rewritten``, ``alert_raised``,
``assessment_scored`` / ``assessment_delivered``, ``skipped``, ``failed`` (worker; the model
and validation notes of a task that then fails are kept); ``draft_signed`` (sign-off task);
``draft_discarded`` (detector); ``installed``. The chain is the complete record; the OpenEMR
log mirrors every action a compliance officer reviews per patient. Decision: ``event_detected``
is mirrored too (the bridge read that patient's form to act on it); only host bookkeeping
without a patient (``skipped`` with no pid) stays chain-only.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from bridge.ehr import schema as oe
from bridge.ehr import tables as aib

GENESIS = "0" * 64
EVENT_NAME = "ai-bridge"
CATEGORY = "AI Draft"
HEAD_SOURCE = "audit_head"


@dataclass(frozen=True)
class AuditEntry:
    practice: str
    action: str
    actor: str
    pid: int | None = None
    clinician_id: int | None = None
    document: str | None = None
    ref: str | None = None
    detail: dict[str, Any] | None = None


def new_id(result: Any) -> int:
    """The primary key an INSERT produced."""
    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise RuntimeError("the INSERT produced no primary key")
    return int(key[0])


def db_now(conn: Connection) -> dt.datetime:
    """NOW() in the session time zone (OpenEMR's local time), to the second; read once per
    transaction, so every row a transaction writes carries the same time."""
    txn = conn.get_transaction()
    cached = conn.info.get("aib_now")
    if txn is not None and cached is not None and cached[0] is txn:
        return cached[1]
    value = conn.execute(text("SELECT NOW()")).scalar_one()
    now = value.replace(microsecond=0) if isinstance(value, dt.datetime) else dt.datetime.now()
    if txn is not None:
        conn.info["aib_now"] = (txn, now)
    return now


def record(conn: Connection, entry: AuditEntry, *, openemr_log: bool = True) -> int:
    """Append ``entry`` to the chain (and OpenEMR's log) inside the caller's transaction."""
    now = db_now(conn)
    chain_id = _append_chain(conn, entry, now)
    if openemr_log:
        write_openemr_log(conn, entry, now)
    return chain_id


def lock_chain(conn: Connection) -> int | None:
    """Lock the chain head for this transaction and return it.

    Write transactions call this first, so every writer takes the same lock in the same
    order (no deadlocks between a draft write and another worker's audit append).
    """
    value = conn.execute(select(aib.cursors.c.high_water).where(
        aib.cursors.c.practice == "*", aib.cursors.c.source == HEAD_SOURCE).with_for_update()).scalar_one_or_none()
    return None if value is None else int(value)


def _append_chain(conn: Connection, entry: AuditEntry, now: dt.datetime) -> int:
    head = lock_chain(conn)
    prev = GENESIS
    if head:
        # a locking read: a plain one would use this transaction's older snapshot and miss
        # the row another worker committed while this one waited for the head lock
        prev = conn.execute(select(aib.audit.c.hash).where(aib.audit.c.id == head).with_for_update()
                            ).scalar_one_or_none() or GENESIS
    row = {
        "at": now, "practice": entry.practice, "action": entry.action, "actor": entry.actor,
        "clinician_id": entry.clinician_id, "pid": entry.pid, "document": entry.document,
        "ref": entry.ref, "detail": entry.detail or {}, "prev_hash": prev,
    }
    row_id = new_id(conn.execute(aib.audit.insert().values(**row, hash="pending")))
    conn.execute(aib.audit.update().where(aib.audit.c.id == row_id).values(hash=chain_hash(row_id, row)))
    values = {"high_water": row_id, "updated_at": now}
    if head is None:
        conn.execute(aib.cursors.insert().values(practice="*", source=HEAD_SOURCE, **values))
    else:
        conn.execute(aib.cursors.update().where(
            aib.cursors.c.practice == "*", aib.cursors.c.source == HEAD_SOURCE).values(**values))
    return row_id


def chain_hash(row_id: int, row: dict[str, Any]) -> str:
    at = row["at"].strftime("%Y-%m-%d %H:%M:%S") if isinstance(row["at"], dt.datetime) else str(row["at"])
    parts = [str(row_id), at, row["practice"], row["action"], row["actor"],
             _s(row["clinician_id"]), _s(row["pid"]), _s(row["document"]), _s(row["ref"]),
             json.dumps(row["detail"] or {}, sort_keys=True, separators=(",", ":")), row["prev_hash"]]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def write_openemr_log(conn: Connection, entry: AuditEntry, now: dt.datetime) -> int:
    """One ``log`` row and its ``log_comment_encrypt`` row, as LogTablesSink writes them."""
    comments = base64.b64encode(describe(entry).encode("utf-8")).decode("ascii")
    row = {
        "date": now, "event": f"{EVENT_NAME}-{entry.action}", "category": CATEGORY,
        "user": entry.actor, "groupname": "Default", "comments": comments, "user_notes": "",
        "patient_id": entry.pid, "success": 1, "crt_user": "", "log_from": "open-emr",
        "menu_item_id": None, "ccda_doc_id": None,
    }
    log_id = new_id(conn.execute(oe.log.insert().values(**row)))
    conn.execute(oe.log_comment_encrypt.insert().values(
        log_id=log_id, encrypt="No", checksum=openemr_checksum(row), checksum_api="", version=4))
    return log_id


def openemr_checksum(row: dict[str, Any]) -> str:
    """SHA3-512 over the log fields in OpenEMR's order, NULL as '' (EventAuditLogger)."""
    order = ("date", "event", "category", "user", "groupname", "comments", "user_notes",
             "patient_id", "success", "crt_user", "log_from", "menu_item_id", "ccda_doc_id")
    values = []
    for key in order:
        value = row.get(key)
        if isinstance(value, dt.datetime):
            value = value.strftime("%Y-%m-%d %H:%M:%S")
        values.append("" if value is None else str(value))
    return hashlib.sha3_512("".join(values).encode("utf-8")).hexdigest()


def describe(entry: AuditEntry) -> str:
    """The readable comment shown in OpenEMR's log viewer: ids and counts only."""
    bits = [f"AI bridge {entry.action.replace('_', ' ')}"]
    if entry.clinician_id:
        bits.append(f"clinician_id={entry.clinician_id}")
    if entry.document:
        bits.append(f"document={entry.document}")
    if entry.ref:
        bits.append(f"ref={entry.ref}")
    for key, value in sorted((entry.detail or {}).items()):
        bits.append(f"{key}={value}")
    return "; ".join(bits)


def record_disclosure(conn: Connection, *, user: str, pid: int, recipient: str, description: str) -> None:
    """An ``extended_log`` disclosure row: text about this patient left the clinic."""
    conn.execute(oe.extended_log.insert().values(
        date=db_now(conn), event="disclosure-healthcareoperations", user=user,
        recipient=recipient[:255], description=description, patient_id=pid))


@dataclass(frozen=True)
class ChainProblem:
    row_id: int
    problem: str


def verify(conn: Connection) -> list[ChainProblem]:
    """Recompute the chain; report edited, inserted, reordered or deleted rows."""
    problems: list[ChainProblem] = []
    prev, last_id = GENESIS, 0
    for row in conn.execute(select(aib.audit).order_by(aib.audit.c.id)).mappings():
        data = dict(row)
        if data["prev_hash"] != prev:
            problems.append(ChainProblem(data["id"], "does not follow the previous row (a row before it was deleted, inserted or edited)"))
        if chain_hash(data["id"], data) != data["hash"]:
            problems.append(ChainProblem(data["id"], "content does not match its hash (edited)"))
        prev, last_id = data["hash"], data["id"]
    head = conn.execute(select(aib.cursors.c.high_water).where(
        aib.cursors.c.practice == "*", aib.cursors.c.source == HEAD_SOURCE)).scalar_one_or_none()
    if (head or 0) != last_id:
        problems.append(ChainProblem(int(head or 0), f"chain head records row {head} but the last row is {last_id} (rows deleted at the end, or appended outside the bridge)"))
    return problems
