"""Offset-preserving text helpers shared by every redaction layer and the training script.

``fold`` lowers case and strips diacritics without changing the length of the text, so a
match found in the folded text has the same offsets in the original. ``tokenize`` and
``sentences`` are the one tokenization the tagger is trained and run with.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*(?:-\w+(?:['’]\w+)*)*|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z][\w ]{0,30}:)")
_ABBREV_RE = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|Rev|Apt|Ste|No|Mt|Ft|vs|etc|e\.g|i\.e)|\b[A-Z])\.$", re.IGNORECASE
)
_MAX_SENTENCE_TOKENS = 80


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else base


def fold(text: str) -> str:
    """Lower-case, diacritic-free copy of ``text`` with exactly the same length."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets in ``text[start:end]``: words (with inner ' and -) and punctuation.

    A possessive ``'s`` is its own token, so "Hope's" tags as "Hope" + "'s".
    """
    out: list[tuple[int, int]] = []
    for match in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        s, e = match.span()
        poss = _POSSESSIVE_RE.search(match.group())
        if poss and e - s > 2:
            out.append((s, e - 2))
            out.append((e - 2, e))
        else:
            out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets: split after . ! ? before a capital, at blank lines and speaker turns.

    Long sentences are cut every ``_MAX_SENTENCE_TOKENS`` tokens' worth of text, so one
    run-on paragraph cannot slow the tagger down.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if _ABBREV_RE.search(text, max(start, match.start() - 6), match.start()):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [piece for s, e in bounds if text[s:e].strip() for piece in _cut_long(text, s, e)]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    toks = tokenize(text, start, end)
    if len(toks) <= _MAX_SENTENCE_TOKENS:
        return [(start, end)]
    chunks = [toks[i : i + _MAX_SENTENCE_TOKENS] for i in range(0, len(toks), _MAX_SENTENCE_TOKENS)]
    return [(chunk[0][0], chunk[-1][1]) for chunk in chunks]


def opens(text: str, pos: int, marks: str = ".!?:;\n\"'(", lines: bool = True) -> bool:
    """Does a sentence or field start at ``pos`` (after one of ``marks``, or the text's start)?
    With ``lines``, every line starts one; without, a line break counts only after a mark."""
    before = text[:pos].rstrip(" \t" if lines else None)
    return not before or before[-1] in marks


def clause(text: str, pos: int) -> str:
    """The clause around ``pos``: the text between the . ! ? or line breaks on either side."""
    start, end = clause_span(text, pos)
    return text[start:end]


def clause_span(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the clause around ``pos``."""
    start = max(text.rfind(mark, 0, pos) for mark in ".!?\n") + 1
    ends = [i for i in (text.find(mark, pos) for mark in ".!?\n") if i >= 0]
    return start, min(ends, default=len(text))
