"""Dataclasses that cross the hook boundary.

They carry ids and clinical content between the host and plugins inside the clinic. What
goes onto the queue is only ``Event.id``; what goes to an external model is only text that
passed the redaction plugin and the leak check.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class EventKind(StrEnum):
    """What the detector saw happen in OpenEMR."""

    FORM_SAVED = "form_saved"  # a forms row (with its data rows, after the debounce)
    FORM_SIGNED = "form_signed"  # an esign_signatures row (form- or encounter-level)
    QUESTIONNAIRE_COMPLETED = "questionnaire_completed"  # questionnaire_response row
    APPOINTMENT_UPCOMING = "appointment_upcoming"  # openemr_postcalendar_events in lead time
    DIAGNOSIS_ADDED = "diagnosis_added"  # lists row, type medical_problem
    PLAN_REVIEW_DUE = "plan_review_due"  # a signed plan reaches its review date


@dataclass(frozen=True)
class Event:
    """One row of the ``aib_events`` outbox, as the worker loads it by id."""

    id: int
    practice: str
    kind: EventKind
    pid: int
    encounter: int | None
    source_table: str
    source_id: int
    formdir: str | None = None
    user: str | None = None  # OpenEMR username that created the source row
    detected_at: dt.datetime | None = None

    @property
    def source_key(self) -> str:
        """Stable key of what caused the work, e.g. ``forms:123`` (unique per draft kind)."""
        return f"{self.source_table}:{self.source_id}"


# --- installation: what plugins contribute to OpenEMR ------------------------------------

@dataclass(frozen=True)
class LayoutField:
    """One ``layout_options`` row of a Layout-Based Form.

    ``data_type`` follows OpenEMR: 1 list, 2 text, 3 textarea, 4 date, 21 checkboxes,
    27 radio, 36 multi-select. ``uor``: 1 optional, 2 required.
    """

    field_id: str
    title: str
    group: str
    data_type: int = 3
    list_id: str = ""
    uor: int = 1
    rows: int = 4
    cols: int = 80
    max_length: int = 0
    description: str = ""
    edit_options: str = ""


@dataclass(frozen=True)
class LayoutForm:
    """A Layout-Based Form the installer creates by rows (no PHP, no core change)."""

    form_id: str  # LBF..., at most 31 characters
    title: str  # becomes forms.form_name
    groups: tuple[tuple[str, str], ...]  # (grp_group_id, title), in display order
    fields: tuple[LayoutField, ...]
    mapping: str = "Clinical"
    aco_spec: str = "encounters|notes"
    seq: int = 100


@dataclass(frozen=True)
class ListDef:
    """A custom ``list_options`` list: header row plus (option_id, title) options."""

    list_id: str
    title: str
    options: tuple[tuple[str, str], ...]


# --- the chart as drafting sees it ---------------------------------------------------

@dataclass(frozen=True)
class Clinician:
    id: int
    username: str
    fname: str = ""
    lname: str = ""
    credentials: str = ""  # users.valedictory or suffix, e.g. "LCSW"

    @property
    def display_name(self) -> str:
        name = f"{self.fname} {self.lname}".strip() or self.username
        return f"{name}, {self.credentials}" if self.credentials else name


@dataclass(frozen=True)
class Diagnosis:
    code: str  # ICD-10 without the "ICD10:" prefix, e.g. "F33.1"
    title: str
    begdate: dt.date | None = None
    list_id: int | None = None  # lists.id


@dataclass(frozen=True)
class Goal:
    """A treatment-plan goal with a stable id other plugins can cite (e.g. ``G2``)."""

    id: str
    text: str
    objectives: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    status: str = "active"
    plan_form_id: int | None = None  # forms.id of the plan holding it


@dataclass(frozen=True)
class Score:
    instrument: str  # "PHQ-9" | "GAD-7" | "PCL-5"
    total: int
    band: str
    date: dt.date
    item9: int | None = None
    source: str = ""  # e.g. "forms:42" or "questionnaire_response:7"


@dataclass(frozen=True)
class PriorNote:
    forms_id: int
    date: dt.date
    title: str
    signed: bool
    text: str  # the note's sections joined; stays inside the clinic


@dataclass
class KnownIdentifiers:
    """Identifiers the chart already holds for one patient, by placeholder category."""

    patient: list[str] = field(default_factory=list)  # full names, parts, nicknames
    relative: list[str] = field(default_factory=list)  # guardian, mother, contacts, subscriber
    clinician: list[str] = field(default_factory=list)
    org: list[str] = field(default_factory=list)  # facility, employer, insurer
    location: list[str] = field(default_factory=list)  # street, city, county
    date: list[str] = field(default_factory=list)  # DOB and other dates, ISO form
    id: list[str] = field(default_factory=list)  # MRN/pubpid, SSN, policy, licence
    phone: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    zip: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[str, str]]:
        """(category, value) pairs, blank values dropped."""
        out: list[tuple[str, str]] = []
        for name in self.__dataclass_fields__:
            for value in getattr(self, name):
                if value and str(value).strip():
                    out.append((name.upper(), str(value).strip()))
        return out


@dataclass
class Chart:
    """Everything a drafting plugin may use for one event, loaded by the host."""

    practice: str
    pid: int
    encounter: int | None
    encounter_date: dt.date | None
    clinician: Clinician | None
    session_input: dict[str, str]  # LBF field_id -> value of the triggering form
    diagnoses: list[Diagnosis] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    prior_notes: list[PriorNote] = field(default_factory=list)
    encounter_reason: str = ""
    part2: bool = False
    known: KnownIdentifiers = field(default_factory=KnownIdentifiers)
    facility: str = ""
    measures: list[str] = field(default_factory=list)  # recommended instruments, readable lines


# --- what plugins hand back to be written -----------------------------------------------

@dataclass
class Alert:
    """A same-day message to the clinician's OpenEMR inbox (``pnotes``)."""

    pid: int
    to_username: str
    title: str
    body: str
    reason: str  # e.g. "phq9_item9", "si_endorsed", "si_language"


