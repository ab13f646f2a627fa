"""Recommendation by diagnosis and cadence."""
from __future__ import annotations

import datetime as dt

import pytest

from hooks.types import Diagnosis, Score
from plugins.assessments.options import DEFAULTS
from plugins.assessments.recommend import instruments_for, recommend

DAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(("codes", "expected"), [
    (["F32.1"], ["PHQ-9"]),  # single depressive episode
    (["F33.1"], ["PHQ-9"]),  # recurrent depressive disorder
    (["F34.1"], ["PHQ-9"]),  # dysthymia
    (["F34.0"], []),  # cyclothymia: not in the rule
    (["F41.1"], ["GAD-7"]),
    (["F40.10"], ["GAD-7"]),
    (["F43.10"], ["PHQ-9", "PCL-5"]),  # PTSD: PCL-5 and PHQ-9
    (["F43.21"], []),  # adjustment disorder is not F43.1
    (["ICD10:F33.1", "F41.1"], ["PHQ-9", "GAD-7"]),
    (["Z63.0"], []),
])
def test_instruments_by_diagnosis(codes: list[str], expected: list[str]) -> None:
    assert list(instruments_for(codes)) == expected


def _score(days_ago: int, instrument: str = "PHQ-9") -> Score:
    return Score(instrument, 12, "moderate", DAY - dt.timedelta(days=days_ago), 0, f"forms:{days_ago}")


def _rec(history: list[Score], sessions: int = 0, **options: object) -> list:
    return recommend([Diagnosis("F33.1", "Major depressive disorder, recurrent")], history, on=DAY,
                     sessions_since={"PHQ-9": sessions}, options=DEFAULTS | options)


def test_intake_is_due() -> None:
    [rec] = _rec([])
    assert rec.due and rec.why.startswith("intake")


def test_due_after_cadence_days() -> None:
    assert _rec([_score(30)])[0].due
    assert not _rec([_score(29)])[0].due


def test_due_after_cadence_sessions() -> None:
    # administered at session 1; sessions 2-4 followed; the coming visit is the 4th since
    assert _rec([_score(10)], sessions=3)[0].due
    assert not _rec([_score(10)], sessions=2)[0].due
    assert _rec([_score(10)], sessions=1, cadence_sessions=2)[0].due


def test_only_the_instruments_own_history_counts() -> None:
    assert _rec([_score(1, "GAD-7")])[0].due  # a recent GAD-7 does not make PHQ-9 current


def test_future_scores_are_ignored() -> None:
    assert _rec([_score(-3)])[0].due


def test_practice_can_switch_instruments_off() -> None:
    assert _rec([], instruments=["GAD-7", "PCL-5"]) == []
