"""A report as CSV (the csv module): one file, one section after another.

Each section starts with a row naming it (``# Tenders``), then a header row, then its
rows; a blank row separates sections. Money is written twice: in minor units (for
spreadsheets and scripts: exact integers) and formatted in the venue's currency.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from boxoffice.domain.money import format_money
from boxoffice.services.reports import DIMENSIONS, Report

DIMENSION_TITLES = {
    "day": "Sales by day",
    "hour": "Sales by hour of the day",
    "show": "Sales by show",
    "showtime": "Sales by showtime",
    "channel": "Sales by channel",
    "category": "Sales by price category",
    "ticket_type": "Sales by ticket type",
    "seller": "Sales by cashier",
}


def write_csv(report: Report, out: TextIO) -> int:
    """Write ``report`` to ``out`` (a text file opened with ``newline=""``); returns the
    number of rows written."""
    w = csv.writer(out)
    money = lambda minor: format_money(minor, report.currency)  # noqa: E731
    rows: list[list[Any]] = [
        ["# boxoffice report", report.venue_name, report.first_day.isoformat(), report.last_day.isoformat()],
        ["timezone", report.timezone, "currency", report.currency, "orders", report.orders],
        [],
        ["# Tenders"],
        ["kind", "channel", "method", "payments", "paid_minor", "refunds", "refunded_minor", "net_minor", "net"],
    ]
    rows += [
        [
            t.kind,
            t.channel,
            t.method,
            t.payments,
            t.paid_minor,
            t.refunds,
            t.refunded_minor,
            t.net_minor,
            money(t.net_minor),
        ]
        for t in report.tenders
    ]
    rows += [
        ["all", "all", m, t.payments, t.paid_minor, t.refunds, t.refunded_minor, t.net_minor, money(t.net_minor)]
        for m, t in sorted(report.by_method().items())
    ]
    head = [
        "key",
        "sold",
        "sold_minor",
        "refunded",
        "refunded_minor",
        "exchanged",
        "exchanged_minor",
        "net_minor",
        "net",
    ]
    for dimension in DIMENSIONS:
        rows += [[], [f"# {DIMENSION_TITLES[dimension]}"], head]
        for s in [*report.sales[dimension], report.total(dimension)]:
            rows.append(
                [s.key, s.sold, s.sold_minor, s.refunded, s.refunded_minor, s.exchanged, s.exchanged_minor]
                + [s.net_minor, money(s.net_minor)]
            )
    rows += [[], ["# Refunds"], ["at", "order", "channel", "method", "amount_minor", "amount", "reason"]]
    rows += [
        [r.at.isoformat(), r.order_number, r.channel, r.method or "", r.amount_minor, money(r.amount_minor), r.reason]
        for r in report.refunds
    ]
    rows += [[], ["# Exchanges"], ["at", "order", "from_order", "total_minor", "total"]]
    rows += [
        [x.at.isoformat(), x.order_number, x.from_order, x.total_minor, money(x.total_minor)] for x in report.exchanges
    ]
    rows += [[], ["# Occupancy"], ["showtime_id", "show", "starts_at", "status", "capacity", "blocked", "sold"]]
    rows[-1] += ["percent", "value_minor"]
    rows += [
        [o.showtime_id, o.title, o.starts_at.isoformat(), o.status, o.capacity, o.blocked, o.sold, o.percent]
        + [o.value_minor]
        for o in report.occupancy
    ]
    w.writerows(rows)
    return len(rows)
