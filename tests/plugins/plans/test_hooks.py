"""The plugin's declarations and cheap hooks, called through pluggy as the host calls them."""
from __future__ import annotations

import datetime as dt

import pluggy

from hooks.types import EventKind
from plugins.plans.drafting import build_outcome
from plugins.plans.options import parse
from plugins.plans.record import PlanFacts
from tests.plugins.plans.helpers import INTAKE_INPUT, MDD, TODAY, chart, event, phq9


def test_hook_bridge_option_defaults(pm: pluggy.PluginManager) -> None:
    assert pm.hook.bridge_option_defaults() == [{"plans": {
        "review_days": 90, "review_lead_days": 14, "intake_formdirs": [], "session_length_minutes": 53,
        "frequency": "weekly", "treatment_type": "Individual psychotherapy", "duration_days": 180,
        "mirror_care_plan": True}}]
    parse(pm.hook.bridge_option_defaults()[0]["plans"])  # the defaults validate


def test_hook_bridge_layouts(pm: pluggy.PluginManager) -> None:
    (forms,) = pm.hook.bridge_layouts()
    assert [(f.form_id, f.title) for f in forms] == [("LBFaibtp", "Treatment Plan (AI Draft)")]
    fields = forms[0].fields
    ids = [f.field_id for f in fields]
    assert len(ids) == len(set(ids)) and all(len(i) <= 31 for i in ids)
    assert {f.group for f in fields} == {g for g, _ in forms[0].groups}
    assert [i for i in ids if i.startswith("goal_") and i.count("_") == 1] == [f"goal_{n}" for n in range(1, 6)]
    assert {f.data_type for f in fields if f.field_id.endswith("_target")} == {4}  # dates


def test_hook_bridge_lists(pm: pluggy.PluginManager) -> None:
    (lists,) = pm.hook.bridge_lists()
    (forms,) = pm.hook.bridge_layouts()
    declared = {d.list_id for d in lists}
    assert declared == {"aib_goal_status", "aib_plan_type"}
    assert {f.list_id for f in forms[0].fields if f.list_id} == declared
    plan_types = dict(next(d for d in lists if d.list_id == "aib_plan_type").options)
    assert set(plan_types) == {"initial", "review", "update"}


def test_hook_bridge_accepts_event(pm: pluggy.PluginManager) -> None:
    options = {"intake_formdirs": ["LBFintake"]}
    assert pm.hook.bridge_accepts_event(event=event(formdir="LBFaibsi"), options=options) == [True]
    assert pm.hook.bridge_accepts_event(event=event(formdir="LBFintake"), options=options) == [True]
    assert pm.hook.bridge_accepts_event(event=event(formdir="soap"), options=options) == [False]
    signed = event(EventKind.FORM_SIGNED, formdir=None, source_table="esign_signatures")
    assert pm.hook.bridge_accepts_event(event=signed, options={}) == [False]


def test_hook_bridge_validate_draft(pm: pluggy.PluginManager) -> None:
    c = chart(MDD, session_input=INTAKE_INPUT, scores=[phq9(17, dt.date(2026, 11, 20))])
    facts = PlanFacts(first_session_encounter=500, target_encounter=500, care_plan_status=True)
    plan, mirror = build_outcome(event(), "initial", c, facts, parse({}), TODAY).drafts
    assert pm.hook.bridge_validate_draft(draft=plan, chart=c) == [[]]
    assert pm.hook.bridge_validate_draft(draft=mirror, chart=c) == [[]]
    plan.fields.pop("diagnoses")
    assert pm.hook.bridge_validate_draft(draft=plan, chart=c) == [
        ["treatment plan lacks the Medicare element 'diagnoses' (field diagnoses)"]]
    assert plan.fields["checklist"].splitlines() == plan.findings
