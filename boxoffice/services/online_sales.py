"""The counter's products online (migration 0021): ticket types with their prices,
general-admission areas held by quantity, and bookings with a ticket type per line and
an optional promo code.

Holding standing places online goes through ``services.web_holds`` (the channel's
abuse limits, migration 0019). The database prices every line (``bo_book_lines``: the showtime's price for the line's
category and type, less the promo code's discount) exactly as the till's ``bo_checkout``
does; the web never sends a price. A booking made here is confirmed by the same payment
flow as any other (``bo_confirm_booking`` hands it to ``bo_confirm_booking_lines``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services import general_admission
from boxoffice.services.bookings import WEB_CHANNEL, Booking, get_booking
from boxoffice.services.errors import unit_of_work

_OFFERS = text(
    "SELECT sp.ticket_type_id, tt.code, tt.name, sp.category_id, pc.name AS category, sp.price_minor "
    "FROM showtime_prices sp JOIN ticket_type tt ON tt.id = sp.ticket_type_id "
    "JOIN price_category pc ON pc.id = sp.category_id "
    "WHERE sp.showtime_id = :showtime AND tt.active ORDER BY pc.position, pc.id, tt.position, tt.id"
)
_CURRENCY = text("SELECT v.currency FROM showtime st JOIN venue v ON v.id = st.venue_id WHERE st.id = :showtime")
_BOOK = text(
    "SELECT bo_book_lines(:showtime, :token, :channel, :seconds, :email, CAST(:types AS jsonb), "
    "CAST(:ga AS jsonb), :promo)"
)
_LINES = text(
    "SELECT l.line_no, l.seat_id, l.ga_area_id, pc.name AS category, tt.code AS ticket_type, tt.name AS type_name, "
    "l.price_minor, l.discount_minor, c.code AS promo_code "
    "FROM booking_line l JOIN price_category pc ON pc.id = l.category_id JOIN ticket_type tt ON tt.id = l.ticket_type_id "
    "LEFT JOIN promo_code c ON c.id = l.promo_code_id WHERE l.booking_id = :id ORDER BY l.line_no"
)


@dataclass(frozen=True)
class TicketOffer:
    """A ticket type sold in one price category of a showtime at ``price_minor``."""

    ticket_type_id: int
    code: str
    name: str
    category_id: int
    category: str
    price_minor: int


@dataclass(frozen=True)
class BookingLine:
    """One ticket of a booking: a seat or a general-admission place (``ga_area_id``), its
    type, list price and promo discount (minor units)."""

    line_no: int
    seat_id: int | None
    ga_area_id: int | None
    category: str
    ticket_type: str
    type_name: str
    price_minor: int
    discount_minor: int
    promo_code: str | None


def ticket_offers(session: Session, *, showtime_id: int) -> tuple[str, list[TicketOffer]]:
    """The showtime's currency and its ticket types per price category with their
    prices (switched-off types left out), in the venue's order.

    Raises:
        NotFoundError: no such showtime.
    """
    from boxoffice.domain.errors import NotFoundError

    with unit_of_work(session):
        currency = session.execute(_CURRENCY, {"showtime": showtime_id}).scalar_one_or_none()
        if currency is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        rows = session.execute(_OFFERS, {"showtime": showtime_id}).all()
    return currency, [TicketOffer(*r) for r in rows]


def ga_areas(session: Session, *, showtime_id: int) -> list[general_admission.GaAreaState]:
    """The showtime's general-admission areas with their places available now."""
    return general_admission.area_states(session, showtime_id=showtime_id)


def book(
    session: Session,
    *,
    showtime_id: int,
    hold_token: uuid.UUID,
    seconds: int,
    email: str | None = None,
    seat_types: dict[int, int] | None = None,
    ga_types: dict[int, dict[int, int]] | None = None,
    promo: str | None = None,
) -> Booking:
    """Book everything ``hold_token`` holds at ``showtime_id`` (seats and GA places) for
    ``seconds``: ``seat_types`` seat id -> ticket type id (missing: full); ``ga_types``
    area id -> {ticket type id: places}, adding up to the places held (missing area: all
    full); ``promo`` a promo code. Returns the pending booking (total after discounts).

    Raises:
        HoldExpiredError: the token holds nothing live here.
        TicketTypeNotSoldError: a type not sold for a line's category.
        PromoCodeError: the code cannot be used (``details['reason']``).
        NotOnSaleError, BookingStateError, InvalidInputError: as ``bookings.create_booking``.
    """
    if seconds <= 0:
        raise InvalidInputError("A booking must last a positive number of seconds.")
    if email is not None and (len(email) > 254 or "@" not in email):
        raise InvalidInputError("That is not an e-mail address.")
    with unit_of_work(session):
        booking_id = session.execute(
            _BOOK,
            {
                "showtime": showtime_id,
                "token": hold_token,
                "channel": WEB_CHANNEL,
                "seconds": seconds,
                "email": email,
                "types": json.dumps({str(k): v for k, v in (seat_types or {}).items()}),
                "ga": json.dumps({str(a): {str(t): n for t, n in by.items()} for a, by in (ga_types or {}).items()}),
                "promo": promo or None,
            },
        ).scalar_one()
    return get_booking(session, booking_id=booking_id)


def booking_lines(session: Session, *, booking_id: uuid.UUID) -> list[BookingLine]:
    """The lines of a booking made by :func:`book` (empty for a seats-only booking)."""
    with unit_of_work(session):
        return [BookingLine(*r) for r in session.execute(_LINES, {"id": booking_id}).all()]
