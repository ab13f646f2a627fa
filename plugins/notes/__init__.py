"""Notes plugin: a signable progress note seconds after the clinician saves a Session Input.

Hooks and how they combine:

- ``bridge_layouts`` / ``bridge_lists``: the Session Input LBF ``LBFaibsi`` and the note LBFs
  ``LBFaibsoap``, ``LBFaibdap``, ``LBFaibbirp``, ``LBFaibgirp`` (clinical sections, Risk,
  session metadata, and a Review section kept apart from the note), plus their lists.
- ``bridge_option_defaults``: ``default_format`` ("DAP"), ``backend`` ("template" | "llm"),
  ``session_formdir`` ("LBFaibsi").
- ``bridge_accepts_event``: ``FORM_SAVED`` events of the Session Input form.
- ``bridge_handle_event``: reads ``ctx.chart(event)`` (session input, diagnoses, goals from the
  plans plugin, scores from the assessments plugin, prior notes), composes the note in the
  chosen format (the Session Input's ``note_format`` overrides the practice default), runs
  the pre-sign checklist, and returns one ``progress_note`` Draft plus same-day Alerts for
  SI/HI endorsed or written in the input. With ``backend = "llm"`` the clinical sections come
  from ``ctx.complete`` when they pass the grounding check, else the template writes them and
  the fallback is audited.
- ``bridge_validate_draft``: a progress-note draft must have its required sections.
"""
from __future__ import annotations

from plugins.notes.hooks import (
    bridge_accepts_event,
    bridge_handle_event,
    bridge_layouts,
    bridge_lists,
    bridge_option_defaults,
    bridge_validate_draft,
)

__all__ = [
    "bridge_accepts_event",
    "bridge_handle_event",
    "bridge_layouts",
    "bridge_lists",
    "bridge_option_defaults",
    "bridge_validate_draft",
]
