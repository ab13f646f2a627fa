"""The one write path into OpenEMR.

A draft's data rows, its ``forms`` row and its ``aib_drafts`` ledger row commit in one
transaction, with the audit rows. The ledger is unique per (practice, source, kind), so a
message delivered twice, or two workers racing, yield one draft. Before writing or
re-writing anything: the encounter must exist, and neither the form nor its encounter may
have an ``esign_signatures`` row (OpenEMR's lock is cosmetic; the bridge refuses).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from bridge.ehr import audit
from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from hooks.errors import PermanentFailure, SignedTargetError
from hooks.types import Alert, Draft

SEQUENCE_FORMS = frozenset({"soap"})  # ids drawn from `sequences` (ORDataObject)
MAX_FIELD_CHARS = 60_000


@dataclass(frozen=True)
class Written:
    ledger_id: int
    forms_id: int | None
    created: bool  # False when the ledger already had it (duplicate delivery)


def content_hash(fields: dict[str, str]) -> str:
    """Hash of a form's content, independent of field order and empty values."""
    digest = hashlib.sha256()
    for key in sorted(k for k, v in fields.items() if v not in (None, "")):
        digest.update(f"{key}\x1f{fields[key]}\x1e".encode())
    return digest.hexdigest()


def flatten(fields: dict[str, str]) -> str:
    """The form's text in field order, for measuring how much a clinician edited."""
    return "\n".join(f"{k}: {fields[k]}" for k in sorted(fields) if fields[k] not in (None, ""))


def ledger_row(conn: Connection, practice: str, source_key: str, kind: str, *, lock: bool = False) -> dict | None:
    query = select(aib.drafts).where(
        aib.drafts.c.practice == practice, aib.drafts.c.source_key == source_key,
        aib.drafts.c.kind == kind)
    row = conn.execute(query.with_for_update() if lock else query).mappings().first()
    return dict(row) if row else None


def require_encounter(conn: Connection, pid: int, encounter: int) -> dt.datetime | None:
    """The encounter's date; a clear permanent failure when the encounter does not exist."""
    found = conn.execute(select(oe.form_encounter.c.id, oe.form_encounter.c.date).where(
        oe.form_encounter.c.pid == pid, oe.form_encounter.c.encounter == encounter)).first()
    if not found:
        raise PermanentFailure(
            f"encounter {encounter} of patient {pid} does not exist in form_encounter; "
            "the source form points at a deleted or wrong encounter: fix it in OpenEMR, then replay")
    date = found[1]
    return date if isinstance(date, dt.datetime) else None


def signature_on(conn: Connection, *, forms_id: int | None, encounter: int | None) -> int | None:
    """Id of an esign_signatures row on the form or its encounter, if any."""
    es = oe.esign_signatures
    clauses = []
    if forms_id is not None:
        clauses.append((es.c.table == "forms") & (es.c.tid == forms_id))
    if encounter is not None:
        clauses.append((es.c.table == "form_encounter") & (es.c.tid == encounter))
    if not clauses:
        return None
    cond = clauses[0] if len(clauses) == 1 else clauses[0] | clauses[1]
    return conn.execute(select(es.c.id).where(cond).limit(1)).scalar_one_or_none()


def write_draft(conn: Connection, practice: str, service_user: str, draft: Draft, *,
                redraft: bool = False) -> Written:
    """Write ``draft`` as an unsigned form (or update the unsigned one already written)."""
    existing = ledger_row(conn, practice, draft.source_key, draft.kind, lock=True)
    if existing and not (redraft and existing["forms_id"]):
        return Written(existing["id"], existing["forms_id"], created=False)
    encounter_date = require_encounter(conn, draft.pid, draft.encounter)
    fields = {k: _clean(v) for k, v in draft.fields.items()}
    if existing:
        return _rewrite(conn, practice, service_user, draft, fields, existing)
    signed = signature_on(conn, forms_id=None, encounter=draft.encounter)
    if signed:
        raise SignedTargetError(
            f"encounter {draft.encounter} is e-signed (esign_signatures.id {signed}); the bridge "
            "never adds drafts to a signed encounter. Create a new encounter, then replay")
    forms_id = _insert_form(conn, service_user, draft, fields)
    ledger_id = audit.new_id(conn.execute(aib.drafts.insert().values(
        practice=practice, source_key=draft.source_key, kind=draft.kind, pid=draft.pid,
        encounter=draft.encounter, forms_id=forms_id, formdir=draft.formdir,
        clinician_id=draft.clinician_id, backend=draft.backend, state="drafted",
        content_hash=content_hash(fields), drafted_text=flatten(fields), drafted_at=audit.db_now(conn),
        session_end=_session_end(draft, encounter_date),
    )))
    _audit_draft(conn, practice, service_user, draft, forms_id, "draft_written")
    return Written(ledger_id, forms_id, created=True)


