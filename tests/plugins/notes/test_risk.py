"""Risk is written exactly as screened; negation in free text is read correctly."""
from __future__ import annotations

import pytest

from plugins.notes import service
from plugins.notes.safety import mentions
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input


def risk_text(**screens: str | None) -> str:
    outcome = service.handle(make_event(), make_ctx(make_chart(with_input(**screens))))
    return outcome.drafts[0].fields["risk"]


@pytest.mark.parametrize(("si", "hi", "expected"), [
    ("denied", "denied", "Client denied suicidal and homicidal ideation."),
    ("not_assessed", "denied", "Suicidal ideation was not assessed this session. Client denied homicidal ideation."),
    ("not_assessed", "not_assessed", "Suicidal ideation was not assessed this session. Homicidal ideation was not assessed this session."),
    ("endorsed", "denied", "Client endorsed suicidal ideation. Client denied homicidal ideation."),
    (None, None, "Suicidal ideation screen: not recorded in the Session Input. Homicidal ideation screen: not recorded in the Session Input."),
])
def test_risk_section_mirrors_the_screen(si: str | None, hi: str | None, expected: str) -> None:
    text = risk_text(si_screen=si, hi_screen=hi)
    assert text.startswith(expected)
    if si != "denied":
        assert "denied suicidal" not in text and "denies" not in text


def test_not_assessed_is_never_rewritten_anywhere_in_the_note() -> None:
    session = with_input(si_screen="not_assessed", hi_screen="not_assessed")
    fields = service.handle(make_event(), make_ctx(make_chart(session))).drafts[0].fields
    whole = " ".join(fields.values()).lower()
    assert "denie" not in whole and "no si" not in whole
    assert "[check] risk: SI not assessed this session" in fields["review_checklist"]


def test_risk_notes_are_kept_as_written() -> None:
    text = risk_text(si_screen="denied", risk_notes="Safety plan reviewed; crisis line on phone")
    assert "Risk notes: Safety plan reviewed; crisis line on phone." in text


@pytest.mark.parametrize(("text", "expected"), [
    ("Client denies SI/HI.", [("si", "negated"), ("hi", "negated")]),
    ("No SI, HI, or AVH.", [("si", "negated"), ("hi", "negated")]),
    ("Suicidal ideation: denied", [("si", "negated")]),
    ("SI - none", [("si", "negated")]),
    ("Client stated he is not suicidal", [("si", "negated")]),
    ("denies any thoughts of suicide or self-harm", [("si", "negated")]),
    ("Denies SI, reports passive thoughts of death.", [("si", "negated"), ("si", "affirmed")]),
    ("denies HI but endorses SI", [("hi", "negated"), ("si", "affirmed")]),
    ("Client reports passive SI without plan", [("si", "affirmed")]),
    ("said she wants to kill her boss", [("hi", "affirmed")]),
    ("Suicidal ideation was not assessed.", [("si", "not_assessed")]),
    ("Did not ask about SI today", [("si", "not_assessed")]),
    ("Tried to kill time reading; Simon visited", []),  # no risk words, "Si" in a name
])
def test_negation_table(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.kind, m.polarity) for m in mentions(text)] == expected
