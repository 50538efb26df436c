"""Z report time in a busy day (issue 11): 20,000 tickets sold today across 8 tills and
the web, each till with an open shift, drops and pay-outs, 2 % refunds; then each till's
X report (``bo_shift_figures``) and its close into a Z report (``bo_shift_close``: blind
count, figures, numbered Z row) as the till's own person, and reading a Z report back.

The day is loaded set-based as the superuser (triggers off with
``session_replication_role = replica``, so the rows carry their shift as the trigger would
have set it); the shifts are opened and closed through the real functions.

    .venv/bin/python bench/z_report.py [--tickets 20000] [--tills 8] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LOAD = """
SET session_replication_role = replica;
-- orders: a till's (or the web's, one in four) with 1-4 tickets each, spread over today
CREATE TEMP TABLE sale AS
SELECT n, CASE WHEN n % 4 = 0 THEN NULL ELSE n % :tills END AS till_no,
       1 + (n * 7) % 4 AS seats, date_trunc('day', now()) + (n % 50000) * interval '1 second' AS at
FROM generate_series(1, :orders) n;
INSERT INTO orders (id, number, channel, currency, total_minor, created_at, staff_id)
SELECT 1000000 + s.n, 'BZ-' || s.n, CASE WHEN s.till_no IS NULL THEN 'web' ELSE 'till:bench-' || s.till_no END,
       'EUR', 0, s.at, sh.staff_id
FROM sale s LEFT JOIN till_shift sh ON sh.till = 'till:bench-' || s.till_no AND sh.closed_at IS NULL;
-- tickets on the demo showtimes' seats, one per (showtime, seat)
CREATE TEMP TABLE place AS
SELECT row_number() OVER (ORDER BY i.showtime_id, i.seat_id) AS k, i.showtime_id, i.seat_id, s.category_id
FROM inventory i JOIN seat s ON s.id = i.seat_id;
CREATE TEMP TABLE slot AS
SELECT s.n, g.j, row_number() OVER (ORDER BY s.n, g.j) AS k FROM sale s, generate_series(1, s.seats) g(j);
INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor)
SELECT 1000000 + sl.n, p.showtime_id, p.seat_id, p.category_id, 1500 + (sl.k % 3) * 500
FROM slot sl JOIN place p ON p.k = sl.k WHERE sl.k <= :tickets;
UPDATE orders o SET total_minor = t.total
FROM (SELECT order_id, sum(price_minor) AS total FROM ticket GROUP BY order_id) t WHERE t.order_id = o.id;
DELETE FROM orders WHERE id > 1000000 AND total_minor = 0;
INSERT INTO payment (order_id, method, amount_minor, tendered_minor, created_at, reference, shift_id)
SELECT o.id, CASE WHEN o.channel = 'web' THEN 'online' WHEN o.id % 3 = 0 THEN 'card' ELSE 'cash' END,
       o.total_minor, o.total_minor, o.created_at, NULL, sh.id
FROM orders o LEFT JOIN till_shift sh ON sh.till = o.channel AND sh.closed_at IS NULL WHERE o.id > 1000000;
INSERT INTO refund (order_id, amount_minor, reason, created_at, shift_id)
SELECT p.order_id, p.amount_minor, 'bench', p.created_at + interval '1 minute', p.shift_id
FROM payment p WHERE p.order_id % 50 = 7;
INSERT INTO drawer_movement (shift_id, kind, amount_minor, reason, staff_id)
SELECT sh.id, CASE WHEN g % 2 = 0 THEN 'drop' ELSE 'payout' END, 1000, 'bench', sh.staff_id
FROM till_shift sh, generate_series(1, 6) g WHERE sh.closed_at IS NULL;
SET session_replication_role = origin;
"""


def main(argv: list[str] | None = None) -> int:
    """Start a private embedded server, load the day, time X and Z per till; print a summary."""
    parser = argparse.ArgumentParser(description="Z report time in a day of 20,000 tickets")
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--tills", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from sqlalchemy import text

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.domain.roles import Actor
    from boxoffice.rehearsal.stats import percentile
    from boxoffice.services import drawer
    from boxoffice.services.auth import act_as
    from boxoffice.services.demo import ensure_demo
    from boxoffice.services.staff import scram_verifier

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-zbench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="zbench")
        engine = make_engine(url)
        upgrade(engine)
        factory = make_session_factory(engine)
        people = []
        with factory() as session:
            ensure_demo(session, staff=False, days=14)  # enough seats for the tickets
            for i in range(args.tills):
                verifier = scram_verifier(session, login=f"zbench_till{i}", password="bench-pass-123")
                staff_id = session.execute(
                    text("SELECT bo_staff_create(:u, :d, 'cashier', :v)"),
                    {"u": f"till{i}", "d": f"Till {i}", "v": verifier},
                ).scalar_one()
                session.commit()
                people.append(Actor(staff_id, f"till{i}", f"Till {i}", "cashier", f"till:bench-{i}", f"zbench_till{i}"))
            shifts = []
            for actor in people:
                act_as(session, actor)
                shifts.append(drawer.open_shift(session, actor.till, 20_000))
            act_as(session, None)
            started = time.perf_counter()
            orders = args.tickets * 2 // 5 + 100  # 2.5 tickets an order on average
            for statement in LOAD.split(";\n"):
                if statement.strip():
                    session.execute(text(statement), {"tills": args.tills, "orders": orders, "tickets": args.tickets})
            session.commit()
            session.connection().exec_driver_sql("ANALYZE")
            session.commit()
            load_s = time.perf_counter() - started
            counts = session.execute(
                text(
                    "SELECT (SELECT count(*) FROM ticket), (SELECT count(*) FROM payment),"
                    " (SELECT count(*) FROM payment WHERE shift_id IS NULL), (SELECT count(*) FROM refund)"
                )
            ).one()
            session.commit()
            x_ms, z_ms, read_ms = [], [], []
            for actor, shift in zip(people, shifts, strict=True):
                act_as(session, actor)
                for _ in range(5):
                    t0 = time.perf_counter()
                    drawer.x_report(session, shift)
                    x_ms.append(1000 * (time.perf_counter() - t0))
                t0 = time.perf_counter()
                z = drawer.close_shift(session, shift, {5000: 10})
                z_ms.append(1000 * (time.perf_counter() - t0))
                act_as(session, None)
                t0 = time.perf_counter()
                drawer.z_report(session, z.number)
                read_ms.append(1000 * (time.perf_counter() - t0))
        engine.dispose()
    finally:
        stop_embedded(data_dir / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(data_dir, ignore_errors=True)
    stats = {
        name: {"n": len(v), "p50_ms": round(percentile(v, 0.5), 1), "max_ms": round(max(v), 1)}
        for name, v in (("x_report", x_ms), ("close_into_z", z_ms), ("read_z", read_ms))
    }
    result = {
        "tickets": counts[0],
        "payments": counts[1],
        "web_payments": counts[2],
        "refunds": counts[3],
        "tills": args.tills,
        "load_s": round(load_s, 1),
        **stats,
    }
    print(
        json.dumps(result, indent=2)
        if args.json
        else f"{result['tickets']} tickets, {result['payments']} payments ({result['web_payments']} web), "
        f"{result['refunds']} refunds, {args.tills} tills (loaded in {result['load_s']} s)\n"
        + "\n".join(f"{k:13s} p50 {v['p50_ms']} ms, max {v['max_ms']} ms (n={v['n']})" for k, v in stats.items())
    )
    return 0 if stats["close_into_z"]["max_ms"] < 500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
