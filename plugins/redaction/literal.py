"""Known values found without compiling a regex per chart.

``DigitIndex`` finds ids, phone numbers and ZIP codes however they are grouped: the text
is reduced to its letters and digits (short runs of separators dropped) and each value is
looked up there, with word boundaries checked in the original. ``PhraseIndex`` finds
multi-word places and organisations word by word, with street words and their
abbreviations ("Street"/"St") treated alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from hooks.types import Span
from plugins.redaction.textutil import fold

_SEPARATORS = frozenset(" \t\n.-/()+")
_WORD_RE = re.compile(r"[^\W_]+")
_ZIP4_RE = re.compile(r"-\d{4}(?!\d)")
STREET_WORDS = {
    "street": "st", "avenue": "ave", "road": "rd", "drive": "dr", "lane": "ln", "boulevard": "blvd",
    "court": "ct", "place": "pl", "terrace": "ter", "circle": "cir", "parkway": "pkwy",
    "highway": "hwy", "square": "sq", "trail": "trl", "apartment": "apt", "suite": "ste",
    "north": "n", "south": "s", "east": "e", "west": "w", "mount": "mt", "saint": "st",
}


def skeleton(folded: str) -> tuple[str, list[int]]:
    """Letters and digits of ``folded`` with runs of up to two separators dropped, and
    the original offset of each kept character."""
    chars: list[str] = []
    where: list[int] = []
    i, n = 0, len(folded)
    while i < n:
        j = i
        while j < n and folded[j] in _SEPARATORS:
            j += 1
        if j - i > 2 or (j > i and j == n):
            chars.append("|")
            where.append(i)
        if j < n and j == i:
            chars.append(folded[i])
            where.append(i)
            j += 1
        i = j
    return "".join(chars), where


@dataclass
class DigitIndex:
    """Ids, phones and ZIPs by their letters and digits alone."""

    values: list[tuple[str, str]] = field(default_factory=list)  # (category, letters+digits)

    def add(self, category: str, value: str) -> None:
        core = "".join(c for c in value.lower() if c.isalnum())
        if category == "PHONE" and len(core) == 11 and core[0] == "1":
            core = core[1:]
        if len(core) >= 4:
            self.values.append((category, core))
        digits = "".join(c for c in core if c.isdigit())
        if category == "PHONE" and len(digits) == 10:
            self.values.append((category, digits[3:]))  # the local number alone
        elif category == "ID" and digits != core and len(digits) >= 5:
            self.values.append((category, digits))

    def find(self, text: str, folded: str) -> list[Span]:
        if not self.values:
            return []
        skel, where = skeleton(folded)
        out = []
        for category, core in self.values:
            pos = skel.find(core)
            while pos >= 0:
                start, end = where[pos], where[pos + len(core) - 1] + 1
                if _bounded(text, start, end):
                    if category == "ZIP" and (plus4 := _ZIP4_RE.match(text, end)):
                        end = plus4.end()
                    out.append(Span(start, end, category, "known"))
                pos = skel.find(core, pos + 1)
        return out


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


@dataclass
class PhraseIndex:
    """Multi-word values (streets, cities, organisations) as sequences of word keys."""

    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def add(self, category: str, value: str) -> None:
        words = tuple(_canon(w) for w in _WORD_RE.findall(fold(value)))
        if words:
            self.phrases.setdefault(words[0], []).append((words, category))

    def find(self, folded: str) -> list[Span]:
        if not self.phrases:
            return []
        tokens = list(_WORD_RE.finditer(folded))
        keys = [_canon(t.group()) for t in tokens]
        out = []
        for i, first in enumerate(keys):
            for words, category in self.phrases.get(first, ()):
                if tuple(keys[i : i + len(words)]) == words and _tight(folded, tokens, i, len(words)):
                    out.append(Span(tokens[i].start(), tokens[i + len(words) - 1].end(), category, "known"))
        return out


def _canon(word: str) -> str:
    return STREET_WORDS.get(word, word)


def _tight(folded: str, tokens: list[re.Match[str]], i: int, count: int) -> bool:
    """Words of a phrase separated by at most a few spaces or punctuation marks."""
    return all(len(folded[tokens[k].end() : tokens[k + 1].start()]) <= 3 for k in range(i, i + count - 1))
