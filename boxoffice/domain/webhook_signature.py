"""Signatures of payment webhooks: HMAC-SHA256 over the timestamp and the raw body.

The gateway sends the header ``Boxoffice-Signature: t=<unix seconds>,v1=<hex>`` where
``<hex>`` is the lower-case hex HMAC-SHA256, keyed with the shared secret (UTF-8), of::

    <t> "." <raw request body bytes>

Several ``v1=`` entries may be present (while a secret is being rotated); one matching
is enough. A signature whose ``t`` is more than :data:`TOLERANCE_SECONDS` away from the
receiver's clock is refused, so a captured delivery cannot be replayed later.
Comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from boxoffice.domain.errors import WebhookSignatureError

HEADER = "Boxoffice-Signature"
SCHEME = "v1"
TOLERANCE_SECONDS = 300


def compute(body: bytes, secret: str, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``b"<timestamp>." + body`` keyed with ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    """The header value for ``body``: ``t=<timestamp>,v1=<hex>`` (``timestamp``: unix
    seconds, default now)."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={t},{SCHEME}={compute(body, secret, t)}"


def verify(
    body: bytes, header: str | None, secret: str, *, now: float | None = None, tolerance: int = TOLERANCE_SECONDS
) -> int:
    """Check ``header`` against ``body``; returns the signed timestamp (unix seconds).

    Raises:
        WebhookSignatureError: no header, a malformed one, a timestamp outside the
            tolerance window, or no matching ``v1`` signature.
    """
    if not header:
        raise WebhookSignatureError(f"The {HEADER} header is missing.")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == SCHEME and value:
            candidates.append(value.strip().lower())
    if timestamp is None or not candidates:
        raise WebhookSignatureError(f"The {HEADER} header is malformed (expected t=...,{SCHEME}=...).")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookSignatureError("The webhook's timestamp is outside the tolerance window (replayed or clock skew).")
    expected = compute(body, secret, timestamp).encode("ascii")
    if not any(hmac.compare_digest(expected, c.encode("utf-8", "replace")) for c in candidates):
        raise WebhookSignatureError("The webhook's signature does not match its body.")
    return timestamp
