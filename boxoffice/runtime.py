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
from boxoffice.db.tls import explain_failure, with_tls
from boxoffice.domain.errors import DatabaseUnavailableError

log = logging.getLogger(__name__)

DATA_DIR_INFO = "boxoffice.data_dir"
"""Key of ``Session.info`` holding the data directory (whose ``device-key.pem`` signs)."""


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

    def ensure_demo(self) -> bool:
        """On the embedded server only: make sure the demo data exists (the demo theatre,
        the cinema, a week of showtimes, demo staff; ``services.demo.ensure_demo``).
        Returns whether this is the embedded server (a server given by URL is left alone).
        """
        if not self.embedded:
            return False
        from boxoffice.services.demo import ensure_demo

        with self.session_factory() as session:
            ensure_demo(session)
        return True


def database_url(settings: Settings) -> tuple[str, bool]:
    """The URL to use and whether it is the embedded server (started here if needed).

    Raises:
        DatabaseUnavailableError: the embedded server would not start.
    """
    if settings.database_url:
        return with_tls(settings.database_url, settings), False
    return start_embedded(settings.embedded_pgdata), True


def open_database(
    settings: Settings,
    *,
    upgrade: bool | None = None,
    connect: bool = True,
    application_name: str = "boxoffice",
    **engine_options,
) -> Database:
    """Connect (starting the embedded server if no URL is set) and make sure the schema
    is the one this program needs.

    ``upgrade``: ``None`` (the default) migrates the embedded server (as its superuser,
    then as ``bo_owner``) but never a shared server given by URL, whose schema is only
    checked (:func:`boxoffice.db.migrate.check_schema`); ``True`` migrates whatever the URL names (``boxoffice
    db upgrade``: the login must be the owner). ``connect=False`` (a till on a central
    server, whose URL carries no password until someone signs in) skips connecting; the
    schema is then checked at sign-in. ``engine_options`` go to
    :func:`boxoffice.db.engine.make_engine` (e.g. ``pool_size``, ``max_overflow``).

    Raises:
        DatabaseUnavailableError: the server cannot be reached or would not start.
        SchemaMismatchError: a shared server's schema is not this program's.
        ValueError: ``BOXOFFICE_DATABASE_URL`` is not a PostgreSQL URL.
    """
    url, embedded = database_url(settings)
    engine = make_engine(url, application_name=f"{application_name}:{settings.till_name}", **engine_options)
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
        reason = _first_line(str(exc.orig) if exc.orig else str(exc))
        explained = explain_failure(reason, settings, url) if not embedded else None
        raise DatabaseUnavailableError(explained or f"Cannot reach the database: {reason}") from exc
    factory = make_session_factory(engine)
    # Sessions carry the data directory, so tickets printed through them are signed with
    # this machine's key from it (boxoffice.services.tickets.order_tickets).
    factory.configure(info={DATA_DIR_INFO: settings.data_dir})
    db = Database(engine, factory, url, embedded)
    if embedded and upgrade is not False:
        enrol_this_device(db, settings)
    return db


def enrol_this_device(db: Database, settings: Settings) -> None:
    """On the embedded server (one machine: the till, its database and its key file in
    one data directory), enrol this machine's ticket key as the system principal, so a
    fresh install prints tickets out of the box. On a real server a manager enrols each
    device (``boxoffice device enrol NAME``); until then it cannot print and says so.
    A failure is logged, not raised: the till still starts (and says so when printing)."""
    from boxoffice.device_key import this_device
    from boxoffice.domain.errors import BoxOfficeError
    from boxoffice.services import device_keys

    try:
        key = this_device(settings.data_dir)
        with db.session_factory() as session:
            device_keys.ensure_enrolled(session, name=settings.till_name, key=key)
    except BoxOfficeError as exc:
        log.warning("this device's ticket key is not enrolled: %s", exc)


def _first_line(message: str) -> str:
    """libpq's first meaningful line ("connection failed: " and address prefixes dropped
    only when a more specific line follows)."""
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    specific = [line for line in lines if "certificate" in line.lower() or "ssl" in line.lower()]
    return (specific or lines or [message])[0]
