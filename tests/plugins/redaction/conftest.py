"""Fixtures for the redaction plugin tests: synthetic (invented) people only."""
from __future__ import annotations

import pytest

from hooks.types import KnownIdentifiers
from plugins.redaction.tagger import default_tagger


@pytest.fixture(scope="session")
def tagger():
    """The shipped tagger, loaded once (skips nothing: a missing model fails the test)."""
    model = default_tagger()
    assert model.available, "plugins/redaction/model/phi-tagger.pt must ship with the plugin"
    return model


@pytest.fixture
def chart_known() -> KnownIdentifiers:
    """An invented patient's chart identifiers."""
    return KnownIdentifiers(
        patient=["Hope Marie Kowalczyk-Dunne", "Hopey"],
        relative=["William Dunne", "Rosa Kowalczyk"],
        clinician=["Dr. Tamsin Achebe, LCSW"],
        org=["Larchmont Freight Ltd"],
        location=["4411 Quillon Terrace", "Port Averly"],
        date=["1984-03-07"],
        id=["MRN0074123", "561-22-9087"],
        phone=["(503) 555-0187"],
        email=["hkdunne84@examplemail.com"],
        zip=["97211"],
    )
