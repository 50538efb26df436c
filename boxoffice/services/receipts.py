"""Receipts of sales, refunds and exchanges, read from the ledger (docs/receipts.md).

A :class:`Receipt` holds what is printed: the venue's name, address and tax number
(migration 0017), the lines (one per ticket: show, place, category and type, price),
the tenders (``payment`` rows: cash, card, online, comp, exchange), the change, and the
VAT included per rate (:mod:`boxoffice.domain.vat`: VAT = gross × rate / (1 + rate) per
rate total, rounded half-up). Each ticket's rate is the one stamped on it when it was
sold (``ticket.vat_rate_bp``), so a receipt printed again later shows the VAT charged.

Refunds: ``refund`` rows. Where the orders work has landed (``refund.method``,
``refund_ticket`` lines, ``orders.exchanged_from``, ``payment.comp_reason``), those are
read; on a database without them the receipt falls back to what exists: a refund covers
the order's refunded tickets at their price and goes back in the order's first tender.
The columns are looked up in ``information_schema`` (so only readable ones count).

Amounts are integers in minor units of :attr:`Receipt.currency`, always positive; a
refund receipt's amounts go back to the customer (:attr:`Receipt.sign` is -1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.types import Integer

from boxoffice.domain.errors import NotFoundError
from boxoffice.domain.vat import VatLine, vat_breakdown
from boxoffice.services.errors import unit_of_work

KINDS = ("sale", "refund", "exchange")
METHOD_NAMES = {
    "cash": "Cash",
    "card": "Card",
    "online": "Online payment",
    "comp": "Complimentary",
    "exchange": "Exchange credit",
}
"""Tender method -> the word printed on a receipt."""

_TICKETS = """
SELECT t.id, t.price_minor, {discount} AS discount_minor, {promo} AS promo_code,
       coalesce(t.vat_rate_bp, v.vat_rate_bp) AS rate, t.status,
       sh.title, st.starts_at, v.id AS venue_id, v.name AS venue, v.address, v.tax_number, v.timezone, v.currency,
       v.locale, s.row_label, s.seat_number, sec.name AS section, ga.name AS area, pc.name AS category, tt.name AS type_name,
       tt.code AS type_code
