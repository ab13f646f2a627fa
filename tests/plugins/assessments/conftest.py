"""Fixtures of the assessments tests: a scratch OpenEMR database and factories for it.

``assessments_db`` is module-scoped: a fresh MariaDB database loaded from OpenEMR's real
``database.sql`` plus ``forms/*.table.sql`` through the ``mysql`` client, dropped after the
module. Factories insert rows the way OpenEMR's screens and portal do. Tests skip (with the
reason) when MariaDB or the client is not reachable.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine

SQL_DIR = Path(os.environ.get("AIB_OPENEMR_SQL_DIR", "/work/shared/openemr"))


def _mysql(database: str | None, data: bytes) -> None:
    client = shutil.which("mariadb") or shutil.which("mysql")
    if client is None:
        pytest.skip("mysql client not installed")
    cmd = [client, "-h", "127.0.0.1", "-P", "3306", "-u", "root", "--init-command=SET SESSION sql_mode=''"]
    proc = subprocess.run(cmd + ([database] if database else []), input=data, capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"MariaDB not usable: {proc.stderr.decode(errors='replace')[:200]}")


@pytest.fixture(scope="module")
def assessments_db() -> Iterator[Engine]:
    """A scratch OpenEMR database (real schema + native PHQ-9/GAD-7 tables), one per module."""
    name = f"scratch_assessments_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    _mysql(None, f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;".encode())
    try:
        _mysql(name, (SQL_DIR / "database.sql").read_bytes())
        for table_sql in sorted((SQL_DIR / "forms").glob("*.table.sql")):
            _mysql(name, table_sql.read_bytes())
        engine = create_engine(f"mysql+pymysql://root@127.0.0.1:3306/{name}?charset=utf8mb4",
                               connect_args={"init_command": "SET SESSION sql_mode=''"})
        yield engine
        engine.dispose()
    finally:
        _mysql(None, f"DROP DATABASE IF EXISTS `{name}`;".encode())


# --- factories (as OpenEMR's screens and portal write) ------------------------------------------

_n = iter(range(1, 1_000_000))


def create_clinician(conn: Connection) -> tuple[int, str]:
    username = f"asmclin{next(_n)}"
    conn.execute(text("INSERT INTO users (username, password, authorized, active, fname, lname, calendar, "
                      "abook_type) VALUES (:u, 'NoLongerUsed', 1, 1, 'Dana', 'Whitfield', 1, '')"), {"u": username})
    uid = int(conn.execute(text("SELECT id FROM users WHERE username = :u"), {"u": username}).scalar_one())
    return uid, username


def create_patient(conn: Connection, provider_id: int, *, portal: bool = True) -> int:
    pid = int(conn.execute(text("SELECT COALESCE(MAX(pid), 0) + 1 FROM patient_data")).scalar_one())
    conn.execute(text("INSERT INTO patient_data (pid, pubpid, fname, lname, DOB, providerID, "
                      "allow_patient_portal, date) VALUES (:pid, :pub, 'Jordan', :l, '1985-04-12', :prov, "
                      ":portal, NOW())"),
                 {"pid": pid, "pub": f"MRN{pid:05d}", "l": f"Testperson{pid}", "prov": provider_id,
                  "portal": "YES" if portal else "NO"})
    return pid


def create_encounter(conn: Connection, pid: int, provider_id: int, when: dt.datetime) -> int:
    conn.execute(text("UPDATE sequences SET id = LAST_INSERT_ID(id + 1)"))
    encounter = int(conn.execute(text("SELECT LAST_INSERT_ID()")).scalar_one())
    conn.execute(text("INSERT INTO form_encounter (date, reason, pid, encounter, provider_id) "
                      "VALUES (:d, 'Psychotherapy', :p, :e, :u)"),
                 {"d": when, "p": pid, "e": encounter, "u": provider_id})
    return encounter


def create_appointment(conn: Connection, pid: int, provider_id: int, day: dt.date, status: str = "-") -> int:
    result = conn.execute(text(
        "INSERT INTO openemr_postcalendar_events (pc_catid, pc_multiple, pc_aid, pc_pid, pc_title, pc_time, "
        "pc_eventDate, pc_endDate, pc_startTime, pc_apptstatus) VALUES (5, 0, :aid, :pid, 'Office Visit', NOW(), "
        ":day, :day, '10:00:00', :st)"), {"aid": str(provider_id), "pid": str(pid), "day": day, "st": status})
    return int(result.lastrowid)


def create_response(conn: Connection, pid: int, name: str, response: dict[str, Any], *,
                    when: dt.datetime, status: str = "completed", repository_id: int | None = None) -> int:
    result = conn.execute(text(
        "INSERT INTO questionnaire_response (response_id, questionnaire_foreign_id, questionnaire_name, "
        "patient_id, encounter, create_time, last_updated, status, questionnaire_response) VALUES "
        "(:rid, :fid, :name, :pid, 0, :t, :t, :st, :qr)"),
        {"rid": str(uuid.uuid4()), "fid": repository_id, "name": name, "pid": pid, "t": when,
         "st": status, "qr": json.dumps(response)})
    return int(result.lastrowid)


def create_native_form(conn: Connection, formdir: str, pid: int, encounter: int, username: str,
                       values: dict[str, str], when: dt.datetime) -> int:
    table = {"phq9": "form_phq9", "gad7": "form_gad7"}[formdir]
    cols = {"date": when, "pid": pid, "user": username, "groupname": "Default", "authorized": 1,
            "activity": 1, **values}
    names = ", ".join(f"`{c}`" for c in cols)
    form_id = conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + c for c in cols)})"),
                           cols).lastrowid
    result = conn.execute(text(
        "INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, deleted, "
        "formdir, provider_id) VALUES (:d, :e, :n, :fid, :p, :u, 'Default', 1, 0, :dir, 0)"),
        {"d": when, "e": encounter, "n": f"{formdir.upper()} Form", "fid": form_id, "p": pid, "u": username,
         "dir": formdir})
    return int(result.lastrowid)


def create_scored_result(conn: Connection, pid: int, encounter: int, fields: dict[str, str],
                         *, deleted: int = 0) -> int:
    """An LBFaibscore form as the host's write path leaves it."""
    conn.execute(text("INSERT INTO lbf_data (field_id, field_value) VALUES ('', '')"))
    form_id = int(conn.execute(text("SELECT LAST_INSERT_ID()")).scalar_one())
    conn.execute(text("DELETE FROM lbf_data WHERE form_id = :f"), {"f": form_id})
    for key, value in fields.items():
        conn.execute(text("INSERT INTO lbf_data (form_id, field_id, field_value) VALUES (:f, :k, :v)"),
                     {"f": form_id, "k": key, "v": value})
    result = conn.execute(text(
        "INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, deleted, "
        "formdir, provider_id) VALUES (NOW(), :e, 'Scored Assessment (AI Draft)', :fid, :p, 'aibridge', "
        "'Default', 0, :del, 'LBFaibscore', 0)"), {"e": encounter, "fid": form_id, "p": pid, "del": deleted})
    return int(result.lastrowid)
