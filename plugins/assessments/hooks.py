"""The assessments plugin's hook implementations."""
from __future__ import annotations

from typing import Any

from hooks import hookimpl
from hooks.types import Chart, Event, EventKind, LayoutForm, ListDef, Outcome, Score, WorkContext
from plugins.assessments import completion, delivery, history
from plugins.assessments.layout import layout
from plugins.assessments.options import DEFAULTS, PLUGIN, resolve
from plugins.assessments.sources import NATIVE_INSTRUMENTS, QUESTIONNAIRE_FORMDIR

APPOINTMENTS = "openemr_postcalendar_events"
RESPONSES = "questionnaire_response"


@hookimpl
def bridge_layouts() -> list[LayoutForm]:
    return [layout()]


@hookimpl
def bridge_lists() -> list[ListDef]:
    return []  # the scored-result LBF uses text fields only


@hookimpl
def bridge_option_defaults() -> dict[str, dict[str, Any]]:
    return {PLUGIN: {k: list(v) if isinstance(v, list) else v for k, v in DEFAULTS.items()}}


@hookimpl
def bridge_accepts_event(event: Event, options: dict[str, Any]) -> bool:
    opts = resolve(options)
    if event.kind is EventKind.APPOINTMENT_UPCOMING:
        return event.source_table == APPOINTMENTS and bool(opts["portal_delivery"])
    if event.kind is EventKind.QUESTIONNAIRE_COMPLETED:
        return event.source_table == RESPONSES
    if event.kind is EventKind.FORM_SAVED:
        if event.formdir in NATIVE_INSTRUMENTS:
            return bool(opts["use_native_forms"])
        return event.formdir == QUESTIONNAIRE_FORMDIR
    return False


@hookimpl
def bridge_handle_event(event: Event, ctx: WorkContext) -> Outcome | None:
    opts = resolve(ctx.options(PLUGIN))
    if event.kind is EventKind.APPOINTMENT_UPCOMING:
        return delivery.handle(event, ctx, opts)
    if event.kind in (EventKind.QUESTIONNAIRE_COMPLETED, EventKind.FORM_SAVED):
        return completion.handle(event, ctx, opts)
    return None


@hookimpl
def bridge_score_history(pid: int, ctx: WorkContext) -> list[Score] | None:
    if ctx.db is None:
        return None
    return history.score_history(ctx.db, pid, resolve(ctx.options(PLUGIN)))


@hookimpl
def bridge_recommended_measures(chart: Chart, ctx: WorkContext) -> list[str] | None:
    """The shortlist for the chart's visit: instruments its diagnoses call for, due or not."""
    return delivery.shortlist_lines(chart, ctx, resolve(ctx.options(PLUGIN)))
