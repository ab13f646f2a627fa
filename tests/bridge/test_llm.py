"""The language-model path against a real chat-completions HTTP server on 127.0.0.1."""
from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bridge.llm import (
    Endpoint,
    LLMBadJSON,
    LLMConfigError,
    LLMConnectionError,
    LLMHTTPError,
    LLMMissingSections,
    LLMTimeout,
    coerce,
    complete,
    complete_json,
)
from bridge.llm import client as llm_client
from hooks.types import CompletionRequest, KnownIdentifiers
from tests.bridge.llm_support import (
    FakeChatServer,
    chat_body,
    json_reply,
    leak_check_known,
    redact_known,
)

SECTIONS = ("data", "assessment", "plan")
GOOD = {"data": "Client reported poor sleep.", "assessment": "Sleep remains impaired.",
        "plan": "Sleep diary daily."}


@pytest.fixture
def server() -> Iterator[FakeChatServer]:
    srv = FakeChatServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llm_client, "BACKOFF_SECONDS", 0.01)


def local(server: FakeChatServer, **kw: object) -> Endpoint:
    return Endpoint(name="local-llm", base_url=server.base_url, model="fake", kind="local", **kw)  # type: ignore[arg-type]


def external(server: FakeChatServer, **kw: object) -> Endpoint:
    return Endpoint(name="cloud", base_url=server.base_url, model="fake", kind="external", **kw)  # type: ignore[arg-type]


# --- complete_json ----------------------------------------------------------------------

