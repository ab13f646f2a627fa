"""Hook implementations of the plans plugin; the logic lives in the sibling modules."""
from __future__ import annotations

from typing import Any

from hooks import hookimpl
from hooks.types import Chart, Draft, Event, Goal, LayoutForm, ListDef, Outcome, WorkContext
from plugins.plans import drafting, store, triggers
from plugins.plans.layout import PLAN_LAYOUT, PLAN_LISTS
from plugins.plans.options import DEFAULTS, PLUGIN, parse
from plugins.plans.record import to_hook_goals


@hookimpl
def bridge_layouts() -> list[LayoutForm]:
    return [PLAN_LAYOUT]


@hookimpl
def bridge_lists() -> list[ListDef]:
    return list(PLAN_LISTS)


@hookimpl
def bridge_option_defaults() -> dict[str, dict[str, Any]]:
    return {PLUGIN: {k: list(v) if isinstance(v, list) else v for k, v in DEFAULTS.items()}}


@hookimpl
def bridge_accepts_event(event: Event, options: dict[str, Any]) -> bool:
    return triggers.accepts(event, parse(options))


@hookimpl
def bridge_handle_event(event: Event, ctx: WorkContext) -> Outcome | None:
    opts = parse(ctx.options(PLUGIN))
    today = ctx.today()
    facts = store.load_facts(ctx.db, event)
    kind = triggers.decide(event, facts, opts, today)
    return drafting.build_outcome(event, kind, ctx.chart(event), facts, opts, today)


@hookimpl
def bridge_validate_draft(draft: Draft, chart: Chart) -> list[str]:
    return drafting.validate(draft)


@hookimpl
def bridge_active_goals(pid: int, ctx: WorkContext) -> list[Goal] | None:
    """Goals of the latest signed plan, else of the latest unsigned draft; None without a plan."""
    if ctx.db is None:
        return None
    plan = store.active_plan(ctx.db, pid)
    return to_hook_goals(plan) if plan is not None else None
