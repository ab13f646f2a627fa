"""Reviewing what a database account holds (SHOW GRANTS) against what the bridge needs.

``doctor`` uses :func:`review` to report missing rights, rights the bridge never uses, and
database-wide grants; install-only rights are reported apart (see :mod:`bridge.grants`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bridge.grants import Atom, _rank, atoms, installer_needs, render_privileges, runtime_needs

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
