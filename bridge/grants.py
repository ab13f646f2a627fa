"""Least privilege: the database rights the bridge uses, as GRANT statements, and a review of
what an account holds (``SHOW GRANTS``) against them.

Two profiles, derived from what the code does:

- ``runtime`` (detector, workers, status/failures/replay/audit/report/doctor): SELECT on every
  OpenEMR table declared in :mod:`bridge.ehr.schema` except the write-only log and inbox
  tables, plus the tables the plugins' ``store.py`` and :mod:`bridge.ehr.portal` query; INSERT
  only where the write path, the audit and the portal delivery insert; DELETE only on
  ``lbf_data`` (the id claim's dummy row, as LBF/new.php does, and re-drafting an unsigned
  draft); UPDATE on ``document_templates`` because MariaDB checks it for ``INSERT ... ON
  DUPLICATE KEY UPDATE`` (no existing assignment is changed). Bridge-owned ``aib_`` tables
  get SELECT/INSERT/UPDATE/DELETE, except the audit chain: INSERT and UPDATE of its ``hash``
  column only, so the runtime account cannot rewrite or delete audit rows. (The installer
  account, which creates the table, holds UPDATE on all of it: MariaDB grants column rights
  only on existing tables. Keep that account locked between installs.)
- ``installer`` (``openemr-bridge install``): CREATE/ALTER/INDEX on the ``aib_`` tables, the
  service user (``users``, ``groups``), the plugins' lists (``list_options``) and layouts
  (``layout_group_properties``/``layout_options``, replaced by DELETE + INSERT).

``GET_LOCK`` (one detector per practice) and ``information_schema`` need no grant. Tables a
clinic may not have (native PHQ-9/GAD-7 forms) are granted only when present: MariaDB refuses
a GRANT on a missing table. A third-party plugin that drafts a native form (``form_<dir>``, and
``UPDATE sequences`` for ``form_soap``) needs those rights added by hand.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bridge.ehr import schema as oe
from bridge.ehr import tables as aib

ORDER = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "INDEX")
WRITE_ONLY = frozenset({"log", "log_comment_encrypt", "extended_log", "pnotes"})
# Code paths no builtin plugin reaches, so deliberately not granted (with the reason):
NOT_GRANTED = {("sequences", "UPDATE"): "ids for native form_soap drafts; builtin plugins draft LBFs"}


@dataclass(frozen=True)
class Need:
    table: str
    privileges: tuple[str, ...]
    why: str
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # column-level: (("UPDATE", ("hash",)),)
    optional: bool = False  # exists only when the clinic enabled that form

    def atoms(self) -> set[Atom]:
        found = {(self.table, p, None) for p in self.privileges}
        return found | {(self.table, p, c) for p, cols in self.columns for c in cols}


Atom = tuple[str, str, "str | None"]  # (table, privilege, column or None for the whole table)

_WRITES: dict[str, tuple[tuple[str, ...], str]] = {
    "forms": (("INSERT",), "the write path adds each draft's forms row"),
    "lbf_data": (("INSERT", "DELETE"), "draft fields; DELETE for the id claim's dummy row and re-drafts"),
    "form_care_plan": (("INSERT",), "treatment plans mirrored into the Care Plan form"),
    "pnotes": (("INSERT",), "same-day safety alerts in the clinician's inbox"),
    "log": (("INSERT",), "every AI action in OpenEMR's log viewer"),
    "log_comment_encrypt": (("INSERT",), "the log row's checksum row"),
    "extended_log": (("INSERT",), "disclosure rows for text sent to an external model"),
}
_READS_BY_PLUGINS: tuple[Need, ...] = (
    Need("questionnaire_repository", ("SELECT", "INSERT"), "portal delivery imports a questionnaire once"),
    Need("document_templates", ("SELECT", "INSERT", "UPDATE"),
         "portal assignment; ON DUPLICATE KEY UPDATE needs UPDATE, no row is changed"),
    Need("uuid_registry", ("INSERT",), "uuid of an imported questionnaire"),
    Need("form_questionnaire_assessments", ("SELECT",), "completed questionnaires to score"),
    Need("users_secure", (), "doctor: the service user has no login", (("SELECT", ("username",)),)),
    Need("form_phq9", ("SELECT",), "native PHQ-9 forms to score", optional=True),
    Need("form_gad7", ("SELECT",), "native GAD-7 forms to score", optional=True),
)


def _aib(extra: tuple[str, ...], rows: tuple[str, ...]) -> list[Need]:
    needs = []
    for name in sorted(aib.bridge_meta.tables):
        if name == aib.audit.name and extra:  # a column right needs the table to exist first
            needs.append(Need(name, extra + rows, "audit chain, created by install"))
        elif name == aib.audit.name:
            needs.append(Need(name, ("SELECT", "INSERT"), "audit chain: append only",
                              (("UPDATE", ("hash",)),)))
        elif name == aib.schema_info.name:
            needs.append(Need(name, extra + (("SELECT", "INSERT") if extra else ("SELECT",)),
                              "bridge schema version"))
        else:
            needs.append(Need(name, extra + rows, "bridge-owned bookkeeping"))
    return needs


def runtime_needs() -> list[Need]:
    needs = []
    for name in sorted(oe.openemr.tables):
        writes, why = _WRITES.get(name, ((), "read"))
        reads = () if name in WRITE_ONLY else ("SELECT",)
        needs.append(Need(name, reads + writes, why if writes else "declared in bridge.ehr.schema; read"))
    return needs + list(_READS_BY_PLUGINS) + _aib((), ("SELECT", "INSERT", "UPDATE", "DELETE"))


def installer_needs() -> list[Need]:
    return [
        Need("users", ("SELECT", "INSERT"), "the service user that owns drafts"),
        Need("groups", ("INSERT",), "the service user's group row"),
        Need("list_options", ("SELECT", "INSERT", "UPDATE"), "the plugins' lists (upsert, deactivate)"),
        Need("layout_group_properties", ("SELECT", "INSERT", "DELETE"), "the plugins' forms, replaced"),
        Need("layout_options", ("SELECT", "INSERT", "DELETE"), "the plugins' form fields, replaced"),
        Need("globals", ("SELECT",), "gbl_time_zone for the session time zone"),
        Need("log", ("INSERT",), "the install is audited"),
        Need("log_comment_encrypt", ("INSERT",), "the log row's checksum row"),
        *_aib(("CREATE", "ALTER", "INDEX"), ("SELECT", "INSERT", "UPDATE")),
    ]


def profile(name: str) -> list[Need]:
    if name == "runtime":
        return runtime_needs()
    if name == "installer":
        return installer_needs()
    if name == "both":
        return runtime_needs() + installer_needs()
    raise ValueError(f"unknown grants profile {name!r}; use runtime, installer or both")


def atoms(needs: Iterable[Need], present: set[str] | None = None) -> set[Atom]:
    """Every (table, privilege, column) the needs ask for; optional tables only when present."""
    out: set[Atom] = set()
    for need in needs:
        if need.optional and present is not None and need.table not in present:
            continue
        out |= need.atoms()
    return out


# --- GRANT statements --------------------------------------------------------------------

def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _account(user: str, host: str) -> str:
    return "'" + user.replace("'", "''") + "'@'" + host.replace("'", "''") + "'"


def statements(needs: list[Need], database: str, user: str, host: str,
               present: set[str] | None = None) -> list[str]:
    """One GRANT per table (table- and column-level rights together), sorted by table."""
    by_table: dict[str, set[Atom]] = {}
    for atom in atoms(needs, present):
        by_table.setdefault(atom[0], set()).add(atom)
    lines = []
    for table in sorted(by_table):
        lines.append(f"GRANT {render_privileges(by_table[table])} ON {_quote(database)}.{_quote(table)} "
                     f"TO {_account(user, host)};")
    return lines


def render_privileges(table_atoms: set[Atom]) -> str:
    whole = {p for _, p, c in table_atoms if c is None}
    parts = []
    for priv in sorted({p for _, p, _ in table_atoms}, key=_rank):
        cols = sorted(c for _, p, c in table_atoms if p == priv and c is not None)
        parts.append(priv if priv in whole else f"{priv} ({', '.join(_quote(c) for c in cols)})")
    return ", ".join(parts)


def _rank(priv: str) -> int:
    return ORDER.index(priv) if priv in ORDER else len(ORDER)


def script(profile_name: str, database: str, user: str, host: str, present: set[str] | None) -> str:
    """The SQL an admin runs as a privileged account, with the reason for each table as a comment."""
    needs = profile(profile_name)
    why: dict[str, list[str]] = {}
    for need in needs:
        why.setdefault(need.table, []).append(need.why)
    out = [f"-- openemr-bridge {profile_name} account for database {database}",
           f"-- CREATE USER {_account(user, host)} IDENTIFIED BY '<password>';",
           "-- (choose a password, export it, and reference it in the practice file as",
           "--  password = { env = \"VARIABLE\" }; run install before granting the runtime",
           "--  profile: MariaDB refuses a GRANT on a table that does not exist yet)",
           "-- GET_LOCK and information_schema need no grant."]
    for line in statements(needs, database, user, host, present):
        table = line.split(" ON ")[1].split(".", 1)[1].split(" ")[0].strip("`")
        out.append(f"-- {table}: {'; '.join(dict.fromkeys(why[table]))}")
        out.append(line)
    skipped = sorted(n.table for n in needs if n.optional and present is not None and n.table not in present)
    if skipped:
        out.append(f"-- not granted, absent from this database: {', '.join(skipped)} "
                   "(enable the form in OpenEMR, then print the grants again)")
    return "\n".join(out) + "\n"
