"""The declared OpenEMR subset matches a real OpenEMR database reflected from its schema."""
from __future__ import annotations

from sqlalchemy import MetaData

from bridge.ehr import schema as oe
from bridge.ehr.version import detect


def test_every_declared_column_exists_in_real_openemr(practice_db):
    # Given a database loaded from OpenEMR's own database.sql
    real = MetaData()
    real.reflect(practice_db.engine, only=list(oe.openemr.tables))
    # Then every declared table and column is there, with a compatible kind of type
    problems = []
    for name, table in oe.openemr.tables.items():
        for col in table.columns:
            actual = real.tables[name].columns.get(col.name)
            if actual is None:
                problems.append(f"{name}.{col.name} missing")
            elif actual.type.python_type is not col.type.python_type and not _compatible(col, actual):
                problems.append(f"{name}.{col.name}: declared {col.type}, real {actual.type}")
    assert problems == []


def _compatible(declared, actual) -> bool:  # type: ignore[no-untyped-def]
    # ENUM columns (log_comment_encrypt.encrypt, insurance_data.type) are declared as strings
    return declared.type.python_type is str and actual.type.python_type is str


def test_version_and_optional_columns_are_detected(practice_db):
    with practice_db.engine.connect() as conn:
        version = detect(conn)
    assert (version.major, version.minor) == (8, 2)
    assert version.supported
    assert version.has("form_care_plan", "plan_status")
    assert version.has("patient_data", "interpreter") and not version.has("patient_data", "interpretter")


def test_connection_uses_openemr_session_settings(practice_db):
    with practice_db.engine.connect() as conn:
        mode, charset = conn.exec_driver_sql("SELECT @@SESSION.sql_mode, @@character_set_connection").one()
        zone = conn.exec_driver_sql("SELECT @@SESSION.time_zone").scalar_one()
    assert mode == ""
    assert charset == "utf8mb4"
    assert zone.startswith(("+", "-"))
