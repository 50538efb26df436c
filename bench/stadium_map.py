"""The seat map of a 100,000-seat stadium in the real app (issue 13, item 4): open time,
memory, first paint, zoom and pan frames, and the data load behind it; the demo theatre's
open time for comparison.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/stadium_map.py [--plan-file PLAN.json]
        [--grid N] [--repeats 5] [--sold 0.5] [--size 1366x768] [--json]

The plan is the demo stadium (``boxoffice.domain.stadium_generator``, or ``--plan-file``,
a pretix JSON), else a generated grid (``--grid``). It is imported into a private embedded
database, a showtime is scheduled, ``--sold`` of its seats are marked sold (straight SQL:
a benchmark's set-up, not a sale) and four seats are held in this till's basket. Then:

* ``data``: the sell screen's load on the worker thread, per service call
  (``open_showtime`` is the whole of it, one transaction; ``load_seat_map`` cold reads the
  plan's layout, warm finds it in the process's cache);
* ``stadium_first_open``: the first opening on a till (nothing of the plan in the process:
  :func:`~boxoffice.services.plan_layout.forget_layouts` before each), ``stadium_second_showtime``
  the first opening of another showtime on the same plan, ``stadium`` re-opening it; each
  from ``SellScreen.open_showtime`` to the map painted (data + build + paint), with ``build``
  (the GUI thread's share: scene, states) and ``first_paint``;
* ``open_cpu``: the CPU time of this process (GUI and worker threads) during an opening,
  the figure that says what the client costs on a shared machine (the database server's
  share is not in it);
* ``rss_growth_mb``: resident memory after the first open minus before;
* ``frames``: every zoom step (x1.2, fit to the deepest zoom, about the centre) and pans
  of a quarter view at each level, each a full repaint of the viewport (as a real pan is);
* ``theatre_frames``, ``stadium_frames``: zoom, pan, live-update and level-switch frames
  per level of detail, and the overall p95 (``bench/map_frames.py``), printed as a table.

Times are wall clock and CPU time of the GUI thread (``thread_time``): on a shared
machine the CPU figure is the one that says what the code costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402
import map_frames  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    import psutil

    return psutil.Process(os.getpid()).memory_info().rss / 1e6


def plan_data(args) -> dict:
    """The plan to measure, as a pretix dict."""
    if args.plan_file:
        return json.loads(Path(args.plan_file).read_text(encoding="utf-8"))
    if args.grid is None:
        try:
            from boxoffice.domain.stadium_generator import demo_stadium

            return demo_stadium()
        except ImportError:
            args.grid = 100_000
    from boxoffice.domain.plan_generator import generate_grid_plan

    return generate_grid_plan(args.grid, zones_per_line=5)


def make_showtime(db, data: dict, sold: float) -> tuple[int, dict]:
    """Import ``data`` as a venue of its own, schedule a showtime in 3 hours and another
    one day later, mark ``sold`` of each one's seats sold; returns the first showtime's id
    and the set-up timings (``second_showtime``: the other's id)."""
    from sqlalchemy import text

    from boxoffice.services import setup
    from boxoffice.services.plans import import_plan

    timings = {}
    with db.session_factory() as session:
        started = time.perf_counter()
        summary = import_plan(session, venue_name="Bench Stadium", data=data)
        session.commit()
        timings["import_s"] = round(time.perf_counter() - started, 1)
        session.execute(text("ANALYZE seat"))  # fresh rows, no statistics yet: see issue 13's import figure
        session.commit()
        names = [c["name"] for c in data.get("categories", [])]
        show_id = setup.create_show(session, title="Stadium benchmark")
        started = time.perf_counter()
        showtime_id = setup.schedule_showtime(
            session,
            show_id=show_id,
            plan_id=summary.plan_id,
            starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=3),
            prices={n: 2000 + 500 * i for i, n in enumerate(names)},
        )
        session.commit()
        timings["schedule_s"] = round(time.perf_counter() - started, 1)
        timings["second_showtime"] = setup.schedule_showtime(
            session,
            show_id=show_id,
            plan_id=summary.plan_id,
            starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=27),
            prices={n: 2000 + 500 * i for i, n in enumerate(names)},
        )
        session.commit()
        if sold > 0:
            for st, salt in ((showtime_id, ""), (timings["second_showtime"], "b")):
                session.execute(
                    text(
                        "UPDATE inventory SET state = 'sold' WHERE showtime_id = :st "
                        "AND (hashtext(seat_id::text || :salt) & 1023) < :cut"
                    ),
                    {"st": st, "cut": int(sold * 1024), "salt": salt},
                )
            session.commit()
    vacuum(db)
    return showtime_id, timings


def vacuum(db) -> None:
    """What autovacuum does on its own within a minute of half a stadium being sold: the
    benchmark's bulk UPDATE leaves 100,000 dead row versions and no planner statistics."""
    from sqlalchemy import text

    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE inventory"))


