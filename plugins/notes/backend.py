"""Which backend writes the clinical sections: the template, or a model checked against it.

With option ``backend = "llm"`` the plugin asks ``ctx.complete`` (the host redacts, leak-checks,
routes Part 2 patients to local endpoints, calls and restores) for the format's clinical
sections, then runs the grounding check. Any failure (no endpoint, timeout, bad JSON, a
fact not in the input, a risk statement not as screened) falls back to the template and is
recorded as ``("fallback", {...})`` in the draft's audit. The Risk section, the metadata and
the Review section are always the plugin's own, never a model's. The prompt leaves out the
risk screen and risk notes: the model has no business writing about them, and the grounding
check rejects any draft that does so wrongly.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from hooks.types import CompletionRequest, CompletionResult, WorkContext
from plugins.notes import grounding, vocab
from plugins.notes.compose import Facts, compose
from plugins.notes.formats import NoteFormat
from plugins.notes.inputs import TEXT_FIELDS, clean_text

log = logging.getLogger(__name__)

PRIOR_NOTE_CHARS = 1500
GUIDE = {
    "subjective": "what the client reported: focus, symptoms, functional impairment",
    "objective": "session facts (length, modality, times), clinician observations, score trends",
    "assessment": "interventions used, client response, progress on each cited goal, and "
                  "medical necessity tied to the diagnoses, symptoms and impairment",
    "data": "session facts, focus, symptoms, impairment, observations, interventions, score trends",
    "behavior": "session facts, focus, symptoms, impairment, observations, score trends",
    "intervention": "the interventions used and what they targeted",
    "response": "client response, progress on each cited goal, medical necessity",
    "goal": "the treatment-plan goals addressed (by id) and the session focus",
    "plan": "the plan, homework and next appointment exactly as recorded",
}
SYSTEM = (
    "You draft psychotherapy progress notes that a licensed clinician reviews, edits and signs.\n"
    "Rules:\n"
    "- Use only facts written in SESSION INPUT and CHART. Add no symptoms, quotes, medications, "
    "diagnoses, mental-status findings, history, dates or numbers that are not written there.\n"
    "- Third person, past tense, plain clinical prose ('Client reported ...'). No headings.\n"
    "- Do not write about suicidal or homicidal ideation or risk level: a separate risk section "
    "is written from the risk screen.\n"
    "- Cite treatment-plan goals by their ids exactly as given (e.g. G1) with the progress the "
    "clinician recorded; cite score changes exactly as given.\n"
    "- Tie the assessment to the listed diagnoses and the recorded symptoms and impairment.\n"
)


@dataclass
class Drafted:
    sections: dict[str, str]
    backend: str
    audit: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    note: str = ""  # one line for the Review section


def draft(fmt: NoteFormat, facts: Facts, seed: str, backend: str, ctx: WorkContext) -> Drafted:
    template = compose(fmt, facts, seed)
    if backend != "llm":
        return Drafted(template, "template", note="Drafted by the template backend from the "
                       "Session Input and the chart.")
    result = _ask(ctx, request(fmt, facts))
    problems = (grounding.check(result.sections, fmt.section_ids, facts)
                if result.sections is not None else [])
    if result.sections is None or problems:
        reason = (result.reason or "no_sections") if result.sections is None else "grounding"
        detail: dict[str, Any] = {"reason": reason, "backend": result.backend}
        if problems:
            detail["problems"] = problems
        log.info("notes fallback to template reason=%s backend=%s", reason, result.backend)
        return Drafted(template, "template", [("fallback", detail)],
                       note=f"Model draft not used ({reason}"
                            + (": " + ", ".join(problems) if problems else "")
                            + "); the template backend wrote this note.")
    sections = dict(template)
    sections.update({n: clean_text(result.sections[n]) for n in fmt.section_ids})
    where = "external, redacted" if result.external else "local"
    return Drafted(sections, result.backend,
                   [("llm_draft", {"backend": result.backend, "external": result.external})],
                   note=f"Clinical sections drafted by model endpoint '{result.backend}' ({where}); "
                        "grounding check passed. Risk and Review sections are rule-based.")


def _ask(ctx: WorkContext, req: CompletionRequest) -> CompletionResult:
    try:
        return ctx.complete(req)
    except Exception as exc:  # a flaky model path must never cost the clinician the note
        log.warning("notes completion raised %s; falling back", type(exc).__name__)
        return CompletionResult(sections=None, backend="none", reason=type(exc).__name__)


def request(fmt: NoteFormat, facts: Facts) -> CompletionRequest:
    guide = "\n".join(f'- "{sid}": {GUIDE[sid]}' for sid in fmt.section_ids)
    system = SYSTEM + f"Format {fmt.name}. Sections:\n{guide}"
    return CompletionRequest(purpose="progress_note", system=system, prompt=prompt(facts),
                             sections=fmt.section_ids, known=facts.chart.known,
                             part2=facts.chart.part2)


def prompt(facts: Facts) -> str:
    s = facts.session
    lines = ["SESSION INPUT"]
    for name, title in TEXT_FIELDS.items():
        value = getattr(s, name, "")
        if value and name not in ("risk_notes", "interventions_other"):
            lines.append(f"{title}: {value}")
    items = [vocab.INTERVENTION_PHRASE[i] for i in s.interventions] + list(s.other_interventions)
    if items:
        lines.append("Interventions: " + "; ".join(items))
    if s.minutes and s.start and s.stop:
        lines.append(f"Time: {s.start:%H:%M}-{s.stop:%H:%M} ({s.minutes} minutes)")
    if s.cpt:
        lines.append(f"Service: {vocab.CPT_SERVICE[s.cpt]} (CPT {s.cpt})")
    if s.modality:
        lines.append(f"Modality: {vocab.MODALITY_PHRASE[s.modality]}")
    return "\n".join(lines + _chart_lines(facts))


def _chart_lines(facts: Facts) -> list[str]:
    chart, thread = facts.chart, facts.thread
    lines = ["", "CHART"]
    lines += [f"Diagnosis: {d.code} {d.title}" for d in chart.diagnoses]
    lines += [f"Active goal {g.id}: {g.text}" for g in chart.goals]
    if thread.links:
        lines.append("Goals addressed this session: " + ", ".join(thread.goal_ids))
    lines += [f"Score trend: {t.line()}" for t in thread.trends]
    if thread.last_note:
        note = thread.last_note
        lines.append(f"Previous signed note ({note.date.isoformat()}): {note.text[:PRIOR_NOTE_CHARS]}")
    return lines
