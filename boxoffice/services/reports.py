"""The manager's reports: a day (or a run of days) of the ledger, read as the manager.

:func:`day_report` / :func:`period_report` read, in one read-only REPEATABLE READ
transaction (one snapshot, so the tables add up while tills keep selling):

* sales by day, hour of the day, show, showtime, channel, price category, ticket type and seller: tickets
  sold (orders of the period, face value) and tickets refunded or exchanged in the period
  (money returned for them);
* tenders: payments minus refunds by channel kind (``counter`` / ``web``), till (the
  order's channel) and method — the ledger identity of the money contract
  (shared-spec/money.md): net takings by tender = Σ payments − Σ refunds, by method;
* each refund and exchange; occupancy of the showtimes starting in the period.

A day is the venue's local day (``venue.timezone``). Money is in minor units of the
venue's currency. The report runs as the signed-in manager's own login: it only reads
what the column grants allow (no secrets), and the database refuses anyone without the
``reports`` permission (``bo_require('reports')``, SQLSTATE 42501) before the first read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import InvalidInputError, NotFoundError
from boxoffice.domain.roles import REPORTS
from boxoffice.services import report_queries as q
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

MAX_DAYS = 366
DIMENSIONS = ("day", "hour", "show", "showtime", "channel", "category", "ticket_type", "seller")


@dataclass(frozen=True)
class SalesLine:
    """One row of a "sales by …" table: ``key`` names it (a show title, a channel…).
    ``sold``/``sold_minor``: tickets of the period's orders and their face value;
    ``refunded``/``exchanged`` (+ ``_minor``): tickets returned in the period and the money
    returned for them. ``net_minor`` = sold − refunded − exchanged."""

    key: str
    sold: int = 0
    sold_minor: int = 0
    refunded: int = 0
    refunded_minor: int = 0
    exchanged: int = 0
    exchanged_minor: int = 0

    @property
    def net_minor(self) -> int:
        return self.sold_minor - self.refunded_minor - self.exchanged_minor

    def as_json(self) -> dict:
        return {**asdict(self), "net_minor": self.net_minor}


@dataclass(frozen=True)
class TenderLine:
    """Payments and refunds of one tender at one till: ``kind`` is ``counter`` or ``web``,
    ``channel`` the till (or web channel), ``method`` cash, card, online, comp, exchange…"""

    kind: str
    channel: str
    method: str
    payments: int = 0
    paid_minor: int = 0
    refunds: int = 0
    refunded_minor: int = 0

    @property
    def net_minor(self) -> int:
        return self.paid_minor - self.refunded_minor

    def as_json(self) -> dict:
        return {**asdict(self), "net_minor": self.net_minor}


@dataclass(frozen=True)
class RefundRow:
    """A refund: when (aware), order number, channel, tender, amount (minor), reason."""

    at: dt.datetime
    order_number: str
    channel: str
    method: str | None
    amount_minor: int
    reason: str


@dataclass(frozen=True)
class ExchangeRow:
    """An order made by exchange: when, its number, the order it replaced, its total."""

    at: dt.datetime
    order_number: str
    from_order: str
    total_minor: int


@dataclass(frozen=True)
class Occupancy:
    """A showtime starting in the period: places (seats + standing), blocked seats, valid
    tickets and their face value (minor units)."""

    showtime_id: int
    title: str
    starts_at: dt.datetime
    status: str
    capacity: int
    blocked: int
    sold: int
    value_minor: int

    @property
    def percent(self) -> float:
        """Sold places as a percentage of the places on sale (capacity minus blocked)."""
        open_places = self.capacity - self.blocked
        return round(100.0 * self.sold / open_places, 1) if open_places > 0 else 0.0


@dataclass(frozen=True)
class Report:
    """The figures of ``first_day``..``last_day`` (local days of the venue, inclusive)."""

    venue_id: int
    venue_name: str
    timezone: str
    currency: str
    first_day: dt.date
    last_day: dt.date
    orders: int
    sales: dict[str, list[SalesLine]]
    tenders: list[TenderLine]
    refunds: list[RefundRow]
    exchanges: list[ExchangeRow]
    occupancy: list[Occupancy]
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def total(self, dimension: str = "channel") -> SalesLine:
        """All sales lines of a dimension added up (every dimension adds up the same)."""
        return _sum_lines("total", self.sales.get(dimension, []))

    def over_time(self) -> tuple[str, list[SalesLine]]:
        """The "sales over time" series, gaps filled with empty lines: ``("hour", …)`` for
        one day (from the first to the last hour with sales), else ``("day", …)`` for
        every day of the period."""
        if self.first_day == self.last_day:
            hours = {line.key: line for line in self.sales["hour"]}
            if not hours:
                return "hour", []
            first, last = int(min(hours)[:2]), int(max(hours)[:2])
            keys = [f"{h:02d}:00" for h in range(first, last + 1)]
            return "hour", [hours.get(k, SalesLine(k)) for k in keys]
        days = {line.key: line for line in self.sales["day"]}
        span = (self.last_day - self.first_day).days + 1
        keys = [(self.first_day + dt.timedelta(days=n)).isoformat() for n in range(span)]
        return "day", [days.get(k, SalesLine(k)) for k in keys]

    def by_method(self, kind: str | None = None) -> dict[str, TenderLine]:
        """Tenders added up per method (``kind``: only ``counter`` or ``web``)."""
        return _tender_sum((t for t in self.tenders if kind in (None, t.kind)), lambda t: t.method)

    def by_channel_method(self) -> dict[tuple[str, str], TenderLine]:
        """Tenders added up per (till or web channel, method)."""
        return _tender_sum(self.tenders, lambda t: (t.channel, t.method))

    def as_json(self) -> dict:
        """The figures as plain JSON (money in minor units, times ISO 8601)."""
        totals = {m: t.as_json() for m, t in sorted(self.by_method().items())}
        return {
            "venue": {"id": self.venue_id, "name": self.venue_name, "timezone": self.timezone},
            "currency": self.currency,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "generated_at": self.generated_at.isoformat(),
            "orders": self.orders,
            "total": self.total().as_json(),
            "sales": {d: [line.as_json() for line in lines] for d, lines in self.sales.items()},
            "tenders": [t.as_json() for t in self.tenders],
            "net_by_method": {m: t["net_minor"] for m, t in totals.items()},
            "tenders_by_method": totals,
            "refunds": [{**asdict(r), "at": r.at.isoformat()} for r in self.refunds],
            "exchanges": [{**asdict(x), "at": x.at.isoformat()} for x in self.exchanges],
            "occupancy": [
                {**asdict(o), "starts_at": o.starts_at.isoformat(), "percent": o.percent} for o in self.occupancy
            ],
        }


def day_report(session: Session, day: dt.date, venue_id: int | None = None) -> Report:
    """The figures of one local day of venue ``venue_id`` (``None``: the venue of the
    first showtime). Raises as :func:`period_report`."""
    return period_report(session, day, day, venue_id=venue_id)


def period_report(session: Session, first_day: dt.date, last_day: dt.date, venue_id: int | None = None) -> Report:
    """The figures of local days ``first_day``..``last_day`` (inclusive, at most a year).

    Raises:
        PermissionDeniedError: the actor (or, in the database, the login) may not read reports.
        InvalidInputError: ``last_day`` before ``first_day``, or more than a year.
        NotFoundError: no such venue.
        DatabaseUnavailableError: the connection dropped.
    """
    authorize(session, REPORTS)
    if last_day < first_day or (last_day - first_day).days >= MAX_DAYS:
        raise InvalidInputError("Choose a period of one day up to a year, the first day before the last.")
    with unit_of_work(session):
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        session.execute(text("SET TRANSACTION READ ONLY"))
        session.execute(text("SELECT bo_require('reports')"))  # the database decides, not this process
        bounds = session.execute(q.BOUNDS, {"first": first_day, "last": last_day, "venue": venue_id}).one_or_none()
        if bounds is None:
            raise NotFoundError("There is no such venue.")
        vid, name, tz, currency, start, end, only_venue = bounds
        p = {"venue": vid, "start": start, "end": end, "tz": tz, "only_venue": only_venue}
        shape = q.ledger_shape(session)
        sold = session.execute(q.sold_tickets(shape), p).all()
        returned = session.execute(q.returned_tickets(shape), p).all()
        paid = session.execute(q.payments_by_tender(), p).all()
        refunded = session.execute(q.refunds_by_tender(shape), p).all()
        refunds = [RefundRow(*r) for r in session.execute(q.refund_list(shape), p).all()]
        exchange_sql = q.exchange_list(shape)
        exchanges = (
            [ExchangeRow(*r) for r in session.execute(exchange_sql, p).all()] if exchange_sql is not None else []
        )
        occupancy = [Occupancy(*r) for r in session.execute(q.OCCUPANCY, p).all()]
        orders = session.execute(q.ORDER_COUNT, p).scalar_one()
    zone = venue_zone(tz)
    return Report(
        vid,
        name,
        tz,
        currency,
        first_day,
        last_day,
        int(orders),
        _sales(sold, returned, zone),
        _tenders(paid, refunded),
        refunds,
        exchanges,
        occupancy,
    )


def venue_zone(name: str) -> dt.tzinfo:
    """The venue's time zone by name (UTC if unknown here)."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return dt.UTC


