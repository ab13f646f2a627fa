"""Treatment plans drafted from the chart, as an unsigned "Treatment Plan (AI Draft)" LBF.

How the hooks combine:

- ``bridge_layouts`` / ``bridge_lists`` / ``bridge_option_defaults`` (installer, config):
  the ``LBFaibtp`` form with five fixed goal slots, its two lists, and the options
  (``review_days``, ``review_lead_days``, ``intake_formdirs``, session length, frequency, ...).
- ``bridge_accepts_event`` (detector): Session Input saves, the practice's intake forms, new
  ``lists`` diagnoses, upcoming appointments and plan-review-due events.
- ``bridge_handle_event`` (worker): reads the patient's plans from OpenEMR's ``forms``,
  ``esign_signatures`` and ``lbf_data`` (:mod:`.store`), decides initial / review / update
  (:mod:`.triggers`; never while an unsigned plan exists), composes the plan from the
  diagnosis library in ``data/library.toml`` (:mod:`.library`, :mod:`.goalset`,
  :mod:`.compose`) and returns a new draft, plus a ``form_care_plan`` mirror where OpenEMR
  has ``plan_status`` (:mod:`.care_plan`).
- ``bridge_validate_draft`` (worker): every Medicare element (REFERENCE.md 6c) present and
  the attestation left empty.
- ``bridge_active_goals`` (worker, golden thread): the goals ``G1``..``G5`` of the latest
  signed plan, or of the latest unsigned draft when none is signed yet, so notes written
  between intake and signature can already cite them.
"""
from __future__ import annotations

from plugins.plans.hooks import (
    bridge_accepts_event,
    bridge_active_goals,
    bridge_handle_event,
    bridge_layouts,
    bridge_lists,
    bridge_option_defaults,
    bridge_validate_draft,
)

__all__ = [
    "bridge_accepts_event",
    "bridge_active_goals",
    "bridge_handle_event",
    "bridge_layouts",
    "bridge_lists",
    "bridge_option_defaults",
    "bridge_validate_draft",
]
