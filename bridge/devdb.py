"""Development and demo databases: load OpenEMR's real schema, and act as OpenEMR's screens do.

Used by ``make demo`` and the test suite, never by a clinic's running bridge. Loading mirrors
OpenEMR's installer: a utf8mb4 database, ``sql_mode=''``, ``database.sql``, the enabled
forms' ``table.sql``, the demo patients, and the version row the installer writes. The
actions (``submit_session_form``, ``esign_form``) write the rows OpenEMR's PHP writes, in
the same order (an LBF's ``forms`` row lands before its field rows).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SQL_DIR = REPO.parent / "shared" / "openemr"
FORM_TABLES = ("form_phq9.table.sql", "form_gad7.table.sql", "form_treatment_plan.table.sql")


class DevDBError(RuntimeError):
    pass


def sql_dir() -> Path:
    path = Path(os.environ.get("AIB_OPENEMR_SQL_DIR", DEFAULT_SQL_DIR))
    if not (path / "database.sql").is_file():
        raise DevDBError(f"OpenEMR's database.sql not found in {path}; set AIB_OPENEMR_SQL_DIR to the "
                         "folder holding database.sql (../shared/openemr in this checkout's layout)")
    return path


def _mysql(database: str | None, sql: str | None = None, file: Path | None = None,
           host: str = "127.0.0.1", port: int = 3306, user: str = "root") -> None:
    client = shutil.which("mariadb") or shutil.which("mysql")
    if not client:
        raise DevDBError("the mysql/mariadb client is not installed; apt-get install mariadb-client")
    cmd = [client, "-h", host, "-P", str(port), "-u", user, "--init-command=SET SESSION sql_mode=''"]
    if database:
        cmd.append(database)
    data = sql.encode() if sql is not None else (file.read_bytes() if file else b"")
    proc = subprocess.run(cmd, input=data, capture_output=True)
    if proc.returncode != 0:
        raise DevDBError(f"loading into {database or 'server'} failed: {proc.stderr.decode(errors='replace')[:500]}")


def create_openemr_database(name: str, *, demo_patients: bool = True, version: tuple[int, int, int, str, int] = (8, 2, 0, "-dev", 541)) -> None:
    """Drop and recreate ``name`` with OpenEMR's schema (plus demo patients)."""
    src = sql_dir()
    _mysql(None, f"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}` "
                 "CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;")
    _mysql(name, file=src / "database.sql")
    for table_sql in FORM_TABLES:
        if (src / "forms" / table_sql).is_file():
            _mysql(name, file=src / "forms" / table_sql)
    if demo_patients:
        _mysql(name, file=src / "example_patient_users.sql")
        _mysql(name, file=src / "example_patient_data.sql")
    major, minor, patch, tag, db_version = version
    _mysql(name, f"UPDATE version SET v_major={major}, v_minor={minor}, v_patch={patch}, "
                 f"v_tag='{tag}', v_database={db_version};")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def _toml_tables(tables: dict[str, dict[str, object]]) -> str:
    return "".join(f"[{name}]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in body.items())
                   for name, body in tables.items())


def write_config(folder: Path, database: str, *, practice: str = "test",
                 bridge: dict[str, dict[str, object]] | None = None,
                 plugins: dict[str, dict[str, object]] | None = None,
                 enabled: tuple[str, ...] = ("notes", "plans", "assessments"), user: str = "root",
                 password_env: str | None = None, extra_bridge: str = "", extra_practice: str = "") -> Path:
    """A development ``bridge.toml`` plus ``practices/<practice>.toml`` for ``database``.

    ``bridge`` holds the deployment tables (``{"redis": {"url": ...}, "worker": {...}}``),
    ``plugins`` the practice's ``[plugins.<name>]`` options. Returns the bridge.toml path.
    """
    (folder / "practices").mkdir(parents=True, exist_ok=True)
    (folder / "bridge.toml").write_text(_toml_tables(bridge or {}) + extra_bridge)
    password = f'{{ env = "{password_env}" }}' if password_env else '""'
    (folder / "practices" / f"{practice}.toml").write_text(
        f'name = "{practice}"\nservice_user = "aibridge"\n'
        f'[database]\nhost = "127.0.0.1"\nport = 3306\nuser = "{user}"\npassword = {password}\n'
        f'database = "{database}"\n[plugins]\nenabled = {_toml_value(list(enabled))}\n'
        + _toml_tables({f"plugins.{k}": v for k, v in (plugins or {}).items()}) + extra_practice)
    return folder / "bridge.toml"


def drop_database(name: str) -> None:
    _mysql(None, f"DROP DATABASE IF EXISTS `{name}`;")


# --- acting as OpenEMR's screens do ------------------------------------------------------------

def create_clinician(conn: Connection, username: str, fname: str, lname: str, credentials: str = "LCSW") -> int:
    conn.execute(text(
        "INSERT INTO users (username, password, authorized, active, fname, lname, valedictory, calendar, "
        "facility_id, abook_type) VALUES (:u, 'NoLongerUsed', 1, 1, :f, :l, :c, 1, 3, '')"),
        {"u": username, "f": fname, "l": lname, "c": credentials})
    uid = int(conn.execute(text("SELECT id FROM users WHERE username = :u"), {"u": username}).scalar_one())
    conn.execute(text("INSERT INTO `groups` (name, user) VALUES ('Default', :u)"), {"u": username})
    return uid


