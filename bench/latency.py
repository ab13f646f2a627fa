"""Latency and throughput of the whole bridge: Session Input saved -> progress-note draft committed.

    OMP_NUM_THREADS=1 .venv/bin/python bench/latency.py [--n 200] [--rate 2] [--workers 1] [--threads 8]

Everything is real: a fresh MariaDB database loaded from OpenEMR's ``database.sql`` with the
bridge installed, a private ``redis-server`` (so no other bench or test shares the queue), one
``openemr-bridge detect`` process and ``dramatiq bridge.worker_entry`` worker processes, with
the template note backend (no model). Forms are saved with ``bridge.devdb.submit_session_form``,
which writes the rows OpenEMR's LBF save writes, in the same order and transactions.

Phases:
1. latency: N Session Inputs at a steady ``--rate``; for each, from "form saved" (submit
   returned, every row committed) to "draft committed" (its ``aib_drafts`` progress_note row
   visible), split at "event detected" (its ``aib_events`` row visible). The detector's
   debounce and poll interval are part of the measured latency.
2. throughput: the worker is stopped, N forms are saved and queued, then the worker starts;
   drafts/minute per worker process = (N - 1) / (last commit - first commit), start-up excluded.
3. profile: a few tasks run in this process through ``bridge.worker.run_task`` under cProfile,
   with SQL statements counted, to show where a worker's time goes.

Timing method: one watcher thread polls both tables every ``--poll-ms`` (default 20) on an
autocommit connection; a row first seen by the poll that started at t committed in (previous
poll start, t], so latencies are over-estimated by at most one poll gap (the largest gap seen
is printed). Both ends use this process's monotonic clock: no clock skew, no DATETIME rounding.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import io
import os
import pstats
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import pymysql  # noqa: E402
from sqlalchemy import event as sa_event  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from bridge import devdb  # noqa: E402
from bridge.ehr.install import install  # noqa: E402
from bridge.runtime import Runtime  # noqa: E402
from bridge.settings import load  # noqa: E402

PRACTICE = "bench"
GOAL_P95_S = 3.0
GOAL_PER_WORKER_PER_MIN = 600
FORMATS = ("", "SOAP", "DAP", "BIRP", "GIRP")
INTERVENTIONS = ("cbt_restructuring|behavioral_activation", "mi", "dbt_skills|mindfulness", "psychoeducation")


def session_values(i: int) -> dict[str, str]:
    """Synthetic Session Input values (no real person), varied a little per session."""
    return {
        "focus": f"Low mood and withdrawal after job loss; session topic number {i}.",
        "symptoms": "Depressed mood most days, poor sleep (about 5 hours), low energy.",
        "impairment": "Missed two family events this month; struggling to keep up job applications.",
        "observations": "Casually dressed, cooperative, affect constricted, speech normal rate.",
        "interventions": INTERVENTIONS[i % len(INTERVENTIONS)],
        "response": "Identified two automatic thoughts about being a failure and generated balanced alternatives.",
        "goal_progress": "G1: completed two of three planned activities.",
        "plan": "Schedule three pleasant activities this week; next session in one week.",
        "si_screen": "denied", "hi_screen": "not_assessed",
        "start_time": "10:00", "stop_time": "10:50", "cpt": "90834", "modality": "video",
        "participants": "Client only", "note_format": FORMATS[i % len(FORMATS)],
    }


# --- services and processes -----------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_redis(port: int, log: Path) -> subprocess.Popen[bytes]:
    exe = shutil.which("redis-server") or "redis-server"
    proc = subprocess.Popen([exe, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
    wait_until(lambda: subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout.strip()
               == b"PONG", 10, "redis-server")
    return proc


def _env(config: Path) -> dict[str, str]:
    return dict(os.environ, AIB_CONFIG=str(config), OMP_NUM_THREADS="1", PYTHONPATH=str(REPO),
                HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", AIB_LOG_LEVEL="WARNING")


def start_detector(config: Path, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "bridge.cli", "--config", str(config), "detect"]
    return subprocess.Popen(cmd, env=_env(config), cwd=REPO, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def start_worker(config: Path, log: Path, processes: int, threads: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dramatiq", "bridge.worker_entry", "--processes", str(processes),
           "--threads", str(threads)]
    return subprocess.Popen(cmd, env=_env(config), cwd=REPO, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen[bytes] | None, timeout: float = 20) -> None:
    """Stop a process group this script started (its leader's pid is the group id)."""
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


def wait_until(check: Callable[[], object], timeout: float, what: str, every: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")


# --- machine figures (Linux /proc) ----------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid: int) -> float:
    """user+system CPU of every live process in a process group."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the comm: state ppid pgrp ...; utime=11, stime=12
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def machine_busy() -> tuple[float, float]:
    """(busy jiffies, total jiffies) over all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@dataclass
class Usage:
    """CPU use over a phase: this bench's processes and the whole (shared) machine."""
    start: float = field(default_factory=time.monotonic)
    busy0: tuple[float, float] = field(default_factory=machine_busy)
    load0: str = field(default_factory=loadavg)
    groups0: dict[str, float] = field(default_factory=dict)

    @classmethod
    def begin(cls, groups: dict[str, int]) -> Usage:
        return cls(groups0={k: group_cpu_seconds(v) for k, v in groups.items()})

    def end(self, groups: dict[str, int]) -> PhaseUsage:
        b1 = machine_busy()
        share = (b1[0] - self.busy0[0]) / max(1.0, b1[1] - self.busy0[1])
        cpu = {k: group_cpu_seconds(v) - self.groups0.get(k, 0.0) for k, v in groups.items()}
        return PhaseUsage(time.monotonic() - self.start, share, self.load0, loadavg(), cpu)


@dataclass(frozen=True)
class PhaseUsage:
    seconds: float
    machine_busy: float  # share of all cores busy, whoever used them
    load_before: str
    load_after: str
    cpu: dict[str, float]  # CPU seconds per process group over the phase


# --- the watcher: when each form's event and draft became visible ---------------------------

class Watcher(threading.Thread):
    """Polls ``aib_events`` and ``aib_drafts``; records when each forms id was first seen in each.

    Ids are polled from a window below the highest id seen, because concurrent transactions
    commit out of id order; ``window`` must exceed the number of transactions in flight.
    """

    def __init__(self, database: str, every: float, window: int) -> None:
        super().__init__(daemon=True, name="watcher")
        self.every, self.window = every, window
        self.conn = pymysql.connect(host="127.0.0.1", port=3306, user="root", database=database, autocommit=True)
        self.detected: dict[int, float] = {}
        self.drafted: dict[int, float] = {}
        self.starts: list[float] = []
        self._halt = threading.Event()
        self._top = {"aib_events": 0, "aib_drafts": 0}

    def run(self) -> None:
        while not self._halt.is_set():
            started = time.monotonic()
            self.starts.append(started)
            self._poll("aib_events", "source_table = 'forms' AND kind = 'form_saved'", "source_id", self.detected, started)
            self._poll("aib_drafts", "kind = 'progress_note'", "source_key", self.drafted, started)
            self._halt.wait(max(0.0, self.every - (time.monotonic() - started)))

    def _poll(self, table: str, where: str, column: str, seen: dict[int, float], started: float) -> None:
        with self.conn.cursor() as cur:
            cur.execute(f"SELECT id, {column} FROM {table} WHERE {where} AND id > %s",
                        (self._top[table] - self.window,))
            for row_id, source in cur.fetchall():
                self._top[table] = max(self._top[table], int(row_id))
                key = str(source).removeprefix("forms:")
                if key.isdigit():
                    seen.setdefault(int(key), started)

    def halt(self) -> None:
        self._halt.set()
        self.join(5)
        self.conn.close()

    def gap_summary(self, since: float, until: float) -> tuple[float, float]:
        """(p99, max) seconds between poll starts within [since, until]: the timing error bound."""
        starts = [t for t in self.starts if since <= t <= until]
        gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)] or [0.0]
        return percentile(gaps, 99), max(gaps)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile of ``values`` (need not be sorted)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[min(len(ordered), int(rank)) - 1]


