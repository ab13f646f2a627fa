"""``make demo``: the whole product on this machine, in about a minute.

Loads OpenEMR's real schema and demo patients into a database ``openemr_demo``, installs the
bridge, starts a real detector and a real Dramatiq worker, then acts as a clinic would: a
clinician records diagnoses, the patient's PHQ-9 is entered in the encounter, and the
clinician saves the Session Input. The drafted treatment plan, scored assessment and
progress note are printed as the OpenEMR rows they are, with the audit entries and the
safety message. Everything is synthetic (OpenEMR's own demo patients).
"""
from __future__ import annotations

import base64
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from bridge import devdb
from bridge.ehr.install import install
from bridge.runtime import Runtime
from bridge.settings import load

DB = os.environ.get("AIB_DEMO_DB", "openemr_demo")
VAR = devdb.REPO / "var" / "demo"
WIDTH = 96


def say(title: str) -> None:
    print(f"\n{'=' * WIDTH}\n{title}\n{'=' * WIDTH}", flush=True)


def write_config() -> Path:
    return devdb.write_config(VAR, DB, practice="demo", plugins={"notes": {"default_format": "DAP"}}, bridge={
        "redis": {"url": "redis://127.0.0.1:6379/15"},
        "worker": {"processes": 1, "threads": 2},
        "detector": {"poll_seconds": 0.5, "debounce_seconds": 1.0},
    })


def start(args: list[str], config: Path, log: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, AIB_CONFIG=str(config), OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", dramatiq_worker_timeout="100",
               TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(devdb.REPO))
    return subprocess.Popen([sys.executable, *args], env=env, cwd=devdb.REPO,
                            stdout=(VAR / log).open("wb"), stderr=subprocess.STDOUT, start_new_session=True)


def act_as_clinic(engine: Engine) -> dict[str, int]:
    """What a clinic's staff do in OpenEMR's screens, as the rows those screens write."""
    with engine.begin() as conn:
        uid = devdb.create_clinician(conn, "dwhitfield", "Dana", "Whitfield", "LCSW")
        pid = int(conn.execute(text("SELECT pid FROM patient_data WHERE fname = 'Ted' AND lname = 'Shaw'")).scalar_one())
        conn.execute(text("UPDATE patient_data SET providerID = :u WHERE pid = :p"), {"u": uid, "p": pid})
        encounter = devdb.create_encounter(conn, pid, uid, reason="Individual psychotherapy, 50 minutes")
        devdb.add_diagnosis(conn, pid, "F33.1", "Major depressive disorder, recurrent, moderate")
        devdb.add_diagnosis(conn, pid, "F41.1", "Generalized anxiety disorder")
        phq9 = conn.execute(text(
            "INSERT INTO form_phq9 (date, pid, user, groupname, authorized, activity, interest_score, "
            "hopeless_score, sleep_score, fatigue_score, appetite_score, failure_score, focus_score, "
            "psychomotor_score, suicide_score, difficulty) VALUES (NOW(), :p, 'dwhitfield', 'Default', 1, 1, "
            "'2', '2', '3', '2', '1', '2', '1', '0', '1', '2')"), {"p": pid}).lastrowid
        conn.execute(text(
            "INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, deleted, "
            "formdir, provider_id) VALUES (NOW(), :e, 'PHQ-9 Form', :f, :p, 'dwhitfield', 'Default', 1, 0, 'phq9', :u)"),
            {"e": encounter, "f": phq9, "p": pid, "u": uid})
    time.sleep(1.5)  # let the plan and score drafts land first, as they would in a clinic's day
    session = devdb.submit_session_form(engine, pid, encounter, "dwhitfield", uid, {
        "focus": "Low mood and worry since being passed over for promotion; wants to sleep better.",
        "symptoms": "Depressed mood most days, early waking around 4 am, persistent worry about work.",
        "impairment": "Called in sick twice this month; stopped attending his Sunday walking group.",
        "observations": "On time, cooperative, affect constricted, speech normal in rate and volume.",
        "interventions": "cbt_restructuring|behavioral_activation|psychoeducation",
        "response": "Engaged well; named the thought 'I will never get ahead' and found evidence against it.",
        "goal_progress": "G1: re-started two short walks this week.",
        "plan": "Walk three mornings this week and log mood before and after; review sleep diary next week.",
        "si_screen": "endorsed", "hi_screen": "denied",
        "risk_notes": "Passive wish to not wake up on two days; no plan or intent; agreed to safety plan.",
        "start_time": "14:00", "stop_time": "14:52", "cpt": "90834", "modality": "video",
        "participants": "Client only", "note_format": "DAP",
    })
    return {"pid": pid, "encounter": encounter, "session": session, "clinician": uid}


def wait_for_drafts(engine: Engine, pid: int, kinds: set[str], timeout: float = 120) -> set[str]:
    deadline, found = time.monotonic() + timeout, set[str]()
    while time.monotonic() < deadline and not kinds <= found:
        with engine.connect() as conn:
            found = {r[0] for r in conn.execute(text("SELECT kind FROM aib_drafts WHERE pid = :p"), {"p": pid})}
        time.sleep(0.5)
    return found


