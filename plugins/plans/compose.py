"""Composing a treatment plan's LBF fields from the chart (deterministic, grounded).

Every value comes from the chart (diagnoses, encounter reason, intake session input, scores,
the signed plan being reviewed), from the diagnosis library, or from the practice's options
(type, amount, frequency, duration). Strengths and barriers appear only when recorded; the
attestation is left for the clinician.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hooks.types import Chart, Diagnosis
from plugins.plans import goalset
from plugins.plans.layout import MAX_GOALS, goal_field
from plugins.plans.library import LIBRARY, Library, normalize
from plugins.plans.options import PlanOptions
from plugins.plans.record import PlanFacts, StoredPlan, split_lines
from plugins.plans.targets import latest, measures_summary

PRESENTING = (("focus", "Focus / chief complaint"), ("symptoms", "Current symptoms"),
              ("impairment", "Functional impairment"))
CARRIED_TREATMENT = ("tx_type", "tx_amount", "tx_frequency")
ATTESTATION_FINDING = ("Clinician to complete the attestation (plan reviewed with the client, "
                       "reasonable expectation of improvement) and e-sign.")


@dataclass
class PlanContent:
    kind: str  # "initial" | "review" | "update"
    established: dt.date
    review: dt.date
    diagnoses: list[Diagnosis]
    goals: list[goalset.PlannedGoal]
    fields: dict[str, str] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)


def plan_diagnoses(chart: Chart, facts: PlanFacts, library: Library = LIBRARY) -> list[Diagnosis]:
    """Mental-health diagnoses for the plan: library matches and ICD-10 chapter F, unique."""
    found = [*chart.diagnoses, *([facts.new_diagnosis] if facts.new_diagnosis else [])]
    unique: dict[str, Diagnosis] = {}
    for dx in found:
        if library.match(dx.code) or normalize(dx.code).startswith("F"):
            unique.setdefault(normalize(dx.code), dx)
    return list(unique.values())


def compose(kind: str, chart: Chart, facts: PlanFacts, opts: PlanOptions, today: dt.date,
            library: Library = LIBRARY) -> PlanContent:
    """The plan of ``kind`` for this chart; ``facts.latest_signed`` is the base of a review/update."""
    base = facts.latest_signed if kind != "initial" else None
    review = today + dt.timedelta(days=opts.review_days)
    end = today + dt.timedelta(days=opts.duration_days)
    diagnoses = plan_diagnoses(chart, facts, library)
    content = PlanContent(kind, today, review, diagnoses, [])
    decisions = goalset.carry_forward(base, library, chart.scores, today, review, kind == "review") if base else []
    carried = [d.goal for d in decisions if d.goal is not None]
    covered = {normalize(c) for c in base.codes()} if base else set()
    fresh_dx = [d for d in diagnoses if normalize(d.code) not in covered]
    fresh, left_out = goalset.library_goals(fresh_dx, library, chart.scores, today, end, MAX_GOALS - len(carried))
    content.goals = [*carried, *fresh]
    content.fields = _fields(content, chart, facts, opts, base, decisions, library, end)
    content.findings = _findings(content, chart, diagnoses, left_out, library)
    content.fields["checklist"] = "\n".join(content.findings)
    return content


def _fields(content: PlanContent, chart: Chart, facts: PlanFacts, opts: PlanOptions,
            base: StoredPlan | None, decisions: list[goalset.CarryDecision], library: Library,
            end: dt.date) -> dict[str, str]:
    prior = base.fields if base else {}
    intake = chart.session_input or facts.intake_input
    values = {
        "plan_type": content.kind,
        "date_established": content.established.isoformat(),
        "review_date": content.review.isoformat(),
        "diagnoses": "\n".join(_dx_line(d) for d in content.diagnoses),
        "presenting_problem": prior.get("presenting_problem") or presenting_problem(chart, intake),
        "strengths": intake.get("strengths", "").strip() or prior.get("strengths", ""),
        "barriers": intake.get("barriers", "").strip() or prior.get("barriers", ""),
        "measures": measures_summary(chart.scores, _instruments(content, chart),
                                     base.date_established if base else None),
        "review_summary": _review_summary(decisions, content, facts),
        "tx_type": opts.treatment_type,
        "tx_amount": f"{opts.session_length_minutes}-minute sessions",
        "tx_frequency": opts.frequency.capitalize(),
        "tx_duration": _duration(content.established, end, opts.review_days),
        "discharge_criteria": _discharge(content, prior, library),
        "clinician": chart.clinician.display_name if chart.clinician else "",
    }
    values.update({k: prior[k] for k in CARRIED_TREATMENT if prior.get(k)})
    values.update(_goal_slots(content.goals))
    return {k: v.strip() for k, v in values.items() if v and v.strip()}


def presenting_problem(chart: Chart, intake: dict[str, str]) -> str:
    """Encounter reason and intake focus, symptoms and impairment, as recorded."""
    parts = [f"Reason for visit: {chart.encounter_reason.strip()}"] if chart.encounter_reason.strip() else []
    parts += [f"{label}: {intake[key].strip()}" for key, label in PRESENTING if intake.get(key, "").strip()]
    return "\n".join(parts)


def _dx_line(dx: Diagnosis) -> str:
    return f"{dx.code} {dx.title}".strip()


def _instruments(content: PlanContent, chart: Chart) -> list[str]:
    names = [g.measure for g in content.goals if g.measure] + [s.instrument for s in chart.scores]
    return list(dict.fromkeys(names))


def _review_summary(decisions: list[goalset.CarryDecision], content: PlanContent, facts: PlanFacts) -> str:
    if content.kind == "initial":
        return ""
    new_ids = {id(g): f"G{i}" for i, g in enumerate(content.goals, 1)}
    lines = [goalset.summary_line(d, new_ids.get(id(d.goal))) for d in decisions]
    carried = {id(d.goal) for d in decisions if d.goal is not None}
    lines += [f"G{i}: new goal for {', '.join(g.dx)}." for i, g in enumerate(content.goals, 1) if id(g) not in carried]
    return "\n".join(lines)


def _duration(start: dt.date, end: dt.date, review_days: int) -> str:
    months = round((end - start).days / 30.4)
    span = f"about {months} months" if months >= 2 else f"{(end - start).days // 7} weeks"
    return f"Expected {span} (through {end.isoformat()}), reassessed at each plan review (every {review_days} days)."


def _discharge(content: PlanContent, prior: dict[str, str], library: Library) -> str:
    lines = list(split_lines(prior.get("discharge_criteria", "")))
    for condition in [c for c in library.conditions if any(g.condition == c.id for g in content.goals)]:
        lines += [line for line in condition.discharge if line not in lines]
    if lines and not prior:
        lines.append("Client and clinician agree that the goals of this plan have been met.")
    return "\n".join(lines)


def _goal_slots(goals: list[goalset.PlannedGoal]) -> dict[str, str]:
    slots: dict[str, str] = {}
    for slot, goal in enumerate(goals[:MAX_GOALS], 1):
        slots[goal_field(slot)] = goal.text
        slots[goal_field(slot, "_dx")] = ", ".join(goal.dx)
        slots[goal_field(slot, "_measure")] = goal.measure or ""
        slots[goal_field(slot, "_objectives")] = "\n".join(goal.objectives)
        slots[goal_field(slot, "_interventions")] = "\n".join(goal.interventions)
        slots[goal_field(slot, "_target")] = goal.target.isoformat()
        slots[goal_field(slot, "_status")] = "active"
    return slots


def _findings(content: PlanContent, chart: Chart, diagnoses: list[Diagnosis], left_out: int,
              library: Library) -> list[str]:
    findings = [ATTESTATION_FINDING]
    for name in dict.fromkeys(g.measure for g in content.goals if g.measure):
        if latest(chart.scores, name) is None:
            findings.append(f"No baseline {name} on record: administer it and confirm the objective target.")
    unmatched = sum(1 for d in diagnoses if library.match(d.code) is None)
    if unmatched:
        findings.append(f"{unmatched} mental-health diagnosis(es) have no library goals: add goals by hand.")
    if left_out:
        findings.append(f"{left_out} further library goal(s) did not fit the {MAX_GOALS} goal slots.")
    if not content.goals:
        findings.append("No open goals remain: consider discharge or new goals.")
    return findings