# --- setup ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    """Where one Session Input is saved: a patient's encounter and its clinician."""
    pid: int
    encounter: int
    username: str
    uid: int


def write_config(folder: Path, database: str, redis_url: str, args: argparse.Namespace) -> Path:
    return devdb.write_config(folder, database, practice=PRACTICE, plugins={"notes": {"backend": "template"}}, bridge={
        "redis": {"url": redis_url},
        "worker": {"processes": args.workers, "threads": args.threads},
        "detector": {"poll_seconds": args.poll, "debounce_seconds": args.debounce, "rescan_window": 50,
                     "requeue_after_seconds": 600},
    })


def make_slots(engine: Engine, patients: int, sessions: int) -> list[Slot]:
    """Synthetic clinicians and patients (each with a depression diagnosis), one encounter per session."""
    with engine.begin() as conn:
        clinicians = [(f"benchclin{c}", devdb.create_clinician(conn, f"benchclin{c}", "Dana", f"Benchmark{c}"))
                      for c in range(max(1, patients // 5))]
        people = []
        for p in range(patients):
            username, uid = clinicians[p % len(clinicians)]
            pid = devdb.create_patient(conn, fname="Jordan", lname=f"Benchperson{p}", provider_id=uid)
            devdb.add_diagnosis(conn, pid, "F33.1", "Major depressive disorder, recurrent, moderate")
            people.append((pid, username, uid))
        slots = []
        for i in range(sessions):
            pid, username, uid = people[i % patients]
            slots.append(Slot(pid, devdb.create_encounter(conn, pid, uid), username, uid))
    return slots


def count(engine: Engine, sql: str, **params: object) -> int:
    """A fresh connection per read: a held one would keep its REPEATABLE READ snapshot."""
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar() or 0)


def idle(engine: Engine) -> bool:
    """No task waiting, queued or running."""
    return count(engine, "SELECT COUNT(*) FROM aib_tasks WHERE status NOT IN ('done','skipped','failed')") == 0


def failed_forms(engine: Engine) -> set[int]:
    """Forms whose notes task failed for good (retries spent): they never get a draft."""
    with engine.connect() as conn:
        return {int(r[0]) for r in conn.execute(text(
            "SELECT e.source_id FROM aib_failures f JOIN aib_events e ON e.id = f.event_id "
            "WHERE e.source_table = 'forms' AND f.plugin = 'notes'"))}


def submit(engine: Engine, slot: Slot, i: int) -> tuple[int, float, float]:
    """Save one Session Input as OpenEMR does; (forms id, seconds the save took, time saved)."""
    began = time.monotonic()
    forms_id = devdb.submit_session_form(engine, slot.pid, slot.encounter, slot.username, slot.uid,
                                         session_values(i))
    done = time.monotonic()
    return forms_id, done - began, done


# --- the phases -----------------------------------------------------------------------------

@dataclass
class Bench:
    args: argparse.Namespace
    config: Path
    logs: Path
    engine: Engine
    watcher: Watcher
    slots: Iterator[tuple[int, Slot]]
    detector: subprocess.Popen[bytes] | None = None
    worker: subprocess.Popen[bytes] | None = None

    def take(self, k: int) -> list[tuple[int, Slot]]:
        return [next(self.slots) for _ in range(k)]

    def start_processes(self, *, detector: bool = False) -> None:
        if detector:
            self.detector = start_detector(self.config, self.logs / "detector.log")
        self.worker = start_worker(self.config, self.logs / "worker.log", self.args.workers, self.args.threads)

    def stop_worker(self) -> None:
        stop(self.worker)
        self.worker = None

    def groups(self) -> dict[str, int]:
        found = {"detector": self.detector, "worker": self.worker}
        groups = {k: p.pid for k, p in found.items() if p is not None and p.poll() is None}
        server = mariadb_pgid()
        if server:
            groups["mariadb"] = server
        return groups

    def queued(self, forms: dict[int, float]) -> bool:
        """Every form detected and every task handed to Redis (none left pending)."""
        return all(f in self.watcher.detected for f in forms) and count(
            self.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status = 'pending'") == 0


def mariadb_pgid() -> int | None:
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() in ("mariadbd", "mysqld"):
                return int((entry / "stat").read_text().rsplit(")", 1)[1].split()[2])
        except OSError:
            continue
    return None


def wait_for_drafts(b: Bench, forms: dict[int, float], timeout: float, what: str,
                    sample: Callable[[], None] | None = None) -> set[int]:
    """Until every form has its draft or its notes task failed, and no task is open; the failed ones."""
    failed: set[int] = set()

    def finished() -> bool:
        if sample:
            sample()
        failed.update(failed_forms(b.engine) & set(forms))
        return all(f in b.watcher.drafted or f in failed for f in forms) and idle(b.engine)

    wait_until(finished, timeout, what, every=0.25)
    return failed


def retries(log: Path, offset: int) -> collections.Counter[str]:
    """Task attempts the worker logged as failed after ``offset`` (deadlocks counted apart)."""
    counts: collections.Counter[str] = collections.Counter()
    with log.open("rb") as f:
        f.seek(offset)
        for line in f.read().decode(errors="replace").splitlines():
            if found := re.search(r"bridge\.worker: task \d+ .* attempt \d+ failed: (\w+)", line):
                counts[found.group(1)] += 1
            elif line.startswith("sqlalchemy.exc.OperationalError") and "(1213," in line:
                counts["of which deadlocks (1213)"] += 1
    return counts


def log_size(b: Bench) -> int:
    path = b.logs / "worker.log"
    return path.stat().st_size if path.exists() else 0


def warm_up(b: Bench) -> None:
    """Let set-up events (the diagnoses) drain, then draft one form per worker thread."""
    wait_until(lambda: idle(b.engine), 300, "set-up tasks to finish", every=0.5)
    forms = {submit(b.engine, slot, i)[0]: 0.0 for i, slot in b.take(b.args.workers * b.args.threads)}
    wait_for_drafts(b, forms, 180, "warm-up drafts")


@dataclass(frozen=True)
class LatencyResult:
    total: list[float]  # saved -> draft committed, drafted forms only
    detect: list[float]  # saved -> event detected
    work: list[float]  # event detected -> draft committed
    submit: list[float]  # the save itself
    rate: float
    failed: int
    gap: tuple[float, float]
    usage: PhaseUsage
    retries: collections.Counter[str]


@dataclass(frozen=True)
class ThroughputResult:
    forms: int
    tasks: int
    startup: float
    span: float
    per_min_per_worker: float
    wall_per_min: float
    cpu_per_form: float
    failed: int
    usage: PhaseUsage
    retries: collections.Counter[str]


def latency_phase(b: Bench) -> LatencyResult:
    usage, mark = Usage.begin(b.groups()), log_size(b)
    saved: dict[int, float] = {}
    took: list[float] = []
    began = time.monotonic()
    for k, (i, slot) in enumerate(b.take(b.args.n)):
        pause = began + k / b.args.rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        forms_id, seconds, at = submit(b.engine, slot, i)
        saved[forms_id] = at
        took.append(seconds)
    submitted = time.monotonic() - began
    failed = wait_for_drafts(b, saved, 300 + b.args.n, "the latency-phase drafts")
    w, ok = b.watcher, [f for f in saved if f not in failed]
    return LatencyResult(
        total=[w.drafted[f] - saved[f] for f in ok], detect=[w.detected[f] - saved[f] for f in saved],
        work=[w.drafted[f] - w.detected[f] for f in ok], submit=took, rate=(len(saved) - 1) / submitted,
        failed=len(failed), gap=w.gap_summary(began, time.monotonic()), usage=usage.end(b.groups()),
        retries=retries(b.logs / "worker.log", mark))


def throughput_phase(b: Bench) -> ThroughputResult:
    b.stop_worker()
    forms = {submit(b.engine, slot, i)[0]: 0.0 for i, slot in b.take(b.args.n)}
    wait_until(lambda: b.queued(forms), 120 + b.args.n, "the batch to be detected and queued")
    tasks = count(b.engine, "SELECT COUNT(*) FROM aib_tasks WHERE status = 'queued'")
    usage, mark = Usage.begin(b.groups()), log_size(b)
    started = time.monotonic()
    b.start_processes()
    samples: list[tuple[float, float]] = []

    def sample() -> None:
        assert b.worker is not None
        samples.append((time.monotonic(), group_cpu_seconds(b.worker.pid)))

    failed = wait_for_drafts(b, forms, 900, "the batch to be drafted", sample)
    times = sorted(b.watcher.drafted[f] for f in forms if f not in failed)
    first, last = times[0], times[-1]
    cpu_first = max((c for t, c in samples if t <= first), default=0.0)
    cpu_last = min((c for t, c in samples if t >= last), default=samples[-1][1])
    per_min = (len(times) - 1) / (last - first) * 60 if last > first else float("inf")
    return ThroughputResult(
        forms=len(forms), tasks=tasks, startup=first - started, span=last - first,
        per_min_per_worker=per_min / b.args.workers, wall_per_min=len(times) / (last - started) * 60,
        cpu_per_form=(cpu_last - cpu_first) / max(1, len(times) - 1), failed=len(failed),
        usage=usage.end(b.groups()), retries=retries(b.logs / "worker.log", mark))


class SqlCounter:
    """Statements sent and seconds spent waiting on them, for one engine in this process."""

    def __init__(self, engine: Engine) -> None:
        self.statements, self.seconds = 0, 0.0
        self.shapes: collections.Counter[str] = collections.Counter()  # statements by shape
        self.shape_seconds: collections.Counter[str] = collections.Counter()
        sa_event.listen(engine, "before_cursor_execute", self._before)
        sa_event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, _cursor: Any, statement: str, *_: object) -> None:
        conn.info["bench_sql"] = (time.perf_counter(), shape(statement))

    def _after(self, conn: Any, *_: object) -> None:
        began, what = conn.info.pop("bench_sql", (time.perf_counter(), "?"))
        seconds = time.perf_counter() - began
        self.statements += 1
        self.seconds += seconds
        self.shapes[what] += 1
        self.shape_seconds[what] += seconds


_WRITE = re.compile(r"\s*(INSERT INTO|UPDATE|DELETE FROM)\s+`?(\w+)", re.IGNORECASE)
_READ = re.compile(r"\s*SELECT\b.*?\bFROM\s+`?(\w+)", re.IGNORECASE | re.DOTALL)


def shape(statement: str) -> str:
    """'SELECT aib_drafts FOR UPDATE'-style summary of a statement: verb and first table."""
    lock = " FOR UPDATE" if "FOR UPDATE" in statement.upper() else ""
    if found := _WRITE.match(statement):
        return f"{found.group(1).split()[0].upper()} {found.group(2)}"
    if found := _READ.match(statement):
        return f"SELECT {found.group(1)}{lock}"
    return " ".join(statement.split())[:40]


@dataclass(frozen=True)
class ProfileResult:
    plain: dict[str, list[tuple[float, int, float]]]  # "plugin (state)" -> (wall, statements, SQL wait)
    shape_count: collections.Counter[str]
    shape_seconds: collections.Counter[str]
    plain_tasks: int
    profiled_tasks: int
    stats: pstats.Stats


def profile_phase(b: Bench, k: int) -> ProfileResult:
    """Run ``k`` forms' tasks in this process: half timed plainly, half under cProfile."""
    from bridge import logs
    from bridge.worker import run_task

    b.stop_worker()
    forms = {submit(b.engine, slot, i)[0]: 0.0 for i, slot in b.take(k)}
    wait_until(lambda: b.queued(forms), 120, "the profile batch to be queued")
    stop(b.detector)
    b.detector = None
    with b.engine.connect() as conn:
        tasks = [(int(t), str(p)) for t, p in conn.execute(text(
            "SELECT t.id, t.plugin FROM aib_tasks t JOIN aib_events e ON e.id = t.event_id "
            f"WHERE e.source_table = 'forms' AND e.source_id IN ({','.join(str(f) for f in forms)}) ORDER BY t.id"))]
    logs.configure("INFO")  # as in a worker: INFO records through the PHI log filter, here into a file
    handler = logs.logging.getLogger().handlers[0]
    assert isinstance(handler, logs.logging.StreamHandler)
    handler.setStream((b.logs / "profile.log").open("a"))
    runtime = Runtime.create(load(b.config))
    sql = SqlCounter(runtime.practice(PRACTICE).engine)
    plain: dict[str, list[tuple[float, int, float]]] = {}
    warm, rest = tasks[:2], tasks[2:]
    for task_id, _ in warm:
        run_task(runtime, PRACTICE, task_id)
    sql.shapes.clear()
    sql.shape_seconds.clear()
    half = len(rest) // 2
    for task_id, plugin in rest[:half]:
        n0, s0, t0 = sql.statements, sql.seconds, time.perf_counter()
        state = run_task(runtime, PRACTICE, task_id)
        plain.setdefault(f"{plugin} ({state})", []).append(
            (time.perf_counter() - t0, sql.statements - n0, sql.seconds - s0))
    shape_count, shape_seconds = collections.Counter(sql.shapes), collections.Counter(sql.shape_seconds)
    profiler = cProfile.Profile()
    profiler.enable()
    for task_id, _ in rest[half:]:
        run_task(runtime, PRACTICE, task_id)
    profiler.disable()
    runtime.dispose()
    return ProfileResult(plain, shape_count, shape_seconds, half, len(rest) - half, pstats.Stats(profiler))


# --- the report -----------------------------------------------------------------------------

def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def row(label: str, values: list[float]) -> str:
    return (f"  {label:<34}{ms(percentile(values, 50))} {ms(percentile(values, 95))} "
            f"{ms(percentile(values, 99))} {ms(max(values))}")


def usage_lines(usage: PhaseUsage, cores: int) -> list[str]:
    share = ", ".join(f"{k} {v / usage.seconds:.0%} of a core" for k, v in usage.cpu.items())
    return [f"  machine: {usage.machine_busy:.0%} of {cores} cores busy (everyone's work); "
            f"load average {usage.load_before} -> {usage.load_after}",
            f"  this bench's processes: {share} (mariadb is shared with other users)"]


def outcome_lines(tries: collections.Counter[str], failed: int) -> list[str]:
    lines = [f"  task attempts that failed and were retried: {sum(v for k, v in tries.items() if 'deadlock' not in k)}"
             + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(tries.items())) + ")" if tries else "")]
    if failed:
        lines.append(f"  FORMS NEVER DRAFTED (notes task failed after its retries): {failed}; "
                     "they are left out of the figures above")
    return lines


