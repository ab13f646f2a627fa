"""Choosing a plan's goals: from the library for diagnoses, or carried from a signed plan.

A new plan takes library goals round-robin across its conditions (each diagnosis gets its
first goal before any gets a second), up to five. A review or update carries the signed
plan's open goals forward first: their wording, diagnoses and interventions verbatim, the
measured objective re-targeted from the current score, and past target dates moved to the
next review. A review drops goals whose measure met its stated target on the last two
administrations since the plan was established.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hooks.types import Diagnosis, Score
from plugins.plans.layout import MAX_GOALS
from plugins.plans.library import Condition, GoalTemplate, Library, Objective
from plugins.plans.record import StoredGoal, StoredPlan
from plugins.plans.targets import met_by_scores, render_objective, score_line

BY_DATE = re.compile(r"\bby (\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True)
class PlannedGoal:
    text: str
    dx: tuple[str, ...]
    measure: str | None
    objectives: tuple[str, ...]
    interventions: tuple[str, ...]
    target: dt.date
    condition: str = ""  # library condition id, "" for a carried goal


@dataclass(frozen=True)
class CarryDecision:
    """What happened to one goal of the signed plan."""

    old: StoredGoal
    goal: PlannedGoal | None  # None: not carried
    reason: str  # "carried" | "closed" | "met"
    evidence: tuple[Score, ...] = ()


def grouped(diagnoses: Sequence[Diagnosis], library: Library) -> list[tuple[Condition, list[str]]]:
    """Library conditions of ``diagnoses`` in chart order, each with its codes."""
    groups: dict[str, tuple[Condition, list[str]]] = {}
    for dx in diagnoses:
        condition = library.match(dx.code)
        if condition is not None:
            groups.setdefault(condition.id, (condition, []))[1].append(dx.code)
    return list(groups.values())


def library_goals(diagnoses: Sequence[Diagnosis], library: Library, scores: Sequence[Score],
                  established: dt.date, end: dt.date, limit: int = MAX_GOALS) -> tuple[list[PlannedGoal], int]:
    """Goals for ``diagnoses``, round-robin across conditions; also how many were left out."""
    queues = [[(t, c, codes) for t in c.goals if any(t.applies_to(x) for x in codes)]
              for c, codes in grouped(diagnoses, library)]
    ordered = [q[i] for i in range(max((len(q) for q in queues), default=0)) for q in queues if i < len(q)]
    goals = [_from_template(t, c, codes, library, scores, established, end) for t, c, codes in ordered[:limit]]
    return goals, max(0, len(ordered) - limit)


def _from_template(template: GoalTemplate, condition: Condition, codes: list[str], library: Library,
                   scores: Sequence[Score], established: dt.date, end: dt.date) -> PlannedGoal:
    dates = [_target(o, established, end) for o in template.objectives]
    objectives = tuple(render_objective(o, library.measures, scores, d) for o, d in zip(template.objectives, dates, strict=True))
    return PlannedGoal(
        text=template.text,
        dx=tuple(c for c in codes if template.applies_to(c)),
        measure=template.measure,
        objectives=objectives,
        interventions=tuple(i.render() for i in template.interventions),
        target=max(dates),
        condition=condition.id,
    )


def _target(objective: Objective, established: dt.date, end: dt.date) -> dt.date:
    return min(established + dt.timedelta(weeks=objective.weeks), end)


def carry_forward(plan: StoredPlan, library: Library, scores: Sequence[Score], today: dt.date,
                  next_review: dt.date, drop_met: bool) -> list[CarryDecision]:
    """Decide, goal by goal, what of the signed ``plan`` the new plan keeps."""
    decisions = []
    for old in plan.goals():
        if old.closed:
            decisions.append(CarryDecision(old, None, "closed"))
            continue
        met, recent = (met_by_scores(old.objectives, old.measure, scores, plan.date_established)
                       if old.measure else (False, []))
        if met and drop_met:
            decisions.append(CarryDecision(old, None, "met", tuple(recent)))
            continue
        carried = _carried(old, library, scores, today, next_review)
        decisions.append(CarryDecision(old, carried, "carried", tuple(recent)))
    return decisions


def _carried(old: StoredGoal, library: Library, scores: Sequence[Score], today: dt.date,
             next_review: dt.date) -> PlannedGoal:
    objectives = [_redate(line, today, next_review) for line in old.objectives]
    measure = library.measures.get(old.measure or "")
    if measure is not None:
        fresh = render_objective(Objective(measure.template, 1, measure.name), library.measures, scores, next_review)
        kept = [line for line in objectives if measure.name.lower() not in line.lower()]
        objectives = [fresh, *kept]
    return PlannedGoal(old.text, old.dx, old.measure, tuple(objectives), old.interventions, next_review)


def _redate(line: str, today: dt.date, next_review: dt.date) -> str:
    """Move ``by <date>`` targets that are already past to the next review date."""
    def swap(found: re.Match[str]) -> str:
        try:
            past = dt.date.fromisoformat(found.group(1)) < today
        except ValueError:
            return found.group(0)
        return f"by {next_review.isoformat()}" if past else found.group(0)
    return BY_DATE.sub(swap, line)


def summary_line(decision: CarryDecision, new_id: str | None) -> str:
    """One line of the review summary; names goal ids, instruments and scores only."""
    old = decision.old.id
    if decision.reason == "closed":
        return f"{old}: marked {decision.old.status.replace('_', ' ')} in the signed plan; not carried forward."
    if decision.reason == "met":
        shown = ", ".join(score_line(s) for s in decision.evidence)
        return f"{old}: {decision.old.measure} target met on two consecutive administrations ({shown}); not carried forward."
    scores = ", ".join(score_line(s) for s in decision.evidence)
    progress = f" (recent: {scores})" if scores else ""
    return f"{old}: not marked met{progress}; carried forward as {new_id}."
