"""The plugin contract stays honest: every hook documented, typed, prefixed, and tested.

Each ``test_hook_<name>`` below checks what the host does with that hook, through the builtin
plugins or a small plugin registered for the test, against real MariaDB where it reads one.
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from bridge.devdb import esign, submit_session_form
from bridge.plugins import Hooks, build_manager
from hooks import hookimpl, specs
from hooks.types import Chart, Draft, Event, EventKind, KnownIdentifiers
from tests.conftest import SESSION_VALUES, make_clinic
from tests.support import pump

HOOKS = sorted(n for n, f in vars(specs).items() if n.startswith("bridge_") and callable(f))
TESTS = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented_and_typed(name):
    func = getattr(specs, name)
    doc = inspect.getdoc(func) or ""
    assert re.search(r"\b(detector|worker|installer|any process)\b", doc), f"{name}: say which process"
    assert len(doc.split()) >= 15, f"{name}: document when it fires and what it returns"
    sig = inspect.signature(func)
    assert sig.return_annotation is not inspect.Signature.empty
    assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values())


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_has_a_test(name):
    found = any(f"def test_hook_{name}(" in p.read_text() for p in TESTS.rglob("test_*.py"))
    assert found, f"write test_hook_{name}"


@pytest.fixture(scope="module")
def hooks():
    return Hooks(build_manager(), ["notes", "plans", "assessments"])


def _chart(**kw) -> Chart:
    return Chart(practice="t", pid=1, encounter=1, encounter_date=None, clinician=None, session_input={}, **kw)


def test_hook_bridge_layouts(hooks):
    forms = {f.form_id: f for f in hooks.layouts()}
    assert {"LBFaibsi", "LBFaibdap", "LBFaibsoap", "LBFaibbirp", "LBFaibgirp", "LBFaibtp", "LBFaibscore"} <= set(forms)
    for form in forms.values():  # every field sits in a declared group, ids fit OpenEMR's columns
        groups = {g for g, _ in form.groups}
        assert all(f.group in groups and len(f.field_id) <= 31 for f in form.fields), form.form_id


def test_hook_bridge_lists(hooks):
    lists = {item.list_id: dict(item.options) for item in hooks.lists()}
    assert set(lists["aib_risk_screen"]) == {"denied", "endorsed", "not_assessed"}
    assert {"90832", "90834", "90837"} <= set(lists["aib_cpt"])


def test_hook_bridge_option_defaults(hooks):
    assert hooks.options("notes")["default_format"] == "DAP"
    assert hooks.options("plans")["review_days"] == 90
    assert hooks.options("assessments")["pcl5_cutoff"] == 33


def test_hook_bridge_accepts_event(hooks):
    saved = Event(1, "t", EventKind.FORM_SAVED, 1, 1, "forms", 5, "LBFaibsi", "clin")
    vitals = Event(2, "t", EventKind.FORM_SAVED, 1, 1, "forms", 6, "vitals", "clin")
    portal = Event(3, "t", EventKind.QUESTIONNAIRE_COMPLETED, 1, None, "questionnaire_response", 7)
    assert set(hooks.accepting_plugins(saved)) >= {"notes"}
    assert hooks.accepting_plugins(vitals) == []
    assert hooks.accepting_plugins(portal) == ["assessments"]


def saved_session(practice_db):  # type: ignore[no-untyped-def]
    """A new clinic whose Session Input was saved and run through the pipeline: (clinic, forms.id)."""
    clinic = make_clinic(practice_db.engine)
    forms_id = submit_session_form(practice_db.engine, clinic.pid, clinic.encounter, clinic.clinician,
                                   clinic.clinician_id, SESSION_VALUES)
    pump(practice_db.runtime)
    return clinic, forms_id


def test_hook_bridge_handle_event(practice_db):
    clinic, forms_id = saved_session(practice_db)
    with practice_db.engine.connect() as conn:
        kinds = {r[0] for r in conn.execute(text("SELECT kind FROM aib_drafts WHERE pid = :p"), {"p": clinic.pid})}
        notes = conn.execute(text("SELECT COUNT(*) FROM aib_drafts WHERE source_key = :k"), {"k": f"forms:{forms_id}"}).scalar()
    assert "progress_note" in kinds and "treatment_plan" in kinds  # intake session: a note and a plan
    assert notes >= 1


def test_hook_bridge_validate_draft(hooks):
    empty = Draft(kind="progress_note", formdir="LBFaibdap", title="t", fields={}, pid=1, encounter=1,
                  clinician_id=1, source_key="forms:1")
    assert hooks.validate_draft(empty, _chart()) != []


class Recorder:
    """A plugin registered for a test, recording the notifications it receives."""

    def __init__(self) -> None:
        self.written: list[tuple[str, int]] = []
        self.signed: list[tuple[str, int, bool]] = []
        self.completions: list[str] = []

    @hookimpl
    def bridge_draft_written(self, draft, forms_id, ctx):  # type: ignore[no-untyped-def]
        self.written.append((draft.kind, forms_id))

    @hookimpl
    def bridge_draft_signed(self, kind, pid, forms_id, edited):  # type: ignore[no-untyped-def]
        self.signed.append((kind, forms_id, edited))

    @hookimpl
    def bridge_completion_received(self, result, purpose):  # type: ignore[no-untyped-def]
        self.completions.append(f"{purpose}:{result.reason}")


@pytest.fixture
def recorder(practice_db):
    rec = Recorder()
    practice_db.runtime.pm.register(rec, name="recorder")
    practice = practice_db.practice
    practice.hooks = Hooks(practice_db.runtime.pm, [*practice.settings.enabled, "recorder"], practice.settings.options)
    yield rec
    practice_db.runtime.pm.unregister(rec)
    practice.hooks = Hooks(practice_db.runtime.pm, practice.settings.enabled, practice.settings.options)


def drafted_note(practice_db):  # type: ignore[no-untyped-def]
    """A saved Session Input run through the pipeline: (clinic, forms.id of its note draft)."""
    clinic, forms_id = saved_session(practice_db)
    with practice_db.engine.connect() as conn:
        note_id = conn.execute(text("SELECT forms_id FROM aib_drafts WHERE source_key = :k AND kind='progress_note'"),
                               {"k": f"forms:{forms_id}"}).scalar()
    return clinic, note_id


def test_hook_bridge_draft_written(practice_db, recorder):
    _clinic, note_id = drafted_note(practice_db)
    assert ("progress_note", note_id) in recorder.written


def test_hook_bridge_draft_signed(practice_db, recorder):
    clinic, note_id = drafted_note(practice_db)
    with practice_db.engine.begin() as conn:
        esign(conn, table="forms", tid=note_id, uid=clinic.clinician_id)
    pump(practice_db.runtime)
    assert ("progress_note", note_id, False) in recorder.signed


def test_hook_bridge_completion_received(practice_db, recorder):
    from bridge.context import PracticeContext
    from hooks.types import CompletionRequest

    with practice_db.engine.connect() as conn:
        ctx = PracticeContext(practice_db.runtime, practice_db.practice, conn)
        result = ctx.complete(CompletionRequest("progress_note", "sys", "prompt", ("data",), KnownIdentifiers()))
    # no endpoint is configured for this practice: the host says so without calling out
    assert result.sections is None and result.reason == "no_endpoint"


def test_hook_bridge_active_goals(practice_db):
    from bridge.context import PracticeContext

    clinic, _forms_id = saved_session(practice_db)  # the intake drafts a plan
    with practice_db.engine.connect() as conn:
        goals = practice_db.practice.hooks.active_goals(clinic.pid, PracticeContext(practice_db.runtime, practice_db.practice, conn))
    assert goals and goals[0].id == "G1" and all(g.text for g in goals)


def test_hook_bridge_score_history(practice_db):
    from bridge.context import PracticeContext

    clinic = make_clinic(practice_db.engine)
    with practice_db.engine.begin() as conn:
        phq = conn.execute(text(
            "INSERT INTO form_phq9 (date, pid, user, groupname, authorized, activity, interest_score, hopeless_score, "
            "sleep_score, fatigue_score, appetite_score, failure_score, focus_score, psychomotor_score, suicide_score) "
            "VALUES (NOW(), :p, 'x', 'Default', 1, 1, '2','2','2','2','1','1','1','0','0')"), {"p": clinic.pid}).lastrowid
        conn.execute(text("INSERT INTO forms (date, encounter, form_name, form_id, pid, user, groupname, authorized, "
                          "deleted, formdir, provider_id) VALUES (NOW(), :e, 'PHQ-9 Form', :f, :p, :u, 'Default', 1, 0, "
                          "'phq9', :c)"), {"e": clinic.encounter, "f": phq, "p": clinic.pid, "u": clinic.clinician,
                                            "c": clinic.clinician_id})
    pump(practice_db.runtime)
    with practice_db.engine.connect() as conn:
        scores = practice_db.practice.hooks.score_history(clinic.pid, PracticeContext(practice_db.runtime, practice_db.practice, conn))
    assert [(s.instrument, s.total, s.band.lower()) for s in scores] == [("PHQ-9", 11, "moderate")]


def test_hook_bridge_redact(hooks):
    known = KnownIdentifiers(patient=["Marisol Quintero"], phone=["(555) 010-2233"])
    red = hooks.redact("Marisol Quintero called from (555) 010-2233 about her sleep.", known)
    assert "Marisol" not in red.text and "010-2233" not in red.text and "sleep" in red.text
    assert red.restore(red.text) == "Marisol Quintero called from (555) 010-2233 about her sleep."


def test_hook_bridge_leak_check(hooks):
    known = KnownIdentifiers(patient=["Marisol Quintero"])
    assert hooks.leak_check("[PATIENT_1] reported better sleep.", known) == {}
    assert hooks.leak_check("Marisol reported better sleep.", known) != {}


def test_hook_bridge_is_part2(hooks):
    from hooks.types import Diagnosis

    assert hooks.is_part2(_chart(diagnoses=[Diagnosis("F10.20", "Alcohol dependence")])) is True
    assert hooks.is_part2(_chart(diagnoses=[Diagnosis("F33.1", "Major depressive disorder")])) is False


def test_redaction_tagger_option_reaches_the_plugin():
    # a lone first name in no telling context and in no name list is found only by the tagger; a
    # practice can switch the tagger off
    text_ = "She argued with Quillan about rent."
    with_tagger = Hooks(build_manager(), ["notes"]).redact(text_, KnownIdentifiers())
    without = Hooks(build_manager(), ["notes"], {"redaction": {"tagger": False}}).redact(text_, KnownIdentifiers())
    assert "Quillan" not in with_tagger.text
    assert "Quillan" in without.text


def test_hook_bridge_recommended_measures(practice_db):
    # a depressive diagnosis calls for the PHQ-9; never given before, it is due at intake,
    # and the clinician sees that in the drafted note's Review section
    _clinic, forms_id = saved_session(practice_db)
    with practice_db.engine.connect() as conn:
        review = conn.execute(text(
            "SELECT l.field_value FROM aib_drafts d JOIN forms f ON f.id = d.forms_id JOIN lbf_data l "
            "ON l.form_id = f.form_id AND l.field_id = 'review_thread' WHERE d.source_key = :k "
            "AND d.kind = 'progress_note'"), {"k": f"forms:{forms_id}"}).scalar()
    assert "Measure: PHQ-9: due" in review and "F33.1" in review