@dataclass
class Delivery:
    """Assign a questionnaire to a patient in the portal, once per due window."""

    pid: int
    instrument: str
    window_key: str  # e.g. "PHQ-9:2026-11-30": the unit of exactly-once delivery
    provider_id: int
    title: str = ""  # document_templates.template_name shown in the portal
    questionnaire: dict[str, Any] = field(default_factory=dict)  # FHIR Questionnaire JSON
    appointment_id: int | None = None


@dataclass
class Draft:
    """An unsigned form to write: LBF fields (``formdir`` LBF...) or a one-row native form."""

    kind: str  # "progress_note" | "treatment_plan" | "assessment_result" | ...
    formdir: str
    title: str
    fields: dict[str, str]
    pid: int
    encounter: int
    clinician_id: int
    source_key: str
    rows: list[dict[str, str]] = field(default_factory=list)  # multi-row forms (care_plan)
    backend: str = "template"
    findings: list[str] = field(default_factory=list)  # pre-sign checklist results
    audit: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (action, detail)


@dataclass
class Outcome:
    """What one plugin produced for one event; the host writes it in one transaction."""

    drafts: list[Draft] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    audit: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


# --- redaction and language models -----------------------------------------------------

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str  # PATIENT, RELATIVE, CLINICIAN, DATE, PHONE, ID, EMAIL, URL, IP, ...
    layer: str = ""  # "known" | "pattern" | "model"


class Redacted(Protocol):
    """A redacted document: the text with placeholders, the spans, and the way back."""

    text: str
    spans: list[Span]
    mapping: dict[str, str]  # placeholder -> original value; never leaves the clinic

    def restore(self, text: str) -> str: ...


@dataclass(frozen=True)
class CompletionRequest:
    """Ask a model for a JSON object with one string field per section."""

    purpose: str  # "progress_note" | "treatment_plan"
    system: str
    prompt: str  # chart text, still identified: the host redacts before sending
    sections: tuple[str, ...]
    known: KnownIdentifiers
    part2: bool = False


@dataclass
class CompletionResult:
    sections: dict[str, str] | None  # restored text per section, or None on failure
    backend: str  # endpoint name, or "none"
    reason: str = ""  # why it failed ("timeout", "bad_json", "leak_blocked", ...)
    external: bool = False


class WorkContext(Protocol):
    """The host facade a worker hands to ``bridge_handle_event``.

    ``db`` is a read-only SQLAlchemy Connection on the practice database; ``tables`` is
    :mod:`bridge.ehr.schema` (the declared OpenEMR subset). Plugins never write directly:
    they return an :class:`Outcome`.
    """

    practice: str
    db: Any
    tables: Any

    def options(self, plugin: str) -> dict[str, Any]: ...

    def chart(self, event: Event) -> Chart: ...

    def complete(self, request: CompletionRequest) -> CompletionResult: ...

    def today(self) -> dt.date: ...