def debounce_window(debounce: float) -> tuple[float, float]:
    """The detector holds an LBF form at least D and at most D+1 seconds (forms.date has whole
    seconds, so it waits one second more than the setting); D = 0 turns the hold off."""
    return (debounce, debounce + 1.0) if debounce > 0 else (0.0, 0.0)


def header(args: argparse.Namespace, gap: tuple[float, float]) -> list[str]:
    low, high = debounce_window(args.debounce)
    return [
        "", "=" * 96, "OpenEMR AI bridge: Session Input saved -> progress-note draft committed (template backend)",
        "=" * 96,
        f"machine: {os.cpu_count()} cores (nproc), shared with other users; python {sys.version.split()[0]}",
        f"settings: workers {args.workers} process(es) x {args.threads} threads; detector poll {args.poll}s, "
        f"debounce {args.debounce}s; retries/backoff: the product defaults; plugins notes+plans+assessments; "
        f"{args.patients} synthetic patients",
        f"NOTE: the detector's debounce and poll are INSIDE the measured latency: a debounce of "
        f"{args.debounce}s holds a form {low:.1f}-{high:.1f}s (forms.date has whole seconds); the poll adds "
        f"0-{args.poll}s.",
        f"timing: watcher polls every {args.poll_ms} ms; largest gap between polls {gap[1] * 1000:.0f} ms "
        f"(p99 {gap[0] * 1000:.0f} ms) = the error bound (latencies over-stated by at most that)",
    ]


