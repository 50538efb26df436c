"""What a till is connected to, for the Settings screen: the configured server and till
name (:func:`till_setup`, from settings, no database work) and the facts of the live
connection (:func:`connection_facts`: TLS from ``pg_stat_ssl``, whether the server's
certificate is verified, the server's version)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from boxoffice.config import Settings


@dataclass(frozen=True)
class TillSetup:
    """This till's configuration: ``till_name``; ``server`` in words (``"db.example.org
    port 5432, database boxoffice"`` or ``"embedded at /home/…/pgdata"``); ``embedded``;
    ``ca_file``, ``client_cert``: the TLS files configured (``None``: none);
    ``backups``: where automatic backups go (embedded only, else ``None``)."""

    till_name: str
    server: str
    embedded: bool
    ca_file: Path | None = None
    client_cert: Path | None = None
    backups: Path | None = None


def till_setup(settings: Settings, url: str, *, embedded: bool) -> TillSetup:
    """The :class:`TillSetup` of ``settings`` connected to ``url``."""
    if embedded:
        return TillSetup(
            settings.till_name, f"embedded at {settings.embedded_pgdata}", True, backups=settings.data_dir / "backups"
        )
    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "local socket"
    server = f"{host} port {parsed.port or 5432}, database {parsed.database}"
    return TillSetup(settings.till_name, server, False, settings.db_sslrootcert, settings.db_sslcert)


@dataclass(frozen=True)
class ConnectionFacts:
    """The live connection: ``tls`` on or off, its ``tls_version`` and ``cipher``,
    ``sslmode`` as libpq used it, ``verified`` (``"host"``: the certificate is signed by
    the CA and names the host; ``"ca"``: signed by the CA only; ``None``: not checked),
    ``server_version`` (e.g. ``"16.14"``), the ``login`` and ``database``."""

    tls: bool
    tls_version: str | None
    cipher: str | None
    sslmode: str | None
    verified: str | None
    server_version: str
    login: str
    database: str


def connection_facts(session: Session) -> ConnectionFacts:
    """Read the facts of ``session``'s connection (read-only; any signed-in person)."""
    row = session.execute(text("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).first()
    server_version = session.execute(text("SHOW server_version")).scalar_one()
    login, database = session.execute(text("SELECT session_user, current_database()")).one()
    dbapi = session.connection().connection.driver_connection
    params = dbapi.info.get_parameters() if dbapi is not None else {}
    tls = bool(row and row.ssl)
    mode = params.get("sslmode")
    verified = {"verify-full": "host", "verify-ca": "ca"}.get(mode or "") if tls else None
    session.rollback()
    return ConnectionFacts(
        tls,
        row.version if tls else None,
        row.cipher if tls else None,
        mode,
        verified,
        server_version.split(" ")[0],
        login,
        database,
    )