FROM ticket t
JOIN showtime st ON st.id = t.showtime_id
JOIN show sh ON sh.id = st.show_id
JOIN venue v ON v.id = st.venue_id
JOIN price_category pc ON pc.id = t.category_id
LEFT JOIN seat s ON s.id = t.seat_id
LEFT JOIN section sec ON sec.id = s.section_id
LEFT JOIN ga_area ga ON ga.id = t.ga_area_id
LEFT JOIN ticket_type tt ON tt.id = t.ticket_type_id
{promo_join}
WHERE {where}
ORDER BY st.starts_at, sec.position, s.id, ga.id, t.id
"""


@dataclass(frozen=True)
class ReceiptLine:
    """One ticket: ``show_title`` and ``starts_at`` (aware, venue time; the receipt groups
    the lines of one showtime under them; empty title: no heading), ``text`` (category
    and type, e.g. ``"Stalls · Child"``), ``detail`` (the place), ``amount_minor`` (its
    price, VAT included: what the customer pays for it, after any discount) and
    ``vat_rate_bp``; ``discount_minor`` taken off the list price by ``promo_code``."""

    show_title: str
    starts_at: dt.datetime | None
    text: str
    detail: str
    amount_minor: int
    vat_rate_bp: int
    ticket_id: int
    discount_minor: int = 0
    promo_code: str | None = None

    @property
    def list_price_minor(self) -> int:
        """The price before the discount."""
        return self.amount_minor + self.discount_minor


@dataclass(frozen=True)
class ReceiptTender:
    """One tender: ``method`` (a key of :data:`METHOD_NAMES`), ``amount_minor`` taken (or,
    on a refund, paid back), ``tendered_minor`` handed over (cash: may be more; the rest
    is change), ``reference`` (card authorisation code, gateway session, exchanged
    order) and ``comp_reason``."""

    method: str
    amount_minor: int
    tendered_minor: int
    reference: str | None = None
    comp_reason: str | None = None

    @property
    def label(self) -> str:
        """The method as printed, e.g. ``"Card"``."""
        return METHOD_NAMES.get(self.method, self.method.title())


@dataclass(frozen=True)
class Receipt:
    """Everything printed on one receipt (see the module docstring for the units).

    ``kind`` is one of :data:`KINDS`; ``number`` the receipt's own number (the order
    number of a sale or exchange, ``"<order>-R<refund id>"`` of a refund);
    ``issued_at`` is aware, in the venue's time zone; ``note`` e.g. the refund's reason
    or the exchanged order; ``paid_back``: on an exchange, the credit beyond the new
    total that went back to the customer."""

    kind: str
    number: str
    order_number: str
    venue_name: str
    venue_address: str
    tax_number: str
    issued_at: dt.datetime
    currency: str
    lines: list[ReceiptLine]
    tenders: list[ReceiptTender]
    vat: list[VatLine] = field(default_factory=list)
    channel: str = ""
    served_by: str = ""
    note: str = ""
    paid_back: list[ReceiptTender] = field(default_factory=list)
    locale: str | None = None  # the venue's (venue settings): money and dates as printed; None: en_GB

    @property
    def total_minor(self) -> int:
        """What the lines add up to (VAT included)."""
        return sum(line.amount_minor for line in self.lines)

    @property
    def change_minor(self) -> int:
        """Change given: cash handed over beyond the cash amount."""
        return sum(t.tendered_minor - t.amount_minor for t in self.tenders if t.method == "cash")

    @property
    def sign(self) -> int:
        """+1 for money taken (sale, exchange), -1 for money paid back (refund)."""
        return -1 if self.kind == "refund" else 1

    @property
    def methods(self) -> list[str]:
        """The tender methods, in order (e.g. for the receipt-by-default rule)."""
        return [t.method for t in self.tenders]


def _columns(session: Session, table: str) -> set[str]:
    """The readable columns of ``table`` (empty: no such table or nothing readable)."""
    rows = session.execute(
        text("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :t"),
        {"t": table},
    ).scalars()
    return set(rows)


def _tickets_sql(session: Session, where: str):
    """The ticket query with promo discounts where the promo work has landed
    (``ticket.discount_minor``, ``ticket.promo_code_id`` -> ``promo_code.code``)."""
    cols = _columns(session, "ticket")
    discount = "t.discount_minor" if "discount_minor" in cols else "0"
    promo, join = "NULL", ""
    if "promo_code_id" in cols and "code" in _columns(session, "promo_code"):
        promo, join = "pcode.code", "LEFT JOIN promo_code pcode ON pcode.id = t.promo_code_id"
    return text(_TICKETS.format(discount=discount, promo=promo, promo_join=join, where=where))


def _place(r) -> str:
    if r.row_label is None:
        return f"General admission · {r.area or ''}"
    return f"{r.section} · Row {r.row_label} · Seat {r.seat_number}"


def _line(r, tz: ZoneInfo) -> ReceiptLine:
    kind = r.category if (r.type_code or "full") == "full" else f"{r.category} · {r.type_name}"
    return ReceiptLine(
        show_title=r.title,
        starts_at=r.starts_at.astimezone(tz),
        text=kind,
        detail=_place(r),
        amount_minor=int(r.price_minor) - int(r.discount_minor or 0),
        vat_rate_bp=int(r.rate or 0),
        ticket_id=int(r.id),
        discount_minor=int(r.discount_minor or 0),
        promo_code=r.promo_code,
    )


def _order(session: Session, order_id: int):
    cols = _columns(session, "orders")
    extra = ", o.exchanged_from" if "exchanged_from" in cols else ", NULL AS exchanged_from"
    row = session.execute(
        text(
            "SELECT o.id, o.number, o.channel, o.currency, o.total_minor, o.created_at, st.display_name"
            f"{extra} FROM orders o LEFT JOIN staff st ON st.id = o.staff_id WHERE o.id = :o"
        ),
        {"o": order_id},
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Order {order_id} does not exist.")
    return row


def _tenders(session: Session, order_id: int) -> list[ReceiptTender]:
    comp = "p.comp_reason" if "comp_reason" in _columns(session, "payment") else "NULL"
    rows = session.execute(
        text(
            f"SELECT p.method, p.amount_minor, p.tendered_minor, p.reference, {comp} AS comp_reason "
            "FROM payment p WHERE p.order_id = :o ORDER BY p.id"
        ),
        {"o": order_id},
    ).all()
    return [
        ReceiptTender(r.method, int(r.amount_minor), int(r.tendered_minor), r.reference, r.comp_reason) for r in rows
    ]


def receipt_for_order(session: Session, *, order_id: int) -> Receipt:
    """The receipt of order ``order_id``'s sale: every ticket sold in it (also those
    refunded since: the receipt shows the sale), its payments and change, VAT per rate.
    An order made by an exchange (``orders.exchanged_from``) is an ``"exchange"``
    receipt whose tenders include the exchange credit.

    Raises:
        NotFoundError: no such order, or it has no tickets.
    """
    with unit_of_work(session):
        order = _order(session, order_id)
        rows = session.execute(_tickets_sql(session, "t.order_id = :o"), {"o": order_id}).all()
        if not rows:
            raise NotFoundError(f"Order {order.number} has no tickets.")
        tenders = _tenders(session, order_id)
        note, paid_back = "", []
        if order.exchanged_from is not None:
            old = session.execute(
                text("SELECT number FROM orders WHERE id = :o"), {"o": order.exchanged_from}
            ).scalar_one_or_none()
            note = f"Exchanged from order {old}" if old else ""
            if "method" in _columns(session, "refund"):  # the credit beyond the new total, paid back
                paid_back = [
                    ReceiptTender(r.method, int(r.amount_minor), int(r.amount_minor))
                    for r in session.execute(
                        text(
                            "SELECT method, amount_minor FROM refund WHERE order_id = :o AND created_at = :at "
                            "AND method <> 'exchange' ORDER BY id"
                        ),
                        {"o": order.exchanged_from, "at": order.created_at},
                    ).all()
                ]
    receipt = _receipt(
        "exchange" if order.exchanged_from is not None else "sale", order.number, order, rows, tenders, note
    )
    return replace(receipt, paid_back=paid_back) if paid_back else receipt


def _receipt(
    kind: str, number: str, order, rows, tenders: list[ReceiptTender], note: str, at=None, amounts=None
) -> Receipt:
    """A receipt of ``rows`` (tickets); ``amounts`` (ticket id -> minor units) overrides
    their prices, e.g. with a refund's amounts."""
    first = rows[0]
    tz = ZoneInfo(first.timezone)
    lines = [_line(r, tz) for r in rows]
    if amounts:
        lines = [replace(line, amount_minor=int(amounts[line.ticket_id]), discount_minor=0) for line in lines]
    return Receipt(
        kind=kind,
        number=number,
        order_number=order.number,
        venue_name=first.venue,
        venue_address=first.address or "",
        tax_number=first.tax_number or "",
        issued_at=(at or order.created_at).astimezone(tz),
        currency=order.currency,
        lines=lines,
        tenders=tenders,
        vat=vat_breakdown((line.amount_minor, line.vat_rate_bp) for line in lines),
        channel=order.channel,
        served_by=order.display_name or "",
        note=note,
        locale=first.locale,
    )


