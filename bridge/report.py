"""``openemr-bridge report``: what the bridge saves, per clinician, from the draft ledger.

For each clinician (``aib_drafts.clinician_id``, else the signer), over drafts written since
a date: drafts written, signed as drafted, signed after edits (with the median share of
characters changed, ``edit_ratio`` in per-mille), discarded, still waiting, the median time
from session end (``session_end``, the Session Input's stop time) to the signed note
(``signed_at``), and the hours reclaimed:

    reclaimed = sum over signed drafts of (B x (1 - e) - R)  -  R x discarded drafts

with B the manual baseline (minutes to write one note by hand, ``--baseline-minutes``,
default 15), e the share of the draft the clinician changed (0 when signed as drafted; the
changed share is counted as if written by hand), and R an assumed review time per draft read
(``--review-minutes``, default 3; the bridge cannot see how long a clinician reads). A
discarded draft cost its reading and saved nothing. Drafts still waiting count nothing.
The formula is printed with every table, CSV and chart. Only progress notes count by default;
``--kind`` names other document kinds (e.g. ``treatment_plan``), and since one baseline applies
to every document counted, report a kind with a different manual time in its own run.
"""
from __future__ import annotations

import csv
import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bridge.ehr import schema as oe
from bridge.ehr import tables as aib

DEFAULT_KINDS = ("progress_note",)
SIGNED = ("signed", "signed_after_edit")


@dataclass(frozen=True)
class Params:
    baseline_minutes: float = 15.0
    review_minutes: float = 3.0
    since: dt.date | None = None
    kinds: tuple[str, ...] = DEFAULT_KINDS

    def formula(self) -> str:
        b, r = _num(self.baseline_minutes), _num(self.review_minutes)
        return (f"hours reclaimed = [sum over signed drafts of ({b} min x (1 - share edited) - {r} min)"
                f" - {r} min x discarded drafts] / 60; {b} min = manual baseline per note, "
                f"{r} min = assumed review time per draft")


@dataclass(frozen=True)
class DraftRecord:
    clinician_id: int | None
    state: str
    edit_ratio: int | None  # per-mille
    session_end: dt.datetime | None
    signed_at: dt.datetime | None


@dataclass(frozen=True)
class ClinicianRow:
    clinician: str
    drafts: int
    signed_as_drafted: int
    signed_after_edits: int
    median_edit_pct: float | None
    discarded: int
    waiting: int
    median_minutes_to_sign: float | None
    hours_reclaimed: float


def _num(value: float) -> str:
    return f"{value:g}"


def load(conn: Connection, practice: str, params: Params) -> list[DraftRecord]:
    d = aib.drafts
    query = select(d.c.clinician_id, d.c.signed_by, d.c.state, d.c.edit_ratio, d.c.session_end,
                   d.c.signed_at).where(d.c.practice == practice, d.c.forms_id.is_not(None),
                                        d.c.kind.in_(params.kinds), d.c.state != "superseded")
    if params.since:
        query = query.where(d.c.drafted_at >= dt.datetime.combine(params.since, dt.time()))
    return [DraftRecord(r.clinician_id or r.signed_by, r.state, r.edit_ratio, r.session_end, r.signed_at)
            for r in conn.execute(query)]


