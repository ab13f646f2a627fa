"""Layer 1: identifiers the chart already holds, found in every rendering.

Name parts, nicknames, initials, possessives (the ``'s`` stays outside), case and accent
variants; the birth date in all date formats; ids with or without separators; phone digits
however grouped. A name part that is also an ordinary word ("Hope", "Will") is redacted
only when capitalised, and not as the first word of a question ("Will you ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from hooks.types import KnownIdentifiers, Span
from plugins.redaction import variants
from plugins.redaction.textutil import fold

_NAME_CATEGORIES = ("PATIENT", "RELATIVE", "CLINICIAN")
_ORG_SUFFIX_RE = re.compile(
    r"(?i)[\s,]+(?:inc\.?|llc|l\.l\.c\.|ltd\.?|co\.?|corp\.?|corporation|company|group|plc|"
    r"and\s+sons|&\s+co\.?|s\.c\.|sp\.\s?j\.|gmbh|ag|s\.a\.|s\.r\.l\.|pllc|pc|p\.c\.)$"
)
_MODAL_RE = re.compile(r"\s+(?:i|you|we|they|he|she|it|me|us|this|that|the|be|not)\b", re.IGNORECASE)


@dataclass(frozen=True)
class KnownMatcher:
    """Compiled patterns of one chart's identifiers: folded and case-sensitive, by category."""

    folded: tuple[tuple[str, re.Pattern[str]], ...]
    cased: tuple[tuple[str, re.Pattern[str]], ...]

    def spans(self, text: str, folded_text: str | None = None) -> list[Span]:
        low = fold(text) if folded_text is None else folded_text
        out = [Span(*m.span(), cat, "known") for cat, pat in self.folded for m in pat.finditer(low)]
        out += [Span(*m.span(), cat, "known") for cat, pat in self.cased for m in pat.finditer(text)
                if not _is_modal_use(text, m)]
        return out


def compile_known(known: KnownIdentifiers | None) -> KnownMatcher:
    """One matcher for ``known``: every rendering of every value, compiled."""
    folded: dict[str, list[str]] = {}
    cased: dict[str, list[str]] = {}
    for category, value in (known.items() if known else []):
        f, c = _variants(category, value)
        folded.setdefault(category, []).extend(f)
        cased.setdefault(category, []).extend(c)
    return KnownMatcher(_join(folded), _join(cased))


def _variants(category: str, value: str) -> tuple[list[str], list[str]]:
    if category in _NAME_CATEGORIES:
        return variants.name_variants(value)
    if category == "DATE":
        return variants.date_variants(value), []
    if category == "ID":
        return variants.id_variants(value), []
    if category == "PHONE":
        return variants.phone_variants(value), []
    if category == "EMAIL":
        return variants.email_variants(value), []
    if category == "ZIP":
        digits = re.sub(r"\D", "", value)
        return ([rf"(?<![\d\-]){digits[:5]}(?:-\d{{4}})?(?![\d])"] if len(digits) >= 5 else
                variants.id_variants(value)), []
    if category == "ORG":
        return _org_variants(value)
    return variants.place_variants(value)


def _org_variants(value: str) -> tuple[list[str], list[str]]:
    folded, cased = variants.place_variants(value)
    core = _ORG_SUFFIX_RE.sub("", value.strip())
    if core != value.strip() and len(core) >= 4:
        more_f, more_c = variants.place_variants(core)
        folded, cased = folded + more_f, cased + more_c
    return folded, cased


def _join(patterns: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled regex per rendering, so overlapping renderings all get found."""
    return tuple((category, re.compile(source)) for category, sources in patterns.items()
                 for source in dict.fromkeys(sources))


def _is_modal_use(text: str, match: re.Match[str]) -> bool:
    """"Will you ...", "May I ...": a capitalised word at a sentence start used as a word."""
    before = text[: match.start()].rstrip()
    at_start = not before or before[-1] in ".!?:\n\"'"
    return at_start and bool(_MODAL_RE.match(text, match.end()))


def known_spans(text: str, known: KnownIdentifiers | None) -> list[Span]:
    """Spans of ``known`` identifiers in ``text``."""
    return compile_known(known).spans(text)