def create_patient(conn: Connection, *, fname: str, lname: str, dob: str = "1985-04-12", provider_id: int = 0,
                   **extra: str) -> int:
    pid = int(conn.execute(text("SELECT COALESCE(MAX(pid), 0) + 1 FROM patient_data")).scalar_one())
    cols = {"pid": pid, "pubpid": f"MRN{pid:05d}", "fname": fname, "lname": lname, "DOB": dob,
            "providerID": provider_id, "date": dt.datetime.now(), **extra}
    names = ", ".join(f"`{c}`" for c in cols)
    conn.execute(text(f"INSERT INTO patient_data ({names}) VALUES ({', '.join(':' + c for c in cols)})"), cols)
    return pid


def add_diagnosis(conn: Connection, pid: int, code: str, title: str, begdate: str = "2026-09-01") -> int:
    result = conn.execute(text(
        "INSERT INTO lists (date, type, title, begdate, diagnosis, activity, pid, user, groupname) "
        "VALUES (NOW(), 'medical_problem', :t, :b, :d, 1, :p, 'admin', 'Default')"),
        {"t": title, "b": begdate, "d": f"ICD10:{code}", "p": pid})
    return int(result.lastrowid)


def next_sequence(conn: Connection) -> int:
    conn.execute(text("UPDATE sequences SET id = LAST_INSERT_ID(id + 1)"))
    return int(conn.execute(text("SELECT LAST_INSERT_ID()")).scalar_one())


def create_encounter(conn: Connection, pid: int, provider_id: int, *, when: str | None = None,
                     reason: str = "Individual psychotherapy", facility_id: int = 3) -> int:
    """An encounter as EncounterService::insertEncounter makes it (number from `sequences`)."""
    encounter = next_sequence(conn)
    date = when or dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    result = conn.execute(text(
        "INSERT INTO form_encounter (date, reason, facility, facility_id, pid, encounter, provider_id, pc_catid) "
        "VALUES (:d, :r, 'Your Clinic Name Here', :f, :p, :e, :u, 5)"),
        {"d": date, "r": reason, "f": facility_id, "p": pid, "e": encounter, "u": provider_id})
    conn.execute(text(
        "INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, deleted, "
        "formdir, provider_id) VALUES (:d, :e, 'New Patient Encounter', :fid, :p, 'admin', 'Default', 1, 0, "
        "'newpatient', :u)"), {"d": date, "e": encounter, "fid": result.lastrowid, "p": pid, "u": provider_id})
    return encounter


def submit_lbf(engine: Engine, formdir: str, title: str, pid: int, encounter: int, username: str,
               provider_id: int, values: dict[str, str]) -> int:
    """Save an LBF as interface/forms/LBF/new.php does, in autocommit steps; returns forms.id."""
    with engine.begin() as conn:
        form_id = int(conn.execute(text("INSERT INTO lbf_data (field_id, field_value) VALUES ('', '')")).lastrowid)
        conn.execute(text("DELETE FROM lbf_data WHERE form_id = :f AND field_id = ''"), {"f": form_id})
    with engine.begin() as conn:
        forms_id = int(conn.execute(text(
            "INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, deleted, "
            "formdir, provider_id) VALUES (NOW(), :e, :t, :fid, :p, :u, 'Default', 1, 0, :dir, :prov)"),
            {"e": encounter, "t": title, "fid": form_id, "p": pid, "u": username, "dir": formdir,
             "prov": provider_id}).lastrowid)
    with engine.begin() as conn:
        for field_id, value in values.items():
            if value not in (None, ""):
                conn.execute(text("INSERT INTO lbf_data (form_id, field_id, field_value) VALUES (:f, :k, :v)"),
                             {"f": form_id, "k": field_id, "v": value})
    return forms_id


def submit_session_form(engine: Engine, pid: int, encounter: int, username: str, provider_id: int,
                        values: dict[str, str]) -> int:
    return submit_lbf(engine, "LBFaibsi", "Session Input (AI Draft)", pid, encounter, username, provider_id, values)


def esign(conn: Connection, *, table: str, tid: int, uid: int, lock: bool = True) -> int:
    """An esign_signatures row as library/ESign's Signable::sign() writes it."""
    data_hash = hashlib.sha3_512(f"{table}{tid}".encode()).hexdigest()
    sig_hash = hashlib.sha3_512(f"{tid}{table}{uid}{int(lock)}{data_hash}".encode()).hexdigest()
    result = conn.execute(text(
        "INSERT INTO esign_signatures (tid, `table`, uid, datetime, is_lock, hash, signature_hash) "
        "VALUES (:t, :tb, :u, NOW(), :l, :h, :s)"),
        {"t": tid, "tb": table, "u": uid, "l": int(lock), "h": data_hash, "s": sig_hash})
    return int(result.lastrowid)
