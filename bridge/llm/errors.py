"""Errors of the language-model client, each with a short machine ``reason``.

The reason strings are what ends up in ``CompletionResult.reason`` and in audit details, so
they never carry prompt or answer text: only the endpoint name and numbers.
"""
from __future__ import annotations

from hooks.errors import BridgeError


class LLMError(BridgeError):
    """A chat-completions call did not produce the sections asked for."""

    reason = "llm_error"

    def __init__(self, endpoint: str, message: str) -> None:
        self.endpoint = endpoint
        super().__init__(f"endpoint {endpoint!r}: {message}")


class LLMConfigError(LLMError):
    """The endpoint is declared wrongly (kind, URL, missing API key variable)."""

    reason = "config"


class LLMTimeout(LLMError):
    """No answer within the endpoint's timeout, after every retry."""

    reason = "timeout"


class LLMConnectionError(LLMError):
    """The endpoint could not be reached (refused, DNS, TLS), after every retry."""

    reason = "connection_error"


class LLMHTTPError(LLMError):
    """The endpoint answered with an HTTP error status."""

    reason = "http_error"

    def __init__(self, endpoint: str, status: int, message: str) -> None:
        self.status = status
        super().__init__(endpoint, f"HTTP {status}: {message}")


class LLMBadJSON(LLMError):
    """The answer was not a chat completion, or its content was not one JSON object."""

    reason = "bad_json"


class LLMMissingSections(LLMError):
    """The JSON object lacked some requested sections or held non-text values."""

    reason = "missing_sections"

    def __init__(self, endpoint: str, missing: list[str]) -> None:
        self.missing = list(missing)
        super().__init__(endpoint, "answer lacks section(s) " + ", ".join(self.missing)
                         + "; the model must return one string field per section")
