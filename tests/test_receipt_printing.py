"""Printing at the counter through the real main window: default printers chosen in
Sale → Settings…, tickets and receipt printed after a sale with no dialog at 80 mm, a
failing printer that tells the cashier and keeps the PDF, receipts on request
(F8) and Manage → Receipt details and VAT…."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.app import build_window
from boxoffice.config import Settings
from boxoffice.db.engine import make_session_factory
from boxoffice.runtime import Database
from boxoffice.services.auth import act_as
from boxoffice.services.receipt_details import set_receipt_details
from boxoffice.ui.counter.payment import PayCashDialog
from boxoffice.ui.counter.receipt_dialog import ReceiptDialog
from boxoffice.ui.manage.receipt_details import ReceiptDetailsDialog
from boxoffice.ui.shell.settings import SettingsDialog
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor, make_small_house

MM_80 = 80 / 25.4 * 72  # 226.77 pt


@pytest.fixture
def till(qtbot, session, engine, db_url, tmp_path):
    """A house at 20 % VAT and the real main window of till front-1, worked by a cashier;
    a watchdog closes (and records) any modal dialog, so a dialog that should not appear
    fails the test instead of hanging it."""
    house = make_small_house(session)
    set_receipt_details(
        session, venue_id=house["venue_id"], address="1 River Walk", tax_number="GB 999", vat_rate_bp=2000
    )
    cashier = make_actor(session, role="cashier", display_name="Cara")
    open_shift_as(session, cashier.at("till:front-1"))  # cash needs the cashier's open shift (0015_drawer)
    settings = Settings(database_url=None, data_dir=tmp_path / "data", till_name="front-1")
    db = Database(engine, make_session_factory(engine), db_url, True)
    window, runner = build_window(db, settings, actor=cashier, idle_lock_seconds=0)
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.resize(1300, 800)
    window.show()
    window.sell.load_showtimes()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None, timeout=10_000)
    modals: list[str] = []

    def watchdog() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and not isinstance(modal, PayCashDialog):
            modals.append(type(modal).__name__)
            modal.close()

    timer = QTimer()
    timer.timeout.connect(watchdog)
    timer.start(100)
    yield window, house, tmp_path, modals
    timer.stop()
    runner.wait(5000)


def _settings(qtbot, window) -> SettingsDialog:
    window.settings_action.trigger()  # Sale → Settings…
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible() and dialog.printers is not None
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=10_000)  # its read is done before it closes
    return dialog


def _hold(qtbot, window, seat_ids) -> None:
    for seat in seat_ids:
        view = window.sell.map
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat))
        qtbot.waitUntil(lambda s=seat: s in window.sell.basket.lines, timeout=5000)


def _size(path: Path) -> tuple[float, float]:
    document = pdfium.PdfDocument(str(path))
    try:
        return tuple(document[0].get_size())
    finally:
        document.close()


def test_a_sale_prints_tickets_and_receipt_on_the_default_printers_without_a_dialog(qtbot, till):
    window, house, tmp_path, modals = till
    tickets_dir, receipts_dir = tmp_path / "ticket-printer", tmp_path / "receipt-printer"
    tickets_dir.mkdir()
    receipts_dir.mkdir()
    dialog = _settings(qtbot, window)
    box = dialog.printers
    box.use_pdf_folder(box.ticket_printer, str(tickets_dir))
    box.use_pdf_folder(box.receipt_printer, str(receipts_dir))
    assert "printers.json" in box.saved.text()
    dialog.close()
    stored = json.loads((tmp_path / "data" / "printers.json").read_text())["tills"]["front-1"]
    assert stored["ticket_printer"] == f"pdf:{tickets_dir}" and stored["receipt_printer"] == f"pdf:{receipts_dir}"

    _hold(qtbot, window, house["seat_ids"][:2])
    seen = {}

    def pay() -> None:
        cash = QApplication.activeModalWidget()
        seen["dialog"] = type(cash).__name__
        if not isinstance(cash, PayCashDialog):
            QTimer.singleShot(50, pay)  # not up yet on a loaded machine: look again
            return
        seen.pop("dialog")
        toggle = cash.findChild(QCheckBox, "printReceipt")
        seen["default"] = toggle.isChecked()  # cash: no receipt unless asked
        # the customer asks for one: click the box itself (a check box stretched across the
        # dialog does not take a click in its empty middle)
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton, pos=QPoint(8, toggle.height() // 2))
        qtbot.keyClicks(cash.findChild(QLineEdit, "tendered"), "60")
        qtbot.mouseClick(cash.findChild(QPushButton, "confirmSale"), Qt.MouseButton.LeftButton)

    sold, printed = [], []
    window.sell.saleCompleted.connect(sold.append)
    window.printing.delivered.connect(printed.append)  # the print thread finished a document
    QTimer.singleShot(200, pay)
    qtbot.mouseClick(window.sell.panel.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sold), timeout=10_000)
    number = sold[0][0].order_number
    ticket_pdf, receipt_pdf = tickets_dir / f"tickets-{number}.pdf", receipts_dir / f"receipt-{number}.pdf"
    qtbot.waitUntil(lambda: {ticket_pdf.stem, receipt_pdf.stem} <= set(printed), timeout=10_000)
    assert seen == {"default": False}
    assert modals == []  # no sale-complete dialog, no print dialog
    assert len(pdfium.PdfDocument(str(ticket_pdf))) == 2  # one page per ticket
    assert _size(ticket_pdf)[0] == pytest.approx(MM_80, abs=0.5)  # 80 mm, not scaled to a page
    assert _size(receipt_pdf)[0] == pytest.approx(MM_80, abs=0.5)
    assert _size(receipt_pdf)[1] > 100 / 25.4 * 72 - 1  # as long as the receipt
    qtbot.waitUntil(lambda: "Printed the receipt" in window.statusBar().currentMessage(), timeout=5000)

    # a receipt on request, on A4: Sale → Receipt of an order… (F8)
    assert window.receipt_action.shortcut().toString() == "F8"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F8)  # the shortcut a cashier presses
    qtbot.waitUntil(lambda: window.findChild(ReceiptDialog) is not None, timeout=5000)
    request = window.findChild(ReceiptDialog)
    qtbot.keyClicks(request.number, number)
    qtbot.keyClick(request.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: request.print_button.isEnabled(), timeout=5000)
    request.layout_box.setCurrentIndex(request.layout_box.findData("a4"))
    receipt_pdf.unlink()
    printed.clear()
    qtbot.mouseClick(request.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed == [receipt_pdf.stem], timeout=10_000)
    assert _size(receipt_pdf) == pytest.approx((595, 842), abs=1)
    assert modals == []

    # a refund at this till prints its receipt too (Sale → Refund an order…)
    refund = window.open_refund(number)
    qtbot.waitUntil(lambda: refund.refund_button.isEnabled(), timeout=5000)
    refund.ask = lambda _title, _body: True
    refund.reason.setCurrentText("Customer is ill")
    qtbot.mouseClick(refund.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(name.startswith(f"receipt-{number}-R") for name in printed), timeout=10_000)
    assert (receipts_dir / f"{printed[-1]}.pdf").exists()
    assert modals == []


def test_a_failing_printer_tells_the_cashier_and_keeps_the_pdf(qtbot, till):
    window, house, tmp_path, modals = till
    dialog = _settings(qtbot, window)
    box = dialog.printers
    box.choose(box.ticket_printer, "Star TSP100 at the box office")  # not installed here
    box.choose(box.receipt_printer, f"pdf:{tmp_path / 'unplugged' / 'folder'}")  # cannot be written
    qtbot.mouseClick(box.findChild(QCheckBox, "receiptFor_cash"), Qt.MouseButton.LeftButton)  # receipts for cash too
    assert window.printing.printers.receipt_methods == {"card", "exchange", "cash"}
    dialog.close()

    failures = []
    window.printing.failed.connect(lambda message, path: failures.append((message, path)))
    _hold(qtbot, window, [house["seat_ids"][0]])
    sold = []
    window.sell.saleCompleted.connect(sold.append)
    window.sell.pay_cash(30_00)  # tender typed elsewhere: the till's rule decides (cash: receipt)
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=10_000)
    number = sold[0][0].order_number
    (tickets_msg, tickets_kept), (receipt_msg, receipt_kept) = sorted(failures, key=lambda f: "receipt" in f[0])
    assert "The tickets could not be printed" in tickets_msg and "is not installed" in tickets_msg
    assert "The receipt could not be printed" in receipt_msg
    unprinted = tmp_path / "data" / "unprinted"
    assert Path(tickets_kept).parent == unprinted and Path(tickets_kept).name.startswith(f"tickets-{number}")
    assert Path(receipt_kept).name.startswith(f"receipt-{number}")
    assert tickets_kept in tickets_msg and receipt_kept in receipt_msg  # the path is shown
    document = pdfium.PdfDocument(receipt_kept)
    assert (
        number in document[0].get_textpage().get_text_range()
        and "GB 999" in document[0].get_textpage().get_text_range()
    )
    document.close()
    # the cashier sees it in a warning box (window-modal: the watchdog closed and recorded them)
    qtbot.waitUntil(lambda: modals.count("QMessageBox") == 2, timeout=5000)
    assert "SaleCompleteDialog" not in modals  # a default printer is set: no sale dialog either


def test_manager_edits_receipt_details_and_category_vat(qtbot, session, engine, db_url, tmp_path):
    make_small_house(session)
    manager = make_actor(session, role="manager")
    settings = Settings(database_url=None, data_dir=tmp_path, till_name="office")
    window, runner = build_window(Database(engine, make_session_factory(engine), db_url, True), settings, actor=manager)
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.show()
    assert window.receipt_details_action.isVisible()
    window.receipt_details_action.trigger()  # Manage → Receipt details and VAT…
    dialog = window.findChild(ReceiptDetailsDialog)
    qtbot.waitUntil(lambda: dialog.categories.rowCount() == 2, timeout=5000)
    dialog.address.setPlainText("1 River Walk\nKingston")
    dialog.tax_number.setText("GB 123")
    dialog.vat_rate.setValue(20)
    dialog.category_box("A").setValue(7)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=5000)
    row = session.execute(text("SELECT address, tax_number, vat_rate_bp FROM venue")).one()
    assert tuple(row) == ("1 River Walk\nKingston", "GB 123", 2000)
    rates = dict(session.execute(text("SELECT name, vat_rate_bp FROM price_category")).all())
    assert rates == {"A": 700, "B": None}
    act_as(session, None)
    # a cashier does not see the screen
    window2, runner2 = build_window(
        Database(engine, make_session_factory(engine), db_url, True), settings, actor=make_actor(session)
    )
    qtbot.addWidget(window2, before_close_func=lambda _w: runner2.wait(5000))
    assert not window2.receipt_details_action.isVisible()


def test_an_exchange_prints_its_receipt(qtbot, till, session):
    """Find order (F4) → exchange: the exchange screen hands its result to the look-up
    (``_exchanged``, what its ``exchanged`` signal reaches), which prints the new order's
    receipt on the receipt printer: the new ticket, the exchange credit, what was paid back."""
    from boxoffice.services import exchange, inventory, sales

    window, house, tmp_path, modals = till
    folder = tmp_path / "receipt-printer"
    folder.mkdir()
    dialog = _settings(qtbot, window)
    dialog.printers.use_pdf_folder(dialog.printers.receipt_printer, str(folder))
    dialog.close()
    cashier = window.runner.actor
    act_as(session, cashier)
    token = uuid.uuid4()
    seat, dearer = house["seat_ids"][10], house["seat_ids"][11]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="t", seconds=60
    )
    sold = sales.sell(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel=cashier.till,
        method="card", reference="AUTH1",
    )  # fmt: skip
    ticket = session.execute(text("SELECT id FROM ticket WHERE order_id = :o"), {"o": sold.order_id}).scalar_one()
    done = exchange.exchange(
        session, order_id=sold.order_id, ticket_ids=[ticket], showtime_id=house["showtime_id"], seat_ids=[dearer],
        channel=cashier.till, reason="Moved", refund_method="card",
    )  # fmt: skip
    act_as(session, None)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F4)  # Sale → Find order
    qtbot.waitUntil(lambda: window.order_lookup is not None and window.order_lookup.isVisible(), timeout=5000)
    lookup = window.order_lookup
    lookup.show_tickets = lambda number, views: None  # the new tickets' own printing is the look-up's
    printed = []
    window.printing.delivered.connect(printed.append)
    lookup._exchanged(done, [])
    qtbot.waitUntil(lambda: f"receipt-{done.order_number}" in printed, timeout=10_000)
    document = pdfium.PdfDocument(str(folder / f"receipt-{done.order_number}.pdf"))
    assert _size(folder / f"receipt-{done.order_number}.pdf")[0] == pytest.approx(MM_80, abs=0.5)
    document.close()
    assert modals == []
