"""Selling held seats: order, tickets and payment in one transaction (``bo_sell``).

Every channel sells through :func:`record_sale`: the counter's cash sales
(:func:`sell_cash`), card payments (:func:`sell`) and the web's paid bookings
(:mod:`boxoffice.services.bookings`, inside the webhook's transaction).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.db.models import Order, Payment, Seat, SeatingPlan, Showtime, ShowtimePrice, Ticket, Venue
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PaymentError
from boxoffice.domain.money import MAX_AMOUNT_MINOR, format_money
from boxoffice.domain.roles import SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

_SELL = text("SELECT bo_sell(:showtime, :seats, :token, :channel)").bindparams(
    bindparam("seats", type_=ARRAY(Integer))
)


@dataclass(frozen=True)
class Quote:
    """Price of a basket: ``lines`` maps seat id to price in minor units."""

    lines: dict[int, int]
    total_minor: int
    currency: str


PAYMENT_METHODS = ("cash", "card", "online")


@dataclass(frozen=True)
class SaleResult:
    """A completed sale; amounts in minor units of ``currency``. ``change_minor`` is
    non-zero only for cash; ``method`` is one of :data:`PAYMENT_METHODS`."""

    order_id: int
    order_number: str
    ticket_ids: list[int]
    total_minor: int
    tendered_minor: int
    change_minor: int
    currency: str
    method: str = "cash"


def quote(session: Session, *, showtime_id: int, seat_ids: list[int]) -> Quote:
    """Price ``seat_ids`` at ``showtime_id`` from the showtime's category prices.

    Raises:
        NotFoundError: unknown showtime, or a seat not on its plan.
        InvalidInputError: a seat's category has no price for this showtime.
    """
    with unit_of_work(session):
        showtime = session.get(Showtime, showtime_id)
        if showtime is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        currency = session.execute(
            select(Venue.currency).join(SeatingPlan, SeatingPlan.venue_id == Venue.id).where(SeatingPlan.id == showtime.plan_id)
        ).scalar_one()
        rows = session.execute(
            select(Seat.id, Seat.plan_id, ShowtimePrice.price_minor)
            .outerjoin(
                ShowtimePrice,
                (ShowtimePrice.category_id == Seat.category_id) & (ShowtimePrice.showtime_id == showtime_id),
            )
            .where(Seat.id.in_(seat_ids))
        ).all()
    found = {r.id: r for r in rows}
    lines: dict[int, int] = {}
    for seat_id in seat_ids:
        r = found.get(seat_id)
        if r is None or r.plan_id != showtime.plan_id:
            raise NotFoundError(f"Seat {seat_id} is not part of this showtime's seating plan.")
        if r.price_minor is None:
            raise InvalidInputError(f"Seat {seat_id} has no price for this showtime; ask a manager to set one.")
        lines[seat_id] = r.price_minor
    return Quote(lines, sum(lines.values()), currency)


def sell_cash(session: Session, *, showtime_id: int, seat_ids: list[int], token: uuid.UUID, channel: str,
              tendered_minor: int, expected_total_minor: int | None = None) -> SaleResult:
    """Sell the seats ``token`` holds, paid in cash, as one transaction.

    Converts the live holds to sold (``bo_sell``), writes the order, one ticket per seat
    at the showtime's current price, and the payment. ``expected_total_minor`` is the total
    the cashier showed the customer; if prices changed meanwhile the sale is refused.

    Raises:
        HoldExpiredError: a hold expired or was released; nothing was sold.
        PaymentError: ``tendered_minor`` is below the total, or the total changed.
        InvalidInputError: no seats, or an impossible amount.
        PermissionDeniedError: the session's actor may not sell (e.g. a door account).
        DatabaseUnavailableError: the connection dropped; the transaction was rolled back.
    """
    return sell(session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel=channel, method="cash",
                tendered_minor=tendered_minor, expected_total_minor=expected_total_minor)


def sell(session: Session, *, showtime_id: int, seat_ids: list[int], token: uuid.UUID, channel: str,
         method: str, tendered_minor: int | None = None, expected_total_minor: int | None = None,
         reference: str | None = None) -> SaleResult:
    """Sell the seats ``token`` holds at the showtime's current prices, as one transaction.

    ``method`` is ``cash``, ``card`` or ``online``. For cash, ``tendered_minor`` (minor
    units) is required and may exceed the total (the rest is change); for the others it
    defaults to the total and must equal it. ``reference`` is the payment provider's
    reference, if any. Errors as :func:`sell_cash`.

    The sale is audited by the database in the same transaction (``sale``, migration
    0004), and ``orders.staff_id`` records the signed-in seller.
    """
    authorize(session, SELL)
    if method not in PAYMENT_METHODS:
        raise InvalidInputError(f"Unknown payment method {method!r}.")
    ids = sorted({int(s) for s in seat_ids})
    if not ids:
        raise InvalidInputError("The basket is empty.")
    if method == "cash" and tendered_minor is None:
        raise InvalidInputError("A cash sale needs the amount tendered.")
    if tendered_minor is not None and not 0 <= tendered_minor <= MAX_AMOUNT_MINOR:
        raise InvalidInputError("The amount tendered is not a possible amount.")
    priced = quote(session, showtime_id=showtime_id, seat_ids=ids)
    if expected_total_minor is not None and expected_total_minor != priced.total_minor:
        raise PaymentError(
            f"The total changed to {format_money(priced.total_minor, priced.currency)}; check the basket again."
        )
    tendered = priced.total_minor if tendered_minor is None else tendered_minor
    if tendered < priced.total_minor:
        raise PaymentError(
            f"Cash tendered ({format_money(tendered, priced.currency)}) is less than the total "
            f"({format_money(priced.total_minor, priced.currency)})."
        )
    if method != "cash" and tendered != priced.total_minor:
        raise PaymentError(f"A {method} payment must be exactly the total.")
    with unit_of_work(session):
        return record_sale(session, showtime_id=showtime_id, token=token, channel=channel, priced=priced,
                           method=method, tendered_minor=tendered, reference=reference)


def record_sale(session: Session, *, showtime_id: int, token: uuid.UUID, channel: str, priced: Quote, method: str,
                tendered_minor: int, reference: str | None = None) -> SaleResult:
    """Inside the caller's transaction: sell the seats of ``priced`` that ``token`` holds
    (``bo_sell``), and write the order, one ticket per seat at ``priced``'s price, and the
    payment (``tendered_minor`` in minor units, at least the total). Nothing is
    committed here; on a database error the caller's transaction must be rolled back
    (or its savepoint): ``bo_sell`` raises BO002 when a hold is missing or expired.
    """
    ids = sorted(priced.lines)
    session.execute(_SELL, {"showtime": showtime_id, "seats": ids, "token": token, "channel": channel})
    order = Order(channel=channel, currency=priced.currency, total_minor=priced.total_minor)
    session.add(order)
    session.flush()
    categories = dict(session.execute(select(Seat.id, Seat.category_id).where(Seat.id.in_(ids))).all())
    tickets = [
        Ticket(order_id=order.id, showtime_id=showtime_id, seat_id=sid, category_id=categories[sid],
               price_minor=priced.lines[sid])
        for sid in ids
    ]
    session.add_all(tickets)
    session.add(Payment(order_id=order.id, method=method, amount_minor=priced.total_minor,
                        tendered_minor=tendered_minor, reference=reference))
    session.flush()
    return SaleResult(order.id, order.number, [t.id for t in tickets], priced.total_minor, tendered_minor,
                      tendered_minor - priced.total_minor, priced.currency, method)
