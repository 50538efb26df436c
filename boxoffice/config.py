"""Settings from environment variables, and the application's data directories.

Environment variables (all optional):

``BOXOFFICE_DATABASE_URL``
    SQLAlchemy/libpq URL of a PostgreSQL server to use instead of the embedded one, e.g.
    ``postgresql://user:pass@db.example.org/boxoffice``. Several tills, door stations and
    the web channel share one server this way.
``BOXOFFICE_DATA_DIR``
    Where the embedded PostgreSQL cluster and local files live. Defaults to the
    platform's user data directory (``~/.local/share/boxoffice`` on Linux).
``BOXOFFICE_HOLD_SECONDS``
    How long a seat added to a basket stays held, in seconds (default 300).
``BOXOFFICE_TILL``
    Name of this till, recorded as the hold channel and on orders (default: host name).
``BOXOFFICE_LANGUAGE``
    Language of the app's texts and locale of its money, dates and times: ``de``,
    ``en``, or a locale such as ``de_CH`` (default: the computer's locale; languages
    without a translation show English texts). See docs/translations.md.
``BOXOFFICE_IDLE_LOCK_SECONDS``
    Lock the till after this many seconds without a key press or mouse click (default
    120; 0: never). The basket stays on screen; the signed-in cashier's PIN or password
    unlocks it, or another cashier switches in (docs/staff-and-audit.md).

A central server over TLS (docs/operations.md) reads:

``BOXOFFICE_DB_SSLROOTCERT``
    The venue's CA certificate file (PEM). When set, the server's certificate must be
    signed by it and name the URL's host (``sslmode`` defaults to ``verify-full``).
``BOXOFFICE_DB_SSLCERT`` / ``BOXOFFICE_DB_SSLKEY``
    This till's client certificate and key (PEM), for servers that ask for one; set both.
``BOXOFFICE_DB_SSLMODE``
    libpq's ``sslmode`` (disable, allow, prefer, require, verify-ca, verify-full) to
    override the default.

The online channel (``boxoffice web``, docs/web-api.md) also reads:

``BOXOFFICE_WEB_HOLD_SECONDS``
    How long a web hold lasts before it becomes a booking, in seconds (default 600, at
    most 3600).
``BOXOFFICE_BOOKING_SECONDS``
    How long a pending (unpaid) booking keeps its seats, in seconds (default 900).
``BOXOFFICE_WEBHOOK_SECRET``
    Shared secret of the payment gateway's webhook signatures (at least 32 characters),
    the web server's own: it is never kept in the database. Unset: the file
    ``<data dir>/webhook-secret`` is used, created (random, 256 bits, mode 0600) on the
    first start (:func:`webhook_secret`). Several web servers behind one gateway need the
    same secret: set it (the gateway's) on each.
``BOXOFFICE_TIDY_SECONDS``
    How often the web server runs the tidy job, in seconds (default 60).

Its safety settings (the stand-in gateway, body limit, CORS origins, hold limits:
``BOXOFFICE_WEB_TEST_GATEWAY``, ``BOXOFFICE_WEB_MAX_BODY_BYTES``, ``BOXOFFICE_WEB_CORS_ORIGINS``,
``BOXOFFICE_WEB_SEATS_PER_HOLD``, ``BOXOFFICE_WEB_HELD_PER_CLIENT``, ``BOXOFFICE_WEB_HELD_PER_IP``,
``BOXOFFICE_WEB_HOLDS_PER_MINUTE``, ``BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP``) are read by
:class:`boxoffice.web.guards.WebGuards`.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "boxoffice"
# Resources and migrations ship inside the package (importlib.resources), so an editable
# checkout, an installed wheel and a frozen bundle find them the same way.
PACKAGE_DIR = Path(str(importlib.resources.files("boxoffice")))
RESOURCES_DIR = PACKAGE_DIR / "resources"
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"
DEMO_PLAN_PATH = RESOURCES_DIR / "plans" / "demo-theatre.json"

DEFAULT_HOLD_SECONDS = 300
DEFAULT_WEB_HOLD_SECONDS = 600
DEFAULT_BOOKING_SECONDS = 900
DEFAULT_TIDY_SECONDS = 60
DEFAULT_IDLE_LOCK_SECONDS = 120
MIN_WEBHOOK_SECRET_LENGTH = 32
WEBHOOK_SECRET_FILE = "webhook-secret"

log = logging.getLogger(__name__)


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names the setting."""


