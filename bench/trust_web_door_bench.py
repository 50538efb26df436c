"""What the SECURITY DEFINER contract of migration 0012 costs the door and the web, on
the embedded PostgreSQL server in a temporary directory:

* **admit**: one ``bo_admit`` round trip (a manual admission of a sold ticket), as the
  superuser (the system principal, no caller look-up) and as a door staff login (the
  function checks ``bo_require('scan')``), interleaved; p50, p95 in ms;
* **web purchase**: ``bo_hold`` → ``bo_book`` → ``bo_payment_session_open`` →
  ``bo_gateway_decide`` → ``bo_payment_event`` (confirms and issues the tickets), five
  round trips and commits, as the superuser and as a ``bo_web`` login; p50, p95 in ms.

    .venv/bin/python bench/trust_web_door_bench.py [--rounds 400] [--json]
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


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 3), "p95_ms": round(_pct(ms, 0.95), 3)}


def _login(plain: str, sql: str, name_sql: str, args: tuple) -> str:
    import psycopg

    with psycopg.connect(plain, autocommit=True) as conn:
        login = conn.execute(name_sql, args[:1]).fetchone()[0]
        verifier = conn.pgconn.encrypt_password(b"pw", login.encode(), b"scram-sha-256").decode()
        conn.execute(sql, (*args, verifier))
    return login


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import psycopg
    from arena import make_arena
    from sqlalchemy.engine import make_url

    from boxoffice.db.embedded import start_embedded, stop_embedded

    folder = Path(tempfile.mkdtemp(prefix="bo-trust-bench-"))
    try:
        url = start_embedded(folder / "pgdata")
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        seats = 4 * args.rounds + 10
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(minutes=10)
        _, (admit_st, sell_st) = make_arena(url, seats=seats, title="Trust bench", first_start=starts, showtimes=2)
        door = _login(
            plain,
            "SELECT bo_staff_create(%s, 'Door', 'door', %s)",
            "SELECT current_database() || '_' || %s",
            ("benchdoor",),
        )
        web = _login(plain, "SELECT bo_web_login(%s, %s)", "SELECT current_database() || '_web_' || %s", ("bench",))
        as_login = {
            name: make_url(plain).set(username=name, password="pw").render_as_string(hide_password=False)
            for name in (door, web)
        }
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute("UPDATE inventory SET state = 'sold' WHERE showtime_id = %s", (admit_st,))
            order = conn.execute(
                "INSERT INTO orders (channel, currency, total_minor) VALUES ('bench', 'EUR', 0) RETURNING id"
            ).fetchone()[0]
            tickets = [
                r[0]
                for r in conn.execute(
                    "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                    "SELECT %s, %s, seat_id, s.category_id, 0 FROM inventory i JOIN seat s ON s.id = i.seat_id "
                    "WHERE i.showtime_id = %s ORDER BY seat_id RETURNING id",
                    (order, admit_st, admit_st),
                )
            ]
            free = [
                r[0]
                for r in conn.execute(
                    "SELECT seat_id FROM inventory WHERE showtime_id = %s ORDER BY seat_id", (sell_st,)
                )
            ]

        admit = {"system": [], "door": []}
        with psycopg.connect(plain) as system, psycopg.connect(as_login[door]) as door_conn:
            conns = {"system": system, "door": door_conn}
            for i in range(2 * args.rounds):
                who = ("system", "door")[i % 2]
                conn = conns[who]
                t0 = time.perf_counter()
                verdict = conn.execute(
                    "SELECT verdict FROM bo_admit(%s, NULL, %s, 'North', 'bench')", (tickets[i], admit_st)
                ).fetchone()[0]
                conn.commit()
                admit[who].append((time.perf_counter() - t0) * 1000)
                assert verdict == "admitted", verdict

        purchase = {"system": [], "web": []}
        with psycopg.connect(plain) as system, psycopg.connect(as_login[web]) as web_conn:
            conns = {"system": system, "web": web_conn}
            for i in range(2 * args.rounds):
                who = ("system", "web")[i % 2]
                conn, seat, token = conns[who], free[i], uuid.uuid4()
                t0 = time.perf_counter()
                conn.execute("SELECT bo_hold(%s, ARRAY[%s], %s, 'web', 600)", (sell_st, seat, token))
                conn.commit()
                booking = conn.execute("SELECT bo_book(%s, %s, 'web', 900)", (sell_st, token)).fetchone()[0]
                conn.commit()
                ps = conn.execute("SELECT bo_payment_session_open(%s)", (booking,)).fetchone()[0]
                conn.commit()
                conn.execute("SELECT bo_gateway_decide(%s, 'succeeded')", (ps,))
                conn.commit()
                amount, currency = conn.execute(
                    "SELECT amount_minor, currency FROM payment_session WHERE id = %s", (ps,)
                ).fetchone()
                payload = json.dumps(
                    {
                        "id": f"evt_{i}",
                        "type": "payment.succeeded",
                        "data": {"session_id": ps, "amount_minor": amount, "currency": currency},
                    }
                )
                outcome = conn.execute(
                    "SELECT event_outcome FROM bo_payment_event(%s, 'payment.succeeded', %s, %s)",
                    (f"evt_{i}", ps, payload),
                ).fetchone()[0]
                conn.commit()
                purchase[who].append((time.perf_counter() - t0) * 1000)
                assert outcome == "confirmed", outcome

        result = {
            "admit": {k: _summary(v) for k, v in admit.items()},
            "web_purchase": {k: _summary(v) for k, v in purchase.items()},
        }
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            for what, by in result.items():
                for who, figures in by.items():
                    print(
                        f"{what:13} {who:7} n={figures['n']:4}  p50 {figures['p50_ms']:7.2f} ms  "
                        f"p95 {figures['p95_ms']:7.2f} ms"
                    )
    finally:
        stop_embedded(folder / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