def _refunds_with(session: Session, refund_id: int) -> list:
    """Refund ``refund_id`` and the other refunds of its order made in the same
    transaction (same ``created_at``: an exchange's credit and the remainder paid back),
    oldest first; ``method`` is ``NULL`` on a database without ``refund.method``."""
    method_col = "r.method" if "method" in _columns(session, "refund") else "NULL"
    return list(
        session.execute(
            text(
                f"SELECT r.id, r.order_id, r.amount_minor, r.reason, r.created_at, {method_col} AS method "
                "FROM refund r JOIN refund me ON me.order_id = r.order_id AND me.created_at = r.created_at "
                "WHERE me.id = :r ORDER BY r.id"
            ),
            {"r": refund_id},
        ).all()
    )


def receipt_for_refund(session: Session, *, refund_id: int) -> Receipt:
    """The receipt of refund ``refund_id`` together with the refunds of its order made in
    the same transaction (an exchange: the credit carried to the new order and the rest
    paid back): the tickets refunded (``refund_ticket`` lines where they exist, at their
    refunded amounts; else the order's refunded tickets at their price), each tender the
    money went back in (``refund.method``, else the order's first payment method), VAT
    per rate, and the reason.

    Raises:
        NotFoundError: no such refund.
    """
    with unit_of_work(session):
        group = _refunds_with(session, refund_id)
        if not group:
            raise NotFoundError(f"Refund {refund_id} does not exist.")
        first = group[0]
        order = _order(session, first.order_id)
        amounts: dict[int, int] = {}
        if {"refund_id", "ticket_id", "amount_minor"} <= _columns(session, "refund_ticket"):
            for ticket_id, amount in session.execute(
                text("SELECT ticket_id, amount_minor FROM refund_ticket WHERE refund_id = ANY(:r)").bindparams(
                    bindparam("r", type_=ARRAY(Integer))
                ),
                {"r": [r.id for r in group]},
            ).all():
                amounts[ticket_id] = amounts.get(ticket_id, 0) + int(amount)
        if amounts:
            where = "t.id = ANY(:ids)"
            params: dict = {"ids": list(amounts)}
        else:
            where = "t.order_id = :o AND t.status = 'refunded'"
            params = {"o": first.order_id}
        rows = session.execute(_tickets_sql(session, where), params).all()
        if not rows:  # e.g. a web booking refunded before its tickets: still a receipt of the money
            rows = session.execute(_tickets_sql(session, "t.order_id = :o"), {"o": first.order_id}).all()
        if not rows:
            raise NotFoundError(f"Order {order.number} has no tickets.")
        paid_with = session.execute(
            text("SELECT method FROM payment WHERE order_id = :o ORDER BY id LIMIT 1"), {"o": first.order_id}
        ).scalar_one_or_none()
    tenders = [ReceiptTender(r.method or paid_with or "cash", int(r.amount_minor), int(r.amount_minor)) for r in group]
    receipt = _receipt(
        "refund",
        f"{order.number}-R{first.id}",
        order,
        rows,
        tenders,
        f"Refund of order {order.number}: {first.reason}",
        at=first.created_at,
        amounts=amounts,
    )
    refunded = sum(t.amount_minor for t in tenders)
    if receipt.total_minor != refunded and not amounts:
        # legacy whole-order refund whose tickets cannot be told apart: print the money as one line
        rate = receipt.lines[0].vat_rate_bp
        line = ReceiptLine("", None, "Refund", f"Order {order.number}", refunded, rate, 0)
        receipt = _replace_lines(receipt, [line])
    return receipt


