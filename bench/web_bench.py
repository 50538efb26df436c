"""The online channel's costs over real HTTP against ``boxoffice web`` (a subprocess with
``--workers``), on the embedded PostgreSQL server in a temporary directory:

* **uncontended latency** on one keep-alive connection: ``/health``, a single-seat hold,
  hold + release, the seat map unchanged (``If-None-Match`` → 304) and in full, the old
  ``/seats`` availability; p50 / p95 in ms;
* **server CPU per request**: user + system CPU of the web server's processes (parent
  and workers, from /proc) over N sequential requests, divided by N; the database
  server's CPU is not included;
* **holds per second**: ``--clients`` processes holding distinct single seats for
  ``--seconds``, over HTTP (one keep-alive connection each) and through the services
  (``inventory.hold_seats``, one session each, same login), in the same run, alternated
  ``--rounds`` times (3); ratio HTTP / services, the median of the rounds;
* **issue 14's targets** with met / NOT MET: uncontended HTTP hold < 10 ms, server CPU
  per hold < 3 ms and per unchanged map < 1 ms, the ratio >= 0.5.

``--client-cpus 1 --server-cpus 0`` pins both paths' client processes to CPU 1 and the
web server and the embedded PostgreSQL to CPU 0 (as ``boxoffice rehearse`` does).

    .venv/bin/python bench/web_bench.py [--workers 2] [--clients 8] [--seconds 10] [--rounds 3]
        [--client-cpus 1 --server-cpus 0] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TICK = os.sysconf("SC_CLK_TCK")


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                children = Path(f"/proc/{p}/task/{task}/children").read_text().split()
                todo.extend(int(c) for c in children)
        except OSError:
            pass
    return found


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


class Server:
    """``boxoffice web --port 0 --workers N`` on ``url``."""

    def __init__(self, url: str, data_dir: Path, workers: int, threads: int, cpus=None) -> None:
        env = dict(
            os.environ,
            BOXOFFICE_DATABASE_URL=url,
            BOXOFFICE_DATA_DIR=str(data_dir),
            BOXOFFICE_WEBHOOK_SECRET="bench-secret-0123456789abcdef0123",
            BOXOFFICE_TIDY_SECONDS="3600",
            # one client holding hundreds of seats: the abuse limits (migration 0019) lifted
            **{f"BOXOFFICE_WEB_{n}": "1000000" for n in ("HELD_PER_CLIENT", "HELD_PER_IP", "HOLDS_PER_MINUTE")},
            BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP="1000000",
        )
        # every bench client comes from 127.0.0.1: lift the per-address hold limits (websafe)
        for name in ("HELD_PER_CLIENT", "HELD_PER_IP", "HOLDS_PER_MINUTE", "HOLDS_PER_MINUTE_PER_IP"):
            env.setdefault(f"BOXOFFICE_WEB_{name}", "1000000")
        self.log = data_dir / "web.log"
        cmd = [sys.executable, "-m", "boxoffice", "web", "--port", "0", "--workers", str(workers)]
        cmd += ["--threads", str(threads), "--no-access-log"]
        from boxoffice.rehearsal.pinning import pin

        self.process = subprocess.Popen(  # noqa: PLW1509 - no threads here; the workers inherit the mask
            cmd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("wb"),
            preexec_fn=(lambda: pin(cpus)) if cpus else None,
        )
        deadline = time.time() + 90
        while time.time() < deadline:
            found = re.search(rb"serving on (http://[^/\s]+)/", self.log.read_bytes())
            if found:
                self.url = found.group(1).decode()
                try:
                    if httpx.get(self.url + "/health").status_code == 200:
                        time.sleep(2 if workers > 1 else 0.5)  # every worker up
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(self.log.read_text())

    def cpu(self) -> float:
        return _cpu_seconds(_tree(self.process.pid))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


def _timed(client: httpx.Client, n: int, request) -> tuple[list[float], list[float]]:
    """Client ms and Server-Timing ms of ``n`` calls of ``request(client, i)``."""
    client_ms, server_ms = [], []
    for i in range(n):
        started = time.perf_counter()
        r = request(client, i)
        client_ms.append(1000 * (time.perf_counter() - started))
        found = re.search(r"app;dur=([\d.]+)", r.headers.get("server-timing", ""))
        if found:
            server_ms.append(float(found.group(1)))
    return client_ms, server_ms


def measure(server: Server, client: httpx.Client, name: str, n: int, request) -> dict:
    """Latency and server CPU per request of ``n`` sequential calls."""
    request(client, -1)  # warm
    before = server.cpu()
    client_ms, server_ms = _timed(client, n, request)
    cpu_ms = 1000 * (server.cpu() - before) / n
    row = {
        "what": name,
        "n": n,
        "p50_ms": round(_pct(client_ms, 0.5), 2),
        "p95_ms": round(_pct(client_ms, 0.95), 2),
        "server_timing_p50_ms": round(_pct(server_ms, 0.5), 2),
        "server_cpu_ms_per_request": round(cpu_ms, 2),
    }
    return row


def _created(answer: httpx.Response) -> httpx.Response:
    """``answer``, which must be 201 (a refused hold is far cheaper: it would flatter the figures)."""
    if answer.status_code != 201:
        raise RuntimeError(f"a bench hold was refused: {answer.status_code} {answer.text}")
    return answer


def theatre_showtime(conn: psycopg.Connection) -> tuple[int, list[int]]:
    """The demo theatre's first showtime still on sale for hours (997 seats) and its
    available seats, in id order."""
    showtime = conn.execute(
        "SELECT st.id FROM showtime st JOIN seating_plan p ON p.id = st.plan_id "
        "JOIN venue v ON v.id = p.venue_id WHERE v.name <> 'Bench Arena' AND st.status = 'on_sale' "
        "AND st.starts_at > now() + interval '3 hours' "
        "AND (st.off_sale_at IS NULL OR st.off_sale_at > now() + interval '3 hours') "
        "ORDER BY st.starts_at LIMIT 1"
    ).fetchone()[0]
    free = conn.execute(
        "SELECT seat_id FROM inventory WHERE showtime_id = %s AND state = 'available' ORDER BY seat_id", (showtime,)
    )
    return showtime, [r[0] for r in free]


def _release_all(url: str) -> None:
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(
            "UPDATE inventory SET state = 'available', hold_token = NULL, hold_channel = NULL, "
            "hold_expires_at = NULL, hold_login = NULL WHERE state = 'held'"
        )


def uncontended(server: Server, url: str, showtime: int, seats: list[int], n: int) -> list[dict]:
    from boxoffice.rehearsal.buyers import buyer_headers

    rng = random.Random(5)
    rows = []
    with httpx.Client(base_url=server.url, timeout=30) as client:
        rows.append(measure(server, client, "GET /health", n, lambda c, i: c.get("/health")))
        map_url = f"/showtimes/{showtime}/map"
        etag = client.get(map_url).headers["etag"]
        rows.append(
            measure(
                server,
                client,
                "GET map, unchanged (If-None-Match: 304)",
                n,
                lambda c, i: c.get(map_url, headers={"If-None-Match": etag}),
            )
        )
        rows.append(measure(server, client, "GET map, full body, unchanged", n, lambda c, i: c.get(map_url)))
        rows.append(
            measure(
                server,
                client,
                "GET /seats (old availability)",
                n // 4,
                lambda c, i: c.get(f"/showtimes/{showtime}/seats"),
            )
        )
        holds = iter(seats)
        rows.append(
            measure(
                server,
                client,
                "POST hold (one seat)",
                n,
                # each hold a buyer of its own: the limits (0019) count a buyer's live holds
                lambda c, i: _created(
                    c.post(f"/showtimes/{showtime}/holds", json={"seat_ids": [next(holds)]}, headers=buyer_headers(rng))
                ),
            )
        )
        _release_all(url)

        def hold_release(c, i):
            answer = c.post(f"/showtimes/{showtime}/holds", json={"seat_ids": [seats[0]]}, headers=buyer_headers(rng))
            token = _created(answer).json()["hold_token"]
            return c.delete(f"/showtimes/{showtime}/holds/{token}")

        rows.append(measure(server, client, "hold + release (two requests)", n // 2, hold_release))
    rows.append(services_hold(url, showtime, seats[:n]))
    _release_all(url)
    return rows


def services_hold(url: str, showtime: int, seats: list[int]) -> dict:
    """The same single-seat holds through the services in this process (no HTTP), for
    comparison: latency only."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import inventory

    _release_all(url)
    engine = make_engine(url, pool_size=1)
    session = make_session_factory(engine)()
    inventory.seat_states(session, showtime_id=showtime, since_version=10**12)
    ms = []
    for seat in seats:
        started = time.perf_counter()
        inventory.hold_seats(
            session, showtime_id=showtime, seat_ids=[seat], token=uuid.uuid4(), channel="b", seconds=60
        )
        ms.append(1000 * (time.perf_counter() - started))
    session.close()
    engine.dispose()
    nan = float("nan")
    return {
        "what": "hold through the services (no HTTP)",
        "n": len(ms),
        "p50_ms": round(_pct(ms, 0.5), 2),
        "p95_ms": round(_pct(ms, 0.95), 2),
        "server_timing_p50_ms": nan,
        "server_cpu_ms_per_request": nan,
    }


