"""Sale → Refund an order, as at the counter: type the order number and Enter, see the
tickets, refund with a reason; the tickets are void and the seats free again. A cashier
cannot refund someone else's sale; the screen says why and nothing changes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from sqlalchemy import text

from boxoffice.services import inventory, sales
from boxoffice.services.auth import act_as
from boxoffice.ui.refund import RefundDialog
from boxoffice.ui.tasks import TaskRunner
from tests.drawer_helpers import with_shift
from tests.factories import make_actor, make_small_house


def _sell_as(session, actor, house, seats):
    act_as(session, actor)
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:a", seconds=120
    )
    result = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="till:a", tendered_minor=100_000
    )
    session.rollback()
    act_as(session, None)
    return result.order_number


def _rows(session, sql, **params):
    rows = session.execute(text(sql), params).all()
    session.rollback()
    return rows


def _dialog(qtbot, session_factory, actor):
    runner = TaskRunner(session_factory, actor=actor, require_actor=True)
    dialog = RefundDialog(runner)
    qtbot.addWidget(dialog, before_close_func=lambda _w: runner.wait(5000))
    dialog.show()
    return dialog


def test_cashier_refunds_their_own_order_with_the_keyboard(qtbot, session, session_factory):
    house = make_small_house(session)
    cara = with_shift(session, make_actor(session, role="cashier", username="cara"))  # cash needs a shift
    seats = house["seat_ids"][:2]
    number = _sell_as(session, cara, house, seats)
    dialog = _dialog(qtbot, session_factory, cara)
    qtbot.keyClicks(dialog.number, number.split("-")[1].lstrip("0"))  # "1001" finds BO-001001
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.refund_button.isEnabled(), timeout=5000)
    assert number in dialog.summary.text() and "Sold by Cara" in dialog.summary.text()
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 4).text() == "valid"
    assert dialog.refund_button.text() == "Refund €50.00…"
    asked = []
    dialog.ask = lambda title, body: asked.append(body) or True
    dialog.reason.setCurrentText("Sold in error")
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Refunded €50.00"), timeout=5000)
    assert "for 2 tickets of " + number in asked[0]
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() != "valid", timeout=5000)
    assert not dialog.refund_button.isEnabled() and "Refunded €50.00" in dialog.summary.text()
    assert _rows(session, "SELECT amount_minor, reason FROM refund") == [(5000, "Sold in error")]
    assert _rows(
        session,
        "SELECT DISTINCT state FROM inventory WHERE showtime_id = :s AND seat_id = ANY(:ids)",
        s=house["showtime_id"],
        ids=seats,
    ) == [("available",)]


def test_a_cashier_may_not_refund_someone_elses_sale(qtbot, session, session_factory):
    house = make_small_house(session)
    colin, cara = (
        with_shift(session, make_actor(session, role="cashier", username="colin")),
        make_actor(session, role="cashier"),
    )
    number = _sell_as(session, colin, house, house["seat_ids"][:1])
    dialog = _dialog(qtbot, session_factory, cara)
    dialog.number.setText(number)
    dialog.look_up()
    qtbot.waitUntil(lambda: dialog.refund_button.isEnabled(), timeout=5000)
    dialog.ask = lambda title, body: True
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sold by someone else" in dialog.status.text(), timeout=5000)
    assert _rows(session, "SELECT count(*) FROM refund") == [(0,)]
    dialog.number.setText("BO-999999")
    dialog.look_up()
    qtbot.waitUntil(lambda: "There is no order" in dialog.status.text(), timeout=5000)


def test_a_manager_refunds_every_order_of_a_cancelled_showtime(qtbot, session, session_factory):
    from boxoffice.domain.errors import PermissionDeniedError
    from boxoffice.services import cancellation, refunds
    from boxoffice.ui.prices import PricesDialog

    house = make_small_house(session)
    cara = with_shift(session, make_actor(session, role="cashier", username="cara"))
    first = _sell_as(session, cara, house, house["seat_ids"][:2])
    second = _sell_as(session, cara, house, house["seat_ids"][10:11])
    act_as(session, cara)  # a cashier may not refund other people's orders in bulk
    try:
        refunds.refund_showtime_orders(session, showtime_id=house["showtime_id"], reason="x")
        raise AssertionError("a cashier refunded a whole showtime")
    except PermissionDeniedError:
        pass
    act_as(session, None)
    cancellation.cancel_showtime(session, showtime_id=house["showtime_id"], reason="Flooded foyer")

    manager = with_shift(session, make_actor(session, role="manager", username="mia"))
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)
    dialog = PricesDialog(runner)
    qtbot.addWidget(dialog, before_close_func=lambda _w: runner.wait(5000))
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.grid is not None and dialog.refund_button.isEnabled(), timeout=5000)
    asked = []
    dialog.confirm_refunds = lambda text: asked.append(text) or True
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Refunded 2 orders"), timeout=10_000)
    assert "€65.00" in dialog.status.text() and "3 tickets" in asked[0]
    qtbot.waitUntil(lambda: not dialog.refund_button.isEnabled(), timeout=5000)  # nothing left to refund
    got = _rows(
        session,
        "SELECT o.number, r.amount_minor, r.reason FROM refund r JOIN orders o ON o.id = r.order_id ORDER BY r.id",
    )
    assert got == [(first, 5000, "Showtime cancelled"), (second, 1500, "Showtime cancelled")]
    assert _rows(session, "SELECT count(*) FROM ticket WHERE status = 'valid'") == [(0,)]
    assert _rows(session, "SELECT actor FROM audit_log WHERE action = 'refund' ORDER BY id") == [("mia",), ("mia",)]