def latency_lines(args: argparse.Namespace, lat: LatencyResult, cores: int) -> list[str]:
    return [
        "", f"1) latency: {args.n} forms at {lat.rate:.2f}/s (asked {args.rate}/s)"
        f"{'':<4}p50        p95        p99        max",
        row("saved -> draft committed", lat.total),
        row("  saved -> event detected", lat.detect),
        row("  event detected -> draft committed", lat.work),
        row("  (the save itself, 3 transactions)", lat.submit),
        *outcome_lines(lat.retries, lat.failed), *usage_lines(lat.usage, cores),
    ]


def throughput_lines(thr: ThroughputResult, cores: int) -> list[str]:
    return [
        "", f"2) throughput: {thr.forms} forms ({thr.tasks} tasks: notes + plans) queued, then the worker started",
        f"  worker start-up to first draft: {thr.startup:.1f} s (excluded)",
        f"  first -> last draft: {thr.span:.1f} s => {thr.per_min_per_worker:.0f} drafts/min per worker process "
        f"({thr.wall_per_min:.0f}/min including start-up)",
        f"  worker CPU per form (both tasks): {thr.cpu_per_form * 1000:.0f} ms "
        f"=> at most {60 / max(1e-9, thr.cpu_per_form):.0f} drafts/min per process on an idle core",
        *outcome_lines(thr.retries, thr.failed), *usage_lines(thr.usage, cores),
    ]


