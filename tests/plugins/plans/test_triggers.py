"""When a plan is drafted, and of which kind (pure: facts built by hand)."""
from __future__ import annotations

import datetime as dt

import pytest

from hooks.errors import PermanentFailure, SkipEvent
from hooks.types import EventKind
from plugins.plans.options import parse
from plugins.plans.record import PlanFacts, PlanForm
from plugins.plans.triggers import accepts, decide
from tests.plugins.plans.helpers import (
    GAD,
    HTN,
    MDD,
    TODAY,
    event,
    facts_with,
    initial_fields,
    signed_plan,
)

OPTS = parse({})


@pytest.mark.parametrize(("kwargs", "wanted"), [
    ({"kind": EventKind.FORM_SAVED, "formdir": "LBFaibsi"}, True),  # session input
    ({"kind": EventKind.FORM_SAVED, "formdir": "LBFaibpn"}, False),  # a note draft
    ({"kind": EventKind.FORM_SAVED, "formdir": "LBFaibtp"}, False),  # our own plan
    ({"kind": EventKind.DIAGNOSIS_ADDED, "formdir": None, "source_table": "lists"}, True),
    ({"kind": EventKind.APPOINTMENT_UPCOMING, "formdir": None, "source_table": "openemr_postcalendar_events"}, True),
    ({"kind": EventKind.PLAN_REVIEW_DUE, "formdir": None}, True),
    ({"kind": EventKind.FORM_SIGNED, "formdir": None, "source_table": "esign_signatures"}, False),
    ({"kind": EventKind.QUESTIONNAIRE_COMPLETED, "formdir": None}, False),
])
def test_accepts_reads_only_the_event(kwargs: dict, wanted: bool) -> None:
    assert accepts(event(**kwargs), OPTS) is wanted


def test_a_practice_intake_form_is_accepted_and_starts_the_plan() -> None:
    opts = parse({"intake_formdirs": ["LBFintake"]})
    intake = event(formdir="LBFintake")
    assert accepts(intake, opts)
    assert decide(intake, PlanFacts(target_encounter=500), opts, TODAY) == "initial"


def test_first_session_input_encounter_is_the_intake() -> None:
    facts = PlanFacts(first_session_encounter=500, target_encounter=500)
    assert decide(event(encounter=500), facts, OPTS, TODAY) == "initial"


def test_a_later_session_input_without_any_plan_is_not_an_intake() -> None:
    facts = PlanFacts(first_session_encounter=400, target_encounter=500)
    with pytest.raises(SkipEvent, match="no signed plan"):
        decide(event(encounter=500), facts, OPTS, TODAY)


@pytest.mark.parametrize("kind", [EventKind.FORM_SAVED, EventKind.DIAGNOSIS_ADDED,
                                  EventKind.APPOINTMENT_UPCOMING, EventKind.PLAN_REVIEW_DUE])
def test_no_second_draft_while_an_unsigned_plan_exists(kind: EventKind) -> None:
    unsigned = PlanForm(forms_id=77, form_id=78, encounter=500, deleted=False, signed=False)
    facts = PlanFacts(forms=(unsigned,), first_session_encounter=500, new_diagnosis=GAD, target_encounter=500)
    with pytest.raises(SkipEvent, match="unsigned plan forms:77"):
        decide(event(kind, source_table="lists" if kind is EventKind.DIAGNOSIS_ADDED else "forms"), facts, OPTS, TODAY)


def test_a_deleted_draft_does_not_block_a_new_one() -> None:
    deleted = PlanForm(forms_id=77, form_id=78, encounter=500, deleted=True, signed=False)
    facts = PlanFacts(forms=(deleted,), first_session_encounter=500, target_encounter=500)
    assert decide(event(encounter=500), facts, OPTS, TODAY) == "initial"


def _signed_due_on(review: dt.date) -> PlanFacts:
    fields = initial_fields(MDD, on=review - dt.timedelta(days=90))
    assert fields["review_date"] == review.isoformat()
    return facts_with(signed_plan(fields))


@pytest.mark.parametrize(("days_until_review", "due"), [
    (-3, True),  # overdue
    (0, True),  # due today
    (14, True),  # at the lead time
    (15, False),  # just outside it
    (60, False),
])
def test_review_is_due_within_the_lead_time(days_until_review: int, due: bool) -> None:
    facts = _signed_due_on(TODAY + dt.timedelta(days=days_until_review))
    appointment = event(EventKind.APPOINTMENT_UPCOMING, formdir=None, encounter=None,
                        source_table="openemr_postcalendar_events")
    if due:
        assert decide(appointment, facts, OPTS, TODAY) == "review"
    else:
        with pytest.raises(SkipEvent, match="not due for review"):
            decide(appointment, facts, OPTS, TODAY)


def test_a_session_input_also_checks_the_review_date() -> None:
    facts = _signed_due_on(TODAY + dt.timedelta(days=5))
    assert decide(event(encounter=600), facts, OPTS, TODAY) == "review"


def test_review_date_falls_back_to_date_established_plus_review_days() -> None:
    fields = initial_fields(MDD, on=TODAY - dt.timedelta(days=85))
    del fields["review_date"]
    facts = facts_with(signed_plan(fields))
    assert decide(event(EventKind.PLAN_REVIEW_DUE, formdir=None), facts, OPTS, TODAY) == "review"


def test_a_new_mental_health_diagnosis_without_a_plan_starts_one() -> None:
    facts = PlanFacts(new_diagnosis=GAD, target_encounter=500)
    assert decide(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"), facts, OPTS, TODAY) == "initial"


def test_a_new_diagnosis_the_signed_plan_lacks_updates_it() -> None:
    facts = facts_with(signed_plan(initial_fields(MDD)), new_diagnosis=GAD)
    assert decide(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"), facts, OPTS, TODAY) == "update"


def test_a_diagnosis_already_in_the_signed_plan_is_skipped() -> None:
    facts = facts_with(signed_plan(initial_fields(MDD, GAD)), new_diagnosis=GAD)
    with pytest.raises(SkipEvent, match="already in plan"):
        decide(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"), facts, OPTS, TODAY)


def test_a_non_mental_health_diagnosis_is_skipped() -> None:
    facts = PlanFacts(new_diagnosis=HTN, target_encounter=500)
    with pytest.raises(SkipEvent, match="not a diagnosis the plan library covers"):
        decide(event(EventKind.DIAGNOSIS_ADDED, formdir=None, source_table="lists"), facts, OPTS, TODAY)


@pytest.mark.parametrize(("raw", "message"), [
    ({"review_days": 400}, "review_days"),  # a plan must be reviewed within a year
    ({"review_days": 30, "review_lead_days": 30}, "review_lead_days"),
    ({"intake_formdirs": "LBFintake"}, "intake_formdirs"),  # a string, not a list
    ({"session_length_minutes": 10}, "session_length_minutes"),  # under the billable minimum
    ({"duration_days": 365}, "duration_days"),  # Medicare: duration under one year
    ({"frequency": " "}, "frequency"),
])
def test_invalid_options_fail_naming_the_option(raw: dict, message: str) -> None:
    with pytest.raises(PermanentFailure, match=message):
        parse(raw)