def showtime_label(title: str, starts_at: dt.datetime, zone: dt.tzinfo) -> str:
    """``"Hamlet · 2026-11-30 19:30"`` in the venue's local time."""
    return f"{title} · {starts_at.astimezone(zone):%Y-%m-%d %H:%M}"


def _keys(row, zone: dt.tzinfo) -> dict[str, str]:
    return {
        "day": row.day.isoformat(),
        "hour": f"{row.hour:02d}:00",
        "show": row.title,
        "showtime": showtime_label(row.title, row.starts_at, zone),
        "channel": row.channel,
        "category": row.category,
        "ticket_type": row.ticket_type,
        "seller": row.seller,
    }


def _sales(sold, returned, zone: dt.tzinfo) -> dict[str, list[SalesLine]]:
    table: dict[str, dict[str, dict[str, int]]] = {d: {} for d in DIMENSIONS}
    for rows, status in ((sold, "sold"), (returned, None)):
        for row in rows:
            what = status or row.status  # 'refunded' or 'exchanged'
            for dimension, key in _keys(row, zone).items():
                cell = table[dimension].setdefault(key, {})
                cell[what] = cell.get(what, 0) + int(row.tickets)
                cell[what + "_minor"] = cell.get(what + "_minor", 0) + int(row.amount)
    return {
        d: sorted((SalesLine(k, **cells) for k, cells in keyed.items()), key=lambda line: line.key)
        for d, keyed in table.items()
    }


