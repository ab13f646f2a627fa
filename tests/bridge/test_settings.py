"""Configuration errors name the file, the key and the fix; secrets come from the environment."""
from __future__ import annotations

from pathlib import Path

import pytest

from bridge.settings import ConfigError, load
from tests.conftest import write_config


def test_example_configuration_loads(monkeypatch):
    # The shipped example is what an IT admin copies: it must load as it is
    monkeypatch.setenv("AIB_EXAMPLE_DB_PASSWORD", "secret")
    monkeypatch.setenv("AIB_OPENAI_API_KEY", "sk-test")
    settings = load(Path(__file__).resolve().parents[2] / "config" / "bridge.example.toml")
    assert "example" in settings.practices
    assert settings.practice("example").database.password == "secret"
    assert {e.kind for e in settings.endpoints} <= {"external", "local"}


def test_missing_file_says_how_to_create_it(tmp_path):
    with pytest.raises(ConfigError, match="copy config/bridge.example.toml"):
        load(tmp_path / "nope.toml")


def test_wrong_type_names_the_key_and_the_value(tmp_path):
    config = write_config(tmp_path, "db", extra_bridge="")
    config.write_text(config.read_text().replace("threads = 2", 'threads = "many"'))
    with pytest.raises(ConfigError, match=r"threads must be int, got 'many'"):
        load(config)


def test_literal_password_is_refused(tmp_path):
    config = write_config(tmp_path, "db")
    practice = tmp_path / "practices" / "test.toml"
    practice.write_text(practice.read_text().replace('password = ""', 'password = "hunter2"'))
    with pytest.raises(ConfigError, match=r'password = \{ env = "VARIABLE" \}'):
        load(config)


def test_password_env_variable_must_be_set(tmp_path, monkeypatch):
    monkeypatch.delenv("AIB_TEST_UNSET_PW", raising=False)
    config = write_config(tmp_path, "db", password_env="AIB_TEST_UNSET_PW")
    with pytest.raises(ConfigError, match="AIB_TEST_UNSET_PW, which is not set"):
        load(config)


def test_endpoint_must_declare_where_it_runs(tmp_path):
    config = write_config(tmp_path, "db", extra_bridge='[llm.endpoints.x]\nbase_url = "http://127.0.0.1:9"\nmodel = "m"\n')
    with pytest.raises(ConfigError, match='kind must be "external" or "local"'):
        load(config)


def test_unknown_practice_lists_the_configured_ones(tmp_path):
    settings = load(write_config(tmp_path, "db"))
    with pytest.raises(ConfigError, match=r"no practice named 'other' \(configured: test\)"):
        settings.practice("other")


def test_several_practices_in_one_deployment(tmp_path):
    config = write_config(tmp_path, "db_a")
    (tmp_path / "practices" / "second.toml").write_text(
        'name = "second"\n[database]\ndatabase = "db_b"\npassword = ""\n[plugins]\nenabled = ["notes"]\n')
    settings = load(config)
    assert settings.practice("second").database.database == "db_b"
    assert settings.practice("test").database.database == "db_a"
    assert settings.practice("second").enabled == ("notes",)
