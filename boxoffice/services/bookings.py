"""Bookings of the online channel: a hold becomes a pending booking, payment confirms it
(through the same sale path as the counter), and it can be cancelled or refunded.

Lifetimes: a pending booking lasts its own ``seconds`` (the web channel uses
``BOXOFFICE_BOOKING_SECONDS``, 900 s by default); its seats stay held exactly that long,
so when it lapses they are free at once (lazy expiry), and the tidy job marks it
``expired`` later. Money is in minor units of the booking's ``currency``; times are
timezone-aware. The database guarantees are in migration 0002 (the status-transition
trigger) and 0012: every change is a SECURITY DEFINER function the web channel (a login in
``bo_web``, or the system principal) may call (``bo_book``, ``bo_end_booking``,
``bo_confirm_booking``; ``bo_refund_booking`` also staff who may refund anyone's sale). Nothing
here writes a table directly, and the booking's own hold token never leaves the database.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from boxoffice.domain.errors import (
    BookingExpiredError,
    BookingStateError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from boxoffice.domain.roles import REFUND_ANY
from boxoffice.services import sales, tickets
from boxoffice.services.auth import actor_of, authorize
from boxoffice.services.errors import unit_of_work

WEB_CHANNEL = "web"

_BOOK = text("SELECT bo_book(:showtime, :token, :channel, :seconds, :email)")
_END = text("SELECT bo_end_booking(:id, :status)")
_CONFIRM = text("SELECT bo_confirm_booking(:id, :method, :reference)")
_REFUND = text("SELECT bo_refund_booking(:id, :at)")
_PEEK = text(
    "SELECT id, showtime_id, channel, status, currency, total_minor, expires_at, order_id, "
    "status = 'pending' AND expires_at <= clock_timestamp() AS lapsed FROM booking WHERE id = :id"
)
_READ = text(
    "SELECT b.id, b.showtime_id, b.status, b.channel, b.email, b.currency, b.total_minor, b.expires_at, "
    "b.created_at, b.confirmed_at, b.ended_at, b.order_id, o.number AS order_number, "
    "(SELECT coalesce(sum(r.amount_minor), 0) FROM refund r WHERE r.order_id = b.order_id) AS refunded_minor "
    "FROM booking_live b LEFT JOIN orders o ON o.id = b.order_id WHERE b.id = :id"
)
_SEATS = text(
    "SELECT bs.seat_id, sec.name AS section, s.row_label, s.seat_number, pc.name AS category, bs.price_minor "
    "FROM booking_seat bs JOIN seat s ON s.id = bs.seat_id JOIN section sec ON sec.id = s.section_id "
    "JOIN price_category pc ON pc.id = bs.category_id WHERE bs.booking_id = :id ORDER BY bs.seat_id"
)


@dataclass(frozen=True)
class BookedSeat:
    """One seat of a booking with the price it was booked at (minor units)."""

    seat_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int


@dataclass(frozen=True)
class Booking:
    """A booking as its buyer sees it.

    ``status`` is pending, confirmed, cancelled, expired or refunded (a lapsed pending
    booking already reads as expired). ``expires_at`` (aware) matters while pending.
    ``tickets`` are the valid tickets with their signed codes (confirmed bookings only);
    ``refunded_minor`` is what was refunded, in minor units of ``currency``.
    """

    id: uuid.UUID
    showtime_id: int
    status: str
    channel: str
    email: str | None
    currency: str
    total_minor: int
    expires_at: dt.datetime
    created_at: dt.datetime
    confirmed_at: dt.datetime | None
    ended_at: dt.datetime | None
    order_number: str | None
    refunded_minor: int
    seats: list[BookedSeat]
    tickets: list[tickets.TicketView] = field(default_factory=list)


@dataclass(frozen=True)
class RefundResult:
    """A refund: ``amount_minor`` (minor units) and ``percent`` of the total under the
    policy ``rule``; ``tickets_voided`` tickets were voided; ``booking`` as it is now."""

    booking: Booking
    amount_minor: int
    percent: int
    rule: str
    tickets_voided: int


def create_booking(
    session: Session,
    *,
    showtime_id: int,
    hold_token: uuid.UUID,
    seconds: int,
    channel: str = WEB_CHANNEL,
    email: str | None = None,
) -> Booking:
    """Turn the live hold ``hold_token`` has on ``showtime_id`` into a pending booking
    lasting ``seconds``, priced at the showtime's current prices (``bo_book``).

    The seats move to the booking's own token, so ``hold_token`` no longer holds them.

    Raises:
        HoldExpiredError: the token holds no live seats of this showtime.
        BookingStateError: this hold has been booked already.
        NotOnSaleError: the showtime is not on sale.
        InvalidInputError: a bad lifetime or e-mail, or a seat without a price.
    """
    check_booking(seconds=seconds, email=email)
    with unit_of_work(session):
        booking_id = session.execute(
            _BOOK,
            {"showtime": showtime_id, "token": hold_token, "channel": channel, "seconds": seconds, "email": email},
        ).scalar_one()
    return get_booking(session, booking_id=booking_id)


def get_booking(session: Session, *, booking_id: uuid.UUID) -> Booking:
    """The booking with its seats and, once confirmed, its tickets (signed codes).

    Raises:
        NotFoundError: no such booking.
    """
    with unit_of_work(session):
        row = session.execute(_READ, {"id": booking_id}).one_or_none()
        if row is None:
            raise NotFoundError("There is no such booking.")
        seats = [BookedSeat(*r) for r in session.execute(_SEATS, {"id": booking_id})]
    views = tickets.order_tickets(session, order_id=row.order_id) if row.status == "confirmed" else []
    return booking_of(row, seats, views)


def check_booking(*, seconds: int, email: str | None) -> None:
    """The checks of :func:`create_booking` before the database.

    Raises:
        InvalidInputError: a lifetime that is not positive, or not an e-mail address.
    """
    if seconds <= 0:
        raise InvalidInputError("A booking must last a positive number of seconds.")
    if email is not None and (len(email) > 254 or "@" not in email):
        raise InvalidInputError("That is not an e-mail address.")


def booking_of(row, seats: list[BookedSeat], views: list[tickets.TicketView]) -> Booking:
    """The :class:`Booking` of a row read as :data:`_READ`, its seats and tickets."""
    return Booking(
        row.id,
        row.showtime_id,
        row.status,
        row.channel,
        row.email,
        row.currency,
        row.total_minor,
        row.expires_at,
        row.created_at,
        row.confirmed_at,
        row.ended_at,
        row.order_number,
        int(row.refunded_minor),
        seats,
        views,
    )


def cancel_booking(session: Session, *, booking_id: uuid.UUID) -> Booking:
    """Cancel a pending booking and release its seats (``bo_end_booking``).

    Raises:
        NotFoundError: no such booking.
        BookingExpiredError: it lapsed already (its seats are free).
        BookingStateError: it is confirmed (ask for a refund), cancelled or refunded.
    """
    with unit_of_work(session):
        require_pending(peek_booking(session, booking_id), "cancelled")
        session.execute(_END, {"id": booking_id, "status": "cancelled"})  # checks again, under lock
    return get_booking(session, booking_id=booking_id)


def confirm_booking(
    session: Session, *, booking_id: uuid.UUID, method: str = "online", reference: str | None = None
) -> Booking:
    """Mark a pending booking paid (``method``: card or online; ``reference``: the
    payment's reference) and sell its seats, as one transaction (``bo_confirm_booking``).
    The payment webhook confirms inside the database instead (``bo_payment_event``).

    Only the online channel confirms bookings (a ``bo_web`` login, or the system
    principal): staff take payments at the counter. The database refuses everyone else.

    Raises:
        PermissionDeniedError: a staff actor (a door, cashier or manager account).
        NotFoundError, BookingExpiredError, BookingStateError: as :func:`cancel_booking`.
        HoldExpiredError: the seats are no longer held for the booking.
    """
    actor = actor_of(session)
    if actor is not None and actor.staff_id is not None:
        raise PermissionDeniedError(
            f"{actor.display_name} may not confirm a web booking: the online channel confirms it when the "
            "payment gateway reports the payment. Sell the seats at the counter instead.",
            permission="web",
            role=actor.role,
        )
    with unit_of_work(session):
        confirm_in_transaction(session, booking_id=booking_id, method=method, reference=reference)
    return get_booking(session, booking_id=booking_id)


def confirm_in_transaction(
    session: Session, *, booking_id: uuid.UUID, method: str, reference: str | None
) -> sales.SaleResult:
    """Inside the caller's transaction: sell the booking's seats at its booked prices
    and mark it confirmed (``bo_confirm_booking``: the order, its tickets and the payment
    are written by the database, with the booking's hold token that never leaves it).
    Raises as :func:`confirm_booking`; a database error leaves the caller's transaction
    (or savepoint) to roll back."""
    if method not in sales.PAYMENT_METHODS or method == "cash":
        raise InvalidInputError("A booking is paid by card or online.")
    require_pending(peek_booking(session, booking_id), "confirmed")
    row = session.execute(_CONFIRM, {"id": booking_id, "method": method, "reference": reference}).scalar_one()
    return sales.SaleResult(
        row["order_id"],
        row["number"],
        list(row["ticket_ids"]),
        row["total_minor"],
        row["tendered_minor"],
        row["change_minor"],
        row["currency"],
        row["method"],
    )


def expire_in_transaction(session: Session, *, booking_id: uuid.UUID, status: str = "expired") -> bool:
    """Inside the caller's transaction: end the booking as ``status`` (expired or
    cancelled; expired anyway once it has lapsed) and release its seats if it is still
    pending; returns whether it was."""
    booking = peek_booking(session, booking_id)
    if booking.status != "pending":
        return False
    session.execute(_END, {"id": booking_id, "status": "expired" if booking.lapsed else status})
    return True


def refund_booking(session: Session, *, booking_id: uuid.UUID, now: dt.datetime | None = None) -> RefundResult:
    """Refund a confirmed booking under :mod:`boxoffice.domain.refund_policy`, applied
    by the database with its own clock (``bo_refund_booking``): void its tickets, put its
    seats back on sale and record the refund, in one transaction. ``now`` (aware)
    applies the policy at another time: the system principal only (tests, the command
    line); the database refuses it from anyone else.

    Raises:
        NotFoundError: no such booking.
        BookingStateError: it is not confirmed (pending, ended, or already refunded).
        RefundNotAllowedError: too close to the start (the tickets stay valid).
        PermissionDeniedError: a staff actor without ``refund_any`` (the web channel may;
            cashiers refund at the counter, ``services/refunds``).
    """
    authorize(session, REFUND_ANY)
    with unit_of_work(session):
        booking = peek_booking(session, booking_id)
        if booking.status != "confirmed":
            raise BookingStateError(f"Only a confirmed booking can be refunded; this one is {booking.status}.")
        done = session.execute(_REFUND, {"id": booking_id, "at": now}).scalar_one()
    return RefundResult(
        get_booking(session, booking_id=booking_id),
        int(done["amount_minor"]),
        int(done["percent"]),
        str(done["rule"]),
        int(done["tickets_voided"]),
    )


def peek_booking(session: Session, booking_id: uuid.UUID) -> Row:
    """Read the booking row, without its hold token and without locking it (the contract
    functions lock and check again); ``lapsed`` tells a pending booking past its expiry.
    For clear messages before the database decides.

    Raises:
        NotFoundError: no such booking.
    """
    row = session.execute(_PEEK, {"id": booking_id}).one_or_none()
    if row is None:
        raise NotFoundError("There is no such booking.")
    return row


def require_pending(booking: Row, wanted: str) -> None:
    """Raise unless ``booking`` (see :func:`peek_booking`) is pending and live;
    ``wanted`` names the change refused, for the message."""
    if booking.status == "pending" and booking.lapsed:
        raise BookingExpiredError("The booking has expired; its seats have been released.")
    if booking.status == "expired":
        raise BookingExpiredError("The booking has expired; its seats have been released.")
    if booking.status != "pending":
        hint = " Ask for a refund instead." if booking.status == "confirmed" and wanted == "cancelled" else ""
        raise BookingStateError(f"The booking is {booking.status} and cannot be {wanted}.{hint}")
