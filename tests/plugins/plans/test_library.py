"""The diagnosis library: coverage by ICD-10 prefix, measurable content, validation at import."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plugins.plans.library import LIBRARY, LibraryError, load
from plugins.plans.targets import render_objective

COVERAGE = [
    ("F32.1", "depressive"),  # major depressive disorder, single episode
    ("F33.1", "depressive"),  # recurrent
    ("F34.1", "depressive"),  # persistent depressive disorder (dysthymia)
    ("F41.0", "panic"),  # panic disorder
    ("F41.1", "generalized_anxiety"),  # GAD
    ("F41.9", "generalized_anxiety"),  # anxiety, unspecified
    ("F40.10", "social_anxiety"),  # social phobia, unspecified
    ("F40.11", "social_anxiety"),  # social phobia, generalized
    ("F43.10", "ptsd"),
    ("F43.12", "ptsd"),  # chronic
    ("F43.21", "adjustment"),  # with depressed mood
    ("F43.23", "adjustment"),  # mixed anxiety and depressed mood
    ("F31.4", "bipolar"),
    ("F31.81", "bipolar"),  # bipolar II
    ("F90.0", "adhd"),
    ("F90.2", "adhd"),
    ("F10.20", "substance_use"),  # alcohol dependence
    ("F11.20", "substance_use"),  # opioid dependence
    ("F19.10", "substance_use"),  # other psychoactive substance abuse
    ("F42.2", "ocd"),
    ("F50.00", "eating"),  # anorexia nervosa
    ("F50.2", "eating"),  # bulimia nervosa
    ("F51.01", "insomnia"),  # primary insomnia
    ("G47.00", "insomnia"),  # insomnia, unspecified
    ("ICD10:F33.1", "depressive"),  # OpenEMR's lists.diagnosis spelling
]


@pytest.mark.parametrize(("code", "condition"), COVERAGE)
def test_every_required_code_maps_to_its_condition(code: str, condition: str) -> None:
    found = LIBRARY.match(code)
    assert found is not None and found.id == condition


@pytest.mark.parametrize("code", ["I10", "E11.9", "F34.0", "Z00.00", ""])
def test_codes_outside_the_library_do_not_match(code: str) -> None:
    assert LIBRARY.match(code) is None


def test_longest_prefix_wins_within_f41() -> None:
    assert LIBRARY.match("F41.0").id == "panic"  # type: ignore[union-attr]
    assert LIBRARY.match("F41.1").id == "generalized_anxiety"  # type: ignore[union-attr]


@pytest.mark.parametrize("condition", LIBRARY.conditions, ids=lambda c: c.id)
def test_every_condition_has_measurable_goals_and_evidence_based_interventions(condition) -> None:  # type: ignore[no-untyped-def]
    assert condition.goals and condition.discharge
    for goal in condition.goals:
        for objective in goal.objectives:
            text = render_objective(objective, LIBRARY.measures, [], dt.date(2027, 1, 1))
            assert "2027-01-01" in text and "{" not in text
        for intervention in goal.interventions:
            assert intervention.modality and intervention.frequency
            assert intervention.modality in intervention.render() and intervention.frequency in intervention.render()


def test_adjustment_goals_follow_the_specifier() -> None:
    adjustment = LIBRARY.match("F43.21")
    assert adjustment is not None
    measures = {g.measure for g in adjustment.goals if g.applies_to("F43.21")}
    assert "PHQ-9" in measures and "GAD-7" not in measures


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "library.toml"
    path.write_text(body)
    return path


GOOD_MEASURE = '[measures."PHQ-9"]\ncutoffs = [10, 5]\nmin_change = 5\ntemplate = "PHQ-9 {target} by {target_date} ({baseline})."\n'


@pytest.mark.parametrize(("body", "message"), [
    # an objective without a target date cannot be measured
    ('[[conditions]]\nid="x"\ntitle="X"\nprefixes=["F99"]\ndischarge=["d"]\n[[conditions.goals]]\nid="x.a"\ntext="t"\n'
     '[[conditions.goals.objectives]]\ntext="no date"\nweeks=4\n[[conditions.goals.interventions]]\nname="n"\nmodality="m"\nfrequency="f"\n',
     "target_date"),
    # a measure nobody declared
    ('[[conditions]]\nid="x"\ntitle="X"\nprefixes=["F99"]\ndischarge=["d"]\n[[conditions.goals]]\nid="x.a"\ntext="t"\n'
     '[[conditions.goals.objectives]]\nmeasure="BDI-II"\nweeks=4\n[[conditions.goals.interventions]]\nname="n"\nmodality="m"\nfrequency="f"\n',
     "BDI-II"),
    # a target date a year or more away
    ('[[conditions]]\nid="x"\ntitle="X"\nprefixes=["F99"]\ndischarge=["d"]\n[[conditions.goals]]\nid="x.a"\ntext="t"\n'
     '[[conditions.goals.objectives]]\ntext="by {target_date}"\nweeks=60\n[[conditions.goals.interventions]]\nname="n"\nmodality="m"\nfrequency="f"\n',
     "weeks"),
    # an intervention without its frequency
    ('[[conditions]]\nid="x"\ntitle="X"\nprefixes=["F99"]\ndischarge=["d"]\n[[conditions.goals]]\nid="x.a"\ntext="t"\n'
     '[[conditions.goals.objectives]]\ntext="by {target_date}"\nweeks=4\n[[conditions.goals.interventions]]\nname="n"\nmodality="m"\n',
     "frequency"),
    # an unknown placeholder
    ('[[conditions]]\nid="x"\ntitle="X"\nprefixes=["F99"]\ndischarge=["d"]\n[[conditions.goals]]\nid="x.a"\ntext="t"\n'
     '[[conditions.goals.objectives]]\ntext="{patient} by {target_date}"\nweeks=4\n[[conditions.goals.interventions]]\nname="n"\nmodality="m"\nfrequency="f"\n',
     "placeholder"),
])
def test_a_malformed_library_fails_at_load_naming_the_problem(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LibraryError, match=message):
        load(_write(tmp_path, GOOD_MEASURE + body))
