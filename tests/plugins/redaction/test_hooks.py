"""The plugin through pluggy, exactly as the host calls it."""
from __future__ import annotations

import pluggy
import pytest

import hooks.specs
import plugins.redaction
from hooks import PROJECT
from hooks.types import Chart, Diagnosis, KnownIdentifiers, Span


@pytest.fixture
def pm() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hooks.specs)
    manager.register(plugins.redaction, name="redaction")
    manager.check_pending()  # every impl matches a spec
    return manager


def test_hook_bridge_redact(pm: pluggy.PluginManager) -> None:
    known = KnownIdentifiers(patient=["Ines Halvorsen"])
    result = pm.hook.bridge_redact(text="Ines Halvorsen called 503-555-0187.", known=known, options={})
    assert "Halvorsen" not in result.text and "503" not in result.text
    assert all(isinstance(span, Span) for span in result.spans)
    assert result.restore(result.text) == "Ines Halvorsen called 503-555-0187."


def test_hook_bridge_leak_check(pm: pluggy.PluginManager) -> None:
    known = KnownIdentifiers(patient=["Ines Halvorsen"])
    assert pm.hook.bridge_leak_check(text="Ines said hi", known=known) == {"PATIENT": 1}
    assert pm.hook.bridge_leak_check(text="[PATIENT_1] said hi", known=known) == {}


def test_hook_bridge_is_part2(pm: pluggy.PluginManager) -> None:
    chart = Chart("p", 3, None, None, None, {}, diagnoses=[Diagnosis("F10.20", "Alcohol dependence")])
    assert pm.hook.bridge_is_part2(chart=chart, options={"part2_pids": []}) is True


def test_hook_bridge_option_defaults(pm: pluggy.PluginManager) -> None:
    assert pm.hook.bridge_option_defaults() == [{"redaction": {"part2_pids": [], "tagger": True}}]


def test_defaults_are_not_shared_mutable_state(pm: pluggy.PluginManager) -> None:
    pm.hook.bridge_option_defaults()[0]["redaction"]["part2_pids"].append(1)
    assert pm.hook.bridge_option_defaults()[0]["redaction"]["part2_pids"] == []


def test_package_docstring_says_how_hooks_combine() -> None:
    doc = plugins.redaction.__doc__ or ""
    assert all(name in doc for name in ("bridge_redact", "bridge_leak_check", "bridge_is_part2", "firstresult"))
