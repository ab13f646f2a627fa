"""Fail-closed leak check: re-scan text about to leave the clinic.

Placeholders are blanked first, then layers 1 and 2 run again; whatever they still find is
counted by category. Values are never returned or logged.
"""
from __future__ import annotations

import collections
import logging

from hooks.types import KnownIdentifiers
from plugins.redaction.known import compile_known
from plugins.redaction.patterns import pattern_spans
from plugins.redaction.placeholders import mask_placeholders
from plugins.redaction.spans import merge

log = logging.getLogger(__name__)


def leak_check(text: str, known: KnownIdentifiers | None = None) -> dict[str, int]:
    """Count of identifiers left in ``text`` by category; empty when clean."""
    masked = mask_placeholders(text or "")
    spans = merge(compile_known(known).spans(masked) + pattern_spans(masked), masked)
    counts = dict(sorted(collections.Counter(span.category for span in spans).items()))
    if counts:
        log.warning("leak check found identifiers: %s", counts)
    return counts
