"""The redaction pipeline: union of the three layers, then placeholders.

Layer 1 (known identifiers) and layer 2 (patterns) always run; layer 3 (the tagger) runs
when asked and when its model loads. A value found once is then hidden everywhere it recurs
in the document, so one recognised mention protects the others.
"""
from __future__ import annotations

import collections
import logging
import re

from hooks.types import KnownIdentifiers, Span
from plugins.redaction.grow import grow
from plugins.redaction.known import compile_known
from plugins.redaction.patterns import pattern_spans
from plugins.redaction.placeholders import Redaction, assign
from plugins.redaction.roles import PEOPLE
from plugins.redaction.spans import merge
from plugins.redaction.tagger import Tagger, default_tagger
from plugins.redaction.textutil import clause, fold
from plugins.redaction.variants import common_words, stop_words
from plugins.redaction.words import abbreviations, lexicon, word_names

log = logging.getLogger(__name__)
_PROPAGATE = PEOPLE | {"LOCATION", "ORG"}


def find_spans(text: str, known: KnownIdentifiers | None = None, tagger: Tagger | None = None) -> list[Span]:
    """Disjoint, sorted spans of every identifier the layers find in ``text``."""
    folded = fold(text)
    sure, maybe = compile_known(known).split(text, folded)
    found = sure + pattern_spans(text)
    if tagger is not None and tagger.available:
        model = tagger.spans(text)
        found += model + _confirmed(maybe, model, text)
    else:
        found += [span for span in maybe if text[span.start].isupper() or _uncased_name(text, span.start)]
    found = _without_weak(found)
    found += _recurrences(text, folded, found)
    return grow(text, merge(found, text))


def _without_weak(spans: list[Span]) -> list[Span]:
    """"Weak" spans ("Name, MD" read as a city and state) give way to a person found over them."""
    people = [s for s in spans if s.category in PEOPLE and s.layer in ("known", "model")]
    return [s if s.layer != "weak" else Span(s.start, s.end, s.category, "pattern") for s in spans
            if s.layer != "weak" or not any(p.start < s.end and s.start < p.end for p in people)]


def _confirmed(candidates: list[Span], model: list[Span], text: str) -> list[Span]:
    """Known name parts that are also words ("robin", "hope"), kept where the tagger sees a
    person, and always in a clause typed without any capitals: there the case of the word
    says nothing, and a charted name must never leave."""
    people = [s for s in model if s.category in PEOPLE]
    return [c for c in candidates
            if any(p.start < c.end and c.start < p.end for p in people) or _uncased_name(text, c.start)]


_VERB_POSITION_RE = re.compile(
    r"(?:^|\W)(?:i|you|he|she|we|they|it|who|to|will|would|can|could|should|may|might|must|not|"
    r"don't|didn't|doesn't|i'll|i'd|we'll|let's)\s+$"
)


def _uncased_name(text: str, pos: int) -> bool:
    """In a clause typed without capitals, a charted name that is also a word is hidden,
    unless a subject pronoun or auxiliary puts it in a verb's place ("i hope", "she will")."""
    return _uncased_clause(text, pos) and not _VERB_POSITION_RE.search(text, max(0, pos - 12), pos)


def _uncased_clause(text: str, pos: int) -> bool:
    """True when the clause around ``pos`` has no capital letter."""
    return not any(char.isupper() for char in clause(text, pos))


def redact(text: str, known: KnownIdentifiers | None = None, *, tagger: bool | Tagger = True) -> Redaction:
    """Redact ``text`` about one patient; ``known`` holds what the chart already knows.

    Returns a :class:`Redaction`: ``.text`` with placeholders, ``.spans`` in the original
    offsets, ``.mapping`` placeholder -> value, and ``.restore(answer)``.
    """
    model = default_tagger() if tagger is True else (tagger or None)
    spans = find_spans(text or "", known, model)
    result = assign(text or "", spans)
    counts = collections.Counter(span.category for span in spans)
    log.debug("redacted %d spans by category %s", len(spans), dict(sorted(counts.items())))
    return result


def _recurrences(text: str, folded: str, spans: list[Span]) -> list[Span]:
    """Other mentions of names/places/orgs already found somewhere in the text (they keep
    the category and layer of the mention that was found)."""
    seen: dict[str, tuple[str, bool, str]] = {}
    for span in spans:
        value = text[span.start : span.end]
        if value.islower() and (fold(value) in stop_words() or value in word_names()):
            continue  # "my husband will says ...": a lower-case word name is a name there only
        initials = len(value) == 2 and value.isupper() and span.layer == "pattern" and value.lower() not in abbreviations()
        if span.category in _PROPAGATE and (len(value) >= 3 or initials) and value not in seen:
            seen[value] = (span.category, fold(value) in common_words(), span.layer)
    for span in spans:  # "Ján M. Novák ... everyone calls me Ján": the parts of a found name too
        if span.category in PEOPLE and span.layer != "known":
            for part in _NAME_PART_RE.findall(text, span.start, span.end):
                if part not in seen and _distinctive(part):
                    seen[part] = (span.category, True, span.layer)
    out = []
    for value, (category, is_word, layer) in seen.items():
        needle, haystack = (value, text) if is_word else (fold(value), folded)
        out += [Span(start, start + len(needle), category, layer) for start in _find_words(haystack, needle)]
    return out


_NAME_PART_RE = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]{2,}")


def _distinctive(part: str) -> bool:
    """A capitalised name part that is no English word, so its other mentions are the name."""
    low = fold(part)
    return part[0].isupper() and not part.isupper() and low not in common_words() and low not in stop_words() \
        and low not in lexicon()


def _find_words(haystack: str, needle: str) -> list[int]:
    """Starts of ``needle`` in ``haystack`` as whole words."""
    starts, pos = [], haystack.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if (pos == 0 or not haystack[pos - 1].isalnum()) and (end == len(haystack) or not haystack[end].isalnum()):
            starts.append(pos)
        pos = haystack.find(needle, pos + 1)
    return starts
