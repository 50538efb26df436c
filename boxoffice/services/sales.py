"""Selling held seats: order, tickets and payment in one transaction (``bo_checkout``).

The counter sells through :func:`record_sale`: cash sales (:func:`sell_cash`) and card
payments (:func:`sell`). The database function does the sale and decides the prices
(migration 0011); the web's paid bookings go through ``bo_confirm_booking``
(:mod:`boxoffice.services.bookings`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.db.models import Showtime, TicketType, Venue
from boxoffice.domain.errors import InvalidInputError, NotFoundError, PaymentError, TicketTypeNotSoldError
from boxoffice.domain.money import MAX_AMOUNT_MINOR, format_money
from boxoffice.domain.roles import SELL
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work
from boxoffice.services.tenders import METHODS as TENDER_METHODS, Tender, check_tenders

# Migration 0011: one call sells a basket; the database prices every line and checks the tender.
_CHECKOUT = text(
    "SELECT bo_checkout(:showtime, :token, :channel, :seats, :types, CAST(:ga AS jsonb), CAST(:tenders AS jsonb), "
    "CAST(:override AS uuid), :expected, :promo)"
).bindparams(bindparam("seats", type_=ARRAY(Integer)), bindparam("types", type_=ARRAY(Integer)))
_LINES = text(
    "SELECT s.id AS seat_id, l.ticket_type_id, l.price_minor, s.plan_id FROM seat s "
    "LEFT JOIN bo_sale_lines(:showtime, :seats, :types) l ON l.seat_id = s.id WHERE s.id = ANY(:seats)"
).bindparams(bindparam("seats", type_=ARRAY(Integer)), bindparam("types", type_=ARRAY(Integer)))
# Migration 0008: general admission, sold by count from a live GA hold.
_GA_PRICES = text(
    "SELECT a.id, a.plan_id, sp.price_minor FROM ga_area a "
    "LEFT JOIN showtime_price sp ON sp.showtime_id = :showtime AND sp.category_id = a.category_id "
    "WHERE a.id = ANY(:areas)"
).bindparams(bindparam("areas", type_=ARRAY(Integer)))
_TYPE_PRICES = text(
    "SELECT sp.ticket_type_id, tt.code, tt.name, sp.category_id, sp.price_minor "
    "FROM showtime_prices sp JOIN ticket_type tt ON tt.id = sp.ticket_type_id "
    "WHERE sp.showtime_id = :showtime AND tt.active ORDER BY sp.category_id, tt.position, tt.id"
)

TicketTypes = Mapping[int, "int | str | None"]
"""Seat id -> ticket type (its id, or its code such as ``"child"``; ``None``: full)."""

GaPlaces = Mapping[int, int]
"""General-admission area id -> how many places (sold as full tickets)."""


@dataclass(frozen=True)
class Quote:
    """Price of a basket: ``lines`` maps seat id to price in minor units; ``types`` maps
    seat id to the ticket type id it is priced as (empty for a booking's legacy lines,
    sold untyped at the booked price)."""

    lines: dict[int, int]
    total_minor: int
    currency: str
    types: dict[int, int] = field(default_factory=dict)
    # general admission (migration 0008): area id -> (places, full price of one place)
    ga: dict[int, tuple[int, int]] = field(default_factory=dict)
    promo: str | None = None  # a promo code whose discount total_minor already takes off (migration 0021)


@dataclass(frozen=True)
class TypePrice:
    """A ticket type offered in one category of a showtime, at ``price_minor``."""

    ticket_type_id: int
    code: str
    name: str
    category_id: int
    price_minor: int


PAYMENT_METHODS = ("cash", "card", "online")


@dataclass(frozen=True)
class SaleResult:
    """A completed sale; amounts in minor units of ``currency``. ``change_minor`` is
    non-zero only for cash; ``method`` is the tender's (cash, card, online, comp) or
    ``split`` for several; ``tenders`` lists them."""

    order_id: int
    order_number: str
    ticket_ids: list[int]
    total_minor: int
    tendered_minor: int
    change_minor: int
    currency: str
    method: str = "cash"
    tenders: tuple[Tender, ...] = ()
    discount_minor: int = 0  # promo code (migration 0021): the whole order's discount


def ticket_prices(session: Session, *, showtime_id: int, category_id: int | None = None) -> list[TypePrice]:
    """The ticket types sold at ``showtime_id`` (only ``category_id``'s, if given) with
    their prices, full first then in the venue's order; switched-off types are left out."""
    with unit_of_work(session):
        rows = session.execute(_TYPE_PRICES, {"showtime": showtime_id}).all()
    return [TypePrice(*r) for r in rows if category_id is None or r.category_id == category_id]


def _type_ids(session: Session, showtime: Showtime, seat_ids: list[int], ticket_types: TicketTypes | None) -> list:
    """Ticket type ids parallel to ``seat_ids`` (``None``: full). Codes are looked up in
    the showtime's venue; an unknown code raises InvalidInputError."""
    wanted = {sid: (ticket_types or {}).get(sid) for sid in seat_ids}
    codes = {v for v in wanted.values() if isinstance(v, str)}
    by_code = {}
    if codes:
        by_code = dict(
            session.execute(
                select(TicketType.code, TicketType.id).where(
                    TicketType.venue_id == showtime.venue_id, TicketType.code.in_(codes)
                )
            ).all()
        )
        unknown = sorted(codes - set(by_code))
        if unknown:
            raise InvalidInputError(f"Unknown ticket type {unknown[0]!r}.")
    return [by_code[v] if isinstance(v, str) else (None if v is None else int(v)) for v in wanted.values()]


def quote(
    session: Session,
    *,
    showtime_id: int,
    seat_ids: list[int],
    ticket_types: TicketTypes | None = None,
    ga: GaPlaces | None = None,
) -> Quote:
    """Price ``seat_ids`` at ``showtime_id`` from the showtime's prices: each seat as its
    ticket type in ``ticket_types`` (seat id -> type id or code; missing: full), and the
    general-admission places ``ga`` (area id -> places) at their area's full price.

    Raises:
        NotFoundError: unknown showtime, or a seat not on its plan.
        InvalidInputError: a seat's category has no full price for this showtime, or an
            unknown ticket type code.
        TicketTypeNotSoldError: a seat's type has no price in its category.
    """
    ids = list(dict.fromkeys(int(s) for s in seat_ids))
    with unit_of_work(session):
        showtime = session.get(Showtime, showtime_id)
        if showtime is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        currency = session.execute(select(Venue.currency).where(Venue.id == showtime.venue_id)).scalar_one()
        types = _type_ids(session, showtime, ids, ticket_types)
        rows = session.execute(_LINES, {"showtime": showtime_id, "seats": ids, "types": types}).all()
        ga_rows = {}
        if ga:
            ga_rows = {
                r.id: r for r in session.execute(_GA_PRICES, {"showtime": showtime_id, "areas": sorted(ga)}).all()
            }
    ga_lines: dict[int, tuple[int, int]] = {}
    for area_id, places in (ga or {}).items():
        r = ga_rows.get(area_id)
        if r is None or r.plan_id != showtime.plan_id:
            raise NotFoundError(f"Area {area_id} is not part of this showtime's seating plan.")
        if r.price_minor is None:
            raise InvalidInputError(f"Area {area_id} has no price for this showtime; ask a manager to set one.")
        if not isinstance(places, int) or places < 1:
            raise InvalidInputError("Choose at least one place.")
        ga_lines[area_id] = (places, r.price_minor)
    found = {r.seat_id: r for r in rows if r.seat_id is not None}
    plans = {r.seat_id: r.plan_id for r in rows}
    lines: dict[int, int] = {}
    type_of: dict[int, int] = {}
    for seat_id, type_id in zip(ids, types, strict=True):
        r = found.get(seat_id)
        if r is None or plans.get(seat_id) != showtime.plan_id:
            raise NotFoundError(f"Seat {seat_id} is not part of this showtime's seating plan.")
        if r.price_minor is None and type_id is None:
            raise InvalidInputError(f"Seat {seat_id} has no price for this showtime; ask a manager to set one.")
        if r.price_minor is None:
            raise TicketTypeNotSoldError(
                f"That ticket type is not sold for seat {seat_id} at this showtime.", seat_ids=[seat_id]
            )
        lines[seat_id] = r.price_minor
        type_of[seat_id] = r.ticket_type_id
    total = sum(lines.values()) + sum(n * price for n, price in ga_lines.values())
    return Quote(lines, total, currency, type_of, ga_lines)


def sell_cash(
    session: Session,
    *,
    showtime_id: int,
    seat_ids: list[int],
    token: uuid.UUID,
    channel: str,
    tendered_minor: int,
    expected_total_minor: int | None = None,
    ticket_types: TicketTypes | None = None,
    ga: GaPlaces | None = None,
    promo: str | None = None,
) -> SaleResult:
    """Sell the seats ``token`` holds, paid in cash, as one transaction.

    Converts the live holds to sold (``bo_sell``), writes the order, one ticket per seat
    at the showtime's current price for its ticket type (``ticket_types``: seat id -> type
    id or code; missing seats are full), and the payment. ``expected_total_minor`` is the
    total the cashier showed the customer; if prices changed meanwhile the sale is refused.
    ``ga`` (area id -> places) sells general-admission places the token holds
    (``bo_ga_hold``) in the same transaction, as full tickets without a seat.
    ``promo``: a promo code, as :func:`sell`.

    Raises:
        HoldExpiredError: a hold expired or was released; nothing was sold.
        PaymentError: ``tendered_minor`` is below the total, or the total changed.
        InvalidInputError: no seats, or an impossible amount.
        TicketTypeNotSoldError: a seat's ticket type has no price in its category.
        PermissionDeniedError: the session's actor may not sell (e.g. a door account).
        DatabaseUnavailableError: the connection dropped; the transaction was rolled back.
    """
    return sell(
        session,
        showtime_id=showtime_id,
        seat_ids=seat_ids,
        token=token,
        channel=channel,
        method="cash",
        tendered_minor=tendered_minor,
        expected_total_minor=expected_total_minor,
        ticket_types=ticket_types,
        ga=ga,
        promo=promo,
    )


def sell(
    session: Session,
    *,
    showtime_id: int,
    seat_ids: list[int],
    token: uuid.UUID,
    channel: str,
    method: str | None = None,
    tendered_minor: int | None = None,
    expected_total_minor: int | None = None,
    reference: str | None = None,
    ticket_types: TicketTypes | None = None,
    ga: GaPlaces | None = None,
    tenders: list[Tender] | None = None,
    override: uuid.UUID | None = None,
    promo: str | None = None,
    after_sale: Callable[[Session, SaleResult], None] | None = None,
) -> SaleResult:
    """Sell the seats ``token`` holds at the showtime's current prices, as one transaction.

    ``after_sale(session, result)`` runs inside that transaction after the order is
    written (e.g. claiming its tickets' codes, :func:`boxoffice.services.counter.sell_and_issue`);
    if it raises, nothing is sold.

    Every ticket records its type (``ticket_types``, default full) and the price the
    database gives for it (``bo_sell`` with types, migration 0006), never a client's.

    Payment: ``tenders`` (a list of :class:`~boxoffice.services.tenders.Tender`, e.g.
    20.00 card + the rest cash) whose amounts add up to the total; or, for one tender,
    ``method`` (``cash``, ``card``, ``online`` or ``comp``) with ``tendered_minor`` (cash:
    required, may exceed the total, the rest is change; others: the total) and
    ``reference`` (card: the terminal's code). ``override`` is a manager's token
    (:func:`~boxoffice.services.tenders.grant_override`) for a cashier's comp.
    Errors as :func:`sell_cash`, and:

    Raises:
        InvalidInputError: a card without reference, a comp without reason.
        PaymentError: the tenders do not add up to the total; change on a non-cash tender.
        OverrideRequiredError: a comp by a cashier without a valid override.

    ``promo`` is a promo code typed at the till: the database takes its discount off the
    eligible tickets and records one use (migration 0021; refusals raise PromoCodeError).

    The sale is audited by the database in the same transaction (``sale``, migration
    0004), and ``orders.staff_id`` records the signed-in seller.
    """
    authorize(session, SELL)
    if tenders is None and method not in TENDER_METHODS:
        raise InvalidInputError(f"Unknown payment method {method!r}.")
    ids = sorted({int(s) for s in seat_ids})
    ga = {int(a): n for a, n in (ga or {}).items() if n}
    if not ids and not ga:
        raise InvalidInputError("The basket is empty.")
    if tenders is None and method == "cash" and tendered_minor is None:
        raise InvalidInputError("A cash sale needs the amount tendered.")
    if tendered_minor is not None and not 0 <= tendered_minor <= MAX_AMOUNT_MINOR:
        raise InvalidInputError("The amount tendered is not a possible amount.")
    priced = quote(session, showtime_id=showtime_id, seat_ids=ids, ticket_types=ticket_types, ga=ga)
    if promo and promo.strip():  # promo code (migration 0021): the customer pays the discounted total
        from boxoffice.services import promo as promos

        off = promos.quote_basket(
            session,
            code=promo,
            showtime_id=showtime_id,
            seat_ids=list(priced.lines),
            ticket_types=priced.types,
            ga={a: n for a, (n, _price) in priced.ga.items()},
        ).total_minor
        priced = Quote(priced.lines, priced.total_minor - off, priced.currency, priced.types, priced.ga, promo.strip())
    if expected_total_minor is not None and expected_total_minor != priced.total_minor:
        raise PaymentError(
            f"The total changed to {format_money(priced.total_minor, priced.currency)}; check the basket again."
        )
    if tenders is None:
        assert method is not None
        tendered = priced.total_minor if tendered_minor is None else tendered_minor
        if tendered < priced.total_minor:
            raise PaymentError(
                f"Cash tendered ({format_money(tendered, priced.currency)}) is less than the total "
                f"({format_money(priced.total_minor, priced.currency)})."
            )
        if method != "cash" and tendered != priced.total_minor:
            raise PaymentError(f"A {method} payment must be exactly the total.")
        tenders = [
            Tender("comp", priced.total_minor, comp_reason=reference)
            if method == "comp"
            else Tender(method, priced.total_minor, tendered_minor=tendered, reference=reference)
        ]
    check_tenders(list(tenders), priced.total_minor)
    with unit_of_work(session):
        result = record_sale(
            session,
            showtime_id=showtime_id,
            token=token,
            channel=channel,
            priced=priced,
            tenders=list(tenders),
            override=override,
        )
        if after_sale is not None:
            after_sale(session, result)
        return result


def record_sale(
    session: Session,
    *,
    showtime_id: int,
    token: uuid.UUID,
    channel: str,
    priced: Quote,
    tenders: list[Tender],
    override: uuid.UUID | None = None,
) -> SaleResult:
    """Inside the caller's transaction: sell the seats of ``priced`` that ``token`` holds,
    each as its type in ``priced.types`` (missing: full), and the general-admission places
    of ``priced.ga``, through ``bo_checkout`` (migrations 0011, 0014): the database
    converts the caller's own live holds, prices every line itself, and writes the order,
    its tickets and one payment per tender (``tenders``, adding up to the total;
    ``override``: a manager's token for a cashier's comp). ``priced.total_minor`` is the
    total the customer was shown: a different total refuses the sale. Nothing is
    committed here; on a database error the caller's transaction must be rolled back
    (or its savepoint).
    """
    ids = sorted(priced.lines)
    row = session.execute(
        _CHECKOUT,
        {
            "showtime": showtime_id,
            "token": token,
            "channel": channel,
            "seats": ids,
            "types": [priced.types.get(sid) for sid in ids],
            "ga": json.dumps({str(a): n for a, (n, _price) in sorted(priced.ga.items())}),
            "tenders": json.dumps([t.as_json() for t in tenders]),
            "override": override,
            "expected": priced.total_minor,
            "promo": priced.promo,
        },
    ).scalar_one()
    return SaleResult(
        row["order_id"],
        row["number"],
        list(row["ticket_ids"]),
        row["total_minor"],
        row["tendered_minor"],
        row["change_minor"],
        row["currency"],
        row["method"],
        tenders=tuple(Tender(t["method"], t["amount_minor"], t["tendered_minor"]) for t in row.get("tenders") or ()),
        discount_minor=row.get("discount_minor") or 0,
    )
