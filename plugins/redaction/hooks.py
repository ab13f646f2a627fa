"""Hook implementations of the essential redaction plugin (worker process)."""
from __future__ import annotations

from typing import Any

from hooks import hookimpl
from hooks.types import Chart, KnownIdentifiers, Redacted
from plugins.redaction.leak import leak_check
from plugins.redaction.part2 import is_part2
from plugins.redaction.pipeline import redact

OPTION_DEFAULTS: dict[str, Any] = {"part2_pids": [], "tagger": True}


@hookimpl
def bridge_option_defaults() -> dict[str, dict[str, Any]]:
    """``part2_pids``: pids always treated as Part 2; ``tagger``: run the name tagger."""
    return {"redaction": {key: (list(v) if isinstance(v, list) else v) for key, v in OPTION_DEFAULTS.items()}}


@hookimpl
def bridge_redact(text: str, known: KnownIdentifiers, options: dict[str, Any]) -> Redacted:
    """All three layers (the tagger unless the practice set ``tagger = false``); the mapping
    stays in the returned object, in memory."""
    return redact(text, known, tagger=bool(options.get("tagger", True)))


@hookimpl
def bridge_leak_check(text: str, known: KnownIdentifiers) -> dict[str, int]:
    """Known identifiers and PHI patterns left in ``text``, counted by category."""
    return leak_check(text, known)


@hookimpl
def bridge_is_part2(chart: Chart, options: dict[str, Any]) -> bool:
    """Substance-use diagnosis (F10-F19), chart flag, or pid in ``part2_pids``."""
    return is_part2(chart, options)
