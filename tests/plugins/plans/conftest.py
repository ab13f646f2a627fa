"""A scratch OpenEMR database for the plans plugin's database tests (one per module).

Loaded from OpenEMR's real ``database.sql`` (plus the optional forms' ``table.sql``) with the
mysql client, exactly as the lead's ``practice_db`` does, but without installing the bridge:
the plans plugin reads only OpenEMR's own tables. Rows are written the way OpenEMR's screens
write them (``bridge.devdb``).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count

import pluggy
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

import plugins.plans
from bridge.devdb import (
    create_clinician,
    create_encounter,
    create_openemr_database,
    create_patient,
    drop_database,
)
from hooks import PROJECT, specs

_n = count(1)


@pytest.fixture(scope="module")
def pm() -> pluggy.PluginManager:
    """A plugin manager with the contract's specs and only the plans plugin."""
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(specs)
    manager.register(plugins.plans, name="plans")
    manager.check_pending()
    return manager


@pytest.fixture(scope="module")
def plans_db() -> Iterator[Engine]:
    name = f"scratch_plans_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    create_openemr_database(name, demo_patients=False)
    engine = create_engine(f"mysql+pymysql://root@127.0.0.1:3306/{name}?charset=utf8mb4",
                           connect_args={"init_command": "SET SESSION sql_mode=''"})
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(name)


@dataclass
class Patient:
    pid: int
    clinician_id: int
    username: str
    encounter: int


@pytest.fixture
def patient(plans_db: Engine) -> Patient:
    """A synthetic patient with a clinician and one encounter."""
    n = next(_n)
    with plans_db.begin() as conn:
        username = f"plans{n}"
        uid = create_clinician(conn, username, "Dana", f"Whitfield{n}", "LCSW")
        pid = create_patient(conn, fname="Jordan", lname=f"Planperson{n}", provider_id=uid)
        encounter = create_encounter(conn, pid, uid, when="2026-11-20 10:00:00", reason="Intake evaluation")
    return Patient(pid, uid, username, encounter)
