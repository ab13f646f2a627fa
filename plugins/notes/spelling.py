"""Spell-check of the clinician's free text: pyspellchecker plus a shipped clinical word list.

Policy: the draft uses the clinician's words with only *confident* corrections applied (a
lower-case word of four or more letters, unknown to both dictionaries, one edit from a word
that is the only candidate or at least 20 times as common as the next). Every change is
listed in the Review section as ``'anxeity' -> 'anxiety'`` so the clinician sees it before
signing. Words that are never changed: capitalised words (proper
nouns and sentence starts), acronyms, words with digits, medication names, and anything that
looks like a misspelt medication (those are listed as "check" lines instead). Unsure words
are listed, not changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spellchecker import SpellChecker

DATA = Path(__file__).parent / "data"
MAX_UNKNOWN = 60  # bounded work for huge or garbled input
DOMINANCE = 20.0
_WORD = re.compile(r"(?<![\w'/-])[A-Za-z][a-z]+(?:'[a-z]+)?(?![\w/-])")
_DRUG_SUFFIX = re.compile(
    r"(?:azepam|azolam|oxetine|aline|apine|idone|azodone|triptyline|pramine|amine|"
    r"ipramine|afaxine|azine|peridol|mazepine|trigine|proate|phenidate|xetine|alopram|done)$")


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def medications() -> frozenset[str]:
    return _words("medications.txt")


@lru_cache(maxsize=1)
def checker() -> SpellChecker:
    spell = SpellChecker(distance=1)
    spell.word_frequency.load_words(sorted(_words("clinical_words.txt") | medications()))
    return spell


@dataclass
class SpellReport:
    corrections: list[tuple[str, str]] = field(default_factory=list)  # applied (wrong, right)
    checks: list[str] = field(default_factory=list)  # review lines, nothing changed

    def lines(self) -> list[str]:
        out = [f"'{wrong}' -> '{right}' (corrected in the draft)" for wrong, right in self.corrections]
        return out + self.checks


def correct_fields(texts: dict[str, str]) -> tuple[dict[str, str], SpellReport]:
    """``texts`` with confident corrections applied, and what was changed or flagged."""
    report = SpellReport()
    decisions = _decide(_unknown_words(texts.values()), report)
    fixed = {name: _apply(text, decisions) for name, text in texts.items()}
    return fixed, report


def _unknown_words(texts: object) -> list[str]:
    spell = checker()
    seen: dict[str, None] = {}
    for text in texts:  # type: ignore[attr-defined]
        for word in _WORD.findall(text):
            if word[0].islower() and word not in seen:
                seen[word] = None
    unknown = spell.unknown(list(seen))
    return [w for w in seen if w in unknown][:MAX_UNKNOWN]


def _decide(unknown: list[str], report: SpellReport) -> dict[str, str]:
    spell = checker()
    decisions: dict[str, str] = {}
    for word in unknown:
        drug = _near_medication(word)
        if drug or _DRUG_SUFFIX.search(word):
            hint = f" (did you mean '{drug}'?)" if drug else ""
            report.checks.append(f"check medication spelling: '{word}'{hint}; left as written")
            continue
        best = spell.correction(word) if len(word) >= 4 else None
        if best and best != word and _confident(word, best):
            decisions[word] = best
            report.corrections.append((word, best))
        elif best and best != word:
            report.checks.append(f"check spelling: '{word}' (perhaps '{best}'); left as written")
    return decisions


def _confident(word: str, best: str) -> bool:
    """One candidate, or the best is at least ``DOMINANCE`` times as common as the next."""
    spell = checker()
    others = sorted((spell.word_usage_frequency(c) for c in spell.candidates(word) or ()
                     if c != best), reverse=True)
    return not others or spell.word_usage_frequency(best) >= DOMINANCE * others[0]


def _near_medication(word: str) -> str:
    """A medication one or two edits from ``word`` (sertaline -> sertraline), else ""."""
    if len(word) < 6:
        return ""
    for drug in medications():
        if abs(len(drug) - len(word)) <= 2 and _distance(word, drug) <= 2:
            return drug
    return ""


def _distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _apply(text: str, decisions: dict[str, str]) -> str:
    if not decisions:
        return text
    return _WORD.sub(lambda m: decisions.get(m.group(0), m.group(0)), text)
