"""One Session Input save -> one progress-note draft (plus any safety alerts).

Order of work: options -> chart -> parse and clean the input (PermanentFailure when empty) ->
safety findings from the clinician's own words -> spell-check -> golden thread -> sections
(template, or a model checked by grounding) -> checklist -> the Draft in the chosen format's
LBF. Alerts are computed before any drafting and do not depend on it.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from hooks.errors import PermanentFailure
from hooks.types import Alert, Chart, Draft, Event, Outcome, WorkContext
from plugins.notes import backend, checklist, inputs, safety, spelling, thread
from plugins.notes.compose import Facts
from plugins.notes.formats import FORMATS, NoteFormat
from plugins.notes.inputs import SessionInput
from plugins.notes.vocab import SESSION_FORMDIR

log = logging.getLogger(__name__)

PLUGIN = "notes"
DEFAULTS: dict[str, Any] = {"default_format": "DAP", "backend": "template",
                            "session_formdir": SESSION_FORMDIR}
BACKENDS = ("template", "llm")


def options_of(ctx: WorkContext) -> dict[str, Any]:
    opts = {**DEFAULTS, **(ctx.options(PLUGIN) or {})}
    if str(opts["default_format"]).upper() not in FORMATS:
        raise PermanentFailure(f"option notes.default_format={opts['default_format']!r} is not one of "
                               f"{', '.join(FORMATS)}; fix [plugins.notes] in the practice file")
    if opts["backend"] not in BACKENDS:
        raise PermanentFailure(f"option notes.backend={opts['backend']!r} is not 'template' or 'llm'; "
                               "fix [plugins.notes] in the practice file")
    return opts


def choose_format(session: SessionInput, opts: dict[str, Any]) -> tuple[NoteFormat, list[str]]:
    chosen = session.note_format
    if chosen and chosen in FORMATS:
        return FORMATS[chosen], []
    default = FORMATS[str(opts["default_format"]).upper()]
    if chosen:
        return default, [f"[check] input: note_format '{chosen[:10]}' is unknown; used {default.name}"]
    return default, []


def handle(event: Event, ctx: WorkContext) -> Outcome:
    opts = options_of(ctx)
    if event.encounter is None:
        raise PermanentFailure(f"event {event.id} ({event.source_key}) has no encounter; the "
                               "Session Input must be saved inside an encounter")
    chart = ctx.chart(event)
    alerts, audit = _alerts(event, chart)
    try:
        session = inputs.parse(chart.session_input)
    except PermanentFailure:
        if not alerts:
            raise
        audit.append(("draft_skipped", {"reason": "empty_input", "event": event.id}))
        return Outcome(alerts=alerts, audit=audit)  # the alert must not wait for a fixed form
    if chart.clinician is None:
        if alerts:  # the alert must not wait for a fixed provider
            audit.append(("draft_skipped", {"reason": "no_clinician", "event": event.id}))
            return Outcome(alerts=alerts, audit=audit)
        raise PermanentFailure(f"encounter {event.encounter} has no rendering clinician; set the "
                               "encounter's provider and replay the event")
    draft = build_draft(event, ctx, chart, session, opts, frozenset(a.reason[:2] for a in alerts))
    log.info("notes drafted event=%s format=%s backend=%s", event.id, draft.formdir, draft.backend)
    return Outcome(drafts=[draft], alerts=alerts, audit=audit)


def _alerts(event: Event, chart: Chart) -> tuple[list[Alert], list[tuple[str, dict[str, Any]]]]:
    """Alerts from the whole raw input (before truncation or spelling), never from a model."""
    raw = chart.session_input
    texts = {name: inputs.clean_text(raw.get(name, "")) for name in inputs.TEXT_FIELDS}
    screens = [inputs.clean_text(raw.get(n, "")).lower() for n in ("si_screen", "hi_screen")]
    found = safety.findings(screens[0], screens[1], texts)
    to = chart.clinician.username if chart.clinician else (event.user or "")
    date = chart.encounter_date.isoformat() if chart.encounter_date else "date unknown"
    alerts = [safety.alert(f, event.pid, to, event.encounter, date) for f in found]
    audit: list[tuple[str, dict[str, Any]]] = [
        ("safety_alert", {"reason": f.reason, "fields": list(f.fields), "to": to, "event": event.id})
        for f in found]
    return alerts, audit


def build_draft(event: Event, ctx: WorkContext, chart: Chart, session: SessionInput,
                opts: dict[str, Any], alert_kinds: frozenset[str]) -> Draft:
    assert chart.clinician is not None and event.encounter is not None
    fmt, format_lines = choose_format(session, opts)
    fixed, spell = spelling.correct_fields(session.free_text())
    session = replace(session, **fixed)  # type: ignore[arg-type]  # only str fields
    golden = thread.build(session, chart)
    facts = Facts(session, chart, golden, alert_kinds)
    drafted = backend.draft(fmt, facts, event.source_key, opts["backend"], ctx)
    findings = checklist.run(session, chart, golden) + format_lines
    fields = {**drafted.sections, **_meta(session, chart, golden),
              **_review(findings, golden, spell.lines(), drafted.note)}
    return Draft(kind="progress_note", formdir=fmt.formdir, title=fmt.title,
                 fields={k: v for k, v in fields.items() if v}, pid=event.pid,
                 encounter=event.encounter, clinician_id=chart.clinician.id,
                 source_key=event.source_key, backend=drafted.backend, findings=findings,
                 audit=drafted.audit)


def _meta(s: SessionInput, chart: Chart, golden: thread.Thread) -> dict[str, str]:
    return {
        "dos": chart.encounter_date.isoformat() if chart.encounter_date else "",
        "start_time": f"{s.start:%H:%M}" if s.start else "",
        "stop_time": f"{s.stop:%H:%M}" if s.stop else "",
        "minutes": str(s.minutes) if s.minutes else "",
        "cpt": s.cpt, "modality": s.modality, "participants": s.participants,
        "diagnoses": "\n".join(f"{d.code} {d.title}".strip() for d in chart.diagnoses),
        "goals_addressed": ", ".join(golden.goal_ids),
    }


def _review(findings: list[str], golden: thread.Thread, spell: list[str], note: str) -> dict[str, str]:
    named = [f"{link.goal.id} ({'cited' if link.cited else 'linked by wording'})"
             for link in golden.links]
    lines = ["Goals addressed: " + ", ".join(named)] if named else []
    lines += [f"Score trend: {t.line()}" for t in golden.trends]
    lines += [f"Measure: {m}" for m in golden.measures]
    if golden.last_note:
        lines.append(f"Previous signed note: {golden.last_note.date.isoformat()}")
    return {
        "review_checklist": "\n".join(findings),
        "review_thread": "\n".join(golden.flags + lines) or "No golden-thread issues.",
        "review_spelling": "\n".join(spell) or "No spelling corrections.",
        "review_drafting": note,
    }


def validate(draft: Draft) -> list[str]:
    """Problems forbidding the write of a progress-note draft (no chart text quoted)."""
    from plugins.notes.formats import BY_FORMDIR

    fmt = BY_FORMDIR.get(draft.formdir)
    if fmt is None:
        return [f"progress_note draft targets unknown form {draft.formdir!r}"]
    return [f"{fmt.formdir}: required field '{fid}' is empty" for fid in fmt.required
            if not draft.fields.get(fid, "").strip()]
