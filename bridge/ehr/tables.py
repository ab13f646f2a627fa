"""Bridge-owned tables (prefix ``aib_``), on their own MetaData.

They live in the OpenEMR database so that a draft's OpenEMR rows and its ledger row commit in
one transaction. Creating them (``create_all`` on this MetaData) can never touch OpenEMR's
tables; OpenEMR upgrades never touch them.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

bridge_meta = MetaData()

SCHEMA_VERSION = 1

schema_info = Table(
    "aib_schema", bridge_meta,
    Column("id", Integer, primary_key=True), Column("version", Integer, nullable=False),
    Column("installed_at", DateTime, nullable=False),
)

events = Table(
    "aib_events", bridge_meta,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("practice", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("source_table", String(64), nullable=False),
    Column("source_id", BigInteger, nullable=False),
    Column("pid", BigInteger, nullable=False),
    Column("encounter", BigInteger),
    Column("formdir", String(64)),
    Column("user", String(255)),
    Column("status", String(16), nullable=False, default="new"),  # new|queued|done|failed
    Column("detected_at", DateTime, nullable=False),
    Column("dispatched_at", DateTime),
    UniqueConstraint("practice", "kind", "source_table", "source_id", name="uq_aib_events_source"),
    Index("ix_aib_events_status", "status", "id"),
    mysql_engine="InnoDB",
)

cursors = Table(
    "aib_cursors", bridge_meta,
    Column("practice", String(64), primary_key=True),
    Column("source", String(64), primary_key=True),
    Column("high_water", BigInteger, nullable=False, default=0),
    Column("updated_at", DateTime, nullable=False),
    mysql_engine="InnoDB",
)

tasks = Table(
    "aib_tasks", bridge_meta,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("event_id", BigInteger, nullable=False),
    Column("plugin", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # pending|queued|running|done|skipped|failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("queued_at", DateTime),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("event_id", "plugin", name="uq_aib_tasks_event_plugin"),
    Index("ix_aib_tasks_status", "status"),
    mysql_engine="InnoDB",
)

drafts = Table(
    "aib_drafts", bridge_meta,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("practice", String(64), nullable=False),
    Column("source_key", String(128), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("pid", BigInteger, nullable=False),
    Column("encounter", BigInteger),
    Column("forms_id", BigInteger),  # OpenEMR forms.id (NULL for deliveries and alerts)
    Column("formdir", String(64)),
    Column("clinician_id", BigInteger),
    Column("backend", String(64)),
    Column("state", String(24), nullable=False),  # drafted|signed|signed_after_edit|discarded|superseded|delivered|sent
    Column("content_hash", String(64)),
    Column("drafted_text", Text),  # what the bridge wrote, to measure edits at sign-off
    Column("signed_hash", String(64)),
    Column("edit_ratio", Integer),  # per-mille of characters changed before signing
    Column("session_end", DateTime),
    Column("drafted_at", DateTime, nullable=False),
    Column("signed_at", DateTime),
    Column("signed_by", BigInteger),
    UniqueConstraint("practice", "source_key", "kind", name="uq_aib_drafts_source_kind"),
    Index("ix_aib_drafts_forms", "forms_id"),
    Index("ix_aib_drafts_state", "state", "pid"),
    mysql_engine="InnoDB",
)

failures = Table(
    "aib_failures", bridge_meta,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("event_id", BigInteger, nullable=False),
    Column("plugin", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("error_type", String(64), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("failed_at", DateTime, nullable=False),
    Column("replayed_at", DateTime),
    Index("ix_aib_failures_open", "replayed_at"),
    mysql_engine="InnoDB",
)

audit = Table(
    "aib_audit", bridge_meta,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=False), nullable=False),
    Column("practice", String(64), nullable=False),
    Column("action", String(48), nullable=False),
    Column("actor", String(255), nullable=False),  # service user or clinician username
    Column("clinician_id", BigInteger),
    Column("pid", BigInteger),
    Column("document", String(32)),
    Column("ref", String(128)),  # source key / forms id: ids only
    Column("detail", JSON),  # counts, categories, backend names; never chart text
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    mysql_engine="InnoDB",
)
