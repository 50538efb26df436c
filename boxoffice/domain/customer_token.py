"""Signed, expiring customer links: ``<base64url payload>.<hex HMAC-SHA256>``.

The payload is ``<purpose>|<unix expiry>|<e-mail>``, signed with the web server's
secret (never stored in the database). ``verify`` tokens go into e-mails (the link
``/customers/verify?token=...`` proves the buyer reads that mailbox); ``orders`` tokens
are what the verification returns, for reading the order history.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

from boxoffice.domain.errors import InvalidInputError

VERIFY_SECONDS = 7 * 24 * 3600
ORDERS_SECONDS = 24 * 3600


def sign(purpose: str, email: str, secret: str, *, seconds: int, now: float | None = None) -> str:
    """A token for ``email`` (lower-cased) valid ``seconds`` from ``now`` (unix seconds)."""
    expiry = int((time.time() if now is None else now) + seconds)
    payload = f"{purpose}|{expiry}|{email.strip().lower()}".encode()
    mac = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=") + "." + mac


def verify(token: str, purpose: str, secret: str, *, now: float | None = None) -> str:
    """The e-mail address a valid, unexpired ``purpose`` token was made for.

    Raises:
        InvalidInputError: malformed, forged, of another purpose, or expired.
    """
    try:
        encoded, mac = token.split(".", 1)
        payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (ValueError, AttributeError):
        raise InvalidInputError("This link is not valid.") from None
    good = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(good, mac):
        raise InvalidInputError("This link is not valid.")
    kind, expiry, email = payload.decode().split("|", 2)
    if kind != purpose:
        raise InvalidInputError("This link is not valid.")
    if int(expiry) < (time.time() if now is None else now):
        raise InvalidInputError("This link has expired; ask for a new one.")
    return email
