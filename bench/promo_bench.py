"""What a promo code costs a counter sale (migration 0021): every use of one code
updates the code's row (``promo_redemption_limits``), so sales using one hot code are
serialised on that row for the rest of their transaction. Measured on the embedded
PostgreSQL server, ``--clients`` threads each with its own connection selling one seat
per sale (``bo_hold`` then ``bo_checkout``, card), for ``--seconds`` each:

* **no code**;
* **one hot code** for every sale (limited to 1,000,000 uses, so the limit is counted);
* **a code per client** (no contention on a code row).

    .venv/bin/python bench/promo_bench.py [--clients 8] [--seconds 8] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _run(url: str, showtime_id: int, seats: list[int], clients: int, seconds: float, code_of) -> dict:
    """Sell seats from ``seats`` on ``clients`` threads for ``seconds``; ``code_of(i)``
    is client i's promo code (or None). Returns sales/s and latency percentiles."""
    from sqlalchemy.pool import NullPool

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import inventory, sales

    lock = threading.Lock()
    todo = iter(seats)
    barrier = threading.Barrier(clients)
    samples: list[float] = []
    errors: list[str] = []

    def client(i: int) -> None:
        engine = make_engine(url, poolclass=NullPool, pool_size=None)
        factory = make_session_factory(engine)
        with factory() as session:
            session.connection()
            session.commit()
            barrier.wait()
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                with lock:
                    seat = next(todo, None)
                if seat is None:
                    break
                token = uuid.uuid4()
                started = time.perf_counter()
                try:
                    inventory.hold_seats(
                        session, showtime_id=showtime_id, seat_ids=[seat], token=token, channel=f"b{i}", seconds=60
                    )
                    sales.sell(
                        session,
                        showtime_id=showtime_id,
                        seat_ids=[seat],
                        token=token,
                        channel=f"b{i}",
                        method="card",
                        promo=code_of(i),
                    )
                except Exception as exc:  # noqa: BLE001 - counted and reported
                    errors.append(type(exc).__name__)
                    continue
                samples.append(time.perf_counter() - started)
        engine.dispose()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    samples.sort()

    def pct(p: float) -> float:
        return round(1000 * samples[min(len(samples) - 1, int(p * len(samples)))], 1) if samples else 0.0

    return {
        "sales": len(samples),
        "sales_per_s": round(len(samples) / elapsed, 1),
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
        "errors": len(errors),
    }


def main(argv: list[str] | None = None) -> int:
    """Prepare an arena, run the three cases, check the codes' uses, print."""
    parser = argparse.ArgumentParser(description="promo code cost per counter sale")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--seats", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from arena import make_arena
    from sqlalchemy import text

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import promo

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-promobench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="promobench")
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
        _plan, [showtime_id] = make_arena(url, seats=args.seats, title="Promo bench", first_start=start)
        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            seats = list(
                session.execute(
                    text("SELECT seat_id FROM inventory WHERE showtime_id = :s ORDER BY seat_id"), {"s": showtime_id}
                ).scalars()
            )
            promo.save_code(session, promo.PromoDraft(code="HOT", kind="percent", percent=10, max_uses=1_000_000))
            for i in range(args.clients):
                promo.save_code(session, promo.PromoDraft(code=f"OWN{i:02d}", kind="percent", percent=10))
        third = len(seats) // 3
        plain = _run(url, showtime_id, seats[:third], args.clients, args.seconds, lambda i: None)
        hot = _run(url, showtime_id, seats[third : 2 * third], args.clients, args.seconds, lambda i: "HOT")
        own = _run(url, showtime_id, seats[2 * third :], args.clients, args.seconds, lambda i: f"OWN{i:02d}")
        with make_session_factory(engine)() as session:
            uses = dict(
                session.execute(
                    text("SELECT c.code, u.uses FROM promo_code c JOIN promo_code_usage u ON u.code_id = c.id")
                ).all()
            )
        engine.dispose()
        hot["uses_in_db"] = uses["HOT"]
        own["uses_in_db"] = sum(n for c, n in uses.items() if c.startswith("OWN"))
    finally:
        stop_embedded(data_dir / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(data_dir, ignore_errors=True)
    results = {
        "clients": args.clients,
        "seconds": args.seconds,
        "no_code": plain,
        "one_hot_code": hot,
        "code_per_client": own,
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in (("no code", plain), ("one hot code", hot), ("a code per client", own)):
            print(
                f"{name:18} {r['sales_per_s']:7.1f} sales/s  p50 {r['p50_ms']} ms  p95 {r['p95_ms']} ms  "
                f"({r['sales']} sales, {r['errors']} errors{', uses recorded ' + str(r['uses_in_db']) if 'uses_in_db' in r else ''})"
            )
        print(f"({args.clients} clients, {args.seconds:.0f} s each, one seat per sale, card)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
