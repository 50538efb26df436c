"""Exchanging tickets at the counter: some tickets of an order move to other seats, or
to another showtime of the same show, in one transaction (``bo_exchange``, migration
0016).

The old tickets become ``exchanged`` (the door says VOID "exchanged" for their codes), a
refund of method ``exchange`` records the credit used, and a new order
(``orders.exchanged_from``) holds the new tickets, paid by an ``exchange`` payment plus
the tenders for a dearer total; a cheaper one pays the rest back in the tender chosen.
The new seats are taken by the same statement that checks they are free, so two tills
exchanging into one seat cannot both win. Money is in minor units.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger, Integer

from boxoffice.domain.errors import InvalidInputError, TicketTypeNotSoldError
from boxoffice.domain.roles import REFUND_OWN, SELL
from boxoffice.services import sales
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

COLLECT_METHODS = ("cash", "card")
"""Tenders that pay a difference at the counter."""


@dataclass(frozen=True)
class Tender:
    """One tender paying (part of) an exchange's difference: ``method`` cash or card,
    ``amount_minor`` it pays, ``tendered_minor`` handed over (cash only may exceed the
    amount: the rest is change), ``reference`` (a card terminal's authorisation code).
    Same fields as the counter's ``services.tenders.Tender``."""

    method: str
    amount_minor: int
    tendered_minor: int | None = None
    reference: str | None = None
    comp_reason: str | None = None


@dataclass(frozen=True)
class ExchangeShowtime:
    """A showtime the tickets can move to (same show, on sale)."""

    showtime_id: int
    starts_at: dt.datetime
    venue: str


@dataclass(frozen=True)
class ExchangeQuote:
    """What an exchange costs: ``credit_minor`` (what was paid for the old tickets), ``new_total_minor``
    and :attr:`difference_minor` (positive: the customer pays, negative: gets back);
    ``types`` maps each new seat to the ticket type it is priced as (the old ticket's
    type where that is sold for the new seat, else full)."""

    credit_minor: int
    new_total_minor: int
    currency: str
    types: dict[int, int | None]

    @property
    def difference_minor(self) -> int:
        """New total minus credit."""
        return self.new_total_minor - self.credit_minor


@dataclass(frozen=True)
class ExchangeResult:
    """An exchange done: the new order, its tickets, and the money moved."""

    exchange_id: int
    order_id: int
    order_number: str
    ticket_ids: list[int]
    credit_minor: int
    new_total_minor: int
    collected_minor: int
    refunded_minor: int
    change_minor: int
    currency: str


def exchange_showtimes(session: Session, *, order_id: int) -> list[ExchangeShowtime]:
    """The showtimes of the show of ``order_id``'s tickets that are on sale now, soonest
    first (the order's own showtime included: moving seats). A read.

    Raises:
        PermissionDeniedError: the actor may not sell.
    """
    authorize(session, SELL)
    with unit_of_work(session):
        rows = session.execute(
            text(
                "SELECT st.id, st.starts_at, v.name FROM showtime st JOIN venue v ON v.id = st.venue_id "
                "WHERE st.show_id IN (SELECT s.show_id FROM ticket t JOIN showtime s ON s.id = t.showtime_id "
                "WHERE t.order_id = :o) AND coalesce(bo_sale_refusal(st.status, st.on_sale_at, st.off_sale_at), '') = '' "
                "ORDER BY st.starts_at, st.id"
            ),
            {"o": order_id},
        ).all()
    return [ExchangeShowtime(*r) for r in rows]


def quote_exchange(
    session: Session, *, order_id: int, ticket_ids: list[int], showtime_id: int, seat_ids: list[int]
) -> ExchangeQuote:
    """Price moving ``ticket_ids`` of ``order_id`` to ``seat_ids`` (as many, ticket i to
    seat i) at ``showtime_id``: each new seat keeps its old ticket's type where the new
    showtime sells it for that seat, else it is full. A read; the exchange itself prices
    again in the database.

    Raises:
        InvalidInputError: not one seat per ticket, or a ticket not of this order.
        NotFoundError: unknown showtime or seat.
    """
    authorize(session, SELL)
    if not ticket_ids or len(ticket_ids) != len(seat_ids):
        raise InvalidInputError("Choose one new seat for each ticket exchanged.")
    with unit_of_work(session):
        rows: dict[int, int | None] = dict(
            session.execute(
                text("SELECT id, ticket_type_id FROM ticket WHERE order_id = :o AND id = ANY(:t)").bindparams(
                    bindparam("t", type_=ARRAY(BigInteger))
                ),
                {"o": order_id, "t": list(ticket_ids)},
            ).all()
        )
        credit = session.execute(
            text(
                "SELECT coalesce(sum(price_minor - discount_minor), 0) FROM ticket WHERE order_id = :o AND id = ANY(:t)"
            ).bindparams(bindparam("t", type_=ARRAY(BigInteger))),
            {"o": order_id, "t": list(ticket_ids)},
        ).scalar_one()
    if len(rows) != len(ticket_ids):
        raise InvalidInputError("Some of those tickets are not part of this order.")
    types: dict[int, int | None] = {seat: rows[t] for seat, t in zip(seat_ids, ticket_ids, strict=True)}
    for _attempt in range(2):
        try:
            priced = sales.quote(session, showtime_id=showtime_id, seat_ids=list(seat_ids), ticket_types=types)
            break
        except TicketTypeNotSoldError as exc:  # that type is not sold there: the seat goes at full price
            failed = exc.details.get("seat_ids")
            for seat in failed if isinstance(failed, list) and failed else list(types):
                types[seat] = None
    else:
        priced = sales.quote(session, showtime_id=showtime_id, seat_ids=list(seat_ids))
        types = dict.fromkeys(seat_ids)
    return ExchangeQuote(int(credit), priced.total_minor, priced.currency, types)


_EXCHANGE = text(
    "SELECT bo_exchange(:o, :t, :st, :seats, :types, CAST(:tenders AS jsonb), :refund_method, :reason, :channel, "
    ":expected)"
).bindparams(
    bindparam("t", type_=ARRAY(BigInteger)),
    bindparam("seats", type_=ARRAY(Integer)),
    bindparam("types", type_=ARRAY(Integer)),
)


def exchange(
    session: Session,
    *,
    order_id: int,
    ticket_ids: list[int],
    showtime_id: int,
    seat_ids: list[int],
    channel: str,
    reason: str,
    tenders: list[Tender] | None = None,
    refund_method: str | None = None,
    ticket_types: dict[int, int | None] | None = None,
    expected_difference_minor: int | None = None,
) -> ExchangeResult:
    """Exchange ``ticket_ids`` of ``order_id`` for ``seat_ids`` (ticket i -> seat i) at
    ``showtime_id`` of the same show, for ``reason``, at till ``channel``, in one committed
    transaction. ``ticket_types`` (seat -> type id, ``None`` full; default: as
    :func:`quote_exchange` says) prices the new tickets. A dearer total is paid by
    ``tenders`` (cash/card :class:`Tender`, adding up to the difference); a cheaper one is
    paid back by ``refund_method`` (cash, card, online). ``expected_difference_minor`` is
    the difference the customer was shown: another refuses the exchange.

    Raises:
        SeatUnavailableError: a new seat was taken meanwhile (nothing changed).
        PaymentError: the tenders do not add up to the difference, or it changed.
        BookingStateError: a ticket was refunded or exchanged already.
        InvalidInputError: not the same show, not one seat per ticket, no reason, a bad
            refund method.
        NotOnSaleError: the new showtime is not on sale.
        PermissionDeniedError: the refund rules (someone else's order, after the start).
    """
    authorize(session, SELL)
    authorize(session, REFUND_OWN)
    reason = (reason or "").strip()
    if not reason or len(reason) > 200:
        raise InvalidInputError("Give a reason for the exchange (at most 200 characters).")
    for tender in tenders or []:
        if tender.method not in COLLECT_METHODS:
            raise InvalidInputError(f"A difference is paid in cash or by card, not {tender.method!r}.")
    if ticket_types is None:
        ticket_types = quote_exchange(
            session, order_id=order_id, ticket_ids=ticket_ids, showtime_id=showtime_id, seat_ids=seat_ids
        ).types
    payload = [
        {
            k: v
            for k, v in (
                ("method", t.method),
                ("amount_minor", t.amount_minor),
                ("tendered_minor", t.tendered_minor),
                ("reference", t.reference),
            )
            if v is not None
        }
        for t in tenders or []
    ]
    with unit_of_work(session):
        row = session.execute(
            _EXCHANGE,
            {
                "o": order_id,
                "t": list(ticket_ids),
                "st": showtime_id,
                "seats": list(seat_ids),
                "types": [ticket_types.get(s) for s in seat_ids],
                "tenders": json.dumps(payload),
                "refund_method": refund_method,
                "reason": reason,
                "channel": channel,
                "expected": expected_difference_minor,
            },
        ).scalar_one()
    return ExchangeResult(
        row["exchange_id"],
        row["order_id"],
        row["number"],
        list(row["ticket_ids"]),
        row["credit_minor"],
        row["new_total_minor"],
        row["collected_minor"],
        row["refunded_minor"],
        row["change_minor"],
        row["currency"],
    )
