"""The path of one completion request: choose, redact, leak-check, call, restore.

This is what the host's ``ctx.complete`` runs. Decisions, in order:

1. Eligible endpoints: all configured ones, or only ``local`` ones for a 42 CFR Part 2
   patient. None configured -> reason ``no_endpoint``; none eligible -> ``part2_local_only``.
2. The prompt is redacted once (typed placeholders) and the *redacted* text goes to every
   endpoint, local ones included: a local server's logs then hold no identifiers either,
   and the model sees the same text wherever it runs. No redactor answer -> nothing is sent
   (``redaction_unavailable``).
3. Before an ``external`` endpoint, the fail-closed leak check runs over everything that would
   be sent (system prompt and redacted prompt); any finding, or no answer, blocks that
   endpoint (``leak_blocked`` / ``leak_check_unavailable``) and nothing is sent to it.
4. The endpoint is asked for one JSON object with one string field per section
   (:func:`bridge.llm.client.complete_json`); on failure the next eligible endpoint is tried,
   except after an external endpoint that received the text: the result then names that
   endpoint, so the host's disclosure record is never lost to a later success elsewhere.
5. Each section is restored (placeholders -> identifiers) inside the clinic.

Validation of *content* (grounding) is the calling plugin's job: it alone knows its input.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from bridge.llm.client import complete_json
from bridge.llm.endpoint import Endpoint, coerce
from bridge.llm.errors import LLMError
from hooks.types import CompletionRequest, CompletionResult, KnownIdentifiers, Redacted

log = logging.getLogger(__name__)

Redactor = Callable[[str, KnownIdentifiers], "Redacted | None"]
LeakChecker = Callable[[str, KnownIdentifiers], "dict[str, int] | None"]

NOT_SENT = frozenset({"leak_blocked", "leak_check_unavailable", "config"})
PLACEHOLDER_RULE = (
    "The text uses typed placeholders such as [PATIENT_1] or [DATE_2] in place of "
    "identifiers. Keep every placeholder exactly as written and invent none."
)


def complete(request: CompletionRequest, endpoints: Sequence[Endpoint | Any], redact: Redactor,
             leak_check: LeakChecker, timeout: float | None = None) -> CompletionResult:
    """Run ``request`` through the first endpoint that answers; never raises for model failures."""
    configured = [coerce(e) for e in endpoints]
    if not configured:
        return CompletionResult(sections=None, backend="none", reason="no_endpoint")
    eligible = [e for e in configured if not (request.part2 and e.external)]
    if not eligible:
        return CompletionResult(sections=None, backend="none", reason="part2_local_only")
    redacted = redact(request.prompt, request.known)
    if redacted is None:
        return CompletionResult(sections=None, backend="none", reason="redaction_unavailable")
    system = request.system + "\n\n" + PLACEHOLDER_RULE
    result = CompletionResult(sections=None, backend="none", reason="no_endpoint")
    for endpoint in eligible:
        result = _attempt(endpoint, request, system, redacted, leak_check, timeout)
        if result.sections is not None or (result.external and result.reason not in NOT_SENT):
            break  # success, or text already left the clinic: the result names that endpoint
    return result


def _attempt(endpoint: Endpoint, request: CompletionRequest, system: str, redacted: Redacted,
             leak_check: LeakChecker, timeout: float | None) -> CompletionResult:
    blocked = _leak_reason(endpoint, system + "\n" + redacted.text, request.known, leak_check)
    if blocked:
        return CompletionResult(sections=None, backend=endpoint.name, reason=blocked,
                                external=endpoint.external)
    try:
        answer = complete_json(endpoint, system, redacted.text, request.sections, timeout)
    except LLMError as exc:
        log.warning("llm purpose=%s endpoint=%s failed reason=%s", request.purpose,
                    endpoint.name, exc.reason)
        return CompletionResult(sections=None, backend=endpoint.name, reason=exc.reason,
                                external=endpoint.external)
    restored = {name: redacted.restore(text) for name, text in answer.items()}
    log.info("llm purpose=%s endpoint=%s sections=%d", request.purpose, endpoint.name,
             len(restored))
    return CompletionResult(sections=restored, backend=endpoint.name, external=endpoint.external)


def _leak_reason(endpoint: Endpoint, outbound: str, known: KnownIdentifiers,
                 leak_check: LeakChecker) -> str:
    """"" when the text may go to ``endpoint``; else why not. Local endpoints are not checked."""
    if not endpoint.external:
        return ""
    found = leak_check(outbound, known)
    if found is None:
        log.error("llm endpoint=%s blocked: no leak checker answered", endpoint.name)
        return "leak_check_unavailable"
    if found:
        summary = ",".join(f"{k}={v}" for k, v in sorted(found.items()))
        log.warning("llm endpoint=%s blocked by leak check (%s)", endpoint.name, summary)
        return "leak_blocked"
    return ""
