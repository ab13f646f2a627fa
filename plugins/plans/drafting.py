"""From a decided trigger to the Outcome the host writes: the plan draft and its mirror.

Every draft is a NEW form: the plugin never names an existing form to rewrite, so a signed
plan is never a target. The source key is the plan "epoch": the patient's latest plan form
of any state (``plan:<pid>:after:<forms.id or 0>``). Two triggers racing for the same
patient (two diagnoses entered together, an appointment and a session form) share that key,
and the host's ledger (unique on source key and kind) lets only one of them write.
"""
from __future__ import annotations

import datetime as dt

from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import Chart, Draft, Event, Outcome
from plugins.plans.care_plan import (
    CARE_PLAN_FORMDIR,
    CARE_PLAN_KIND,
    CARE_PLAN_TITLE,
    care_plan_rows,
)
from plugins.plans.compose import PlanContent, compose
from plugins.plans.layout import MEDICARE_ELEMENTS, PLAN_FORMDIR, PLAN_TITLE
from plugins.plans.options import PlanOptions
from plugins.plans.record import PlanFacts

PLAN_KIND = "treatment_plan"
ATTESTATION_FIELD = "clinician_attestation"


def source_key(pid: int, facts: PlanFacts) -> str:
    return f"plan:{pid}:after:{facts.epoch}"


def build_outcome(event: Event, kind: str, chart: Chart, facts: PlanFacts, opts: PlanOptions,
                  today: dt.date) -> Outcome:
    """The plan draft (and care-plan mirror where supported) for a decided trigger."""
    content = compose(kind, chart, facts, opts, today)
    encounter, clinician_id = _require_writable(event, content, chart, facts)
    key = source_key(event.pid, facts)
    plan = Draft(kind=PLAN_KIND, formdir=PLAN_FORMDIR, title=PLAN_TITLE, fields=content.fields,
                 pid=event.pid, encounter=encounter, clinician_id=clinician_id,
                 source_key=key, findings=list(content.findings),
                 audit=[("plan_drafted", _audit(event, content, facts))])
    drafts = [plan]
    if opts.mirror_care_plan and facts.care_plan_status:
        drafts.append(Draft(kind=CARE_PLAN_KIND, formdir=CARE_PLAN_FORMDIR, title=CARE_PLAN_TITLE,
                            fields={}, pid=event.pid, encounter=encounter,
                            clinician_id=clinician_id, source_key=key,
                            rows=care_plan_rows(content)))
    return Outcome(drafts=drafts, audit=[("plan_trigger", {"event": event.id, "plan_type": kind})])


def _require_writable(event: Event, content: PlanContent, chart: Chart,
                      facts: PlanFacts) -> tuple[int, int]:
    """(encounter, clinician id) to write into, or raise why the plan cannot be drafted."""
    if not content.goals:
        raise SkipEvent(f"no goals for pid {event.pid}: none of its {len(content.diagnoses)} "
                        "mental-health diagnoses has library goals, or every goal is met or closed")
    if facts.target_encounter is None:
        raise SkipEvent(f"pid {event.pid} has no encounter without an e-signature to hold the plan")
    if chart.clinician is None:
        raise PermanentFailure(f"no clinician for pid {event.pid} (event {event.id}); "
                               "set the encounter or appointment provider and replay")
    return facts.target_encounter, chart.clinician.id


def _audit(event: Event, content: PlanContent, facts: PlanFacts) -> dict[str, object]:
    return {"event": event.id, "plan_type": content.kind, "goals": len(content.goals),
            "diagnoses": len(content.diagnoses), "after_forms_id": facts.epoch,
            "base_forms_id": facts.latest_signed.form.forms_id if facts.latest_signed else None}


def validate(draft: Draft) -> list[str]:
    """Pre-write problems of this plugin's drafts (other kinds pass untouched)."""
    if draft.kind == CARE_PLAN_KIND:
        return [] if draft.rows and all(r.get("plan_status") == "draft" for r in draft.rows) else [
            "care-plan mirror must have rows, each with plan_status 'draft'"]
    if draft.kind != PLAN_KIND:
        return []
    problems = [f"treatment plan lacks the Medicare element '{name}' (field {fid})"
                for name, fids in MEDICARE_ELEMENTS.items() for fid in fids
                if fid != ATTESTATION_FIELD and not draft.fields.get(fid, "").strip()]
    if draft.fields.get(ATTESTATION_FIELD, "").strip():
        problems.append("the clinician attestation must be left empty for the clinician")
    if draft.formdir != PLAN_FORMDIR:
        problems.append(f"treatment plan formdir must be {PLAN_FORMDIR}")
    return problems
