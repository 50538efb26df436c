"""Set-up writes at scale: importing a seating plan (the demo theatre, a generated grid
plan of ``--seats`` seats), scheduling a showtime on the big plan (its inventory), saving
the big plan again as a new version from the plan editor, and moving the showtime to it.

Each figure is the median of ``--repeats`` runs of the real service function on a private
embedded PostgreSQL server, as the system principal or (``--as manager``) as a manager's
own database login played through ``auth.act_as`` — the path a manager's till takes.

    .venv/bin/python bench/setup_import.py [--seats 20000] [--repeats 3] [--as manager] [--json]
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
from pathlib import Path


def _timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def run(url: str, *, seats: int, repeats: int, who: str) -> dict:
    """Measure on the database at ``url`` (migrated here); returns seconds per step."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.db.migrate import upgrade
    from boxoffice.domain.plan_generator import demo_theatre, generate_grid_plan
    from boxoffice.services import auth, plan_editor, setup
    from boxoffice.services.plans import import_plan

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.factories import make_actor

    engine = make_engine(url)
    upgrade(engine)
    figures: dict[str, list[float]] = {
        "import_demo_s": [],
        "import_grid_s": [],
        "schedule_grid_s": [],
        "save_grid_version_s": [],
        "migrate_grid_showtime_s": [],
    }
    demo, grid = demo_theatre(), generate_grid_plan(seats)
    with make_session_factory(engine)() as session:
        actor = make_actor(session, role="manager") if who == "manager" else None
        auth.act_as(session, actor)
        start = dt.datetime(2030, 1, 1, 19, tzinfo=dt.UTC)
        show_id = setup.create_show(session, title="Bench", duration_minutes=60)
        for i in range(repeats):
            t, _ = _timed(lambda: import_plan(session, venue_name=f"Demo {i}", data=demo))
            figures["import_demo_s"].append(t)
            t, summary = _timed(lambda: import_plan(session, venue_name=f"Arena {i}", data=grid))
            figures["import_grid_s"].append(t)
            names = summary.categories
            t, showtime_id = _timed(
                lambda: setup.schedule_showtime(
                    session,
                    show_id=show_id,
                    plan_id=summary.plan_id,
                    starts_at=start + dt.timedelta(days=i),
                    prices={n: 1000 for n in names},
                )
            )
            figures["schedule_grid_s"].append(t)
            loaded = plan_editor.load_plan(session, plan_id=summary.plan_id)
            t, saved = _timed(
                lambda: plan_editor.save_plan_version(
                    session, venue_name=f"Arena {i}", plan_name=loaded.name, plan=loaded.plan, based_on=summary.plan_id
                )
            )
            figures["save_grid_version_s"].append(t)
            t, _ = _timed(
                lambda: plan_editor.migrate_showtime(session, showtime_id=showtime_id, new_plan_id=saved.plan_id)
            )
            figures["migrate_grid_showtime_s"].append(t)
    engine.dispose()
    return {
        "seats": seats,
        "as": who,
        "repeats": repeats,
        **{k: round(statistics.median(v), 3) for k, v in figures.items()},
    }


def main(argv: list[str] | None = None) -> int:
    """Start a private server, measure, print the figures."""
    parser = argparse.ArgumentParser(description="set-up writes at scale (plan import, scheduling)")
    parser.add_argument("--seats", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--as", dest="who", choices=("system", "manager"), default="system")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from boxoffice.db.embedded import start_embedded, stop_embedded

    data_dir = Path(tempfile.mkdtemp(prefix="boxoffice-setupbench-"))
    try:
        url = start_embedded(data_dir / "pgdata", database="setupbench")
        figures = run(url, seats=args.seats, repeats=args.repeats, who=args.who)
    finally:
        stop_embedded(data_dir / "pgdata")  # before its folder goes, or it would outlive it
        shutil.rmtree(data_dir, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>26}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
