"""Which OpenEMR this is: the ``version`` row plus column probes (7.0.x and 8.x differ)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

OPTIONAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("form_encounter", "last_update"),
    ("patient_data", "last_updated"),
    ("patient_data", "interpreter"),
    ("patient_data", "interpretter"),
    ("patient_data", "pronoun"),
    ("form_care_plan", "plan_status"),
    ("questionnaire_repository", "category"),
    ("registry", "form_foreign_id"),
)


@dataclass(frozen=True)
class OpenEMRVersion:
    major: int
    minor: int
    patch: int
    tag: str
    database: int
    columns: frozenset[tuple[str, str]]
    tables: frozenset[str]

    @property
    def label(self) -> str:
        if self.major == 0:
            return "unknown (version row not set by the OpenEMR installer)"
        return f"{self.major}.{self.minor}.{self.patch}{self.tag} (db {self.database})"

    def has(self, table: str, column: str) -> bool:
        return (table, column) in self.columns

    def has_table(self, table: str) -> bool:
        return table in self.tables

    @property
    def supported(self) -> bool:
        """7.0.x and later; an unset version row is judged by its columns."""
        if self.major == 0:
            return self.has_table("questionnaire_response")
        return (self.major, self.minor) >= (7, 0)


def present_tables(conn: Connection) -> set[str]:
    """The tables of the connection's database (what this OpenEMR release has)."""
    return {r[0] for r in conn.execute(text(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))}


def detect(conn: Connection) -> OpenEMRVersion:
    row = conn.execute(text(
        "SELECT v_major, v_minor, v_patch, v_tag, v_database FROM version LIMIT 1")).first()
    major, minor, patch, tag, database = row if row else (0, 0, 0, "", 0)
    tables = frozenset(present_tables(conn))
    wanted = {t for t, _ in OPTIONAL_COLUMNS}
    cols = frozenset(
        (r[0], r[1]) for r in conn.execute(text(
            "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = DATABASE()"))
        if r[0] in wanted
    )
    return OpenEMRVersion(int(major or 0), int(minor or 0), int(patch or 0), str(tag or ""),
                          int(database or 0), cols, tables)
