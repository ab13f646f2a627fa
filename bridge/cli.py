"""``openemr-bridge``: install, doctor, detect, worker, status, failures, replay, audit, demo."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from bridge import logs
from bridge.settings import ConfigError, Settings, load

if TYPE_CHECKING:
    import datetime as dt

    from bridge.detect import DetectorConfig
    from bridge.runtime import Practice


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logs.configure("DEBUG" if getattr(args, "verbose", False) else None)
    try:
        settings = load(args.config)
        result: int = args.func(settings, args)
        return result
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="openemr-bridge", description=__doc__)
    p.add_argument("--config", help="path to bridge.toml (default: $AIB_CONFIG or config/bridge.toml)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    add = _adder(sub)
    c = add("install", cmd_install, "create bridge tables, forms, lists and the service user (idempotent)")
    c.add_argument("--practice", required=True)
    add("doctor", cmd_doctor, "check configuration, databases, OpenEMR version, schema, Redis, LLM endpoints")
    c = add("detect", cmd_detect, "watch OpenEMR for events and enqueue work (long-running)")
    c.add_argument("--practice", action="append", help="only these practices (default: all)")
    c.add_argument("--once", action="store_true", help="one detection pass, then exit")
    c = add("worker", cmd_worker, "run Dramatiq worker processes (long-running)")
    c.add_argument("--processes", type=int)
    c.add_argument("--threads", type=int)
    c = add("status", cmd_status, "events, tasks, drafts and failures per practice")
    c.add_argument("--practice", action="append")
    c = add("failures", cmd_failures, "list failed work with the reason and the fix")
    c.add_argument("--practice", action="append")
    c = add("replay", cmd_replay, "re-run failed work after fixing its cause")
    c.add_argument("--practice", required=True)
    c.add_argument("failure_ids", nargs="*", type=int)
    c.add_argument("--all", action="store_true", help="replay every open failure")
    c = add("audit", cmd_audit, "verify the hash-chained audit trail")
    c.add_argument("action", choices=["verify"])
    c.add_argument("--practice", action="append")
    c = add("grants", cmd_grants, "print the GRANT statements of a least-privilege database account")
    c.add_argument("--practice", required=True)
    c.add_argument("--user", help="account name (default: the practice's [database] user)")
    c.add_argument("--host", help="account host (default: from the practice's [database] host)")
    c.add_argument("--profile", choices=["runtime", "installer", "both"], default="runtime",
                   help="runtime: detector, workers, CLI; installer: openemr-bridge install")
    c = add("report", cmd_report, "time reclaimed per clinician: drafts, sign-offs, edits, time to signed note")
    c.add_argument("--practice", required=True)
    c.add_argument("--since", type=_date, help="drafts written on or after this date (YYYY-MM-DD)")
    c.add_argument("--csv", help="also write the table as CSV to this file")
    c.add_argument("--png", help="also write a chart (PNG) to this file")
    c.add_argument("--baseline-minutes", type=float, default=15.0,
                   help="minutes a clinician spends writing one note by hand (default 15)")
    c.add_argument("--review-minutes", type=float, default=3.0,
                   help="assumed minutes to read a draft before signing or discarding it (default 3)")
    c.add_argument("--kind", action="append", help="document kinds to count (default: progress_note)")
    return p


def _adder(sub: argparse._SubParsersAction) -> Callable[..., argparse.ArgumentParser]:
    def add(name: str, func: Callable[[Settings, argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        c: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
        c.set_defaults(func=func)
        return c
    return add


def _practices(settings: Settings, names: list[str] | None) -> list[str]:
    chosen = names or sorted(settings.practices)
    for name in chosen:
        settings.practice(name)
    if not chosen:
        raise ConfigError(f"no practices configured; add a file to the practices folder next to {settings.source}")
    return chosen


# --- commands -----------------------------------------------------------------------------

def cmd_install(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.ehr.install import install
    from bridge.runtime import Runtime

    rt = Runtime.create(settings)
    practice = rt.practice(args.practice)
    report = install(practice.engine, practice=practice.name, service_user=practice.settings.service_user,
                     layouts=practice.hooks.layouts(), lists=practice.hooks.lists())
    print(f"installed the bridge into practice {practice.name!r} ({practice.settings.database.database})")
    for line in report.lines():
        print(f"  {line}")
    return 0


def cmd_doctor(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.doctor import run_checks

    failed = 0
    for check in run_checks(settings):
        mark = "ok  " if check.ok else "FAIL"
        print(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            failed += 1
            print(f"       fix: {check.fix}")
    print(f"\n{failed} problem(s) found" if failed else "\nall checks passed")
    return 1 if failed else 0


def cmd_detect(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.detect import detect_once, dispatch, try_lock
    from bridge.queue import declare, make_broker, sender
    from bridge.runtime import Runtime

    rt = Runtime.create(settings)
    send = sender(declare(make_broker(settings), settings))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    names = _practices(settings, args.practice)
    locks = {}
    while not stop.is_set():
        for name in names:
            practice = rt.practice(name)
            cfg = detector_config(settings, practice)
            try:
                if name not in locks:
                    conn = practice.engine.connect()
                    if not try_lock(conn, name):
                        conn.close()
                        print(f"practice {name}: another detector holds the lock; standing by", flush=True)
                        continue
                    locks[name] = conn
                found = detect_once(practice.engine, practice.hooks, cfg)
                sent = dispatch(practice.engine, cfg, send)
                if found or sent:
                    print(f"practice {name}: {found} new event(s), {sent} task(s) enqueued", flush=True)
            except Exception as exc:  # database restart: keep going, reconnect next tick
                print(f"practice {name}: detection paused ({type(exc).__name__}); retrying", flush=True)
                old = locks.pop(name, None)
                if old is not None:
                    old.invalidate()
        if args.once:
            break
        stop.wait(settings.poll_seconds)
    return 0


def detector_config(settings: Settings, practice: Practice) -> DetectorConfig:
    """The detector's settings; the appointment window follows the assessments plugin's
    ``delivery_lead_days`` when that plugin is enabled, else ``[detector] appointment_lead_days``."""
    from bridge.detect import DetectorConfig

    lead = settings.appointment_lead_days
    if "assessments" in practice.hooks.enabled:
        lead = int(practice.hooks.options("assessments").get("delivery_lead_days", lead))
    return DetectorConfig(practice.name, practice.settings.service_user, settings.rescan_window,
                          settings.debounce_seconds, lead, settings.requeue_after_seconds)


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    env = dict(os.environ, OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.setdefault("dramatiq_worker_timeout", "100")  # idle fetch every 100 ms, not 1 s: lower latency
    if args.config:
        env["AIB_CONFIG"] = os.path.abspath(args.config)
    cmd = [sys.executable, "-m", "dramatiq", "bridge.worker_entry",
           "--processes", str(args.processes or settings.worker_processes),
           "--threads", str(args.threads or settings.worker_threads)]
    return subprocess.call(cmd, env=env)


def cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.ehr import tables as aib
    from bridge.runtime import Runtime

    rt = Runtime.create(settings)
    for name in _practices(settings, args.practice):
        with rt.practice(name).engine.connect() as conn:
            print(f"practice {name}")
            for label, table, col in (("tasks", aib.tasks, aib.tasks.c.status),
                                      ("drafts", aib.drafts, aib.drafts.c.state)):
                rows = conn.execute(select(col, func.count()).select_from(table).group_by(col)).all()
                print(f"  {label}: " + (", ".join(f"{k}={v}" for k, v in rows) or "none"))
            open_failures = conn.execute(select(func.count()).select_from(aib.failures).where(
                aib.failures.c.replayed_at.is_(None))).scalar_one()
            print(f"  open failures: {open_failures}")
            for source, hwm in conn.execute(select(aib.cursors.c.source, aib.cursors.c.high_water).where(
                    aib.cursors.c.practice == name)):
                print(f"  cursor {source}: {hwm}")
    return 0


def cmd_failures(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.ehr import tables as aib
    from bridge.runtime import Runtime

    rt = Runtime.create(settings)
    total = 0
    for name in _practices(settings, args.practice):
        with rt.practice(name).engine.connect() as conn:
            f, e = aib.failures, aib.events
            rows = conn.execute(select(f, e.c.kind, e.c.source_table, e.c.source_id).select_from(
                f.join(e, e.c.id == f.c.event_id)).where(f.c.replayed_at.is_(None)).order_by(f.c.id)).mappings()
            for row in rows:
                total += 1
                print(f"{name} #{row['id']} event {row['event_id']} ({row['kind']} {row['source_table']}:"
                      f"{row['source_id']}) plugin {row['plugin']} after {row['attempts']} attempt(s) "
                      f"at {row['failed_at']}\n    {row['reason']}")
    print(f"{total} open failure(s)" + ("; fix the cause, then: openemr-bridge replay --practice NAME ID" if total else ""))
    return 0


def cmd_replay(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.ehr import tables as aib
    from bridge.runtime import Runtime

    if not args.failure_ids and not args.all:
        print("name failure ids (see `openemr-bridge failures`) or pass --all", file=sys.stderr)
        return 2
    practice = Runtime.create(settings).practice(args.practice)
    f, t = aib.failures, aib.tasks
    with practice.engine.begin() as conn:
        query = select(f.c.id, f.c.event_id, f.c.plugin).where(f.c.replayed_at.is_(None))
        if not args.all:
            query = query.where(f.c.id.in_(args.failure_ids))
        rows = conn.execute(query).all()
        for fid, event_id, plugin in rows:
            conn.execute(t.update().where(t.c.event_id == event_id, t.c.plugin == plugin).values(
                status="pending", updated_at=text("NOW()")))
            conn.execute(f.update().where(f.c.id == fid).values(replayed_at=text("NOW()")))
    missing = set(args.failure_ids) - {r[0] for r in rows}
    for fid in sorted(missing):
        print(f"failure #{fid} not found or already replayed", file=sys.stderr)
    print(f"{len(rows)} failure(s) queued for replay; the detector enqueues them on its next pass")
    return 1 if missing else 0


def cmd_audit(settings: Settings, args: argparse.Namespace) -> int:
    from bridge.ehr.audit import verify
    from bridge.runtime import Runtime

    rt = Runtime.create(settings)
    bad = 0
    for name in _practices(settings, args.practice):
        with rt.practice(name).engine.connect() as conn:
            problems = verify(conn)
            rows = conn.execute(text("SELECT COUNT(*) FROM aib_audit")).scalar_one()
        if problems:
            bad += 1
            print(f"practice {name}: audit trail BROKEN ({len(problems)} problem(s) in {rows} rows)")
            for p in problems:
                print(f"  row {p.row_id}: {p.problem}")
        else:
            print(f"practice {name}: audit trail intact ({rows} rows)")
    return 1 if bad else 0


def _date(value: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD") from None


def cmd_grants(settings: Settings, args: argparse.Namespace) -> int:
    from bridge import grants
    from bridge.ehr.connect import make_engine
    from bridge.ehr.version import present_tables

    ps = settings.practice(args.practice)
    db = ps.database
    present: set[str] | None = None
    try:  # which optional tables exist (a GRANT on a missing table fails)
        engine = make_engine(db, pool_size=1)
        with engine.connect() as conn:
            present = present_tables(conn)
        engine.dispose()
    except Exception as exc:
        print(f"-- could not read the table list of {db.database} ({type(exc).__name__}); every "
              "optional table is listed: drop the GRANTs of tables this database lacks")
    local = db.socket or db.host in ("127.0.0.1", "localhost", "::1")
    host = args.host or ("localhost" if db.socket else "127.0.0.1" if local else "%")
    if not args.host and not local:
        print("-- host '%' accepts the account from anywhere: pass --host with the bridge machine's address")
    print(grants.script(args.profile, db.database, args.user or db.user, host, present), end="")
    return 0


def cmd_report(settings: Settings, args: argparse.Namespace) -> int:
    from bridge import report
    from bridge.ehr.connect import make_engine

    ps = settings.practice(args.practice)
    params = report.Params(baseline_minutes=args.baseline_minutes, review_minutes=args.review_minutes,
                           since=args.since, kinds=tuple(args.kind or report.DEFAULT_KINDS))
    engine = make_engine(ps.database, pool_size=1)
    try:
        with engine.connect() as conn:
            rows = report.build(conn, ps.name, params)
    finally:
        engine.dispose()
    print(report.render(rows, params, ps.name))
    if args.csv:
        report.write_csv(rows, params, args.csv)
        print(f"CSV written to {args.csv}")
    if args.png:
        report.write_png(rows, params, ps.name, args.png)
        print(f"chart written to {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
