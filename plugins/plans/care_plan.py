"""The optional mirror of a plan's goals and interventions into OpenEMR's Care Plan form.

``form_care_plan`` is what OpenEMR exposes as FHIR CarePlan/Goal. It gets a ``draft``
status only from 7.0.4 on (``plan_status``); on older versions the mirror is skipped
entirely, because a care-plan row without a status would read as an active plan before the
clinician signed anything. The host allocates the instance id and writes the rows plus the
``forms`` row.
"""
from __future__ import annotations

from hooks.types import Diagnosis
from plugins.plans.compose import PlanContent
from plugins.plans.library import normalize

CARE_PLAN_FORMDIR = "care_plan"
CARE_PLAN_TITLE = "Care Plan Form"
CARE_PLAN_KIND = "care_plan_mirror"


def care_plan_rows(content: PlanContent) -> list[dict[str, str]]:
    """One ``goal`` row per goal (text and objectives) and one ``intervention`` row each."""
    titles = {normalize(d.code): d for d in content.diagnoses}
    rows: list[dict[str, str]] = []
    for slot, goal in enumerate(content.goals, 1):
        dx = titles.get(normalize(goal.dx[0])) if goal.dx else None
        goal_text = "\n".join([f"G{slot}: {goal.text}", *goal.objectives])
        rows.append(_row(dx, goal_text, content, "goal"))
        rows += [_row(dx, f"G{slot}: {item}", content, "intervention") for item in goal.interventions]
    return rows


def _row(dx: Diagnosis | None, description: str, content: PlanContent, kind: str) -> dict[str, str]:
    return {
        "code": f"ICD10:{dx.code}" if dx else "",
        "codetext": dx.title if dx else "",
        "description": description,
        "date": content.established.isoformat(),
        "care_plan_type": kind,
        "plan_status": "draft",
    }
