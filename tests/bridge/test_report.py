"""The time-reclaimed report on a seeded ledger: every figure equals the hand-computed one,
and the CSV and the chart come out of the CLI."""
from __future__ import annotations

import csv
import datetime as dt
import struct

import pytest

from bridge import report
from bridge.cli import main as cli
from bridge.devdb import create_clinician
from bridge.ehr import tables as aib

D = dt.datetime
SINCE = dt.date(2026, 9, 1)


@pytest.fixture(scope="module")
def seeded(practice_db):
    """Two clinicians' drafts with known states, edits and times (minutes noted per row)."""
    with practice_db.engine.begin() as conn:
        a = create_clinician(conn, "rpt_alvarez", "Dana", "Alvarez", "LCSW")
        b = create_clinician(conn, "rpt_brooks", "Sam", "Brooks", "PhD")
        rows = [
            # Dana Alvarez: baseline 15, review 3 -> +12, +9, +6, -3, 0 = 24 min
            (a, "progress_note", "signed", 0, D(2026, 9, 2, 10, 50), D(2026, 9, 2, 12, 50)),  # 120 min
            (a, "progress_note", "signed_after_edit", 200, D(2026, 10, 1, 14, 0), D(2026, 10, 1, 14, 30)),  # 30
            (a, "progress_note", "signed_after_edit", 400, D(2026, 10, 2, 9, 0), D(2026, 10, 3, 9, 0)),  # 1440
            (a, "progress_note", "discarded", None, D(2026, 10, 5, 9, 0), D(2026, 10, 5, 11, 0)),
            (a, "progress_note", "drafted", None, D(2026, 10, 6, 9, 0), None),
            # Sam Brooks: +12, +12 = 24 min
            (b, "progress_note", "signed", 0, D(2026, 9, 10, 16, 0), D(2026, 9, 10, 16, 45)),  # 45 min
            (None, "progress_note", "signed", 0, None, D(2026, 9, 11, 9, 0)),  # no stop time; signer is Brooks
            (b, "progress_note", "superseded", None, D(2026, 9, 12, 9, 0), None),  # never counted
            (b, "progress_note", "signed", 0, D(2026, 8, 1, 10, 0), D(2026, 8, 1, 20, 0)),  # before SINCE; 600
            (b, "treatment_plan", "signed", 0, None, D(2026, 9, 15, 9, 0)),  # another kind
        ]
        for i, (cid, kind, state, ratio, end, signed) in enumerate(rows):
            drafted = (end or signed or D(2026, 9, 12)) - dt.timedelta(minutes=1)
            conn.execute(aib.drafts.insert().values(
                practice="test", source_key=f"forms:{9000 + i}", kind=kind, pid=1, encounter=1,
                forms_id=90000 + i, formdir="LBFaibdap", clinician_id=cid, backend="template", state=state,
                edit_ratio=ratio, session_end=end, drafted_at=drafted, signed_at=signed,
                signed_by=(cid or b) if signed and state != "discarded" else None))
        conn.execute(aib.drafts.insert().values(  # a safety alert: no form, not a draft
            practice="test", source_key="forms:9999", kind="alert:si", pid=1, state="sent",
            drafted_at=D(2026, 9, 3), backend="rules"))
    return practice_db


def by_name(rows):
    return {r.clinician: r for r in rows}


def test_figures_equal_the_hand_computed_ones(seeded):
    with seeded.engine.connect() as conn:
        rows = by_name(report.build(conn, "test", report.Params(since=SINCE)))
    assert list(rows) == ["Dana Alvarez, LCSW", "Sam Brooks, PhD", "All clinicians"]
    dana, sam, total = rows.values()
    assert dana == report.ClinicianRow("Dana Alvarez, LCSW", drafts=5, signed_as_drafted=1, signed_after_edits=2,
                                       median_edit_pct=30.0, discarded=1, waiting=1,
                                       median_minutes_to_sign=120.0, hours_reclaimed=0.4)
    assert sam == report.ClinicianRow("Sam Brooks, PhD", drafts=2, signed_as_drafted=2, signed_after_edits=0,
                                      median_edit_pct=None, discarded=0, waiting=0,
                                      median_minutes_to_sign=45.0, hours_reclaimed=0.4)
    # all seven drafts: waits 30, 45, 120, 1440 -> median 82.5; 24 + 24 minutes reclaimed
    assert (total.drafts, total.signed_as_drafted, total.signed_after_edits, total.discarded, total.waiting) == \
        (7, 3, 2, 1, 1)
    assert (total.median_minutes_to_sign, total.hours_reclaimed, total.median_edit_pct) == (82.5, 0.8, 30.0)


