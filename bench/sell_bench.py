"""Counter figures of issue 2, measured on the real app (embedded PostgreSQL, real window):

* click on a seat -> the seat is held in the database and listed in the basket (p50, p95);
* opening a showtime's seat map (fetch plan and states, build the scene, first paint):
  the demo theatre and a generated 20,000-seat plan;
* the ticket PDF of an order of 10 tickets (80 mm roll and A4).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sell_bench.py [--clicks 120] [--json]

Uses a private temporary data directory; prints a table (or JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402


def bench_clicks(window, runner, clicks: int) -> dict:
    """Click free seats one by one; time from the click to the seatHeld signal (the seat
    is held in the database and its line is in the basket). The basket is cleared every
    4 seats, so holds renew baskets of 1-4 seats as at a real counter."""
    sell = window.sell
    held_at: dict[int, float] = {}
    sell.seatHeld.connect(lambda seat_id: held_at.setdefault(seat_id, time.perf_counter()))
    free = [s.id for s in sell.seat_map.seats if sell.map.visual_state(s.id) == "available"]
    samples = []
    for n, seat_id in enumerate(free[:clicks]):
        pos = sell.map.seat_view_pos(seat_id)
        started = time.perf_counter()
        harness.click(sell.map, pos)
        harness.wait_until(lambda i=seat_id: i in held_at, what=f"seat {seat_id} held")
        samples.append(held_at[seat_id] - started)
        if n % 4 == 3:
            sell.release_seats(None)
            harness.wait_until(lambda: not runner.busy, what="release")
    sell.release_seats(None)
    harness.wait_until(lambda: not runner.busy, what="release")
    return harness.summary(samples)


def open_map(window, runner, showtime_id: int, repeats: int) -> dict:
    """Open ``showtime_id`` ``repeats`` times: from the call to the seat map painted."""
    sell = window.sell
    samples = []
    for _ in range(repeats):
        sell.seat_map = None
        started = time.perf_counter()
        sell.open_showtime(showtime_id)
        harness.wait_until(
            lambda: sell.seat_map is not None and sell.seat_map.showtime.id == showtime_id, what="seat map"
        )
        sell.map.viewport().repaint()
        samples.append(time.perf_counter() - started)
        harness.wait_until(lambda: not runner.busy, what="idle")
    result = harness.summary(samples)
    result["seats"] = len(sell.seat_map.seats)
    return result


def make_big_showtime(db, seats: int) -> int:
    """Import a generated ``seats``-seat plan for a venue of its own and schedule one
    showtime on it; returns the showtime id."""
    from boxoffice.domain.plan_generator import generate_grid_plan
    from boxoffice.domain.pretix_plan import parse_plan
    from boxoffice.services import setup
    from boxoffice.services.plans import import_plan

    data = generate_grid_plan(seats)
    names = [c.name for c in parse_plan(data).categories]
    with db.session_factory() as session:
        summary_ = import_plan(session, venue_name="Bench Arena", data=data)
        show_id = setup.create_show(session, title="Arena benchmark")
        starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=3)
        showtime_id = setup.schedule_showtime(
            session,
            show_id=show_id,
            plan_id=summary_.plan_id,
            starts_at=starts,
            prices={n: 1000 + 500 * i for i, n in enumerate(names)},
        )
        session.commit()
    return showtime_id


def bench_pdf(db, showtime_id: int, seat_ids: list[int], repeats: int) -> dict:
    """Sell ``seat_ids`` (10) in one order, then time ``render_tickets_pdf`` per layout."""
    from boxoffice.printing.tickets import LAYOUTS, render_tickets_pdf
    from boxoffice.services import inventory, sales, tickets

    token = uuid.uuid4()
    with db.session_factory() as session:
        inventory.hold_seats(
            session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="bench", seconds=120
        )
        total = sales.quote(session, showtime_id=showtime_id, seat_ids=seat_ids).total_minor
        result = sales.sell_cash(
            session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="bench", tendered_minor=total
        )
        views = tickets.order_tickets(session, order_id=result.order_id)
    out = {}
    for layout in LAYOUTS:
        samples, size = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            pdf = render_tickets_pdf(views, layout=layout)
            samples.append(time.perf_counter() - started)
            size = len(pdf)
        out[layout] = {**harness.summary(samples), "tickets": len(views), "bytes": size}
    return out


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--big", type=int, default=20_000, help="seats of the generated plan")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings = harness.temp_settings(hold_seconds=300)
    window, runner, db = harness.open_window(settings)
    results: dict = {}
    try:
        demo_showtime = window.sell.seat_map.showtime.id
        results["click_to_held"] = bench_clicks(window, runner, args.clicks)
        results["open_map_demo"] = open_map(window, runner, demo_showtime, args.repeats)
        started = time.perf_counter()
        big = make_big_showtime(db, args.big)
        results["import_and_schedule_big_s"] = round(time.perf_counter() - started, 2)
        results["open_map_big"] = open_map(window, runner, big, max(3, args.repeats // 2))
        free = [s.id for s in window.sell.seat_map.seats][:10]
        results["pdf_10_tickets"] = bench_pdf(db, big, free, args.repeats)
    finally:
        harness.close_window(window, runner, db, settings)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, value in results.items():
            print(f"{name:28s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
