"""Payments of bookings through the (stand-in) payment gateway, and its webhooks.

Flow: :func:`create_payment_session` opens a session for a pending booking and returns
the gateway's checkout URL; the buyer pays (or fails) there; the gateway then sends a
signed event to our webhook, which :func:`process_webhook` verifies and applies:

* ``payment.succeeded``: the booking is confirmed and its seats sold (the counter's
  sale path); if it can no longer be (lapsed, cancelled), the session is marked
  ``refund_due`` and the booking ends, so no money is kept for seats not sold;
* ``payment.failed``: the session fails, the booking stays pending for a retry;
* ``payment.expired``: the session expires, and so does a pending booking (seats freed).

Each event id is applied once: it is recorded (primary key) in the same transaction as
its effects, so a duplicate delivery changes nothing and a failed one can be retried. A
session once paid stays paid: a later ``payment.succeeded`` (even with another event
id) is ignored. The whole of it is ``bo_payment_event`` (migration 0012), a SECURITY
DEFINER function only the web channel may call; this module verifies the signature
with the web server's own secret (never kept in the database, see
:func:`boxoffice.config.webhook_secret`) and hands the event over.
Amounts are in minor units; times are timezone-aware.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain import webhook_signature
from boxoffice.domain.errors import NotFoundError, WebhookPayloadError
from boxoffice.services import bookings
from boxoffice.services.errors import unit_of_work

EVENT_TYPES = ("payment.succeeded", "payment.failed", "payment.expired")
_OPEN = text("SELECT bo_payment_session_open(:b)")
_EVENT = text("SELECT * FROM bo_payment_event(:id, :type, :session, CAST(:payload AS jsonb))")

_SESSION = text(
    "SELECT id, booking_id, amount_minor, currency, status, outcome, expires_at, created_at "
    "FROM payment_session WHERE id = :id"
)


@dataclass(frozen=True)
class PaymentSession:
    """A gateway payment session: ``status`` is what our webhooks learned (open,
    succeeded, failed, expired, refund_due); ``outcome`` what the buyer did at the
    gateway (``None`` while undecided). ``amount_minor`` in minor units of ``currency``."""

    id: str
    booking_id: uuid.UUID
    amount_minor: int
    currency: str
    status: str
    outcome: str | None
    expires_at: dt.datetime
    created_at: dt.datetime
    checkout_url: str


@dataclass(frozen=True)
class WebhookResult:
    """What one delivery did: ``duplicate`` when the event id had been processed before
    (nothing changed); ``outcome`` is the effect recorded for the event (confirmed,
    kept_pending, booking_expired, refund_due, ignored...)."""

    event_id: str
    type: str
    duplicate: bool
    outcome: str
    booking_id: uuid.UUID | None


def checkout_url(base_url: str, session_id: str) -> str:
    """The stand-in gateway's checkout page for ``session_id`` under ``base_url``."""
    return f"{base_url.rstrip('/')}/gateway/checkout/{session_id}"


def create_payment_session(session: Session, *, booking_id: uuid.UUID, base_url: str) -> PaymentSession:
    """Open a payment session for a pending booking, for its total, expiring with it.

    Idempotent while the buyer has not finished: an open, undecided session of the
    booking is returned again rather than a second one opened.

    Raises:
        NotFoundError: no such booking.
        BookingExpiredError: the booking lapsed.
        BookingStateError: it is not pending (confirmed, cancelled, refunded).
    """
    with unit_of_work(session):
        bookings.require_pending(bookings.peek_booking(session, booking_id), "paid")
        session_id = session.execute(_OPEN, {"b": booking_id}).scalar_one()  # checks again, under lock
    return get_payment_session(session, session_id=session_id, base_url=base_url)


def get_payment_session(session: Session, *, session_id: str, base_url: str) -> PaymentSession:
    """Read a payment session.

    Raises:
        NotFoundError: no such session.
    """
    with unit_of_work(session):
        row = session.execute(_SESSION, {"id": session_id}).one_or_none()
    return payment_session_of(row, base_url)


def payment_session_of(row, base_url: str) -> PaymentSession:
    """The :class:`PaymentSession` of a ``payment_session`` row read as :data:`_SESSION`.

    Raises:
        NotFoundError: ``row`` is ``None`` (no such session).
    """
    if row is None:
        raise NotFoundError("There is no such payment session.")
    return PaymentSession(*row, checkout_url=checkout_url(base_url, row.id))


def process_webhook(
    session: Session, *, raw_body: bytes, signature: str | None, secret: str, now: float | None = None
) -> WebhookResult:
    """Verify and apply one webhook delivery (see the module docstring), exactly once
    per event id. ``now`` (unix seconds) is for checking the signature's timestamp.

    Raises:
        WebhookSignatureError: missing, malformed, stale or wrong signature; nothing done.
        WebhookPayloadError: the signed body is not an event we understand.
        BusyError, DatabaseUnavailableError: nothing was recorded; deliver again.
    """
    params = webhook_params(raw_body=raw_body, signature=signature, secret=secret, now=now)
    with unit_of_work(session):
        row = session.execute(_EVENT, params).one()
    return webhook_result(params, row)


def webhook_params(*, raw_body: bytes, signature: str | None, secret: str, now: float | None = None) -> dict:
    """The checks of :func:`process_webhook` before the database (signature, event
    shape); returns the parameters of its statement (``bo_payment_event``).

    Raises:
        WebhookSignatureError, WebhookPayloadError: as :func:`process_webhook`.
    """
    webhook_signature.verify(raw_body, signature, secret, now=now)
    event = _parse_event(raw_body)
    return {
        "id": event["id"],
        "type": event["type"],
        "session": event["data"].get("session_id"),
        "payload": raw_body.decode("utf-8"),
    }


def webhook_result(params: dict, row) -> WebhookResult:
    """The :class:`WebhookResult` of ``bo_payment_event``'s row for ``params``."""
    return WebhookResult(params["id"], params["type"], bool(row.event_duplicate), row.event_outcome, row.event_booking)


def _parse_event(raw_body: bytes) -> dict:
    try:
        event = json.loads(raw_body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WebhookPayloadError("The webhook body is not JSON in UTF-8.") from None
    if not _storable(event):
        raise WebhookPayloadError("The webhook body holds text the database cannot store (NUL or a lone surrogate).")
    data = event.get("data") if isinstance(event, dict) else None
    if (
        not isinstance(event, dict)
        or not isinstance(event.get("id"), str)
        or not 0 < len(event["id"]) <= 100
        or event.get("type") not in EVENT_TYPES
        or not isinstance(data, dict)
        or not isinstance(data.get("session_id"), str)
        or not 0 < len(data["session_id"]) <= 40
    ):
        raise WebhookPayloadError("The webhook body is not a payment event (id, type, data.session_id).")
    return event


def _storable(value: object, depth: int = 0) -> bool:
    """Whether every string in the parsed JSON ``value`` (keys too) can be stored as
    PostgreSQL text and jsonb: no NUL character, no lone surrogate; nesting under 64."""
    if depth > 64:
        return False
    if isinstance(value, str):
        return "\x00" not in value and not any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return all(_storable(k, depth + 1) and _storable(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(v, depth + 1) for v in value)
    return True
