"""``openemr-bridge install --practice NAME``: idempotent.

Creates the bridge-owned ``aib_`` tables, the plugins' Layout-Based Forms and lists (by rows:
no PHP, no core change), and the service user that owns drafts (``forms.user``) but cannot
log in (no ``users_secure`` row). Running it again changes nothing that is already right.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine

from bridge.ehr import audit
from bridge.ehr import schema as oe
from bridge.ehr import tables as aib
from bridge.ehr.version import present_tables
from hooks.types import LayoutForm, ListDef

log = logging.getLogger(__name__)


@dataclass
class InstallReport:
    created_tables: list[str] = field(default_factory=list)
    layouts: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    service_user_created: bool = False

    def lines(self) -> list[str]:
        return [
            f"bridge tables created: {', '.join(self.created_tables) or 'none (already present)'}",
            f"layout-based forms installed: {', '.join(self.layouts) or 'none'}",
            f"lists installed: {', '.join(self.lists) or 'none'}",
            "service user: " + ("created" if self.service_user_created else "already present"),
        ]


def install(engine: Engine, *, practice: str, service_user: str, layouts: list[LayoutForm],
            lists: list[ListDef]) -> InstallReport:
    report = InstallReport()
    with engine.begin() as conn:
        existing = present_tables(conn)
        aib.bridge_meta.create_all(conn, checkfirst=True)
        report.created_tables = sorted(set(aib.bridge_meta.tables) - existing)
        _schema_row(conn)
    with engine.begin() as conn:
        report.service_user_created = ensure_service_user(conn, service_user)
        for item in lists:
            install_list(conn, item)
            report.lists.append(item.list_id)
        for form in layouts:
            install_layout(conn, form)
            report.layouts.append(form.form_id)
        audit.record(conn, audit.AuditEntry(practice, "installed", service_user, detail={
            "layouts": len(layouts), "lists": len(lists), "schema": aib.SCHEMA_VERSION}))
    return report


def _schema_row(conn: Connection) -> None:
    if conn.execute(select(aib.schema_info.c.id).where(aib.schema_info.c.id == 1)).first() is None:
        conn.execute(aib.schema_info.insert().values(id=1, version=aib.SCHEMA_VERSION,
                                                     installed_at=audit.db_now(conn)))


def ensure_service_user(conn: Connection, username: str) -> bool:
    """A users row that owns drafts and cannot log in; True when it was created."""
    found = conn.execute(select(oe.users.c.id).where(oe.users.c.username == username)).first()
    if found:
        return False
    conn.execute(oe.users.insert().values(
        username=username, authorized=0, active=1, calendar=0, see_auth=1, fname="AI", lname="Draft",
        mname="", suffix="", title="", valedictory="", facility_id=0, abook_type="", portal_user=0,
        info="OpenEMR AI bridge service account: writes unsigned drafts; has no password and cannot log in.",
    ))
    conn.execute(oe.groups.insert().values(name="Default", user=username))
    return True


def install_list(conn: Connection, item: ListDef) -> None:
    lo = oe.list_options
    _upsert_option(conn, "lists", item.list_id, item.title, 0)
    for seq, (option_id, title) in enumerate(item.options, start=1):
        _upsert_option(conn, item.list_id, option_id, title, seq * 10)
    keep = [o for o, _ in item.options]
    conn.execute(lo.update().where(lo.c.list_id == item.list_id, lo.c.option_id.not_in(keep)).values(activity=0))


def _upsert_option(conn: Connection, list_id: str, option_id: str, title: str, seq: int) -> None:
    conn.execute(text(
        "INSERT INTO list_options (list_id, option_id, title, seq, activity) "
        "VALUES (:l, :o, :t, :s, 1) ON DUPLICATE KEY UPDATE title = VALUES(title), "
        "seq = VALUES(seq), activity = 1"), {"l": list_id, "o": option_id, "t": title, "s": seq})


def install_layout(conn: Connection, form: LayoutForm) -> None:
    """Replace this form's layout rows with the declared ones (form data is untouched)."""
    if not form.form_id.startswith("LBF") or len(form.form_id) > 31:
        raise ValueError(f"layout id {form.form_id!r} must start with 'LBF' and have at most 31 characters")
    gp, lo = oe.layout_group_properties, oe.layout_options
    conn.execute(gp.delete().where(gp.c.grp_form_id == form.form_id))
    conn.execute(lo.delete().where(lo.c.form_id == form.form_id))
    now = audit.db_now(conn)
    conn.execute(gp.insert().values(
        grp_form_id=form.form_id, grp_group_id="", grp_title=form.title[:63], grp_mapping=form.mapping,
        grp_seq=form.seq, grp_activity=1, grp_columns=4, grp_size=9, grp_aco_spec=form.aco_spec,
        grp_last_update=now))
    for group_id, title in form.groups:
        conn.execute(gp.insert().values(grp_form_id=form.form_id, grp_group_id=group_id,
                                        grp_title=title[:63], grp_activity=1, grp_last_update=now))
    rows = [{
        "form_id": form.form_id, "field_id": f.field_id, "seq": (i + 1) * 10, "group_id": f.group,
        "title": f.title, "data_type": f.data_type, "uor": f.uor, "fld_length": f.cols,
        "max_length": f.max_length, "list_id": f.list_id, "titlecols": 1, "datacols": 3,
        "edit_options": f.edit_options, "description": f.description, "fld_rows": f.rows,
        "source": "F", "conditions": "",
    } for i, f in enumerate(form.fields)]
    if rows:
        conn.execute(lo.insert(), rows)