def report(args: argparse.Namespace, lat: LatencyResult, thr: ThroughputResult) -> list[str]:
    cores = os.cpu_count() or 1
    p95 = percentile(lat.total, 95)
    met_p95 = p95 <= GOAL_P95_S and not lat.failed
    met_rate = thr.per_min_per_worker >= GOAL_PER_WORKER_PER_MIN and not thr.failed
    return [
        *header(args, lat.gap), *latency_lines(args, lat, cores), *throughput_lines(thr, cores),
        "", "goals:",
        f"  p95 <= {GOAL_P95_S:.0f} s: p95 = {p95:.2f} s -> {'MET' if met_p95 else 'NOT MET'}"
        + (f" ({lat.failed} form(s) never drafted)" if lat.failed else ""),
        f"  >= {GOAL_PER_WORKER_PER_MIN} drafts/min per worker: {thr.per_min_per_worker:.0f} -> "
        f"{'MET' if met_rate else 'NOT MET'}",
    ]


DB_CALLS = (("pymysql/cursors.py", "execute", "statements"), ("pymysql/connections.py", "commit", "commits"),
            ("pymysql/connections.py", "rollback", "rollbacks"), ("pymysql/connections.py", "ping", "pool pre-pings"))


def db_breakdown(stats: pstats.Stats, tasks: int) -> list[str]:
    """Per profiled task: wall in run_task, and how much of it waits on the database, by call."""
    table = stats.stats  # type: ignore[attr-defined]
    wall = sum(v[3] for k, v in table.items() if k[0].endswith("bridge/worker.py") and k[2] == "run_task")
    parts, spent = [], 0.0
    for file, func, label in DB_CALLS:
        calls = sum(v[1] for k, v in table.items() if k[0].endswith(file) and k[2] == func)
        seconds = sum(v[3] for k, v in table.items() if k[0].endswith(file) and k[2] == func)
        spent += seconds
        parts.append(f"{calls / tasks:.1f} {label} {seconds / tasks * 1000:.0f} ms")
    return [f"  per profiled task (mean of notes and plans): run_task {wall / tasks * 1000:.0f} ms = "
            + ", ".join(parts) + f", the rest (Python) {(wall - spent) / tasks * 1000:.0f} ms"]


