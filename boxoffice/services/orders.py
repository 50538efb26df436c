"""Finding an order at the counter (F4) and what can be done with it there: reprint its
tickets with new codes, refund some or all of its tickets to a chosen tender, say who it
is for. Exchanges are in :mod:`boxoffice.services.exchange`.

The database decides (migration 0016): ``bo_refund_tickets`` refunds the tickets at the
prices it holds (a ticket at most once, ``refund_ticket``), to the tender given, with the
refund rules of the signed-in role (a cashier their own sales before the start; managers
any order, also after the start); ``bo_reissue_key`` raises a ticket's code serial so the
old code reads VOID "reprinted" at the door. Money is in minor units.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import BigInteger

from boxoffice.device_key import DeviceKey
from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import REFUND_OWN, REPRINT, SELL
from boxoffice.services import exchange as exchange_service, tickets as ticket_service
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

REFUND_METHODS = ("cash", "card", "online")
"""The tenders money can go back to at the counter."""

_NUMBER = re.compile(r"^(?:BO-?)?(\d{1,9})$", re.IGNORECASE)


@dataclass(frozen=True)
class OrderSummary:
    """One order in the look-up list. ``customer`` is the name or e-mail recorded for it
    (a web order's booking e-mail), or ``""``; ``valid_tickets`` of ``tickets`` still
    admit; ``starts_at`` (aware) is its earliest showtime."""

    order_id: int
    number: str
    channel: str
    created_at: dt.datetime
    currency: str
    total_minor: int
    customer: str
    show_title: str
    starts_at: dt.datetime | None
    tickets: int
    valid_tickets: int


@dataclass(frozen=True)
class OrderTicket:
    """A ticket of an order: ``place`` (``"Stalls · Row A · Seat 3"``), ``status``
    (``valid``, ``refunded``, ``exchanged``, ``void``), ``price_minor`` what was paid for it in
    minor units: the list price less any promo discount, which is what a refund pays back."""

    ticket_id: int
    showtime_id: int
    seat_id: int | None
    place: str
    category: str
    ticket_type: str
    ticket_type_id: int | None
    price_minor: int
    status: str
    starts_at: dt.datetime
    code_serial: int


@dataclass(frozen=True)
class OrderRefundLine:
    """A refund of the order: when, how much, to which tender (``exchange``: credit
    carried to a new order), why, and which tickets."""

    refund_id: int
    at: dt.datetime
    amount_minor: int
    method: str
    reason: str
    ticket_ids: tuple[int, ...]


@dataclass(frozen=True)
class OrderDetail:
    """An order as the look-up screen shows it. ``payments`` are ``(method,
    amount_minor)``; ``exchanged_from``/``exchanged_to`` are order numbers of the exchange
    chain; ``refundable_minor`` is the sum of the valid tickets' prices."""

    order_id: int
    number: str
    channel: str
    sold_by: str
    created_at: dt.datetime
    currency: str
    total_minor: int
    customer_name: str
    customer_email: str
    show_id: int | None
    show_title: str
    tickets: list[OrderTicket]
    payments: list[tuple[str, int]]
    refunds: list[OrderRefundLine]
    exchanged_from: str | None
    exchanged_to: list[str]

    @property
    def valid(self) -> list[OrderTicket]:
        """The tickets that still admit."""
        return [t for t in self.tickets if t.status == "valid"]

    @property
    def refundable_minor(self) -> int:
        """What refunding every valid ticket would pay back."""
        return sum(t.price_minor for t in self.valid)


@dataclass(frozen=True)
class TicketRefund:
    """A refund done: ``amount_minor`` of ``currency`` back by ``method`` for ``ticket_ids``."""

    refund_id: int
    order_id: int
    order_number: str
    amount_minor: int
    currency: str
    method: str
    ticket_ids: list[int]


_FIND = """
SELECT o.id, o.number, o.channel, o.created_at, o.currency, o.total_minor,
       coalesce(c.name, c.email, b.email, '') AS customer,
       (SELECT sh.title FROM ticket t JOIN showtime st ON st.id = t.showtime_id JOIN show sh ON sh.id = st.show_id
        WHERE t.order_id = o.id ORDER BY st.starts_at LIMIT 1) AS title,
       (SELECT min(st.starts_at) FROM ticket t JOIN showtime st ON st.id = t.showtime_id WHERE t.order_id = o.id),
       (SELECT count(*) FROM ticket t WHERE t.order_id = o.id),
       (SELECT count(*) FROM ticket t WHERE t.order_id = o.id AND t.status = 'valid')
FROM orders o
LEFT JOIN order_customer c ON c.order_id = o.id
LEFT JOIN booking b ON b.order_id = o.id
WHERE {where}
ORDER BY o.id DESC
LIMIT :limit"""


def find_orders(session: Session, *, query: str, limit: int = 50) -> list[OrderSummary]:
    """Orders matching ``query``: an order number (``"BO-001001"``, ``"1001"``), or part of
    a customer's name or e-mail (a web order's booking e-mail too), newest first, at most
    ``limit``. A read.

    Raises:
        InvalidInputError: an empty query, or one of fewer than 2 characters.
        PermissionDeniedError: the actor may neither sell nor refund (door staff).
    """
    authorize(session, SELL)
    wanted = (query or "").strip()
    if len(wanted) < 2 and not wanted.isdigit():
        raise InvalidInputError("Type an order number, or at least 2 letters of a name or e-mail.")
    number = _NUMBER.match(wanted)
    with unit_of_work(session):
        if number:
            sql, params = "o.number = :n", {"n": f"BO-{int(number.group(1)):06d}"}
        else:
            pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            sql = "(c.name ILIKE :p OR c.email ILIKE :p OR b.email ILIKE :p)"
            params = {"p": pattern}
        rows = session.execute(text(_FIND.format(where=sql)), {**params, "limit": limit}).all()
    return [
        OrderSummary(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6], r[7] or "", r[8], int(r[9]), int(r[10]))
        for r in rows
    ]


