"""The grounding check: each kind of invented fact is caught; grounded text passes."""
from __future__ import annotations

import pytest

from plugins.notes import grounding
from plugins.notes.compose import Facts
from plugins.notes.inputs import parse
from plugins.notes.thread import build
from tests.plugins.notes.helpers import make_chart, with_input

SECTIONS = ("data", "assessment", "plan")
BASE = {"data": "Session focused on worsening sleep after job loss; PHQ-9 16 -> 11 since 2026-10-02.",
        "assessment": "Progress on G1: sleeping 5 hours on most nights, up from 4.",
        "plan": "Activity log daily; next session in one week."}


def facts(**fields: str | None) -> Facts:
    chart = make_chart(with_input(**fields))
    session = parse(chart.session_input)
    return Facts(session, chart, build(session, chart))


def test_grounded_text_passes() -> None:
    assert grounding.check(BASE, SECTIONS, facts()) == []


@pytest.mark.parametrize(("added", "problem"), [
    ("Client slept 7 hours.", "unsupported_number"),
    ("Client walked three times.", "unsupported_number"),
    ("Session lasted 2 hours.", "unsupported_quantity"),  # 2 occurs (G2), but not as hours
    ("Session held on Tuesday.", "unsupported_date"),
    ("Consistent with F43.10.", "unsupported_diagnosis_code"),
    ("Presentation suggests PTSD.", "unsupported_diagnosis"),
    ("Continues lorazepam at night.", "unsupported_medication"),
    ("Discussed medication adherence.", "unsupported_medication"),
    ("Affect was constricted; alert and oriented.", "unsupported_mental_status"),
    ("History of inpatient hospitalization.", "unsupported_history"),
    ('Client said "nothing will ever change".', "unsupported_quote"),
    ("Client denies SI.", "risk_misstated:si"),
    ("Client endorsed homicidal ideation.", "risk_misstated:hi"),
    ("Low risk of self-harm.", "unsupported_risk_level"),
    ("Progress on G4 noted.", "unknown_goal"),
    ("[RELATIVE_2] attended.", "unresolved_placeholder"),
])
def test_each_invention_is_caught(added: str, problem: str) -> None:
    answer = dict(BASE, assessment=BASE["assessment"] + " " + added)
    assert problem in grounding.check(answer, SECTIONS, facts(si_screen="not_assessed"))


def test_quotes_and_risk_that_match_the_input_pass() -> None:
    answer = dict(BASE, assessment=BASE["assessment"]
                  + " Client identified the thought \"I am a failure\". Client denied SI.")
    assert grounding.check(answer, SECTIONS, facts(si_screen="denied")) == []


@pytest.mark.parametrize("plan", ["{{", "G1", "SESSION INPUT", "14:00-14:50", "Plan:"])
def test_debris_is_not_prose(plan: str) -> None:
    assert "not_prose:plan" in grounding.check(dict(BASE, plan=plan), SECTIONS, facts())


def test_missing_and_oversized_sections() -> None:
    answer = {"data": "x" * (grounding.MAX_SECTION_CHARS + 1), "assessment": " "}
    assert grounding.check(answer, SECTIONS, facts())[:3] == [
        "missing_section:assessment", "missing_section:plan", "too_long:data"]