def profile_lines(prof: ProfileResult, top: int) -> list[str]:
    lines = ["", f"3) in-process profile (bridge.worker.run_task; {prof.profiled_tasks} tasks under cProfile)",
             "  without the profiler:                 tasks   mean wall   SQL stmts   SQL wait"]
    for label, runs in sorted(prof.plain.items()):
        n = len(runs)
        lines.append(f"  {label:<36}{n:6d} {ms(sum(r[0] for r in runs) / n)} {sum(r[1] for r in runs) / n:9.1f}"
                     f"   {ms(sum(r[2] for r in runs) / n)}")
    lines += db_breakdown(prof.stats, prof.profiled_tasks)
    lines.append("  statements per task (plain-timed notes and plans tasks together), slowest first:")
    for what, seconds in prof.shape_seconds.most_common(12):
        lines.append(f"    {what:<36}{prof.shape_count[what] / prof.plain_tasks:5.1f} per task "
                     f"{seconds / prof.plain_tasks * 1000:6.1f} ms per task")
    for sort, where in (("cumulative", r"/(bridge|plugins|hooks)/"), ("tottime", "")):
        lines += ["", f"  top {top} by {sort}" + (" (project code)" if where else " (everything)")]
        lines += stats_lines(prof.stats, sort, where, top)
    return lines


