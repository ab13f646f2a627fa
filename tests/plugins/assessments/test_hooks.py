"""The plugin's hooks as the host sees them: registration, options, layout, event filter."""
from __future__ import annotations

import datetime as dt

import pluggy
import pytest

import plugins.assessments as assessments
from hooks import PROJECT, specs
from hooks.types import Chart, Event, EventKind
from plugins.assessments.layout import FORM_ID
from tests.support import StaticContext


@pytest.fixture
def pm() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(specs)
    manager.register(assessments, name="assessments")
    manager.check_pending()  # every impl matches a spec
    return manager


def _event(kind: EventKind, table: str, formdir: str | None = None) -> Event:
    return Event(id=1, practice="test", kind=kind, pid=7, encounter=None, source_table=table,
                 source_id=3, formdir=formdir, detected_at=dt.datetime(2026, 11, 27, 9, 0))


def test_option_defaults(pm: pluggy.PluginManager) -> None:
    [defaults] = pm.hook.bridge_option_defaults()
    opts = defaults["assessments"]
    assert (opts["delivery_lead_days"], opts["cadence_sessions"], opts["cadence_days"],
            opts["pcl5_cutoff"], opts["use_native_forms"]) == (2, 4, 30, 33, True)


def test_layout_is_a_valid_lbf(pm: pluggy.PluginManager) -> None:
    [[form]] = pm.hook.bridge_layouts()
    assert form.form_id == FORM_ID and form.form_id.startswith("LBF") and len(form.form_id) <= 31
    assert form.title == "Scored Assessment (AI Draft)"
    ids = [f.field_id for f in form.fields]
    assert len(ids) == len(set(ids)) and all(len(i) <= 31 for i in ids)
    assert {"instrument", "admin_date", "total", "band", "change_since_last", "item9", "clusters",
            "interpretation", "source"} <= set(ids)
    groups = {g for g, _ in form.groups}
    assert all(f.group in groups for f in form.fields)


ACCEPTS = [
    (EventKind.APPOINTMENT_UPCOMING, "openemr_postcalendar_events", None, {}, True),
    (EventKind.APPOINTMENT_UPCOMING, "openemr_postcalendar_events", None, {"portal_delivery": False}, False),
    (EventKind.QUESTIONNAIRE_COMPLETED, "questionnaire_response", None, {}, True),
    (EventKind.FORM_SAVED, "forms", "phq9", {}, True),
    (EventKind.FORM_SAVED, "forms", "gad7", {}, True),
    (EventKind.FORM_SAVED, "forms", "gad7", {"use_native_forms": False}, False),
    (EventKind.FORM_SAVED, "forms", "questionnaire_assessments", {}, True),
    (EventKind.FORM_SAVED, "forms", "LBFaibsi", {}, False),  # session input: the notes plugin's
    (EventKind.FORM_SAVED, "forms", "LBFaibscore", {}, False),  # our own draft
    (EventKind.FORM_SIGNED, "esign_signatures", None, {}, False),
    (EventKind.DIAGNOSIS_ADDED, "lists", None, {}, False),
]


@pytest.mark.parametrize(("kind", "table", "formdir", "options", "expected"), ACCEPTS)
def test_accepts_event(pm: pluggy.PluginManager, kind: EventKind, table: str, formdir: str | None,
                       options: dict, expected: bool) -> None:
    assert pm.hook.bridge_accepts_event(event=_event(kind, table, formdir), options=options) == [expected]


def test_other_events_are_not_handled(pm: pluggy.PluginManager) -> None:
    ctx = StaticContext(Chart("test", 7, None, None, None, {}))
    assert pm.hook.bridge_handle_event(event=_event(EventKind.FORM_SIGNED, "esign_signatures"), ctx=ctx) is None


def test_score_history_without_database_lets_others_answer(pm: pluggy.PluginManager) -> None:
    ctx = StaticContext(Chart("test", 7, None, None, None, {}))
    assert pm.hook.bridge_score_history(pid=7, ctx=ctx) is None
