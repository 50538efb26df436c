"""Sale → Find order (F4) on the real main window, as a cashier works it: look the order
up, reprint it (the codes change and the old ones are void at the door), refund one
ticket to the card it was paid with, exchange the other for a dearer seat paid by card; and Ctrl+R / Sale →
Refund and a double-click on a sold seat open the same screen."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from sqlalchemy import text

from boxoffice.domain.admission import VerdictKind
from boxoffice.services import admission, inventory, sales, tickets
from boxoffice.services.auth import act_as
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.main_window import MainWindow
from tests.door_helpers import door, open_house
from tests.factories import make_actor

SHOTS = os.environ.get("BOXOFFICE_SCREENSHOTS")  # a folder: save the screens the docs show


def _sell_as(session, actor, house, seat_ids):
    act_as(session, actor)
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seat_ids, token=token, channel="till:test", seconds=120
    )
    sale = sales.sell(  # by card: cash at the counter needs an open drawer (issue 11)
        session, showtime_id=house["showtime_id"], seat_ids=seat_ids, token=token, channel="till:test",
        method="card", reference="auth-1",
    )  # fmt: skip
    views = tickets.order_tickets(session, order_id=sale.order_id)
    act_as(session, None)
    return sale, views


def _window(qtbot, session_factory, actor):
    runner = TaskRunner(session_factory, actor=actor, require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    window.sell.saleCompleted.disconnect(window._sale_completed)
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.resize(1300, 800)
    window.show()
    window.activateWindow()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and window.sell._version > 0, timeout=10_000)
    return window, runner


def _scan(session, house, code):
    verdict = admission.scan(session, code=code, door=door(house), keys=tickets.ticket_public_keys(session))
    return verdict.kind, verdict.reason


def _rows(session, sql, **params):
    out = [tuple(r) for r in session.execute(text(sql), params).all()]
    session.rollback()
    return out


def _on_map(view, seat_id) -> bool:
    try:
        return view.state_of(seat_id) == "available"
    except KeyError:  # the seat map is not loaded yet
        return False


def _shot(widget, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_find_reprint_refund_one_and_exchange_the_other(qtbot, session, session_factory):
    house = open_house(session)
    cara = make_actor(session, username="cara", display_name="Cara")
    b_seats = house["seat_ids"][10:12]  # category B, 1500 each
    sale, first_codes = _sell_as(session, cara, house, b_seats)
    window, runner = _window(qtbot, session_factory, cara)

    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.order_lookup is not None and window.order_lookup.isVisible(), timeout=5000)
    lookup = window.order_lookup
    printed = []
    lookup.show_tickets = lambda number, views: printed.append((number, views))
    qtbot.keyClicks(lookup.query, sale.order_number.split("-")[1].lstrip("0"))
    qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lookup.order is not None, timeout=5000)
    assert sale.order_number in lookup.summary.text() and "Cara" in lookup.summary.text()
    assert lookup.tickets.rowCount() == 2 and lookup.refund_button.text() == "Refund €30.00…"

    # reprint: new codes; the door voids the old ones and admits the new
    qtbot.mouseClick(lookup.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(printed), timeout=5000)
    number, reprinted = printed.pop()
    assert number == sale.order_number
    assert {v.ticket_id for v in reprinted} == {v.ticket_id for v in first_codes}
    assert not {v.code for v in reprinted} & {v.code for v in first_codes}
    assert _scan(session, house, first_codes[0].code) == (VerdictKind.VOID, "reprinted")
    qtbot.waitUntil(lambda: "New codes" in lookup.status.text(), timeout=5000)

    # refund the first ticket to the card it was paid with
    kept, refunded = reprinted[1], reprinted[0]
    lookup.set_chosen([refunded.ticket_id])
    assert lookup.refund_button.text() == "Refund €15.00…"
    assert lookup.method.currentData() == "card"  # back the way it was paid, unless the cashier chooses
    asked = []
    lookup.ask = lambda title, body: asked.append(body) or True
    qtbot.keyClicks(lookup.customer_name, "Ada Lovelace")  # a phone order: who it is for
    qtbot.mouseClick(lookup.save_customer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lookup.status.text() == "Customer saved.", timeout=5000)
    lookup.query.setText("lovelace")
    qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: lookup.results_table.rowCount() == 1 and lookup.results_table.item(0, 1).text() == "Ada Lovelace",
        timeout=5000,
    )
    qtbot.waitUntil(lambda: lookup.status.text() == "Tick the tickets to refund or exchange.", timeout=5000)
    assert lookup.order.customer_name == "Ada Lovelace"
    lookup.set_chosen([refunded.ticket_id])
    lookup.method.setCurrentIndex(lookup.method.findData("card"))
    _shot(lookup, "order-lookup.png")
    qtbot.mouseClick(lookup.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lookup.status.text().startswith("Refunded €15.00"), timeout=5000)
    assert "by Card for 1 ticket of " + sale.order_number in asked[0], asked
    assert _rows(
        session,
        "SELECT r.method, r.amount_minor, rt.ticket_id FROM refund r JOIN refund_ticket rt ON rt.refund_id = r.id",
    ) == [("card", 1500, refunded.ticket_id)]
    assert _scan(session, house, refunded.code) == (VerdictKind.VOID, "refunded")

    # exchange the other for a category A seat (2500): the customer pays €10.00 by card
    qtbot.waitUntil(lambda: lookup.chosen() == [kept.ticket_id], timeout=5000)
    qtbot.mouseClick(lookup.exchange_button, Qt.MouseButton.LeftButton)
    dialog = lookup.exchange_dialog
    qtbot.waitUntil(lambda: dialog.showtime.count() == 1 and _on_map(dialog.map, house["seat_ids"][4]), timeout=5000)
    dialog.map.fit_all()
    target = house["seat_ids"][4]
    view = dialog.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(target))
    qtbot.waitUntil(lambda: dialog.quote is not None, timeout=5000)
    assert dialog.seats == [target] and dialog.difference.text() == "Customer pays €10.00"
    dialog.pay_method.setCurrentIndex(dialog.pay_method.findData("card"))
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert "authorisation code" in dialog.status.text()  # a card payment needs it
    qtbot.keyClicks(dialog.reference, "AUTH-4711")
    _shot(dialog, "exchange.png")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(printed), timeout=10_000)
    new_number, new_views = printed.pop()
    qtbot.waitUntil(lambda: lookup.order is not None and lookup.order.number == new_number, timeout=5000)
    assert lookup.order.exchanged_from == sale.order_number
    assert _scan(session, house, kept.code) == (VerdictKind.VOID, "exchanged")
    assert _scan(session, house, new_views[0].code)[0] is VerdictKind.ADMIT
    assert _rows(
        session,
        "SELECT p.method, p.amount_minor, p.reference FROM payment p JOIN orders o ON o.id = p.order_id "
        "WHERE o.number = :n ORDER BY p.id",
        n=new_number,
    ) == [("exchange", 1500, f"exchange of {sale.order_number}"), ("card", 1000, "AUTH-4711")]
    # the sell screen's seat map follows: the old seats are free, the new one sold
    qtbot.waitUntil(lambda: window.sell.map.state_of(b_seats[1]) == "available", timeout=5000)
    assert window.sell.map.state_of(target) == "sold"
    runner.wait(5000)


def test_ctrl_r_and_sale_refund_open_the_order_screen(qtbot, session, session_factory):
    house = open_house(session)
    cara = make_actor(session, username="cara")
    sale, _ = _sell_as(session, cara, house, house["seat_ids"][:1])
    window, runner = _window(qtbot, session_factory, cara)
    window.refund_action.trigger()  # Sale → Refund an order… (passes checked=False)
    qtbot.waitUntil(lambda: window.order_lookup is not None and window.order_lookup.isVisible(), timeout=5000)
    first = window.order_lookup
    first.close()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.order_lookup is not first and window.order_lookup.isVisible(), timeout=5000)
    lookup = window.order_lookup
    lookup.query.setText(sale.order_number)
    qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lookup.order is not None and lookup.refund_button.isEnabled(), timeout=5000)
    lookup.close()

    # a double-click on the sold seat finds its order too
    view = window.sell.map
    qtbot.waitUntil(lambda: view.state_of(house["seat_ids"][0]) == "sold", timeout=5000)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(house["seat_ids"][0]))
    qtbot.waitUntil(lambda: window.order_lookup is not lookup and window.order_lookup.order is not None, timeout=5000)
    assert window.order_lookup.order.number == sale.order_number
    window.order_lookup.close()

    # and so does the seat's context menu: right-click → Find order
    by_click = window.order_lookup
    view.customContextMenuRequested.emit(view.seat_view_pos(house["seat_ids"][0]))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and [a.text() for a in menu.actions()] == ["Find order"]
    menu.actions()[0].trigger()
    menu.close()
    qtbot.waitUntil(lambda: window.order_lookup is not by_click and window.order_lookup.order is not None, timeout=5000)
    assert window.order_lookup.order.number == sale.order_number
    view.customContextMenuRequested.emit(view.seat_view_pos(house["seat_ids"][1]))  # a free seat: no menu
    assert QApplication.activePopupWidget() is None
    runner.wait(5000)


def test_a_reprint_goes_to_the_default_ticket_printer_without_a_dialog(qtbot, session, session_factory, tmp_path):
    from boxoffice.printing.till_printers import TillPrinters

    house = open_house(session)
    cara = make_actor(session, username="cara", display_name="Cara")
    sale, _codes = _sell_as(session, cara, house, house["seat_ids"][10:12])
    window, runner = _window(qtbot, session_factory, cara)
    folder = tmp_path / "tickets"
    folder.mkdir()
    window.printing.set_printers(TillPrinters(ticket_printer=f"pdf:{folder}"))

    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.order_lookup is not None and window.order_lookup.isVisible(), timeout=5000)
    lookup = window.order_lookup
    qtbot.keyClicks(lookup.query, sale.order_number)
    qtbot.keyClick(lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lookup.order is not None, timeout=5000)
    qtbot.mouseClick(lookup.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(p.read_bytes().rstrip().endswith(b"%%EOF") for p in folder.glob("*.pdf")), timeout=10_000
    )
    (pdf,) = folder.glob("*.pdf")
    assert sale.order_number in pdf.name and pdf.read_bytes().startswith(b"%PDF")
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "SaleCompleteDialog"]
