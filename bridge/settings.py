"""Typed configuration, validated on load.

One deployment file (``bridge.toml``: Redis, workers, detector, LLM endpoints, plugin
allowlist) and one file per practice (an OpenEMR site with its own database, enabled plugins
and their options). Secrets are referenced as ``{ env = "VAR" }`` and read from the
environment; a literal secret in a file is an error. Every error names the file, the key and
the fix.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridge.llm.endpoint import Endpoint

SECRET_KEYS = frozenset({"password", "api_key"})


class ConfigError(ValueError):
    """A configuration value is missing or wrong; the message says where and how to fix it."""


@dataclass(frozen=True)
class DatabaseSettings:
    host: str = "127.0.0.1"
    port: int = 3306
    user: str = "root"
    password: str = ""
    database: str = "openemr"
    socket: str = ""

    def url(self) -> str:
        from sqlalchemy.engine import URL

        query = {"charset": "utf8mb4"}
        if self.socket:
            query["unix_socket"] = self.socket
        return URL.create(
            "mysql+pymysql", username=self.user, password=self.password or None,
            host=self.host, port=self.port, database=self.database, query=query,
        ).render_as_string(hide_password=False)


@dataclass(frozen=True)
class PracticeSettings:
    name: str
    database: DatabaseSettings
    enabled: tuple[str, ...]
    options: dict[str, dict[str, Any]]
    service_user: str = "aibridge"
    source: str = ""


@dataclass(frozen=True)
class Settings:
    redis_url: str = "redis://127.0.0.1:6379/0"
    worker_processes: int = 1
    worker_threads: int = 8
    max_retries: int = 5
    min_backoff_ms: int = 500
    max_backoff_ms: int = 60_000
    poll_seconds: float = 0.25
    rescan_window: int = 50
    debounce_seconds: float = 1.0
    requeue_after_seconds: int = 300
    appointment_lead_days: int = 3
    heartbeat_timeout_ms: int = 30_000
    endpoints: tuple[Endpoint, ...] = ()
    allow_plugins: tuple[str, ...] = ()
    practices: dict[str, PracticeSettings] = field(default_factory=dict)
    source: str = ""

    def practice(self, name: str) -> PracticeSettings:
        try:
            return self.practices[name]
        except KeyError:
            known = ", ".join(sorted(self.practices)) or "none"
            raise ConfigError(
                f"no practice named {name!r} (configured: {known}); add "
                f"practices/{name}.toml next to {self.source or 'bridge.toml'}"
            ) from None


def load(path: str | os.PathLike[str] | None = None) -> Settings:
    """Load ``bridge.toml`` (default: $AIB_CONFIG or ./config/bridge.toml) and its practices."""
    cfg = Path(path or os.environ.get("AIB_CONFIG", "config/bridge.toml"))
    if not cfg.is_file():
        raise ConfigError(
            f"configuration file {cfg} not found; copy config/bridge.example.toml to {cfg} "
            "or set AIB_CONFIG to its path"
        )
    raw = _read_toml(cfg)
    practices_dir = cfg.parent / str(raw.get("practices_dir", "practices"))
    practices = {}
    if practices_dir.is_dir():
        for file in sorted(practices_dir.glob("*.toml")):
            if file.name.endswith(".example.toml"):
                continue
            practice = _practice(file, _read_toml(file))
            practices[practice.name] = practice
    return _settings(cfg, raw, practices)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax at that line") from exc


def _settings(cfg: Path, raw: dict[str, Any], practices: dict[str, PracticeSettings]) -> Settings:
    where = str(cfg)
    redis = _table(raw, "redis", where)
    worker = _table(raw, "worker", where)
    detector = _table(raw, "detector", where)
    plugins = _table(raw, "plugins", where)
    endpoints = tuple(
        _endpoint(name, body, f"{where} [llm.endpoints.{name}]")
        for name, body in _table(_table(raw, "llm", where), "endpoints", where).items()
    )
    return Settings(
        redis_url=os.environ.get("AIB_REDIS_URL") or _get(redis, "url", str, "redis://127.0.0.1:6379/0", where),
        worker_processes=_get(worker, "processes", int, 1, where),
        worker_threads=_get(worker, "threads", int, 8, where),
        max_retries=_get(worker, "max_retries", int, 5, where),
        min_backoff_ms=_get(worker, "min_backoff_ms", int, 500, where),
        max_backoff_ms=_get(worker, "max_backoff_ms", int, 60_000, where),
        poll_seconds=float(_get(detector, "poll_seconds", (int, float), 0.25, where)),
        rescan_window=_get(detector, "rescan_window", int, 50, where),
        debounce_seconds=float(_get(detector, "debounce_seconds", (int, float), 1.0, where)),
        requeue_after_seconds=_get(detector, "requeue_after_seconds", int, 300, where),
        appointment_lead_days=_get(detector, "appointment_lead_days", int, 3, where),
        heartbeat_timeout_ms=_get(redis, "heartbeat_timeout_ms", int, 30_000, where),
        endpoints=endpoints,
        allow_plugins=tuple(_get(plugins, "allow", list, [], where)),
        practices=practices,
        source=where,
    )


def _practice(path: Path, raw: dict[str, Any]) -> PracticeSettings:
    where = str(path)
    name = _get(raw, "name", str, path.stem, where)
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"{where}: name {name!r} may only hold letters, digits, '-' and '_'")
    db = _table(raw, "database", where)
    plugins = _table(raw, "plugins", where)
    enabled = _get(plugins, "enabled", list, ["notes", "plans", "assessments"], where)
    options = {k: v for k, v in plugins.items() if isinstance(v, dict)}
    return PracticeSettings(
        name=name,
        database=DatabaseSettings(
            host=_get(db, "host", str, "127.0.0.1", where),
            port=_get(db, "port", int, 3306, where),
            user=_get(db, "user", str, "root", where),
            password=_secret(db, "password", where),
            database=_get(db, "database", str, "openemr", where),
            socket=_get(db, "socket", str, "", where),
        ),
        enabled=tuple(str(x) for x in enabled),
        options=options,
        service_user=_get(raw, "service_user", str, "aibridge", where),
        source=where,
    )


def _endpoint(name: str, body: Any, where: str) -> Endpoint:
    if not isinstance(body, dict):
        raise ConfigError(f"{where}: must be a table with base_url, model and kind")
    kind = _get(body, "kind", str, "", where)
    if kind not in ("external", "local"):
        raise ConfigError(f"{where}: kind must be \"external\" or \"local\", got {kind!r}; "
                          "declare where the endpoint runs")
    base_url = _get(body, "base_url", str, "", where)
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: base_url {base_url!r} must start with http:// or https://")
    model = _get(body, "model", str, "", where)
    if not model:
        raise ConfigError(f"{where}: model is missing; name the model the endpoint serves")
    return Endpoint(
        name=name, base_url=base_url.rstrip("/"), model=model, kind=kind,
        api_key=_secret(body, "api_key", where),
        timeout_seconds=float(_get(body, "timeout_seconds", (int, float), 30.0, where)),
        retries=_get(body, "retries", int, 1, where),
        json_mode=_get(body, "json_mode", bool, True, where),
        json_schema=_get(body, "json_schema", bool, False, where),
        temperature=float(_get(body, "temperature", (int, float), 0.2, where)),
        max_tokens=_get(body, "max_tokens", int, 1500, where),
    )


def _table(raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table, got {type(value).__name__}")
    return value


def _get(raw: dict[str, Any], key: str, kind: Any, default: Any, where: str) -> Any:
    if key not in raw:
        return default
    value = raw[key]
    if isinstance(value, bool) and kind is int or not isinstance(value, kind):
        wanted = kind.__name__ if isinstance(kind, type) else "number"
        raise ConfigError(f"{where}: {key} must be {wanted}, got {value!r}; fix that value")
    return value


def _secret(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        if value == "":
            return ""
        raise ConfigError(
            f"{where}: {key} is written in the file; secrets come from the environment: "
            f"write {key} = {{ env = \"VARIABLE\" }} and export VARIABLE"
        )
    if not isinstance(value, dict) or set(value) != {"env"}:
        raise ConfigError(f"{where}: {key} must be {{ env = \"VARIABLE\" }}, got {value!r}")
    var = str(value["env"])
    if var not in os.environ:
        raise ConfigError(f"{where}: {key} refers to environment variable {var}, which is not "
                          f"set; export {var} (it may be empty) before starting the bridge")
    return os.environ[var]
