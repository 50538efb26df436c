"""Refunds at the counter: a whole order, in full, with the permission rules of the roles.

* a cashier refunds only orders they sold themselves (``orders.staff_id``), and only
  before the showtime starts;
* a manager or admin refunds any order (counter or web), also after the start
  (``override``);
* the system principal (no actor) may do anything.

The tickets are voided and their seats return to sale, the refund is recorded (``refund``:
amount in minor units, the reason) and a web booking of the order becomes ``refunded``, in
one transaction, by ``bo_refund`` (migration 0011), which enforces the rules above against
the signed-in login; the database audits the refund (migration 0004).
The web channel's own refunds follow the time-based policy in ``services/bookings``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import BookingStateError, InvalidInputError, NotFoundError, PermissionDeniedError
from boxoffice.domain.roles import OVERRIDE, REFUND_ANY, REFUND_OWN
from boxoffice.services.auth import actor_of, authorize
from boxoffice.services.errors import unit_of_work


@dataclass(frozen=True)
class CounterRefund:
    """A refunded order: ``amount_minor`` in minor units of ``currency``."""

    order_id: int
    order_number: str
    amount_minor: int
    currency: str
    tickets_voided: int


def refund_order(session: Session, *, order_number: str, reason: str, now: dt.datetime | None = None) -> CounterRefund:
    """Refund order ``order_number`` (e.g. ``"BO-001001"``) in full for ``reason``.
    ``now`` (aware) defaults to the current time.

    Raises:
        PermissionDeniedError: a cashier refunding someone else's order, or after the start;
            a role that may not refund at all.
        NotFoundError: no such order.
        BookingStateError: the order has no valid tickets left (already refunded).
        InvalidInputError: no reason given.
    """
    authorize(session, REFUND_OWN)
    reason = (reason or "").strip()
    if not reason or len(reason) > 200:
        raise InvalidInputError("Give a reason for the refund (at most 200 characters).")
    now = now or dt.datetime.now(dt.UTC)
    actor = actor_of(session)
    with unit_of_work(session):
        order = session.execute(
            text("SELECT id, number, currency, staff_id FROM orders WHERE number = :n"),
            {"n": order_number.strip().upper()},
        ).one_or_none()
        if order is None:
            raise NotFoundError(f"There is no order {order_number!r}.")
        valid = session.execute(
            text(
                "SELECT coalesce(sum(t.price_minor - t.discount_minor), 0), count(*), min(st.starts_at) FROM ticket t "
                "JOIN showtime st ON st.id = t.showtime_id WHERE t.order_id = :o AND t.status = 'valid'"
            ),
            {"o": order.id},
        ).one()
        amount, count, starts_at = int(valid[0]), int(valid[1]), valid[2]
        if count == 0:
            raise BookingStateError(f"Order {order.number} has no valid tickets left to refund.")
        if actor is not None and not actor.can(REFUND_ANY) and order.staff_id != actor.staff_id:
            raise PermissionDeniedError(
                f"Order {order.number} was sold by someone else; ask a manager to refund it.",
                permission=REFUND_ANY,
                role=actor.role,
            )
        if actor is not None and not actor.can(OVERRIDE) and starts_at <= now:
            raise PermissionDeniedError(
                "The show has started; only a manager can refund it now.", permission=OVERRIDE, role=actor.role
            )
        # The database applies the same rules again (migration 0011) and records the refund.
        done = session.execute(text("SELECT bo_refund(:n, :r)"), {"n": order.number, "r": reason}).scalar_one()
        amount, voided = done["amount_minor"], done["tickets_voided"]
    return CounterRefund(order.id, order.number, amount, order.currency, voided)


@dataclass(frozen=True)
class OrderLine:
    """One ticket of an order as the refund screen lists it: ``seat`` (e.g. ``"Stalls ·
    Row A · Seat 3"``), ``category``, ``ticket_type`` (``"Full"``...), ``price_minor`` (paid: list price less any
    promo discount, minor units) and
    ``status`` (``valid``, ``refunded``, ``void``...)."""

    ticket_id: int
    seat: str
    category: str
    ticket_type: str
    price_minor: int
    status: str


@dataclass(frozen=True)
class OrderForRefund:
    """An order looked up at the counter before refunding it. Money in minor units of
    ``currency``; times aware (UTC). ``refundable_minor`` is the sum of its valid tickets
    (what :func:`refund_order` would pay back); ``sold_by`` names the seller (staff name,
    or the channel for the web); ``refunds`` lists earlier refunds ``(at, amount_minor,
    reason)``."""

    order_number: str
    channel: str
    sold_by: str
    created_at: dt.datetime
    currency: str
    total_minor: int
    refundable_minor: int
    show_title: str
    starts_at: dt.datetime | None
    lines: list[OrderLine]
    refunds: list[tuple[dt.datetime, int, str]]


_ORDER = text("""
SELECT o.id, o.number, o.channel, coalesce(s.display_name, o.channel), o.created_at, o.currency, o.total_minor
FROM orders o LEFT JOIN staff s ON s.id = o.staff_id WHERE o.number = :n""")
_LINES = text("""
SELECT d.ticket_id, CASE WHEN d.general_admission THEN 'General admission · ' || d.section
                         ELSE concat_ws(' · ', nullif(d.section, ''), 'Row ' || nullif(d.row_label, ''),
                                        'Seat ' || nullif(d.seat_number, '')) END,
       d.category, d.ticket_type, t.price_minor - t.discount_minor, d.status, d.show_title, d.starts_at
