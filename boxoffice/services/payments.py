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
its effects, so a duplicate delivery changes nothing and a failed one can be retried.
Amounts are in minor units; times are timezone-aware.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain import webhook_signature
from boxoffice.domain.errors import (
    BookingExpiredError,
    BookingStateError,
    HoldExpiredError,
    NotFoundError,
    NotOnSaleError,
    SeatUnavailableError,
    WebhookPayloadError,
)
from boxoffice.services import bookings
from boxoffice.services.errors import savepoint, unit_of_work

WEBHOOK_SECRET_NAME = "payment_webhook"
EVENT_TYPES = ("payment.succeeded", "payment.failed", "payment.expired")
# Errors after which a paid booking can never be confirmed: record them, do not retry.
_FINAL = (BookingExpiredError, BookingStateError, HoldExpiredError, SeatUnavailableError, NotOnSaleError)

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
        booking = bookings.lock_booking(session, booking_id)
        bookings.require_pending(booking, "paid")
        existing = session.execute(
            text("SELECT id FROM payment_session WHERE booking_id = :b AND status = 'open' AND outcome IS NULL"),
            {"b": booking_id},
        ).scalar()
        session_id = existing or f"ps_{secrets.token_hex(12)}"
        if existing is None:
            session.execute(
                text("INSERT INTO payment_session (id, booking_id, amount_minor, currency, expires_at) "
                     "VALUES (:id, :b, :a, :c, :e)"),
                {"id": session_id, "b": booking_id, "a": booking.total_minor, "c": booking.currency,
                 "e": booking.expires_at},
            )
    return get_payment_session(session, session_id=session_id, base_url=base_url)


def get_payment_session(session: Session, *, session_id: str, base_url: str) -> PaymentSession:
    """Read a payment session.

    Raises:
        NotFoundError: no such session.
    """
    with unit_of_work(session):
        row = session.execute(_SESSION, {"id": session_id}).one_or_none()
    if row is None:
        raise NotFoundError("There is no such payment session.")
    return PaymentSession(*row, checkout_url=checkout_url(base_url, row.id))


def webhook_secret(session: Session, *, configured: str | None = None) -> str:
    """The webhook signing secret: ``configured`` (``BOXOFFICE_WEBHOOK_SECRET``) if given,
    else the one kept in table ``channel_secret``, created on first use (random, 256 bits),
    so all web servers on one database and every restart agree."""
    if configured:
        return configured
    with unit_of_work(session):
        session.execute(
            text("INSERT INTO channel_secret (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING"),
            {"n": WEBHOOK_SECRET_NAME, "v": secrets.token_hex(32)},
        )
        return session.execute(text("SELECT value FROM channel_secret WHERE name = :n"),
                               {"n": WEBHOOK_SECRET_NAME}).scalar_one()


def process_webhook(session: Session, *, raw_body: bytes, signature: str | None, secret: str,
                    now: float | None = None) -> WebhookResult:
    """Verify and apply one webhook delivery (see the module docstring), exactly once
    per event id. ``now`` (unix seconds) is for checking the signature's timestamp.

    Raises:
        WebhookSignatureError: missing, malformed, stale or wrong signature; nothing done.
        WebhookPayloadError: the signed body is not an event we understand.
        BusyError, DatabaseUnavailableError: nothing was recorded; deliver again.
    """
    webhook_signature.verify(raw_body, signature, secret, now=now)
    event = _parse_event(raw_body)
    event_id, kind, data = event["id"], event["type"], event["data"]
    session_id = data.get("session_id")
    with unit_of_work(session):
        fresh = session.execute(
            text("INSERT INTO webhook_event (id, type, payment_session_id, payload) "
                 "VALUES (:id, :t, :s, CAST(:p AS jsonb)) ON CONFLICT (id) DO NOTHING RETURNING id"),
            {"id": event_id, "t": kind, "s": session_id, "p": raw_body.decode("utf-8")},
        ).first()
        if fresh is None:
            outcome, stored_session = session.execute(
                text("SELECT outcome, payment_session_id FROM webhook_event WHERE id = :id"), {"id": event_id}
            ).one()
            booking_id = _booking_of(session, stored_session)
            return WebhookResult(event_id, kind, True, outcome, booking_id)
        outcome, booking_id = _apply(session, kind, session_id, data)
        session.execute(text("UPDATE webhook_event SET outcome = :o WHERE id = :id"), {"o": outcome, "id": event_id})
    return WebhookResult(event_id, kind, False, outcome, booking_id)


def _parse_event(raw_body: bytes) -> dict:
    try:
        event = json.loads(raw_body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WebhookPayloadError("The webhook body is not JSON in UTF-8.") from None
    data = event.get("data") if isinstance(event, dict) else None
    if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not 0 < len(event["id"]) <= 100 \
            or event.get("type") not in EVENT_TYPES or not isinstance(data, dict) \
            or not isinstance(data.get("session_id"), str) or not 0 < len(data["session_id"]) <= 40:
        raise WebhookPayloadError("The webhook body is not a payment event (id, type, data.session_id).")
    return event


def _booking_of(session: Session, session_id: str | None) -> uuid.UUID | None:
    if session_id is None:
        return None
    return session.execute(text("SELECT booking_id FROM payment_session WHERE id = :id"), {"id": session_id}).scalar()


def _apply(session: Session, kind: str, session_id: str, data: dict) -> tuple[str, uuid.UUID | None]:
    """Apply a new event inside the webhook's transaction; returns (outcome, booking id)."""
    ps = session.execute(
        text("SELECT id, booking_id, amount_minor, currency, status FROM payment_session WHERE id = :id FOR UPDATE"),
        {"id": session_id},
    ).one_or_none()
    if ps is None:
        return "ignored_unknown_session", None
    if ps.status != "open":
        if kind == "payment.succeeded":  # paid after we gave up on this session: give the money back
            _set_status(session, ps.id, "refund_due")
            return "refund_due", ps.booking_id
        return f"ignored_session_{ps.status}", ps.booking_id
    if kind == "payment.failed":
        _set_status(session, ps.id, "failed")
        return "kept_pending", ps.booking_id
    if kind == "payment.expired":
        _set_status(session, ps.id, "expired")
        ended = bookings.expire_in_transaction(session, booking_id=ps.booking_id)
        return ("booking_expired" if ended else "session_expired"), ps.booking_id
    return _apply_success(session, ps, data), ps.booking_id


def _apply_success(session: Session, ps, data: dict) -> str:
    """Confirm and sell, or, when that is no longer possible, mark the money refund_due."""
    if data.get("amount_minor") != ps.amount_minor or data.get("currency") != ps.currency:
        _set_status(session, ps.id, "refund_due")
        return "refund_due_amount_mismatch"
    try:
        with savepoint(session):
            bookings.confirm_in_transaction(session, booking_id=ps.booking_id, method="online", reference=ps.id)
    except _FINAL:
        _set_status(session, ps.id, "refund_due")
        bookings.expire_in_transaction(session, booking_id=ps.booking_id, status="cancelled")
        return "refund_due"
    _set_status(session, ps.id, "succeeded")
    return "confirmed"


def _set_status(session: Session, session_id: str, status: str) -> None:
    session.execute(
        text("UPDATE payment_session SET status = :s, completed_at = coalesce(completed_at, now()) WHERE id = :id"),
        {"s": status, "id": session_id},
    )
