"""The SQL behind the reports (services/reports.py): read-only statements over the ledger.

Every statement takes ``:venue`` and a half-open period ``[:start, :end)`` (aware
timestamps: the venue's local midnights, from :data:`BOUNDS`). An order belongs to the
venue of its tickets' showtime. The ledger grows columns as issue 11 lands (the money
contract, shared-spec/money.md): ``refund.method`` (the tender money went back to),
``refund_ticket`` (per-ticket refund lines), ``orders.exchanged_from``. :func:`ledger_shape`
says which exist, and the statements fall back to today's schema where they do not: a
refund without a method went back to the order's first payment method, and a refunded
ticket without a refund line returned its face value.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

BOUNDS = text(
    "SELECT v.id, v.name, v.timezone, v.currency, "
    "CAST(:first AS date)::timestamp AT TIME ZONE v.timezone, "
    "(CAST(:last AS date) + 1)::timestamp AT TIME ZONE v.timezone, (SELECT count(*) = 1 FROM venue) "
    "FROM venue v WHERE v.id = coalesce(CAST(:venue AS integer), "
    "(SELECT min(st.venue_id) FROM showtime st), (SELECT min(id) FROM venue))"
)

# The venue of an order: that of its tickets' showtime (every order sells one showtime).
# A scalar subquery, so the planner looks it up per order of the period (by
# ticket_order_id_idx) instead of hashing every ticket ever sold.
# ``:only_venue`` (the database has this venue alone, the usual case) skips the look-up.
_ORDER_AT_VENUE = (
    "(CAST(:only_venue AS boolean) OR (SELECT vs.venue_id FROM showtime vs WHERE vs.id = "
    "(SELECT vt.showtime_id FROM ticket vt WHERE vt.order_id = {o}.id LIMIT 1)) = :venue)"
)
_CHANNEL_KIND = "CASE WHEN {o}.channel LIKE 'web%' THEN 'web' ELSE 'counter' END"


@dataclass(frozen=True)
class LedgerShape:
    """Which of the money contract's columns this database has."""

    refund_method: bool
    refund_ticket: bool
    exchanged_from: bool
    shifts: bool = False  # refund.shift_id -> till_shift (the till the money moved at)


def ledger_shape(session: Session) -> LedgerShape:
    """Probe the catalog (one round trip) for the columns of issue 11's revisions."""
    row = session.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = 'refund' AND column_name = 'method'), "
            "to_regclass('public.refund_ticket') IS NOT NULL, "
            "EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = 'orders' AND column_name = 'exchanged_from'), "
            "EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = 'refund' AND column_name = 'shift_id')"
        )
    ).one()
    return LedgerShape(bool(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))


def sold_tickets(shape: LedgerShape):
    """Tickets of the period's orders at the finest grain the report groups by: local day
    and hour,
    showtime, channel, category, ticket type, seller -> count, face value (minor units)."""
    return text(
        "SELECT (o.created_at AT TIME ZONE :tz)::date AS day, "
        "extract(hour FROM o.created_at AT TIME ZONE :tz)::integer AS hour, t.showtime_id, sh.title, st.starts_at, "
        "o.channel, pc.name AS category, coalesce(tt.name, 'Full') AS ticket_type, "
        "coalesce(sf.display_name, CASE WHEN o.channel LIKE 'web%' THEN 'Web' ELSE o.channel END) AS seller, "
        "count(*) AS tickets, sum(t.price_minor) AS amount "
        "FROM orders o JOIN ticket t ON t.order_id = o.id JOIN showtime st ON st.id = t.showtime_id "
        "JOIN show sh ON sh.id = st.show_id JOIN price_category pc ON pc.id = t.category_id "
        "LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id LEFT JOIN staff sf ON sf.id = o.staff_id "
        # the period's orders as an array: their tickets are then read by ticket_order_id_idx,
        # not by scanning every ticket ever sold (the planner's choice on a plain join)
        "WHERE t.order_id = ANY(ARRAY(SELECT d.id FROM orders d WHERE d.created_at >= :start AND d.created_at < :end)) "
        "AND st.venue_id = :venue GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
    )


def returned_tickets(shape: LedgerShape):
    """Tickets refunded or exchanged in the period (``status``, voided then) at the same
    grain: count and the money returned for them (a refund line's amount, else face value)."""
    amount = "coalesce(rt.amount_minor, t.price_minor)" if shape.refund_ticket else "t.price_minor"
    lines = (
        "LEFT JOIN (SELECT ticket_id, sum(amount_minor) AS amount_minor FROM refund_ticket GROUP BY ticket_id) rt "
        "ON rt.ticket_id = t.id "
        if shape.refund_ticket
        else ""
    )
    return text(
        "SELECT t.status, (t.voided_at AT TIME ZONE :tz)::date AS day, "
        "extract(hour FROM t.voided_at AT TIME ZONE :tz)::integer AS hour, t.showtime_id, sh.title, st.starts_at, "
        "o.channel, pc.name AS category, coalesce(tt.name, 'Full') AS ticket_type, "
        "coalesce(sf.display_name, CASE WHEN o.channel LIKE 'web%' THEN 'Web' ELSE o.channel END) AS seller, "
        f"count(*) AS tickets, sum({amount}) AS amount "
        "FROM ticket t JOIN orders o ON o.id = t.order_id JOIN showtime st ON st.id = t.showtime_id "
        "JOIN show sh ON sh.id = st.show_id JOIN price_category pc ON pc.id = t.category_id "
        "LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id LEFT JOIN staff sf ON sf.id = o.staff_id "
        f"{lines}"
        "WHERE t.voided_at >= :start AND t.voided_at < :end AND t.status IN ('refunded', 'exchanged') "
        "AND st.venue_id = :venue GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
    )


