from __future__ import annotations

import datetime as dt

import pytest

from bridge.ehr.connect import utc_offset


@pytest.mark.parametrize(("zone", "when", "expected"), [
    ("America/New_York", dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC), "-05:00"),  # winter
    ("America/New_York", dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC), "-04:00"),  # daylight time
    ("Asia/Kolkata", dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC), "+05:30"),  # half-hour offset
    ("UTC", dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC), "+00:00"),
])
def test_gbl_time_zone_becomes_a_session_offset(zone, when, expected):
    assert utc_offset(zone, when) == expected


def test_unknown_zone_falls_back_to_server_offset():
    assert utc_offset("Mars/Olympus_Mons").startswith(("+", "-"))


def test_session_time_zone_follows_the_global(practice_db):
    from bridge.ehr.connect import make_engine

    with practice_db.engine.begin() as conn:
        conn.exec_driver_sql("REPLACE INTO globals (gl_name, gl_index, gl_value) VALUES ('gbl_time_zone', 0, 'Asia/Kolkata')")
    engine = make_engine(practice_db.settings.practice("test").database)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT @@SESSION.time_zone").scalar_one() == "+05:30"
    finally:
        engine.dispose()
        with practice_db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM globals WHERE gl_name = 'gbl_time_zone'")
