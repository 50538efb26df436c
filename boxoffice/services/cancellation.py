"""Cancelling a showtime: list the orders to refund, then cancel (sales stop on every
channel, holds are released, pending web bookings cancelled). Needs ``setup``; audited
as ``showtime.cancel``. The database guarantees behind it are in migration 0005
(docs/shows-and-prices.md, "Cancelling a showtime")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class RefundDue:
    """A sold order of a cancelled showtime, to refund: its valid tickets of that
    showtime, their total (minor units), the sale channel and, for the web, the email."""

    order_id: int
    number: str
    channel: str
    tickets: int
    total_minor: int
    currency: str
    seats: tuple[str, ...]
    email: str | None


@dataclass(frozen=True)
class CancelResult:
    """What :func:`cancel_showtime` did: holds released, pending web bookings cancelled,
    and the orders to refund."""

    showtime_id: int
    released_holds: int
    cancelled_bookings: int
    orders: list[RefundDue]


_REFUNDS = text("""
    SELECT o.id, o.number, o.channel, count(t.id), sum(t.price_minor), o.currency,
           array_agg(coalesce(bo_seat_label(t.seat_id), bo_ga_label(t.ga_area_id)) ORDER BY t.seat_id, t.id), min(b.email)
    FROM ticket t JOIN orders o ON o.id = t.order_id
    LEFT JOIN booking b ON b.order_id = o.id
    WHERE t.showtime_id = :s AND t.status = 'valid'
    GROUP BY o.id ORDER BY o.id
""")


def orders_to_refund(session: Session, *, showtime_id: int) -> list[RefundDue]:
    """The orders with valid tickets for ``showtime_id`` (what a cancellation must refund),
    oldest first. Read only.

    Raises:
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    rows = session.execute(_REFUNDS, {"s": showtime_id}).all()
    session.rollback()
    return [RefundDue(r[0], r[1], r[2], r[3], int(r[4]), r[5], tuple(r[6]), r[7]) for r in rows]


def cancel_showtime(session: Session, *, showtime_id: int, reason: str) -> CancelResult:
    """Cancel a showtime: status ``cancelled`` (with the time and ``reason``), every hold
    released, pending web bookings cancelled; from then on no channel can hold, book or
    sell it (``bo_hold``/``bo_book``/``bo_sell`` refuse with ``BO003``) and doors refuse
    its tickets. Sold tickets stay valid until refunded: the result lists their orders.
    A sale in progress either completes first (and is listed) or is refused.

    Raises:
        InvalidInputError: no reason (or over 200 characters), or already cancelled.
        NotFoundError: no such showtime.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInputError("Say why the showtime is cancelled (customers will ask).")
    if len(reason) > 200:
        raise InvalidInputError("Keep the reason under 200 characters.")
    with unit_of_work(session):
        row = session.execute(text("SELECT status FROM showtime WHERE id = :s"), {"s": showtime_id}).first()
        if row is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        if row.status == "cancelled":
            raise InvalidInputError("This showtime is already cancelled.")
        # bo_showtime_cancel (migration 0013): status, holds released, pending web bookings
        # cancelled, general-admission holds gone; it locks the showtime and checks again
        done = session.execute(text("SELECT bo_showtime_cancel(:s, :r)"), {"s": showtime_id, "r": reason}).scalar_one()
        released, bookings = [None] * done["released_holds"], [None] * done["cancelled_bookings"]
        orders = [
            RefundDue(r[0], r[1], r[2], r[3], int(r[4]), r[5], tuple(r[6]), r[7])
            for r in session.execute(_REFUNDS, {"s": showtime_id})
        ]
        audit.record(
            session,
            action="showtime.cancel",
            target=f"showtime {showtime_id}",
            details={
                "reason": reason,
                "released_holds": len(released),
                "cancelled_bookings": len(bookings),
                "orders_to_refund": [o.number for o in orders],
                "tickets_to_refund": sum(o.tickets for o in orders),
            },
        )
    return CancelResult(showtime_id, len(released), len(bookings), orders)