def _tenders(paid, refunded) -> list[TenderLine]:
    cells: dict[tuple[str, str, str], dict[str, int]] = {}
    for rows, count, amount in ((paid, "payments", "paid_minor"), (refunded, "refunds", "refunded_minor")):
        for kind, channel, method, n, total in rows:
            cell = cells.setdefault((kind, channel, method or "unknown"), {})
            cell[count] = cell.get(count, 0) + int(n)
            cell[amount] = cell.get(amount, 0) + int(total)
    return [
        TenderLine(
            kind,
            channel,
            method,
            cell.get("payments", 0),
            cell.get("paid_minor", 0),
            cell.get("refunds", 0),
            cell.get("refunded_minor", 0),
        )
        for (kind, channel, method), cell in sorted(cells.items())
    ]


def _sum_lines(key: str, lines: Iterable[SalesLine]) -> SalesLine:
    names = ("sold", "sold_minor", "refunded", "refunded_minor", "exchanged", "exchanged_minor")
    lines = list(lines)
    return SalesLine(key, **{n: sum(getattr(line, n) for line in lines) for n in names})


def _tender_sum(lines: Iterable[TenderLine], key) -> dict:
    out: dict = {}
    for t in lines:
        k = key(t)
        was = out.get(k)
        out[k] = (
            t
            if was is None
            else TenderLine(
                was.kind if was.kind == t.kind else "all",
                was.channel if was.channel == t.channel else "all",
                was.method if was.method == t.method else "all",
                was.payments + t.payments,
                was.paid_minor + t.paid_minor,
                was.refunds + t.refunds,
                was.refunded_minor + t.refunded_minor,
            )
        )
    return out