def _hold_client(
    kind: str, target: str, todo: list[int], showtime: int, seconds: float, barrier, results, cpus=None
) -> None:
    try:
        from boxoffice.rehearsal.pinning import pin

        pin(cpus)
        done, lat = 0, []
        # Every hold is a buyer of its own (address and client id, as behind a reverse
        # proxy), as in an on-sale: one client process as one buyer piled up thousands of
        # live holds (the limits are lifted for the bench), and the database's per-buyer
        # bound (migration 0028) summed them all on every hold, more with every second.
        rng = random.Random(len(todo) + todo[0])
        if kind == "http":
            from boxoffice.rehearsal.buyers import buyer_headers

            client = httpx.Client(base_url=target, timeout=30)
            client.get("/health")

            def hold(seat: int) -> None:
                r = client.post(f"/showtimes/{showtime}/holds", json={"seat_ids": [seat]}, headers=buyer_headers(rng))
                assert r.status_code == 201, r.text
        elif kind == "web-services":
            # the same web hold as over HTTP (bo_web_hold with its limits), through the services
            from boxoffice.db.engine import make_engine, make_session_factory
            from boxoffice.rehearsal.buyers import buyer_headers
            from boxoffice.services import web_holds
            from boxoffice.services.web_holds import Buyer, HoldLimits

            engine = make_engine(target, pool_size=1)
            session = make_session_factory(engine)()
            lifted = HoldLimits(10, 1_000_000, 1_000_000, 1_000_000, 1_000_000)

            def hold(seat: int) -> None:
                who = buyer_headers(rng)
                web_holds.hold_seats_online(
                    session,
                    showtime_id=showtime,
                    seat_ids=[seat],
                    token=uuid.uuid4(),
                    seconds=300,
                    buyer=Buyer(ip=who["X-Forwarded-For"], client=who["Boxoffice-Client"]),
                    limits=lifted,
                )
        else:
            from boxoffice.db.engine import make_engine, make_session_factory
            from boxoffice.services import inventory

            engine = make_engine(target, pool_size=1)
            session = make_session_factory(engine)()
            inventory.seat_states(session, showtime_id=showtime, since_version=10**12)

            def hold(seat: int) -> None:
                inventory.hold_seats(
                    session, showtime_id=showtime, seat_ids=[seat], token=uuid.uuid4(), channel="bench", seconds=300
                )

        barrier.wait()
        cpu_started = time.process_time()
        deadline = time.perf_counter() + seconds
        for seat in todo:
            started = time.perf_counter()
            if started >= deadline:
                break
            hold(seat)
            lat.append(time.perf_counter() - started)
            done += 1
        if done == len(todo) and time.perf_counter() < deadline:
            raise RuntimeError("a client ran out of seats before the time was up: use a bigger arena")
        results.put((done, lat, time.process_time() - cpu_started))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        barrier.abort()
        results.put((None, f"{type(exc).__name__}: {exc}", 0.0))


