"""The essential redaction plugin: PHI out before text leaves the clinic, back in after.

Public API (used by the drafting path and the evaluation scripts)::

    red = redact(text, known)        # .text, .spans (original offsets), .mapping, .restore()
    leak_check(red.text, known)      # {} when clean, else counts by category (no values)
    is_part2(chart, options)         # 42 CFR Part 2: local models only
    logging.getLogger().handlers[0].addFilter(PhiLogFilter())

How the hooks combine: ``bridge_redact`` (firstresult) returns the union of three layers,
known identifiers, patterns, and the project's flair tagger (which degrades to layers 1+2
with a warning when its model is missing). The host then calls ``bridge_leak_check``
(firstresult) on the redacted text and sends nothing unless it returns ``{}``; after the
model answers, the host calls ``Redacted.restore``. ``bridge_is_part2`` (firstresult)
answers while the chart loads, and ``bridge_option_defaults`` declares this plugin's
options. The plugin is essential: the host never lets a practice disable it.
"""
from __future__ import annotations

from plugins.redaction.hooks import (
    bridge_is_part2,
    bridge_leak_check,
    bridge_option_defaults,
    bridge_redact,
)
from plugins.redaction.leak import leak_check
from plugins.redaction.logfilter import PhiLogFilter, scrub
from plugins.redaction.part2 import is_part2
from plugins.redaction.pipeline import redact
from plugins.redaction.placeholders import Redaction

__all__ = [
    "PhiLogFilter",
    "Redaction",
    "bridge_is_part2",
    "bridge_leak_check",
    "bridge_option_defaults",
    "bridge_redact",
    "is_part2",
    "leak_check",
    "redact",
    "scrub",
]
