"""Portal delivery: import a questionnaire once and assign it to a patient in the portal.

Called by the host inside its write transaction, next to the delivery's ledger row
(``delivery:<window_key>``). Written the way OpenEMR's own ``QuestionnaireService::
saveQuestionnaireResource`` and ``DocumentTemplateService::insertTemplate`` write
(INTEGRATION.md section 8):

1. ``questionnaire_repository``: found by ``name``; otherwise inserted once (uuid registered
   in ``uuid_registry``, ``type='Questionnaire'``, ``code`` = LOINC panel, ``active=1``);
2. ``document_templates``: ``pid``, ``provider``, ``profile=''``, ``category='questionnaire'``,
   ``template_name`` (the delivery title, which carries the due window's date),
   ``location`` = "lname, fname", ``status='New'``,
   ``template_content='{ParseAsHTML}{Questionnaire:<repository id>}\\n'``, ``size``,
   ``mime='application/text'``.

Idempotent on its own: the table is UNIQUE on (pid, profile, category, template_name), a
second call returns the existing row's id, and a concurrent insert resolves through
``ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)`` without touching the row.
"""
from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from hooks.errors import PermanentFailure
from hooks.types import Delivery

log = logging.getLogger(__name__)

CATEGORY = "questionnaire"
MIME = "application/text"


def template_content(repository_id: int) -> str:
    return f"{{ParseAsHTML}}{{Questionnaire:{repository_id}}}\n"


def _title(delivery: Delivery) -> str:
    title = (delivery.title or delivery.window_key.replace(":", " ")).strip()
    if not title:
        raise PermanentFailure(f"delivery for patient {delivery.pid} has neither title nor window_key")
    return title[:255]


def _repository_name(delivery: Delivery) -> str:
    return str(delivery.questionnaire.get("title") or delivery.instrument).strip()[:255]


def find_template(conn: Connection, pid: int, name: str) -> int | None:
    row = conn.execute(text(
        "SELECT id FROM document_templates WHERE pid = :pid AND profile = '' "
        "AND category = :cat AND template_name = :name"), {"pid": pid, "cat": CATEGORY, "name": name}).first()
    return int(row[0]) if row else None


def find_repository(conn: Connection, name: str) -> int | None:
    row = conn.execute(text(
        "SELECT id FROM questionnaire_repository WHERE name = :name AND type = 'Questionnaire' "
        "ORDER BY active DESC, id LIMIT 1"), {"name": name}).first()
    return int(row[0]) if row else None


def _user_id(conn: Connection, username: str) -> int | None:
    row = conn.execute(text("SELECT id FROM users WHERE username = :u"), {"u": username}).first()
    return int(row[0]) if row else None


def _panel(questionnaire: dict[str, Any]) -> tuple[str | None, str | None]:
    codes = [c for c in questionnaire.get("code") or () if isinstance(c, dict)]
    return (codes[0].get("code"), codes[0].get("display")) if codes else (None, None)


def import_questionnaire(conn: Connection, delivery: Delivery, *, service_user: str) -> int:
    """The repository id of the delivery's questionnaire, importing it the first time."""
    name = _repository_name(delivery)
    found = find_repository(conn, name)
    if found is not None:
        return found
    q_uuid = uuid.uuid4()
    resource = dict(delivery.questionnaire, id=str(q_uuid))
    code, display = _panel(resource)
    conn.execute(text(
        "INSERT INTO uuid_registry (uuid, table_name, created) VALUES (:u, 'questionnaire_repository', NOW())"),
        {"u": q_uuid.bytes})
    result = conn.execute(text(
        "INSERT INTO questionnaire_repository (uuid, questionnaire_id, provider, version, created_date, "
        "modified_date, name, type, profile, active, status, source_url, code, code_display, "
        "questionnaire, lform) VALUES (:uuid, :qid, :provider, 1, NOW(), NOW(), :name, 'Questionnaire', "
        "NULL, 1, 'active', NULL, :code, :display, :json, NULL)"),
        {"uuid": q_uuid.bytes, "qid": str(q_uuid), "provider": _user_id(conn, service_user),
         "name": name, "code": code, "display": display or name, "json": json.dumps(resource)})
    log.info("questionnaire imported repository_id=%s instrument=%s", result.lastrowid, delivery.instrument)
    return int(result.lastrowid)


def _location(conn: Connection, pid: int) -> str:
    row = conn.execute(text("SELECT CONCAT_WS(', ', lname, fname) FROM patient_data WHERE pid = :pid"),
                       {"pid": pid}).first()
    if row is None:
        raise PermanentFailure(f"patient pid={pid} does not exist in patient_data; "
                               "the appointment points at a deleted patient: fix it, then replay")
    return str(row[0] or "")


def write_delivery(conn: Connection, delivery: Delivery, *, service_user: str) -> int:
    """Assign ``delivery`` in the patient's portal once; return the ``document_templates.id``."""
    name = _title(delivery)
    existing = find_template(conn, delivery.pid, name)
    if existing is not None:
        return existing
    location = _location(conn, delivery.pid)
    content = template_content(import_questionnaire(conn, delivery, service_user=service_user))
    result = conn.execute(text(
        "INSERT INTO document_templates (pid, provider, encounter, modified_date, profile, category, "
        "location, template_name, status, send_date, size, template_content, mime) VALUES "
        "(:pid, :provider, NULL, NOW(), '', :cat, :location, :name, 'New', NOW(), :size, :content, :mime) "
        "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)"),
        {"pid": delivery.pid, "provider": delivery.provider_id or None, "cat": CATEGORY,
         "location": location, "name": name, "size": len(content.encode()),
         "content": content.encode(), "mime": MIME})
    log.info("portal delivery pid=%s template_id=%s instrument=%s", delivery.pid, result.lastrowid,
             delivery.instrument)
    return int(result.lastrowid)
