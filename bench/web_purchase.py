"""One web buyer's whole purchase, step by step, uncontended, over real HTTP against
``boxoffice web`` (as bench/web_bench.py starts it, on a temporary embedded PostgreSQL):
hold → book → start payment → pay at the stand-in gateway (which delivers the signed
webhook) → read the confirmed booking. Per step: client p50 / p95 ms, the server's own
time (``Server-Timing`` app, queue, db) and the web server's CPU per step, from /proc.

    .venv/bin/python bench/web_purchase.py [--purchases 100] [--workers 2] [--server-cpus 0] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from web_bench import Server, _cpus, _libpq, _pct, theatre_showtime  # noqa: E402

STEPS = ("hold", "book", "start_payment", "pay_and_webhook", "booking_status")
_PHASE = re.compile(r"(app|queue|db);dur=([\d.]+)")


def purchases(server: Server, showtime: int, seats: list[int], n: int) -> dict[str, dict]:
    """``n`` sequential purchases of one seat each; figures per step."""
    from boxoffice.rehearsal.buyers import buyer_headers

    rng = random.Random(7)
    wall: dict[str, list[float]] = {s: [] for s in STEPS}
    phases: dict[str, dict[str, list[float]]] = {s: {"app": [], "queue": [], "db": []} for s in STEPS}
    cpu: dict[str, float] = dict.fromkeys(STEPS, 0.0)
    with httpx.Client(base_url=server.url, timeout=30, headers=buyer_headers(rng)) as client:

        def step(name: str, method: str, url: str, **kwargs) -> httpx.Response:
            before = server.cpu()
            started = time.perf_counter()
            answer = client.request(method, url, **kwargs)
            wall[name].append(1000 * (time.perf_counter() - started))
            cpu[name] += server.cpu() - before
            for phase, ms in _PHASE.findall(answer.headers.get("server-timing", "")):
                phases[name][phase].append(float(ms))
            if answer.status_code not in (200, 201):
                raise RuntimeError(f"{name}: {answer.status_code} {answer.text}")
            return answer

        for i in range(n + 1):  # the first purchase warms the caches and is not counted
            if i == 1:
                wall = {s: [] for s in STEPS}
                phases = {s: {"app": [], "queue": [], "db": []} for s in STEPS}
                cpu = dict.fromkeys(STEPS, 0.0)
            hold = step("hold", "POST", f"/showtimes/{showtime}/holds", json={"seat_ids": [seats[i]]})
            token = hold.json()["hold_token"]
            booking = step("book", "POST", "/bookings", json={"showtime_id": showtime, "hold_token": token}).json()
            paying = step("start_payment", "POST", f"/bookings/{booking['id']}/payments").json()
            step("pay_and_webhook", "POST", f"/gateway/checkout/{paying['id']}", params={"outcome": "succeeded"})
            done = step("booking_status", "GET", f"/bookings/{booking['id']}").json()
            if done["status"] != "confirmed":
                raise RuntimeError(f"booking not confirmed: {done}")
    return {
        s: {
            "p50_ms": round(_pct(wall[s], 0.5), 2),
            "p95_ms": round(_pct(wall[s], 0.95), 2),
            **{f"server_{k}_p50_ms": round(_pct(v, 0.5), 2) for k, v in phases[s].items() if v},
            "server_cpu_ms": round(1000 * cpu[s] / n, 2),
        }
        for s in STEPS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--purchases", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--server-cpus", type=_cpus)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.device_key import this_device
    from boxoffice.rehearsal.pinning import DatabasePin, local_postmaster
    from boxoffice.services import demo, device_keys

    base = Path(tempfile.mkdtemp(prefix="boxoffice-webpurchase-"))
    try:
        url = start_embedded(base / "pgdata", database="webpurchase")
        engine = make_engine(url)
        upgrade(engine)
        with make_session_factory(engine)() as session:
            demo.ensure_demo(session, days=3, staff=False)
            # the web server signs tickets with the key in its data directory (base)
            device_keys.ensure_enrolled(session, name="bench-web", key=this_device(base))
            session.commit()
        engine.dispose()
        with psycopg.connect(_libpq(url)) as conn:
            showtime, seats = theatre_showtime(conn)
        database = DatabasePin(local_postmaster(_libpq(url)), args.server_cpus)
        database.apply()
        os.environ["BOXOFFICE_WEB_TEST_GATEWAY"] = "1"
        server = Server(url, base, args.workers, args.threads, args.server_cpus)
        try:
            rows = purchases(server, showtime, seats, min(args.purchases, len(seats) - 2))
        finally:
            server.stop()
            database.restore()
    finally:
        stop_embedded(base / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps({"workers": args.workers, "steps": rows, "at": dt.datetime.now(dt.UTC).isoformat()}, indent=2))
        return 0
    print(f"one buyer's purchase, uncontended (boxoffice web --workers {args.workers}; {args.purchases} purchases)")
    print(f"  {'step':18s} {'p50 ms':>7s} {'p95 ms':>7s} {'server':>7s} {'queue':>6s} {'db':>6s} {'CPU ms':>7s}")
    for s, r in rows.items():
        print(
            f"  {s:18s} {r['p50_ms']:7.2f} {r['p95_ms']:7.2f} {r.get('server_app_p50_ms', 0):7.2f} "
            f"{r.get('server_queue_p50_ms', 0):6.2f} {r.get('server_db_p50_ms', 0):6.2f} {r['server_cpu_ms']:7.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