_ORDER = text("""
SELECT o.id, o.number, o.channel, coalesce(s.display_name, o.channel), o.created_at, o.currency, o.total_minor,
       coalesce(c.name, ''), coalesce(c.email, b.email, ''), f.number
FROM orders o LEFT JOIN staff s ON s.id = o.staff_id LEFT JOIN order_customer c ON c.order_id = o.id
LEFT JOIN booking b ON b.order_id = o.id LEFT JOIN orders f ON f.id = o.exchanged_from
WHERE o.id = :o""")
_TICKETS = text("""
SELECT d.ticket_id, d.showtime_id, t.seat_id,
       CASE WHEN d.general_admission THEN 'General admission · ' || d.section
            ELSE concat_ws(' · ', nullif(d.section, ''), 'Row ' || nullif(d.row_label, ''),
                           'Seat ' || nullif(d.seat_number, '')) END,
       d.category, d.ticket_type, t.ticket_type_id, t.price_minor - t.discount_minor, d.status, d.starts_at, d.code_serial,
       st.show_id, d.show_title
FROM door_ticket d JOIN ticket t ON t.id = d.ticket_id JOIN showtime st ON st.id = d.showtime_id
WHERE d.order_id = :o ORDER BY d.ticket_id""")
_REFUNDS = text("""
SELECT r.id, r.created_at, r.amount_minor, r.method, r.reason,
       coalesce(array_agg(rt.ticket_id ORDER BY rt.ticket_id) FILTER (WHERE rt.ticket_id IS NOT NULL), '{}')
FROM refund r LEFT JOIN refund_ticket rt ON rt.refund_id = r.id
WHERE r.order_id = :o GROUP BY r.id ORDER BY r.id""")


def order_detail(session: Session, *, order_id: int) -> OrderDetail:
    """Order ``order_id`` with its tickets, payments, refunds and exchange chain. A read.

    Raises:
        NotFoundError: no such order.
        PermissionDeniedError: the actor may not sell (door staff).
    """
    authorize(session, SELL)
    with unit_of_work(session):
        o = session.execute(_ORDER, {"o": order_id}).one_or_none()
        if o is None:
            raise NotFoundError(f"There is no order {order_id}.")
        rows = session.execute(_TICKETS, {"o": order_id}).all()
        payments = [
            (r[0], int(r[1]))
            for r in session.execute(
                text("SELECT method, amount_minor FROM payment WHERE order_id = :o ORDER BY id"), {"o": order_id}
            )
        ]
        refunds = [
            OrderRefundLine(r[0], r[1], int(r[2]), r[3], r[4], tuple(int(t) for t in r[5]))
            for r in session.execute(_REFUNDS, {"o": order_id})
        ]
        after = [
            r[0]
            for r in session.execute(
                text("SELECT number FROM orders WHERE exchanged_from = :o ORDER BY id"), {"o": order_id}
            )
        ]
    lines = [OrderTicket(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), r[8], r[9], r[10]) for r in rows]
    return OrderDetail(
        order_id=o[0],
        number=o[1],
        channel=o[2],
        sold_by=o[3],
        created_at=o[4],
        currency=o[5],
        total_minor=int(o[6]),
        customer_name=o[7],
        customer_email=o[8],
        show_id=rows[0][11] if rows else None,
        show_title=rows[0][12] if rows else "",
        tickets=lines,
        payments=payments,
        refunds=refunds,
        exchanged_from=o[9],
        exchanged_to=after,
    )


