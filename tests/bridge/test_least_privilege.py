"""The bridge runs end to end under database accounts holding exactly the rights that
``openemr-bridge grants`` prints: an installer account installs it into a bare OpenEMR
database, then a runtime account runs the real detector and worker processes."""
from __future__ import annotations

import contextlib
import io
import secrets
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from bridge.cli import main as cli
from bridge.devdb import esign, submit_session_form
from bridge.ehr import tables as aib
from tests.bridge.processes import wait_until
from tests.conftest import SESSION_VALUES, make_clinic, write_config

pytestmark = pytest.mark.slow


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(list(args))
    return code, out.getvalue()


class Accounts:
    """MariaDB accounts created for one test with exactly the printed grants; dropped after."""

    def __init__(self, root, database: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root, self.database, self.folder, self.monkeypatch = root, database, folder, monkeypatch
        self.names: list[str] = []

    def create(self, profile: str, root_config: Path) -> tuple[str, Path, list[str]]:
        name = f"aib_{profile[:4]}_{uuid.uuid4().hex[:8]}"
        code, script = run_cli("--config", str(root_config), "grants", "--practice", "test",
                               "--user", name, "--profile", profile)
        assert code == 0
        statements = [line for line in script.splitlines() if line.startswith("GRANT ")]
        password, var = secrets.token_urlsafe(18), f"AIB_TEST_{profile.upper()}_PASSWORD"
        self.monkeypatch.setenv(var, password)  # inherited by the bridge processes started below
        with self.root.begin() as conn:
            conn.execute(text(f"CREATE USER '{name}'@'127.0.0.1' IDENTIFIED BY :pw"), {"pw": password})
            self.names.append(name)
            for statement in statements:
                conn.execute(text(statement))
        config = write_config(self.folder / profile, self.database, user=name, password_env=var)
        return name, config, statements

    def drop(self) -> None:
        with self.root.begin() as conn:
            for name in self.names:
                conn.execute(text(f"DROP USER IF EXISTS '{name}'@'127.0.0.1'"))


@pytest.fixture
def accounts(fresh_practice_db, tmp_path, monkeypatch):
    made = Accounts(fresh_practice_db.engine, fresh_practice_db.name, tmp_path, monkeypatch)
    yield made
    made.drop()


def uninstall(engine) -> None:
    """Back to a bare OpenEMR database: no bridge tables, no service user."""
    with engine.begin() as conn:
        for table in aib.bridge_meta.tables:
            conn.execute(text(f"DROP TABLE IF EXISTS `{table}`"))
        conn.execute(text("DELETE FROM `groups` WHERE user = 'aibridge'"))
        conn.execute(text("DELETE FROM users WHERE username = 'aibridge'"))


def scalar(engine, sql: str, **params) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def account_engine(config: Path):
    from bridge.settings import load

    return create_engine(load(config).practice("test").database.url())


def test_bridge_runs_end_to_end_under_least_privilege_accounts(fresh_practice_db, accounts, procs, tmp_path):
    db = fresh_practice_db
    uninstall(db.engine)
    # Given an installer account holding exactly the installer grants, install succeeds
    _name, install_cfg, install_grants = accounts.create("installer", db.config)
    assert not any("DELETE" in g for g in install_grants if "layout_" not in g)
    assert run_cli("--config", str(install_cfg), "install", "--practice", "test")[0] == 0
    assert scalar(db.engine, "SELECT COUNT(*) FROM users WHERE username = 'aibridge'") == 1
    # and a runtime account holding exactly the runtime grants passes doctor's privilege check
    _name, runtime_cfg, runtime_grants = accounts.create("runtime", db.config)
    assert not any(w in g for g in runtime_grants for w in ("CREATE", "ALTER", "ALL PRIVILEGES"))
    code, doctor = run_cli("--config", str(runtime_cfg), "doctor")
    privileges = next(line for line in doctor.splitlines() if ": privileges:" in line)
    assert privileges.startswith("[ok  ]") and "exactly the runtime rights" in privileges, doctor
    assert code == 0, doctor

    # When the real detector and worker run as the runtime account and a clinician saves a session
    clinic = make_clinic(db.engine)
    procs("worker", runtime_cfg)
    procs("detector", runtime_cfg)
    forms_id = submit_session_form(db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)

    def note() -> dict | None:
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT forms_id, state FROM aib_drafts WHERE source_key = :k "
                                    "AND kind = 'progress_note'"), {"k": f"forms:{forms_id}"}).mappings().first()
        return dict(row) if row else None

    def failures() -> list[str]:
        with db.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("SELECT reason FROM aib_failures"))]

    wait_until(lambda: note() or failures(), 120, what="the draft under the runtime account")
    assert failures() == []
    drafted = note()
    # Then the unsigned draft is written; signing it is picked up too
    assert drafted["state"] == "drafted"
    with db.engine.begin() as conn:
        esign(conn, table="forms", tid=drafted["forms_id"], uid=clinic.clinician_id)
    wait_until(lambda: note()["state"] == "signed" or failures(), 60, what="the sign-off")
    wait_until(lambda: scalar(db.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status NOT IN "
                                         "('done','skipped','failed')") == 0, 60, what="all tasks settled")
    assert failures() == [] and note()["state"] == "signed"
    assert scalar(db.engine, "SELECT COUNT(*) FROM forms WHERE user = 'aibridge' AND encounter = :e",
                  e=clinic.encounter) >= 1
    # and the runtime account verifies the audit chain and reports, but cannot rewrite the trail
    assert run_cli("--config", str(runtime_cfg), "audit", "verify")[0] == 0
    code, shown = run_cli("--config", str(runtime_cfg), "report", "--practice", "test")
    assert code == 0 and "Whitfield" in shown
    engine = account_engine(runtime_cfg)
    try:
        for statement in ("DELETE FROM aib_audit", "UPDATE aib_audit SET pid = 1",
                          "SELECT * FROM pnotes", "CREATE TABLE aib_extra (id INT)"):
            with pytest.raises(DBAPIError) as denied, engine.begin() as conn:
                conn.execute(text(statement))
            assert denied.value.orig.args[0] in (1142, 1143), statement  # command / column denied
    finally:
        engine.dispose()


def test_doctor_names_missing_and_excess_rights(practice_db, tmp_path, monkeypatch):
    made = Accounts(practice_db.engine, practice_db.name, tmp_path, monkeypatch)
    try:
        name, config, _grants = made.create("runtime", practice_db.config)
        with practice_db.engine.begin() as conn:  # an admin forgot one right and added two others
            conn.execute(text(f"REVOKE INSERT ON `{practice_db.name}`.`pnotes` FROM '{name}'@'127.0.0.1'"))
            conn.execute(text(f"GRANT SELECT ON `{practice_db.name}`.`pnotes` TO '{name}'@'127.0.0.1'"))
            conn.execute(text(f"GRANT DELETE ON `{practice_db.name}`.`forms` TO '{name}'@'127.0.0.1'"))
        code, doctor = run_cli("--config", str(config), "doctor")
    finally:
        made.drop()
    line = next(line for line in doctor.splitlines() if ": privileges:" in line)
    assert code == 1 and line.startswith("[FAIL]")
    assert "missing INSERT on pnotes" in line
    assert "not used by the bridge: DELETE on forms; SELECT on pnotes" in line
