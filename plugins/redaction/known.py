"""Layer 1: identifiers the chart already holds, found in every rendering.

Name parts, nicknames, initials, possessives (the ``'s`` stays outside), case and accent
variants; the birth date in all date formats; ids with or without separators; phone digits
however grouped. A name part that is also an ordinary word ("Hope", "Will") is certain only
when capitalised inside a sentence; lower-case or sentence-initial mentions are *candidates*
the tagger confirms, and "Will you ..."-style questions are never the name.
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
_Compiled = tuple[tuple[str, re.Pattern[str]], ...]
Variants = tuple[list[str], list[str], list[str]]


@dataclass(frozen=True)
class KnownMatcher:
    """Compiled renderings of one chart's identifiers, by category."""

    folded: _Compiled  # matched on fold(text)
    cased: _Compiled  # matched on the original text (initials)
    words: _Compiled  # name parts that are ordinary words, matched on fold(text)

    def spans(self, text: str, folded_text: str | None = None) -> list[Span]:
        """Certain matches."""
        return self.split(text, folded_text)[0]

    def split(self, text: str, folded_text: str | None = None) -> tuple[list[Span], list[Span]]:
        """(certain matches, candidates that need the tagger's word on them)."""
        low = fold(text) if folded_text is None else folded_text
        sure = [Span(*m.span(), cat, "known") for cat, pat in self.folded for m in pat.finditer(low)]
        sure += [Span(*m.span(), cat, "known") for cat, pat in self.cased for m in pat.finditer(text)]
        maybe: list[Span] = []
        for cat, pat in self.words:
            for m in pat.finditer(low):
                kind = _word_use(text, m.start(), m.end())
                if kind:
                    (sure if kind == "name" else maybe).append(Span(*m.span(), cat, "known"))
        return sure, maybe


def compile_known(known: KnownIdentifiers | None) -> KnownMatcher:
    """One matcher for ``known``: every rendering of every value, compiled."""
    groups: tuple[dict[str, list[str]], ...] = ({}, {}, {})
    for category, value in (known.items() if known else []):
        for group, sources in zip(groups, _variants(category, value)):
            group.setdefault(category, []).extend(sources)
    return KnownMatcher(*(_compile(group) for group in groups))


def _variants(category: str, value: str) -> Variants:
    if category in _NAME_CATEGORIES:
        return variants.name_variants(value)
    simple = {"DATE": variants.date_variants, "ID": variants.id_variants,
              "PHONE": variants.phone_variants, "EMAIL": variants.email_variants, "ZIP": _zip_variants}
    if category in simple:
        return simple[category](value), [], []
    if category == "ORG":
        return _org_variants(value)
    return variants.place_variants(value)


def _zip_variants(value: str) -> list[str]:
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 5:
        return [rf"(?<![\d\-]){digits[:5]}(?:-\d{{4}})?(?!\d)"]
    return variants.id_variants(value)


def _org_variants(value: str) -> Variants:
    out = variants.place_variants(value)
    core = _ORG_SUFFIX_RE.sub("", value.strip())
    if core != value.strip() and len(core) >= 4:
        more = variants.place_variants(core)
        out = (out[0] + more[0], out[1] + more[1], out[2] + more[2])
    return out


def _compile(patterns: dict[str, list[str]]) -> _Compiled:
    """One compiled regex per rendering, so overlapping renderings all get found."""
    return tuple((category, re.compile(source)) for category, sources in patterns.items()
                 for source in dict.fromkeys(sources))


def _word_use(text: str, start: int, end: int) -> str:
    """"name" (capitalised mid-sentence), "maybe" (lower-case, all-caps or sentence start),
    or "" ("Will you ...", "May I ...": a question word, never the name)."""
    before = text[:start].rstrip()
    at_start = not before or before[-1] in ".!?:;\n\"'(-"
    if at_start and _MODAL_RE.match(text, end):
        return ""
    word = text[start:end]
    titled = word[:1].isupper() and not word.isupper()
    return "name" if titled and not at_start else "maybe"


def known_spans(text: str, known: KnownIdentifiers | None) -> list[Span]:
    """Certain spans of ``known`` identifiers in ``text``."""
    return compile_known(known).spans(text)
