"""Golden thread: goals addressed with progress, score trends cited, untied notes flagged."""
from __future__ import annotations

import datetime as dt

from hooks.types import Score
from plugins.notes import service
from tests.plugins.notes.helpers import SCORES, make_chart, make_ctx, make_event, with_input


def draft(session: dict[str, str], **chart_over: object):
    return service.handle(make_event(), make_ctx(make_chart(session, **chart_over))).drafts[0]


def test_goals_and_score_trend_are_in_the_note() -> None:
    d = draft(with_input(note_format="DAP"))
    assert "Progress on G1 (Improve sleep to 6 or more hours on 5 nights a week): sleeping 5 " \
           "hours on most nights, up from 4" in d.fields["assessment"]
    assert "Progress on G2 (Reconnect with friends" in d.fields["assessment"]
    assert "PHQ-9 16 -> 11 since 2026-10-02 (moderately severe to moderate)" in d.fields["data"]
    assert d.fields["goals_addressed"] == "G1, G2"
    assert "FLAG" not in d.fields["review_thread"]
    assert "[ok] goal linked: G1, G2" in d.findings


def test_goal_cited_as_goal_number_is_linked() -> None:
    d = draft(with_input(goal_progress="goal 2: texted a friend twice"))
    assert d.fields["goals_addressed"] == "G2"
    assert "Progress on G2" in d.fields["assessment"] and "texted a friend twice" in d.fields["assessment"]


def test_note_tied_to_no_goal_is_flagged() -> None:
    d = draft(with_input(goal_progress="talked about the holidays",
                         focus="holiday plans", symptoms="some stress"))
    assert "FLAG: this note ties to no treatment-plan goal (active: G1, G2)" in d.fields["review_thread"]
    assert "[missing] goal linked: no treatment-plan goal tied to this note" in d.findings
    assert "goals_addressed" not in d.fields


def test_unknown_goal_id_is_flagged_not_invented() -> None:
    d = draft(with_input(goal_progress="G7: better"))
    assert "G7 is cited but is not an active plan goal" in d.fields["review_thread"]
    assert "Progress on G7" not in d.fields["assessment"]  # the clinician's words stay, no link
    assert "G7: better" in d.fields["assessment"] and "goals_addressed" not in d.fields


def test_goal_linked_by_wording_asks_for_confirmation() -> None:
    d = draft(with_input(goal_progress="sleep improving, about 5 hours most nights"))
    assert d.fields["goals_addressed"] == "G1"
    assert "G1 was linked by shared wording, not cited: confirm it." in d.fields["review_thread"]
    assert "[check] goal linked by wording only: G1 (confirm)" in d.findings


def test_no_plan_on_file_is_flagged() -> None:
    d = draft(with_input(), goals=[])
    assert "No active treatment-plan goals on file" in d.fields["review_thread"]


def test_scores_after_the_session_are_not_cited() -> None:
    later = Score(instrument="PHQ-9", total=4, band="minimal", date=dt.date(2026, 12, 5))
    d = draft(with_input(), scores=SCORES + [later])
    assert "16 -> 11" in d.fields["data"] and " 4 " not in d.fields["data"]


def test_single_score_and_stale_score_flag() -> None:
    old = [Score(instrument="GAD-7", total=12, band="moderate", date=dt.date(2026, 6, 1))]
    d = draft(with_input(), scores=old)
    assert "GAD-7 12 (moderate) on 2026-06-01" in d.fields["data"]
    assert "GAD-7 last scored 2026-06-01 (179 days before this session)" in d.fields["review_thread"]
