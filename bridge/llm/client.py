"""One JSON answer from an OpenAI-compatible chat-completions endpoint, over ``requests``.

:func:`complete_json` asks for one JSON object with one string field per section, retries
what may pass (timeouts, refused connections, HTTP 429 and 5xx) with a short backoff, and
raises a typed :class:`~bridge.llm.errors.LLMError` for everything else. Logs carry the
endpoint name, status and timings, never prompt or answer text.
"""
from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

import requests

from bridge.llm.endpoint import Endpoint
from bridge.llm.errors import (
    LLMBadJSON,
    LLMConnectionError,
    LLMError,
    LLMHTTPError,
    LLMMissingSections,
    LLMTimeout,
)

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_SECONDS = 0.25
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.S | re.I)


def json_instruction(sections: tuple[str, ...] | list[str]) -> str:
    """The sentence appended to the system prompt that fixes the answer's shape."""
    keys = ", ".join(f'"{s}"' for s in sections)
    return ("Answer with exactly one JSON object and nothing else. Its keys are " + keys
            + "; each value is a string of plain text.")


def complete_json(endpoint: Endpoint, system: str, user: str, sections: tuple[str, ...] | list[str],
                  timeout: float | None = None) -> dict[str, str]:
    """Ask ``endpoint`` for a JSON object with one string per section and return it.

    Raises LLMTimeout, LLMConnectionError, LLMHTTPError, LLMBadJSON or LLMMissingSections.
    ``timeout`` (seconds per attempt) overrides the endpoint's ``timeout_seconds``.
    """
    body = _body(endpoint, system + "\n\n" + json_instruction(sections), user, sections)
    content = _post_with_retries(endpoint, body, timeout or endpoint.timeout_seconds)
    return parse_sections(endpoint.name, content, sections)


def _body(endpoint: Endpoint, system: str, user: str,
          sections: tuple[str, ...] | list[str]) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": endpoint.model,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        "temperature": endpoint.temperature,
        "max_tokens": endpoint.max_tokens,
        "stream": False,
    }
    if endpoint.json_mode:
        body["response_format"] = {"type": "json_object"}
        if endpoint.json_schema:  # servers with grammar support then emit exactly these keys
            body["response_format"]["schema"] = section_schema(sections)
    return body


def section_schema(sections: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": {s: {"type": "string"} for s in sections},
            "required": list(sections), "additionalProperties": False}


def _post_with_retries(endpoint: Endpoint, body: dict[str, Any], timeout: float) -> str:
    attempts = endpoint.retries + 1
    for attempt in range(1, attempts + 1):
        try:
            return _post_once(endpoint, body, timeout)
        except (LLMTimeout, LLMConnectionError) as exc:
            failure: LLMError = exc
        except LLMHTTPError as exc:
            if exc.status not in RETRY_STATUSES:
                raise
            failure = exc
        log.warning("llm endpoint=%s attempt=%d/%d failed reason=%s", endpoint.name, attempt,
                    attempts, failure.reason)
        if attempt == attempts:
            raise failure
        time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _post_once(endpoint: Endpoint, body: dict[str, Any], timeout: float) -> str:
    headers = {"Content-Type": "application/json"}
    key = endpoint.key()
    if key:
        headers["Authorization"] = f"Bearer {key}"
    started = time.monotonic()
    try:
        resp = requests.post(endpoint.url, json=body, headers=headers, timeout=timeout)
    except requests.Timeout:
        raise LLMTimeout(endpoint.name, f"no answer within {timeout:g} s") from None
    except requests.ConnectionError as exc:
        raise LLMConnectionError(endpoint.name, f"cannot connect ({type(exc).__name__})") from None
    log.info("llm endpoint=%s status=%d seconds=%.2f", endpoint.name, resp.status_code,
             time.monotonic() - started)
    if resp.status_code >= 400:
        raise LLMHTTPError(endpoint.name, resp.status_code, _error_summary(resp))
    return _content(endpoint.name, resp)


def _error_summary(resp: requests.Response) -> str:
    """The server's own error message (OpenAI shape), trimmed; it never holds our prompt."""
    try:
        detail = resp.json().get("error", {})
        message = detail.get("message", "") if isinstance(detail, dict) else str(detail)
    except (ValueError, AttributeError):
        message = ""
    return (message or resp.reason or "error")[:200]


def _content(name: str, resp: requests.Response) -> str:
    try:
        payload = resp.json()
        content = payload["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LLMBadJSON(name, "answer is not a chat completion (choices[0].message.content)") from None
    if not isinstance(content, str) or not content.strip():
        raise LLMBadJSON(name, "chat completion has empty content")
    return content


def parse_sections(name: str, content: str, sections: tuple[str, ...] | list[str]) -> dict[str, str]:
    """The requested sections from a model's content string (JSON, optionally fenced)."""
    obj = _json_object(name, content)
    out: dict[str, str] = {}
    missing: list[str] = []
    for section in sections:
        value = obj.get(section)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)
        if not isinstance(value, str) or not value.strip():
            missing.append(section)
        else:
            out[section] = value.strip()
    if missing:
        raise LLMMissingSections(name, missing)
    return out


def _json_object(name: str, content: str) -> dict[str, Any]:
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        obj = json.loads(text)
    except ValueError:
        obj = _embedded_object(text)
    if not isinstance(obj, dict):
        raise LLMBadJSON(name, "content is not one JSON object")
    return obj


def _embedded_object(text: str) -> Any:
    """The first balanced {...} in prose such as 'Here is the note: {...}', else None."""
    start = text.find("{")
    if start < 0:
        return None
    try:
        obj, _ = json.JSONDecoder().raw_decode(text[start:])
    except ValueError:
        return None
    return obj
