"""Every database read of the assessments plugin (read-only, through ``ctx.db``).

Plain ``sqlalchemy.text`` queries with bound parameters; table names are never taken from
input (native form tables come from a fixed map). ``form_phq9``/``form_gad7`` exist only
once an admin enables those forms, so they are probed first.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from plugins.assessments.layout import FORM_ID

NATIVE_TABLES = {"phq9": "form_phq9", "gad7": "form_gad7"}
CANCELLED = frozenset({"x", "%", "?"})  # apptstat: canceled, canceled < 24h, no show


@dataclass(frozen=True)
class Appointment:
    eid: int
    pid: int
    provider_id: int
    date: dt.date
    status: str

    @property
    def cancelled(self) -> bool:
        return self.status in CANCELLED


@dataclass(frozen=True)
class User:
    id: int
    username: str


def _rows(db: Any, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in db.execute(text(sql), params).mappings()]


def _first(db: Any, sql: str, **params: Any) -> dict[str, Any] | None:
    rows = _rows(db, sql, **params)
    return rows[0] if rows else None


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def table_exists(db: Any, name: str) -> bool:
    return _first(db, "SELECT 1 AS x FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                      "AND TABLE_NAME = :name", name=name) is not None


# --- appointments and delivery ---------------------------------------------------------------

def appointment(db: Any, eid: int) -> Appointment | None:
    row = _first(db, "SELECT pc_eid, pc_pid, pc_aid, pc_eventDate, pc_apptstatus "
                     "FROM openemr_postcalendar_events WHERE pc_eid = :eid", eid=eid)
    if not row or not str(row["pc_pid"] or "").strip().isdigit():
        return None
    aid = str(row["pc_aid"] or "").strip()
    return Appointment(int(row["pc_eid"]), int(row["pc_pid"]), int(aid) if aid.isdigit() else 0,
                       as_date(row["pc_eventDate"]) or dt.date.min, str(row["pc_apptstatus"] or ""))


def portal_allowed(db: Any, pid: int) -> bool:
    row = _first(db, "SELECT allow_patient_portal FROM patient_data WHERE pid = :pid", pid=pid)
    return row is not None and str(row["allow_patient_portal"] or "").upper() == "YES"


def sessions_between(db: Any, pid: int, after: dt.date, before: dt.date) -> int:
    """Encounters dated strictly after ``after`` and strictly before ``before``."""
    row = _first(db, "SELECT COUNT(*) AS n FROM form_encounter WHERE pid = :pid "
                     "AND DATE(date) > :after AND DATE(date) < :before",
                 pid=pid, after=after, before=before)
    return int(row["n"]) if row else 0


def outstanding_delivery(db: Any, pid: int, instrument: str, since: dt.date | None) -> str | None:
    """Name of a portal assignment of ``instrument`` sent after ``since`` (not yet answered)."""
    row = _first(db, "SELECT template_name, send_date FROM document_templates WHERE pid = :pid "
                     "AND category = 'questionnaire' AND template_name LIKE :prefix "
                     "AND (:since IS NULL OR DATE(send_date) > :since) ORDER BY id DESC LIMIT 1",
                 pid=pid, prefix=f"{instrument} %", since=since)
    return str(row["template_name"]) if row else None


# --- administrations --------------------------------------------------------------------------

_QR = ("SELECT r.id, r.response_id, r.patient_id, r.encounter, r.status, r.questionnaire_name, "
       "r.create_time, r.last_updated, r.questionnaire_response, r.questionnaire, "
       "q.name AS repo_name, q.code AS repo_code FROM questionnaire_response r "
       "LEFT JOIN questionnaire_repository q ON q.id = r.questionnaire_foreign_id ")


def questionnaire_response(db: Any, response_pk: int) -> dict[str, Any] | None:
    return _first(db, _QR + "WHERE r.id = :id", id=response_pk)


def questionnaire_responses(db: Any, pid: int) -> list[dict[str, Any]]:
    if not table_exists(db, "questionnaire_response"):  # OpenEMR before 7.0.1
        return []
    return _rows(db, _QR + "WHERE r.patient_id = :pid AND r.status = 'completed' ORDER BY r.id", pid=pid)


def response_pk(db: Any, response_id: str) -> int | None:
    row = _first(db, "SELECT id FROM questionnaire_response WHERE response_id = :rid "
                     "ORDER BY id LIMIT 1", rid=response_id)
    return int(row["id"]) if row else None


def native_form(db: Any, forms_id: int, formdir: str) -> dict[str, Any] | None:
    table = NATIVE_TABLES[formdir]
    if not table_exists(db, table):
        return None
    return _first(db, f"SELECT f.id AS forms_id, f.pid AS forms_pid, f.encounter, f.user AS forms_user, "
                      f"f.provider_id, t.* FROM forms f JOIN {table} t ON t.id = f.form_id "
                      f"WHERE f.id = :id AND f.formdir = :dir AND f.deleted = 0 AND t.activity = 1",
                  id=forms_id, dir=formdir)


def native_forms(db: Any, pid: int, formdir: str) -> list[dict[str, Any]]:
    table = NATIVE_TABLES[formdir]
    if not table_exists(db, table):
        return []
    return _rows(db, f"SELECT f.id AS forms_id, f.encounter, t.* FROM forms f JOIN {table} t "
                     f"ON t.id = f.form_id WHERE f.pid = :pid AND f.formdir = :dir AND f.deleted = 0 "
                     f"AND t.activity = 1 ORDER BY f.id", pid=pid, dir=formdir)


def questionnaire_form(db: Any, forms_id: int) -> dict[str, Any] | None:
    return _first(db, "SELECT f.id AS forms_id, f.pid AS forms_pid, f.encounter, f.user AS forms_user, "
                      "f.provider_id, t.date, t.response_id, t.form_name, t.questionnaire, "
                      "t.questionnaire_response FROM forms f JOIN form_questionnaire_assessments t "
                      "ON t.id = f.form_id WHERE f.id = :id AND f.formdir = 'questionnaire_assessments' "
                      "AND f.deleted = 0 AND t.activity = 1", id=forms_id)


def scored_results(db: Any, pid: int) -> list[dict[str, str]]:
    """Field values of this patient's live ``LBFaibscore`` forms, one dict per form."""
    rows = _rows(db, "SELECT f.id AS forms_id, l.field_id, l.field_value FROM forms f "
                     "JOIN lbf_data l ON l.form_id = f.form_id WHERE f.pid = :pid "
                     "AND f.formdir = :dir AND f.deleted = 0 ORDER BY f.id", pid=pid, dir=FORM_ID)
    forms: dict[int, dict[str, str]] = {}
    for row in rows:
        forms.setdefault(int(row["forms_id"]), {})[str(row["field_id"])] = str(row["field_value"] or "")
    return list(forms.values())


