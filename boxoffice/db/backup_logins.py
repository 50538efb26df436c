"""Staff logins beside a backup of the embedded default.

Roles are cluster-wide, so ``pg_dump`` leaves them out; on the embedded default, where the
app is the superuser and the only tenant, a backup also writes ``<backup>.logins.json``:
every login that is a member of a boxoffice group role (staff, web servers) with its
SCRAM verifier (never a plain password) and groups. A restore recreates the ones the
server lacks, so people sign in with their own passwords on a new computer. On a central
server keep roles with ``pg_dumpall --roles-only`` instead (docs/operations.md).

Also here: creating the owner and group roles (:mod:`boxoffice.db.roles`) on a server
that has none yet, before a restore needs them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
from psycopg import sql

from boxoffice.db.roles import ALL_GROUPS, OWNER

SIDE_SUFFIX = ".logins.json"


def logins_path(backup: Path) -> Path:
    """The logins file beside ``backup`` (``x.dump`` -> ``x.dump.logins.json``)."""
    return backup.with_name(backup.name + SIDE_SUFFIX)


def is_superuser(conn: psycopg.Connection) -> bool:
    """Whether ``conn``'s login is a superuser."""
    return bool(conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = session_user").fetchone()[0])


def save_logins(conn: psycopg.Connection, path: Path) -> int:
    """As a superuser: write the logins of the connected database (named
    ``<database>_…``, in a boxoffice group: staff, web servers) with their verifiers and
    groups to ``path`` (mode 0600); returns how many."""
    rows = conn.execute(
        "SELECT a.rolname, a.rolpassword, array_agg(g.rolname ORDER BY g.rolname) "
        "FROM pg_authid a JOIN pg_auth_members m ON m.member = a.oid JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE a.rolcanlogin AND NOT a.rolsuper AND g.rolname = ANY(%s) "
        "AND starts_with(a.rolname, current_database() || '_') GROUP BY a.rolname, a.rolpassword "
        "ORDER BY a.rolname",
        (list(ALL_GROUPS),),
    ).fetchall()
    data = [{"login": name, "verifier": verifier, "groups": groups} for name, verifier, groups in rows]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"format": 1, "logins": data}, out, indent=1)
    return len(data)


def login_names(path: Path) -> set[str]:
    """The logins listed in the logins file ``path`` (none if there is no such file)."""
    if not path.is_file():
        return set()
    return {entry["login"] for entry in json.loads(path.read_text()).get("logins", [])}


def restore_logins(conn: psycopg.Connection, path: Path) -> int:
    """As a superuser: create the logins in ``path`` that the server lacks (existing ones
    keep their passwords); returns how many were created. A missing file creates none."""
    if not path.is_file():
        return 0
    data = json.loads(path.read_text())
    have = {r for (r,) in conn.execute("SELECT rolname FROM pg_roles")}
    made = 0
    for entry in data.get("logins", []):
        if entry["login"] in have:
            continue
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(entry["login"]), sql.Literal(entry["verifier"])
            )
        )
        for group in entry["groups"]:
            if group in ALL_GROUPS:
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(entry["login"])))
        made += 1
    return made


def ensure_group_roles(conn: psycopg.Connection) -> None:
    """As a superuser: create ``bo_owner`` and the group roles where missing (as
    :func:`boxoffice.db.roles.ensure_cluster_roles` does, without touching any database)."""
    if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone():
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN CREATEROLE").format(sql.Identifier(OWNER)))
    for group in ALL_GROUPS:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone():
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
        conn.execute(sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(sql.Identifier(group), sql.Identifier(OWNER)))
    conn.execute(sql.SQL("GRANT pg_signal_backend TO {}").format(sql.Identifier(OWNER)))
