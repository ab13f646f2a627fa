"""Layer 1: identifiers the chart already holds, found in every rendering.

Person names word by word (parts, nicknames, initials, possessives, case and accent
variants: :mod:`names`); ids, phones and ZIPs by their digits however grouped, places and
organisations word by word (:mod:`literal`); the birth date in every date format (one
regex per date); e-mail addresses and their user names. A name part that is also an
ordinary word ("Hope", "Will") is certain when capitalised or part of a longer name;
lower-case mentions are *candidates* the tagger confirms, and sentence-initial questions
("Will you ...", "May I ...") are never the name.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from hooks.types import KnownIdentifiers, Span
from plugins.redaction import variants
from plugins.redaction.literal import DigitIndex, PhraseIndex
from plugins.redaction.names import NameIndex
from plugins.redaction.textutil import fold, opens

_NAME_CATEGORIES = ("PATIENT", "RELATIVE", "CLINICIAN")
_DIGIT_CATEGORIES = ("ID", "PHONE", "ZIP")
_ORG_SUFFIX_RE = re.compile(
    r"(?i)[\s,]+(?:inc\.?|llc|l\.l\.c\.|ltd\.?|co\.?|corp\.?|corporation|company|group|plc|"
    r"and\s+sons|&\s+co\.?|s\.c\.|sp\.\s?j\.|gmbh|ag|s\.a\.|s\.r\.l\.|pllc|pc|p\.c\.)$"
)
_MODAL_RE = re.compile(r"\s+(?:i|you|we|they|he|she|it|me|us|this|that|the|be|not)\b", re.IGNORECASE)
_NOT_UPPER_RE = re.compile(r"[^A-Z]")
_INITIALS_RE = re.compile(r"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?!\w)|\b[A-Z]{2,3}\b")


@dataclass
class KnownMatcher:
    """One chart's identifiers, ready to search any number of texts."""

    names: NameIndex = field(default_factory=NameIndex)
    digits: DigitIndex = field(default_factory=DigitIndex)
    phrases: PhraseIndex = field(default_factory=PhraseIndex)
    emails: list[tuple[str, bool]] = field(default_factory=list)  # (folded text, is a user name)
    dates: list[re.Pattern[str]] = field(default_factory=list)
    initials: dict[str, str] = field(default_factory=dict)  # "JK" -> category

    def spans(self, text: str, folded_text: str | None = None) -> list[Span]:
        """Certain matches."""
        return self.split(text, folded_text)[0]

    def split(self, text: str, folded_text: str | None = None) -> tuple[list[Span], list[Span]]:
        """(certain matches, candidates that need the tagger's word on them)."""
        low = fold(text) if folded_text is None else folded_text
        sure, maybe = self.names.find(text, low, _word_use)
        sure += self.digits.find(text, low) + self.phrases.find(low) + self._emails(low)
        sure += [Span(*m.span(), "DATE", "known") for pattern in self.dates for m in pattern.finditer(low)]
        sure += self._initials(text)
        return sure, maybe

    def _emails(self, low: str) -> list[Span]:
        out = []
        for value, user_name in self.emails:
            pos = low.find(value)
            while pos >= 0:
                end = pos + len(value)
                if not user_name or (end == len(low) or not (low[end].isalnum() or low[end] in "@._")):
                    out.append(Span(pos, end, "EMAIL", "known"))
                pos = low.find(value, pos + 1)
        return out

    def _initials(self, text: str) -> list[Span]:
        if not self.initials:
            return []
        return [Span(*m.span(), self.initials[key], "known") for m in _INITIALS_RE.finditer(text)
                if (key := _NOT_UPPER_RE.sub("", m.group())) in self.initials]


def compile_known(known: KnownIdentifiers | None) -> KnownMatcher:
    """One matcher for ``known``: every rendering of every value."""
    matcher = KnownMatcher()
    for category, value in (known.items() if known else []):
        _add(matcher, category, value)
    return matcher


def _add(matcher: KnownMatcher, category: str, value: str) -> None:
    if category in _NAME_CATEGORIES:
        matcher.names.add(category, value)
        letters = "".join(fold(p)[0].upper() for p in variants.name_parts(value) if p[:1].isalpha())
        if 2 <= len(letters) <= 3 and letters.lower() not in variants.common_words() | variants.ACRONYMS:
            matcher.initials.setdefault(letters, category)
    elif category in _DIGIT_CATEGORIES:
        matcher.digits.add(category, value)
    elif category == "DATE":
        matcher.dates += [_compiled(source) for source in variants.date_variants(value)]
    elif category == "EMAIL":
        _add_email(matcher, value)
    else:
        _add_place(matcher, category, value)


def _add_email(matcher: KnownMatcher, value: str) -> None:
    folded = fold(value.strip())
    matcher.emails.append((folded, False))
    user = folded.split("@", 1)[0]
    if "@" in folded and len(user) >= 4 and user not in variants.common_words():
        matcher.emails.append((user, True))


def _add_place(matcher: KnownMatcher, category: str, value: str) -> None:
    """Streets, cities, counties and organisations (also without "Inc", "Ltd"...)."""
    for form in dict.fromkeys((value.strip(), _ORG_SUFFIX_RE.sub("", value.strip()))):
        words = form.split()
        if len(words) == 1 and fold(form) in variants.common_words():
            matcher.names.words.setdefault(fold(form), []).append(category)
        elif len(form) >= 3:
            matcher.phrases.add(category, form)


@functools.lru_cache(maxsize=4096)
def _compiled(source: str) -> re.Pattern[str]:
    """Compiled once per process: the same chart is redacted many times."""
    return re.compile(source)


def _word_use(text: str, start: int, end: int) -> str:
    """"name" (capitalised), "maybe" (lower case: the tagger decides), or "" ("Will you ...",
    "May I ...": a sentence-initial question word, never the name)."""
    if opens(text, start, ".!?:;\"'(-", lines=False) and _MODAL_RE.match(text, end):
        return ""
    word = text[start:end]
    return "maybe" if word.islower() else "name"


def known_spans(text: str, known: KnownIdentifiers | None) -> list[Span]:
    """Certain spans of ``known`` identifiers in ``text``."""
    return compile_known(known).spans(text)