def clinician_names(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    """'fname lname, credentials' from OpenEMR's users, as the chart shows a provider."""
    u = oe.users
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    rows = conn.execute(select(u.c.id, u.c.fname, u.c.lname, u.c.valedictory, u.c.suffix, u.c.username)
                        .where(u.c.id.in_(wanted)))
    names = {}
    for r in rows:
        name = " ".join(x for x in (r.fname, r.lname) if x) or r.username or f"user #{r.id}"
        creds = (r.valedictory or r.suffix or "").strip()
        names[int(r.id)] = f"{name}, {creds}" if creds else name
    return names


def reclaimed_minutes(records: Iterable[DraftRecord], params: Params) -> float:
    total = 0.0
    for rec in records:
        if rec.state in SIGNED:
            share = (rec.edit_ratio or 0) / 1000 if rec.state == "signed_after_edit" else 0.0
            total += params.baseline_minutes * (1 - share) - params.review_minutes
        elif rec.state == "discarded":
            total -= params.review_minutes
    return total


def summarize(label: str, records: list[DraftRecord], params: Params) -> ClinicianRow:
    edited = [r.edit_ratio or 0 for r in records if r.state == "signed_after_edit"]
    waits = [(r.signed_at - r.session_end).total_seconds() / 60 for r in records
             if r.state in SIGNED and r.signed_at and r.session_end]
    return ClinicianRow(
        clinician=label, drafts=len(records),
        signed_as_drafted=sum(r.state == "signed" for r in records),
        signed_after_edits=len(edited),
        median_edit_pct=statistics.median(edited) / 10 if edited else None,
        discarded=sum(r.state == "discarded" for r in records),
        waiting=sum(r.state == "drafted" for r in records),
        median_minutes_to_sign=statistics.median(waits) if waits else None,
        hours_reclaimed=round(reclaimed_minutes(records, params) / 60, 2),
    )


def summarize_all(records: list[DraftRecord], names: dict[int, str], params: Params) -> list[ClinicianRow]:
    """One row per clinician (by name), then an 'All clinicians' total row."""
    groups: dict[int | None, list[DraftRecord]] = {}
    for rec in records:
        groups.setdefault(rec.clinician_id, []).append(rec)

    def label(cid: int | None) -> str:
        return names.get(cid, f"user #{cid}") if cid else "(no clinician)"

    rows = sorted((summarize(label(cid), recs, params) for cid, recs in groups.items()),
                  key=lambda row: row.clinician.lower())
    return rows + [summarize("All clinicians", records, params)] if rows else []


def build(conn: Connection, practice: str, params: Params) -> list[ClinicianRow]:
    records = load(conn, practice, params)
    names = clinician_names(conn, (r.clinician_id for r in records if r.clinician_id))
    return summarize_all(records, names, params)


# --- output -------------------------------------------------------------------------------

HEADERS = ("Clinician", "Drafts", "Signed as drafted", "Signed after edits", "Median edit %",
           "Discarded", "Waiting", "Median session end to signed", "Hours reclaimed")


def _duration(minutes: float | None) -> str:
    if minutes is None:
        return "-"
    sign, minutes = ("-" if minutes < 0 else ""), abs(minutes)
    return f"{sign}{int(minutes // 60)}h {int(round(minutes % 60)):02d}m"


def _cells(row: ClinicianRow) -> list[str]:
    return [row.clinician, str(row.drafts), str(row.signed_as_drafted), str(row.signed_after_edits),
            "-" if row.median_edit_pct is None else f"{row.median_edit_pct:.1f}", str(row.discarded),
            str(row.waiting), _duration(row.median_minutes_to_sign), f"{row.hours_reclaimed:.2f}"]


def render(rows: list[ClinicianRow], params: Params, practice: str) -> str:
    since = params.since.isoformat() if params.since else "the first draft"
    head = f"Time reclaimed, practice {practice}, drafts since {since} ({', '.join(params.kinds)})"
    if not rows:
        return f"{head}\nno drafts in this period\n{params.formula()}"
    table = [list(HEADERS)] + [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
             for line in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join([head, *lines, params.formula()])


def write_csv(rows: list[ClinicianRow], params: Params, path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow([f.name for f in fields(ClinicianRow)])
        for row in rows:
            out.writerow(["" if getattr(row, f.name) is None else getattr(row, f.name) for f in fields(row)])
        out.writerow([f"# {params.formula()}"])


def write_png(rows: list[ClinicianRow], params: Params, practice: str, path: str | Path) -> None:
    """Outcomes per clinician (stacked bars) next to hours reclaimed, formula underneath."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    people = [r for r in rows if r.clinician != "All clinicians"]
    labels = [r.clinician for r in people]
    fig = Figure(figsize=(11, 1.6 + 0.55 * max(len(people), 3)), dpi=110)
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    start = [0.0] * len(people)
    parts = (("signed_as_drafted", "signed as drafted", "#2e7d32"),
             ("signed_after_edits", "signed after edits", "#f9a825"),
             ("discarded", "discarded", "#c62828"), ("waiting", "waiting", "#9e9e9e"))
    for attr, name, colour in parts:
        values = [float(getattr(r, attr)) for r in people]
        left.barh(labels, values, left=start, color=colour, label=name)
        start = [a + b for a, b in zip(start, values, strict=True)]
    left.set_xlabel("drafts")
    left.set_title("Drafts by outcome")
    left.legend(loc="lower right", fontsize=8)
    left.invert_yaxis()
    hours = [r.hours_reclaimed for r in people]
    right.barh(labels, hours, color=["#1565c0" if h >= 0 else "#c62828" for h in hours])
    for y, h in enumerate(hours):
        right.annotate(f"{h:.1f} h", (h, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    low, high = min([0.0, *hours]), max([0.0, *hours])
    right.set_xlim(low * 1.3, high * 1.3 if high > 0 else 1)
    right.set_title("Hours reclaimed")
    right.set_yticks(range(len(labels)), [""] * len(labels))
    right.invert_yaxis()
    right.axvline(0, color="black", linewidth=0.6)
    since = params.since.isoformat() if params.since else "first draft"
    total = sum(hours)
    fig.suptitle(f"AI drafts, practice {practice}, since {since}: {total:.1f} hours reclaimed in all")
    fig.text(0.01, 0.01, params.formula(), fontsize=7, wrap=True)
    fig.tight_layout(rect=(0, 0.07, 1, 0.95))
    fig.savefig(path, format="png")