def _rewrite(conn: Connection, practice: str, service_user: str, draft: Draft,
             fields: dict[str, str], existing: dict) -> Written:
    forms_id = int(existing["forms_id"])
    signed = signature_on(conn, forms_id=forms_id, encounter=draft.encounter)
    if signed or existing["state"] != "drafted":
        raise SignedTargetError(
            f"draft forms.id {forms_id} is signed (esign_signatures.id {signed}, state "
            f"{existing['state']}); the bridge never modifies a signed form")
    form_id = conn.execute(select(oe.forms.c.form_id).where(oe.forms.c.id == forms_id)).scalar_one()
    if not draft.formdir.startswith("LBF"):
        raise PermanentFailure(f"re-draft of native form {draft.formdir} is not supported; discard it in OpenEMR and replay")
    conn.execute(oe.lbf_data.delete().where(oe.lbf_data.c.form_id == form_id))
    _insert_lbf_rows(conn, int(form_id), fields)
    conn.execute(aib.drafts.update().where(aib.drafts.c.id == existing["id"]).values(
        content_hash=content_hash(fields), drafted_text=flatten(fields), backend=draft.backend,
        drafted_at=audit.db_now(conn)))
    _audit_draft(conn, practice, service_user, draft, forms_id, "draft_rewritten")
    return Written(int(existing["id"]), forms_id, created=True)


def _clean(value: object) -> str:
    """Text OpenEMR can store and show: no NUL bytes, bounded length."""
    s = "" if value is None else str(value)
    s = s.replace("\x00", "")
    return s if len(s) <= MAX_FIELD_CHARS else s[:MAX_FIELD_CHARS] + " [truncated]"


def _insert_form(conn: Connection, service_user: str, draft: Draft, fields: dict[str, str]) -> int:
    now = audit.db_now(conn)
    if draft.formdir.startswith("LBF"):
        form_id = _claim_lbf_id(conn)
        _insert_lbf_rows(conn, form_id, fields)
    elif draft.rows:
        form_id = _insert_multi_row(conn, service_user, draft, now)
    else:
        form_id = _insert_native(conn, service_user, draft, fields, now)
    return audit.new_id(conn.execute(oe.forms.insert().values(
        date=now, encounter=draft.encounter, form_name=draft.title, form_id=form_id,
        pid=draft.pid, user=service_user, groupname="Default", authorized=0, deleted=0,
        formdir=draft.formdir, therapy_group_id=None, issue_id=0, provider_id=draft.clinician_id,
    )))


def _claim_lbf_id(conn: Connection) -> int:
    """Claim an lbf_data form_id the way LBF/new.php does: insert a dummy row, delete it."""
    new_id = conn.execute(oe.lbf_data.insert().values(field_id="", field_value="")).lastrowid
    conn.execute(oe.lbf_data.delete().where(oe.lbf_data.c.form_id == new_id, oe.lbf_data.c.field_id == ""))
    return int(new_id)


def _insert_lbf_rows(conn: Connection, form_id: int, fields: dict[str, str]) -> None:
    rows = [{"form_id": form_id, "field_id": k, "field_value": v} for k, v in fields.items() if v != ""]
    if rows:
        conn.execute(oe.lbf_data.insert(), rows)


def next_sequence_id(conn: Connection) -> int:
    """generate_id(): UPDATE sequences SET id=LAST_INSERT_ID(id+1), read on this connection."""
    conn.execute(text("UPDATE sequences SET id = LAST_INSERT_ID(id + 1)"))
    return int(conn.execute(text("SELECT LAST_INSERT_ID()")).scalar_one())


