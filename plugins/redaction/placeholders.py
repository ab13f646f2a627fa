"""Typed, indexed placeholders and the way back.

Indices are drawn at random per document (``secrets``), so ``[PATIENT_2]`` says nothing
about the value or about where it first appeared; the same value (ignoring case, accents
and spacing) gets the same placeholder throughout one document. ``restore`` accepts case
and spacing variants of a placeholder and never inserts anything that is not in the map.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from hooks.types import Span
from plugins.redaction.textutil import fold

PLACEHOLDER_RE = re.compile(r"\[\s*([A-Za-z]+)[\s_-]*(\d+)\s*\]|\b([A-Z]+)_(\d+)\b")
_RANDOM = secrets.SystemRandom()


@dataclass
class Redaction:
    """A redacted document (satisfies :class:`hooks.types.Redacted`)."""

    text: str
    spans: list[Span] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # placeholder -> original value

    def restore(self, text: str) -> str:
        """``text`` with every placeholder of this document put back; others left alone."""
        return PLACEHOLDER_RE.sub(self._restore_one, text)

    def _restore_one(self, match: re.Match[str]) -> str:
        category = match.group(1) or match.group(3)
        number = match.group(2) or match.group(4)
        return self.mapping.get(f"[{category.upper()}_{int(number)}]", match.group())

    def __repr__(self) -> str:  # never show values in logs or tracebacks
        return f"Redaction(spans={len(self.spans)}, placeholders={len(self.mapping)})"


def value_key(value: str) -> str:
    """What makes two renderings "the same value": case, accents, spacing and 's ignored."""
    key = " ".join(fold(value).split())
    return re.sub(r"['’]s$", "", key)


def assign(text: str, spans: list[Span]) -> Redaction:
    """Replace ``spans`` (sorted, disjoint) in ``text`` by placeholders."""
    keys = [(span.category, value_key(text[span.start : span.end])) for span in spans]
    names = _numbered(keys)
    pieces: list[str] = []
    mapping: dict[str, str] = {}
    pos = 0
    for span, key in zip(spans, keys, strict=True):
        placeholder = names[key]
        mapping.setdefault(placeholder, text[span.start : span.end])
        pieces += [text[pos : span.start], placeholder]
        pos = span.end
    pieces.append(text[pos:])
    return Redaction("".join(pieces), list(spans), mapping)


def _numbered(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A placeholder per distinct (category, value), numbered in a random order per category."""
    distinct = list(dict.fromkeys(keys))
    by_category: dict[str, list[tuple[str, str]]] = {}
    for key in distinct:
        by_category.setdefault(key[0], []).append(key)
    names = {}
    for category, members in by_category.items():
        numbers = _RANDOM.sample(range(1, len(members) + 1), len(members))
        names.update({key: f"[{category}_{n}]" for key, n in zip(members, numbers, strict=True)})
    return names


def mask_placeholders(text: str) -> str:
    """``text`` with each placeholder blanked to spaces (same length), for re-scanning."""
    return PLACEHOLDER_RE.sub(lambda m: " " * len(m.group()), text)
