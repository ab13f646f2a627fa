"""Fixtures for the host's tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.bridge.processes import start_detector, start_worker, stop


@pytest.fixture
def procs(tmp_path: Path):
    """Start real bridge processes (``procs("worker", config)``); all are stopped after the test."""
    started = []

    def launch(kind: str, config: Path):
        proc = (start_worker if kind == "worker" else start_detector)(config, tmp_path / f"{kind}{len(started)}.log")
        started.append(proc)
        return proc

    yield launch
    for proc in started:
        stop(proc)
