"""Score-driven parts of a plan: objective targets from baselines, and goals met by scores.

Scores arrive as :class:`hooks.types.Score` (from ``chart.scores``, oldest first); bands and
totals were computed by fixed code in the assessments plugin. Nothing here guesses a score:
with no baseline the objective says so.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from hooks.types import Score
from plugins.plans.library import Measure, Objective


def latest(scores: Sequence[Score], instrument: str, on_or_before: dt.date | None = None) -> Score | None:
    """The most recent score of ``instrument`` (optionally not after ``on_or_before``)."""
    picked = [s for s in scores if s.instrument == instrument
              and (on_or_before is None or s.date <= on_or_before)]
    return max(picked, key=lambda s: s.date, default=None)


def target_phrase(measure: Measure, baseline: Score | None) -> str:
    """``below 10`` or ``remaining below 5``, chosen from the baseline and the cutoffs.

    The highest cutoff at least ``min_change`` under the baseline; else the lowest cutoff the
    baseline reaches; a baseline under every cutoff is to be maintained. No baseline: the
    highest cutoff.
    """
    if baseline is None:
        return f"below {measure.cutoffs[0]}"
    total = baseline.total
    for cutoff in measure.cutoffs:
        if total - cutoff >= measure.min_change:
            return f"below {cutoff}"
    reached = [c for c in measure.cutoffs if total >= c]
    if reached:
        return f"below {reached[-1]}"
    return f"remaining below {measure.cutoffs[-1]}"


def baseline_phrase(measure: Measure, baseline: Score | None) -> str:
    if baseline is None:
        return f"baseline {measure.name} not yet on record; administer at the next session"
    band = f", {baseline.band}" if baseline.band else ""
    return f"baseline {baseline.total}{band} on {baseline.date.isoformat()}"


def render_objective(objective: Objective, measures: dict[str, Measure], scores: Sequence[Score],
                     target_date: dt.date) -> str:
    """The objective's sentence with its target date and, if measured, target and baseline."""
    values = {"target_date": target_date.isoformat(), "target": "", "baseline": ""}
    if objective.measure:
        measure = measures[objective.measure]
        base = latest(scores, measure.name)
        values["target"] = target_phrase(measure, base)
        values["baseline"] = baseline_phrase(measure, base)
    return objective.text.format(**values)


def stated_target(objectives: Sequence[str], instrument: str) -> int | None:
    """The ``below N`` target an objective states for ``instrument``, if one does."""
    pattern = re.compile(rf"{re.escape(instrument)}\D{{0,40}}?below\s+(\d+)", re.IGNORECASE)
    for line in objectives:
        found = pattern.search(line)
        if found:
            return int(found.group(1))
    return None


def met_by_scores(objectives: Sequence[str], instrument: str, scores: Sequence[Score],
                  since: dt.date | None) -> tuple[bool, list[Score]]:
    """Are the last two ``instrument`` scores since ``since`` both under the stated target?"""
    target = stated_target(objectives, instrument)
    recent = sorted((s for s in scores if s.instrument == instrument
                     and (since is None or s.date >= since)), key=lambda s: s.date)[-2:]
    met = target is not None and len(recent) == 2 and all(s.total < target for s in recent)
    return met, recent


def score_line(score: Score) -> str:
    band = f" ({score.band})" if score.band else ""
    return f"{score.instrument} {score.total}{band} on {score.date.isoformat()}"


def measures_summary(scores: Sequence[Score], instruments: Sequence[str],
                     previous_on: dt.date | None = None) -> str:
    """One line per instrument: the latest score, and the one at ``previous_on`` if given."""
    lines = []
    for name in instruments:
        current = latest(scores, name)
        if current is None:
            continue
        line = f"{score_line(current)}."
        before = latest(scores, name, previous_on) if previous_on else None
        if before is not None and before is not current:
            line = f"{score_line(current)}; at the previous plan {before.total} on {before.date.isoformat()}."
        lines.append(line)
    return "\n".join(lines)
