"""``openemr-bridge doctor``: every check gives a verdict, what it saw, and the fix."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import requests
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from bridge.ehr.version import detect, present_tables
from bridge.llm.endpoint import Endpoint
from bridge.runtime import Practice, Runtime
from bridge.settings import Settings


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def run_checks(settings: Settings) -> Iterator[Check]:
    yield Check("configuration", True, f"{settings.source}: {len(settings.practices)} practice(s)")
    yield _redis(settings)
    rt = Runtime.create(settings)
    for name in sorted(settings.practices):
        yield from _practice(rt, name)
    for endpoint in settings.endpoints:
        yield _endpoint(endpoint)


def _redis(settings: Settings) -> Check:
    import redis

    try:
        redis.Redis.from_url(settings.redis_url, socket_connect_timeout=3).ping()
        return Check("redis", True, f"{settings.redis_url} answers")
    except Exception as exc:
        return Check("redis", False, f"{settings.redis_url} does not answer ({type(exc).__name__})",
                     "start Redis (redis-server) or fix [redis] url in bridge.toml")


def _practice(rt: Runtime, name: str) -> Iterator[Check]:
    label = f"practice {name}"
    try:
        practice = rt.practice(name)
        conn = practice.engine.connect()
    except Exception as exc:
        yield Check(f"{label}: database", False, f"cannot connect ({type(exc).__name__}: {str(exc)[:160]})",
                    f"check [database] in {rt.settings.practices[name].source} and that MariaDB/MySQL runs")
        return
    with conn:
        db = practice.settings.database
        yield Check(f"{label}: database", True, f"{db.user}@{db.host}:{db.port}/{db.database}")
        version = detect(conn)
        yield Check(f"{label}: OpenEMR version", version.supported, version.label,
                    "the bridge supports OpenEMR 7.0.x and later; upgrade OpenEMR")
        missing = _missing_columns(conn)
        yield Check(f"{label}: OpenEMR schema", not missing,
                    "all declared tables and columns present" if not missing else "missing: " + ", ".join(missing[:12]),
                    "this database is not an OpenEMR 7.0+ database, or a form's table.sql was not run")
        installed = set(aib.bridge_meta.tables) <= version.tables
        yield Check(f"{label}: bridge installed", installed,
                    "aib_ tables present" if installed else "aib_ tables missing",
                    f"run: openemr-bridge install --practice {name}")
        yield _service_user(conn, practice.settings.service_user, label)
        yield _layouts(conn, practice, label)
        yield _privileges(conn, label)


def _missing_columns(conn: Connection) -> list[str]:
    have = {(r[0], r[1]) for r in conn.execute(text(
        "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"))}
    tables = {t for t, _ in have}
    return [f"{t.name}.{c.name}" for t in oe.openemr.tables.values() for c in t.columns
            if (t.name, c.name) not in have and not (t.name in oe.OPTIONAL_TABLES and t.name not in tables)]


def _service_user(conn: Connection, username: str, label: str) -> Check:
    row = conn.execute(text("SELECT u.id, (SELECT COUNT(*) FROM users_secure s WHERE s.username = u.username) "
                            "FROM users u WHERE u.username = :u"), {"u": username}).first()
    if row is None:
        return Check(f"{label}: service user", False, f"{username!r} missing", "run openemr-bridge install")
    if row[1]:
        return Check(f"{label}: service user", False, f"{username!r} has a users_secure row (it can log in)",
                     f"delete the users_secure row of {username!r}: the drafting account must not log in")
    return Check(f"{label}: service user", True, f"{username!r} present, cannot log in")


def _layouts(conn: Connection, practice: Practice, label: str) -> Check:
    wanted = [f.form_id for f in practice.hooks.layouts()]
    have = {r[0] for r in conn.execute(text(
        "SELECT grp_form_id FROM layout_group_properties WHERE grp_group_id = '' AND grp_activity = 1"))}
    missing = [w for w in wanted if w not in have]
    return Check(f"{label}: forms", not missing, f"{len(wanted) - len(missing)}/{len(wanted)} layout-based forms active"
                 + (f"; missing {', '.join(missing)}" if missing else ""),
                 f"run: openemr-bridge install --practice {practice.name}")


def _privileges(conn: Connection, label: str) -> Check:
    """Missing and excess rights against the runtime profile of :mod:`bridge.grants`."""
    from bridge import grants_review as grants

    database = conn.execute(text("SELECT DATABASE()")).scalar_one()
    present = present_tables(conn)
    found = grants.review([r[0] for r in conn.execute(text("SHOW GRANTS"))], database, present)
    name = label.removeprefix("practice ")
    bits = []
    if found.missing:
        bits.append("missing " + grants.describe(found.missing))
    if found.broad:
        bits.append("more than needed: " + "; ".join(found.broad))
    if found.excess:
        bits.append("not used by the bridge: " + grants.describe(found.excess))
    if found.installer_rights:
        bits.append("install-only rights (fine if this account runs install): "
                    + grants.describe(found.installer_rights))
    return Check(f"{label}: privileges", found.ok,
                 "; ".join(bits) or "exactly the runtime rights the bridge uses",
                 f"connect as an account holding exactly: openemr-bridge grants --practice {name} "
                 "(revoke the rest)")


def _endpoint(endpoint: Endpoint) -> Check:
    name = f"llm endpoint {endpoint.name} ({endpoint.kind})"
    headers = {"Authorization": f"Bearer {endpoint.api_key}"} if endpoint.api_key else {}
    try:
        resp = requests.get(f"{endpoint.base_url}/models", headers=headers, timeout=5)
    except requests.RequestException as exc:
        return Check(name, False, f"{endpoint.base_url} unreachable ({type(exc).__name__})",
                     "start the model server or fix base_url; drafting falls back to the template backend meanwhile")
    if resp.status_code >= 400:
        return Check(name, False, f"{endpoint.base_url}/models answered HTTP {resp.status_code}",
                     "check api_key's environment variable and the model name")
    return Check(name, True, f"{endpoint.base_url} answers")