def _int_env(name: str, default: int, minimum: int, maximum: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name} must be between {minimum} and {maximum}, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    """Resolved settings.

    ``database_url`` is ``None`` for the embedded default server. ``hold_seconds`` is the
    lifetime of a hold in seconds. ``data_dir`` is an absolute path. The ``web_*``,
    ``booking_seconds``, ``webhook_secret`` (``None``: from a file, :func:`webhook_secret`) and
    ``tidy_seconds`` settings are the online channel's. ``idle_lock_seconds`` (0: never)
    is how long a till may sit idle before it locks. ``db_ssl*`` are the TLS settings
    for a server given by URL (``None``: libpq's default; see :mod:`boxoffice.db.tls`).
    ``language`` (``None``: the computer's locale) is ``BOXOFFICE_LANGUAGE``.
    """

    database_url: str | None
    data_dir: Path
    hold_seconds: int = DEFAULT_HOLD_SECONDS
    till_name: str = field(default_factory=socket.gethostname)
    web_hold_seconds: int = DEFAULT_WEB_HOLD_SECONDS
    booking_seconds: int = DEFAULT_BOOKING_SECONDS
    webhook_secret: str | None = field(default=None, repr=False)
    tidy_seconds: int = DEFAULT_TIDY_SECONDS
    idle_lock_seconds: int = DEFAULT_IDLE_LOCK_SECONDS
    db_sslmode: str | None = None
    db_sslrootcert: Path | None = None
    db_sslcert: Path | None = None
    db_sslkey: Path | None = None
    language: str | None = None

    @property
    def embedded_pgdata(self) -> Path:
        """Directory of the embedded PostgreSQL cluster."""
        return self.data_dir / "pgdata"

    @classmethod
    def from_env(cls) -> Settings:
        """Read settings from the environment.

        Raises:
            ConfigError: a variable is set to an unusable value.
        """
        url = os.environ.get("BOXOFFICE_DATABASE_URL") or None
        data_dir = (
            Path(os.environ.get("BOXOFFICE_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))
            .expanduser()
            .resolve()
        )
        hold = _int_env("BOXOFFICE_HOLD_SECONDS", DEFAULT_HOLD_SECONDS, 10, 24 * 3600)
        till = os.environ.get("BOXOFFICE_TILL") or socket.gethostname()
        secret = os.environ.get("BOXOFFICE_WEBHOOK_SECRET") or None
        if secret is not None and len(secret) < MIN_WEBHOOK_SECRET_LENGTH:
            raise ConfigError(f"BOXOFFICE_WEBHOOK_SECRET must be at least {MIN_WEBHOOK_SECRET_LENGTH} characters")
        return cls(
            database_url=url,
            data_dir=data_dir,
            hold_seconds=hold,
            till_name=till[:40],
            # at most an hour: the database's ceiling for web holds (migration 0019)
            web_hold_seconds=_int_env("BOXOFFICE_WEB_HOLD_SECONDS", DEFAULT_WEB_HOLD_SECONDS, 10, 3600),
            booking_seconds=_int_env("BOXOFFICE_BOOKING_SECONDS", DEFAULT_BOOKING_SECONDS, 60, 24 * 3600),
            webhook_secret=secret,
            tidy_seconds=_int_env("BOXOFFICE_TIDY_SECONDS", DEFAULT_TIDY_SECONDS, 1, 3600),
            idle_lock_seconds=_idle_lock_env(),
            language=os.environ.get("BOXOFFICE_LANGUAGE", "").strip() or None,
            **_tls_env(),
        )


def _idle_lock_env() -> int:
    """``BOXOFFICE_IDLE_LOCK_SECONDS``: 0 (never) or 10 to 86400.

    Raises:
        ConfigError: any other value.
    """
    value = _int_env("BOXOFFICE_IDLE_LOCK_SECONDS", DEFAULT_IDLE_LOCK_SECONDS, 0, 24 * 3600)
    if 0 < value < 10:
        raise ConfigError(f"BOXOFFICE_IDLE_LOCK_SECONDS must be 0 (never) or at least 10, got {value}")
    return value


SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def _file_env(name: str) -> Path | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    path = Path(raw).expanduser().resolve()
    if not path.is_file():
        raise ConfigError(f"{name} names a file that does not exist: {path}")
    return path


def _tls_env() -> dict:
    """``BOXOFFICE_DB_SSL*`` as keyword arguments of :class:`Settings`.

    Raises:
        ConfigError: a file that does not exist, an unknown ``sslmode``, or only one of
            the client certificate and its key.
    """
    rootcert = _file_env("BOXOFFICE_DB_SSLROOTCERT")
    cert, key = _file_env("BOXOFFICE_DB_SSLCERT"), _file_env("BOXOFFICE_DB_SSLKEY")
    if (cert is None) != (key is None):
        raise ConfigError("BOXOFFICE_DB_SSLCERT and BOXOFFICE_DB_SSLKEY go together: set both or neither")
    mode = (os.environ.get("BOXOFFICE_DB_SSLMODE") or "").strip() or None
    if mode is not None and mode not in SSL_MODES:
        raise ConfigError(f"BOXOFFICE_DB_SSLMODE must be one of {', '.join(SSL_MODES)}, got {mode!r}")
    if mode is None and rootcert is not None:
        mode = "verify-full"
    return {"db_sslmode": mode, "db_sslrootcert": rootcert, "db_sslcert": cert, "db_sslkey": key}


def webhook_secret(settings: Settings) -> str:
    """The web server's webhook signing secret: ``BOXOFFICE_WEBHOOK_SECRET`` when set,
    else the contents of ``<data dir>/webhook-secret``, which the first call creates
    (64 hex digits, mode 0600, only this OS user can read it). Two servers starting at
    once on one data directory agree (the file is created exclusively).

    Raises:
        ConfigError: the file holds fewer than 32 characters.
        OSError: the file cannot be read or created.
    """
    if settings.webhook_secret:
        return settings.webhook_secret
    path = settings.data_dir / WEBHOOK_SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return webhook_secret(settings)
    else:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32) + "\n")
        log.info("created the webhook secret %s", path)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        log.warning("%s can be read by other users; chmod 600 it", path)
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < MIN_WEBHOOK_SECRET_LENGTH:
        raise ConfigError(f"{path} must hold a secret of at least {MIN_WEBHOOK_SECRET_LENGTH} characters")
    return secret