def show_form(engine: Engine, forms_id: int) -> None:
    with engine.connect() as conn:
        form = conn.execute(text("SELECT * FROM forms WHERE id = :i"), {"i": forms_id}).mappings().one()
        signed = conn.execute(text("SELECT COUNT(*) FROM esign_signatures WHERE `table`='forms' AND tid=:i"),
                              {"i": forms_id}).scalar()
        values: dict[str, str] = dict(conn.execute(text("SELECT field_id, field_value FROM lbf_data WHERE form_id = :f"),
                                   {"f": form["form_id"]}).all())
        layout = conn.execute(text("SELECT o.field_id, o.title, g.grp_title FROM layout_options o "
                                   "LEFT JOIN layout_group_properties g ON g.grp_form_id = o.form_id "
                                   "AND g.grp_group_id = o.group_id WHERE o.form_id = :d ORDER BY o.group_id, o.seq"),
                              {"d": form["formdir"]}).all()
    if not str(form["formdir"]).startswith("LBF"):
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT care_plan_type, description FROM form_care_plan WHERE id = :i"),
                                {"i": form["form_id"]}).all() if form["formdir"] == "care_plan" else []
        print(f"forms.id {form['id']}  \"{form['form_name']}\"  formdir {form['formdir']}: {len(rows)} rows")
        for kind, description in rows:
            print(textwrap.shorten(f"    {kind}: {description}", WIDTH))
        return
    print(f"forms.id {form['id']}  \"{form['form_name']}\"  formdir {form['formdir']}  encounter {form['encounter']}"
          f"  by {form['user']} for provider {form['provider_id']}  deleted={form['deleted']}"
          f"  {'SIGNED' if signed else 'unsigned'}")
    group = None
    for field_id, title, grp in layout:
        if field_id not in values:
            continue
        if grp != group:
            group = grp
            print(f"\n  -- {grp or 'General'} --")
        body = "\n".join(textwrap.fill(line, WIDTH - 6, initial_indent="      ", subsequent_indent="      ")
                         for line in values[field_id].splitlines() if line.strip())
        print(f"    {title}:\n{body}")


def main() -> int:
    say(f"1. OpenEMR's real schema and demo patients -> database {DB}")
    devdb.create_openemr_database(DB)
    config = write_config()
    runtime = Runtime.create(load(config))
    practice = runtime.practice("demo")
    say("2. openemr-bridge install --practice demo")
    report = install(practice.engine, practice="demo", service_user="aibridge",
                     layouts=practice.hooks.layouts(), lists=practice.hooks.lists())
    print("\n".join(report.lines()))
    say("3. starting a real detector and a real Dramatiq worker (logs in var/demo/)")
    procs = [start(["-m", "bridge.cli", "detect"], config, "detector.log"),
             start(["-m", "dramatiq", "bridge.worker_entry", "--processes", "1", "--threads", "2"], config, "worker.log")]
    try:
        say("4. the clinic works in OpenEMR: diagnoses, an in-office PHQ-9, then the Session Input is saved")
        ids = act_as_clinic(practice.engine)
        print(f"patient pid {ids['pid']} (OpenEMR demo patient), encounter {ids['encounter']}, "
              f"Session Input forms.id {ids['session']}")
        t0 = time.monotonic()
        found = wait_for_drafts(practice.engine, ids["pid"], {"progress_note", "treatment_plan", "assessment_result"})
        print(f"drafts present after {time.monotonic() - t0:.1f} s: {', '.join(sorted(found))}")
        show_results(practice.engine, ids)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(20)
        runtime.dispose()
    say("Done")
    print(f"The database {DB} is left in place to inspect (mysql -h127.0.0.1 -uroot {DB}).\n"
          f"Run it again any time: make demo. Status: .venv/bin/openemr-bridge --config {config} status")
    return 0


def show_results(engine: Engine, ids: dict[str, int]) -> None:
    with engine.connect() as conn:
        drafts = conn.execute(text("SELECT kind, forms_id FROM aib_drafts WHERE pid = :p AND forms_id IS NOT NULL "
                                   "ORDER BY id"), {"p": ids["pid"]}).all()
    for kind, forms_id in drafts:
        say(f"Drafted {kind.replace('_', ' ')} (an unsigned OpenEMR form the clinician edits and e-signs)")
        show_form(engine, forms_id)
    say("Clinician's OpenEMR inbox (pnotes)")
    with engine.connect() as conn:
        for title, body, to in conn.execute(text("SELECT title, body, assigned_to FROM pnotes WHERE pid = :p"),
                                            {"p": ids["pid"]}):
            print(f"to {to}: [{title}]\n{textwrap.fill(body, WIDTH, initial_indent='  ', subsequent_indent='  ')}")
        say("Audit: OpenEMR log viewer entries (event ai-bridge-*) for this patient")
        for date, event, comments in conn.execute(text(
                "SELECT l.date, l.event, l.comments FROM log_comment_encrypt el JOIN log l ON l.id = el.log_id "
                "WHERE l.patient_id = :p AND l.event LIKE 'ai-bridge-%' ORDER BY l.id"), {"p": ids["pid"]}):
            print(f"  {date}  {event:32s} {base64.b64decode(comments).decode()[:120]}")
        chain = conn.execute(text("SELECT COUNT(*) FROM aib_audit")).scalar()
    from bridge.ehr.audit import verify

    with engine.connect() as conn:
        problems = verify(conn)
    print(f"\nbridge audit chain: {chain} rows, {'intact' if not problems else f'{len(problems)} problem(s)'}")


if __name__ == "__main__":
    raise SystemExit(main())
