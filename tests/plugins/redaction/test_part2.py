"""42 CFR Part 2 detection."""
from __future__ import annotations

import pytest

from hooks.types import Chart, Diagnosis
from plugins.redaction import is_part2


def chart(codes: list[str], part2: bool = False, pid: int = 7) -> Chart:
    return Chart(practice="p", pid=pid, encounter=1, encounter_date=None, clinician=None,
                 session_input={}, diagnoses=[Diagnosis(code, "x") for code in codes], part2=part2)


@pytest.mark.parametrize(("codes", "part2", "options", "expected"), [
    (["F10.20"], False, {}, True),  # alcohol dependence
    (["F33.1", "F19.10"], False, {}, True),  # other substance, second diagnosis
    (["F11"], False, {}, True),  # code without decimals
    (["ICD10:F12.90"], False, {}, True),  # host left the ICD10 prefix on
    (["F32.9", "F41.1"], False, {}, False),  # depression and anxiety only
    (["F20.9"], False, {}, False),  # F20 is not F10-F19
    (["F1"], False, {}, False),  # truncated code is not a SUD code
    ([], True, {}, True),  # chart already flagged
    ([], False, {"part2_pids": [7]}, True),  # practice lists the pid
    ([], False, {"part2_pids": ["7"]}, True),  # pid listed as text in TOML
    ([], False, {"part2_pids": [8]}, False),  # another patient listed
])
def test_is_part2(codes: list[str], part2: bool, options: dict, expected: bool) -> None:
    assert is_part2(chart(codes, part2), options) is expected
