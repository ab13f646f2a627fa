"""The diagnosis library: goals, objectives and interventions by ICD-10 code prefix.

The clinical content lives in ``data/library.toml`` so clinicians can review and extend it
without touching code. It is loaded and validated once, at import; a malformed entry stops
the import with a message naming the entry. Matching is by code prefix, dots ignored,
longest prefix first.
"""
from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIBRARY_PATH = Path(__file__).parent / "data" / "library.toml"
OBJECTIVE_PLACEHOLDERS = frozenset({"target_date", "target", "baseline"})
MAX_WEEKS = 51  # every target date stays under one year


class LibraryError(ValueError):
    """The library file is malformed; the message names the entry and the fix."""


@dataclass(frozen=True)
class Measure:
    name: str
    cutoffs: tuple[int, ...]  # "below N" targets, highest first
    min_change: int
    template: str


@dataclass(frozen=True)
class Objective:
    text: str  # with placeholders; a measured objective's text is its measure's template
    weeks: int
    measure: str | None = None


@dataclass(frozen=True)
class Intervention:
    name: str
    modality: str
    frequency: str

    def render(self) -> str:
        return f"{self.name} ({self.modality}; {self.frequency})."


@dataclass(frozen=True)
class GoalTemplate:
    id: str
    text: str
    objectives: tuple[Objective, ...]
    interventions: tuple[Intervention, ...]
    prefixes: tuple[str, ...] = ()  # empty: applies to every code of its condition

    @property
    def measure(self) -> str | None:
        return next((o.measure for o in self.objectives if o.measure), None)

    def applies_to(self, code: str) -> bool:
        return not self.prefixes or any(normalize(code).startswith(normalize(p)) for p in self.prefixes)


@dataclass(frozen=True)
class Condition:
    id: str
    title: str
    prefixes: tuple[str, ...]
    goals: tuple[GoalTemplate, ...]
    discharge: tuple[str, ...]


@dataclass(frozen=True)
class Library:
    measures: dict[str, Measure]
    conditions: tuple[Condition, ...]

    def match(self, code: str) -> Condition | None:
        """The condition whose longest prefix matches ``code`` (e.g. ``F33.1``), if any."""
        key = normalize(code)
        best: tuple[int, Condition] | None = None
        for condition in self.conditions:
            for prefix in condition.prefixes:
                p = normalize(prefix)
                if key.startswith(p) and (best is None or len(p) > best[0]):
                    best = (len(p), condition)
        return best[1] if best else None


def normalize(code: str) -> str:
    """``ICD10:F40.10`` -> ``F4010``: prefix, dots and case removed for comparison."""
    code = code.strip().upper()
    if ":" in code:
        code = code.split(":", 1)[1]
    return code.replace(".", "").strip()


def load(path: Path = LIBRARY_PATH) -> Library:
    """Read and validate the library file."""
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    measures = {name: _measure(name, spec) for name, spec in _table(raw, "measures", "").items()}
    conditions = tuple(_condition(spec, measures, i) for i, spec in enumerate(_list(raw, "conditions", "")))
    _check_unique([c.id for c in conditions], "condition id")
    _check_unique([g.id for c in conditions for g in c.goals], "goal id")
    return Library(measures=measures, conditions=conditions)


def _measure(name: str, spec: dict[str, Any]) -> Measure:
    where = f"measures.{name}"
    cutoffs = tuple(int(c) for c in _list(spec, "cutoffs", where))
    if not cutoffs or list(cutoffs) != sorted(cutoffs, reverse=True):
        raise LibraryError(f"{where}.cutoffs must be non-empty and highest first")
    template = _str(spec, "template", where)
    _check_placeholders(template, where)
    return Measure(name, cutoffs, int(spec.get("min_change", 0)), template)


def _condition(spec: dict[str, Any], measures: dict[str, Measure], index: int) -> Condition:
    where = f"conditions[{index}]"
    cid = _str(spec, "id", where)
    goals = tuple(_goal(g, measures, f"{cid}.goals[{i}]") for i, g in enumerate(_list(spec, "goals", cid)))
    discharge = tuple(str(d) for d in _list(spec, "discharge", cid))
    prefixes = tuple(str(p) for p in _list(spec, "prefixes", cid))
    return Condition(cid, _str(spec, "title", cid), prefixes, goals, discharge)


def _goal(spec: dict[str, Any], measures: dict[str, Measure], where: str) -> GoalTemplate:
    objectives = tuple(_objective(o, measures, f"{where}.objectives[{i}]")
                       for i, o in enumerate(_list(spec, "objectives", where)))
    interventions = tuple(
        Intervention(_str(i, "name", where), _str(i, "modality", where), _str(i, "frequency", where))
        for i in _list(spec, "interventions", where))
    prefixes = tuple(str(p) for p in spec.get("prefixes", ()))
    return GoalTemplate(_str(spec, "id", where), _str(spec, "text", where), objectives, interventions, prefixes)


def _objective(spec: dict[str, Any], measures: dict[str, Measure], where: str) -> Objective:
    weeks = int(spec.get("weeks", 0))
    if not 1 <= weeks <= MAX_WEEKS:
        raise LibraryError(f"{where}.weeks must be 1..{MAX_WEEKS}, got {weeks}")
    measure = spec.get("measure")
    if measure is not None and measure not in measures:
        raise LibraryError(f"{where}.measure {measure!r} is not declared under [measures]")
    text = spec.get("text") or (measures[measure].template if measure else "")
    if not text:
        raise LibraryError(f"{where} needs text or measure")
    _check_placeholders(text, where)
    if "{target_date}" not in text:
        raise LibraryError(f"{where}.text must name its {{target_date}}")
    return Objective(str(text), weeks, measure)


def _check_placeholders(text: str, where: str) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    unknown = names - OBJECTIVE_PLACEHOLDERS
    if unknown:
        raise LibraryError(f"{where}: unknown placeholder(s) {sorted(unknown)}; use {sorted(OBJECTIVE_PLACEHOLDERS)}")


def _check_unique(ids: list[str], what: str) -> None:
    seen = {i for i in ids if ids.count(i) > 1}
    if seen:
        raise LibraryError(f"duplicate {what}(s): {sorted(seen)}")


def _str(spec: dict[str, Any], key: str, where: str) -> str:
    value = spec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LibraryError(f"{where}.{key} must be a non-empty string")
    return value.strip()


def _list(spec: dict[str, Any], key: str, where: str) -> list[Any]:
    value = spec.get(key)
    if not isinstance(value, list) or not value:
        raise LibraryError(f"{where}.{key} must be a non-empty list")
    return value


def _table(spec: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = spec.get(key)
    if not isinstance(value, dict) or not value:
        raise LibraryError(f"{where or 'library'}.{key} must be a non-empty table")
    return value


LIBRARY = load()
