"""Shared test helpers: an in-memory WorkContext for plugin logic tests.

Integration tests use the real context (``bridge.worker.context``) against MariaDB; this
one serves plugin logic that needs a chart and options but no database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hooks.types import Chart, CompletionRequest, CompletionResult, Event


@dataclass
class StaticContext:
    """A WorkContext whose chart, options and model answers are given up front."""

    chart_value: Chart
    plugin_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    completion: CompletionResult | None = None
    today_value: dt.date = dt.date(2026, 11, 27)
    practice: str = "test"
    db: Any = None
    tables: Any = None
    requests: list[CompletionRequest] = field(default_factory=list)

    def options(self, plugin: str) -> dict[str, Any]:
        return self.plugin_options.get(plugin, {})

    def chart(self, event: Event) -> Chart:
        return self.chart_value

    def complete(self, request: CompletionRequest) -> CompletionResult:
        self.requests.append(request)
        return self.completion or CompletionResult(sections=None, backend="none", reason="no_backend")

    def today(self) -> dt.date:
        return self.today_value


def pump(runtime: Any, practice: str = "test") -> dict[int, str]:
    """One detector pass over a practice database, then every dispatched task run in this process."""
    from bridge.detect import DetectorConfig, detect_once, dispatch
    from bridge.worker import run_task

    handle = runtime.practice(practice)
    cfg = DetectorConfig(practice, handle.settings.service_user, debounce_seconds=0)
    detect_once(handle.engine, handle.hooks, cfg)
    sent: list[int] = []
    dispatch(handle.engine, cfg, lambda _p, task_id: sent.append(task_id))
    return {task_id: run_task(runtime, practice, task_id) for task_id in sent}


def external_llm_config(folder: Any, database: str, base_url: str, name: str = "vendor") -> Any:
    """A config whose practice drafts notes with an external OpenAI-compatible endpoint."""
    from tests.conftest import write_config

    return write_config(
        folder, database,
        extra_bridge=f'[llm.endpoints.{name}]\nbase_url = "{base_url}"\nmodel = "fake-model"\n'
                     'kind = "external"\ntimeout_seconds = 5\nretries = 0\n',
        extra_practice='[plugins.notes]\nbackend = "llm"\n')
