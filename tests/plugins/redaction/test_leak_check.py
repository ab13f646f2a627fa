"""The fail-closed leak check counts what is left, by category, never by value."""
from __future__ import annotations

from hooks.types import KnownIdentifiers
from plugins.redaction import leak_check, redact


def test_redacted_text_is_clean(chart_known: KnownIdentifiers) -> None:
    text = ("Hope Kowalczyk-Dunne (DOB 03/07/1984, MRN0074123) lives at 4411 Quillon Terrace, Port Averly "
            "97211. Call (503) 555-0187 or hkdunne84@examplemail.com. Dr. Achebe saw her on 5/2/2024.")
    assert leak_check(redact(text, chart_known, tagger=False).text, chart_known) == {}


def test_original_text_is_counted_by_category(chart_known: KnownIdentifiers) -> None:
    counts = leak_check("Hopey called from 503-555-0187 on 3/14/2024 about MRN0074123.", chart_known)
    assert counts == {"PATIENT": 1, "PHONE": 1, "DATE": 1, "ID": 1}


def test_counts_never_carry_values(chart_known: KnownIdentifiers) -> None:
    counts = leak_check("Rosa Kowalczyk phoned.", chart_known)
    assert counts == {"RELATIVE": 1}
    assert all(isinstance(v, int) for v in counts.values())


def test_known_identifier_left_in_model_output_is_caught(chart_known: KnownIdentifiers) -> None:
    assert leak_check("[PATIENT_1] works at Larchmont Freight.", chart_known) == {"ORG": 1}


def test_placeholders_do_not_count(chart_known: KnownIdentifiers) -> None:
    text = "[PATIENT_1] met [ RELATIVE_2 ] on [DATE_1] at [LOCATION_1], [ZIP_1]; call [PHONE_3]."
    assert leak_check(text, chart_known) == {}


def test_no_known_identifiers_still_checks_patterns() -> None:
    assert leak_check("Email a.b@example.com", None) == {"EMAIL": 1}
