"""Find order (F4) and what it does, timed on the embedded PostgreSQL server in a
temporary directory, through the services a till calls (issue 11):

* **find by number** and **find by name** (a fragment of a customer's name, ``ILIKE``
  over ``order_customer`` and the web bookings' e-mails) among ``--orders`` orders;
* **order detail** (tickets, payments, refunds, exchange chain);
* **refund one ticket** (``bo_refund_tickets``), **exchange one ticket** to a free seat of
  another showtime (``bo_exchange``), **reprint** an order of 2 tickets (new codes).

p50 / p95 in ms.

    .venv/bin/python bench/orders_bench.py [--orders 3000] [--rounds 200] [--json]

Measured here (2 cores shared by ~8 busy sessions, 3,000 orders; p50 / p95 ms): find by
number 4.2 / 18, find by name 26 / 81 (a sequential ILIKE: fine for tens of thousands of
orders; a trigram index would be the next step), detail 13 / 50, refund one ticket
16 / 63, exchange one ticket 80 / 261 (quote + bo_exchange + the sale's audit at
commit), reprint 2 tickets 31 / 105.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

NAMES = ("Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth")


def _summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 2),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
    }


def _timed(samples: list[float], fn):
    t0 = time.perf_counter()
    out = fn()
    samples.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import psycopg
    from arena import make_arena
    from sqlalchemy.engine import make_url

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.device_key import DeviceKey
    from boxoffice.services import device_keys, exchange, orders

    folder = Path(tempfile.mkdtemp(prefix="bo-orders-bench-"))
    try:
        url = start_embedded(folder / "pgdata")
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        seats = 2 * args.orders + 10
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
        _, (sold_st, other_st) = make_arena(url, seats=seats, title="Orders bench", first_start=starts, showtimes=2)
        with psycopg.connect(plain, autocommit=True) as conn:
            free = [
                r[0]
                for r in conn.execute("SELECT seat_id FROM inventory WHERE showtime_id = %s ORDER BY 1", (sold_st,))
            ]
            sales = []
            t0 = time.perf_counter()
            for i in range(args.orders):
                token = uuid.uuid4()
                pair = free[2 * i : 2 * i + 2]
                conn.execute("SELECT bo_hold(%s, %s, %s, 'till-1', 600)", (sold_st, pair, token))
                sale = conn.execute(
                    'SELECT bo_checkout(%s, %s, \'till-1\', %s, NULL, NULL, \'[{"method": "card", "reference": "auth"}]\')',
                    (sold_st, token, pair),
                ).fetchone()[0]
                conn.execute(
                    "SELECT bo_order_customer_set(%s, %s, %s)",
                    (sale["order_id"], f"{NAMES[i % len(NAMES)]} {i}", f"buyer{i}@example.org"),
                )
                sales.append(sale)
            setup_s = time.perf_counter() - t0
            other_free = [
                r[0]
                for r in conn.execute("SELECT seat_id FROM inventory WHERE showtime_id = %s ORDER BY 1", (other_st,))
            ]
        engine = make_engine(url)
        factory = make_session_factory(engine)
        key = DeviceKey.generate()
        figures: dict[str, list[float]] = {
            k: [] for k in ("find_number", "find_name", "detail", "refund_ticket", "exchange_ticket", "reprint_order")
        }
        with factory() as session:
            device_keys.enrol(session, name="bench-till", public_key=key.public_key)
            for i in range(args.rounds):
                sale = sales[(i * 7919) % len(sales)]
                number = sale["number"].split("-")[1]
                found = _timed(figures["find_number"], lambda n=number: orders.find_orders(session, query=n))
                assert [o.order_id for o in found] == [sale["order_id"]]
                _timed(figures["find_name"], lambda: orders.find_orders(session, query="knuth 1"))
                _timed(figures["detail"], lambda s=sale: orders.order_detail(session, order_id=s["order_id"]))
            for i in range(args.rounds):
                sale = sales[i]
                kept, gone = sale["ticket_ids"]
                _timed(
                    figures["reprint_order"],
                    lambda s=sale: orders.reprint(session, order_id=s["order_id"], signer=key),
                )
                _timed(
                    figures["refund_ticket"],
                    lambda s=sale, t=gone: orders.refund_tickets(
                        session, order_id=s["order_id"], ticket_ids=[t], method="cash", reason="bench"
                    ),
                )
                _timed(
                    figures["exchange_ticket"],
                    lambda s=sale, t=kept, seat=other_free[i]: exchange.exchange(
                        session, order_id=s["order_id"], ticket_ids=[t], showtime_id=other_st, seat_ids=[seat],
                        channel="till-1", reason="bench", refund_method="cash",
                    ),
                )  # fmt: skip
        engine.dispose()
        result = {
            "orders": args.orders,
            "setup_s": round(setup_s, 1),
            **{k: _summary(v) for k, v in figures.items()},
        }
    finally:
        stop_embedded(folder / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['orders']} orders of 2 tickets (set up in {result['setup_s']} s)")
        for k, v in result.items():
            if isinstance(v, dict):
                print(f"  {k:<16} p50 {v['p50_ms']:>7} ms   p95 {v['p95_ms']:>7} ms   (n={v['n']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