def _insert_native(conn: Connection, service_user: str, draft: Draft, fields: dict[str, str],
                   now: dt.datetime) -> int:
    table = f"form_{draft.formdir}"
    cols = {"pid": draft.pid, "user": service_user, "groupname": "Default", "authorized": 0,
            "activity": 1, "date": now, **fields}
    seq_id = next_sequence_id(conn) if draft.formdir in SEQUENCE_FORMS else None
    if seq_id is not None:
        cols["id"] = seq_id
    names = ", ".join(f"`{c}`" for c in cols)
    params = ", ".join(f":p{i}" for i in range(len(cols)))
    result = conn.execute(text(f"INSERT INTO `{table}` ({names}) VALUES ({params})"),
                          {f"p{i}": v for i, v in enumerate(cols.values())})
    return seq_id if seq_id is not None else int(result.lastrowid)


def _insert_multi_row(conn: Connection, service_user: str, draft: Draft, now: dt.datetime) -> int:
    """Forms whose rows share one instance id allocated as MAX(id)+1 (care_plan)."""
    table = oe.form_care_plan if draft.formdir == "care_plan" else None
    if table is None:
        raise PermanentFailure(f"multi-row form {draft.formdir} is not supported by the write path")
    conn.execute(text("SELECT id FROM form_care_plan ORDER BY id DESC LIMIT 1 FOR UPDATE"))
    new_id = int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1
    base = {"id": new_id, "date": now, "pid": draft.pid, "encounter": str(draft.encounter),
            "user": service_user, "groupname": "Default", "authorized": 0, "activity": 1}
    for row in draft.rows:
        extra = {k: _clean(v) for k, v in row.items()}
        names = ", ".join(f"`{c}`" for c in {**base, **extra})
        values = list({**base, **extra}.values())
        params = ", ".join(f":p{i}" for i in range(len(values)))
        conn.execute(text(f"INSERT INTO `form_care_plan` ({names}) VALUES ({params})"),
                     {f"p{i}": v for i, v in enumerate(values)})
    return new_id


def _session_end(draft: Draft, day: dt.datetime | None) -> dt.datetime | None:
    stop = draft.fields.get("stop_time", "")
    try:
        hh, mm = (int(x) for x in stop.split(":")[:2])
        return dt.datetime.combine(day.date(), dt.time(hh, mm)) if isinstance(day, dt.datetime) else None
    except ValueError:
        return None


def _audit_draft(conn: Connection, practice: str, user: str, draft: Draft, forms_id: int, action: str) -> None:
    detail = {"forms_id": forms_id, "formdir": draft.formdir, "backend": draft.backend,
              "encounter": draft.encounter, "findings": len(draft.findings)}
    audit.record(conn, audit.AuditEntry(practice, action, user, draft.pid, draft.clinician_id,
                                        draft.kind, draft.source_key, detail))
    for act, extra in draft.audit:
        audit.record(conn, audit.AuditEntry(practice, act, user, draft.pid, draft.clinician_id,
                                            draft.kind, draft.source_key, extra))


def write_alert(conn: Connection, practice: str, service_user: str, alert: Alert, source_key: str) -> Written:
    """A same-day message in the clinician's OpenEMR inbox, exactly once per source and reason."""
    kind = f"alert:{alert.reason}"[:32]
    existing = ledger_row(conn, practice, source_key, kind, lock=True)
    if existing:
        return Written(existing["id"], None, created=False)
    now = audit.db_now(conn)
    body = f"{now:%Y-%m-%d %H:%M} ({service_user} to {alert.to_username}) {alert.body}"
    note_id = audit.new_id(conn.execute(oe.pnotes.insert().values(
        date=now, body=body, pid=alert.pid, user=service_user, groupname="Default", activity=1,
        authorized=0, title=alert.title[:255], assigned_to=alert.to_username, deleted=0,
        message_status="New")))
    ledger_id = audit.new_id(conn.execute(aib.drafts.insert().values(
        practice=practice, source_key=source_key, kind=kind, pid=alert.pid, state="sent",
        drafted_at=now, backend="rules")))
    audit.record(conn, audit.AuditEntry(practice, "alert_raised", service_user, alert.pid, None,
                                        "alert", source_key, {"reason": alert.reason, "pnotes_id": note_id,
                                                              "to": alert.to_username}))
    return Written(ledger_id, None, created=True)
