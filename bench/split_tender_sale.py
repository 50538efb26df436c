"""A split-tender sale at the real till, click to printed (issue 11):

a cashier (the demo cashier, signed in with her own database login) has 2 seats in the
basket and the payment dialog filled in: 20.00 by card with the terminal's reference
taken as a part payment (F12), the rest in cash. The clock starts at the click on
"Confirm sale" and stops when the tickets are printed: ``bo_checkout`` with the two
tenders, the tickets read back, the 80 mm ticket PDF rendered and printed through Qt's
print path to a PDF file (no printer dialog).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/split_tender_sale.py [--sales 30] [--json]

Uses a private temporary data directory; prints p50/p95/p99 in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402


def bench_split_sales(window, runner, sales: int, out_dir: Path) -> dict:
    """``sales`` split-tender sales of 2 seats each; returns the click-to-printed summary."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from boxoffice.printing.tickets import render_tickets_pdf
    from boxoffice.services import drawer
    from boxoffice.ui.common.printing import print_pdf
    from boxoffice.ui.counter.payment import PaymentDialog

    sell = window.sell
    sell.saleCompleted.disconnect(window._sale_completed)  # printed here, without the dialog
    printed: list[float] = []
    clicked: list[float] = []

    def print_tickets(outcome) -> None:
        result, views = outcome
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out_dir / f"{result.order_number}.pdf"))
        assert result.method == "split" and len(views) == 2
        print_pdf(render_tickets_pdf(views, layout="roll80"), printer=printer)
        printed.append(time.perf_counter())

    sell.saleCompleted.connect(print_tickets)
    opened: list = []  # the cashier opens her drawer first (cash needs an open shift, 0015_drawer)
    runner.run(lambda session: drawer.open_shift(session, sell.channel, 10_000), opened.append, opened.append)
    harness.wait_until(lambda: bool(opened), what="the drawer open")
    free = [s.id for s in sell.seat_map.seats if sell.map.visual_state(s.id) == "available"]
    samples = []
    for n in range(sales):
        for seat_id in free[2 * n : 2 * n + 2]:
            before = len(sell.basket.lines)
            harness.click(sell.map, sell.map.seat_view_pos(seat_id))
            harness.wait_until(lambda b=before: len(sell.basket.lines) > b, what=f"seat {seat_id} held")
        harness.wait_until(lambda: not runner.busy, what="holds")

        def pay(n: int = n) -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, PaymentDialog), dialog
            QTest.keyClicks(dialog.card_amount, "20")
            QTest.keyClicks(dialog.card_reference, f"AUTH{n:04d}")
            dialog.take_part()  # F12
            dialog.cash.set_amount(dialog.remaining_minor)  # "Exact"
            clicked.append(time.perf_counter())
            QTest.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

        count = len(printed)
        QTimer.singleShot(0, pay)
        sell.pay("card")
        harness.wait_until(lambda c=count: len(printed) > c, what="tickets printed")
        samples.append(printed[-1] - clicked[-1])
    return harness.summary(samples)


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings = harness.temp_settings(hold_seconds=300)
    os.environ["BOXOFFICE_DATA_DIR"] = str(settings.data_dir)  # the till's ticket key (enrolled by prepare)
    window, runner, db = harness.open_window(settings, role="cashier")
    try:
        with tempfile.TemporaryDirectory(prefix="boxoffice-split-bench-") as out:
            results = {"split_sale_click_to_printed": bench_split_sales(window, runner, args.sales, Path(out))}
    finally:
        harness.close_window(window, runner, db, settings)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, value in results.items():
            print(f"{name:32s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
