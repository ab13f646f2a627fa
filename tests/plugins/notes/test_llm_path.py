"""backend = "llm": a real chat-completions server on 127.0.0.1, the grounding check, fallback."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from bridge.llm import Endpoint, complete
from hooks.types import Chart, CompletionRequest, CompletionResult
from plugins.notes import service
from tests.bridge.llm_support import (
    FakeChatServer,
    chat_body,
    json_reply,
    leak_check_known,
    redact_known,
)
from tests.plugins.notes.helpers import make_chart, make_event, with_input
from tests.support import StaticContext

GOOD = {
    "data": ("[PATIENT_1] attended a 50-minute individual psychotherapy session via secure "
             "audio-video telehealth. Session focused on worsening sleep and conflict with partner "
             "after job loss. Client reported low mood most days and early waking around 4am, and "
             "missed two shifts at the warehouse. Clinician used cognitive restructuring and "
             "behavioural activation. PHQ-9 16 -> 11 since 2026-10-02."),
    "assessment": ("Client generated two balanced alternatives to a self-critical thought. "
                   "Progress on G1: sleeping 5 hours on most nights, up from 4. Progress on G2: "
                   "one walk with a friend this week. Symptoms and impairment relate to F33.1 "
                   "and support continued psychotherapy."),
    "plan": "Activity log daily and a fixed wake time; next session in one week.",
}


@dataclass
class LLMContext(StaticContext):
    """A StaticContext whose complete() runs the real bridge.llm path against endpoints."""

    endpoints: list[Endpoint] = field(default_factory=list)

    def complete(self, request: CompletionRequest) -> CompletionResult:
        self.requests.append(request)
        return complete(request, self.endpoints, redact_known, leak_check_known)


@pytest.fixture
def server() -> Iterator[FakeChatServer]:
    srv = FakeChatServer().start()
    yield srv
    srv.stop()


def dana(**fields: str | None) -> Chart:
    """The standard chart whose focus names the client, so the answer's [PATIENT_1] restores."""
    focus = "Dana: worsening sleep and conflict with partner after job loss"
    return make_chart(with_input(focus=focus, **fields))


def run(server: FakeChatServer, chart: Chart | None = None, kind: str = "local"):
    chart = chart or dana()
    ctx = LLMContext(chart_value=chart, plugin_options={"notes": {"backend": "llm"}},
                     endpoints=[Endpoint(name="local-llm", base_url=server.base_url, model="m",
                                         kind=kind, retries=0, timeout_seconds=0.5)])
    return service.handle(make_event(), ctx)


def with_extra(section: str, sentence: str) -> dict[str, str]:
    answer = dict(GOOD)
    answer[section] = answer[section] + " " + sentence
    return answer


def test_good_answer_is_used_restored_and_recorded(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    out = run(server)
    draft = out.drafts[0]
    assert draft.backend == "local-llm"
    assert draft.fields["data"].startswith("Dana attended a 50-minute")  # placeholder restored
    assert "Dana" not in server.sent_text() and "[PATIENT_1]" in server.sent_text()
    assert draft.fields["risk"] == "Client denied suicidal and homicidal ideation. PHQ-9 item 9 on 2026-11-20: 0."
    assert ("llm_draft", {"backend": "local-llm", "external": False}) in draft.audit
    assert "grounding check passed" in draft.fields["review_drafting"]
    body = server.requests[0]
    assert "Suicidal" not in body["messages"][1]["content"]  # the risk screen is never sent


def fallback_of(out) -> dict:
    draft = out.drafts[0]
    assert draft.backend == "template"
    entries = [detail for action, detail in draft.audit if action == "fallback"]
    assert len(entries) == 1
    assert "the template backend wrote this note" in draft.fields["review_drafting"]
    return entries[0]


def test_unrestorable_placeholder_falls_back(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)  # [PATIENT_1], but this prompt named nobody
    assert fallback_of(run(server, make_chart(with_input())))["problems"] == ["unresolved_placeholder"]


def test_garbage_falls_back(server: FakeChatServer) -> None:
    server.reply = lambda body: (200, chat_body("Sure! Here is a lovely note about sleep."), 0)
    assert fallback_of(run(server)) == {"reason": "bad_json", "backend": "local-llm"}


def test_timeout_falls_back(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD, delay=1.5)
    assert fallback_of(run(server)) == {"reason": "timeout", "backend": "local-llm"}


def test_missing_section_falls_back(server: FakeChatServer) -> None:
    server.reply = json_reply({"data": GOOD["data"], "assessment": GOOD["assessment"]})
    assert fallback_of(run(server))["reason"] == "missing_sections"


def test_added_medication_falls_back(server: FakeChatServer) -> None:
    server.reply = json_reply(with_extra("plan", "Continue sertraline as prescribed."))
    detail = fallback_of(run(server))
    assert detail["reason"] == "grounding" and "unsupported_medication" in detail["problems"]


def test_denies_si_when_not_assessed_falls_back(server: FakeChatServer) -> None:
    server.reply = json_reply(with_extra("assessment", "Client denies SI."))
    out = run(server, dana(si_screen="not_assessed"))
    detail = fallback_of(out)
    assert detail["problems"] == ["risk_misstated:si"]
    whole = " ".join(out.drafts[0].fields.values())
    assert "denies SI" not in whole and "Suicidal ideation was not assessed this session." in whole


def test_model_cannot_remove_a_safety_alert(server: FakeChatServer) -> None:
    server.reply = json_reply(with_extra("assessment", "Client denies suicidal ideation."))
    out = run(server, dana(si_screen="endorsed"))
    assert [a.reason for a in out.alerts] == ["si_endorsed"]
    assert fallback_of(out)["problems"] == ["risk_misstated:si"]
    assert "Client endorsed suicidal ideation." in out.drafts[0].fields["risk"]


def test_part2_patient_never_reaches_an_external_endpoint(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    out = run(server, make_chart(with_input(), part2=True), kind="external")
    assert fallback_of(out) == {"reason": "part2_local_only", "backend": "none"}
    assert server.requests == []


def test_template_backend_makes_no_call(server: FakeChatServer) -> None:
    ctx = LLMContext(chart_value=make_chart(with_input()), endpoints=[])
    out = service.handle(make_event(), ctx)
    assert out.drafts[0].backend == "template" and ctx.requests == [] and server.requests == []


def test_request_shape(server: FakeChatServer) -> None:
    server.reply = json_reply(GOOD)
    chart = make_chart(with_input(note_format="SOAP"))
    ctx = LLMContext(chart_value=chart, plugin_options={"notes": {"backend": "llm"}},
                     endpoints=[Endpoint(name="l", base_url=server.base_url, model="m", kind="local")])
    service.handle(make_event(), ctx)
    req = ctx.requests[0]
    assert req.purpose == "progress_note" and req.sections == ("subjective", "objective", "assessment", "plan")
    assert "Active goal G1: Improve sleep" in req.prompt and "Score trend: PHQ-9 16 -> 11" in req.prompt
    assert "Diagnosis: F33.1" in req.prompt and req.known is chart.known
    assert json.dumps(list(req.sections))[1:-1] in server.requests[0]["messages"][0]["content"]