FROM door_ticket d JOIN ticket t ON t.id = d.ticket_id WHERE d.order_id = :o ORDER BY d.ticket_id""")


def find_order(session: Session, *, order_number: str) -> OrderForRefund:
    """Look up order ``order_number`` (``"BO-001001"``, or just ``"1001"``) with its
    tickets and earlier refunds, for the refund screen. A read.

    Raises:
        PermissionDeniedError: the actor may not refund at all (door staff).
        NotFoundError: no such order.
    """
    authorize(session, REFUND_OWN)
    wanted = order_number.strip().upper()
    if wanted.isdigit():
        wanted = f"BO-{int(wanted):06d}"
    with unit_of_work(session):
        order = session.execute(_ORDER, {"n": wanted}).one_or_none()
        if order is None:
            raise NotFoundError(f"There is no order {order_number.strip()!r}.")
        rows = session.execute(_LINES, {"o": order[0]}).all()
        refunds = [
            (r[0], int(r[1]), r[2])
            for r in session.execute(
                text("SELECT created_at, amount_minor, reason FROM refund WHERE order_id = :o ORDER BY id"),
                {"o": order[0]},
            )
        ]
    lines = [OrderLine(r[0], r[1], r[2], r[3], int(r[4]), r[5]) for r in rows]
    return OrderForRefund(
        order[1],
        order[2],
        order[3],
        order[4],
        order[5],
        int(order[6]),
        sum(ln.price_minor for ln in lines if ln.status == "valid"),
        rows[0][6] if rows else "",
        rows[0][7] if rows else None,
        lines,
        refunds,
    )


@dataclass(frozen=True)
class BulkRefund:
    """What :func:`refund_showtime_orders` did: the orders refunded, the amount per
    currency (minor units), and the orders it could not refund with why."""

    refunded: list[CounterRefund]
    totals: dict[str, int]
    failed: list[tuple[str, str]]


def refund_showtime_orders(session: Session, *, showtime_id: int, reason: str, progress=None) -> BulkRefund:
    """Refund, in full and for ``reason``, every order that still has valid tickets for
    ``showtime_id`` (e.g. after cancelling it), oldest first, each order in its own
    transaction with the rules of :func:`refund_order` (so it needs ``refund_any``: a
    manager's job). ``progress(done, total)`` is called after each order. An order that
    cannot be refunded (e.g. refunded meanwhile) is listed in ``failed`` and the rest go on.

    Raises:
        PermissionDeniedError: the actor may not refund other people's orders.
        InvalidInputError: no reason given.
    """
    authorize(session, REFUND_ANY)
    reason = (reason or "").strip()
    if not reason or len(reason) > 200:
        raise InvalidInputError("Give a reason for the refunds (at most 200 characters).")
    numbers = [
        r[0]
        for r in session.execute(
            text(
                "SELECT o.number FROM orders o WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.order_id = o.id "
                "AND t.showtime_id = :s AND t.status = 'valid') ORDER BY o.id"
            ),
            {"s": showtime_id},
        )
    ]
    session.rollback()
    done: list[CounterRefund] = []
    failed: list[tuple[str, str]] = []
    totals: dict[str, int] = {}
    for i, number in enumerate(numbers, 1):
        try:
            refund = refund_order(session, order_number=number, reason=reason)
        except (BookingStateError, NotFoundError, PermissionDeniedError) as exc:
            failed.append((number, str(exc)))
        else:
            done.append(refund)
            totals[refund.currency] = totals.get(refund.currency, 0) + refund.amount_minor
        if progress is not None:
            progress(i, len(numbers))
    return BulkRefund(done, totals, failed)
