"""The plugin manager and the typed facade the host calls hooks through.

Builtin plugins are listed in ``BUILTIN_PLUGINS`` and registered by name; ``redaction`` is
essential and cannot be disabled. Third-party plugins come only from the ``openemr_bridge``
entry-point group and only when their name is in ``[plugins] allow`` of bridge.toml: a host
that handles PHI does not autoload whatever is installed. Each practice enables its own set.
"""
from __future__ import annotations

import importlib
import logging
from importlib.metadata import entry_points
from typing import Any

import pluggy

from hooks import PROJECT, specs
from hooks.types import (
    Chart,
    CompletionResult,
    Draft,
    Event,
    Goal,
    KnownIdentifiers,
    LayoutForm,
    ListDef,
    Outcome,
    Redacted,
    Score,
    WorkContext,
)

log = logging.getLogger(__name__)

BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("redaction", "plugins.redaction"),
    ("notes", "plugins.notes"),
    ("plans", "plugins.plans"),
    ("assessments", "plugins.assessments"),
)
ESSENTIAL_PLUGINS = frozenset({"redaction"})


class PluginError(ValueError):
    """A plugin cannot be loaded or enabled as configured."""


def build_manager(allow: tuple[str, ...] | list[str] = ()) -> pluggy.PluginManager:
    """A manager with the hookspecs, the builtin plugins and the allowlisted third-party ones."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(specs)
    for name, module in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(module), name=name)
    _load_allowlisted(pm, set(allow))
    pm.check_pending()
    return pm


def _load_allowlisted(pm: pluggy.PluginManager, allow: set[str]) -> None:
    found = {ep.name: ep for ep in entry_points(group=PROJECT)}
    for name in sorted(allow):
        if name in dict(BUILTIN_PLUGINS):
            raise PluginError(f"plugin {name!r} is builtin; remove it from [plugins] allow")
        if name not in found:
            raise PluginError(
                f"allowlisted plugin {name!r} is not installed (no entry point in group "
                f"{PROJECT!r}); pip install it or remove it from [plugins] allow"
            )
        pm.register(found[name].load(), name=name)
    for name in sorted(set(found) - allow):
        log.info("plugin %s is installed but not allowlisted; not loaded", name)


def plugin_names(pm: pluggy.PluginManager) -> list[str]:
    return [name for name, _ in pm.list_name_plugin() if name]


def check_enabled(pm: pluggy.PluginManager, enabled: tuple[str, ...] | list[str], where: str) -> None:
    """Raise a clear error for an unknown plugin name or an attempt to drop an essential one."""
    names = set(plugin_names(pm))
    for name in enabled:
        if name.startswith("-") and name[1:] in ESSENTIAL_PLUGINS:
            raise PluginError(f"{where}: plugin {name[1:]!r} is essential and cannot be disabled; "
                              f"remove {name!r} from [plugins] enabled")
        if name.lstrip("-") not in names:
            raise PluginError(f"{where}: unknown plugin {name.lstrip('-')!r} in [plugins] enabled; "
                              f"available: {', '.join(sorted(names))}")


class Hooks:
    """Typed facade: one method per hook, restricted to one practice's enabled plugins."""

    def __init__(self, pm: pluggy.PluginManager, enabled: tuple[str, ...] | list[str] = (),
                 options: dict[str, dict[str, Any]] | None = None, where: str = "practice") -> None:
        check_enabled(pm, enabled, where)
        self.pm = pm
        wanted = {n for n in enabled if not n.startswith("-")} | ESSENTIAL_PLUGINS
        self.enabled = [n for n in plugin_names(pm) if n in wanted]
        self._disabled = [pm.get_plugin(n) for n in plugin_names(pm) if n not in wanted]
        self._options = self._merge_options(options or {}, where)

    # -- helpers -----------------------------------------------------------------------
    def _caller(self, name: str, only: str | None = None) -> Any:
        remove = list(self._disabled)
        if only is not None:
            remove += [self.pm.get_plugin(n) for n in self.enabled if n != only]
        return self.pm.subset_hook_caller(name, remove_plugins=remove)

    def _merge_options(self, given: dict[str, dict[str, Any]], where: str) -> dict[str, dict[str, Any]]:
        merged: dict[str, dict[str, Any]] = {}
        for defaults in self.pm.hook.bridge_option_defaults():
            for plugin, values in (defaults or {}).items():
                merged.setdefault(plugin, {}).update(values)
        for plugin, values in given.items():
            known = merged.get(plugin)
            if known is None:
                raise PluginError(f"{where}: [plugins.{plugin}] names no plugin with options; "
                                  f"known: {', '.join(sorted(merged))}")
            unknown = set(values) - set(known)
            if unknown:
                raise PluginError(f"{where}: unknown option(s) {', '.join(sorted(unknown))} in "
                                  f"[plugins.{plugin}]; known: {', '.join(sorted(known))}")
            known.update(values)
        return merged

    def options(self, plugin: str) -> dict[str, Any]:
        return dict(self._options.get(plugin, {}))

    # -- installation --------------------------------------------------------------------
    def layouts(self) -> list[LayoutForm]:
        return [form for forms in self._caller("bridge_layouts")() for form in forms or []]

    def lists(self) -> list[ListDef]:
        return [item for items in self._caller("bridge_lists")() for item in items or []]

    # -- detection -----------------------------------------------------------------------
    def accepting_plugins(self, event: Event) -> list[str]:
        """Names of the enabled plugins that want a message for ``event``."""
        wanted = []
        for name in self.enabled:
            answers = self._caller("bridge_accepts_event", only=name)(
                event=event, options=self.options(name))
            if any(answers):
                wanted.append(name)
        return wanted

    # -- drafting ------------------------------------------------------------------------
    def handle_event(self, plugin: str, event: Event, ctx: WorkContext) -> Outcome | None:
        if plugin not in self.enabled:
            raise PluginError(f"plugin {plugin!r} is not enabled for practice {ctx.practice!r}")
        result: Outcome | None = self._caller("bridge_handle_event", only=plugin)(event=event, ctx=ctx)
        return result

    def validate_draft(self, draft: Draft, chart: Chart) -> list[str]:
        return [p for problems in self._caller("bridge_validate_draft")(draft=draft, chart=chart)
                for p in problems or []]

    def draft_written(self, draft: Draft, forms_id: int, ctx: WorkContext) -> None:
        self._caller("bridge_draft_written")(draft=draft, forms_id=forms_id, ctx=ctx)

    def draft_signed(self, kind: str, pid: int, forms_id: int, edited: bool) -> None:
        self._caller("bridge_draft_signed")(kind=kind, pid=pid, forms_id=forms_id, edited=edited)

    def active_goals(self, pid: int, ctx: WorkContext) -> list[Goal]:
        return self._caller("bridge_active_goals")(pid=pid, ctx=ctx) or []

    def score_history(self, pid: int, ctx: WorkContext) -> list[Score]:
        return self._caller("bridge_score_history")(pid=pid, ctx=ctx) or []

    def recommended_measures(self, chart: Chart, ctx: WorkContext) -> list[str]:
        return self._caller("bridge_recommended_measures")(chart=chart, ctx=ctx) or []

    # -- redaction -----------------------------------------------------------------------
    def redact(self, text: str, known: KnownIdentifiers) -> Redacted:
        result = self._caller("bridge_redact")(text=text, known=known, options=self.options("redaction"))
        if result is None:
            raise PluginError("no plugin answered bridge_redact; the redaction plugin must be registered")
        redacted: Redacted = result
        return redacted

    def leak_check(self, text: str, known: KnownIdentifiers) -> dict[str, int]:
        found = self._caller("bridge_leak_check")(text=text, known=known)
        return {"NO_LEAK_CHECKER": 1} if found is None else dict(found)

    def is_part2(self, chart: Chart) -> bool:
        return bool(self._caller("bridge_is_part2")(chart=chart, options=self.options("redaction")))

    def completion_received(self, result: CompletionResult, purpose: str) -> None:
        self._caller("bridge_completion_received")(result=result, purpose=purpose)
