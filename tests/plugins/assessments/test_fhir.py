"""The FHIR Questionnaire built from instrument data, and QuestionnaireResponse parsing."""
from __future__ import annotations

import json

import pytest

from plugins.assessments import fhir
from plugins.assessments.instruments import all_instruments, get, identify
from plugins.assessments.scoring import score
from tests.plugins.assessments.helpers import response_for

PHQ9 = get("PHQ-9")


def test_phq9_questionnaire_carries_confirmed_loinc_codes() -> None:
    q = fhir.build_questionnaire(PHQ9)
    assert q["resourceType"] == "Questionnaire" and q["title"] == "PHQ-9"
    assert q["code"][0]["code"] == "44249-1"
    questions = [i for i in q["item"] if i["type"] == "choice" and i["required"]]
    assert [i["code"][0]["code"] for i in questions] == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"]
    assert questions[8]["linkId"] == "/44260-8"
    values = [o["extension"][0]["valueDecimal"] for o in questions[0]["answerOption"]]
    assert values == [0, 1, 2, 3]


def test_unconfirmed_codes_are_never_emitted() -> None:
    # REFERENCE.md does not confirm LA6570-1, GAD-7/PCL-5 item codes, or PCL-5 answer codes
    text = json.dumps([fhir.build_questionnaire(i) for i in all_instruments()])
    assert "LA6570-1" not in text
    gad7 = fhir.build_questionnaire(get("GAD-7"))
    assert all("code" not in i for i in gad7["item"][1:8])
    pcl5 = fhir.build_questionnaire(get("PCL-5"))
    assert pcl5["code"][0]["code"] == "101697-1"
    assert len([i for i in pcl5["item"] if i["type"] == "choice"]) == 20


@pytest.mark.parametrize("key", ["PHQ-9", "GAD-7", "PCL-5"])
def test_response_to_our_questionnaire_round_trips(key: str) -> None:
    inst = get(key)
    values = {item.number: (item.number % (inst.max_value + 1)) for item in inst.items}
    answers, problems = fhir.parse_response(inst, response_for(inst, values))
    assert answers == values and problems == []
    assert fhir.identify_response(response_for(inst, values)) is inst


def test_lhc_forms_nested_response_parses_by_loinc_path_and_display() -> None:
    values = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1}
    answers, _ = fhir.parse_response(PHQ9, response_for(PHQ9, values, style="lhc"))
    assert answers == values
    assert score(PHQ9, answers).total == 7


def test_blank_and_unrecognised_answers_are_missing() -> None:
    response = response_for(PHQ9, {n: 1 for n in range(1, 9)})  # item 9 left blank
    response["item"][0]["answer"] = [{"valueCoding": {"code": "LA9999-9", "display": "Sometimes"}}]
    answers, problems = fhir.parse_response(PHQ9, response)
    assert answers[1] is None and answers[9] is None
    assert problems == ["item 1: answer not recognised, treated as missing"]


def test_integer_answers_are_accepted_within_range_only() -> None:
    response = {"item": [{"linkId": "/44250-9", "answer": [{"valueInteger": 2}]},
                         {"linkId": "/44255-8", "answer": [{"valueInteger": 7}]}]}
    answers, _ = fhir.parse_response(PHQ9, response)
    assert answers[1] == 2 and answers[2] is None


@pytest.mark.parametrize(("name", "code", "expected"), [
    ("PHQ-9", None, "PHQ-9"), ("phq9", None, "PHQ-9"), ("GAD-7", None, "GAD-7"),
    (None, "101697-1", "PCL-5"), ("PTSD Checklist for DSM-5", None, "PCL-5"),
    ("Intake paperwork", None, None),
])
def test_identify_by_name_or_panel_code(name: str | None, code: str | None, expected: str | None) -> None:
    found = identify(name, code=code)
    assert (found.key if found else None) == expected


def test_garbage_json_is_an_empty_response() -> None:
    assert fhir.load_json("{not json") == {}
    assert fhir.parse_response(PHQ9, fhir.load_json(None))[0] == {n: None for n in range(1, 10)}
