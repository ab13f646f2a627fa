"""The LBFs and lists the notes plugin asks the installer to create.

``LBFaibsi`` is the clinician's Session Input; ``LBFaibsoap``/``dap``/``birp``/``girp`` are
the note forms drafts are written into. Field ids follow the project's Session Input
contract exactly; the installer creates the rows idempotently.
"""
from __future__ import annotations

from hooks.types import LayoutField, LayoutForm, ListDef
from plugins.notes import vocab
from plugins.notes.formats import FORMATS, META_FIELDS, REVIEW_FIELDS, RISK_FIELD, NoteFormat

LISTS: tuple[ListDef, ...] = (
    ListDef("aib_interventions", "AI Bridge: interventions",
            tuple((oid, title) for oid, title, _ in vocab.INTERVENTIONS)),
    ListDef("aib_risk_screen", "AI Bridge: risk screen", vocab.RISK_SCREEN),
    ListDef("aib_cpt", "AI Bridge: psychotherapy CPT", vocab.CPT_CODES),
    ListDef("aib_modality", "AI Bridge: session modality", vocab.MODALITIES),
    ListDef("aib_note_format", "AI Bridge: note format",
            tuple((name, name) for name in FORMATS)),
)


def _area(fid: str, title: str, group: str, rows: int = 4, desc: str = "") -> LayoutField:
    return LayoutField(fid, title, group, data_type=3, rows=rows, description=desc)


def _text(fid: str, title: str, group: str, desc: str = "", cols: int = 20) -> LayoutField:
    return LayoutField(fid, title, group, data_type=2, rows=1, cols=cols, description=desc)


def _list(fid: str, title: str, group: str, list_id: str, data_type: int = 1) -> LayoutField:
    return LayoutField(fid, title, group, data_type=data_type, list_id=list_id, rows=1)


SESSION_INPUT = LayoutForm(
    form_id=vocab.SESSION_FORMDIR,
    title=vocab.SESSION_TITLE,
    groups=(("1", "Session"), ("2", "Presentation"), ("3", "Interventions and response"),
            ("4", "Risk"), ("5", "Plan")),
    fields=(
        _text("start_time", "Start time", "1", "24-hour HH:MM, face-to-face time only"),
        _text("stop_time", "Stop time", "1", "24-hour HH:MM"),
        _list("cpt", "CPT code", "1", "aib_cpt"),
        _list("modality", "Modality", "1", "aib_modality"),
        _text("participants", "Participants", "1", "Who attended (client, family, collateral)", 40),
        _list("note_format", "Note format", "1", "aib_note_format"),
        _area("focus", "Focus / chief complaint", "2", 3),
        _area("symptoms", "Current symptoms", "2", 3),
        _area("impairment", "Functional impairment", "2", 3, "Work, school, relationships, self-care"),
        _area("observations", "Clinician observations", "2", 3, "Behaviour and mental status as observed"),
        _list("interventions", "Interventions", "3", "aib_interventions", data_type=36),
        _text("interventions_other", "Other interventions", "3", cols=60),
        _area("response", "Client response", "3", 3),
        _area("goal_progress", "Goals addressed and progress", "3", 3, "Cite plan goal ids, e.g. G1"),
        _list("si_screen", "Suicidal ideation screen", "4", "aib_risk_screen"),
        _list("hi_screen", "Homicidal ideation screen", "4", "aib_risk_screen"),
        _area("risk_notes", "Risk notes", "4", 2),
        _area("plan", "Plan / homework / next appointment", "5", 3),
    ),
    seq=110,
)


def note_form(fmt: NoteFormat, seq: int) -> LayoutForm:
    fields = [LayoutField(fid, title, "1", data_type=dt, list_id=lst, rows=1 if dt != 3 else 2)
              for fid, title, dt, lst in META_FIELDS]
    fields += [_area(fid, title, "2", 6) for fid, title in fmt.sections]
    fields.append(_area(RISK_FIELD[0], RISK_FIELD[1], "3", 3))
    fields += [_area(fid, title, "4", 5) for fid, title in REVIEW_FIELDS]
    return LayoutForm(
        form_id=fmt.formdir, title=fmt.title,
        groups=(("1", "Session"), ("2", fmt.name), ("3", "Risk"),
                ("4", "Review (not part of the note)")),
        fields=tuple(fields), seq=seq,
    )


def all_forms() -> list[LayoutForm]:
    return [SESSION_INPUT] + [note_form(fmt, 120 + i) for i, fmt in enumerate(FORMATS.values())]
