"""Known person names, matched word by word on the folded text (no regex per chart).

Each name part (and hyphen half, and common nickname) becomes a key with apostrophes and
hyphens removed, so "O'Brien", "OBrien", "O’Brien" and "O Brien" are one key; a possessive
``'s`` stays outside the span; neighbouring parts ("Hope Marie Kowalczyk-Dunne",
"Dunne, Hope", "J. Dunne") join into one span. Parts that are ordinary words ("Hope") are
certain only inside a longer name or capitalised mid-sentence; elsewhere they are
candidates for the tagger to confirm.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hooks.types import Span
from plugins.redaction.textutil import fold
from plugins.redaction.variants import NICKNAMES, common_words, name_parts

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’`\-][^\W_]+)*")
_JOINER_RE = re.compile(r"[ \t,.]{1,3}|\s")
_Hit = tuple[int, int, list[str], bool]  # start, end, categories, is an ordinary word
_SPLIT_PREFIX = {"o", "d", "mc", "mac", "de", "da", "di", "van", "von", "le", "la", "st"}


_STRIP_RE = re.compile(r"['’`\-]")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_INITIAL_BEFORE_RE = re.compile(r"\b([a-z])\.\s?$")
_INITIAL_AFTER_RE = re.compile(r"\s([a-z])\.")


def key(token: str) -> str:
    return _STRIP_RE.sub("", token) if "'" in token or "’" in token or "-" in token or "`" in token else token


@dataclass
class NameIndex:
    """Keys of one chart's person names, by category (first category listed wins)."""

    parts: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    initials: dict[str, set[str]] = field(default_factory=dict)

    def add(self, category: str, value: str) -> None:
        parts = name_parts(value)
        if parts:
            self.initials.setdefault(category, set()).update(fold(p)[0] for p in parts if p[:1].isalpha())
        pieces = set(parts) | {h for p in parts if "-" in p for h in p.split("-")}
        pieces |= {nick for p in parts[:1] for nick in NICKNAMES.get(fold(p), ())}
        for piece in pieces:
            k = key(fold(piece))
            if len(k) >= 2:
                target = self.words if k in common_words() else self.parts
                if category not in target.setdefault(k, []):
                    target[k].append(category)

    def find(self, text: str, folded: str, word_use: Callable[[str, int, int], str]) -> tuple[list[Span], list[Span]]:
        """(certain spans, candidate spans) of these names in ``text``."""
        hits = self._hits(folded)
        sure: list[Span] = []
        maybe: list[Span] = []
        for group, category in _groups(folded, hits):
            start, end = group[0][0], group[-1][1]
            start, end = self._with_initials(folded, start, end, category)
            if len(group) > 1 or not group[0][3] or end - start > group[0][1] - group[0][0]:
                sure.append(Span(start, end, category, "known"))
                continue
            kind = word_use(text, start, end)
            if kind:
                (sure if kind == "name" else maybe).append(Span(start, end, category, "known"))
        return sure, maybe

    def _hits(self, folded: str) -> list[_Hit]:
        tokens = list(_TOKEN_RE.finditer(folded))
        hits, i = [], 0
        while i < len(tokens):
            token = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt and token.group() in _SPLIT_PREFIX and folded[token.end() : nxt.start()] in (" ", "' ", "'"):
                joined = token.group() + key(nxt.group())
                if joined in self.parts:
                    hits.append((token.start(), nxt.end(), self.parts[joined], False))
                    i += 2
                    continue
            hit = self._lookup(token.group(), token.start())
            if hit:
                hits.append(hit)
            i += 1
        return hits

    def _lookup(self, word: str, start: int) -> _Hit | None:
        forms = [word]
        if len(word) > 3 and _POSSESSIVE_RE.search(word):
            forms.append(word[:-2])  # possessive: the 's stays outside
        for form in forms:
            k = key(form)
            if k in self.parts:
                return start, start + len(form), self.parts[k], False
            if k in self.words:
                return start, start + len(form), self.words[k], True
        return None

    def _with_initials(self, folded: str, start: int, end: int, category: str) -> tuple[int, int]:
        """Take in "J. " before or " D." after a name when the letter is a known initial."""
        letters = self.initials.get(category, set())
        before = _INITIAL_BEFORE_RE.search(folded, max(0, start - 4), start)
        if before and before.group(1) in letters:
            start -= len(before.group())
        after = _INITIAL_AFTER_RE.match(folded, end, end + 3)
        if after and after.group(1) in letters:
            end += len(after.group())
        return start, end


def _groups(folded: str, hits: list[_Hit]) -> list[tuple[list[_Hit], str]]:
    """Neighbouring hits (only a space, comma or period between) that can be one person,
    with the category they share (the first listed in the chart)."""
    groups: list[tuple[list[_Hit], list[str]]] = []
    for hit in hits:
        if groups and _JOINER_RE.fullmatch(folded[groups[-1][0][-1][1] : hit[0]]):
            shared = [c for c in groups[-1][1] if c in hit[2]]
            if shared:
                groups[-1] = (groups[-1][0] + [hit], shared)
                continue
        groups.append(([hit], list(hit[2])))
    return [(members, categories[0]) for members, categories in groups]
