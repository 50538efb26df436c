"""TLS to a central server: the ``BOXOFFICE_DB_SSL*`` settings as libpq parameters, and
one-line explanations of the connection failures a wrong CA, host or certificate causes.

The parameters go into the connection URL's query (``?sslmode=verify-full&sslrootcert=…``)
so every connection made from that URL (the engine, the live feed, ``pg_dump``) uses them.
The embedded server listens on a Unix socket only and takes no TLS settings.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url

from boxoffice.config import Settings


def tls_params(settings: Settings) -> dict[str, str]:
    """libpq connection parameters from ``settings`` (empty when no TLS setting is set).

    Returns e.g. ``{"sslmode": "verify-full", "sslrootcert": "/etc/boxoffice/ca.pem"}``.
    """
    params = {
        "sslmode": settings.db_sslmode,
        "sslrootcert": settings.db_sslrootcert,
        "sslcert": settings.db_sslcert,
        "sslkey": settings.db_sslkey,
    }
    return {k: str(v) for k, v in params.items() if v is not None}


def with_tls(url: str, settings: Settings) -> str:
    """``url`` with :func:`tls_params` added to its query; parameters the URL already
    names are kept as they are (the URL wins)."""
    params = tls_params(settings)
    if not params:
        return url
    parsed = make_url(url)
    query = dict(parsed.query)
    for key, value in params.items():
        query.setdefault(key, value)
    return parsed.set(query=query).render_as_string(hide_password=False)


def _host(url: str) -> str:
    try:
        return make_url(url).host or "the server"
    except Exception:  # noqa: BLE001 - only for a message
        return "the server"


def explain_failure(reason: str, settings: Settings, url: str) -> str | None:
    """A one-line explanation of a connection failure that a TLS setting causes, naming
    the setting to check; ``None`` when ``reason`` (libpq's first error line) is not one.
    """
    ca = settings.db_sslrootcert
    host = _host(url)
    low = reason.lower()
    match = re.search(
        r'server certificate for "([^"]+)"(?: \(and \d+ other names?\))? does not match host name', reason
    )
    if match:
        return (
            f"The database server's certificate is for {match.group(1)}, which does not match host {host} "
            f"— check BOXOFFICE_DATABASE_URL's host or the certificate"
        )
    if "certificate verify failed" in low or "self-signed certificate" in low or "unable to get local issuer" in low:
        if ca is None:
            return (
                "The database server's certificate could not be verified: set BOXOFFICE_DB_SSLROOTCERT "
                "to the venue's CA certificate"
            )
        return (
            f"The database server's certificate is not signed by the CA in BOXOFFICE_DB_SSLROOTCERT ({ca}) "
            f"— check the CA file or the server's certificate"
        )
    if "server does not support ssl" in low:
        return (
            f"The database server at {host} does not offer TLS, but BOXOFFICE_DB_SSLMODE is "
            f"{settings.db_sslmode} — turn on ssl in its postgresql.conf (docs/operations.md)"
        )
    if "requires a valid client certificate" in low or "certificate required" in low:
        return (
            "The database server asks for a client certificate: set BOXOFFICE_DB_SSLCERT and "
            "BOXOFFICE_DB_SSLKEY to this till's certificate and key"
        )
    if "certificate authentication failed" in low or "unknown ca" in low or "bad certificate" in low:
        return (
            "The database server refused this till's client certificate (BOXOFFICE_DB_SSLCERT "
            f"{settings.db_sslcert}) — is it signed by the venue's CA and issued to the login's user name?"
        )
    if "private key file" in low or "certificate file" in low:
        return f"The client certificate or key cannot be used ({reason}) — check BOXOFFICE_DB_SSLCERT/SSLKEY"
    return None
