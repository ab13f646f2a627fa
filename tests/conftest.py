"""Fixtures shared by the suite: a practice database loaded from OpenEMR's real schema with
the bridge installed, settings pointing at it, and factories acting as OpenEMR's screens."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REDIS_URL = os.environ.get("AIB_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{1 + os.getpid() % 14}")


def write_config(folder: Path, database: str, *, enabled: tuple[str, ...] = ("notes", "plans", "assessments"),
                 extra_bridge: str = "", extra_practice: str = "", user: str = "root",
                 password_env: str | None = None, redis_url: str | None = None) -> Path:
    """The test deployment: quick retries, a short debounce, a Redis database of this run's own."""
    from bridge.devdb import write_config as write

    return write(folder, database, enabled=enabled, user=user, password_env=password_env,
                 extra_bridge=extra_bridge, extra_practice=extra_practice, bridge={
                     "redis": {"url": redis_url or REDIS_URL, "heartbeat_timeout_ms": 5000},
                     "worker": {"processes": 1, "threads": 2, "max_retries": 2, "min_backoff_ms": 100,
                                "max_backoff_ms": 400},
                     "detector": {"poll_seconds": 0.2, "rescan_window": 20, "debounce_seconds": 0.5,
                                  "requeue_after_seconds": 6},
                 })


@dataclass
class PracticeDB:
    name: str
    config: Path
    settings: object
    runtime: object
    engine: Engine

    @property
    def practice(self):  # type: ignore[no-untyped-def]
        return self.runtime.practice("test")  # type: ignore[attr-defined]


def _make_practice_db(folder: Path) -> Iterator[PracticeDB]:
    from bridge.devdb import create_openemr_database, drop_database
    from bridge.ehr.install import install
    from bridge.runtime import Runtime
    from bridge.settings import load

    name = f"aibt_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    create_openemr_database(name)
    config = write_config(folder, name)
    settings = load(config)
    runtime = Runtime.create(settings)
    practice = runtime.practice("test")
    install(practice.engine, practice="test", service_user="aibridge",
            layouts=practice.hooks.layouts(), lists=practice.hooks.lists())
    try:
        yield PracticeDB(name, config, settings, runtime, practice.engine)
    finally:
        runtime.dispose()
        if not os.environ.get("AIB_KEEP_TEST_DB"):
            drop_database(name)


@pytest.fixture(scope="module")
def practice_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PracticeDB]:
    """A fresh OpenEMR database (real schema, demo patients), bridge installed; one per module."""
    yield from _make_practice_db(tmp_path_factory.mktemp("practice"))


@pytest.fixture
def fresh_practice_db(tmp_path: Path) -> Iterator[PracticeDB]:
    """Like practice_db, but one per test (for cursor and detector tests)."""
    yield from _make_practice_db(tmp_path)


@dataclass
class Clinic:
    clinician_id: int
    clinician: str
    pid: int
    encounter: int


_counter = iter(range(1, 1_000_000))


@pytest.fixture
def clinic(practice_db: PracticeDB) -> Clinic:
    """A clinician, a synthetic patient with a depressive diagnosis, and today's encounter."""
    return make_clinic(practice_db.engine)


def make_clinic(engine: Engine, *, diagnosis: tuple[str, str] = ("F33.1", "Major depressive disorder, recurrent, moderate")) -> Clinic:
    from bridge.devdb import add_diagnosis, create_clinician, create_encounter, create_patient

    n = next(_counter)
    with engine.begin() as conn:
        username = f"clin{os.getpid() % 1000}x{n}"
        uid = create_clinician(conn, username, "Dana", f"Whitfield{n}", "LCSW")
        pid = create_patient(conn, fname="Jordan", lname=f"Testperson{n}", provider_id=uid,
                             phone_cell="(555) 010-4477", street="12 Elm Row", city="Springfield")
        if diagnosis:
            add_diagnosis(conn, pid, *diagnosis)
        encounter = create_encounter(conn, pid, uid)
    return Clinic(uid, username, pid, encounter)


SESSION_VALUES = {
    "focus": "Low mood and withdrawal after job loss; wants to re-engage with friends.",
    "symptoms": "Depressed mood most days, poor sleep (about 5 hours), low energy.",
    "impairment": "Missed two family events this month; struggling to keep up job applications.",
    "observations": "Casually dressed, cooperative, affect constricted, speech normal rate.",
    "interventions": "cbt_restructuring|behavioral_activation",
    "response": "Identified two automatic thoughts about being a failure and generated balanced alternatives.",
    "plan": "Schedule three pleasant activities this week; next session in one week.",
    "si_screen": "denied",
    "hi_screen": "not_assessed",
    "start_time": "10:00",
    "stop_time": "10:50",
    "cpt": "90834",
    "modality": "video",
    "participants": "Client only",
}