def test_good_answer_returns_each_section(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    assert complete_json(local(server), "sys", "user text", SECTIONS) == GOOD
    body = server.requests[0]
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"][1] == {"role": "user", "content": "user text"}
    assert '"data", "assessment", "plan"' in body["messages"][0]["content"]


def test_json_schema_is_sent_when_declared(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    complete_json(local(server, json_schema=True), "s", "u", SECTIONS)
    schema = server.requests[0]["response_format"]["schema"]
    assert schema["required"] == list(SECTIONS) and set(schema["properties"]) == set(SECTIONS)
    complete_json(local(server, json_mode=False), "s", "u", SECTIONS)
    assert "response_format" not in server.requests[1]


def test_fenced_json_and_prose_around_json_are_accepted(server: FakeChatServer) -> None:
    server.reply = lambda body: (200, chat_body("```json\n" + json.dumps(GOOD) + "\n```"), 0)
    assert complete_json(local(server), "s", "u", SECTIONS) == GOOD
    server.reply = lambda body: (200, chat_body("Here it is: " + json.dumps(GOOD) + " Done."), 0)
    assert complete_json(local(server), "s", "u", SECTIONS)["plan"] == GOOD["plan"]


@pytest.mark.parametrize("content", [
    "I cannot help with that.",  # prose, no JSON at all
    '["data", "assessment"]',  # JSON, but not an object
    '{"data": "unterminated',  # truncated JSON
])
def test_garbage_content_is_bad_json(server: FakeChatServer, content: str) -> None:
    server.reply = lambda body: (200, chat_body(content), 0)
    with pytest.raises(LLMBadJSON):
        complete_json(local(server), "s", "u", SECTIONS)


def test_non_chat_response_is_bad_json(server: FakeChatServer) -> None:
    server.reply = lambda body: (200, "<html>gateway</html>", 0)
    with pytest.raises(LLMBadJSON, match="chat completion"):
        complete_json(local(server), "s", "u", SECTIONS)


def test_missing_or_empty_sections_are_named(server: FakeChatServer) -> None:
    server.reply = json_reply({"data": "x", "assessment": "  ", "extra": "y"})
    with pytest.raises(LLMMissingSections) as err:
        complete_json(local(server), "s", "u", SECTIONS)
    assert err.value.missing == ["assessment", "plan"]


def test_timeout_is_retried_then_raised(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD, delay=1.0)
    with pytest.raises(LLMTimeout):
        complete_json(local(server, retries=1, timeout_seconds=0.2), "s", "u", SECTIONS)
    assert len(server.requests) == 2


def test_server_error_is_retried_and_can_recover(server: FakeChatServer) -> None:
    calls = iter([(503, '{"error": {"message": "loading model"}}', 0.0),
                  (200, chat_body(json.dumps(GOOD)), 0.0)])
    server.reply = lambda body: next(calls)
    assert complete_json(local(server, retries=1), "s", "u", SECTIONS) == GOOD
    assert len(server.requests) == 2


def test_client_error_is_not_retried(server: FakeChatServer) -> None:
    server.reply = lambda body: (401, '{"error": {"message": "invalid api key"}}', 0)
    with pytest.raises(LLMHTTPError, match="401: invalid api key") as err:
        complete_json(local(server, retries=3), "s", "u", SECTIONS)
    assert err.value.status == 401 and len(server.requests) == 1


def test_unreachable_endpoint_is_a_connection_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    endpoint = Endpoint(name="gone", base_url=f"http://127.0.0.1:{port}/v1", model="m",
                        kind="local", retries=0)
    with pytest.raises(LLMConnectionError):
        complete_json(endpoint, "s", "u", SECTIONS)


def test_api_key_comes_from_the_named_environment_variable(
        server: FakeChatServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.reply = json_reply(GOOD)
    monkeypatch.setenv("AIB_TEST_KEY", "sk-test-123")
    complete_json(external(server, api_key_env="AIB_TEST_KEY"), "s", "u", SECTIONS)
    assert server.headers[0]["Authorization"] == "Bearer sk-test-123"
    monkeypatch.delenv("AIB_TEST_KEY")
    with pytest.raises(LLMConfigError, match="AIB_TEST_KEY is not set"):
        complete_json(external(server, api_key_env="AIB_TEST_KEY"), "s", "u", SECTIONS)


def test_endpoint_declaration_is_checked_and_key_hidden() -> None:
    with pytest.raises(LLMConfigError, match="kind"):
        Endpoint(name="x", base_url="http://h/v1", model="m", kind="cloud")
    with pytest.raises(LLMConfigError, match="base_url"):
        Endpoint(name="x", base_url="h/v1", model="m", kind="local")
    assert "sk-secret" not in repr(Endpoint(name="x", base_url="http://h/v1", model="m",
                                            kind="local", api_key="sk-secret"))


def test_coerce_accepts_the_hosts_settings_shape() -> None:
    @dataclass(frozen=True)
    class SettingsEndpoint:  # the shape of bridge.settings.Endpoint
        name: str
        base_url: str
        model: str
        kind: str
        api_key: str = ""
        timeout_seconds: float = 30.0
        retries: int = 1

    ep = coerce(SettingsEndpoint("s", "http://h/v1", "m", "external", "k", 5.0, 0))
    assert (ep.external, ep.timeout_seconds, ep.retries, ep.key()) == (True, 5.0, 0, "k")


# --- complete: routing, redaction, leak check, restore -----------------------------------

KNOWN = KnownIdentifiers(patient=["Avery Quinlan", "Avery"], phone=["555-201-7788"])


def request(prompt: str, part2: bool = False) -> CompletionRequest:
    return CompletionRequest(purpose="progress_note", system="Write a note.", prompt=prompt,
                             sections=SECTIONS, known=KNOWN, part2=part2)


def test_redacted_text_is_sent_and_answer_restored(server: FakeChatServer) -> None:
    server.reply = lambda body: (200, chat_body(json.dumps({
        "data": "[PATIENT_1] reported poor sleep.", "assessment": "Ongoing.", "plan": "Diary."})), 0)
    result = complete(request("Avery Quinlan called from 555-201-7788 about sleep."),
                      [external(server)], redact_known, leak_check_known)
    assert "Avery" not in server.sent_text() and "555-201-7788" not in server.sent_text()
    assert "[PATIENT_1]" in server.sent_text()
    assert result.sections is not None
    assert result.sections["data"] == "Avery Quinlan reported poor sleep."
    assert (result.backend, result.external, result.reason) == ("cloud", True, "")


def test_local_endpoints_also_get_redacted_text(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    result = complete(request("Avery Quinlan reports sleep trouble."), [local(server)],
                      redact_known, leak_check_known)
    assert result.sections == GOOD and result.external is False
    assert "Avery" not in server.sent_text()


def test_leak_blocks_external_and_nothing_is_sent(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)

    def redact_nothing(text: str, known: KnownIdentifiers):  # a redactor that missed the name
        return redact_known(text, KnownIdentifiers())

    result = complete(request("Avery Quinlan reports sleep trouble."), [external(server)],
                      redact_nothing, leak_check_known)
    assert (result.sections, result.reason, result.backend) == (None, "leak_blocked", "cloud")
    assert server.requests == []


def test_no_leak_checker_answer_blocks_external(server: FakeChatServer) -> None:
    result = complete(request("sleep"), [external(server)], redact_known, lambda t, k: None)
    assert (result.sections, result.reason) == (None, "leak_check_unavailable")
    assert server.requests == []


def test_part2_patients_use_local_endpoints_only(server: FakeChatServer) -> None:
    result = complete(request("alcohol use counselling", part2=True), [external(server)],
                      redact_known, leak_check_known)
    assert (result.sections, result.reason) == (None, "part2_local_only")
    assert server.requests == []
    server.reply = json_reply(GOOD)
    result = complete(request("alcohol use counselling", part2=True),
                      [external(server), local(server)], redact_known, leak_check_known)
    assert result.backend == "local-llm" and len(server.requests) == 1


def test_no_endpoint_configured() -> None:
    result = complete(request("x"), [], redact_known, leak_check_known)
    assert (result.sections, result.backend, result.reason) == (None, "none", "no_endpoint")


def test_failures_become_reasons_and_next_endpoint_is_tried(server: FakeChatServer) -> None:
    other = FakeChatServer().start()
    try:
        server.reply = lambda body: (200, chat_body("not json"), 0)
        other.reply = json_reply(GOOD)
        second = Endpoint(name="backup", base_url=other.base_url, model="m", kind="local")
        result = complete(request("x"), [local(server)], redact_known, leak_check_known)
        assert (result.sections, result.reason, result.backend) == (None, "bad_json", "local-llm")
        result = complete(request("x"), [local(server), second], redact_known, leak_check_known)
        assert result.sections == GOOD and result.backend == "backup"
    finally:
        other.stop()


def test_no_failover_after_text_reached_an_external_endpoint(server: FakeChatServer) -> None:
    other = FakeChatServer().start()
    try:
        server.reply = lambda body: (200, chat_body("not json"), 0)
        other.reply = json_reply(GOOD)
        backup = Endpoint(name="backup", base_url=other.base_url, model="m", kind="local")
        result = complete(request("x"), [external(server), backup], redact_known, leak_check_known)
        # The external endpoint saw the (redacted) text: its failure is the result to disclose.
        assert (result.sections, result.backend, result.external) == (None, "cloud", True)
        assert other.requests == []
        # A leak-blocked external endpoint received nothing, so the local backup is tried.
        blocked = complete(request("x"), [external(server), backup], redact_known,
                           lambda t, k: {"PATIENT": 1})
        assert blocked.backend == "backup" and blocked.sections == GOOD
    finally:
        other.stop()


def test_timeout_becomes_a_reason(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD, delay=1.0)
    result = complete(request("x"), [local(server, retries=0, timeout_seconds=0.2)],
                      redact_known, leak_check_known)
    assert (result.sections, result.reason) == (None, "timeout")
