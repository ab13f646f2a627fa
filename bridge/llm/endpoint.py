"""Declared language-model endpoints: where they are, and whether text leaves the clinic.

An endpoint is any OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp
server, Azure OpenAI, OpenAI). ``kind`` is "external" (text leaves the clinic: redaction and
the leak check apply, Part 2 patients never go there) or "local" (runs inside the clinic).
The API key is never written in configuration: it is either handed over already resolved
(``api_key``, e.g. by :mod:`bridge.settings`) or read at call time from the environment
variable named by ``api_key_env``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from bridge.llm.errors import LLMConfigError

KINDS = ("external", "local")


@dataclass(frozen=True)
class Endpoint:
    """One chat-completions endpoint; ``base_url`` ends before ``/chat/completions``."""

    name: str
    base_url: str  # e.g. "http://127.0.0.1:8080/v1"
    model: str
    kind: str  # "external" | "local"
    api_key_env: str = ""  # name of the environment variable holding the key
    api_key: str = field(default="", repr=False)  # already resolved (never from a file)
    timeout_seconds: float = 30.0
    retries: int = 1  # extra attempts after a timeout, connection error, 429 or 5xx
    json_mode: bool = True  # send response_format={"type": "json_object"}
    json_schema: bool = False  # also send the sections as a JSON schema (llama.cpp, vLLM)
    temperature: float = 0.2
    max_tokens: int = 1500

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise LLMConfigError(self.name, f"kind must be 'external' or 'local', got {self.kind!r}")
        if not self.base_url.startswith(("http://", "https://")):
            raise LLMConfigError(self.name, "base_url must start with http:// or https://")
        if self.retries < 0 or self.timeout_seconds <= 0:
            raise LLMConfigError(self.name, "retries must be >= 0 and timeout_seconds > 0")

    @property
    def external(self) -> bool:
        return self.kind == "external"

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    def key(self) -> str:
        """The API key, or "" for keyless local servers; a named but unset variable is an error."""
        if self.api_key:
            return self.api_key
        if not self.api_key_env:
            return ""
        value = os.environ.get(self.api_key_env, "")
        if not value:
            raise LLMConfigError(self.name, f"environment variable {self.api_key_env} is not set; "
                                 "export it or remove api_key_env for a keyless local server")
        return value


def coerce(obj: Any) -> Endpoint:
    """An :class:`Endpoint` from itself or from any object with the same attribute names.

    :mod:`bridge.settings` builds this class directly; any other object is converted
    attribute by attribute, and attributes it lacks take their defaults.
    """
    if isinstance(obj, Endpoint):
        return obj
    fields = {name: getattr(obj, name) for name in Endpoint.__dataclass_fields__
              if hasattr(obj, name)}
    return Endpoint(**fields)
