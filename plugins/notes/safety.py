"""Suicidal and homicidal language: found with negation handled, turned into inbox alerts.

Alerts come only from the clinician's input (risk screen values and free text), never from
model output, so no model answer can remove one. The detector is deliberately eager: a
mention that is not clearly negated in its own clause ("denies SI", "no SI/HI", "suicidal
ideation: denied") counts as affirmed, and an affirming verb after a negation re-opens it
("denies SI, reports passive thoughts of death"). A false alarm costs the clinician a glance;
a miss costs more. The same detector reads model drafts for the grounding check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hooks.types import Alert

_SELF = r"(?:my|him|her|them|your|our)sel(?:f|ves)"
_POSS = r"(?:my|his|her|their|your) (?:own )?"
TERMS: dict[str, tuple[re.Pattern[str], ...]] = {
    "si": (
        re.compile(r"\bsuicid\w*", re.I),
        re.compile(r"\bS/?I\b"),  # case-sensitive abbreviation; also in "SI/HI"
        re.compile(rf"\b(?:kill\w*|hurt\w*|harm\w*) {_SELF}", re.I),
        re.compile(rf"\b(?:end\w*|take|taking) {_POSS}life\b", re.I),
        re.compile(r"\bwant(?:s|ed|ing)? to die\b|\bbetter off dead\b|\bdeath wish\b", re.I),
        re.compile(r"\bwish(?:es|ed)? (?:i|he|she|they) (?:was|were) dead\b", re.I),
        re.compile(r"\bthoughts? (?:of|about) (?:death|dying)\b", re.I),
    ),
    "hi": (
        re.compile(r"\bhomicid\w*", re.I),
        re.compile(r"\bH/?I\b"),
        re.compile(r"\b(?:kill\w*|hurt\w*|harm\w*|attack\w*|shoot\w*|stab\w*) (?:him|her|them|"
                   r"someone|somebody|anyone|others|other people|people|(?:my|his|her|their) "
                   r"(?:boss|partner|wife|husband|father|mother|dad|mom|brother|sister|son|"
                   r"daughter|child|kids|neighbou?r|co-?worker|ex|teacher|supervisor))\b", re.I),
        re.compile(r"\bviolent (?:thoughts|urges|fantasies)\b", re.I),
    ),
}
_CLAUSE_END = re.compile(r"[.!?;\n]")
_NEGATION = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|no|not|never|without|nor|none|negative for|neg for|"
    r"ruled out|free of|absence of|no evidence of|doesn't|didn't|don't|isn't|wasn't)\b", re.I)
_NOT_ASSESSED = re.compile(
    r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:assess|ask|screen|evaluat|address|explor)\w*|"
    r"\bunable to assess\b|\bdeferred\b", re.I)
_AFFIRM = re.compile(
    r"\b(?:but|however|although|though|yet|endors\w*|reports?|reported|admit\w*|states?|"
    r"stated|describe[sd]?|express\w*|disclose[sd]?|acknowledge[sd]?|positive for)\b", re.I)
_HEAD = r"^(?:\s+(?:ideation|thoughts?|intent|urges?|plan)){0,2}\W{0,3}"
_POST_NEGATED = re.compile(
    _HEAD + r"(?:(?:was|were|is|are)\s+)?(?:denied|negative|none|absent|not (?:present|"
    r"endorsed|reported))\b", re.I)
_POST_NOT_ASSESSED = re.compile(
    _HEAD + r"(?:(?:was|were|is|are)\s+)?(?:not (?:assessed|asked|screened|evaluated)|deferred)",
    re.I)


@dataclass(frozen=True)
class RiskMention:
    kind: str  # "si" | "hi"
    polarity: str  # "affirmed" | "negated" | "not_assessed"
    start: int


def mentions(text: str) -> list[RiskMention]:
    """Every SI/HI mention in ``text`` with its polarity, in order of appearance."""
    found: list[RiskMention] = []
    for kind, patterns in TERMS.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                found.append(RiskMention(kind, _polarity(text, match.start(), match.end()),
                                         match.start()))
    return sorted(found, key=lambda m: m.start)


def _polarity(text: str, start: int, end: int) -> str:
    before = _clause_before(text, start)
    after = _clause_after(text, end)
    if _NOT_ASSESSED.search(before) or _POST_NOT_ASSESSED.search(after):
        return "not_assessed"
    if _POST_NEGATED.search(after):
        return "negated"
    negations = list(_NEGATION.finditer(before))
    if negations and not _AFFIRM.search(before[negations[-1].end():]):
        return "negated"
    return "affirmed"


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 160):start]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end():] if ends else window


def _clause_after(text: str, end: int) -> str:
    window = text[end:end + 40]
    stop = _CLAUSE_END.search(window)
    return window[:stop.start()] if stop else window


def affirmed_kinds(text: str) -> set[str]:
    return {m.kind for m in mentions(text) if m.polarity == "affirmed"}


@dataclass(frozen=True)
class Finding:
    kind: str  # "si" | "hi"
    reason: str  # "si_endorsed" | "si_language" | "hi_endorsed" | "hi_language"
    fields: tuple[str, ...]  # where it was found (field ids; never the text)


def findings(si_screen: str, hi_screen: str, texts: dict[str, str]) -> list[Finding]:
    """What in the Session Input calls for a same-day alert, one finding per kind."""
    out: list[Finding] = []
    for kind, screen in (("si", si_screen), ("hi", hi_screen)):
        where = tuple(name for name, text in texts.items() if text and kind in affirmed_kinds(text))
        if screen == "endorsed":
            out.append(Finding(kind, f"{kind}_endorsed", (f"{kind}_screen",) + where))
        elif where:
            out.append(Finding(kind, f"{kind}_language", where))
    return out


_LABEL = {"si": "suicidal ideation", "hi": "homicidal ideation"}


def alert(finding: Finding, pid: int, username: str, encounter: int | None, date: str) -> Alert:
    """The inbox message for one finding; it quotes no chart text."""
    what = (f"{_LABEL[finding.kind]} endorsed in the risk screen"
            if finding.reason.endswith("_endorsed")
            else f"language suggesting {_LABEL[finding.kind]}")
    fields = ", ".join(finding.fields)
    body = (f"The Session Input for encounter {encounter} ({date}) records {what} "
            f"(fields: {fields}). Please review the risk assessment and safety plan today. "
            "This alert comes from the clinician's entry and stays regardless of the AI draft.")
    title = f"Same-day review: {_LABEL[finding.kind]} documented"
    return Alert(pid=pid, to_username=username, title=title, body=body, reason=finding.reason)
