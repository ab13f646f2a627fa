"""The notes plugin through pluggy, exactly as the host calls it."""
from __future__ import annotations

import pluggy
import pytest

import hooks.specs
import plugins.notes
from hooks import PROJECT
from hooks.types import Draft, EventKind
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input

SESSION_FIELDS = {"focus", "symptoms", "impairment", "observations", "interventions",
                  "interventions_other", "response", "goal_progress", "plan", "si_screen",
                  "hi_screen", "risk_notes", "start_time", "stop_time", "cpt", "modality",
                  "participants", "note_format"}


@pytest.fixture
def pm() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hooks.specs)
    manager.register(plugins.notes, name="notes")
    manager.check_pending()
    return manager


def test_hook_bridge_layouts(pm: pluggy.PluginManager) -> None:
    forms = {f.form_id: f for batch in pm.hook.bridge_layouts() for f in batch}
    assert set(forms) == {"LBFaibsi", "LBFaibsoap", "LBFaibdap", "LBFaibbirp", "LBFaibgirp"}
    session = forms["LBFaibsi"]
    assert session.title == "Session Input (AI Draft)"
    assert {f.field_id for f in session.fields} == SESSION_FIELDS
    by_id = {f.field_id: f for f in session.fields}
    assert (by_id["interventions"].data_type, by_id["interventions"].list_id) == (36, "aib_interventions")
    assert by_id["si_screen"].list_id == by_id["hi_screen"].list_id == "aib_risk_screen"
    for form in forms.values():
        assert len(form.form_id) <= 31 and all(len(f.field_id) <= 31 for f in form.fields)
        groups = {g for g, _ in form.groups}
        assert all(f.group in groups for f in form.fields)
    assert ("4", "Review (not part of the note)") in forms["LBFaibdap"].groups


def test_hook_bridge_lists(pm: pluggy.PluginManager) -> None:
    lists = {ld.list_id: dict(ld.options) for batch in pm.hook.bridge_lists() for ld in batch}
    assert set(lists) == {"aib_interventions", "aib_risk_screen", "aib_cpt", "aib_modality",
                          "aib_note_format"}
    assert set(lists["aib_risk_screen"]) == {"denied", "endorsed", "not_assessed"}
    assert set(lists["aib_cpt"]) == {"90791", "90832", "90834", "90837", "90846", "90847"}
    assert set(lists["aib_modality"]) == {"in_person", "video", "audio_only"}
    assert set(lists["aib_note_format"]) == {"SOAP", "DAP", "BIRP", "GIRP"}
    for needed in ("cbt_restructuring", "behavioral_activation", "exposure", "dbt_skills", "mi",
                   "psychoeducation", "mindfulness", "supportive", "solution_focused", "tf_cbt",
                   "emdr", "family_systems", "relapse_prevention", "safety_planning"):
        assert needed in lists["aib_interventions"]


def test_hook_bridge_option_defaults(pm: pluggy.PluginManager) -> None:
    assert pm.hook.bridge_option_defaults() == [
        {"notes": {"default_format": "DAP", "backend": "template", "session_formdir": "LBFaibsi"}}]


@pytest.mark.parametrize(("kind", "formdir", "accepted"), [
    (EventKind.FORM_SAVED, "LBFaibsi", True),
    (EventKind.FORM_SAVED, "LBFaibdap", False),  # its own drafts never re-trigger it
    (EventKind.FORM_SIGNED, "LBFaibsi", False),
    (EventKind.FORM_SAVED, None, False),
])
def test_hook_bridge_accepts_event(pm: pluggy.PluginManager, kind: EventKind,
                                   formdir: str | None, accepted: bool) -> None:
    event = make_event(kind=kind, formdir=formdir)
    options = {"session_formdir": "LBFaibsi"}
    assert pm.hook.bridge_accepts_event(event=event, options=options) == [accepted]


def test_hook_bridge_handle_event(pm: pluggy.PluginManager) -> None:
    event = make_event(source_id=77)
    outcome = pm.hook.bridge_handle_event(event=event, ctx=make_ctx(make_chart(with_input())))
    draft = outcome.drafts[0]
    assert (draft.kind, draft.encounter, draft.clinician_id, draft.source_key, draft.pid) == (
        "progress_note", 900, 7, "forms:77", 42)
    assert draft.backend == "template" and outcome.alerts == []


def test_hook_bridge_validate_draft(pm: pluggy.PluginManager) -> None:
    chart = make_chart(with_input())
    good = pm.hook.bridge_handle_event(event=make_event(), ctx=make_ctx(chart)).drafts[0]
    assert pm.hook.bridge_validate_draft(draft=good, chart=chart) == [[]]
    good.fields["plan"] = "  "
    assert pm.hook.bridge_validate_draft(draft=good, chart=chart) == [
        ["LBFaibdap: required field 'plan' is empty"]]
    other = Draft(kind="treatment_plan", formdir="LBFaibtp", title="t", fields={}, pid=1,
                  encounter=1, clinician_id=1, source_key="x:1")
    assert pm.hook.bridge_validate_draft(draft=other, chart=chart) == [[]]
