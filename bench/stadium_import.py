"""Importing the demo stadium and scheduling a showtime on it right after (issue 13 item 4:
import < 5 s, schedule < 2 s at 100,000 seats).

For each size (``--sizes``, seats; the stadium's rows are scaled to reach about that many)
on a private embedded PostgreSQL server, as a manager's own database login (the path a
manager's till takes; ``--as system`` for the system principal):

* ``parse_s``: :func:`parse_plan` alone (schema check and flattening);
* ``import_s``: :func:`boxoffice.services.plans.import_plan` end to end (check, store, audit);
* ``*_cpu_s``: CPU seconds of the benchmark process plus the server process serving it
  (the machine is shared; wall time includes waiting for a core);
* ``schedule_s``: :func:`boxoffice.services.setup.schedule_showtime` on that plan at once
  (new rows, no autovacuum has run yet), with a statement timeout of ``--timeout`` s so a
  bad plan shape shows as a timeout instead of running for minutes.

    .venv/bin/python bench/stadium_import.py [--sizes 50000 100000] [--repeats 1] [--not-for-sale 5] [--json]

``--not-for-sale N`` flags every N-th seat not for sale in the plan editor's way (the
showtime blocks them when it is scheduled).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _backend_cpu(pid: int) -> float:
    """CPU seconds (user + system) the local server process ``pid`` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(fn, backend: int | None = None) -> tuple[float, object, float]:
    """Wall seconds, the result, and CPU seconds of this process plus the backend ``backend``
    (the machine is shared: CPU time shows the work, wall time also the waiting)."""
    started, cpu = time.perf_counter(), time.process_time()
    server = _backend_cpu(backend) if backend else 0.0
    result = fn()
    cpu = time.process_time() - cpu + ((_backend_cpu(backend) - server) if backend else 0.0)
    return time.perf_counter() - started, result, cpu


def stadium_of(seats: int) -> dict:
    """The demo stadium with its rows scaled to about ``seats`` seats."""
    from boxoffice.domain.stadium_generator import demo_stadium

    def count(depth: float) -> int:
        data = demo_stadium(depth=depth)
        return sum(len(r["seats"]) for z in data["zones"] for r in z["rows"])

    full = count(1.0)
    if abs(seats - full) < 0.05 * full:
        return demo_stadium()
    depth = seats / full
    for _ in range(3):  # rows scale, the platforms and rounding do not: correct a few times
        depth *= seats / count(depth)
    return demo_stadium(depth=depth)


def flag_not_for_sale(data: dict, every: int) -> int:
    """Mark every ``every``-th seat of ``data`` not for sale (the plan editor's flag); how many."""
    flags = data.setdefault("x-boxoffice", {}).setdefault("seats", {})
    n = 0
    for i, seat in enumerate(s for z in data["zones"] for r in z["rows"] for s in r["seats"]):
        if i % every == 0:
            flags.setdefault(seat["seat_guid"], {})["not_for_sale"] = True
            n += 1
    return n


def run(url: str, *, sizes: list[int], repeats: int, who: str, timeout: float, not_for_sale: int = 0) -> list[dict]:
    """Measure on the database at ``url`` (migrated here); one dict of seconds per size."""
    from sqlalchemy import text

    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.domain.errors import BoxOfficeError
    from boxoffice.domain.pretix_plan import parse_plan
    from boxoffice.services import auth, setup
    from boxoffice.services.plans import import_plan
    from tests.factories import make_actor

    engine = make_engine(url)
    upgrade(engine)
    out = []
    with make_session_factory(engine)() as session:
        actor = make_actor(session, role="manager") if who == "manager" else None
        auth.act_as(session, actor)
        show_id = setup.create_show(session, title="Cup final", duration_minutes=120)
        start = dt.datetime(2030, 5, 1, 15, tzinfo=dt.UTC)
        for size in sizes:
            data = stadium_of(size)
            flagged = flag_not_for_sale(data, not_for_sale) if not_for_sale else 0
            figures: dict[str, list[float]] = {
                "parse_s": [],
                "import_s": [],
                "import_cpu_s": [],
                "schedule_s": [],
                "schedule_cpu_s": [],
            }
            backend = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            session.rollback()
            seats = errors = 0
            for i in range(repeats):
                t, parsed, _ = _timed(functools.partial(parse_plan, data))
                seats = len(parsed.seats)
                figures["parse_s"].append(t)
                t, summary, cpu = _timed(
                    functools.partial(import_plan, session, venue_name=f"Stadium {size} {i}", data=data), backend
                )
                figures["import_s"].append(t)
                figures["import_cpu_s"].append(cpu)
                session.execute(text(f"SET statement_timeout = '{int(timeout * 1000)}ms'"))
                session.commit()
                try:
                    t, _, cpu = _timed(
                        functools.partial(
                            setup.schedule_showtime,
                            session,
                            show_id=show_id,
                            plan_id=summary.plan_id,
                            starts_at=start + dt.timedelta(days=len(out) * 10 + i),
                            prices={n: 5000 for n in summary.categories},
                        ),
                        backend,
                    )
                except BoxOfficeError as exc:
                    t = cpu = float("nan")
                    errors += 1
                    print(f"schedule at {size}: {type(exc).__name__}: {exc}", file=sys.stderr)
                figures["schedule_s"].append(t)
                figures["schedule_cpu_s"].append(cpu)
                session.rollback()
                session.execute(text("RESET statement_timeout"))
                session.commit()
            out.append(
                {
                    "seats": seats,
                    "not_for_sale": flagged,
                    "as": who,
                    "repeats": repeats,
                    "schedule_errors": errors,
                    "load_avg_1min": round(os.getloadavg()[0], 1),
                    **{k: round(statistics.median(v), 3) for k, v in figures.items()},
                }
            )
    engine.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    """Start a private server, measure, print the figures."""
    parser = argparse.ArgumentParser(description="stadium plan import and scheduling right after")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 100_000])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--as", dest="who", choices=("system", "manager"), default="manager")
    parser.add_argument("--timeout", type=float, default=180.0, help="statement timeout for scheduling (s)")
    parser.add_argument("--not-for-sale", type=int, default=0, metavar="N", help="flag every N-th seat not for sale")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from boxoffice.db.embedded import start_embedded, stop_embedded

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-stadiumbench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="stadiumbench")
        figures = run(
            url,
            sizes=args.sizes,
            repeats=args.repeats,
            who=args.who,
            timeout=args.timeout,
            not_for_sale=args.not_for_sale,
        )
    finally:
        stop_embedded(data_dir / "pgdata")
        shutil.rmtree(data_dir, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
    else:
        for row in figures:
            print("  ".join(f"{k}={v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
