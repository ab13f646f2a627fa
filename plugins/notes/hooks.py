"""The notes plugin's hook implementations; the logic lives in the sibling modules."""
from __future__ import annotations

from typing import Any

from hooks import hookimpl
from hooks.types import Chart, Draft, Event, EventKind, LayoutForm, ListDef, Outcome, WorkContext
from plugins.notes import layouts, service


@hookimpl
def bridge_layouts() -> list[LayoutForm]:
    return layouts.all_forms()


@hookimpl
def bridge_lists() -> list[ListDef]:
    return list(layouts.LISTS)


@hookimpl
def bridge_option_defaults() -> dict[str, dict[str, Any]]:
    return {service.PLUGIN: dict(service.DEFAULTS)}


@hookimpl
def bridge_accepts_event(event: Event, options: dict[str, Any]) -> bool:
    formdir = options.get("session_formdir", service.DEFAULTS["session_formdir"])
    return event.kind == EventKind.FORM_SAVED and event.formdir == formdir


@hookimpl
def bridge_handle_event(event: Event, ctx: WorkContext) -> Outcome | None:
    return service.handle(event, ctx)


@hookimpl
def bridge_validate_draft(draft: Draft, chart: Chart) -> list[str]:
    if draft.kind != "progress_note":
        return []
    return service.validate(draft)
