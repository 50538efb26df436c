"""Save docs/screenshots/receipt.png (an 80 mm receipt as printed after a sale) and
printer-settings.png (the till's printers in Sale → Settings…): the real app on demo
data (the demo venue's address, tax number and 20 % VAT), a cashier's sale of three seats (one a
concession) paid in cash, printed by the till's default receipt printer (a PDF folder)
with no dialog; the printed PDF rendered at 200 dpi.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/receipt_screenshot.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def main() -> None:
    from boxoffice.app import prepare
    from boxoffice.device_key import this_device
    from boxoffice.printing.render import pdf_page_images
    from boxoffice.services import device_keys, drawer
    from boxoffice.ui.shell.settings import SettingsDialog

    settings = harness.temp_settings(till_name="front-1")
    os.environ["BOXOFFICE_DATA_DIR"] = str(settings.data_dir)  # the till's key, also for its people's own logins
    harness.app()
    db = prepare(settings, demo=True)
    with db.session_factory() as session:  # the demo venue's receipt details come with the demo data
        device_keys.enrol(session, name="front-1", public_key=this_device(settings.data_dir).public_key)
    db.close()
    window, runner, db = harness.open_window(settings, role="cashier")
    folder = Path(tempfile.mkdtemp(prefix="boxoffice-receipts-"))
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    harness.wait_until(lambda: dialog.facts is not None, what="the connection's facts")
    box = dialog.printers
    box.use_pdf_folder(box.ticket_printer, str(folder))
    box.use_pdf_folder(box.receipt_printer, str(folder))
    box.methods["cash"].setChecked(True)
    box.adjustSize()
    OUT.mkdir(parents=True, exist_ok=True)
    box.grab().save(str(OUT / "printer-settings.png"))
    dialog.close()

    sell = window.sell
    opened: list = []  # cash needs the cashier's open shift (docs/drawer.md)
    runner.run(lambda session: drawer.open_shift(session, "till:front-1", 100_00), opened.append, opened.append)
    harness.wait_until(lambda: bool(opened), what="the shift")
    seats = [s.id for s in sell.seat_map.seats if sell.map.state_of(s.id) == "available"][:3]
    for seat in seats:
        harness.click(sell.map, sell.map.seat_view_pos(seat))
        harness.wait_until(lambda s=seat: s in sell.basket.lines, what="the hold")
    concession = next((o for o in sell._offers(seats[1]) if o.code == "concession"), None)
    if concession is not None:
        sell.set_ticket_type(seats[1], concession.ticket_type_id)
    sold: list = []
    printed: list = []
    sell.saleCompleted.connect(sold.append)
    window.printing.delivered.connect(printed.append)
    total = sell.basket.total_minor
    sell.pay_cash(((total // 10_00) + 1) * 10_00)
    harness.wait_until(lambda: bool(sold), what="the sale")
    receipt = folder / f"receipt-{sold[0][0].order_number}.pdf"
    harness.wait_until(lambda: receipt.stem in printed, what="the printed receipt")
    pdf_page_images(receipt.read_bytes(), dpi=200)[0].save(str(OUT / "receipt.png"))
    print(f"wrote {OUT / 'receipt.png'} and {OUT / 'printer-settings.png'}")
    harness.close_window(window, runner, db, settings)


if __name__ == "__main__":
    main()
