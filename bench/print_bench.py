"""Ticket PDF rendering time, without a database: 10-ticket orders in each layout.

    .venv/bin/python bench/print_bench.py [--repeats 30] [--json]

Two orders: one in English (Latin only, as the sell bench prints) and one whose title,
venue and section are Japanese, Arabic and Cyrillic (font fallback, Arabic shaping and
right-to-left order). The first render of a process (font loading) is timed apart.
Figures are in milliseconds (p50 / p95 / min of ``--repeats`` renders, wall clock; ``cpu_*``
is this process's CPU time, steadier on a busy machine, and the minimum the steadiest) and
bytes per PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boxoffice.domain import ticket_code  # noqa: E402
from boxoffice.services.tickets import TicketView  # noqa: E402

ORDERS = {
    "latin": {"show_title": "A Midsummer Night's Dream", "venue_name": "Bench Arena", "section": "Stalls"},
    "scripts": {"show_title": "夏の夜の夢", "venue_name": "المسرح الوطني", "section": "Партер"},
}


def tickets(order: str, count: int = 10) -> list[TicketView]:
    """``count`` tickets of one order, with real signed codes (one fresh key)."""
    private, _public = ticket_code.new_key_pair()
    starts = dt.datetime(2026, 11, 28, 19, 30, tzinfo=dt.UTC)
    return [
        TicketView(
            ticket_id=1000 + i,
            order_number="BO-001001",
            starts_at=starts,
            row="F",
            seat=str(i + 1),
            category="Category 1",
            price_minor=2500,
            currency="EUR",
            wheelchair=False,
            code=ticket_code.encode(ticket_code.TicketClaim(1, 7, 1000 + i, 0), private),
            **ORDERS[order],
        )
        for i in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    """Time ``render_tickets_pdf`` per order and layout and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from boxoffice.printing.tickets import LAYOUTS, render_tickets_pdf

    results: dict = {}
    started = time.perf_counter()
    render_tickets_pdf(tickets("scripts", 1), layout="roll80")
    results["first_render_ms"] = round((time.perf_counter() - started) * 1000, 1)
    for order in ORDERS:
        views = tickets(order)
        for layout in LAYOUTS:
            samples, cpu, size = [], [], 0
            for _ in range(args.repeats):
                started, started_cpu = time.perf_counter(), time.process_time()
                size = len(render_tickets_pdf(views, layout=layout))
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            samples.sort()
            results[f"{order}/{layout}"] = {
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
                "min_ms": round(samples[0], 1),
                "cpu_p50_ms": round(statistics.median(cpu), 1),
                "cpu_min_ms": round(min(cpu), 1),
                "bytes": size,
            }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:18} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
