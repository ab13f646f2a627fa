"""Connections made the way OpenEMR makes its own (src/BC/DatabaseConnectionFactory.php):
utf8mb4, ``sql_mode=''``, and the session time zone set to the UTC offset of the
``gbl_time_zone`` global, so NOW() and DATETIME values match what OpenEMR writes."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from bridge.settings import DatabaseSettings

log = logging.getLogger(__name__)


def make_engine(db: DatabaseSettings, *, pool_size: int = 5) -> Engine:
    engine = create_engine(
        db.url(), hide_parameters=True, pool_pre_ping=True, pool_recycle=1800, pool_size=pool_size, max_overflow=5,
        connect_args={"connect_timeout": 10, "read_timeout": 60, "write_timeout": 60},
    )
    event.listen(engine, "connect", _session_setup)
    return engine


def _session_setup(dbapi_conn: Any, _record: Any) -> None:
    with dbapi_conn.cursor() as cur:
        cur.execute("SET NAMES utf8mb4")
        cur.execute("SET SESSION sql_mode = ''")
        zone = _global_time_zone(cur)
        cur.execute("SET time_zone = %s", (utc_offset(zone),))
    dbapi_conn.commit()


def _global_time_zone(cur: Any) -> str:
    try:
        cur.execute("SELECT gl_value FROM globals WHERE gl_name = 'gbl_time_zone' LIMIT 1")
        row = cur.fetchone()
    except Exception:  # a database without OpenEMR's globals yet (doctor explains it)
        return ""
    return str(row[0]) if row and row[0] else ""


def utc_offset(zone: str, at: dt.datetime | None = None) -> str:
    """'+HH:MM' for an IANA zone name; the server's own offset when the global is empty."""
    now = at or dt.datetime.now(dt.UTC)
    try:
        offset = now.astimezone(ZoneInfo(zone)).utcoffset() if zone else now.astimezone().utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("gbl_time_zone %r is not a known time zone; using the server offset", zone)
        offset = now.astimezone().utcoffset()
    minutes = int((offset or dt.timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

