"""The pre-sign checklist (REFERENCE.md section 6a), run on the facts the note is built from.

Each line starts with ``[ok]``, ``[missing]`` or ``[check]`` and names what to fix. The same
lines go to the Review section and to ``Draft.findings``.
"""
from __future__ import annotations

from hooks.types import Chart
from plugins.notes.inputs import SessionInput
from plugins.notes.thread import Thread

TIME_BANDS: dict[str, tuple[int, int | None]] = {
    "90832": (16, 37), "90834": (38, 52), "90837": (53, None),
    "90846": (26, None), "90847": (26, None),
}
MIN_BILLABLE = 16


def code_for_minutes(minutes: int) -> str:
    """The individual psychotherapy code a duration supports ("" under 16 minutes)."""
    if minutes < MIN_BILLABLE:
        return ""
    return "90832" if minutes <= 37 else "90834" if minutes <= 52 else "90837"


def _band(code: str) -> str:
    low, high = TIME_BANDS[code]
    return f"{low}-{high}" if high else f"{low}+"


def cpt_lines(cpt: str, minutes: int | None) -> list[str]:
    """CPT against minutes: the 16/38/53 edges, unbillable durations, missing codes."""
    if cpt == "90791":
        return ["[check] CPT 90791 is a diagnostic evaluation: it also needs history, mental "
                "status, diagnosis and initial plan (REFERENCE 6b)"]
    if minutes is None:
        return [f"[check] CPT {cpt or 'not selected'}: minutes unknown until start and stop times are recorded"]
    if not cpt:
        fit = code_for_minutes(minutes)
        hint = f"{minutes} minutes fits {fit}" if fit else f"{minutes} minutes is under 16, not billable"
        return [f"[missing] CPT code not selected ({hint})"]
    if minutes < MIN_BILLABLE:
        return [f"[check] {minutes} minutes: under 16 minutes is not billable as psychotherapy (CPT {cpt})"]
    low, high = TIME_BANDS[cpt]
    if minutes < low or (high is not None and minutes > high):
        fit = code_for_minutes(minutes) if cpt in ("90832", "90834", "90837") else ""
        hint = f"; {minutes} minutes fits {fit}" if fit else ""
        return [f"[check] CPT {cpt} needs {_band(cpt)} minutes, session was {minutes}{hint}"]
    lines = [f"[ok] CPT {cpt} matches {minutes} minutes ({_band(cpt)})"]
    if cpt == "90837":
        lines.append("[check] 90837 draws payer audits: the note should show why 53+ minutes were needed")
    return lines


def run(session: SessionInput, chart: Chart, thread: Thread) -> list[str]:
    lines = _times(session) + cpt_lines(session.cpt, session.minutes)
    lines += [_modality(session), _diagnosis(chart), _necessity(session, chart),
              _interventions(session), _plan(session)]
    lines += _risk(session) + [_goals(thread), _clinician(chart)]
    if session.cpt in ("90846", "90847") and not session.participants:
        lines.append("[missing] participants: family psychotherapy needs who attended")
    return lines + [f"[check] input: {problem}" for problem in session.problems]


def _times(s: SessionInput) -> list[str]:
    if s.start is None or s.stop is None:
        gone = " and ".join(n for n, t in (("start", s.start), ("stop", s.stop)) if t is None)
        return [f"[missing] {gone} time: record face-to-face psychotherapy time (HH:MM)"]
    if s.minutes is None:
        return ["[missing] stop time is not after start time: correct the times"]
    return [f"[ok] start {s.start:%H:%M}, stop {s.stop:%H:%M} ({s.minutes} minutes)"]


def _modality(s: SessionInput) -> str:
    if not s.modality:
        return "[missing] modality: record in person, video or audio-only"
    if s.modality == "in_person":
        return "[ok] modality: in person"
    kind = "audio-video" if s.modality == "video" else "audio-only"
    return f"[ok] telehealth method stated ({kind}); add the payer's telehealth modifier / POS"


def _diagnosis(chart: Chart) -> str:
    if not chart.diagnoses:
        return "[missing] diagnosis: no active ICD-10 diagnosis on the problem list"
    return "[ok] diagnosis: " + ", ".join(d.code for d in chart.diagnoses)


def _necessity(s: SessionInput, chart: Chart) -> str:
    gaps = [n for n, v in (("symptoms", s.symptoms), ("functional impairment", s.impairment),
                           ("diagnosis", bool(chart.diagnoses))) if not v]
    if gaps:
        names = ", ".join(gaps[:-1]) + " and " + gaps[-1] if len(gaps) > 1 else gaps[0]
        return "[missing] medical necessity: record " + names
    return "[ok] medical necessity: symptoms and impairment tied to the diagnosis"


def _interventions(s: SessionInput) -> str:
    gaps = [n for n, v in (("interventions", s.interventions or s.other_interventions),
                           ("client response", s.response)) if not v]
    if gaps:
        return "[missing] " + " and ".join(gaps) + ": record what was done and how the client responded"
    return "[ok] interventions and client response recorded"


def _plan(s: SessionInput) -> str:
    return "[ok] plan recorded" if s.plan else "[missing] plan: record next steps, homework, next appointment"


def _risk(s: SessionInput) -> list[str]:
    out: list[str] = []
    for label, value in (("SI", s.si_screen), ("HI", s.hi_screen)):
        if not value:
            out.append(f"[missing] risk: {label} screen not recorded")
        elif value == "not_assessed":
            out.append(f"[check] risk: {label} not assessed this session; the note states exactly that")
        else:
            out.append(f"[ok] risk: {label} {value}")
    return out


def _goals(thread: Thread) -> str:
    if not thread.links:
        return "[missing] goal linked: no treatment-plan goal tied to this note"
    if all(link.cited for link in thread.links):
        return "[ok] goal linked: " + ", ".join(thread.goal_ids)
    return "[check] goal linked by wording only: " + ", ".join(thread.goal_ids) + " (confirm)"


def _clinician(chart: Chart) -> str:
    if chart.clinician is None or not chart.clinician.credentials:
        return "[missing] clinician credentials: add them to the user profile for the signature line"
    return f"[ok] rendering clinician: {chart.clinician.display_name}"
