"""The words of a scored result: scores only, never a diagnosis."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from hooks.types import Score
from plugins.assessments import report
from plugins.assessments.instruments import get
from plugins.assessments.scoring import score
from tests.plugins.assessments.helpers import answers_for_total

DIAGNOSTIC = re.compile(r"diagnos|disorder|\bPTSD\b|\bdepression\b|\bdepressed\b|\banxiety\b", re.I)


@pytest.mark.parametrize(("key", "total"), [("PHQ-9", 17), ("GAD-7", 11), ("PCL-5", 45), ("PCL-5", 10)])
def test_fields_state_scores_and_never_diagnoses(key: str, total: int) -> None:
    inst = get(key)
    result = score(inst, answers_for_total(inst, total))
    previous = Score(key, total - 3, "x", dt.date(2026, 10, 30), None, "forms:1")
    fields = report.fields(inst, result, date_iso="2026-11-27", source="questionnaire_response:9",
                           previous=previous, problems=())
    assert fields["total"] == str(total) and fields["band"] == result.band
    assert fields["change_since_last"].startswith("+3 since 2026-10-30")
    assert f"total {total} of {inst.max_total}" in fields["interpretation"]
    for name in ("interpretation", "band", "clusters", "item_flags"):
        assert not DIAGNOSTIC.search(fields.get(name, "")), name


def test_pcl5_fields_carry_each_cluster() -> None:
    inst = get("PCL-5")
    result = score(inst, {n: (2 if n in (1, 6, 8, 9, 15, 16) else 0) for n in range(1, 21)})
    text = report.fields(inst, result, date_iso="2026-11-27", source="s", previous=None, problems=())["clusters"]
    assert [line.split(":")[0] for line in text.splitlines()[:4]] == ["B", "C", "D", "E"]
    assert text.endswith("DSM-5 cluster rule (B>=1, C>=1, D>=2, E>=2): met.")


def test_item9_flag_and_alert_text() -> None:
    inst = get("PHQ-9")
    result = score(inst, answers_for_total(inst, 2, keep={9: 2}))
    fields = report.fields(inst, result, date_iso="2026-11-27", source="s", previous=None, problems=())
    assert fields["item9"] == "2"
    assert fields["item_flags"].startswith("Item 9 positive: answered 2 (More than half the days)")
    body = report.alert_body(inst, result, date_iso="2026-11-27")
    assert "answered 2 (More than half the days)" in body and "total 2 (minimal)" in body
    assert report.findings(inst, result) == ["PHQ-9 item 9 positive: same-day alert sent"]


def test_incomplete_result_says_so_without_a_total() -> None:
    inst = get("GAD-7")
    result = score(inst, {1: 2, 2: 2, 3: None, 4: None, 5: 1, 6: 1, 7: 1})
    fields = report.fields(inst, result, date_iso="2026-11-27", source="s", previous=None, problems=())
    assert "total" not in fields and "band" not in fields
    assert fields["completeness"] == "incomplete, not scored: missing item 3, 4"
    assert fields["interpretation"].startswith("GAD-7 incomplete: 5 of 7 items answered")
