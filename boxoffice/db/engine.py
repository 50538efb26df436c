"""Engine and session factory for PostgreSQL through psycopg 3.

Every connection gets ``lock_timeout`` (nobody waits forever on a seat another till is
working on), an ``application_name`` so servers can tell tills apart, and TCP keepalives
so a connection through a flaky switch is found dead in under a minute instead of hours
(libpq ignores them on Unix sockets).
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

LOCK_TIMEOUT_MS = 3000
# TCP keepalives: first probe after 30 s idle, then every 10 s, dead after 3 unanswered.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


def normalise_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 driver named (``postgresql+psycopg://``).

    Accepts ``postgres://``, ``postgresql://`` and ``postgresql+psycopg://`` URLs.

    Raises:
        ValueError: the URL is not a PostgreSQL URL (boxoffice never uses another database).
    """
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"boxoffice needs a PostgreSQL URL, got a {parsed.get_backend_name()!r} URL")
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def login_url(url: str, login: str, password: str) -> str:
    """``url`` (any form :func:`normalise_url` accepts) with ``login`` / ``password`` as
    its user, for connecting as a staff member's own PostgreSQL login."""
    return make_url(normalise_url(url)).set(username=login, password=password).render_as_string(hide_password=False)


def make_engine(
    url: str,
    *,
    application_name: str = "boxoffice",
    pool_size: int | None = 5,
    connect_timeout: int = 10,
    tcp_user_timeout_ms: int | None = None,
    **kwargs,
) -> Engine:
    """Create an engine for ``url`` (see :func:`normalise_url`) with boxoffice's session settings.

    ``pool_size=None`` leaves pooling to ``kwargs`` (e.g. ``poolclass=NullPool``).
    ``connect_timeout`` (seconds) bounds connecting; ``tcp_user_timeout_ms`` (TCP only)
    bounds how long a request may go unanswered on a dead network (the door station
    sets both short, to fall back to offline quickly).
    """
    if pool_size is not None:
        kwargs["pool_size"] = pool_size
    connect_args = {
        "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c timezone=UTC",
        "application_name": application_name[:63],
        "connect_timeout": connect_timeout,
        **KEEPALIVES,
    }
    if tcp_user_timeout_ms is not None:
        connect_args["tcp_user_timeout"] = tcp_user_timeout_ms
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(normalise_url(url), connect_args=connect_args, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Session factory whose sessions keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
