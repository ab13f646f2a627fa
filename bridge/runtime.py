"""Per-process runtime: settings, the plugin manager, and per-practice engines and hooks."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pluggy
from sqlalchemy.engine import Engine

from bridge.ehr.connect import make_engine
from bridge.plugins import Hooks, build_manager
from bridge.settings import PracticeSettings, Settings


@dataclass
class Practice:
    settings: PracticeSettings
    engine: Engine
    hooks: Hooks

    @property
    def name(self) -> str:
        return self.settings.name


@dataclass
class Runtime:
    settings: Settings
    pm: pluggy.PluginManager
    _practices: dict[str, Practice] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, settings: Settings) -> Runtime:
        return cls(settings, build_manager(settings.allow_plugins))

    def practice(self, name: str) -> Practice:
        with self._lock:
            found = self._practices.get(name)
            if found is None:
                ps = self.settings.practice(name)
                hooks = Hooks(self.pm, ps.enabled, ps.options, where=ps.source or name)
                # one connection per worker thread, plus the detector's lock and a spare
                pool = max(5, self.settings.worker_threads + 2)
                found = Practice(ps, make_engine(ps.database, pool_size=pool), hooks)
                self._practices[name] = found
            return found

    def dispose(self) -> None:
        with self._lock:
            for practice in self._practices.values():
                practice.engine.dispose()
            self._practices.clear()
