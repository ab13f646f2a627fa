"""No PHI in logs: the pipeline logs counts only, and PhiLogFilter scrubs what others log."""
from __future__ import annotations

import logging
import re

import pytest

from plugins.redaction import PhiLogFilter, leak_check, redact, scrub
from plugins.redaction.training.synth import Generator


def identifiers(sample) -> set[str]:
    values = {sample.text[s:e] for s, e, _ in sample.spans} | {v for _, v in sample.known.items()}
    return {v for v in values if len(v) >= 4 and not v.isdigit() or len(re.sub(r"\D", "", v)) >= 5}


def test_pipeline_logs_no_identifiers(caplog: pytest.LogCaptureFixture, tagger) -> None:
    # Given synthetic patients, When the whole pipeline runs with DEBUG logging captured,
    caplog.set_level(logging.DEBUG)
    gen = Generator(seed=99, split="test")
    seen: set[str] = set()
    for _ in range(12):
        sample = gen.session()
        seen |= identifiers(sample)
        result = redact(sample.text, sample.known, tagger=tagger)
        leak_check(sample.text, sample.known)  # logs a warning with counts
        result.restore(result.text)
    # Then something was logged, and none of their identifiers is in it.
    assert any(r.name.startswith("plugins.redaction") for r in caplog.records)
    logged = caplog.text
    assert [v for v in seen if v in logged] == []


@pytest.mark.parametrize(("message", "value"), [
    ("retrying after %s", "555-201-3344"),  # phone number as an argument
    ("bad date %s", "3/14/2024"),  # date as an argument
    ("patient email %s bounced", "ana.ruiz@example.org"),  # email
    ("lookup failed for MRN %s", "4471 2290"),  # id by context
    ("note mentions Dr. %s", "Ingrid Solberg"),  # name after a title
])
def test_filter_scrubs_pattern_phi(message: str, value: str) -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, message, (value,), None)
    assert PhiLogFilter().filter(record) is True
    assert value not in record.getMessage() and "[" in record.getMessage()


def test_filter_scrubs_known_identifiers_and_tracebacks(chart_known) -> None:
    try:
        raise ValueError("cannot parse note for Hopey Kowalczyk-Dunne")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed: %s", ("Hopey",), sys.exc_info())
    PhiLogFilter(known=chart_known).filter(record)
    formatted = logging.Formatter().format(record)
    assert "Hopey" not in formatted and "Kowalczyk" not in formatted and "ValueError" in formatted


def test_scrub_leaves_ordinary_messages_alone() -> None:
    assert scrub("worker 3 processed event 1542 in 0.42 s") == "worker 3 processed event 1542 in 0.42 s"