def throughput(
    kind: str, target: str, showtime: int, seats: list[int], clients: int, seconds: float, cpus=None, meters=None
) -> dict:
    """Holds per second of ``clients`` processes on path ``kind`` (``http``, ``services``:
    a till's hold, ``web-services``: the web hold through the services), with the CPU per
    hold of the clients and of each of ``meters`` (name -> CPU seconds so far)."""
    meters = meters or {}
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(clients), ctx.Queue()
    procs = [
        ctx.Process(
            target=_hold_client, args=(kind, target, seats[i::clients], showtime, seconds, barrier, results, cpus)
        )
        for i in range(clients)
    ]
    before = {name: meter() for name, meter in meters.items()}
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    failed = [lat for done, lat, _ in outcomes if done is None]
    if failed:
        raise RuntimeError(failed[0])
    total = sum(done for done, _, _ in outcomes)
    lat = [1000 * v for _, values, _ in outcomes for v in values]
    cpu = {"clients": sum(c for _, _, c in outcomes)}
    cpu.update({name: meter() - before[name] for name, meter in meters.items()})
    return {
        "path": kind,
        "holds": total,
        "holds_per_s": round(total / seconds, 1),
        "p50_ms": round(_pct(lat, 0.5), 2),
        "p95_ms": round(_pct(lat, 0.95), 2),
        "cpu_ms_per_hold": {name: round(1000 * v / max(1, total), 2) for name, v in cpu.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="the web channel over HTTP: latency, server CPU, holds/s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--no-throughput", action="store_true", help="only the uncontended figures")
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternate HTTP and services throughput runs this often (median ratio)"
    )
    parser.add_argument("--client-cpus", type=_cpus, help="pin both paths' client processes to these CPUs (e.g. 1)")
    parser.add_argument("--server-cpus", type=_cpus, help="pin the web server and PostgreSQL to these CPUs (e.g. 0)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from arena import make_arena

    from boxoffice.db.embedded import start_embedded, stop_embedded
    from boxoffice.services import demo

    base = Path(tempfile.mkdtemp(prefix="boxoffice-webbench-"))
    try:
        url = start_embedded(base / "pgdata", database="webbench")
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=30)
        _, (arena,) = make_arena(
            url, seats=1000 if args.no_throughput else 60_000, title="Web bench", first_start=start
        )
        from boxoffice.db.engine import make_engine, make_session_factory

        engine = make_engine(url)
        with make_session_factory(engine)() as session:
            demo.ensure_demo(session, days=3, staff=False)  # today's may have closed already
            session.commit()
        engine.dispose()
        with psycopg.connect(_libpq(url)) as conn:
            showtime, small = theatre_showtime(conn)
            big = [
                r[0]
                for r in conn.execute("SELECT seat_id FROM inventory WHERE showtime_id = %s ORDER BY seat_id", (arena,))
            ]
        from boxoffice.rehearsal.cores import NOTABLE_STEAL, read_steal_ticks, steal_share
        from boxoffice.rehearsal.pinning import DatabasePin, local_postmaster, tree_cpu

        database = DatabasePin(local_postmaster(_libpq(url)), args.server_cpus)
        database.apply()
        server = Server(url, base, args.workers, args.threads, args.server_cpus)
        load_before, steal_before = os.getloadavg()[0], read_steal_ticks()
        rounds: list[tuple[dict, dict]] = []
        same_holds: list[dict] = []
        try:
            rows = uncontended(server, url, showtime, small, min(args.requests, len(small) - 1))
            _release_all(url)
            if args.no_throughput:
                none = {"path": "-", "holds": 0, "holds_per_s": float("nan"), "p50_ms": 0, "p95_ms": 0}
                rounds.append((none, none))
            meters = {"web server": server.cpu}
            if database.postmaster is not None:
                postmaster = database.postmaster
                meters["PostgreSQL"] = lambda: tree_cpu(postmaster, reaped=True) or 0.0
            third = len(big) // 3
            for _ in range(0 if args.no_throughput else args.rounds):
                # alternated, so that the machine's other work weighs on every path alike
                run = (args.clients, args.seconds, args.client_cpus, meters)
                http = throughput("http", server.url, arena, big[:third], *run)
                services = throughput("services", url, arena, big[third : 2 * third], *run)
                same = throughput("web-services", url, arena, big[2 * third :], *run)
                _release_all(url)  # the next round holds the same seats again
                rounds.append((http, services))
                same_holds.append(same)
        finally:
            server.stop()
            database.restore()
        steal = steal_share(steal_before, read_steal_ticks())  # the host's share of the CPUs (docs/rehearsal.md)
    finally:
        stop_embedded(base / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(base, ignore_errors=True)
    ratios = sorted(h["holds_per_s"] / s["holds_per_s"] for h, s in rounds)
    same_ratios = (
        sorted(h["holds_per_s"] / w["holds_per_s"] for (h, _), w in zip(rounds, same_holds, strict=True))
        if same_holds  # none with --no-throughput
        else []
    )
    http, services = sorted(rounds, key=lambda hs: hs[0]["holds_per_s"] / hs[1]["holds_per_s"])[len(rounds) // 2]
    by_what = {r["what"]: r for r in rows}
    hold, unchanged = by_what["POST hold (one seat)"], by_what["GET map, unchanged (If-None-Match: 304)"]
    results = {
        "workers": args.workers,
        "threads": args.threads,
        "uncontended": rows,
        "holds_http": http,
        "holds_services": services,
        "ratio_http_to_services": round(ratios[len(ratios) // 2], 2),
        "ratios_per_round": [round(r, 2) for r in ratios],
        "holds_web_services": same_holds,
        "ratio_http_to_same_web_hold_through_services": (
            round(same_ratios[len(same_ratios) // 2], 2) if same_ratios else None
        ),
        "targets": {
            "uncontended HTTP hold p50 ms (< 10)": hold["p50_ms"],
            "server CPU ms per hold (< 3)": hold["server_cpu_ms_per_request"],
            "server CPU ms per unchanged map (< 1)": unchanged["server_cpu_ms_per_request"],
            "holds/s over HTTP / through the services (>= 0.5)": round(ratios[len(ratios) // 2], 2),
        },
        "pinning": {
            "client_cpus": sorted(args.client_cpus) if args.client_cpus else None,
            "server_cpus": sorted(args.server_cpus) if args.server_cpus else None,
            "database_pinned": database._old is not None,
        },
        "load_average_before": round(load_before, 2),
        "load_average": os.getloadavg(),
        "steal_share": None if steal is None else round(steal, 4),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"boxoffice web --workers {args.workers} --threads {args.threads} (load average {os.getloadavg()[0]:.1f})")
    print(f"  {'request':42s} {'p50 ms':>7s} {'p95 ms':>7s} {'Server-Timing p50':>18s} {'server CPU ms/req':>18s}")
    for r in rows:
        print(
            f"  {r['what']:42s} {r['p50_ms']:7.2f} {r['p95_ms']:7.2f} {r['server_timing_p50_ms']:18.2f} "
            f"{r['server_cpu_ms_per_request']:18.2f}"
        )
    for i, (h, sv) in enumerate(rounds):
        for t in (h, sv, *same_holds[i : i + 1]):
            cpu = ", ".join(f"{k} {v}" for k, v in t.get("cpu_ms_per_hold", {}).items())
            print(
                f"  holds/s {t['path']:12s}: {t['holds_per_s']:7.1f}  (p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms; "
                f"CPU ms per hold: {cpu})"
            )
    print(
        f"  ratio HTTP / services (a till's hold, bo_hold): {results['ratio_http_to_services']} "
        f"(median of rounds {results['ratios_per_round']}; {args.clients} client processes, {args.seconds:.0f} s each)"
    )
    if results["ratio_http_to_same_web_hold_through_services"] is not None:
        print(
            "  ratio HTTP / the same web hold through the services (bo_web_hold and its limits): "
            f"{results['ratio_http_to_same_web_hold_through_services']}"
        )
    pins = results["pinning"]
    print(
        f"  clients on {pins['client_cpus'] or 'every CPU'}, web server on {pins['server_cpus'] or 'every CPU'}"
        f"{', PostgreSQL too' if pins['database_pinned'] else ''}; load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after" + ("" if steal is None else f", steal {steal:.1%}")
    )
    if steal is not None and steal >= NOTABLE_STEAL:
        print(f"  STEAL {steal:.1%}: the host ran other guests on these CPUs; every figure above is inflated by it")
    print("  issue 14's targets:")
    for name, value in results["targets"].items():
        limit = float(re.search(r"([\d.]+)\)$", name).group(1))  # type: ignore[union-attr]
        met = value >= limit if ">=" in name else value < limit
        print(f"    {name:52s} {value:7.2f}  {'met' if met else 'NOT MET'}")
    return 0


def _cpus(text: str) -> frozenset[int]:
    """``"0"``, ``"1,3"``, ``"2-3"`` as a set of CPUs."""
    cpus: set[int] = set()
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return frozenset(cpus)


if __name__ == "__main__":
    raise SystemExit(main())
