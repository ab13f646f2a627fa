"""Spell-check: confident fixes applied and listed; drugs and proper nouns never changed."""
from __future__ import annotations

from plugins.notes import service
from plugins.notes.spelling import correct_fields
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input


def test_confident_corrections_are_applied_and_listed() -> None:
    fixed, report = correct_fields({"focus": "incresed anxeity before work"})
    assert fixed["focus"] == "increased anxiety before work"
    assert report.lines() == ["'incresed' -> 'increased' (corrected in the draft)",
                              "'anxeity' -> 'anxiety' (corrected in the draft)"]


def test_medications_and_proper_nouns_are_never_changed() -> None:
    text = "Started sertraline and lamotrigine; Dr Oyelaran suggested Brexafemme; met Marisol"
    fixed, report = correct_fields({"plan": text})
    assert fixed["plan"] == text
    assert report.corrections == []


def test_misspelt_medication_is_flagged_not_corrected() -> None:
    fixed, report = correct_fields({"symptoms": "nausea since starting sertaline"})
    assert fixed["symptoms"] == "nausea since starting sertaline"
    assert report.checks == ["check medication spelling: 'sertaline' (did you mean 'sertraline'?); left as written"]


def test_clinical_terms_and_shorthand_are_known() -> None:
    text = "anhedonia, rumination and catastrophizing; psychoeducation given; hx of insomnia; texted"
    fixed, report = correct_fields({"focus": text})
    assert fixed["focus"] == text and report.lines() == []


def test_unsure_words_are_listed_and_left() -> None:
    fixed, report = correct_fields({"focus": "feels hopless"})
    assert fixed["focus"] == "feels hopless"
    assert report.checks == ["check spelling: 'hopless' (perhaps 'hopeless'); left as written"]


def test_corrections_appear_in_the_review_section() -> None:
    chart = make_chart(with_input(focus="incresed conflict at home"))
    fields = service.handle(make_event(), make_ctx(chart)).drafts[0].fields
    assert "increased conflict at home" in fields["data"]
    assert fields["review_spelling"] == "'incresed' -> 'increased' (corrected in the draft)"
