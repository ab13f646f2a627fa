"""The four note formats: their LBF ids, clinical sections and what feeds each section.

Every format's LBF holds the same session metadata fields, a Risk section and a Review
section (checklist, golden thread, spelling, drafting) next to its own clinical sections,
so the clinician edits native fields and the pre-sign material stays apart from the note.
"""
from __future__ import annotations

from dataclasses import dataclass

META_FIELDS: tuple[tuple[str, str, int, str], ...] = (
    # field_id, title, data_type, list_id
    ("dos", "Date of service", 4, ""),
    ("start_time", "Start time", 2, ""),
    ("stop_time", "Stop time", 2, ""),
    ("minutes", "Psychotherapy minutes", 2, ""),
    ("cpt", "CPT code", 1, "aib_cpt"),
    ("modality", "Modality", 1, "aib_modality"),
    ("participants", "Participants", 2, ""),
    ("diagnoses", "Diagnoses (ICD-10)", 3, ""),
    ("goals_addressed", "Plan goals addressed", 2, ""),
)
RISK_FIELD = ("risk", "Risk assessment")
REVIEW_FIELDS: tuple[tuple[str, str], ...] = (
    ("review_checklist", "Pre-sign checklist"),
    ("review_thread", "Golden thread"),
    ("review_spelling", "Spelling corrections"),
    ("review_drafting", "How this draft was made"),
)


@dataclass(frozen=True)
class NoteFormat:
    name: str  # "DAP"
    formdir: str  # "LBFaibdap"
    title: str
    sections: tuple[tuple[str, str], ...]  # (field_id, title), in note order

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(fid for fid, _ in self.sections)

    @property
    def required(self) -> tuple[str, ...]:
        """Fields that must be non-empty before the draft may be written."""
        return self.section_ids + (RISK_FIELD[0], "review_checklist")


FORMATS: dict[str, NoteFormat] = {
    "SOAP": NoteFormat("SOAP", "LBFaibsoap", "Progress Note - SOAP (AI Draft)", (
        ("subjective", "Subjective"), ("objective", "Objective"),
        ("assessment", "Assessment"), ("plan", "Plan"))),
    "DAP": NoteFormat("DAP", "LBFaibdap", "Progress Note - DAP (AI Draft)", (
        ("data", "Data"), ("assessment", "Assessment"), ("plan", "Plan"))),
    "BIRP": NoteFormat("BIRP", "LBFaibbirp", "Progress Note - BIRP (AI Draft)", (
        ("behavior", "Behavior"), ("intervention", "Intervention"),
        ("response", "Response"), ("plan", "Plan"))),
    "GIRP": NoteFormat("GIRP", "LBFaibgirp", "Progress Note - GIRP (AI Draft)", (
        ("goal", "Goal"), ("intervention", "Intervention"),
        ("response", "Response"), ("plan", "Plan"))),
}

BY_FORMDIR = {fmt.formdir: fmt for fmt in FORMATS.values()}


def by_name(name: str) -> NoteFormat | None:
    return FORMATS.get(name.strip().upper())
