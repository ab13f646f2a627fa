"""Each note format lands in its own LBF with native sections, metadata and a Review part."""
from __future__ import annotations

import pytest

from plugins.notes import layouts, service
from plugins.notes.formats import FORMATS
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input

SECTIONS = {
    "SOAP": ("subjective", "objective", "assessment", "plan"),
    "DAP": ("data", "assessment", "plan"),
    "BIRP": ("behavior", "intervention", "response", "plan"),
    "GIRP": ("goal", "intervention", "response", "plan"),
}


def draft_for(fmt: str | None = None, **options: object):
    session = with_input(note_format=fmt) if fmt else with_input(note_format=None)
    outcome = service.handle(make_event(), make_ctx(make_chart(session), **options))
    assert len(outcome.drafts) == 1
    return outcome.drafts[0]


@pytest.mark.parametrize("fmt", ["SOAP", "DAP", "BIRP", "GIRP"])
def test_each_format_has_its_lbf_sections_and_the_input(fmt: str) -> None:
    draft = draft_for(fmt)
    assert draft.formdir == f"LBFaib{fmt.lower()}" and draft.kind == "progress_note"
    assert draft.title == FORMATS[fmt].title
    for section in SECTIONS[fmt] + ("risk", "review_checklist"):
        assert draft.fields[section].strip(), section
    note = " ".join(draft.fields[s] for s in SECTIONS[fmt])
    # The clinician's facts are in the note, in clinical third-person prose.
    assert "worsening sleep and conflict with partner after job loss" in note
    assert "cognitive restructuring (CBT) and behavioural activation" in note
    assert "activity log daily and a fixed wake time; next session in one week" in note.lower()
    assert "50-minute individual psychotherapy session via secure audio-video telehealth" in note
    # Every field written is a field of that format's LBF.
    form = next(f for f in layouts.all_forms() if f.form_id == draft.formdir)
    assert set(draft.fields) <= {f.field_id for f in form.fields}
    assert draft.fields["dos"] == "2026-11-27" and draft.fields["minutes"] == "50"
    assert draft.fields["cpt"] == "90834" and draft.fields["modality"] == "video"
    assert draft.fields["diagnoses"].startswith("F33.1 Major depressive disorder")


def test_practice_default_is_dap_and_option_overrides_it() -> None:
    assert draft_for().formdir == "LBFaibdap"
    assert draft_for(default_format="BIRP").formdir == "LBFaibbirp"


def test_session_input_format_overrides_the_practice_default() -> None:
    assert draft_for("SOAP", default_format="BIRP").formdir == "LBFaibsoap"


def test_unknown_format_uses_default_and_says_so() -> None:
    draft = draft_for("PIRPX", default_format="GIRP")
    assert draft.formdir == "LBFaibgirp"
    assert any("note_format 'PIRPX' is unknown; used GIRP" in f for f in draft.findings)


def test_review_material_stays_out_of_the_clinical_sections() -> None:
    draft = draft_for("DAP")
    clinical = " ".join(draft.fields[s] for s in SECTIONS["DAP"])
    assert "[ok]" not in clinical and "[ok]" in draft.fields["review_checklist"]
    assert draft.findings == draft.fields["review_checklist"].splitlines()


def test_phrasing_varies_between_events_but_not_between_redrafts() -> None:
    chart = make_chart()
    texts = {service.handle(make_event(source_id=i), make_ctx(chart)).drafts[0].fields["data"]
             for i in range(1, 9)}
    assert len(texts) >= 3  # eight events, several distinct phrasings
    again = [service.handle(make_event(source_id=5), make_ctx(chart)).drafts[0].fields
             for _ in range(2)]
    assert again[0] == again[1]


def test_third_person_and_no_invented_mental_status() -> None:
    session = with_input(observations=None, note_format="SOAP")
    draft = service.handle(make_event(), make_ctx(make_chart(session))).drafts[0]
    note = " ".join(draft.fields[s] for s in SECTIONS["SOAP"]).lower()
    for invented in ("euthymic", "oriented", "good eye contact", "linear", "affect"):
        assert invented not in note
    assert "client" in draft.fields["subjective"].lower() or "session" in draft.fields["subjective"].lower()
