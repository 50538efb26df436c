"""The stand-in payment gateway: what a real provider's hosted checkout would do.

It lets a simulated buyer finish a payment session (pay or fail) and produces the
signed event the provider would send to our webhook. It keeps its one fact per session
in ``payment_session.outcome`` (set once, by ``bo_gateway_decide``: succeeded, failed, or
expired when the buyer comes back after the session's expiry). It runs inside the web
server and signs with the web server's own webhook secret. Finishing a session again re-sends the same
event (same id), as a provider's redelivery would.

Event body (JSON, UTF-8)::

    {"id": "evt_<hex>", "type": "payment.succeeded" | "payment.failed" | "payment.expired",
     "created": <unix seconds>,
     "data": {"session_id": "ps_<hex>", "booking_id": "<uuid>",
              "amount_minor": <int>, "currency": "<ISO 4217>"}}
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain import webhook_signature
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.services.errors import unit_of_work

BUYER_OUTCOMES = ("succeeded", "failed")

_DECIDE = text("SELECT bo_gateway_decide(:id, :outcome)")  # migration 0012: web channel only
_READ = text("SELECT id, booking_id, amount_minor, currency, outcome FROM payment_session WHERE id = :id")


@dataclass(frozen=True)
class GatewayEvent:
    """An event ready to deliver: ``body`` is the exact bytes to sign and send."""

    id: str
    type: str
    session_id: str
    body: bytes

    def headers(self, secret: str, timestamp: int | None = None) -> dict[str, str]:
        """HTTP headers for delivering this event, with a fresh signature."""
        return {
            "Content-Type": "application/json",
            webhook_signature.HEADER: webhook_signature.sign(self.body, secret, timestamp),
        }


def complete_checkout(session: Session, *, session_id: str, outcome: str) -> GatewayEvent:
    """The buyer finishes ``session_id`` with ``outcome`` (``succeeded`` or ``failed``).

    The first call decides the session's outcome (``expired`` instead, if the session
    has expired); later calls return the event of that first outcome again.

    Raises:
        NotFoundError: no such payment session.
        InvalidInputError: an unknown outcome.
    """
    check_outcome(outcome)
    with unit_of_work(session):
        session.execute(_DECIDE, {"id": session_id, "outcome": outcome})
        row = session.execute(_READ, {"id": session_id}).one_or_none()
    return event_of(row)


def check_outcome(outcome: str) -> None:
    """Raise :class:`InvalidInputError` unless ``outcome`` is one a buyer can choose."""
    if outcome not in BUYER_OUTCOMES:
        raise InvalidInputError(f"A checkout ends as {' or '.join(BUYER_OUTCOMES)}, not {outcome!r}.")


def event_of(row) -> GatewayEvent:
    """The event of a decided session read as :data:`_READ`.

    Raises:
        NotFoundError: ``row`` is ``None`` (no such payment session).
    """
    if row is None:
        raise NotFoundError("There is no such payment session.")
    return build_event(row.id, str(row.booking_id), row.outcome, row.amount_minor, row.currency)


def build_event(
    session_id: str, booking_id: str, outcome: str, amount_minor: int, currency: str, created: int | None = None
) -> GatewayEvent:
    """The event for a session's outcome; its id is derived from the session, so a
    redelivery carries the same id."""
    event_id = "evt_" + session_id.removeprefix("ps_")
    kind = f"payment.{outcome}"
    body = json.dumps(
        {
            "id": event_id,
            "type": kind,
            "created": int(time.time()) if created is None else created,
            "data": {
                "session_id": session_id,
                "booking_id": booking_id,
                "amount_minor": amount_minor,
                "currency": currency,
            },
        },
        separators=(",", ":"),
    ).encode("utf-8")
    return GatewayEvent(event_id, kind, session_id, body)