# --- encounters and people --------------------------------------------------------------------

def encounter_exists(db: Any, pid: int, encounter: int) -> bool:
    return _first(db, "SELECT id FROM form_encounter WHERE pid = :pid AND encounter = :enc",
                  pid=pid, enc=encounter) is not None


def latest_encounter(db: Any, pid: int, on_or_before: dt.date) -> int | None:
    row = _first(db, "SELECT encounter FROM form_encounter WHERE pid = :pid AND DATE(date) <= :day "
                     "ORDER BY date DESC, encounter DESC LIMIT 1", pid=pid, day=on_or_before)
    return int(row["encounter"]) if row else None


def encounter_provider(db: Any, pid: int, encounter: int) -> User | None:
    row = _first(db, "SELECT u.id, u.username FROM form_encounter e JOIN users u ON u.id = e.provider_id "
                     "WHERE e.pid = :pid AND e.encounter = :enc", pid=pid, enc=encounter)
    return User(int(row["id"]), str(row["username"])) if row and row["username"] else None


def patient_provider(db: Any, pid: int) -> User | None:
    row = _first(db, "SELECT u.id, u.username FROM patient_data p JOIN users u ON u.id = p.providerID "
                     "WHERE p.pid = :pid", pid=pid)
    return User(int(row["id"]), str(row["username"])) if row and row["username"] else None


def user_by_id(db: Any, user_id: int) -> User | None:
    row = _first(db, "SELECT id, username FROM users WHERE id = :id", id=user_id)
    return User(int(row["id"]), str(row["username"])) if row and row["username"] else None


def user_by_name(db: Any, username: str) -> User | None:
    row = _first(db, "SELECT id, username FROM users WHERE username = :u", u=username)
    return User(int(row["id"]), str(row["username"])) if row else None