def stats_lines(stats: pstats.Stats, sort: str, where: str, top: int) -> list[str]:
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]  # pstats prints to its stream
    stats.sort_stats(sort).print_stats(*([where] if where else []), top)
    body = out.getvalue().replace(sys.prefix + "/lib/python3.11/site-packages/", "").replace(str(REPO) + "/", "")
    return ["  " + ln for ln in body.splitlines() if ln.strip() and ("(" in ln or "ncalls" in ln)]


# --- main -----------------------------------------------------------------------------------

def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=200, help="forms per phase (default 200)")
    p.add_argument("--rate", type=float, default=2.0, help="forms saved per second in the latency phase (default 2)")
    p.add_argument("--workers", type=int, default=1, help="Dramatiq worker processes (default 1)")
    p.add_argument("--threads", type=int, default=8, help="threads per worker process (default 8, the product's)")
    p.add_argument("--patients", type=int, default=20, help="synthetic patients; sessions cycle over them")
    p.add_argument("--debounce", type=float, default=1.0, help="detector debounce_seconds (default 1.0, the product's)")
    p.add_argument("--poll", type=float, default=0.25, help="detector poll_seconds (default 0.25, the product's)")
    p.add_argument("--poll-ms", type=int, default=20, help="the watcher's poll interval in ms (default 20)")
    p.add_argument("--profile", type=int, default=24, help="forms whose tasks are profiled in-process (0: skip)")
    p.add_argument("--top", type=int, default=25, help="profile rows to print")
    p.add_argument("--keep-db", action="store_true", help="keep the database and the process logs")
    args = p.parse_args(argv)
    if args.n < 2 or args.rate <= 0 or args.workers < 1 or args.threads < 1 or args.patients < 1:
        p.error("need --n >= 2, --rate > 0, --workers >= 1, --threads >= 1, --patients >= 1")
    return args


