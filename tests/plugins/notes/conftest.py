"""Notes plugin test configuration: the opt-in real-model marker is skipped unless asked for."""
from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("AIB_REAL_LLM") == "1":
        return
    skip = pytest.mark.skip(reason="real local model test: set AIB_REAL_LLM=1 to run")
    for item in items:
        if "llm_real" in item.keywords:
            item.add_marker(skip)
