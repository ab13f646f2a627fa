"""42 CFR Part 2: is this patient's text restricted to local language models?"""
from __future__ import annotations

import re
from typing import Any

from hooks.types import Chart

_SUD_CODE_RE = re.compile(r"^(?:ICD10:)?\s*F1\d(?:\.|$|\d)", re.IGNORECASE)


def is_part2(chart: Chart, options: dict[str, Any] | None = None) -> bool:
    """True for a substance-use diagnosis (ICD-10 F10-F19), a Part 2 flag on the chart,
    or a pid listed in ``options["part2_pids"]``."""
    if chart.part2:
        return True
    if any(_SUD_CODE_RE.match(diagnosis.code.strip()) for diagnosis in chart.diagnoses):
        return True
    listed = (options or {}).get("part2_pids") or []
    return str(chart.pid) in {str(pid).strip() for pid in listed}
