"""Which instruments a patient should complete, and which are due (pure functions).

By diagnosis: depressive disorders F32, F33, F34.1 -> PHQ-9; anxiety disorders F40, F41 ->
GAD-7; PTSD / trauma F43.1 -> PCL-5 and PHQ-9. By cadence: due at intake (never
administered), then again once ``cadence_sessions`` sessions or ``cadence_days`` days have
passed since the last administration, whichever comes first. The same shortlist serves the
clinician and portal delivery.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hooks.types import Diagnosis, Score
from plugins.assessments.instruments import ORDER

RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("F32", ("PHQ-9",)),
    ("F33", ("PHQ-9",)),
    ("F34.1", ("PHQ-9",)),
    ("F40", ("GAD-7",)),
    ("F41", ("GAD-7",)),
    ("F43.1", ("PCL-5", "PHQ-9")),
)


@dataclass(frozen=True)
class Recommendation:
    instrument: str
    diagnoses: tuple[str, ...]  # the ICD-10 codes that call for it
    due: bool
    why: str  # e.g. "intake: no prior administration", "31 days since last (2026-10-01)"
    last: Score | None = None


def _norm(code: str) -> str:
    code = code.upper().strip()
    if code.startswith("ICD10:"):
        code = code[6:]
    return code.replace(".", "").strip()


def instruments_for(codes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Instrument -> the diagnosis codes that call for it, in instrument order."""
    found: dict[str, list[str]] = {}
    for code in codes:
        for prefix, instruments in RULES:
            if _norm(code).startswith(_norm(prefix)):
                for name in instruments:
                    found.setdefault(name, [])
                    if code not in found[name]:
                        found[name].append(code)
    return {name: tuple(found[name]) for name in ORDER if name in found}


def last_administration(history: Sequence[Score], instrument: str, on: dt.date) -> Score | None:
    earlier = [s for s in history if s.instrument == instrument and s.date <= on]
    return max(earlier, key=lambda s: s.date) if earlier else None


def due_status(last: Score | None, *, on: dt.date, sessions_since: int,
               cadence_sessions: int, cadence_days: int) -> tuple[bool, str]:
    """Is an instrument due on ``on``? ``sessions_since`` counts sessions after ``last``."""
    if last is None:
        return True, "intake: no prior administration"
    days = (on - last.date).days
    if days >= cadence_days:
        return True, f"{days} days since last ({last.date.isoformat()}); cadence {cadence_days} days"
    if sessions_since + 1 >= cadence_sessions:
        return True, (f"session {sessions_since + 1} since last ({last.date.isoformat()}); "
                      f"cadence every {cadence_sessions} sessions")
    return False, (f"last {last.date.isoformat()}: {days} of {cadence_days} days, "
                   f"{sessions_since + 1} of {cadence_sessions} sessions")


def recommend(diagnoses: Iterable[Diagnosis], history: Sequence[Score], *, on: dt.date,
              sessions_since: Mapping[str, int], options: Mapping[str, Any]) -> list[Recommendation]:
    """The clinician's shortlist for a visit on ``on``: recommended instruments, due or not."""
    enabled = set(options.get("instruments", ORDER))
    out = []
    for name, codes in instruments_for(d.code for d in diagnoses).items():
        if name not in enabled:
            continue
        last = last_administration(history, name, on)
        due, why = due_status(last, on=on, sessions_since=int(sessions_since.get(name, 0)),
                              cadence_sessions=int(options.get("cadence_sessions", 4)),
                              cadence_days=int(options.get("cadence_days", 30)))
        out.append(Recommendation(name, codes, due, why, last))
    return out
