"""The Session Input as the composer sees it: cleaned, bounded, parsed.

Cleaning policy (malformed or hostile input):
- Control characters (NUL included), bidirectional overrides and zero-width characters are
  removed; text is NFC-normalised; runs of more than two combining marks are cut to two;
  emoji and every other printable character are kept as written. SQL-looking text is just
  text: it is never interpreted, and the host writes it with bound parameters.
- Each free-text field is capped at ``MAX_FIELD_CHARS`` characters, cut at a word boundary
  and marked ``[...]``; the Review section says which field was cut and how long it was.
  The clinician's full text stays in the Session Input form. (Truncating beats failing: the
  clinician still gets a note seconds later, and sees exactly what was left out.)
- A Session Input with no focus, response and plan is a ``PermanentFailure`` naming the
  fields to fill. Unknown list values are reported in the Review section, never guessed.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from hooks.errors import PermanentFailure
from plugins.notes import vocab

MAX_FIELD_CHARS = 4000
TEXT_FIELDS = {
    "focus": "Focus / chief complaint", "symptoms": "Current symptoms",
    "impairment": "Functional impairment", "observations": "Clinician observations",
    "interventions_other": "Other interventions", "response": "Client response",
    "goal_progress": "Goals addressed and progress", "plan": "Plan",
    "risk_notes": "Risk notes", "participants": "Participants",
}
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TIME = re.compile(r"^\s*(\d{1,2}):?(\d{2})(?::\d{2})?\s*$")
_RISK = {oid for oid, _ in vocab.RISK_SCREEN}
_CPT = {code for code, _ in vocab.CPT_CODES}
_MODALITY = {oid for oid, _ in vocab.MODALITIES}


@dataclass(frozen=True)
class SessionInput:
    focus: str = ""
    symptoms: str = ""
    impairment: str = ""
    observations: str = ""
    interventions: tuple[str, ...] = ()  # known aib_interventions ids, in the clinician's order
    other_interventions: tuple[str, ...] = ()  # free text and unknown ids, humanised
    response: str = ""
    goal_progress: str = ""
    plan: str = ""
    si_screen: str = ""  # "" (not recorded) | denied | endorsed | not_assessed
    hi_screen: str = ""
    risk_notes: str = ""
    start: dt.time | None = None
    stop: dt.time | None = None
    cpt: str = ""
    modality: str = ""
    participants: str = ""
    note_format: str = ""
    problems: tuple[str, ...] = ()  # review lines about the input itself

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.stop is None:
            return None
        delta = (self.stop.hour * 60 + self.stop.minute) - (self.start.hour * 60 + self.start.minute)
        return delta if delta > 0 else None

    def free_text(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in TEXT_FIELDS if name != "interventions_other"}


def clean_text(value: object) -> str:
    """Printable, NFC-normalised text with controls and invisible direction marks removed."""
    text = str(value).encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    text = unicodedata.normalize("NFC", text)
    text = _limit_combining(text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _limit_combining(text: str, keep: int = 2) -> str:
    out: list[str] = []
    run = 0
    for ch in text:
        run = run + 1 if unicodedata.combining(ch) else 0
        if run <= keep:
            out.append(ch)
    return "".join(out)


def truncate(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut).rstrip() + " [...]"


def parse(raw: dict[str, str]) -> SessionInput:
    """A :class:`SessionInput` from LBF values; raises PermanentFailure when nothing usable."""
    problems: list[str] = []
    text = {name: _field(raw, name, problems) for name in TEXT_FIELDS}
    if not (text["focus"] or text["response"] or text["plan"]):
        raise PermanentFailure(
            "Session Input has no focus, response or plan; fill at least one of "
            "'Focus / chief complaint', 'Client response' or 'Plan' and save the form again")
    known, other = _interventions(clean_text(raw.get("interventions", "")), problems)
    if text["interventions_other"]:
        other.insert(0, text["interventions_other"])
    return SessionInput(
        **{k: v for k, v in text.items() if k != "interventions_other"},
        interventions=tuple(known), other_interventions=tuple(other),
        si_screen=_choice(raw, "si_screen", _RISK, problems),
        hi_screen=_choice(raw, "hi_screen", _RISK, problems),
        start=_time(raw, "start_time", problems), stop=_time(raw, "stop_time", problems),
        cpt=_choice(raw, "cpt", _CPT, problems), modality=_choice(raw, "modality", _MODALITY, problems),
        note_format=clean_text(raw.get("note_format", "")).upper(), problems=tuple(problems),
    )


def _field(raw: dict[str, str], name: str, problems: list[str]) -> str:
    value = clean_text(raw.get(name, ""))
    if len(value) > MAX_FIELD_CHARS:
        problems.append(f"{TEXT_FIELDS[name]}: {len(value):,} characters; the draft uses the "
                        f"first {MAX_FIELD_CHARS:,} (the full text stays in the Session Input)")
        value = truncate(value)
    return value


def _interventions(value: str, problems: list[str]) -> tuple[list[str], list[str]]:
    known: list[str] = []
    other: list[str] = []
    for part in re.split(r"[|,]", value):
        oid = part.strip().lower()
        if not oid or oid in known:
            continue
        if oid in vocab.INTERVENTION_PHRASE:
            known.append(oid)
        else:
            other.append(oid.replace("_", " ")[:80])
            problems.append(f"Interventions: '{oid[:40]}' is not in list aib_interventions; "
                            "written as given")
    return known, other


def _choice(raw: dict[str, str], name: str, allowed: set[str], problems: list[str]) -> str:
    value = clean_text(raw.get(name, "")).lower()
    if value and value not in allowed:
        problems.append(f"{name}: '{value[:20]}' is not a value of its list; treated as not recorded")
        return ""
    return value


def _time(raw: dict[str, str], name: str, problems: list[str]) -> dt.time | None:
    value = clean_text(raw.get(name, ""))
    if not value:
        return None
    match = _TIME.match(value)
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    problems.append(f"{name}: '{value[:20]}' is not a 24-hour time HH:MM")
    return None
