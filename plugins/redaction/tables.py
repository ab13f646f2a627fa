"""Tables with a header row: a cell is an identifier when its column's name says so.

Exports, registers and attendance sheets are pasted as comma-separated, tab-separated or
pipe tables ("emp_id,name,pan,bank_ac", "| Staff ID | Name | Branch |"). Their cells are short
and carry no sentence around them, so the tagger sees little; the header says what each
column holds. A column named for a person, a contact detail, a place, a date or an id makes
every non-empty cell under it an identifier of that kind, until the table ends (a blank line
or a row with a different number of cells).
"""
from __future__ import annotations

import re

from hooks.types import Span

# What a column's name says it holds (the name folded: lower case, spaces and dots as "_")
_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL", re.compile(r"e_?mail(?:_address)?")),
    ("PHONE", re.compile(r"(?:home_|work_|mobile_|cell_)?(?:phone|mobile|cell|tel|telephone|fax)(?:_no|_number)?")),
    ("DATE", re.compile(r"dob|date_of_birth|birth_?date|d_o_b|hire_date|start(?:_date)?|issued|pay_date|admit(?:_date)?|"
                        r"discharge(?:_date)?|visit_date|date")),
    ("ID", re.compile(r"(?:[a-z]+_)?(?:id|no|number|num|ref|mrn|ssn|sin|pan|aadhaar|nric|bvn|tfn|ppsn|iban|account|"
                      r"acct|ac|bank_ac|serial|plate|rego|vin|policy|claim|case|matric|staff_id|emp_id|employee_number|"
                      r"member_id|loan_ref|username|user|login|handle|display_name)")),
    ("PERSON", re.compile(r"(?:full_|first_|last_|given_|family_|real_|client_|patient_|customer_|staff_|contact_|"
                          r"next_of_kin_|guardian_)?(?:name|names|surname|firstname|lastname|forename)|"
                          r"last|first|given|middle|family|nickname|alias|preferred(?:_name)?|"
                          r"assigned_to|owner|manager|agent|attendee|participant|client|patient|customer|employee|"
                          r"staff|guardian|next_of_kin|emergency_contact|facilitator|signed_by|approver|provider|"
                          r"clinician|therapist|counselor|prescriber|resident|student|member|tenant|payee")),
    ("LOCATION", re.compile(r"(?:home_|street_|mailing_|postal_|billing_)?(?:address|street|city|town|county|suburb|"
                            r"district|location|site|branch|region|province|state)")),
    ("ZIP", re.compile(r"zip(?:_code)?|post_?code|postal_code|pin(?:_code)?|eircode")),
    ("ORG", re.compile(r"company|employer|organi[sz]ation|org|school|agency|program(?:me)?|clinic|facility|pharmacy|"
                       r"insurer|bank|business|vendor|supplier|carrier")),
)
_DELIMITERS = (",", "\t", "|")
_EMPTY = re.compile(r"[-–—?*/\s]*|\(?(?:n/?a|none|null|unknown|tbd|pending|y|n|yes|no|unassigned|vacant)\)?",
                    re.IGNORECASE)


def table_spans(text: str) -> list[Span]:
    """Spans of the cells under identifying columns of every headed table in ``text``."""
    out: list[Span] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        header = _header(text[start:end])
        if header is None:
            i += 1
            continue
        delimiter, kinds = header
        i += 1
        while i < len(lines):
            cells = _cells(text, *lines[i], delimiter)
            if len(cells) != len(kinds):
                break
            for (cell_start, cell_end), kind in zip(cells, kinds, strict=True):
                if kind and not _EMPTY.fullmatch(text[cell_start:cell_end]):
                    out.append(Span(cell_start, cell_end, kind, "pattern"))
            i += 1
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def _header(line: str) -> tuple[str, list[str | None]] | None:
    """The delimiter and the kind of every column, when ``line`` is a table's header: three
    or more short column names, at least one of which identifies."""
    for delimiter in _DELIMITERS:
        names = [n.strip() for n in line.strip().strip("|").split(delimiter)]
        if len(names) < 3 or not all(re.fullmatch(r"[A-Za-z][\w .()/#-]{0,30}", n) and len(n.split()) <= 4 and
                                     not re.match(r"(?i)(?:and|or|but|then)\b", n) for n in names):
            continue  # a sentence's list ("name, date, and signature") is no header
        kinds = [_kind(n) for n in names]
        if any(kinds):
            return delimiter, kinds
    return None


def _kind(name: str) -> str | None:
    folded = re.sub(r"[\s.()/#-]+", "_", name.strip().lower()).strip("_")
    for kind, pattern in _COLUMNS:
        if pattern.fullmatch(folded):
            return kind
    return None


def _cells(text: str, start: int, end: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's content in the row ``text[start:end]``; a quoted cell may hold
    the delimiter ('"IYER, Lakshmi R."')."""
    row = text[start:end]
    body_start = len(row) - len(row.lstrip())
    body_end = len(row.rstrip())
    if delimiter == "|":
        body_start = row.find("|", body_start) + 1 if row.lstrip().startswith("|") else body_start
        body_end = row.rfind("|", 0, body_end) if row.rstrip().endswith("|") else body_end
    cells, pos, quoted = [], body_start, False
    cell_start = pos
    while pos <= body_end:
        char = row[pos] if pos < body_end else delimiter
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            raw = row[cell_start:pos]
            left = len(raw) - len(raw.lstrip(' "'))
            right = len(raw.rstrip(' "'))
            cells.append((start + cell_start + left, start + cell_start + max(left, right)))
            cell_start = pos + 1
        pos += 1
    return cells
