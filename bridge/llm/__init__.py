"""Language-model backends: any OpenAI-compatible chat-completions endpoint over ``requests``.

- :class:`Endpoint` declares one endpoint (URL, model, key variable, timeout, retries, and
  whether it is ``external`` or ``local``).
- :func:`complete_json` asks one endpoint for a JSON object with one string per section and
  raises a typed :class:`LLMError` (timeout, HTTP error, bad JSON, missing sections).
- :func:`complete` is what the host's ``ctx.complete`` calls: it picks eligible endpoints
  (Part 2 patients: local only), redacts, leak-checks before external endpoints, calls,
  restores, and returns a :class:`hooks.types.CompletionResult` (``sections=None`` with a
  reason on any failure). Plugins validate the content themselves.
"""
from __future__ import annotations

from bridge.llm.client import complete_json, parse_sections
from bridge.llm.endpoint import Endpoint, coerce
from bridge.llm.errors import (
    LLMBadJSON,
    LLMConfigError,
    LLMConnectionError,
    LLMError,
    LLMHTTPError,
    LLMMissingSections,
    LLMTimeout,
)
from bridge.llm.route import PLACEHOLDER_RULE, complete

__all__ = [
    "PLACEHOLDER_RULE",
    "Endpoint",
    "LLMBadJSON",
    "LLMConfigError",
    "LLMConnectionError",
    "LLMError",
    "LLMHTTPError",
    "LLMMissingSections",
    "LLMTimeout",
    "coerce",
    "complete",
    "complete_json",
    "parse_sections",
]
