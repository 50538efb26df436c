"""The counter at queue speed (issue 13): "2 best seats together, cash exact, printed to the
default printer" in 4 actions — the keys "2", F9 and Enter pressed on the real main window
(offscreen), timed end to end, ~20 sales in a row.

Each sale: key "2" on the seat map and at once F9 (best available holds 2 seats while the
payment dialog waits for them), Enter in the payment dialog as soon as it is shown (exact
cash), then the tickets printed on the till's default ticket printer (a PDF folder here).
Times are from the first key to (a) the payment dialog shown, (b) the sale committed, and
(c) the ticket PDF written by the printer thread. The demo theatre's showtime, signed in as
the demo cashier on her own database login, her drawer opened first.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/counter_flow.py [--sales 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import harness  # noqa: E402


def bench_sales(window, runner, sales: int, printed_dir: Path) -> dict:
    """``sales`` four-action sales; returns the summaries (ms) and the actions counted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from boxoffice.printing.till_printers import TillPrinters
    from boxoffice.services import drawer
    from boxoffice.ui.counter.payment import PaymentDialog

    sell = window.sell
    printed_dir.mkdir(parents=True, exist_ok=True)
    window.printing.set_printers(TillPrinters(ticket_printer=f"pdf:{printed_dir}"))
    opened: list = []  # cash needs the cashier's open shift (0015_drawer)
    runner.run(lambda session: drawer.open_shift(session, sell.channel, 10_000), opened.append, opened.append)
    harness.wait_until(lambda: bool(opened), what="the drawer open")
    sold: list = []
    delivered: list[str] = []
    sell.saleCompleted.connect(sold.append)
    window.printing.delivered.connect(delivered.append)
    to_dialog, to_sold, to_printed, seats = [], [], [], []
    actions = 0
    for _n in range(sales):
        harness.wait_until(lambda: not runner.busy and sell.basket is not None and sell.basket.empty, what="idle")
        window.activateWindow()
        harness.wait_until(window.isActiveWindow, what="the window active")
        sell.map.setFocus()
        before_sold, before_printed = len(sold), len(delivered)
        started = time.perf_counter()
        for key in (Qt.Key.Key_2, Qt.Key.Key_F9):  # actions 1 and 2
            QTest.keyClick(QApplication.focusWidget() or sell.map, key)
        try:
            harness.wait_until(lambda: isinstance(QApplication.activeModalWidget(), PaymentDialog), what="the dialog")
        except TimeoutError as exc:
            raise RuntimeError(f"sale {_n + 1}: {sell.notice.text or window.statusBar().currentMessage()}") from exc
        to_dialog.append(time.perf_counter() - started)
        dialog = QApplication.activeModalWidget()
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)  # action 3: exact cash
        actions += 3
        try:
            harness.wait_until(lambda b=before_sold: len(sold) > b, what="the sale")
        except TimeoutError as exc:
            raise RuntimeError(f"sale {_n + 1}: {sell.notice.text or window.statusBar().currentMessage()}") from exc
        to_sold.append(time.perf_counter() - started)
        harness.wait_until(lambda b=before_printed: len(delivered) > b, timeout=30, what="the tickets printed")
        to_printed.append(time.perf_counter() - started)
        result, views = sold[-1]
        seats.append(len(views))
        if (printed_dir / f"tickets-{result.order_number}.pdf").stat().st_size < 1000:
            raise RuntimeError(f"empty ticket PDF for {result.order_number}")
    return {
        "sales": sales,
        "actions_per_sale": actions / sales,
        "tickets_per_sale": sorted(set(seats)),
        "key_to_payment_dialog": harness.summary(to_dialog),
        "key_to_sale_committed": harness.summary(to_sold),
        "key_to_tickets_printed": harness.summary(to_printed),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the sales and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings = harness.temp_settings(hold_seconds=300)
    os.environ["BOXOFFICE_DATA_DIR"] = str(settings.data_dir)  # the till's ticket key (enrolled by prepare)
    window, runner, db = harness.open_window(settings, (1366, 768), role="cashier")
    try:
        results = bench_sales(window, runner, args.sales, Path(settings.data_dir) / "printed")
        results["printed_pdfs"] = len(list((Path(settings.data_dir) / "printed").glob("tickets-*.pdf")))
    finally:
        harness.close_window(window, runner, db, settings)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, value in results.items():
            print(f"{name:26s} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
