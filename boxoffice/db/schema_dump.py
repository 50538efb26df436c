"""``boxoffice/migrations/schema.sql``: the present schema, as ``pg_dump`` prints it.

The revisions in ``migrations/versions`` are history: to read the current ``bo_sell``
one would have to replay them in one's head. ``schema.sql`` is what they add up to: the
schema-only dump of a database migrated to head, with ownership and privileges (the
security contract), normalised so that every run prints the same text:

* the ``\\restrict`` / ``\\unrestrict`` lines (a random key since pg_dump 17.6) and the
  "Dumped from/by version" comments are dropped; a header names the major versions;
* the superuser that ran the migrations is written ``postgres`` (the embedded server's
  superuser, with which the checked-in file is made), so that a test server whose admin
  login has another name prints the same file. Roles that are not superusers (the
  fixed ``bo_*`` roles of the security contract) keep their names.

Regenerate it with ``REGENERATE_COMMAND`` (tools/dump_schema.py); tests/test_schema_dump.py
fails with a diff when it is stale.
"""

from __future__ import annotations

import re
import subprocess

import psycopg

from boxoffice.config import MIGRATIONS_DIR
from boxoffice.db.pgtools import libpq_url, pg_binary, pg_env, pg_major

SCHEMA_FILE = MIGRATIONS_DIR / "schema.sql"
REGENERATE_COMMAND = ".venv/bin/python tools/dump_schema.py"
MIGRATOR_NAME = "postgres"

_HEADER = """\
-- The boxoffice database schema at the newest revision of boxoffice/migrations/versions:
-- every current table, view, function, trigger, owner and grant in one file.
-- Generated, do not edit: `pg_dump --schema-only` of a freshly migrated database.
-- Regenerate: {command}
-- PostgreSQL {server}, pg_dump {dump}

"""
_MAJORS = re.compile(r"^-- PostgreSQL (\d+), pg_dump (\d+)$", re.M)
_DROPPED = re.compile(r"^(\\restrict |\\unrestrict |-- Dumped from database version |-- Dumped by pg_dump version )")
# pg_dump's own lines that name roles (function bodies are left alone)
_ROLE_LINES = ("ALTER ", "GRANT ", "REVOKE ", "SET SESSION AUTHORIZATION ", "-- Name: ")
_ROLE_SPOTS = r"(OWNER TO |; Owner: |SESSION AUTHORIZATION |FOR ROLE | TO | FROM |, )"


def server_major(url: str) -> int:
    """Major version of the PostgreSQL server at ``url`` (a SQLAlchemy URL), e.g. 18."""
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute("SHOW server_version_num").fetchone()
    assert row is not None  # SHOW returns one row
    return int(row[0]) // 10000


def dump_schema(url: str, *, migrated_by: str | None = None) -> str:
    """The normalised schema-only dump of the database at ``url`` (see the module docstring).

    Args:
        url: SQLAlchemy URL of a migrated database.
        migrated_by: the superuser that ran the migrations, written as ``postgres`` in
            owner and grant lines; None: the user of ``url`` if it is a superuser. Other
            roles (``bo_owner``, ``bo_cashier``...) are part of the contract and keep
            their names.

    Raises:
        FileNotFoundError: no pg_dump new enough for the server (``pgtools.pg_binary``).
        subprocess.CalledProcessError: pg_dump failed (its stderr is in the exception).
    """
    major = server_major(url)
    pg_dump = pg_binary("pg_dump", min_major=major)
    out = subprocess.run(
        [str(pg_dump), "--schema-only", f"--dbname={libpq_url(url, password=False)}"],
        capture_output=True,
        text=True,
        check=True,
        env=pg_env(url),
    ).stdout
    if migrated_by is None:
        with psycopg.connect(libpq_url(url)) as conn:
            row = conn.execute("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
        assert row is not None  # the current user is a role
        user, superuser = row
        migrated_by = user if superuser else MIGRATOR_NAME
    header = _HEADER.format(command=REGENERATE_COMMAND, server=major, dump=pg_major(pg_dump))
    return header + normalise(out, migrated_by=migrated_by)


def normalise(dump: str, *, migrated_by: str = MIGRATOR_NAME) -> str:
    """``pg_dump`` output without its run-dependent lines (and the blank lines they leave
    doubled), ``migrated_by`` renamed ``postgres``; everything else kept byte for byte."""
    lines: list[str] = []
    rename = None
    if migrated_by != MIGRATOR_NAME:
        # statements quote the name as an identifier; the "-- Name: ...; Owner: x" comments do not
        names = "|".join(re.escape(n) for n in {_quoted(migrated_by), migrated_by})
        rename = re.compile(rf"{_ROLE_SPOTS}(?:{names})(?=[;,\s]|$)")
    dropped = False
    for line in dump.splitlines():
        if _DROPPED.match(line) or (dropped and not line and lines and not lines[-1]):
            dropped = True
            continue
        dropped = False
        if rename is not None and line.startswith(_ROLE_LINES):
            line = rename.sub(lambda m: m.group(1) + MIGRATOR_NAME, line)
        lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def dumped_majors(schema_text: str) -> tuple[int, int] | None:
    """``(server major, pg_dump major)`` named in a dump's header, None without a header."""
    match = _MAJORS.search(schema_text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _quoted(role: str) -> str:
    """A role name as pg_dump writes it (double-quoted unless a plain lower-case identifier)."""
    return role if re.fullmatch(r"[a-z_][a-z0-9_$]*", role) else '"' + role.replace('"', '""') + '"'
