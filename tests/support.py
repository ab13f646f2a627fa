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
