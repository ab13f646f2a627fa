"""Malformed or hostile Session Input: a correct draft, or a PermanentFailure naming the fix."""
from __future__ import annotations

import time

import pytest

from hooks.errors import PermanentFailure
from hooks.types import Clinician
from plugins.notes import service
from plugins.notes.inputs import MAX_FIELD_CHARS, clean_text
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input


def handle(session: dict[str, str], **chart_over: object):
    return service.handle(make_event(), make_ctx(make_chart(session, **chart_over)))


@pytest.mark.parametrize("session", [
    {},  # nothing at all
    {"focus": "   ", "response": "\n\t", "plan": "\x00\u200f"},  # only blanks and invisibles
    {"symptoms": "tired", "cpt": "90834"},  # something, but no focus, response or plan
])
def test_empty_input_fails_clearly(session: dict[str, str]) -> None:
    with pytest.raises(PermanentFailure) as err:
        handle(session)
    assert str(err.value) == ("Session Input has no focus, response or plan; fill at least one of "
                              "'Focus / chief complaint', 'Client response' or 'Plan' and save "
                              "the form again")


def test_100_kb_of_text_is_truncated_and_reported() -> None:
    huge = ("Client discussed the week in detail and the stress at work continued. " * 1500)[:102_400]
    started = time.monotonic()
    draft = handle(with_input(focus=huge, response=huge)).drafts[0]
    assert time.monotonic() - started < 10
    assert len(draft.fields["data"]) < 3 * MAX_FIELD_CHARS
    assert "[...]" in draft.fields["data"]
    assert ("[check] input: Focus / chief complaint: 102,400 characters; the draft uses the first "
            "4,000 (the full text stays in the Session Input)") in draft.findings


def test_safety_language_beyond_the_truncation_still_alerts() -> None:
    long_text = "ordinary week. " * 2000 + "Client later said she wants to end her life."
    out = handle(with_input(response=long_text))
    assert [a.reason for a in out.alerts] == ["si_language"]


def test_odd_unicode_is_cleaned_and_kept_readable() -> None:
    focus = "Stress\x00 at \u202eschool\u202c 😟 and cafe\u0301 shifts \u200bZ\u0336\u0336\u0336\u0336o\u0301"
    draft = handle(with_input(focus=focus)).drafts[0]
    text = draft.fields["data"]
    assert "\x00" not in text and "\u202e" not in text and "\u200b" not in text
    assert "stress at school 😟 and café shifts" in text  # NFC: e + combining acute -> é
    assert "Z\u0336\u0336\u00f3" in text  # two stacked marks survive; o + acute -> ó


def test_clean_text_removes_controls_keeps_newlines() -> None:
    assert clean_text("a\x00b\x07c\r\nd\u2066e\u2069") == "abc\nde"


def test_sql_looking_text_is_just_text() -> None:
    sql = "Robert'); DROP TABLE lbf_data;-- and 1=1 OR '1'='1'"
    draft = handle(with_input(plan=sql)).drafts[0]
    assert "Robert'); DROP TABLE lbf_data;-- and 1=1 OR '1'='1'" in draft.fields["plan"]


def test_bad_times_and_list_values_are_reported_not_guessed() -> None:
    draft = handle(with_input(start_time="25:99", si_screen="maybe", modality="carrier pigeon",
                              interventions="mi|art_therapy")).drafts[0]
    assert "[check] input: start_time: '25:99' is not a 24-hour time HH:MM" in draft.findings
    assert "[check] input: si_screen: 'maybe' is not a value of its list; treated as not recorded" in draft.findings
    assert "[missing] risk: SI screen not recorded" in draft.findings
    assert "motivational interviewing and art therapy" in draft.fields["data"]
    assert "minutes" not in draft.fields and "modality" not in draft.fields


def test_missing_encounter_or_clinician_fail_with_the_fix() -> None:
    ctx = make_ctx(make_chart(with_input()))
    with pytest.raises(PermanentFailure, match="has no encounter"):
        service.handle(make_event(encounter=None), ctx)
    with pytest.raises(PermanentFailure, match="has no rendering clinician; set the encounter's provider"):
        handle(with_input(), clinician=None)


def test_bad_options_fail_naming_the_option() -> None:
    chart = make_chart(with_input())
    with pytest.raises(PermanentFailure, match="notes.default_format='XYZ'"):
        service.handle(make_event(), make_ctx(chart, default_format="XYZ"))
    with pytest.raises(PermanentFailure, match="notes.backend='gpt'"):
        service.handle(make_event(), make_ctx(chart, backend="gpt"))


def test_clinician_without_credentials_still_drafts() -> None:
    out = handle(with_input(), clinician=Clinician(id=3, username="asmith"))
    assert out.drafts[0].clinician_id == 3