def bench_data(db, showtime_id: int, repeats: int) -> dict:
    """The sell screen's load, call by call (as its worker thread runs it)."""
    from boxoffice.services import catalog, general_admission, inventory, plan_layout, sales

    def cold(session):
        plan_layout.forget_layouts()
        return catalog.load_seat_map(session, showtime_id=showtime_id)

    calls = {
        "open_showtime": lambda s: catalog.open_showtime(s, showtime_id=showtime_id),
        "load_seat_map_cold": cold,
        "load_seat_map_warm": lambda s: catalog.load_seat_map(s, showtime_id=showtime_id),
        "taken_seats": lambda s: inventory.taken_seats(s, showtime_id=showtime_id),
        "seat_states_taken_only": lambda s: inventory.seat_states(s, showtime_id=showtime_id, taken_only=True),
        "ticket_prices": lambda s: sales.ticket_prices(s, showtime_id=showtime_id),
        "area_states": lambda s: general_admission.area_states(s, showtime_id=showtime_id),
    }
    out = {}
    for name, call in calls.items():
        samples = []
        for _ in range(repeats):
            with db.session_factory() as session:
                started = time.perf_counter()
                call(session)
                samples.append(time.perf_counter() - started)
        out[name] = harness.summary(samples)
    return out


def wait_for_open(sell, showtime_id: int, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``showtime_id``'s map is shown (the screen says "Opened
    ..."), idle in between as the real app is (no polling: a thread that polls takes the
    GIL from the worker every half millisecond)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()

    def check(_text: str = "") -> None:
        if sell.seat_map is not None and sell.seat_map.showtime.id == showtime_id:
            loop.quit()

    sell.message.connect(check)
    QTimer.singleShot(timeout_ms, loop.quit)
    try:
        check()
        if not (sell.seat_map is not None and sell.seat_map.showtime.id == showtime_id):
            loop.exec()
    finally:
        sell.message.disconnect(check)
    if sell.seat_map is None or sell.seat_map.showtime.id != showtime_id:
        raise TimeoutError("the seat map did not open")


def open_map(window, runner, showtime_id: int, repeats: int, *, cold: bool = False) -> dict:
    """Open ``showtime_id`` ``repeats`` times: whole open, GUI build and first paint;
    ``cold``: as the first opening on a till (the process's plan layouts forgotten first)."""
    from boxoffice.services import plan_layout

    sell = window.sell
    view = sell.map
    whole, whole_cpu, build, paint, build_cpu, paint_cpu = [], [], [], [], [], []
    original = view.set_map
    marks: dict[str, float] = {}

    def timed_set_map(seat_map):
        marks["build"], marks["build_cpu"] = time.perf_counter(), time.thread_time()
        original(seat_map)

    view.set_map = timed_set_map
    try:
        for _ in range(repeats):
            sell.seat_map = None
            marks.clear()
            if cold:
                plan_layout.forget_layouts()
            started, started_cpu = time.perf_counter(), time.process_time()
            sell.open_showtime(showtime_id)
            wait_for_open(sell, showtime_id)
            built, built_cpu = time.perf_counter(), time.thread_time()
            view.viewport().repaint()
            painted, painted_cpu = time.perf_counter(), time.thread_time()
            whole.append(painted - started)
            whole_cpu.append(time.process_time() - started_cpu)
            build.append(built - marks["build"])
            build_cpu.append(built_cpu - marks["build_cpu"])
            paint.append(painted - built)
            paint_cpu.append(painted_cpu - built_cpu)
            harness.wait_until(lambda: not runner.busy, what="idle")
            # a cashier looks at the map before opening another: its idle-time pictures are made
            harness.wait_until(lambda: not view.idle_work_pending(), what="idle-time pictures", timeout=30)
    finally:
        view.set_map = original
    return {
        "seats": len(sell.seat_map.seats),
        "open": harness.summary(whole),
        "open_cpu": harness.summary(whole_cpu),
        "build": harness.summary(build),
        "build_cpu": harness.summary(build_cpu),
        "first_paint": harness.summary(paint),
        "first_paint_cpu": harness.summary(paint_cpu),
        "level_at_fit": view.level(),
        "samples": {
            "open": whole,
            "open_cpu": whole_cpu,
            "build": build,
            "build_cpu": build_cpu,
            "first_paint": paint,
            "first_paint_cpu": paint_cpu,
        },
    }


def headline(results: dict) -> str:
    """The issue's figures in a few lines: opens (p50 / p95), first paint, memory."""

    def fig(name: str, what: str = "open") -> str:
        r = results[name][what]
        return f"p50 {r['p50_ms']:.0f} / p95 {r['p95_ms']:.0f} ms"

    return "\n".join(
        [
            "-- issue 13 figures (targets: stadium open < 600 ms, theatre < 50 ms, first paint < 100 ms, RSS < 200 MB)",
            f"theatre open: first {fig('theatre_first_open')}, again {fig('theatre')}",
            f"stadium open: first on the till {fig('stadium_first_open')}, "
            f"second showtime of the plan {fig('stadium_second_showtime')}, again {fig('stadium')}",
            f"stadium open, CPU of this process (GUI + worker threads): first {fig('stadium_first_open', 'open_cpu')}, "
            f"again {fig('stadium', 'open_cpu')}; theatre again {fig('theatre', 'open_cpu')}",
            f"stadium build (GUI thread): first {fig('stadium_first_open', 'build')}, again {fig('stadium', 'build')}",
            f"stadium first paint: {fig('stadium', 'first_paint')}",
            f"stadium RSS growth: {results['rss_growth_mb']} MB after the first open, "
            f"{results['rss_after_frames_mb']} MB after zooming through every level",
            "load average: " + " ".join(f"{v:.1f}" for v in results["load_average"]),
        ]
    )


