"""Assessments: recommend, deliver to the portal, score, flag (measurement-based care).

How the hooks combine:

- ``bridge_option_defaults`` / ``bridge_layouts``: the practice options (lead days, cadence,
  PCL-5 cutoff, native forms) and the ``LBFaibscore`` "Scored Assessment (AI Draft)" form.
- ``bridge_accepts_event``: upcoming appointments (delivery), completed portal
  questionnaires, and saves of OpenEMR's native PHQ-9/GAD-7 and "New Questionnaire" forms.
- ``bridge_handle_event``: for an appointment, the instruments the patient's diagnoses call
  for and the cadence makes due become ``Delivery`` objects (the host writes them with
  ``bridge.ehr.portal.write_delivery``); for a completion, fixed-code scoring becomes an
  unsigned ``assessment_result`` draft in the encounter, plus a same-day ``Alert`` when PHQ-9
  item 9 is above 0, whatever the total.
- ``bridge_recommended_measures``: the clinician's shortlist (instruments the diagnoses call
  for, due or not), shown in each drafted note's Review section.
- ``bridge_score_history``: scores oldest first, feeding the notes' golden thread and the
  plans' objectives.

Instruments are data (``data/*.json``); scoring is code (``scoring.py``), never a model.
"""
from __future__ import annotations

from plugins.assessments.hooks import (
    bridge_accepts_event,
    bridge_handle_event,
    bridge_layouts,
    bridge_lists,
    bridge_option_defaults,
    bridge_recommended_measures,
    bridge_score_history,
)

__all__ = [
    "bridge_accepts_event",
    "bridge_handle_event",
    "bridge_layouts",
    "bridge_lists",
    "bridge_option_defaults",
    "bridge_recommended_measures",
    "bridge_score_history",
]
