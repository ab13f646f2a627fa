"""The plugin manager: builtins by name, redaction essential, allowlist only, per-practice sets."""
from __future__ import annotations

import pytest

from bridge.plugins import BUILTIN_PLUGINS, Hooks, PluginError, build_manager, plugin_names
from hooks.types import Event, EventKind


@pytest.fixture(scope="module")
def pm():
    return build_manager()


def test_builtins_are_registered_by_name(pm):
    assert plugin_names(pm) == [name for name, _ in BUILTIN_PLUGINS]


def test_redaction_cannot_be_disabled(pm):
    with pytest.raises(PluginError, match="'redaction' is essential and cannot be disabled"):
        Hooks(pm, ["notes", "-redaction"], where="practices/a.toml")


def test_redaction_runs_even_when_not_listed(pm):
    hooks = Hooks(pm, ["notes"])
    assert "redaction" in hooks.enabled and "plans" not in hooks.enabled


def test_unknown_plugin_is_named_with_the_alternatives(pm):
    with pytest.raises(PluginError, match="unknown plugin 'billing'.*available: assessments, notes, plans, redaction"):
        Hooks(pm, ["billing"])


def test_unknown_option_is_named(pm):
    with pytest.raises(PluginError, match=r"unknown option\(s\) colour in \[plugins.notes\]"):
        Hooks(pm, ["notes"], {"notes": {"colour": "blue"}})


def test_third_party_plugin_must_be_allowlisted_and_installed():
    with pytest.raises(PluginError, match="allowlisted plugin 'acme_notes' is not installed"):
        build_manager(allow=["acme_notes"])


def test_disabled_plugin_gets_no_events(pm):
    event = Event(1, "test", EventKind.FORM_SAVED, 1, 1, "forms", 10, "LBFaibsi", "clin")
    assert "notes" in Hooks(pm, ["notes"]).accepting_plugins(event)
    assert "notes" not in Hooks(pm, ["plans", "assessments"]).accepting_plugins(event)


def test_option_defaults_are_overridden_per_practice(pm):
    hooks = Hooks(pm, ["notes"], {"notes": {"default_format": "SOAP"}})
    assert hooks.options("notes")["default_format"] == "SOAP"
    assert Hooks(pm, ["notes"]).options("notes")["default_format"] == "DAP"
