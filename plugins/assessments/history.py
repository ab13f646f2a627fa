"""The patient's score history, oldest first (answers ``bridge_score_history``).

Source of truth, per administration:
1. a live (not deleted) ``LBFaibscore`` form: the scored result the clinician reviewed,
   keyed by its ``source`` field (e.g. ``questionnaire_response:7``, ``forms:42``);
2. otherwise the raw administration, scored here the same way: completed
   ``questionnaire_response`` rows for PHQ-9/GAD-7/PCL-5 and, when ``use_native_forms``,
   live ``form_phq9``/``form_gad7`` rows.
Each administration has one canonical source key (see :mod:`sources`), so an administration
with a scored result is never counted twice. The "New Questionnaire" encounter form is not
read: it mirrors a ``questionnaire_response`` row. Incomplete administrations (not scored)
are left out.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hooks.types import Score
from plugins.assessments import sources, store
from plugins.assessments.instruments import identify
from plugins.assessments.scoring import score


def _from_result(fields: dict[str, str]) -> Score | None:
    inst = identify(fields.get("instrument"))
    day = store.as_date(fields.get("admin_date"))
    total = fields.get("total", "").strip()
    if inst is None or day is None or not total.lstrip("-").isdigit():
        return None
    item9 = fields.get("item9", "").strip()
    return Score(inst.key, int(total), fields.get("band", ""), day,
                 int(item9) if item9.isdigit() else None, fields.get("source", ""))


def _scored(admin: sources.Administration, cutoff: int) -> Score | None:
    result = score(admin.instrument, admin.answers, cutoff=cutoff)
    if result.total is None or result.band is None:
        return None
    return Score(admin.instrument.key, result.total, result.band, admin.date, result.item9,
                 admin.source_key)


def _raw(db: Any, pid: int, use_native: bool) -> list[sources.Administration]:
    found = []
    for row in store.questionnaire_responses(db, pid):
        admin = sources.from_response(row, pid=pid, source_key=f"questionnaire_response:{row['id']}",
                                      when=row.get("last_updated") or row.get("create_time"))
        if admin is not None:
            found.append(admin)
    if use_native:
        for formdir in sources.NATIVE_INSTRUMENTS:
            found += [sources.from_native(formdir, row) for row in store.native_forms(db, pid, formdir)]
    return found


def score_history(db: Any, pid: int, options: Mapping[str, Any]) -> list[Score]:
    """Scores oldest first, one per administration."""
    scores = [s for s in map(_from_result, store.scored_results(db, pid)) if s is not None]
    seen = {s.source for s in scores if s.source}
    cutoff = int(options.get("pcl5_cutoff", 33))
    for admin in _raw(db, pid, bool(options.get("use_native_forms", True))):
        if admin.source_key in seen:
            continue
        found = _scored(admin, cutoff)
        if found is not None:
            scores.append(found)
            seen.add(admin.source_key)
    enabled = set(options.get("instruments", (s.instrument for s in scores)))
    return sorted((s for s in scores if s.instrument in enabled), key=lambda s: (s.date, s.source))
