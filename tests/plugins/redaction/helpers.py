"""Assertions about what a reader of the redacted text would see."""
from __future__ import annotations

import re

from plugins.redaction.placeholders import Redaction


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(re.escape(value), text)]


def is_hidden(result: Redaction, text: str, value: str) -> bool:
    """Every word character of every occurrence of ``value`` lies inside a redacted span."""
    spots = occurrences(text, value)
    assert spots, f"test bug: {value!r} not in text"
    covered = {i for s in result.spans for i in range(s.start, s.end)}
    return all(i in covered for a, b in spots for i in range(a, b) if text[i].isalnum())


def is_kept(result: Redaction, text: str, value: str) -> bool:
    """No occurrence of ``value`` touches a redacted span, and it is still in the output."""
    spots = occurrences(text, value)
    assert spots, f"test bug: {value!r} not in text"
    touched = any(s.start < b and a < s.end for s in result.spans for a, b in spots)
    return not touched and value in result.text


def assert_hidden_and_kept(result: Redaction, text: str, hidden: list[str], kept: list[str]) -> None:
    """Every value of ``hidden`` is redacted and every value of ``kept`` is left as written."""
    for value in hidden:
        assert is_hidden(result, text, value), f"{value!r} visible in {result.text!r}"
    for value in kept:
        assert is_kept(result, text, value), f"{value!r} redacted in {result.text!r}"
