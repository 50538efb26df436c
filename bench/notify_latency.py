"""Live seat maps: from another connection's commit of a hold to the seat drawn in its
new look in the open seat map of the real app (embedded PostgreSQL, real window).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/notify_latency.py [--changes 200] [--json]

For each change, "the web" holds one free seat in a transaction of its own on its own
connection; the clock starts just before its COMMIT. Reported (p50, p95, max):

* ``commit``: the COMMIT round trip itself;
* ``to_notified``: the feed's thread receives the notification;
* ``to_applied``: the GUI thread has fetched the change and put it on the map;
* ``to_painted``: the seat's row chunk has been painted in its new look (repaint done;
  seen by the polling loop, so up to about a millisecond late).

Then a burst: ``--burst`` holds committed back to back, one transaction each; reported
are the notifications received, the fetches made (coalesced) and the time from the last
commit until every seat is drawn.

The app is driven by processing its events in a tight loop (as ``tools/harness.py`` does);
timings have about a millisecond of granularity. Uses a private temporary data directory.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402
import psycopg  # noqa: E402

from boxoffice.db.feed import libpq_url  # noqa: E402
from boxoffice.ui.seatmap.live import OVERLAP_SECONDS  # noqa: E402


def summary(values_s: list[float]) -> dict:
    """Latency figures in milliseconds, two decimals (timings here are around a millisecond)."""
    return harness.summary(values_s, digits=2)


class Probe:
    """Watches one seat: its state on the map, and whether its row chunk was painted
    since the state changed (a chunk rebuilds its draw batches only in ``paint()``)."""

    def __init__(self, view, seat_id: int) -> None:
        store = view._store
        self.view, self.seat_id = view, seat_id
        self.chunk = store.chunks[store.chunk_of[view._index[seat_id]]]

    def applied(self, look: str) -> bool:
        return self.view.visual_state(self.seat_id) == look

    def painted(self) -> bool:
        return self.chunk._groups is not None or self.chunk._dots is not None


def settle(seconds: float) -> None:
    """Process events for ``seconds``."""
    end = time.perf_counter() + seconds
    harness.wait_until(lambda: time.perf_counter() >= end, timeout=seconds + 5, what="a pause")


def main(argv: list[str] | None = None) -> int:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings = harness.temp_settings(till_name="bench")
    window, runner, db = harness.open_window(settings)
    sell, view = window.sell, window.sell.map
    notified: list[float] = []
    lock = threading.Lock()

    def heard(_showtime_id: int) -> None:  # the feed's thread
        with lock:
            notified.append(time.perf_counter())

    window.live.feed.add_listener(heard)
    rows: list[int] = []
    watch: dict = {}  # seat id -> when the map first showed it held online
    apply = sell.sync._apply

    def timed_apply(snapshot, full: bool) -> None:
        apply(snapshot, full)
        rows.append(len(snapshot.states))
        seat_id = watch.get("seat")
        if seat_id is not None and "at" not in watch and view.visual_state(seat_id) == "web":
            watch["at"] = time.perf_counter()

    sell.sync._apply = timed_apply
    web = psycopg.connect(libpq_url(db.url))
    results: dict = {}
    try:
        harness.wait_until(lambda: window.live.status.live and not sell.sync.busy, what="the live feed")
        settle(OVERLAP_SECONDS + 0.5)  # past the re-read window that follows opening a map
        showtime = sell.seat_map.showtime.id
        free = [s.id for s in sell.seat_map.seats if view.visual_state(s.id) == "available"]
        random.Random(7).shuffle(free)
        needed = 10 + args.changes + args.burst
        if len(free) < needed:
            raise SystemExit(f"only {len(free)} free seats; lower --changes or --burst")
        commit, to_notified, to_applied, to_painted = [], [], [], []
        rows.clear()
        fetches = sell.sync.fetches
        for n, seat_id in enumerate(free[: 10 + args.changes]):
            probe = Probe(view, seat_id)
            watch.clear()
            watch["seat"] = seat_id
            web.execute("SELECT bo_hold(%s, %s, %s, 'web', 600)", (showtime, [seat_id], uuid.uuid4()))
            with lock:
                before = len(notified)
            started = time.perf_counter()
            web.commit()
            committed = time.perf_counter()
            harness.wait_until(
                lambda p=probe: p.applied("web") and p.painted(),
                timeout=10,
                what=f"seat {seat_id} drawn as held online",
            )
            painted = time.perf_counter()
            applied = watch["at"]
            if n >= 10:  # the first ten warm up caches and sprites
                with lock:
                    heard_at = notified[before] if len(notified) > before else float("nan")
                commit.append(committed - started)
                to_notified.append(heard_at - started)
                to_applied.append(applied - started)
                to_painted.append(painted - started)
            settle(random.uniform(0.005, 0.025))
        results["single_changes"] = {
            "commit": summary(commit),
            "to_notified": summary(to_notified),
            "to_applied": summary(to_applied),
            "to_painted": summary(to_painted),
            "fetches": sell.sync.fetches - fetches,
            "rows_per_fetch": round(sum(rows) / max(1, len(rows)), 1),
        }

        burst = free[10 + args.changes : 10 + args.changes + args.burst]
        probes = [Probe(view, s) for s in burst]
        settle(0.2)
        with lock:
            before = len(notified)
        fetches = sell.sync.fetches
        for seat_id in burst:
            web.execute("SELECT bo_hold(%s, %s, %s, 'web', 600)", (showtime, [seat_id], uuid.uuid4()))
            web.commit()
        last_commit = time.perf_counter()
        harness.wait_until(
            lambda: all(p.applied("web") and p.painted() for p in probes), timeout=20, what="the burst on the map"
        )
        done = time.perf_counter()
        settle(0.3)
        with lock:
            heard_count = len(notified) - before
        results["burst"] = {
            "commits": len(burst),
            "notifications": heard_count,
            "fetches": sell.sync.fetches - fetches,
            "last_commit_to_all_painted_ms": round((done - last_commit) * 1000, 2),
        }
        results["seats_on_map"] = len(sell.seat_map.seats)
    finally:
        web.close()
        runner.wait(5000)
        window.close()
        db.close()
        shutil.rmtree(settings.data_dir, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        single = results["single_changes"]
        print(
            f"notification to repaint, {single['to_painted']['n']} single-seat holds by another connection "
            f"({results['seats_on_map']} seats on the map):"
        )
        for name in ("commit", "to_notified", "to_applied", "to_painted"):
            s = single[name]
            print(f"  {name:12s} p50 {s['p50_ms']:7.2f} ms   p95 {s['p95_ms']:7.2f} ms   max {s['max_ms']:7.2f} ms")
        print(
            f"  fetches {single['fetches']}, {single['rows_per_fetch']} rows per fetch "
            f"(re-reading the last {OVERLAP_SECONDS:.0f} s of changes)"
        )
        b = results["burst"]
        print(
            f"burst: {b['commits']} commits -> {b['notifications']} notifications, {b['fetches']} fetches; "
            f"all drawn {b['last_commit_to_all_painted_ms']} ms after the last commit"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
