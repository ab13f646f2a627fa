"""SI/HI endorsed or written in the input raises a same-day inbox alert no model can remove."""
from __future__ import annotations

import pytest

from hooks.errors import PermanentFailure
from plugins.notes import service
from tests.plugins.notes.helpers import make_chart, make_ctx, make_event, with_input


def outcome(**fields: str | None):
    return service.handle(make_event(), make_ctx(make_chart(with_input(**fields))))


def test_si_endorsed_in_screen_alerts_the_clinician() -> None:
    out = outcome(si_screen="endorsed")
    assert len(out.alerts) == 1
    alert = out.alerts[0]
    assert (alert.pid, alert.to_username, alert.reason) == (42, "jrivera", "si_endorsed")
    assert "suicidal ideation endorsed in the risk screen" in alert.body
    assert "encounter 900 (2026-11-27)" in alert.body
    assert ("safety_alert", {"reason": "si_endorsed", "fields": ["si_screen"], "to": "jrivera",
                             "event": 1501}) in out.audit
    assert "same-day alert about suicidal ideation" in out.drafts[0].fields["risk"]


def test_hi_language_in_free_text_alerts_even_when_screen_denied() -> None:
    out = outcome(hi_screen="denied", response="Client said he wants to hurt his coworker, then calmed")
    assert [a.reason for a in out.alerts] == ["hi_language"]
    assert "response" in out.alerts[0].body
    assert "coworker" not in out.alerts[0].body  # the alert quotes no chart text


@pytest.mark.parametrize("risk_notes", [
    "Client denies suicidal ideation, intent or plan.",
    "No SI/HI.",
    "SI: denied. HI: denied.",
])
def test_negated_statements_do_not_alert(risk_notes: str) -> None:
    assert outcome(risk_notes=risk_notes).alerts == []


def test_affirmed_after_negation_alerts() -> None:
    out = outcome(risk_notes="Denies SI with plan, reports passive thoughts of death this week")
    assert [a.reason for a in out.alerts] == ["si_language"]


def test_alert_survives_an_empty_session_input() -> None:
    # Given a form with only the risk screen filled, the note cannot be drafted...
    session = {"si_screen": "endorsed"}
    out = service.handle(make_event(), make_ctx(make_chart(session)))
    # ...but the alert is still delivered, and the skipped draft is audited.
    assert out.drafts == [] and [a.reason for a in out.alerts] == ["si_endorsed"]
    assert ("draft_skipped", {"reason": "empty_input", "event": 1501}) in out.audit


def test_no_alert_and_empty_input_is_a_permanent_failure() -> None:
    with pytest.raises(PermanentFailure, match="has no focus, response or plan"):
        service.handle(make_event(), make_ctx(make_chart({"si_screen": "denied"})))
