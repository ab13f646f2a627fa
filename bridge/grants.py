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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

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


# --- reviewing what an account holds (SHOW GRANTS) ------------------------------------------

_GRANT = re.compile(r"^GRANT (?P<privs>.+?) ON (?P<obj>\S+) TO ", re.S)
_OBJECT = re.compile(r"^(?:(?:`(?P<db>(?:[^`]|``)+)`|(?P<dbw>\*))\.(?:`(?P<table>(?:[^`]|``)+)`|(?P<tw>\*)))$")


@dataclass
class Held:
    """An account's rights as they apply to one database."""

    everywhere: set[str] = field(default_factory=set)  # from *.* and `db`.* grants
    broad: list[str] = field(default_factory=list)  # readable descriptions of those grants
    atoms: set[Atom] = field(default_factory=set)  # table- and column-level rights

    def has(self, atom: Atom) -> bool:
        table, priv, col = atom
        if priv in self.everywhere or "ALL PRIVILEGES" in self.everywhere:
            return True
        return (table, priv, None) in self.atoms or (col is not None and atom in self.atoms)


def split_privileges(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """'SELECT (`a`, `b`), INSERT' -> [('SELECT', ('a', 'b')), ('INSERT', ())]."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    out = []
    for part in (p.strip() for p in parts if p.strip()):
        name, _, cols = part.partition("(")
        columns = tuple(c.strip().strip("`") for c in cols.rstrip(")").split(",") if c.strip())
        out.append((" ".join(name.split()).upper(), columns))
    return out


def _db_matches(pattern: str, database: str) -> bool:
    regex = ""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            regex += re.escape(pattern[i + 1])
            i += 2
            continue
        regex += ".*" if ch == "%" else "." if ch == "_" else re.escape(ch)
        i += 1
    return re.fullmatch(regex, database, re.I) is not None


def parse_grants(lines: Iterable[str], database: str) -> Held:
    held = Held()
    for line in lines:
        m = _GRANT.match(line.strip())
        obj = _OBJECT.match(m["obj"]) if m else None
        if not m or not obj:
            continue  # roles, PROXY, routines: not table rights
        privs = [(p, c) for p, c in split_privileges(m["privs"]) if p not in ("USAGE", "PROXY")]
        if not privs:
            continue
        db, table = (obj["db"] or "*").replace("``", "`"), obj["table"]
        if obj["dbw"]:
            held.everywhere |= {p for p, _ in privs}
            held.broad.append(f"{', '.join(p for p, _ in privs)} on every database")
        elif not _db_matches(db, database):
            continue
        elif table is None:
            held.everywhere |= {p for p, _ in privs}
            held.broad.append(f"{', '.join(p for p, _ in privs)} on every table of {db}")
        else:
            name = table.replace("``", "`")
            for priv, cols in privs:
                held.atoms |= {(name, priv, c) for c in cols} if cols else {(name, priv, None)}
    return held


@dataclass(frozen=True)
class Review:
    missing: list[Atom]
    excess: list[Atom]
    broad: list[str]  # database-wide or global rights: always more than needed
    installer_rights: list[Atom]  # held, not used at runtime, used by install

    @property
    def ok(self) -> bool:
        return not (self.missing or self.excess or self.broad)


def review(lines: Iterable[str], database: str, present: set[str] | None = None) -> Review:
    """Compare an account's grants with the runtime profile (install rights are reported apart)."""
    held = parse_grants(lines, database)
    runtime = atoms(runtime_needs(), present)
    install = atoms(installer_needs(), present)
    missing = sorted(a for a in runtime if not held.has(a))
    extra = sorted((a for a in held.atoms if not _allowed(a, runtime)), key=_atom_key)
    installer = [a for a in extra if _allowed(a, install)]
    excess = [a for a in extra if not _allowed(a, install)]
    return Review(sorted(missing, key=_atom_key), excess, held.broad, installer)


def _allowed(atom: Atom, wanted: set[Atom]) -> bool:
    table, priv, _col = atom
    return atom in wanted or (table, priv, None) in wanted


def _atom_key(atom: Atom) -> tuple[str, int, str]:
    return atom[0], _rank(atom[1]), atom[2] or ""


def describe(found: Iterable[Atom]) -> str:
    """'SELECT, INSERT on forms; UPDATE (hash) on aib_audit' for a list of rights."""
    by_table: dict[str, set[Atom]] = {}
    for atom in found:
        by_table.setdefault(atom[0], set()).add(atom)
    return "; ".join(f"{render_privileges(a).replace('`', '')} on {t}" for t, a in sorted(by_table.items()))