def order_of_seat(session: Session, *, showtime_id: int, seat_id: int) -> int | None:
    """The order whose valid ticket is for ``seat_id`` at ``showtime_id`` (``None``: the
    seat is not sold). A read.

    Raises:
        PermissionDeniedError: the actor may not sell.
    """
    authorize(session, SELL)
    with unit_of_work(session):
        return session.execute(
            text("SELECT order_id FROM ticket WHERE showtime_id = :s AND seat_id = :seat AND status = 'valid'"),
            {"s": showtime_id, "seat": seat_id},
        ).scalar_one_or_none()


def set_customer(session: Session, *, order_id: int, name: str, email: str) -> None:
    """Record who order ``order_id`` is for (both empty: forget it), in its own transaction.

    Raises:
        InvalidInputError: a name over 120 characters, or something that is not an e-mail.
        NotFoundError: no such order.
        PermissionDeniedError: the actor may not sell.
    """
    authorize(session, SELL)
    with unit_of_work(session):
        session.execute(
            text("SELECT bo_order_customer_set(:o, :n, :e)"), {"o": order_id, "n": name or "", "e": email or ""}
        )


_REFUND = text("SELECT bo_refund_tickets(:o, :t, :m, :r)").bindparams(bindparam("t", type_=ARRAY(BigInteger)))


def refund_tickets(
    session: Session, *, order_id: int, ticket_ids: list[int] | None, method: str | None, reason: str
) -> TicketRefund:
    """Refund tickets ``ticket_ids`` of order ``order_id`` (``None``: all its valid
    tickets) for ``reason``, paying back by ``method`` (one of :data:`REFUND_METHODS`;
    ``None``: how the order was paid), in one committed transaction. The seats go back
    on sale; the amount is the tickets' prices as the database holds them.

    Raises:
        InvalidInputError: no ticket chosen, no reason, unknown method, or a ticket of
            another order.
        BookingStateError: a ticket was refunded or exchanged already.
        PermissionDeniedError: a cashier refunding someone else's order, or after the
            start; door staff.
        NotFoundError: no such order.
    """
    authorize(session, REFUND_OWN)
    reason = (reason or "").strip()
    if not reason or len(reason) > 200:
        raise InvalidInputError("Give a reason for the refund (at most 200 characters).")
    if method is not None and method not in REFUND_METHODS:
        raise InvalidInputError(f"Money goes back in cash, by card or online, not {method!r}.")
    if ticket_ids is not None and not ticket_ids:
        raise InvalidInputError("Choose the tickets to refund.")
    with unit_of_work(session):
        done = session.execute(
            _REFUND,
            {"o": order_id, "t": None if ticket_ids is None else sorted(ticket_ids), "m": method, "r": reason},
        ).scalar_one()
    return TicketRefund(
        done["refund_id"],
        done["order_id"],
        done["number"],
        done["amount_minor"],
        done["currency"],
        done["method"],
        list(done["ticket_ids"]),
    )


def exchange(session: Session, **kwargs) -> exchange_service.ExchangeResult:
    """Exchange tickets of an order for other seats (:func:`boxoffice.services.exchange.exchange`,
    the same keyword arguments and errors)."""
    return exchange_service.exchange(session, **kwargs)


def reprint(session: Session, *, order_id: int, signer: DeviceKey | None = None) -> list[ticket_service.TicketView]:
    """Reprint every valid ticket of ``order_id`` with NEW codes signed by ``signer``
    (default: this device's key), in one transaction: each code serial goes up, so the
    codes printed before read VOID "reprinted" at the door. Returns the tickets to print.

    Raises:
        NotFoundError: no such order, or it has no valid tickets.
        PermissionDeniedError: the actor may not reprint.
        DeviceNotEnrolledError, DeviceKeyFileError: this till cannot sign tickets.
    """
    authorize(session, REPRINT)
    signer = signer or ticket_service._signer(session)
    with unit_of_work(session):
        ids = [
            r[0]
            for r in session.execute(
                text("SELECT id FROM ticket WHERE order_id = :o AND status = 'valid' ORDER BY id"), {"o": order_id}
            )
        ]
        if not ids:
            raise NotFoundError(f"Order {order_id} has no valid tickets to reprint.")
        for ticket_id in ids:
            session.execute(text("SELECT bo_reissue_key(:t, :k)"), {"t": ticket_id, "k": signer.public_key})
        views = ticket_service.order_tickets(session, order_id=order_id, signer=signer)  # commits
    return views
