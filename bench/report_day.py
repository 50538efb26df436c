"""``report day`` at scale: one local day of 20,000 tickets sold at 8 tills and the web
(about 8,000 orders, cash / card / online, 3 % refunded), among ``--days`` such days, on
a private embedded PostgreSQL server. Measures :func:`boxoffice.services.reports.day_report`
as a manager's own database login (played through ``auth.act_as``, the path of the
Reports screen and of ``boxoffice report day`` on a manager's login), median of
``--repeats`` runs after one warm-up, plus the JSON the command line prints.

The ledger rows are written in bulk (COPY, triggers off, as the superuser) because
selling 100,000 tickets through the contract functions would take the bench minutes
and measure the sale, not the report; their shape is what the counter and the web write:
orders with the seller and channel, one payment each, refunds voiding their tickets.

    .venv/bin/python bench/report_day.py [--tickets 20000] [--days 5] [--repeats 5] [--drop-indexes] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

TILLS = 8
SEATS = 2_500  # per showtime; a day of 20,000 tickets fills 8 showtimes


def _copy(conn, table: str, columns: str, rows) -> None:
    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(buf.getvalue())


REPORT_INDEXES = (
    "orders_created_at_idx",
    "payment_order_id_idx",
    "payment_created_at_idx",
    "refund_created_at_idx",
    "ticket_voided_at_idx",
)


def fill(url: str, *, tickets: int, days: int, day: dt.date, drop_indexes: bool = False) -> dict:
    """Migrate, set up a venue, plan and showtimes, and write ``days`` days of ledger
    centred on ``day``; returns ids the measurement needs."""
    import psycopg

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.db.pgtools import libpq_url
    from boxoffice.domain.plan_generator import generate_grid_plan
    from boxoffice.services import setup
    from boxoffice.services.plans import import_plan

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.factories import make_actor

    engine = make_engine(url)
    upgrade(engine)
    per_day_showtimes = -(-tickets // SEATS)
    with make_session_factory(engine)() as session:
        summary = import_plan(session, venue_name="Arena", data=generate_grid_plan(SEATS))
        show_id = setup.create_show(session, title="Bench", duration_minutes=60)
        first = day - dt.timedelta(days=days // 2)
        showtimes: dict[dt.date, list[int]] = {}
        for d in range(days):
            date = first + dt.timedelta(days=d)
            showtimes[date] = [
                setup.schedule_showtime(
                    session,
                    show_id=show_id,
                    plan_id=summary.plan_id,
                    starts_at=dt.datetime(date.year, date.month, date.day, 10, tzinfo=dt.UTC)
                    + dt.timedelta(hours=2 * n),
                    prices={c: 1000 + 500 * i for i, c in enumerate(summary.categories)},
                )
                for n in range(per_day_showtimes)
            ]
        cashiers = [make_actor(session, role="cashier", username=f"till{n}") for n in range(TILLS)]
        manager = make_actor(session, role="manager", username="boss")
        from sqlalchemy import text

        seats = session.execute(
            text("SELECT s.id, s.category_id FROM seat s WHERE s.plan_id = :p ORDER BY s.id"), {"p": summary.plan_id}
        ).all()
        prices = dict(
            session.execute(
                text("SELECT category_id, price_minor FROM showtime_price WHERE showtime_id = :s"),
                {"s": showtimes[first][0]},
            ).all()
        )
        tz = session.execute(text("SELECT timezone FROM venue WHERE id = 1")).scalar_one()
        session.commit()
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    orders, ticket_rows, payments, refunds = [], [], [], []
    order_id = ticket_id = 0
    for date, ids in showtimes.items():
        opens = dt.datetime(date.year, date.month, date.day, 10, tzinfo=zone)
        j, i = 0, 0
        n_orders = tickets * 2 // 5  # 1..4 tickets per order, 2.5 on average
        while j < tickets:
            size = min(1 + i % 4, tickets - j)
            order_id += 1
            web = i % 5 == 4
            at = opens + dt.timedelta(seconds=11 * 3600 * i / n_orders)
            channel = "web" if web else f"till:{1 + i % TILLS}"
            staff = None if web else cashiers[i % TILLS].staff_id
            refunded = i % 33 == 7
            total = 0
            for _ in range(size):
                seat_id, category = seats[j % SEATS]
                price = prices[category]
                total += price
                ticket_id += 1
                voided = (at + dt.timedelta(hours=1)).isoformat() if refunded else None
                status = "refunded" if refunded else "valid"
                ticket_rows.append((ticket_id, order_id, ids[j // SEATS], seat_id, category, price, status, voided))
                j += 1
            orders.append((order_id, f"BN-{order_id:07d}", channel, "EUR", total, at.isoformat(), staff))
            method = "online" if web else ("cash" if i % 3 == 0 else "card")
            payments.append((order_id, order_id, method, total, total, at.isoformat()))
            if refunded:
                refunds.append((order_id, total, "bench", (at + dt.timedelta(hours=1)).isoformat()))
            i += 1
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute("SET session_replication_role = replica")
        _copy(conn, "orders", "id, number, channel, currency, total_minor, created_at, staff_id", orders)
        _copy(
            conn,
            "ticket",
            "id, order_id, showtime_id, seat_id, category_id, price_minor, status, voided_at",
            ticket_rows,
        )
        _copy(conn, "payment", "id, order_id, method, amount_minor, tendered_minor, created_at", payments)
        _copy(conn, "refund", "order_id, amount_minor, reason, created_at", refunds)
        conn.execute(
            "UPDATE inventory i SET state = 'sold' FROM ticket t "
            "WHERE t.showtime_id = i.showtime_id AND t.seat_id = i.seat_id AND t.status = 'valid'"
        )
        for table in ("orders", "ticket", "payment"):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.execute("SET session_replication_role = origin")
        if drop_indexes:  # the control: the same day without migration 0018's indexes
            for index in REPORT_INDEXES:
                conn.execute(f"DROP INDEX {index}")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    engine.dispose()
    return {"manager": manager, "orders": len(orders), "tickets": len(ticket_rows), "refunds": len(refunds)}


def measure(url: str, day: dt.date, manager, repeats: int) -> dict:
    """Median seconds of ``day_report`` as the manager, and of its JSON."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import auth, reports

    engine = make_engine(url)
    samples, json_samples = [], []
    with make_session_factory(engine)() as session:
        auth.act_as(session, manager)
        report = reports.day_report(session, day)  # warm-up (connection, plans, caches)
        for _ in range(repeats):
            started = time.perf_counter()
            report = reports.day_report(session, day)
            samples.append(time.perf_counter() - started)
            started = time.perf_counter()
            json.dumps(report.as_json())
            json_samples.append(time.perf_counter() - started)
    engine.dispose()
    total = report.total()
    return {
        "report_day_s": round(statistics.median(samples), 3),
        "report_day_max_s": round(max(samples), 3),
        "as_json_s": round(statistics.median(json_samples), 4),
        "day_tickets_sold": total.sold,
        "day_orders": report.orders,
        "day_refunds": len(report.refunds),
        "day_net_minor": total.net_minor,
        "tender_lines": len(report.tenders),
    }


def main(argv: list[str] | None = None) -> int:
    """Start a private server, fill it, measure, print the figures."""
    parser = argparse.ArgumentParser(description="report day on a day of 20,000 tickets")
    parser.add_argument("--tickets", type=int, default=20_000, help="tickets sold per day")
    parser.add_argument("--days", type=int, default=5, help="days of sales in the database")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--drop-indexes", action="store_true", help="without 0018_reports' indexes (control)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from boxoffice.db.embedded import start_embedded, stop_embedded

    day = dt.date(2030, 6, 14)
    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-reportbench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="reportbench")
        started = time.perf_counter()
        filled = fill(url, tickets=args.tickets, days=args.days, day=day, drop_indexes=args.drop_indexes)
        fill_s = time.perf_counter() - started
        figures = {
            "tickets_per_day": args.tickets,
            "days": args.days,
            "tills": TILLS,
            "indexes": not args.drop_indexes,
            "rows": {k: v for k, v in filled.items() if k != "manager"},
            "fill_s": round(fill_s, 1),
            **measure(url, day, filled["manager"], args.repeats),
        }
    finally:
        stop_embedded(data_dir / "pgdata")
        shutil.rmtree(data_dir, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
