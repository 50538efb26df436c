"""What the web channel's safety costs and saves, on the embedded PostgreSQL server in a
temporary directory and a real ``boxoffice web`` process (Linux: memory from /proc):

* **big bodies**: six clients POST 100 MB each to ``/bookings`` at once (chunked, and
  with a declared ``Content-Length``); the server's resident memory before and at its
  peak (VmHWM), how much each client got to send before the answer, and the statuses;
* **hold cost**: one single-seat hold and its release over HTTP, sequentially, p50 / p95
  in ms (the hold now runs ``bo_web_hold``: two row locks, two counts);
* **database cost**: ``bo_hold`` and ``bo_web_hold`` round trips with commit,
  interleaved, as the superuser; p50 / p95 in ms.

    .venv/bin/python bench/web_safety_bench.py [--rounds 300] [--source DIR] [--json]

``--source DIR`` runs everything (migrations, the web server) from another checkout's
``boxoffice`` package, e.g. ``git archive`` of main before issue 14, to compare; the
database figures (``bo_web_hold``) are then left out.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

BIG = 100 * 1024 * 1024
CHUNK = 256 * 1024
CLIENTS = 6


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 3), "p95_ms": round(_pct(ms, 0.95), 3)}


def _memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now (VmRSS) and at its peak (VmHWM), in MB, of ``pid``."""
    found = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M))
    return {k: round(int(v) / 1024, 1) for k, v in found.items()}


def _start_web(url: str, log: Path, source: str | None) -> tuple[subprocess.Popen, str]:
    import httpx

    env = dict(
        os.environ,
        BOXOFFICE_DATABASE_URL=url,
        BOXOFFICE_WEBHOOK_SECRET="bench-secret-0123456789abcdef0123456789",
        BOXOFFICE_WEB_TEST_GATEWAY="1",
        BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP="1000000",
        BOXOFFICE_TIDY_SECONDS="3600",
    )
    if source:
        env["PYTHONPATH"] = source
    out = open(log, "wb")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(  # -m puts the working directory first on sys.path
        [sys.executable, "-m", "boxoffice", "web", "--port", "0"], env=env, stderr=out, stdout=out, cwd=source or ROOT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(rb"serving on (http://[^/\s]+)/", log.read_bytes())
        if found:
            base = found.group(1).decode()
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    return server, base
            except httpx.HTTPError:
                pass
        time.sleep(0.1)
    server.kill()
    raise RuntimeError(log.read_text(errors="replace"))


async def _big_posts(base: str, declared: bool) -> list[dict]:
    import httpx

    async def one() -> dict:
        sent = 0

        async def body():
            nonlocal sent
            block = b" " * CHUNK
            while sent < BIG:
                sent += CHUNK
                yield block

        headers = {"Content-Type": "application/json"}
        if declared:
            headers["Content-Length"] = str(BIG)
        started = time.perf_counter()
        try:
            async with httpx.AsyncClient(timeout=120) as client:
                response = await client.post(f"{base}/bookings", content=body(), headers=headers)
            status: int | str = response.status_code
        except httpx.HTTPError as exc:  # the server answered and closed while we were still sending
            status = type(exc).__name__
        return {"status": status, "sent_mb": round(sent / 2**20, 1), "seconds": round(time.perf_counter() - started, 2)}

    return list(await asyncio.gather(*(one() for _ in range(CLIENTS))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--source", help="run the web server from this directory's boxoffice package")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, args.source or str(ROOT))

    import httpx
    import psycopg
    from arena import make_arena
    from sqlalchemy.engine import make_url

    from boxoffice.db.embedded import start_embedded, stop_embedded

    folder = Path(tempfile.mkdtemp(prefix="bo-websafe-bench-"))
    server = None
    try:
        url = start_embedded(folder / "pgdata")
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
        _, (st,) = make_arena(url, seats=2 * args.rounds + 10, title="Safety bench", first_start=starts)
        server, base = _start_web(url, folder / "web.log", args.source)
        figures: dict = {"source": args.source or "this checkout"}
        figures["memory_idle_mb"] = _memory_mb(server.pid)
        for declared in (False, True):
            answers = asyncio.run(_big_posts(base, declared))
            figures["declared" if declared else "chunked"] = {"answers": answers, "memory_mb": _memory_mb(server.pid)}

        with psycopg.connect(plain, autocommit=True) as conn:
            seat_ids = [
                r[0] for r in conn.execute("SELECT seat_id FROM inventory WHERE showtime_id = %s ORDER BY 1", (st,))
            ]
        http_ms = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for i in range(args.rounds):
                started = time.perf_counter()
                hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seat_ids[i]]})
                http_ms.append((time.perf_counter() - started) * 1000)
                if hold.status_code == 201:
                    client.delete(f"/showtimes/{st}/holds/{hold.json()['hold_token']}")
        figures["http_hold"] = _summary(http_ms)
        if args.source:
            return _report(figures, args.json)

        plain_ms, web_ms = [], []
        limits = "CAST(ROW(10, 20, 100000, 100000, 100000) AS bo_web_limits)"
        with psycopg.connect(plain) as conn:
            for i in range(args.rounds):
                seat = seat_ids[args.rounds + i]
                for sql, into in (
                    ("SELECT bo_hold(%s, %s, %s, 'web', 60)", plain_ms),
                    (f"SELECT bo_web_hold(%s, %s, %s, 60, 'bench', '192.0.2.1', {limits})", web_ms),
                ):
                    started = time.perf_counter()
                    conn.execute(sql, (st, [seat], uuid.uuid4()))
                    conn.commit()
                    into.append((time.perf_counter() - started) * 1000)
                    conn.execute(
                        "UPDATE inventory SET state = 'available', hold_token = NULL, hold_channel = NULL, "
                        "hold_expires_at = NULL WHERE showtime_id = %s AND seat_id = %s",
                        (st, seat),
                    )
                    conn.commit()
        figures["db_bo_hold"] = _summary(plain_ms)
        figures["db_bo_web_hold"] = _summary(web_ms)
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        stop_embedded(folder / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(folder, ignore_errors=True)
    return _report(figures, args.json)


def _report(figures: dict, as_json: bool) -> int:
    print(json.dumps(figures, indent=None if as_json else 2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
