"""Least privilege, without a database: the profiles follow what the code does, GRANT
statements render as MariaDB expects, and SHOW GRANTS output is reviewed correctly."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bridge import grants, grants_review
from bridge.ehr import schema as oe
from bridge.ehr import tables as aib

REPO = Path(__file__).resolve().parents[2]
RUNTIME_SOURCES = [*sorted(REPO.glob("plugins/*/store.py")), REPO / "bridge/ehr/portal.py",
                   REPO / "bridge/ehr/write.py", REPO / "bridge/ehr/audit.py", REPO / "bridge/ehr/reads.py",
                   REPO / "bridge/detect.py", REPO / "bridge/worker.py", REPO / "bridge/doctor.py",
                   REPO / "bridge/ehr/connect.py", REPO / "bridge/ehr/version.py"]
SQL_USES = (
    (re.compile(r"\b(?:FROM|JOIN)\s+`?(\w+)`?(?!\s*\()", re.I), "SELECT"),
    (re.compile(r"\bINSERT\s+INTO\s+`?(\w+)`?", re.I), "INSERT"),
    (re.compile(r"\bDELETE\s+FROM\s+`?(\w+)`?", re.I), "DELETE"),
    (re.compile(r"\bUPDATE\s+`?(\w+)`?\s+SET\b", re.I), "UPDATE"),
    (re.compile(r"\boe\.(\w+)\.insert\(", re.I), "INSERT"),
    (re.compile(r"\boe\.(\w+)\.delete\(", re.I), "DELETE"),
    (re.compile(r"\boe\.(\w+)\.update\(", re.I), "UPDATE"),
    (re.compile(r"INSERT\s+INTO\s+`?(\w+)`?[^;]*?ON DUPLICATE KEY UPDATE", re.I | re.S), "UPDATE"),
)
NOT_TABLES = {"information_schema", "dual", "the", "a", "an", "its", "this", "that", "OpenEMR", "forms_id"}


def used_by(paths: list[Path]) -> set[tuple[str, str]]:
    """(table, privilege) pairs named by the SQL text and table calls in these modules."""
    found = set()
    for path in paths:
        source = path.read_text()
        for pattern, priv in SQL_USES:
            for table in pattern.findall(source):
                if table in oe.openemr.tables or table in aib.bridge_meta.tables or table.startswith(("form_", "aib_")) \
                        or table in {"uuid_registry", "document_templates", "questionnaire_repository", "users_secure"}:
                    found.add((table, priv))
    return {(t, p) for t, p in found if t not in NOT_TABLES}


def holds(atoms: set[grants.Atom], table: str, priv: str) -> bool:
    return any(a[0] == table and a[1] == priv for a in atoms)


def test_every_table_the_runtime_code_uses_is_granted():
    runtime = grants.atoms(grants.runtime_needs())
    uses = used_by(RUNTIME_SOURCES)
    assert ("document_templates", "UPDATE") in uses and ("lbf_data", "DELETE") in uses  # the scan sees them
    missing = sorted(u for u in uses if not holds(runtime, *u))
    assert missing == sorted(grants.NOT_GRANTED)  # each one deliberate, with its reason


def test_runtime_writes_to_openemr_only_where_the_code_writes():
    runtime = grants.atoms(grants.runtime_needs())
    uses = used_by(RUNTIME_SOURCES)
    writes = {(t, p) for t, p, _c in runtime if p != "SELECT" and not t.startswith("aib_") and t != "users_secure"}
    assert sorted(w for w in writes if w not in uses) == []
    deletes = {t for t, p, _c in runtime if p == "DELETE" and not t.startswith("aib_")}
    assert deletes == {"lbf_data"}


def test_every_declared_openemr_table_is_readable_except_the_write_only_logs():
    runtime = grants.atoms(grants.runtime_needs())
    for table in oe.openemr.tables:
        assert holds(runtime, table, "SELECT") == (table not in grants.WRITE_ONLY), table


def test_runtime_cannot_rewrite_or_delete_audit_rows():
    audit = {(p, c) for t, p, c in grants.atoms(grants.runtime_needs()) if t == "aib_audit"}
    assert audit == {("SELECT", None), ("INSERT", None), ("UPDATE", "hash")}


def test_installer_creates_bridge_tables_and_replaces_layouts_only():
    install = grants.atoms(grants.installer_needs())
    for table in aib.bridge_meta.tables:
        assert {"CREATE", "ALTER", "INDEX"} <= {p for t, p, _c in install if t == table}
    assert {t for t, p, _c in install if p == "DELETE"} == {"layout_group_properties", "layout_options"}
    assert used_by([REPO / "bridge/ehr/install.py"]) <= {(t, p) for t, p, _c in install}


def test_statements_render_table_and_column_rights_together():
    lines = grants.statements(grants.runtime_needs(), "oe_db", "bridge", "10.0.0.5", present=set())
    by_table = {re.search(r"`oe_db`\.`(\w+)`", line)[1]: line for line in lines}
    assert by_table["aib_audit"] == ("GRANT SELECT, INSERT, UPDATE (`hash`) ON `oe_db`.`aib_audit` "
                                     "TO 'bridge'@'10.0.0.5';")
    assert by_table["users_secure"].startswith("GRANT SELECT (`username`) ON")
    assert "form_phq9" not in by_table  # optional table absent from this database: no GRANT that would fail
    assert by_table["lbf_data"].startswith("GRANT SELECT, INSERT, DELETE ON")


def test_script_explains_each_table_and_names_skipped_optional_tables():
    out = grants.script("runtime", "oe", "bridge", "127.0.0.1", present={"forms"})
    assert "-- lbf_data: draft fields; DELETE" in out
    assert "absent from this database: form_gad7, form_phq9" in out
    assert "GET_LOCK" in out


@pytest.mark.parametrize("text, expected", [
    ("SELECT", [("SELECT", ())]),  # one table-wide right
    ("SELECT (`username`), INSERT, UPDATE (`id`)", [("SELECT", ("username",)), ("INSERT", ()), ("UPDATE", ("id",))]),
    ("SELECT (`a`, `b`), DELETE", [("SELECT", ("a", "b")), ("DELETE", ())]),  # several columns
    ("ALL PRIVILEGES", [("ALL PRIVILEGES", ())]),
])
def test_split_privileges(text, expected):
    assert grants_review.split_privileges(text) == expected


def exact_runtime(database: str) -> list[str]:
    lines = grants.statements(grants.runtime_needs(), database, "bridge", "%", present=None)
    return ["GRANT USAGE ON *.* TO `bridge`@`%` IDENTIFIED BY PASSWORD '*ABC'"] + [
        line.replace("'bridge'@'%'", "`bridge`@`%`").rstrip(";") for line in lines]


def test_review_of_exactly_the_runtime_grants_is_clean():
    found = grants_review.review(exact_runtime("oe"), "oe", present=None)
    assert found.ok and found.missing == [] and found.excess == []


def test_review_finds_missing_and_excess_rights():
    lines = [line for line in exact_runtime("oe") if "`pnotes`" not in line]
    lines.append("GRANT SELECT, DELETE ON `oe`.`pnotes` TO `bridge`@`%`")  # reads the inbox, may delete it
    lines.append("GRANT SELECT ON `other_db`.`pnotes` TO `bridge`@`%`")  # another database: not ours to judge
    found = grants_review.review(lines, "oe", present=None)
    assert found.missing == [("pnotes", "INSERT", None)]
    assert found.excess == [("pnotes", "SELECT", None), ("pnotes", "DELETE", None)]
    assert not found.ok


def test_review_of_root_reports_broad_rights():
    found = grants_review.review(["GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                           "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"], "oe")
    assert found.missing == [] and found.broad == ["ALL PRIVILEGES on every database"] and not found.ok


def test_review_of_database_wide_grant_matches_wildcards():
    found = grants_review.review(["GRANT SELECT, INSERT, UPDATE, DELETE ON `o\\_%`.* TO `b`@`%`"], "o_site1")
    assert found.broad == ["SELECT, INSERT, UPDATE, DELETE on every table of o\\_%"]
    assert ("aib_audit", "UPDATE", "hash") not in found.missing  # held through the database-wide grant
    assert not grants_review.review(["GRANT SELECT ON `o\\_%`.* TO `b`@`%`"], "oxsite").broad  # \\_ is a literal _


def test_installer_rights_held_by_the_runtime_account_are_reported_apart():
    lines = exact_runtime("oe") + ["GRANT CREATE, ALTER, INDEX ON `oe`.`aib_events` TO `bridge`@`%`"]
    found = grants_review.review(lines, "oe", present=None)
    assert found.excess == [] and {a[1] for a in found.installer_rights} == {"CREATE", "ALTER", "INDEX"}
    assert found.ok
