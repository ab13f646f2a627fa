"""Plan content: diagnosis-aligned goals, score-set targets, reviews, Medicare elements (pure)."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import Draft, EventKind
from plugins.plans.care_plan import care_plan_rows
from plugins.plans.compose import compose
from plugins.plans.drafting import build_outcome, validate
from plugins.plans.layout import FIELD_IDS, MEDICARE_ELEMENTS, PLAN_FORMDIR, PLAN_LAYOUT
from plugins.plans.options import parse
from plugins.plans.record import PlanFacts, PlanForm, StoredPlan
from tests.plugins.plans.helpers import (
    GAD,
    HTN,
    INTAKE_INPUT,
    MDD,
    PTSD,
    TODAY,
    chart,
    event,
    facts_with,
    gad7,
    initial_fields,
    phq9,
    signed_plan,
)

OPTS = parse({})
INTAKE_FACTS = PlanFacts(first_session_encounter=500, target_encounter=500, care_plan_status=True)


def _goal_texts(fields: dict[str, str]) -> list[str]:
    return [fields[f"goal_{i}"] for i in range(1, 6) if f"goal_{i}" in fields]


def _intake_draft(*diagnoses, scores=None, **kw) -> Draft:  # type: ignore[no-untyped-def]
    c = chart(*diagnoses, scores=scores, session_input=kw.pop("session_input", INTAKE_INPUT), **kw)
    return build_outcome(event(), "initial", c, INTAKE_FACTS, OPTS, TODAY).drafts[0]


def test_intake_drafts_a_plan_whose_goals_match_the_diagnoses() -> None:
    # Given an intake for a patient with recurrent depression, PTSD and hypertension
    plan = _intake_draft(MDD, PTSD, HTN, scores=[phq9(17, dt.date(2026, 11, 20), "moderately severe")])
    # Then: one unsigned plan LBF with goals for depression and PTSD, none for hypertension
    assert plan.kind == "treatment_plan" and plan.formdir == PLAN_FORMDIR
    goals = _goal_texts(plan.fields)
    assert goals[:2] == ["Reduce depressive symptoms and improve mood.",
                         "Reduce trauma-related symptoms (intrusions, avoidance, negative thoughts and mood, hyperarousal)."]
    assert {plan.fields[f"goal_{i}_dx"] for i in range(1, len(goals) + 1)} == {"F33.1", "F43.10"}
    assert "F33.1 Major depressive disorder" in plan.fields["diagnoses"]
    assert "I10" not in plan.fields["diagnoses"]
    assert plan.fields["goal_2_measure"] == "PCL-5"


def test_goals_are_capped_at_five_fixed_slots() -> None:
    plan = _intake_draft(MDD, GAD, PTSD)
    assert len(_goal_texts(plan.fields)) == 5
    assert set(plan.fields) <= FIELD_IDS
    assert any("did not fit the 5 goal slots" in f for f in plan.findings)


@pytest.mark.parametrize(("baseline", "target"), [
    (17, "PHQ-9 below 10 on two consecutive administrations"),  # moderately severe: out of moderate range
    (11, "PHQ-9 below 5 on two consecutive administrations"),  # a 2-point drop is no target: remission
    (7, "PHQ-9 below 5 on two consecutive administrations"),  # mild: remission
    (3, "PHQ-9 remaining below 5"),  # already in remission: maintain
])
def test_baseline_scores_set_the_objective_targets(baseline: int, target: str) -> None:
    plan = _intake_draft(MDD, scores=[phq9(baseline, dt.date(2026, 11, 20))])
    objective = plan.fields["goal_1_objectives"].splitlines()[0]
    assert objective.startswith(target)
    assert f"baseline {baseline} on 2026-11-20" in objective


def test_the_latest_score_is_the_baseline_and_missing_baselines_are_flagged() -> None:
    plan = _intake_draft(MDD, GAD, scores=[phq9(22, dt.date(2026, 9, 1)), phq9(16, dt.date(2026, 11, 20))])
    assert "baseline 16 on 2026-11-20" in plan.fields["goal_1_objectives"]
    assert "GAD-7 not yet on record" in plan.fields["goal_2_objectives"]
    assert "No baseline GAD-7 on record: administer it and confirm the objective target." in plan.findings
    assert "No baseline PHQ-9" not in " ".join(plan.findings)


def test_target_dates_stay_before_the_duration_end_and_under_a_year() -> None:
    plan = _intake_draft(MDD, GAD)
    end = dt.date.fromisoformat(plan.fields["tx_duration"].split("through ")[1][:10])
    for i in range(1, 6):
        target = dt.date.fromisoformat(plan.fields[f"goal_{i}_target"])
        assert TODAY < target <= end < TODAY + dt.timedelta(days=365)


def test_presenting_problem_comes_from_the_encounter_and_intake_input_only() -> None:
    plan = _intake_draft(MDD)
    assert plan.fields["presenting_problem"].splitlines() == [
        "Reason for visit: Intake evaluation",
        f"Focus / chief complaint: {INTAKE_INPUT['focus']}",
        f"Current symptoms: {INTAKE_INPUT['symptoms']}",
        f"Functional impairment: {INTAKE_INPUT['impairment']}",
    ]


def test_strengths_and_barriers_are_left_empty_unless_recorded() -> None:
    plan = _intake_draft(MDD)
    assert "strengths" not in plan.fields and "barriers" not in plan.fields
    recorded = _intake_draft(MDD, session_input={**INTAKE_INPUT, "strengths": "Supportive sister; motivated.",
                                                 "barriers": "Shift work limits session times."})
    assert recorded.fields["strengths"] == "Supportive sister; motivated."
    assert recorded.fields["barriers"] == "Shift work limits session times."


@pytest.mark.parametrize("element", sorted(MEDICARE_ELEMENTS))
def test_every_medicare_element_is_present(element: str) -> None:
    plan = _intake_draft(MDD, scores=[phq9(17, dt.date(2026, 11, 20))])
    layout_ids = {f.field_id for f in PLAN_LAYOUT.fields}
    f = plan.fields
    for field_id in MEDICARE_ELEMENTS[element]:
        assert field_id in layout_ids, f"{element}: the LBF lacks {field_id}"
    checks = {
        "date established": lambda: f["date_established"] == TODAY.isoformat(),
        "type": lambda: f["tx_type"] == "Individual psychotherapy",
        "amount": lambda: f["tx_amount"] == "53-minute sessions",
        "frequency": lambda: f["tx_frequency"] == "Weekly",
        "duration": lambda: "through 2027-05-26" in f["tx_duration"],
        "diagnoses": lambda: f["diagnoses"].startswith("F33.1 "),
        "anticipated goals": lambda: f["goal_1"] and "PHQ-9 below 10" in f["goal_1_objectives"]
        and "by 20" in f["goal_1_objectives"],
        # signature: clinician with credentials named, attestation left for the clinician to complete
        "signature with credentials": lambda: f["clinician"] == "Dana Whitfield, LCSW"
        and "clinician_attestation" not in f,
    }
    assert checks[element](), element
    assert validate(plan) == []


def test_review_date_follows_the_review_option() -> None:
    c = chart(MDD, session_input=INTAKE_INPUT)
    content = compose("initial", c, INTAKE_FACTS, parse({"review_days": 60, "review_lead_days": 7}), TODAY)
    assert content.fields["review_date"] == "2027-01-26"


def test_validation_names_missing_elements_and_a_filled_attestation() -> None:
    plan = _intake_draft(MDD)
    del plan.fields["tx_frequency"]
    plan.fields["clinician_attestation"] = "Signed by the model"
    problems = validate(plan)
    assert any("'frequency'" in p for p in problems)
    assert any("attestation" in p for p in problems)


def test_a_second_diagnosis_adds_goals() -> None:
    # Given a signed plan for depression, when GAD is diagnosed
    base = signed_plan(initial_fields(MDD, scores=[phq9(17, dt.date(2026, 11, 1))], on=dt.date(2026, 11, 2)))
    facts = facts_with(base, new_diagnosis=GAD)
    c = chart(MDD, GAD, scores=[phq9(15, dt.date(2026, 11, 20))])
    outcome = build_outcome(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"),
                            "update", c, facts, OPTS, TODAY)
    plan = outcome.drafts[0]
    goals = _goal_texts(plan.fields)
    # Then the depression goals carry over and GAD goals are added
    assert goals[:3] == _goal_texts(base.fields)[:3]
    assert "Reduce excessive worry and anxiety to a manageable level." in goals
    assert plan.fields["plan_type"] == "update"
    assert "new goal for F41.1" in plan.fields["review_summary"]
    assert "F41.1 Generalized anxiety disorder" in plan.fields["diagnoses"]


def test_a_review_carries_forward_unmet_goals_and_the_current_scores() -> None:
    # Given a plan signed 80 days ago at PHQ-9 17 and GAD-7 12, the clinician marked goal 4 met
    established = TODAY - dt.timedelta(days=80)
    at_start = [phq9(17, established - dt.timedelta(days=2)), gad7(12, established - dt.timedelta(days=2))]
    fields = initial_fields(MDD, GAD, scores=at_start, on=established)
    fields["goal_4_status"] = "met"
    base = signed_plan(fields, date=established)
    # and since then PHQ-9 stayed high while GAD-7 twice fell below its target of 5
    scores = [*at_start, phq9(15, TODAY - dt.timedelta(days=30)), phq9(14, TODAY - dt.timedelta(days=6)),
              gad7(4, TODAY - dt.timedelta(days=30)), gad7(3, TODAY - dt.timedelta(days=6))]
    c = chart(MDD, GAD, scores=scores)
    plan = build_outcome(event(EventKind.APPOINTMENT_UPCOMING, formdir=None, encounter=None),
                         "review", c, facts_with(base), OPTS, TODAY).drafts[0]
    goals = _goal_texts(plan.fields)
    # Then the unmet depression goals are carried, the met anxiety goals are not
    assert goals == [fields["goal_1"], fields["goal_3"], fields["goal_5"]]
    summary = plan.fields["review_summary"].splitlines()
    assert summary[0] == "G1: not marked met (recent: PHQ-9 15 on 2026-10-28, PHQ-9 14 on 2026-11-21); carried forward as G1."
    assert summary[1].startswith("G2: GAD-7 target met on two consecutive administrations")
    assert summary[3] == "G4: marked met in the signed plan; not carried forward."
    # and the measured objective is re-targeted from the current score, due at the next review
    objective = plan.fields["goal_1_objectives"].splitlines()[0]
    assert objective == "PHQ-9 below 5 on two consecutive administrations by 2027-02-25 (baseline 14 on 2026-11-21)."
    assert "PHQ-9 14 on 2026-11-21; at the previous plan 17" in plan.fields["measures"]
    assert plan.fields["date_established"] == TODAY.isoformat() and plan.fields["plan_type"] == "review"


def test_a_review_keeps_the_clinicians_edits_and_moves_past_dates() -> None:
    established = TODAY - dt.timedelta(days=85)
    fields = initial_fields(MDD, on=established)
    fields["goal_2"] = "Go back to the Tuesday walking group and call two friends weekly."
    fields["tx_frequency"] = "Every two weeks"
    base = signed_plan(fields, date=established)
    plan = build_outcome(event(EventKind.PLAN_REVIEW_DUE, formdir=None), "review", chart(MDD),
                         facts_with(base), OPTS, TODAY).drafts[0]
    assert plan.fields["goal_2"] == fields["goal_2"]
    assert plan.fields["tx_frequency"] == "Every two weeks"
    assert plan.fields["goal_2_interventions"] == fields["goal_2_interventions"]
    before = fields["goal_2_objectives"].splitlines()
    after = plan.fields["goal_2_objectives"].splitlines()
    assert "by 2026-11-12" in before[0] and "by 2027-02-25" in after[0]  # past target: to the next review
    assert after[1] == before[1] and "by 2026-12-24" in after[1]  # future target: kept as signed


def test_a_signed_plan_is_never_modified_a_review_is_a_new_draft() -> None:
    base = signed_plan(initial_fields(MDD, on=TODAY - dt.timedelta(days=85)), forms_id=300)
    before = copy.deepcopy(base.fields)
    facts = facts_with(base)
    outcome = build_outcome(event(EventKind.PLAN_REVIEW_DUE, formdir=None), "review", chart(MDD), facts, OPTS, TODAY)
    assert base.fields == before
    assert [d.kind for d in outcome.drafts] == ["treatment_plan"]
    draft = outcome.drafts[0]
    assert draft.source_key == "plan:42:after:300"  # a new plan after forms 300, not a rewrite of it
    assert draft.fields is not base.fields and draft.fields["date_established"] == TODAY.isoformat()


def test_racing_triggers_share_one_source_key() -> None:
    # two diagnoses entered together: both events see the same plan epoch, the ledger keeps one
    facts = PlanFacts(forms=(PlanForm(90, 91, 400, True, False),), target_encounter=500)
    first = build_outcome(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"),
                          "initial", chart(MDD, GAD), facts, OPTS, TODAY)
    second = build_outcome(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"),
                           "initial", chart(MDD, GAD), facts, OPTS, TODAY)
    assert first.drafts[0].source_key == second.drafts[0].source_key == "plan:42:after:90"


def test_the_care_plan_mirror_lists_goals_and_interventions_as_drafts() -> None:
    outcome = build_outcome(event(), "initial", chart(MDD, session_input=INTAKE_INPUT), INTAKE_FACTS, OPTS, TODAY)
    plan, mirror = outcome.drafts
    assert (mirror.kind, mirror.formdir, mirror.title) == ("care_plan_mirror", "care_plan", "Care Plan Form")
    goal_rows = [r for r in mirror.rows if r["care_plan_type"] == "goal"]
    assert [r["description"].splitlines()[0] for r in goal_rows] == [
        f"G{i}: {plan.fields[f'goal_{i}']}" for i in range(1, len(goal_rows) + 1)]
    assert all(r["plan_status"] == "draft" and r["code"] == "ICD10:F33.1" for r in mirror.rows)
    assert {r["care_plan_type"] for r in mirror.rows} == {"goal", "intervention"}
    assert validate(mirror) == []


def test_no_mirror_without_plan_status_or_when_disabled() -> None:
    c = chart(MDD, session_input=INTAKE_INPUT)
    old = PlanFacts(first_session_encounter=500, target_encounter=500, care_plan_status=False)
    assert len(build_outcome(event(), "initial", c, old, OPTS, TODAY).drafts) == 1
    off = parse({"mirror_care_plan": False})
    assert len(build_outcome(event(), "initial", c, INTAKE_FACTS, off, TODAY).drafts) == 1


def test_no_draft_without_library_goals_or_a_writable_encounter_or_a_clinician() -> None:
    with pytest.raises(SkipEvent, match="no goals"):
        build_outcome(event(), "initial", chart(HTN), INTAKE_FACTS, OPTS, TODAY)
    with pytest.raises(SkipEvent, match="no encounter"):
        build_outcome(event(), "initial", chart(MDD), PlanFacts(), OPTS, TODAY)
    orphan = chart(MDD)
    orphan.clinician = None
    with pytest.raises(PermanentFailure, match="no clinician"):
        build_outcome(event(), "initial", orphan, INTAKE_FACTS, OPTS, TODAY)


def test_care_plan_rows_without_goals_are_empty() -> None:
    content = compose("initial", chart(HTN), INTAKE_FACTS, OPTS, TODAY)
    assert content.goals == [] and care_plan_rows(content) == []


def test_a_stored_plan_without_fields_has_no_goals() -> None:
    assert StoredPlan(PlanForm(1, 2, 3, False, True), {}).goals() == []
