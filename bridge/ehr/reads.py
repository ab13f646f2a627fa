"""Reads of the OpenEMR record, for building a drafting chart and the redaction set."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from hooks.types import Clinician, Diagnosis, KnownIdentifiers, PriorNote

ICD10 = re.compile(r"ICD10:([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)", re.I)


def form_row(conn: Connection, forms_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(oe.forms).where(oe.forms.c.id == forms_id)).mappings().first()
    return dict(row) if row else None


def lbf_values(conn: Connection, form_id: int) -> dict[str, str]:
    rows = conn.execute(select(oe.lbf_data.c.field_id, oe.lbf_data.c.field_value).where(
        oe.lbf_data.c.form_id == form_id))
    return {r.field_id: r.field_value or "" for r in rows if r.field_id and r.field_value not in (None, "")}


def encounter_row(conn: Connection, pid: int, encounter: int) -> dict[str, Any] | None:
    row = conn.execute(select(oe.form_encounter).where(
        oe.form_encounter.c.pid == pid, oe.form_encounter.c.encounter == encounter)).mappings().first()
    return dict(row) if row else None


def clinician(conn: Connection, user_id: int | None) -> Clinician | None:
    if not user_id:
        return None
    row = conn.execute(select(oe.users).where(oe.users.c.id == user_id)).mappings().first()
    if not row or not row["username"]:
        return None
    creds = (row["valedictory"] or row["suffix"] or "").strip()
    return Clinician(int(row["id"]), row["username"], row["fname"] or "", row["lname"] or "", creds)


def user_id_by_name(conn: Connection, username: str | None) -> int | None:
    if not username:
        return None
    return conn.execute(select(oe.users.c.id).where(oe.users.c.username == username)).scalar_one_or_none()


def diagnoses(conn: Connection, pid: int) -> list[Diagnosis]:
    """Active problem-list entries coded in ICD-10, each code once."""
    rows = conn.execute(select(oe.lists).where(
        oe.lists.c.pid == pid, oe.lists.c.type == "medical_problem", oe.lists.c.enddate.is_(None),
    ).order_by(oe.lists.c.begdate, oe.lists.c.id)).mappings()
    out: list[Diagnosis] = []
    seen: set[str] = set()
    for row in rows:
        for code in ICD10.findall(row["diagnosis"] or ""):
            if code.upper() not in seen:
                seen.add(code.upper())
                begdate = row["begdate"].date() if isinstance(row["begdate"], dt.datetime) else None
                out.append(Diagnosis(code.upper(), row["title"] or "", begdate, int(row["id"])))
    return out


def prior_notes(conn: Connection, practice: str, pid: int, before_forms_id: int, limit: int = 3) -> list[PriorNote]:
    """The patient's most recent bridge-drafted progress notes that a clinician signed."""
    d = aib.drafts
    rows = conn.execute(select(d.c.forms_id, d.c.drafted_at, d.c.formdir).where(
        d.c.practice == practice, d.c.pid == pid, d.c.kind == "progress_note",
        d.c.state.in_(("signed", "signed_after_edit")), d.c.forms_id < before_forms_id,
    ).order_by(d.c.forms_id.desc()).limit(limit)).all()
    notes = []
    for forms_id, drafted_at, _formdir in rows:
        form = form_row(conn, forms_id)
        if not form or form["deleted"]:
            continue
        values = lbf_values(conn, int(form["form_id"]))
        body = "\n".join(f"{k}: {v}" for k, v in sorted(values.items()))
        notes.append(PriorNote(forms_id, drafted_at.date(), form["form_name"] or "", True, body))
    return notes


def _date_forms(value: Any) -> list[str]:
    if isinstance(value, dt.date) and value.year > 1:
        return [value.isoformat()]
    return [str(value)] if value and not str(value).startswith("0000") else []


def known_identifiers(conn: Connection, pid: int, clin: Clinician | None, facility_id: int | None) -> KnownIdentifiers:
    """Every identifier the chart holds for this patient, by placeholder category."""
    k = KnownIdentifiers()
    # SELECT *: name columns such as preferred_name and birth_* vary between OpenEMR releases
    row = conn.execute(text("SELECT * FROM patient_data WHERE pid = :p"), {"p": pid}).mappings().first()
    p = _Row(row or {})
    if row:
        k.patient += [p[c] for c in ("fname", "mname", "lname", "preferred_name", "birth_fname",
                                     "birth_mname", "birth_lname") if p[c]]
        k.patient.append(" ".join(x for x in (p["fname"], p["mname"], p["lname"]) if x))
        k.relative += [p[c] for c in ("mothersname", "guardiansname", "contact_relationship") if p[c]]
        k.location += [p[c] for c in ("street", "street_line_2", "city", "county", "guardianaddress",
                                      "guardiancity") if p[c]]
        k.zip += [p[c] for c in ("postal_code", "guardianpostalcode") if p[c]]
        k.date += _date_forms(p["DOB"])
        k.id += [p[c] for c in ("pubpid", "ss", "drivers_license") if p[c]]
        k.phone += [p[c] for c in ("phone_home", "phone_biz", "phone_contact", "phone_cell",
                                   "guardianphone", "guardianworkphone") if p[c]]
        k.email += [p[c] for c in ("email", "email_direct", "guardianemail") if p[c]]
    for ins in conn.execute(select(oe.insurance_data).where(oe.insurance_data.c.pid == pid)).mappings():
        k.id += [ins[c] for c in ("policy_number", "group_number", "subscriber_ss") if ins[c]]
        k.relative += [ins[c] for c in ("subscriber_fname", "subscriber_lname") if ins[c]]
        k.org += [ins[c] for c in ("plan_name", "subscriber_employer") if ins[c]]
        k.location += [ins["subscriber_street"]] if ins["subscriber_street"] else []
        k.phone += [ins["subscriber_phone"]] if ins["subscriber_phone"] else []
        k.date += _date_forms(ins["subscriber_DOB"])
    emp = conn.execute(select(oe.employer_data).where(oe.employer_data.c.pid == pid).order_by(
        oe.employer_data.c.date.desc()).limit(1)).mappings().first()
    if emp:
        k.org += [emp["name"]] if emp["name"] else []
        k.location += [emp[c] for c in ("street", "city") if emp[c]]
    if clin:
        k.clinician += [x for x in (clin.fname, clin.lname, f"{clin.fname} {clin.lname}".strip()) if x]
    if facility_id:
        fac = conn.execute(select(oe.facility).where(oe.facility.c.id == facility_id)).mappings().first()
        if fac:
            k.org += [fac["name"]] if fac["name"] else []
            k.location += [fac[c] for c in ("street", "city") if fac[c]]
            k.phone += [fac[c] for c in ("phone", "fax") if fac[c]]
            k.email += [fac["email"]] if fac["email"] else []
    return _dedupe(k)


class _Row(dict[str, Any]):
    """A row whose missing columns read as None (optional in older OpenEMR releases)."""

    def __init__(self, row: Any) -> None:
        super().__init__(dict(row))

    def __missing__(self, key: str) -> None:
        return None


def _dedupe(k: KnownIdentifiers) -> KnownIdentifiers:
    for name in k.__dataclass_fields__:
        values = [str(v).strip() for v in getattr(k, name) if v and str(v).strip()]
        setattr(k, name, list(dict.fromkeys(values)))
    return k
