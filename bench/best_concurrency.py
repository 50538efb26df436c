"""Best-available holds per second with N tills at once (issue 13/14: an on-sale).

Used by ``bench/best_available.py --logins 1,8,32,200``. Each till is a real cashier
login (SCRAM) on a connection of its own, in a thread of this process; all start at a
barrier and press "2" (``hold_best``, quantity 2) again and again for ``seconds``; seats
stay held (an on-sale: the house fills), and are released between runs.

``caches`` says how many best-available caches the tills share, i.e. how many worker
processes they stand for: 1 = one process (a web worker serving every buyer), 2 = two
web workers, N = every till its own process. With more than one, tills of different
"processes" choose from their own caches and can pick the same seats at the same moment
(the optimistic hold's collision, retried).
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections import Counter

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

RESET = (
    "UPDATE inventory SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL, "
    "hold_login = NULL WHERE showtime_id = %s AND state = 'held'"
)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def make_cashiers(admin_url: str, n: int, prefix: str = "tillc") -> list[str]:
    """``n`` cashier logins (SCRAM); their connection URLs."""
    import secrets

    from boxoffice.db.engine import login_url

    password = secrets.token_urlsafe(16)
    urls = []
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        database = conn.execute("SELECT current_database()").fetchone()[0]
        for i in range(n):
            login = f"{database}_{prefix}{i}"
            verifier = conn.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
            conn.execute("SELECT bo_staff_create(%s, %s, 'cashier', %s)", (f"{prefix}{i}", f"Till {i}", verifier))
            urls.append(login_url(admin_url, login, password))
    return urls


def _p(ms: list[float], q: float) -> float:
    return round(ms[max(0, int(len(ms) * q) - 1)], 1) if ms else 0.0


def run(admin_url: str, till_urls: list[str], showtime_id: int, *, seconds: float, caches: int) -> dict:
    """One run with ``len(till_urls)`` tills sharing ``caches`` caches; the figures, with
    the database's verdict (every till's returned seats are held by its token, once)."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import best_available

    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        conn.execute(RESET, (showtime_id,))
    shared = [best_available.BestCache() for _ in range(min(caches, len(till_urls)))]
    engines = [make_engine(u, pool_size=1, application_name=f"bench-till-{i}") for i, u in enumerate(till_urls)]
    try:
        with make_session_factory(engines[0])() as s:
            for cache in shared:  # warm: the layout and the states, as a worker does at start
                best_available.warm(s, showtime_id=showtime_id, cache=cache)
        stats_before = dict(getattr(best_available, "STATS", {}) or {})
        barrier = threading.Barrier(len(engines) + 1)
        results: list[list] = [[] for _ in engines]
        errors: Counter = Counter()
        lock = threading.Lock()
        deadline = [0.0]

        def till(i: int) -> None:
            cache = shared[i % len(shared)]
            with make_session_factory(engines[i])() as s:
                s.execute(text("SELECT 1")).all()
                s.rollback()
                barrier.wait()
                while time.perf_counter() < deadline[0]:
                    token = uuid.uuid4()
                    t = time.perf_counter()
                    try:
                        held = best_available.hold_best(
                            s,
                            showtime_id=showtime_id,
                            token=token,
                            quantity=2,
                            channel=f"till:b{i}",
                            seconds=600,
                            cache=cache,
                        )
                    except Exception as exc:  # noqa: BLE001 - counted and reported
                        with lock:
                            errors[type(exc).__name__] += 1
                        time.sleep(0.01)
                        continue
                    results[i].append((time.perf_counter() - t, token, held.seat_ids))

        threads = [threading.Thread(target=till, args=(i,)) for i in range(len(engines))]
        for th in threads:
            th.start()
        deadline[0] = time.perf_counter() + seconds
        start, cpu = time.perf_counter(), time.process_time()
        barrier.wait()
        for th in threads:
            th.join()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        stats_after = dict(getattr(best_available, "STATS", {}) or {})
    finally:
        for e in engines:
            e.dispose()
    done = [r for rs in results for r in rs]
    ms = sorted(r[0] * 1000 for r in done)
    with psycopg.connect(_libpq(admin_url), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT hold_token, array_agg(seat_id ORDER BY seat_id) FROM inventory "
            "WHERE showtime_id = %s AND state = 'held' GROUP BY hold_token",
            (showtime_id,),
        ).fetchall()
    in_db = {tok: tuple(seats) for tok, seats in rows}
    mismatched = sum(1 for _, tok, seats in done if in_db.get(tok) != tuple(sorted(seats)))
    return {
        "logins": len(till_urls),
        "caches": len(shared),
        "holds": len(done),
        "holds_per_s": round(len(done) / elapsed, 1),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": _p(ms, 0.95),
        "max_ms": round(ms[-1], 1) if ms else None,
        "client_cpu_ms_per_hold": round(cpu * 1000 / len(done), 2) if done else None,
        "errors": dict(errors),
        "db_tokens": len(in_db),
        "db_mismatched": mismatched + abs(len(in_db) - len(done)),
        "service": {k: stats_after.get(k, 0) - stats_before.get(k, 0) for k in stats_after},
    }