def _replace_lines(receipt: Receipt, lines: list[ReceiptLine]) -> Receipt:
    return replace(receipt, lines=lines, vat=vat_breakdown((x.amount_minor, x.vat_rate_bp) for x in lines))


def refunds_of_order(session: Session, *, order_id: int) -> list[tuple[int, int, str, dt.datetime]]:
    """The refunds of ``order_id`` as ``(refund id, amount_minor, currency, created_at)``,
    oldest first (to offer their receipts)."""
    with unit_of_work(session):
        rows = session.execute(
            text(
                "SELECT r.id, r.amount_minor, o.currency, r.created_at FROM refund r "
                "JOIN orders o ON o.id = r.order_id WHERE r.order_id = :o ORDER BY r.id"
            ),
            {"o": order_id},
        ).all()
    return [(int(r.id), int(r.amount_minor), r.currency, r.created_at) for r in rows]


def order_id_of(session: Session, *, number: str) -> int:
    """The id of order ``number`` (e.g. ``"BO-001001"``, case and spaces ignored).

    Raises:
        NotFoundError: no such order.
    """
    with unit_of_work(session):
        found = session.execute(
            text("SELECT id FROM orders WHERE number = :n"), {"n": number.strip().upper()}
        ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"There is no order {number.strip()!r}.")
    return int(found)
