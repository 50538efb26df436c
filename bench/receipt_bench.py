"""Receipts and printing at the counter's speed, without a database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/receipt_bench.py [--repeats 20] [--json]

Times, per ``--repeats`` runs (milliseconds, p50 / p95 / min; ``cpu_*`` is this process's
CPU time, steadier on a shared machine):

* ``render_receipt_*``: ``render_receipt_pdf`` of a 3-line and a 10-line receipt (two VAT
  rates, split tenders), 80 mm roll and A4;
* ``print_receipt_roll80`` / ``print_tickets_2``: what the till does after a sale with a
  default printer: paint the PDF at its real size on a Qt printer with no dialog (here
  Qt's PDF printer writing a file, at the printer's 1200 dpi capped to 300 dpi for the
  raster), the receipt and a 2-ticket order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from boxoffice.domain.vat import vat_breakdown  # noqa: E402
from boxoffice.services.receipts import Receipt, ReceiptLine, ReceiptTender  # noqa: E402

START = dt.datetime(2026, 12, 5, 19, 30, tzinfo=dt.UTC)


def receipt(lines: int) -> Receipt:
    """A sale of ``lines`` tickets, alternately 25.00 at 7 % and 15.00 at 20 %, paid 20.00
    cash (50.00 handed over) and the rest by card."""
    items = [
        ReceiptLine(
            "A Midsummer Night's Dream",
            START,
            "Stalls" if i % 2 == 0 else "Circle · Concession",
            f"Stalls · Row F · Seat {i + 1}",
            2500 if i % 2 == 0 else 1500,
            700 if i % 2 == 0 else 2000,
            1000 + i,
        )
        for i in range(lines)
    ]
    total = sum(x.amount_minor for x in items)
    return Receipt(
        kind="sale",
        number="BO-001001",
        order_number="BO-001001",
        venue_name="Bench Arena",
        venue_address="1 River Walk\nKingston upon Thames KT1 1AA",
        tax_number="GB 123 4567 89",
        issued_at=START - dt.timedelta(hours=1),
        currency="EUR",
        lines=items,
        tenders=[ReceiptTender("cash", 2000, 5000), ReceiptTender("card", total - 2000, total - 2000, "AUTH42")],
        vat=vat_breakdown((x.amount_minor, x.vat_rate_bp) for x in items),
        channel="till:front-1",
        served_by="Cara",
    )


def timed(fn, repeats: int) -> dict:
    """p50 / p95 / min of wall clock and CPU time of ``fn()`` in milliseconds."""
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(1000 * (time.perf_counter() - w))
        cpu.append(1000 * (time.process_time() - c))

    def p(values, q):
        return round(statistics.quantiles(values, n=100)[q - 1], 1) if len(values) > 1 else round(values[0], 1)

    return {
        "p50": p(wall, 50),
        "p95": p(wall, 95),
        "min": round(min(wall), 1),
        "cpu_p50": p(cpu, 50),
        "cpu_min": round(min(cpu), 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the timings and print them (a table, or JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from bench.print_bench import tickets
    from boxoffice.printing.receipt import render_receipt_pdf
    from boxoffice.printing.tickets import render_tickets_pdf
    from boxoffice.ui.common.printing import print_direct

    QApplication.instance() or QApplication([sys.argv[0]])
    render_receipt_pdf(receipt(3))  # font loading apart
    results = {}
    for lines in (3, 10):
        for layout in ("roll80", "a4"):
            r = receipt(lines)
            results[f"render_receipt_{lines}_{layout}"] = timed(
                lambda r=r, lay=layout: render_receipt_pdf(r, layout=lay), args.repeats
            )
    folder = tempfile.mkdtemp(prefix="receipt-bench-")
    pdf = render_receipt_pdf(receipt(3))
    results["print_receipt_roll80"] = timed(lambda: print_direct(pdf, f"pdf:{folder}", "receipt"), args.repeats)
    ticket_pdf = render_tickets_pdf(tickets("latin", 2))
    results["print_tickets_2"] = timed(lambda: print_direct(ticket_pdf, f"pdf:{folder}", "tickets"), args.repeats)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, figures in results.items():
            print(f"{name:28} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
