"""Opening the database the app and the command line use: the embedded default server
or ``BOXOFFICE_DATABASE_URL``, migrated to the newest schema."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from boxoffice.config import Settings
from boxoffice.db import migrate
from boxoffice.db.embedded import start_embedded
from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain.errors import DatabaseUnavailableError

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: its engine, session factory, URL, and whether it is embedded."""

    engine: Engine
    session_factory: sessionmaker[Session]
    url: str
    embedded: bool

    def close(self) -> None:
        """Close pooled connections (the embedded server stops when its last user exits)."""
        self.engine.dispose()


def database_url(settings: Settings) -> tuple[str, bool]:
    """The URL to use and whether it is the embedded server (started here if needed).

    Raises:
        DatabaseUnavailableError: the embedded server would not start.
    """
    if settings.database_url:
        return settings.database_url, False
    return start_embedded(settings.embedded_pgdata), True


def open_database(settings: Settings, *, upgrade: bool | None = None, connect: bool = True,
                  application_name: str = "boxoffice") -> Database:
    """Connect (starting the embedded server if no URL is set) and make sure the schema
    is the one this program needs.

    ``upgrade``: ``None`` (the default) migrates the embedded server (as its superuser,
    then as ``bo_owner``) but never a shared server given by URL, whose schema is only
    checked (:func:`boxoffice.db.migrate.check_schema`); ``True`` migrates whatever the URL names (``boxoffice
    db upgrade``: the login must be the owner). ``connect=False`` (a till on a central
    server, whose URL carries no password until someone signs in) skips connecting; the
    schema is then checked at sign-in.

    Raises:
        DatabaseUnavailableError: the server cannot be reached or would not start.
        SchemaMismatchError: a shared server's schema is not this program's.
        ValueError: ``BOXOFFICE_DATABASE_URL`` is not a PostgreSQL URL.
    """
    url, embedded = database_url(settings)
    engine = make_engine(url, application_name=f"{application_name}:{settings.till_name}")
    try:
        if upgrade or (upgrade is None and embedded):
            before, after = migrate.upgrade(engine)
            if before != after:
                log.info("database upgraded from %s to %s", before, after)
        elif connect:
            with engine.connect() as conn:
                migrate.check_schema(conn)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailableError(f"Cannot reach the database: {reason}") from exc
    return Database(engine, make_session_factory(engine), url, embedded)

