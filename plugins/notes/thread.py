"""The golden thread: which plan goals this session addressed, and how scores have moved.

Goals come from ``chart.goals`` (the plans plugin answers ``bridge_active_goals`` with stable
ids such as ``G1``). A goal is *cited* when the clinician names its id ("G1", "goal 1") in the
Session Input; only when nothing is cited does the composer link goals by shared wording, and
then the Review section asks the clinician to confirm. A note tied to no goal is flagged.
Score trends compare each instrument's latest score with the one before it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hooks.types import Chart, Goal, PriorNote, Score
from plugins.notes.inputs import SessionInput

STALE_SCORE_DAYS = 60
_CITE = re.compile(r"\b(?:G|goal\s*#?\s*)(\d{1,2})\b", re.I)
_STOP = frozenset(re.findall(r"\S+", """will with from that this have more less than into able their they them
client patient reduce increase improve improved maintain daily weekly per week times least
use using skills days able"""))
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class GoalLink:
    goal: Goal
    progress: str  # the clinician's words about this goal ("" when none)
    cited: bool  # False: linked by shared wording, to be confirmed


@dataclass(frozen=True)
class Trend:
    latest: Score
    previous: Score | None

    def line(self) -> str:
        last = self.latest
        if self.previous is None:
            return f"{last.instrument} {last.total} ({last.band}) on {last.date.isoformat()}"
        prev = self.previous
        bands = f"{prev.band} to {last.band}" if prev.band != last.band else f"{last.band}, unchanged band"
        return (f"{last.instrument} {prev.total} -> {last.total} since "
                f"{prev.date.isoformat()} ({bands})")


@dataclass
class Thread:
    links: list[GoalLink] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    last_note: PriorNote | None = None
    flags: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # the assessments plugin's shortlist

    @property
    def goal_ids(self) -> list[str]:
        return [link.goal.id for link in self.links]


def build(session: SessionInput, chart: Chart) -> Thread:
    goals = [g for g in chart.goals if g.status in ("", "active")]
    thread = Thread(trends=trends(chart.scores, chart.encounter_date),
                    last_note=_last_note(chart.prior_notes, chart.encounter_date),
                    measures=list(chart.measures))
    text = " \n".join((session.goal_progress, session.focus, session.response, session.plan))
    cited, thread.unknown_ids = _cited(text, goals)
    if cited:
        thread.links = [GoalLink(g, _progress_for(g, session.goal_progress, len(cited)), True)
                        for g in cited]
    else:
        thread.links = [GoalLink(g, session.goal_progress if i == 0 else "", False)
                        for i, g in enumerate(_by_wording(session, goals))]
    thread.flags = _flags(thread, goals, chart.encounter_date)
    return thread


def _id_pattern(goal_id: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(goal_id)}(?![A-Za-z0-9])", re.I)


def _cited(text: str, goals: list[Goal]) -> tuple[list[Goal], list[str]]:
    by_id = {g.id.upper(): g for g in goals}
    cited = [g for g in goals if _id_pattern(g.id).search(text)]
    numbered = {f"G{int(m.group(1))}" for m in _CITE.finditer(text)}
    for gid in sorted(numbered):
        if gid in by_id and by_id[gid] not in cited:
            cited.append(by_id[gid])
    unknown = sorted(gid for gid in numbered if gid not in by_id)
    return cited, unknown


def _progress_for(goal: Goal, goal_progress: str, n_cited: int) -> str:
    """The parts of ``goal_progress`` that name this goal, its id stripped."""
    pattern = _id_pattern(goal.id)
    number = re.sub(r"\D", "", goal.id)
    alias = re.compile(rf"\bgoal\s*#?\s*{number}\b", re.I) if number else None
    parts = [p.strip() for p in re.split(r"[;\n]|(?<=\.)\s+", goal_progress) if p.strip()]
    mine = [p for p in parts if pattern.search(p) or (alias and alias.search(p))]
    if not mine and n_cited == 1:
        mine = parts
    cleaned = [pattern.sub("", alias.sub("", p) if alias else p) for p in mine]
    return "; ".join(c.strip(" :-,.\u2013") for c in cleaned if c.strip(" :-,.\u2013"))


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP}


def _by_wording(session: SessionInput, goals: list[Goal]) -> list[Goal]:
    said = _stems(" ".join((session.goal_progress, session.focus, session.symptoms)))
    return [g for g in goals if len(_stems(g.text) & said) >= 2]


def trends(scores: list[Score], until: dt.date | None) -> list[Trend]:
    by_instrument: dict[str, list[Score]] = {}
    for score in sorted(scores, key=lambda s: s.date):
        if until is None or score.date <= until:
            by_instrument.setdefault(score.instrument, []).append(score)
    return [Trend(series[-1], series[-2] if len(series) > 1 else None)
            for _, series in sorted(by_instrument.items())]


def _last_note(notes: list[PriorNote], until: dt.date | None) -> PriorNote | None:
    signed = [n for n in notes if n.signed and (until is None or n.date <= until)]
    return max(signed, key=lambda n: n.date) if signed else None


def _flags(thread: Thread, goals: list[Goal], today: dt.date | None) -> list[str]:
    flags: list[str] = []
    if not goals:
        flags.append("No active treatment-plan goals on file: draft or sign a treatment plan "
                     "so notes can tie to its goals.")
    elif not thread.links:
        active = ", ".join(g.id for g in goals)
        flags.append(f"FLAG: this note ties to no treatment-plan goal (active: {active}); cite the "
                     "goal(s) addressed, e.g. G1, in 'Goals addressed and progress'.")
    for gid in thread.unknown_ids:
        flags.append(f"{gid} is cited but is not an active plan goal; check the goal id.")
    for link in thread.links:
        if not link.cited:
            flags.append(f"{link.goal.id} was linked by shared wording, not cited: confirm it.")
        elif not link.progress:
            flags.append(f"{link.goal.id} is cited without a progress statement.")
    for trend in thread.trends:
        age = (today - trend.latest.date).days if today else 0
        if age > STALE_SCORE_DAYS:
            flags.append(f"{trend.latest.instrument} last scored {trend.latest.date.isoformat()} "
                         f"({age} days before this session).")
    return flags
