"""Audit rows: OpenEMR's log viewer can read them, and the bridge's chain detects tampering."""
from __future__ import annotations

import base64

from sqlalchemy import text

from bridge.ehr import audit


def _entry(action: str = "draft_written", pid: int = 1) -> audit.AuditEntry:
    return audit.AuditEntry("test", action, "aibridge", pid, 7, "progress_note", "forms:99", {"forms_id": 99})


def test_log_row_is_visible_the_way_the_log_viewer_reads_it(practice_db):
    with practice_db.engine.begin() as conn:
        audit.record(conn, _entry())
    with practice_db.engine.connect() as conn:
        # logview.php starts from log_comment_encrypt and LEFT JOINs log
        row = conn.execute(text(
            "SELECT l.*, el.encrypt, el.checksum AS cs, el.version FROM log_comment_encrypt el "
            "LEFT JOIN log l ON el.log_id = l.id WHERE l.event = 'ai-bridge-draft_written' ORDER BY l.id DESC LIMIT 1"
        )).mappings().one()
    assert row["encrypt"] == "No" and row["version"] == 4
    assert "document=progress_note" in base64.b64decode(row["comments"]).decode()
    # the checksum is SHA3-512 over the row's fields, as audit_log_tamper_report recomputes it
    assert row["cs"] == audit.openemr_checksum(dict(row))
    assert row["category"] == "AI Draft" and row["user"] == "aibridge"


def test_verify_finds_an_edited_row(fresh_practice_db):
    engine = fresh_practice_db.engine
    with engine.begin() as conn:
        ids = [audit.record(conn, _entry(f"step{i}")) for i in range(4)]
    with engine.connect() as conn:
        assert audit.verify(conn) == []
    with engine.begin() as conn:
        conn.execute(text("UPDATE aib_audit SET pid = 42 WHERE id = :i"), {"i": ids[1]})
    with engine.connect() as conn:
        problems = audit.verify(conn)
    assert [p.row_id for p in problems] == [ids[1]]


def test_verify_finds_a_deleted_row_and_a_truncated_tail(fresh_practice_db):
    engine = fresh_practice_db.engine
    with engine.begin() as conn:
        ids = [audit.record(conn, _entry(f"step{i}")) for i in range(4)]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM aib_audit WHERE id IN (:a, :b)"), {"a": ids[1], "b": ids[3]})
    with engine.connect() as conn:
        problems = audit.verify(conn)
    assert ids[2] in [p.row_id for p in problems]  # the row after the deleted one no longer follows
    assert any("chain head" in p.problem for p in problems)  # the deleted last row is noticed too


def test_verify_finds_an_inserted_row(fresh_practice_db):
    engine = fresh_practice_db.engine
    with engine.begin() as conn:
        audit.record(conn, _entry("first"))
        audit.record(conn, _entry("second"))
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO aib_audit (at, practice, action, actor, prev_hash, hash, detail) "
            "SELECT at, practice, 'forged', actor, hash, REPEAT('a', 64), '{}' FROM aib_audit ORDER BY id DESC LIMIT 1"))
    with engine.connect() as conn:
        assert audit.verify(conn) != []
