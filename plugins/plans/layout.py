"""The Treatment Plan LBF (``LBFaibtp``) the installer creates, and its field ids.

Goals sit in five fixed slots (an LBF has no repeating groups): ``goal_N`` with
``goal_N_dx``, ``goal_N_measure``, ``goal_N_objectives`` (one per line),
``goal_N_interventions`` (one per line), ``goal_N_target`` and ``goal_N_status``.
:data:`MEDICARE_ELEMENTS` maps each Medicare treatment-plan element (REFERENCE.md 6c) to the
field that carries it.
"""
from __future__ import annotations

from hooks.types import LayoutField, LayoutForm, ListDef

PLAN_FORMDIR = "LBFaibtp"
PLAN_TITLE = "Treatment Plan (AI Draft)"
SESSION_INPUT_FORMDIR = "LBFaibsi"
MAX_GOALS = 5
GOAL_STATUS_LIST = "aib_goal_status"
PLAN_TYPE_LIST = "aib_plan_type"
CLOSED_GOAL_STATUSES = frozenset({"met", "discontinued"})

GOAL_SUFFIXES = ("", "_dx", "_measure", "_objectives", "_interventions", "_target", "_status")

MEDICARE_ELEMENTS: dict[str, tuple[str, ...]] = {
    "date established": ("date_established",),
    "type": ("tx_type",),
    "amount": ("tx_amount",),
    "frequency": ("tx_frequency",),
    "duration": ("tx_duration",),
    "diagnoses": ("diagnoses",),
    "anticipated goals": ("goal_1", "goal_1_objectives"),
    "signature with credentials": ("clinician", "clinician_attestation"),
}


def goal_field(slot: int, suffix: str = "") -> str:
    """Field id of goal slot ``slot`` (1-based), e.g. ``goal_2_objectives``."""
    return f"goal_{slot}{suffix}"


def _text(field_id: str, title: str, group: str, rows: int = 4, description: str = "") -> LayoutField:
    return LayoutField(field_id, title, group, data_type=3, rows=rows, description=description)


def _line(field_id: str, title: str, group: str, description: str = "") -> LayoutField:
    return LayoutField(field_id, title, group, data_type=2, rows=1, cols=40, max_length=255,
                       description=description)


def _date(field_id: str, title: str, group: str) -> LayoutField:
    return LayoutField(field_id, title, group, data_type=4, rows=1, cols=10)


def _goal_fields(slot: int) -> tuple[LayoutField, ...]:
    g = "2"
    return (
        _text(goal_field(slot), f"Goal {slot} (G{slot})", g, rows=2),
        _line(goal_field(slot, "_dx"), f"Goal {slot} diagnoses", g, "ICD-10 codes this goal addresses"),
        _line(goal_field(slot, "_measure"), f"Goal {slot} measure", g, "Scored instrument tracking this goal"),
        _text(goal_field(slot, "_objectives"), f"Goal {slot} objectives", g, rows=4,
              description="Measurable objectives with target dates, one per line"),
        _text(goal_field(slot, "_interventions"), f"Goal {slot} interventions", g, rows=4,
              description="Interventions with modality and frequency, one per line"),
        _date(goal_field(slot, "_target"), f"Goal {slot} target date", g),
        LayoutField(goal_field(slot, "_status"), f"Goal {slot} status", g, data_type=1,
                    list_id=GOAL_STATUS_LIST, rows=1, cols=20),
    )


def _fields() -> tuple[LayoutField, ...]:
    head = (
        LayoutField("plan_type", "Plan type", "1", data_type=1, list_id=PLAN_TYPE_LIST, rows=1, cols=20),
        _date("date_established", "Date established", "1"),
        _date("review_date", "Review date", "1"),
        _text("diagnoses", "Diagnoses (ICD-10)", "1", rows=3),
        _text("presenting_problem", "Presenting problem", "1", rows=4),
        _text("strengths", "Strengths", "1", rows=2, description="Only as recorded in the chart"),
        _text("barriers", "Barriers", "1", rows=2, description="Only as recorded in the chart"),
        _text("measures", "Baseline and current measures", "1", rows=3),
        _text("review_summary", "Progress since the previous plan", "1", rows=4),
    )
    goals = tuple(f for slot in range(1, MAX_GOALS + 1) for f in _goal_fields(slot))
    treatment = (
        _line("tx_type", "Type of treatment", "3"),
        _line("tx_amount", "Amount (session length)", "3"),
        _line("tx_frequency", "Frequency", "3"),
        _line("tx_duration", "Duration", "3"),
        _text("discharge_criteria", "Discharge criteria", "3", rows=4),
    )
    attestation = (
        _line("clinician", "Clinician and credentials", "4"),
        _text("clinician_attestation", "Clinician attestation", "4", rows=3,
              description="Completed by the clinician: plan reviewed with the client, expected "
                          "improvement, and agreement; then e-sign the form"),
        _text("checklist", "Pre-sign checklist (AI Draft; clear when done)", "4", rows=3),
    )
    return head + goals + treatment + attestation


PLAN_LAYOUT = LayoutForm(
    form_id=PLAN_FORMDIR,
    title=PLAN_TITLE,
    groups=(("1", "Plan"), ("2", "Goals"), ("3", "Treatment"), ("4", "Attestation")),
    fields=_fields(),
)

PLAN_LISTS = (
    ListDef(GOAL_STATUS_LIST, "AI Bridge goal status", (
        ("active", "Active"), ("partially_met", "Partially met"), ("met", "Met"),
        ("discontinued", "Discontinued"))),
    ListDef(PLAN_TYPE_LIST, "AI Bridge plan type", (
        ("initial", "Initial plan"), ("review", "Scheduled review"),
        ("update", "Update (new diagnosis)"))),
)

FIELD_IDS = frozenset(f.field_id for f in PLAN_LAYOUT.fields)
