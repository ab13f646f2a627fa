"""Keep PHI out of application logs.

:class:`PhiLogFilter` rewrites each record's message (and formatted traceback) with pattern
PHI (dates, phones, ids, emails, addresses, names after a title...) replaced by
``[CATEGORY]``; given known identifiers, it scrubs those too. Attach it to handlers.
"""
from __future__ import annotations

import logging

from hooks.types import KnownIdentifiers
from plugins.redaction.known import KnownMatcher, compile_known
from plugins.redaction.patterns import pattern_spans
from plugins.redaction.spans import merge


def scrub(message: str, matcher: KnownMatcher | None = None) -> str:
    """``message`` with every pattern (and known) identifier replaced by ``[CATEGORY]``."""
    found = pattern_spans(message) + (matcher.spans(message) if matcher else [])
    out, pos = [], 0
    for span in merge(found, message):
        out += [message[pos : span.start], f"[{span.category}]"]
        pos = span.end
    out.append(message[pos:])
    return "".join(out)


class PhiLogFilter(logging.Filter):
    """A logging filter that scrubs PHI from records; it never drops a record."""

    def __init__(self, name: str = "", known: KnownIdentifiers | None = None) -> None:
        super().__init__(name)
        self._matcher = compile_known(known) if known else None

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the template only
            message = str(record.msg)
        record.msg, record.args = scrub(message, self._matcher), None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = scrub(text, self._matcher), None
        return True