def test_baseline_and_review_time_change_the_hours(seeded):
    params = report.Params(baseline_minutes=20, review_minutes=5, since=SINCE)
    with seeded.engine.connect() as conn:
        rows = by_name(report.build(conn, "test", params))
    # Dana: 15 + 11 + 7 - 5 = 28 min; Sam: 15 + 15 = 30 min; all: 58 min = 0.9667 h
    assert [r.hours_reclaimed for r in rows.values()] == [0.47, 0.5, 0.97]


def test_without_since_the_older_note_counts(seeded):
    with seeded.engine.connect() as conn:
        sam = by_name(report.build(conn, "test", report.Params()))["Sam Brooks, PhD"]
    assert (sam.drafts, sam.median_minutes_to_sign, sam.hours_reclaimed) == (3, 322.5, 0.6)


def test_cli_prints_the_table_and_writes_csv_and_chart(seeded, tmp_path, capsys):
    csv_path, png_path = tmp_path / "report.csv", tmp_path / "report.png"
    code = cli(["--config", str(seeded.config), "report", "--practice", "test", "--since", "2026-09-01",
                "--csv", str(csv_path), "--png", str(png_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "hours reclaimed = [sum over signed drafts of (15 min x (1 - share edited) - 3 min)" in out
    dana_line = next(line for line in out.splitlines() if line.startswith("Dana Alvarez, LCSW"))
    assert dana_line.split()[-9:] == ["5", "1", "2", "30.0", "1", "1", "2h", "00m", "0.40"]
    with csv_path.open() as handle:
        table = list(csv.DictReader(handle))
    assert table[0]["clinician"] == "Dana Alvarez, LCSW" and table[0]["median_minutes_to_sign"] == "120.0"
    assert table[1]["median_edit_pct"] == "" and table[2]["hours_reclaimed"] == "0.8"
    assert table[-1]["clinician"].startswith("# hours reclaimed =")
    check_png(png_path)


def check_png(path) -> None:
    """A real PNG of a sensible size whose bars carry the outcome colours."""
    from matplotlib.image import imread

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1210 and 300 <= height <= 500 and 20_000 < len(data) < 500_000
    pixels = (imread(path)[:, :, :3] * 255).round()

    def count(rgb: tuple[int, int, int]) -> int:
        return int(((abs(pixels - rgb)).sum(axis=2) < 12).sum())

    # green (signed as drafted), amber (after edits), red (discarded), blue (hours) bars are drawn
    assert min(count((46, 125, 50)), count((249, 168, 37)), count((198, 40, 40)), count((21, 101, 192))) > 300


def test_empty_period_says_so(seeded, capsys):
    assert cli(["--config", str(seeded.config), "report", "--practice", "test", "--since", "2030-01-01"]) == 0
    assert "no drafts in this period" in capsys.readouterr().out


def test_bad_date_is_refused_with_the_format(seeded, capsys):
    with pytest.raises(SystemExit):
        cli(["--config", str(seeded.config), "report", "--practice", "test", "--since", "last week"])
    assert "write YYYY-MM-DD" in capsys.readouterr().err


def test_summary_without_a_database():
    """The pure part: a note edited 100% saves nothing and still cost its review."""
    recs = [report.DraftRecord(1, "signed_after_edit", 1000, None, None),
            report.DraftRecord(1, "signed", None, D(2026, 1, 1, 9), D(2026, 1, 1, 9, 10))]
    [row, _total] = report.summarize_all(recs, {1: "A B"}, report.Params())
    assert row.hours_reclaimed == round((15 * 0 - 3 + 15 - 3) / 60, 2)
    assert row.median_minutes_to_sign == 10.0 and row.median_edit_pct == 100.0
