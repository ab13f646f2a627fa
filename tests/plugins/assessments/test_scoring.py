"""Fixed-code scoring: band edges, item 9, PCL-5 clusters, missing-item rules."""
from __future__ import annotations

import pytest

from plugins.assessments.instruments import get
from plugins.assessments.scoring import INCOMPLETE, PRORATED, score
from tests.plugins.assessments.helpers import answers_for_total

PHQ9, GAD7, PCL5 = get("PHQ-9"), get("GAD-7"), get("PCL-5")

# Every band edge: each band's lowest and highest total.
PHQ9_EDGES = [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
              (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"),
              (20, "severe"), (27, "severe")]
GAD7_EDGES = [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
              (14, "moderate"), (15, "severe"), (21, "severe")]
PCL5_EDGES = [(0, None, "below cutoff"), (32, None, "below cutoff"), (33, None, "at or above cutoff"),
              (80, None, "at or above cutoff"),
              (30, 31, "below cutoff"), (31, 31, "at or above cutoff")]  # a practice cutoff of 31


@pytest.mark.parametrize(("total", "band"), PHQ9_EDGES)
def test_phq9_band_edges(total: int, band: str) -> None:
    # item 9 kept at 0 (where the total allows) so the edge is about the total alone
    result = score(PHQ9, answers_for_total(PHQ9, total, keep={9: 0} if total <= 24 else None))
    assert (result.total, result.band, result.status) == (total, band, "complete")


@pytest.mark.parametrize(("total", "band"), GAD7_EDGES)
def test_gad7_band_edges(total: int, band: str) -> None:
    result = score(GAD7, answers_for_total(GAD7, total))
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize(("total", "cutoff", "band"), PCL5_EDGES)
def test_pcl5_cutoff_edges(total: int, cutoff: int | None, band: str) -> None:
    result = score(PCL5, answers_for_total(PCL5, total), cutoff=cutoff)
    assert (result.total, result.band, result.cutoff) == (total, band, cutoff or 33)


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item9_positive_with_minimal_total_still_flags(item9: int) -> None:
    result = score(PHQ9, answers_for_total(PHQ9, item9, keep={9: item9}))
    assert result.band == "minimal"
    assert result.item9 == item9 and result.item9_positive


def test_item9_zero_with_severe_total_does_not_flag() -> None:
    result = score(PHQ9, answers_for_total(PHQ9, 24, keep={9: 0}))
    assert result.band == "severe" and not result.item9_positive


def test_gad7_and_pcl5_have_no_item9() -> None:
    assert score(GAD7, answers_for_total(GAD7, 21)).item9 is None
    assert score(PCL5, answers_for_total(PCL5, 80)).item9 is None


# --- PCL-5 DSM-5 cluster rule: item >= 2 counts; B>=1 (1-5), C>=1 (6-7), D>=2 (8-14), E>=2 (15-20)

def _pcl5(**rated: int) -> dict[int, int]:
    answers = {n: 0 for n in range(1, 21)}
    answers.update({int(k[1:]): v for k, v in rated.items()})
    return answers


def test_cluster_rule_met_at_minimum_counts() -> None:
    result = score(PCL5, _pcl5(i1=2, i6=2, i8=2, i9=2, i15=2, i16=2))
    assert [c.met for c in result.clusters] == [True, True, True, True]
    assert result.cluster_rule_met is True
    assert result.total == 12 and result.band == "below cutoff"  # rule and cutoff are separate


@pytest.mark.parametrize(("answers", "failing"), [
    (_pcl5(i6=4, i8=4, i9=4, i15=4, i16=4), "B"),  # no B item
    (_pcl5(i1=4, i8=4, i9=4, i15=4, i16=4), "C"),  # no C item
    (_pcl5(i1=4, i6=4, i8=4, i15=4, i16=4), "D"),  # only one D item
    (_pcl5(i1=4, i6=4, i8=4, i9=4, i15=4), "E"),  # only one E item
    (_pcl5(i1=1, i6=1, i8=1, i9=1, i15=1, i16=1, i2=1), "B"),  # ratings of 1 never count
])
def test_cluster_rule_not_met(answers: dict[int, int], failing: str) -> None:
    result = score(PCL5, answers)
    assert result.cluster_rule_met is False
    assert next(c for c in result.clusters if c.name == failing).met is False


def test_cluster_severity_is_the_sum_of_its_items() -> None:
    result = score(PCL5, _pcl5(i1=1, i2=3, i7=2, i14=4, i20=1))
    assert {c.name: c.severity for c in result.clusters} == {"B": 4, "C": 2, "D": 4, "E": 1}


# --- missing items, as documented in scoring.py -------------------------------------------------

def test_phq9_one_missing_is_prorated() -> None:
    answers = {n: 1 for n in range(1, 10)} | {4: None}  # 8 answered, sum 8 -> 8 * 9 / 8 = 9
    result = score(PHQ9, answers)
    assert (result.status, result.total, result.band, result.missing) == (PRORATED, 9, "mild", (4,))


def test_phq9_two_missing_prorate_rounding_half_up() -> None:
    answers = {1: 1, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: None, 9: None}  # 3 * 9 / 7 = 3.86 -> 4
    assert score(PHQ9, answers).total == 4
    half = {1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0, 8: 0, 9: None}  # 4 * 9 / 8 = 4.5 -> 5
    assert score(PHQ9, half).total == 5


def test_phq9_three_missing_is_incomplete_but_item9_still_counts() -> None:
    answers = {1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: None, 8: None, 9: 2} | {5: None}
    result = score(PHQ9, answers)
    assert (result.status, result.total, result.band) == (INCOMPLETE, None, None)
    assert result.item9_positive


def test_phq9_missing_item9_is_reported_not_positive() -> None:
    result = score(PHQ9, {n: 1 for n in range(1, 9)} | {9: None})
    assert result.item9 is None and not result.item9_positive and 9 in result.missing


@pytest.mark.parametrize(("missing", "status"), [((), "complete"), ((3,), PRORATED), ((3, 5), INCOMPLETE)])
def test_gad7_missing_rule(missing: tuple[int, ...], status: str) -> None:
    answers = {n: (None if n in missing else 2) for n in range(1, 8)}
    result = score(GAD7, answers)
    assert result.status == status
    assert result.total == (14 if status != INCOMPLETE else None)


def test_pcl5_one_missing_per_cluster_is_prorated() -> None:
    answers = {n: 2 for n in range(1, 21)} | {1: None, 6: None, 8: None, 15: None}  # 16 answered
    result = score(PCL5, answers)
    assert (result.status, result.total) == (PRORATED, 40)  # 32 * 20 / 16
    assert result.cluster_rule_met is True


def test_pcl5_two_missing_in_one_cluster_is_incomplete() -> None:
    answers = {n: 2 for n in range(1, 21)} | {6: None, 7: None}  # both C items
    result = score(PCL5, answers)
    assert (result.status, result.total) == (INCOMPLETE, None)
    assert next(c for c in result.clusters if c.name == "C").met is None  # indeterminate
    assert result.cluster_rule_met is None


def test_pcl5_cluster_short_but_missing_item_could_meet_is_indeterminate() -> None:
    answers = _pcl5(i1=3, i6=3, i8=3, i15=3, i16=3) | {9: None}
    result = score(PCL5, answers)
    assert next(c for c in result.clusters if c.name == "D").met is None
    assert result.cluster_rule_met is None


def test_out_of_range_values_are_refused() -> None:
    with pytest.raises(ValueError, match="item 1"):
        score(PHQ9, {1: 4})
    with pytest.raises(ValueError, match="no item 10"):
        score(PHQ9, {10: 1})
