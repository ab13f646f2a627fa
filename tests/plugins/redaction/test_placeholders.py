"""Placeholders: typed, indexed at random per document, consistent, and restorable."""
from __future__ import annotations

import re

import pytest

from hooks.types import KnownIdentifiers
from plugins.redaction import redact

TEXT = ("Hope Kowalczyk saw Dr. Tamsin Achebe on 3/14/2024. HOPE KOWALCZYK called (503) 555-0187 "
        "on 3/21/2024 and 4/2/2024; hope kowalczyk's email is hk84@examplemail.com.")
KNOWN = KnownIdentifiers(patient=["Hope Kowalczyk"])


def test_placeholders_are_typed_and_indexed() -> None:
    result = redact(TEXT, KNOWN, tagger=False)
    found = set(re.findall(r"\[([A-Z]+)_(\d+)\]", result.text))
    assert {kind for kind, _ in found} == {"PATIENT", "CLINICIAN", "DATE", "PHONE", "EMAIL"}
    assert {int(n) for kind, n in found if kind == "DATE"} == {1, 2, 3}


def test_same_value_same_placeholder_in_any_case() -> None:
    result = redact(TEXT, KNOWN, tagger=False)
    patient = [p for p, v in result.mapping.items() if p.startswith("[PATIENT_")]
    assert len(patient) == 1 and result.text.count(patient[0]) == 3


def test_numbering_is_random_per_document() -> None:
    # Given three dates, When the same text is redacted many times,
    # Then the first date does not always get the same number.
    firsts = {re.search(r"\[DATE_\d\]", redact(TEXT, KNOWN, tagger=False).text).group() for _ in range(40)}
    assert len(firsts) > 1


def test_spans_are_in_original_offsets() -> None:
    result = redact(TEXT, KNOWN, tagger=False)
    values = {TEXT[s.start : s.end] for s in result.spans}
    assert {"Hope Kowalczyk", "3/14/2024", "(503) 555-0187", "hk84@examplemail.com"} <= values
    assert all(s.layer in ("known", "pattern") for s in result.spans)


def test_restore_round_trip() -> None:
    # Case variants share one placeholder, so they come back as the first rendering seen.
    result = redact(TEXT, KNOWN, tagger=False)
    restored = result.restore(result.text)
    assert restored.lower() == TEXT.lower() and restored.count("Hope Kowalczyk") == 3


@pytest.mark.parametrize("variant", [
    "[patient_{n}]",  # lower case
    "[ PATIENT_{n} ]",  # inner spaces
    "[Patient {n}]",  # space instead of underscore
    "[PATIENT-{n}]",  # hyphen
    "PATIENT_{n}",  # brackets dropped by the model
])
def test_restore_tolerates_variants(variant: str) -> None:
    result = redact("Hope Kowalczyk is doing better.", KNOWN, tagger=False)
    number = re.search(r"\[PATIENT_(\d+)\]", result.text).group(1)
    assert result.restore(f"Summary: {variant.format(n=number)} improved.") == "Summary: Hope Kowalczyk improved."


def test_restore_leaves_unknown_placeholders() -> None:
    result = redact("Hope Kowalczyk is doing better.", KNOWN, tagger=False)
    answer = "[PATIENT_7] met [RELATIVE_1] on [DATE_99]."
    assert result.restore(answer) == answer


def test_repr_shows_no_values() -> None:
    result = redact("Hope Kowalczyk is doing better.", KNOWN, tagger=False)
    assert "Kowalczyk" not in repr(result) and "Kowalczyk" not in str(result)
