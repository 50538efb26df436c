"""Door figures of issue 5, on the embedded PostgreSQL server in a temporary directory:

* **scan to verdict**, one gate: ``DoorStation.scan`` (signature check, then one
  ``bo_admit`` round trip joined with the ticket's seat), the exact call the door screen
  runs on its worker; and the same through the real ``DoorScreen``: from the scanner's
  Enter to the verdict on screen (worker thread and back, panel filled). p50, p95, p99;
* **offline verdict** (the database unreachable): signature and local copy only;
* **admissions per second** with ``--gates`` gates (separate processes, each with its
  own connection) admitting different tickets at once, started together by a barrier.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/door_bench.py [--seats 12000] [--gates 4] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def prepare(url: str, seats: int) -> tuple[int, list[tuple[int, str]]]:
    """A ``seats``-seat plan, a showtime starting in 10 minutes (doors open) with every
    seat sold (one bulk order, written directly), and each ticket's signed code.
    Returns ``(showtime_id, [(ticket_id, code)])``."""
    from arena import make_arena
    from sqlalchemy import text

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.device_key import DeviceKey
    from boxoffice.domain.ticket_code import TicketClaim

    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(minutes=10)
    plan_id, (showtime_id,) = make_arena(url, seats=seats, title="Door bench", first_start=starts)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        session.execute(text("UPDATE inventory SET state = 'sold' WHERE showtime_id = :s"), {"s": showtime_id})
        order_id = session.execute(
            text("INSERT INTO orders (channel, currency, total_minor) VALUES ('bench', 'EUR', 0) RETURNING id")
        ).scalar_one()
        session.execute(
            text(
                "INSERT INTO ticket (order_id, showtime_id, seat_id, category_id, price_minor) "
                "SELECT :o, :s, id, category_id, 0 FROM seat WHERE plan_id = :p ORDER BY id"
            ),
            {"o": order_id, "s": showtime_id, "p": plan_id},
        )
        session.execute(  # paid in full (migration 0014: an order's payments add up to its total)
            text("INSERT INTO payment (order_id, method, amount_minor, tendered_minor) VALUES (:o, 'cash', 0, 0)"),
            {"o": order_id},
        )
        till = DeviceKey.generate()  # a till key of the bench's own (migration 0010: no venue private key)
        key_id = session.execute(text("SELECT bo_device_enrol('bench-till', :k)"), {"k": till.public_key}).scalar_one()
        session.execute(text("UPDATE ticket SET key_id = :k WHERE showtime_id = :s"), {"k": key_id, "s": showtime_id})
        ids = [
            r[0]
            for r in session.execute(
                text("SELECT id FROM ticket WHERE showtime_id = :s ORDER BY id"), {"s": showtime_id}
            )
        ]
        session.commit()
    engine.dispose()
    return showtime_id, [(i, till.sign(TicketClaim(key_id, showtime_id, i, 1))) for i in ids]


def _station(url: str, showtime_id: int, gate: str, folder: Path):
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.door.station import DoorStation
    from boxoffice.services.admission import Door

    engine = make_engine(url, application_name=f"bench-door-{gate}", pool_size=2)
    factory = make_session_factory(engine)
    station = DoorStation(door=Door(gate=gate, device=f"bench-{gate}", serving=(showtime_id,)), folder=folder)
    with factory() as session:
        station.sync(session)  # keys and the offline copy, as the screen does at start
    return engine, factory, station


def bench_station(url: str, showtime_id: int, codes: list[str], folder: Path) -> dict:
    """Scan to verdict through DoorStation.scan, one gate, one code after the other."""
    import harness

    engine, factory, station = _station(url, showtime_id, "Latency", folder)
    samples = []
    with factory() as session:
        for code in codes:
            started = time.perf_counter()
            verdict = station.scan(session, code)
            samples.append(time.perf_counter() - started)
            assert verdict.kind.value == "admitted", verdict
    engine.dispose()
    return harness.summary(samples, 2)


def bench_offline(url: str, showtime_id: int, codes: list[str], folder: Path) -> dict:
    """Offline verdicts: the same station with an unreachable database."""
    import harness
    from sqlalchemy.pool import NullPool

    from boxoffice.db.engine import make_engine, make_session_factory

    engine, _factory, station = _station(url, showtime_id, "Offline", folder)
    engine.dispose()
    dead = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    samples = []
    with make_session_factory(dead)() as session:
        station.scan(session, codes[0])  # the first scan finds the database gone
        for code in codes[1:]:
            started = time.perf_counter()
            station.scan(session, code)
            samples.append(time.perf_counter() - started)
    dead.dispose()
    return harness.summary(samples, 2)


def bench_screen(url: str, showtime_id: int, codes: list[str], folder: Path) -> dict:
    """Scanner Enter -> verdict on the DoorScreen (TaskRunner worker and back)."""
    import harness

    from boxoffice.services import door_info
    from boxoffice.ui.common.tasks import TaskRunner
    from boxoffice.ui.door.screen import DoorScreen

    harness.app()
    engine, factory, station = _station(url, showtime_id, "Screen", folder)
    with factory() as session:
        showtimes = door_info.door_showtimes(session, ids=[showtime_id])
    scans, info = TaskRunner(factory, max_threads=1), TaskRunner(factory, max_threads=1)
    screen = DoorScreen(station, scans, info_runner=info, showtimes=showtimes)
    screen.resize(1280, 760)
    screen.show()
    harness.wait_until(lambda: True)
    samples = []
    for code in codes:
        screen.last_verdict = None
        started = time.perf_counter()
        screen.input.setText(code)
        screen.input.returnPressed.emit()
        harness.wait_until(lambda: screen.last_verdict is not None, what="a verdict")
        samples.append(time.perf_counter() - started)
        assert screen.panel.texts()[0] == "ADMIT"
    screen.stop()
    scans.wait()
    info.wait()
    screen.close()
    engine.dispose()
    return harness.summary(samples, 2)


def _gate(url: str, showtime_id: int, gate: str, codes: list[str], folder: str, barrier, results) -> None:
    try:
        engine, factory, station = _station(url, showtime_id, gate, Path(folder))
        admitted = 0
        with factory() as session:
            barrier.wait()
            started = time.perf_counter()
            for code in codes:
                admitted += station.scan(session, code).kind.value == "admitted"
            results.put((admitted, started, time.perf_counter()))
        engine.dispose()
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        barrier.abort()
        results.put((None, f"{type(exc).__name__}: {exc}", 0))


def bench_gates(url: str, showtime_id: int, codes: list[str], gates: int, folder: Path) -> dict:
    """``gates`` processes admit their share of ``codes`` at once; admissions per second
    over the wall time from the common start to the last gate done."""
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(gates), ctx.Queue()
    shares = [codes[i::gates] for i in range(gates)]
    procs = [
        ctx.Process(target=_gate, args=(url, showtime_id, f"G{i}", shares[i], str(folder), barrier, results))
        for i in range(gates)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    failed = [o[1] for o in outcomes if o[0] is None]
    if failed:
        raise RuntimeError(f"a gate failed: {failed[0]}")
    admitted = sum(o[0] for o in outcomes)
    wall = max(o[2] for o in outcomes) - min(o[1] for o in outcomes)
    return {
        "gates": gates,
        "admitted": admitted,
        "seconds": round(wall, 2),
        "admissions_per_s": round(admitted / wall, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seats", type=int, default=12_000, help="tickets sold (default 12000)")
    parser.add_argument("--scans", type=int, default=1000, help="scans for the latency figures (default 1000)")
    parser.add_argument("--gates", type=int, default=4, help="gates for the throughput figure (default 4)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from boxoffice.db.embedded import start_embedded, stop_embedded

    base = Path(tempfile.mkdtemp(prefix="boxoffice-door-bench-"))
    try:
        url = start_embedded(base / "pgdata")
        showtime_id, tickets = prepare(url, args.seats)
        codes = [code for _, code in tickets]
        n = args.scans
        if len(codes) < 3 * n + 200:
            raise SystemExit("--seats must be at least 3 x --scans + 200")
        report = {
            "tickets": len(codes),
            "scan_to_verdict_station": bench_station(url, showtime_id, codes[:n], base / "door"),
            "scan_to_verdict_screen": bench_screen(url, showtime_id, codes[n : n + min(n, 300)], base / "door"),
            "offline_verdict": bench_offline(url, showtime_id, codes[2 * n : 3 * n], base / "door"),
            "throughput": bench_gates(url, showtime_id, codes[3 * n :], args.gates, base / "door"),
        }
    finally:
        stop_embedded(base / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"door bench: {report['tickets']} tickets sold, embedded PostgreSQL")
        for key in ("scan_to_verdict_station", "scan_to_verdict_screen", "offline_verdict"):
            r = report[key]
            print(
                f"  {key:26s} n={r['n']:5d}  p50 {r['p50_ms']:6.2f} ms  p95 {r['p95_ms']:6.2f} ms  "
                f"p99 {r['p99_ms']:6.2f} ms  max {r['max_ms']:6.2f} ms"
            )
        t = report["throughput"]
        print(
            f"  {t['gates']} gates at once: {t['admitted']} admissions in {t['seconds']} s = "
            f"{t['admissions_per_s']} admissions/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