def payments_by_tender():
    """Payments of the period: channel kind (counter/web), till (the order's channel),
    method -> count, amount (minor units; change is not takings)."""
    return text(
        f"SELECT {_CHANNEL_KIND.format(o='o')} AS kind, o.channel, p.method, count(*), sum(p.amount_minor) "
        "FROM payment p JOIN orders o ON o.id = p.order_id "
        f"WHERE p.created_at >= :start AND p.created_at < :end AND {_ORDER_AT_VENUE.format(o='o')} "
        "GROUP BY 1, 2, 3"
    )


def _refund_method(shape: LedgerShape) -> str:
    first_payment = "(SELECT p.method FROM payment p WHERE p.order_id = r.order_id ORDER BY p.id LIMIT 1)"
    return f"coalesce(r.method, {first_payment})" if shape.refund_method else first_payment


def refunds_by_tender(shape: LedgerShape):
    """Refunds of the period by channel kind, till and the tender the money went back to.
    A refund made in a till's shift counts at that till (where the money moved), whatever
    channel sold the order; one without a shift counts with the order's channel."""
    if shape.shifts:
        kind = f"CASE WHEN sh.till IS NOT NULL THEN 'counter' ELSE {_CHANNEL_KIND.format(o='o')} END"
        channel, shift = "coalesce(sh.till, o.channel)", "LEFT JOIN till_shift sh ON sh.id = r.shift_id "
    else:
        kind, channel, shift = _CHANNEL_KIND.format(o="o"), "o.channel", ""
    return text(
        f"SELECT {kind} AS kind, {channel}, {_refund_method(shape)} AS method, "
        f"count(*), sum(r.amount_minor) FROM refund r JOIN orders o ON o.id = r.order_id {shift}"
        f"WHERE r.created_at >= :start AND r.created_at < :end AND {_ORDER_AT_VENUE.format(o='o')} "
        "GROUP BY 1, 2, 3"
    )


def refund_list(shape: LedgerShape):
    """Each refund of the period: when, order number, channel, method, amount, reason."""
    return text(
        f"SELECT r.created_at, o.number, o.channel, {_refund_method(shape)} AS method, r.amount_minor, r.reason "
        "FROM refund r JOIN orders o ON o.id = r.order_id "
        f"WHERE r.created_at >= :start AND r.created_at < :end AND {_ORDER_AT_VENUE.format(o='o')} "
        "ORDER BY r.created_at, r.id"
    )


def exchange_list(shape: LedgerShape):
    """Orders of the period made by exchanging another: when, new and old order numbers,
    the new order's total (minor units). Empty before ``orders.exchanged_from`` exists."""
    if not shape.exchanged_from:
        return None
    return text(
        "SELECT o.created_at, o.number, old.number, o.total_minor FROM orders o "
        "JOIN orders old ON old.id = o.exchanged_from "
        f"WHERE o.created_at >= :start AND o.created_at < :end AND {_ORDER_AT_VENUE.format(o='o')} "
        "ORDER BY o.created_at, o.id"
    )


ORDER_COUNT = text(
    "SELECT count(*) FROM orders o WHERE o.created_at >= :start AND o.created_at < :end "
    f"AND {_ORDER_AT_VENUE.format(o='o')}"
)

OCCUPANCY = text(
    "SELECT st.id, sh.title, st.starts_at, st.status, "
    "(SELECT count(*) FROM inventory i WHERE i.showtime_id = st.id) "
    "+ (SELECT coalesce(sum(g.capacity), 0) FROM ga_inventory g WHERE g.showtime_id = st.id) AS capacity, "
    "(SELECT count(*) FROM inventory i WHERE i.showtime_id = st.id AND i.state = 'blocked') AS blocked, "
    "(SELECT count(*) FROM ticket t WHERE t.showtime_id = st.id AND t.status = 'valid') AS sold, "
    "(SELECT coalesce(sum(t.price_minor), 0) FROM ticket t WHERE t.showtime_id = st.id AND t.status = 'valid') "
    "AS value FROM showtime st JOIN show sh ON sh.id = st.show_id "
    "WHERE st.venue_id = :venue AND st.starts_at >= :start AND st.starts_at < :end ORDER BY st.starts_at, st.id"
)