def run(args: argparse.Namespace, database: str, folder: Path) -> list[str]:
    redis_port = free_port()
    redis = start_redis(redis_port, folder / "redis.log")
    bench: Bench | None = None
    runtime: Runtime | None = None
    try:
        config = write_config(folder, database, f"redis://127.0.0.1:{redis_port}/0", args)
        runtime = Runtime.create(load(config))
        practice = runtime.practice(PRACTICE)
        install(practice.engine, practice=PRACTICE, service_user="aibridge",
                layouts=practice.hooks.layouts(), lists=practice.hooks.lists())
        sessions = args.workers * args.threads + 2 * args.n + args.profile
        slots = make_slots(practice.engine, args.patients, sessions)
        print(f"set up {args.patients} patients, {sessions} encounters; starting detector and worker", flush=True)
        watcher = Watcher(database, args.poll_ms / 1000, 16 * args.workers * args.threads)
        watcher.start()
        bench = Bench(args, config, folder, practice.engine, watcher, enumerate(slots))
        bench.start_processes(detector=True)
        warm_up(bench)
        print(f"phase 1: latency, {args.n} forms at {args.rate}/s", flush=True)
        lat = latency_phase(bench)
        print("phase 2: throughput", flush=True)
        thr = throughput_phase(bench)
        lines = report(args, lat, thr)
        if args.profile >= 4:
            print("phase 3: in-process profile", flush=True)
            lines += profile_lines(profile_phase(bench, args.profile), args.top)
        return lines
    finally:
        if bench is not None:
            stop(bench.worker)
            stop(bench.detector)
            bench.watcher.halt()
        if runtime is not None:
            runtime.dispose()
        stop(redis)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    database = f"aib_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    folder = Path(f"/tmp/{database}")
    folder.mkdir(parents=True)
    began = time.monotonic()
    print(f"loading OpenEMR's schema into {database} (load average {loadavg()})", flush=True)
    devdb.create_openemr_database(database)
    try:
        lines = run(args, database, folder)
        lines.append(f"\nbench wall time {time.monotonic() - began:.0f} s; database {database} "
                     + ("kept" if args.keep_db else "dropped"))
        print("\n".join(lines))
        return 0
    finally:
        if args.keep_db:
            print(f"kept database {database}; configuration and process logs in {folder}")
        else:
            devdb.drop_database(database)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