def merge(a: dict, b: dict) -> dict:
    """Two :func:`open_map` results as one (their samples pooled)."""
    out = dict(b)
    for key in ("open", "open_cpu", "build", "build_cpu", "first_paint", "first_paint_cpu"):
        out[key] = harness.summary(a["samples"][key] + b["samples"][key])
    out["samples"] = {k: a["samples"][k] + b["samples"][k] for k in a["samples"]}
    return out


def frame(view) -> tuple[float, float]:
    """One full repaint of the map: (wall, CPU) seconds."""
    started, cpu = time.perf_counter(), time.thread_time()
    view.viewport().repaint()
    return time.perf_counter() - started, time.thread_time() - cpu


def bench_frames(view) -> dict:
    """Zoom from fit to the deepest zoom in x1.2 steps, panning a quarter view four ways
    at every other step; per level of detail and overall."""
    view.fit_all()
    harness.wait_until(lambda: not view._prepare_timer.isActive(), what="dots pictures", timeout=30)
    frame(view)
    by_level: dict[str, list[tuple[float, float]]] = {}
    step = 0
    while True:
        before = view.transform().m11()
        view.zoom_by(1.2)
        if abs(view.transform().m11() - before) < 1e-9 * before:
            break
        by_level.setdefault(view.level(), []).append(frame(view))
        step += 1
        if step % 2 == 0:
            w, h = view.viewport().width() // 4, view.viewport().height() // 4
            for dx, dy in ((w, 0), (0, h), (-w, 0), (0, -h)):
                view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
                view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
                by_level.setdefault(view.level(), []).append(frame(view))
    out = {}
    every = [f for frames in by_level.values() for f in frames]
    for name, frames in [*by_level.items(), ("all", every)]:
        out[name] = {
            "wall": harness.summary([w for w, _ in frames]),
            "cpu": harness.summary([c for _, c in frames]),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan-file", help="a pretix plan JSON (default: the demo stadium)")
    parser.add_argument("--grid", type=int, help="a generated grid of N seats instead")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sold", type=float, default=0.5, help="share of seats sold (default: %(default)s)")
    parser.add_argument("--size", default="1366x768", help="window size (default: %(default)s)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    settings = harness.temp_settings(hold_seconds=600)
    window, runner, db = harness.open_window(settings, size=(width, height))
    results: dict = {}
    try:
        sell = window.sell
        theatre = sell.seat_map.showtime.id
        results["theatre_first_open"] = open_map(window, runner, theatre, args.repeats, cold=True)
        results["theatre"] = open_map(window, runner, theatre, args.repeats)
        results["theatre_frames"] = map_frames.frame_figures(sell.map)
        data = plan_data(args)
        showtime_id, results["setup"] = make_showtime(db, data, args.sold)
        del data
        gc.collect()
        before = rss_mb()
        results["stadium_first_open"] = open_map(window, runner, showtime_id, 1, cold=True)
        results["rss_growth_mb"] = round(rss_mb() - before, 1)
        first = results["stadium_first_open"]
        results["stadium_second_showtime"] = open_map(window, runner, results["setup"]["second_showtime"], 1)
        results["stadium"] = open_map(window, runner, showtime_id, args.repeats)
        seats = [s.id for s in sell.seat_map.seats if sell.map.state_of(s.id) == "available"][5000:5004]
        for seat_id in seats:
            sell.hold_seat(seat_id)
            harness.wait_until(lambda i=seat_id: i in sell.basket.lines, what="a seat held")
        results["frames"] = bench_frames(sell.map)
        results["rss_after_frames_mb"] = round(rss_mb() - before, 1)
        results["stadium_frames"] = map_frames.frame_figures(sell.map)
        sell.release_seats(None)
        harness.wait_until(lambda: not runner.busy, what="release")
        if args.repeats > 1:  # more first openings (each forgets the plan first), for p50 / p95
            more = open_map(window, runner, showtime_id, args.repeats - 1, cold=True)
            results["stadium_first_open"] = merge(first, more)
        results["data"] = bench_data(db, showtime_id, args.repeats)
    finally:
        harness.close_window(window, runner, db, settings)
    results["load_average"] = os.getloadavg()
    for value in results.values():
        if isinstance(value, dict):
            value.pop("samples", None)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, value in results.items():
            if not name.endswith("_frames"):
                print(f"{name:24s} {json.dumps(value)}")
        for name in ("theatre_frames", "stadium_frames"):
            print(map_frames.table(name, results[name]))
        print(headline(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
