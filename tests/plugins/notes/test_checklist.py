"""Pre-sign checklist (REFERENCE 6a): CPT against minutes at every edge, and the other items."""
from __future__ import annotations

import pytest

from hooks.types import Clinician
from plugins.notes import service
from plugins.notes.checklist import code_for_minutes, cpt_lines
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input


@pytest.mark.parametrize(("cpt", "minutes", "expected"), [
    ("90832", 15, "[check] 15 minutes: under 16 minutes is not billable as psychotherapy (CPT 90832)"),
    ("90832", 16, "[ok] CPT 90832 matches 16 minutes (16-37)"),
    ("90832", 37, "[ok] CPT 90832 matches 37 minutes (16-37)"),
    ("90832", 38, "[check] CPT 90832 needs 16-37 minutes, session was 38; 38 minutes fits 90834"),
    ("90834", 37, "[check] CPT 90834 needs 38-52 minutes, session was 37; 37 minutes fits 90832"),
    ("90834", 38, "[ok] CPT 90834 matches 38 minutes (38-52)"),
    ("90834", 52, "[ok] CPT 90834 matches 52 minutes (38-52)"),
    ("90834", 53, "[check] CPT 90834 needs 38-52 minutes, session was 53; 53 minutes fits 90837"),
    ("90837", 52, "[check] CPT 90837 needs 53+ minutes, session was 52; 52 minutes fits 90834"),
    ("90837", 53, "[ok] CPT 90837 matches 53 minutes (53+)"),
    ("90837", 90, "[ok] CPT 90837 matches 90 minutes (53+)"),
    ("90847", 25, "[check] CPT 90847 needs 26+ minutes, session was 25"),
    ("90847", 50, "[ok] CPT 90847 matches 50 minutes (26+)"),
    ("", 50, "[missing] CPT code not selected (50 minutes fits 90834)"),
    ("", 10, "[missing] CPT code not selected (10 minutes is under 16, not billable)"),
    ("90834", None, "[check] CPT 90834: minutes unknown until start and stop times are recorded"),
])
def test_cpt_against_minutes(cpt: str, minutes: int | None, expected: str) -> None:
    assert cpt_lines(cpt, minutes)[0] == expected


@pytest.mark.parametrize(("minutes", "code"), [(15, ""), (16, "90832"), (37, "90832"),
                                               (38, "90834"), (52, "90834"), (53, "90837")])
def test_code_for_minutes_edges(minutes: int, code: str) -> None:
    assert code_for_minutes(minutes) == code


def test_90837_asks_for_justification() -> None:
    assert any("draws payer audits" in line for line in cpt_lines("90837", 60))


def findings(chart_over: dict | None = None, **fields: str | None) -> list[str]:
    chart = make_chart(with_input(**fields), **(chart_over or {}))
    return service.handle(make_event(), make_ctx(chart)).drafts[0].findings


def test_complete_input_passes_every_item() -> None:
    lines = findings()
    assert lines and all(line.startswith("[ok]") for line in lines), lines


def test_minutes_from_the_session_times_drive_the_cpt_check() -> None:
    lines = findings(start_time="14:00", stop_time="14:37", cpt="90834")
    assert "[ok] start 14:00, stop 14:37 (37 minutes)" in lines
    assert "[check] CPT 90834 needs 38-52 minutes, session was 37; 37 minutes fits 90832" in lines


@pytest.mark.parametrize(("fields", "chart_over", "expected"), [
    ({"start_time": None}, {}, "[missing] start time: record face-to-face psychotherapy time (HH:MM)"),
    ({"start_time": "15:00", "stop_time": "14:00"}, {}, "[missing] stop time is not after start time: correct the times"),
    ({"modality": None}, {}, "[missing] modality: record in person, video or audio-only"),
    ({"modality": "audio_only"}, {}, "[ok] telehealth method stated (audio-only); add the payer's telehealth modifier / POS"),
    ({}, {"diagnoses": []}, "[missing] diagnosis: no active ICD-10 diagnosis on the problem list"),
    ({"impairment": None}, {}, "[missing] medical necessity: record functional impairment"),
    ({"interventions": None}, {}, "[missing] interventions: record what was done and how the client responded"),
    ({"response": None}, {}, "[missing] client response: record what was done and how the client responded"),
    ({"plan": None}, {}, "[missing] plan: record next steps, homework, next appointment"),
    ({"hi_screen": None}, {}, "[missing] risk: HI screen not recorded"),
    ({}, {"clinician": Clinician(id=7, username="jrivera")}, "[missing] clinician credentials: add them to the user profile for the signature line"),
    ({"cpt": "90847", "participants": None}, {}, "[missing] participants: family psychotherapy needs who attended"),
])
def test_gaps_are_named(fields: dict, chart_over: dict, expected: str) -> None:
    assert expected in findings(chart_over, **fields)


def test_missing_necessity_leaves_no_necessity_claim_in_the_note() -> None:
    chart = make_chart(with_input(symptoms=None))
    fields = service.handle(make_event(), make_ctx(chart)).drafts[0].fields
    assert "medically necessary" not in fields["assessment"]
    assert "medical necessity" not in fields["assessment"]
