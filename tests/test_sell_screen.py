"""The sell screen driven as a cashier would: click seats, pay cash, confirm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.payment import PayCashDialog
from boxoffice.ui.counter.sell import SellScreen
from tests.factories import make_small_house


def _when_payment_dialog(act, tries: int = 200) -> None:
    """Run ``act()`` once the payment dialog is the active modal window (polled every 50 ms,
    up to 10 s: on a loaded machine it can open later than a fixed delay assumes)."""

    def poll(left: int = tries) -> None:
        if isinstance(QApplication.activeModalWidget(), PayCashDialog):
            act()
        elif left > 0:
            QTimer.singleShot(50, lambda: poll(left - 1))

    QTimer.singleShot(50, poll)


@pytest.fixture
def screen(qtbot, session, session_factory):
    house = make_small_house(session)
    runner = TaskRunner(session_factory)
    widget = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load_showtimes()
    qtbot.waitUntil(
        lambda: widget.seat_map is not None and widget.map.state_of(house["seat_ids"][0]) == "available", timeout=10_000
    )
    yield widget, house
    runner.wait(5000)


def click_seat(qtbot, widget, seat_id):
    qtbot.mouseClick(widget.map.viewport(), Qt.MouseButton.LeftButton, pos=widget.map.seat_view_pos(seat_id))


def test_sell_two_seats_with_cash(qtbot, screen, session):
    widget, house = screen
    a1, a2 = house["seat_ids"][0], house["seat_ids"][1]  # row A, category A at 25.00
    legend = widget.legend.entries()
    assert legend[:2] == ["A €25.00", "B €15.00"] and "Sold" in legend and "Held online" in legend

    click_seat(qtbot, widget, a1)
    qtbot.waitUntil(lambda: a1 in widget.basket.lines, timeout=5000)
    click_seat(qtbot, widget, a2)
    qtbot.waitUntil(lambda: len(widget.basket.lines) == 2, timeout=5000)

    table = widget.panel.table
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "Stalls · Row A · Seat 1"
    assert table.item(1, 2).text() == "Full" and table.item(1, 3).text() == "€25.00"
    assert widget.panel.total.text() == "2 seats · €50.00"
    assert widget.panel.countdown.text() != ""
    qtbot.waitUntil(lambda: widget.map.state_of(a1) == "held" and widget.map.state_of(a2) == "held", timeout=5000)
    held = session.execute(
        text("SELECT count(*) FROM inventory_live WHERE state='held' AND hold_token=:t"), {"t": widget.basket.token}
    ).scalar_one()
    assert held == 2

    seen = {}

    def pay_in_dialog():
        dialog = QApplication.activeModalWidget()
        tendered = dialog.findChild(QLineEdit, "tendered")
        qtbot.keyClicks(tendered, "60")
        seen["change"] = dialog.findChild(QLabel, "change").text()
        confirm = dialog.findChild(QPushButton, "confirmSale")
        seen["enabled"] = confirm.isEnabled()
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    sold = []
    widget.saleCompleted.connect(sold.append)
    _when_payment_dialog(pay_in_dialog)
    qtbot.mouseClick(widget.panel.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sold), timeout=10_000)

    assert seen == {"change": "€10.00", "enabled": True}
    result, views = sold[0]
    assert result.change_minor == 10_00 and len(views) == 2
    assert widget.panel.table.rowCount() == 0
    qtbot.waitUntil(lambda: widget.map.state_of(a1) == "sold" and widget.map.state_of(a2) == "sold", timeout=5000)
    rows = session.execute(
        text("SELECT seat_id, state FROM inventory WHERE seat_id = ANY(:s) ORDER BY seat_id"), {"s": [a1, a2]}
    ).all()
    assert [tuple(r) for r in rows] == [(a1, "sold"), (a2, "sold")]


def test_click_again_drops_seat_and_releases_hold(qtbot, screen, session):
    widget, house = screen
    seat = house["seat_ids"][5]
    click_seat(qtbot, widget, seat)
    qtbot.waitUntil(lambda: seat in widget.basket.lines and widget.map.state_of(seat) == "held", timeout=5000)
    assert widget.map.visual_state(seat) == "mine"
    click_seat(qtbot, widget, seat)
    qtbot.waitUntil(lambda: widget.map.state_of(seat) == "available", timeout=5000)
    assert widget.runner.wait(5000)
    assert widget.panel.table.rowCount() == 0
    state = session.execute(text("SELECT state FROM inventory_live WHERE seat_id=:s"), {"s": seat}).scalar_one()
    assert state == "available"


def test_seat_taken_by_another_till_cannot_be_added(qtbot, screen, session):
    import uuid

    from boxoffice.services import inventory

    widget, house = screen
    seat = house["seat_ids"][9]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=uuid.uuid4(), channel="web", seconds=60
    )
    messages = []
    widget.message.connect(messages.append)
    # The map has not heard of the web's hold yet: the click goes to the database, which refuses.
    click_seat(qtbot, widget, seat)
    qtbot.waitUntil(lambda: any("Not available" in m for m in messages), timeout=5000)
    assert seat not in widget.basket.lines
    qtbot.waitUntil(lambda: widget.map.state_of(seat) == "held", timeout=5000)
    # Now that the map knows, a second click explains without asking the database.
    click_seat(qtbot, widget, seat)
    assert "held by an online customer" in messages[-1]


@pytest.fixture
def typed_screen(qtbot, session, session_factory):
    """A house whose category A also sells Concession (18.00) and Child (12.50)."""
    house = make_small_house(session)
    types = dict(
        session.execute(text("SELECT code, id FROM ticket_type WHERE venue_id = :v"), {"v": house["venue_id"]}).all()
    )
    session.execute(
        text("INSERT INTO showtime_type_price VALUES (:st, :a, :c, 1800), (:st, :a, :k, 1250)"),
        {"st": house["showtime_id"], "a": house["category_ids"]["A"], "c": types["concession"], "k": types["child"]},
    )
    session.commit()
    runner = TaskRunner(session_factory)
    widget = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.activateWindow()
    widget.load_showtimes()
    qtbot.waitUntil(
        lambda: widget.seat_map is not None and widget.map.state_of(house["seat_ids"][0]) == "available", timeout=10_000
    )
    yield widget, house
    runner.wait(5000)


def test_ticket_types_by_keyboard_and_combo_then_pay(qtbot, typed_screen, session):
    """Two Premium-like seats: T on the first line makes it Concession, the second
    line's combo makes it Child; F9 and Enter sell them at the database's prices."""
    widget, house = typed_screen
    a1, a2, b1 = house["seat_ids"][0], house["seat_ids"][1], house["seat_ids"][10]
    for seat in (a1, a2, b1):
        click_seat(qtbot, widget, seat)
        qtbot.waitUntil(lambda seat=seat: seat in widget.basket.lines, timeout=5000)
    panel, table = widget.panel, widget.panel.table
    assert [table.item(r, 2).text() for r in range(3)] == ["Full", "Full", "Full"]
    assert panel.total.text() == "3 seats · €65.00"
    # only the types priced for the category are offered; B sells only Full
    combo = panel.type_combo(a2)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Full", "Concession", "Child"]
    assert "Concession €18.00" in combo.toolTip()
    assert not panel.type_combo(b1).isEnabled() and panel.type_combo(b1).count() == 1

    # keyboard: select the first line, press T (next type: Concession)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: widget.basket.lines[a1].ticket_type == "Concession", timeout=3000)
    assert table.item(0, 2).text() == "Concession" and table.item(0, 3).text() == "€18.00"
    qtbot.keyClick(table, Qt.Key.Key_T)  # T again: Child, Shift+T back to Concession
    assert widget.basket.lines[a1].ticket_type == "Child"
    qtbot.keyClick(table, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    assert widget.basket.lines[a1].ticket_type == "Concession"
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_2)  # B has no second type: unchanged
    assert widget.basket.lines[b1].ticket_type == "Full"

    # combo: the second line's box, Down twice -> Child
    combo = panel.type_combo(a2)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: widget.basket.lines[a2].ticket_type == "Concession", timeout=3000)
    assert panel.type_combo(a2) is combo  # updated in place
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: widget.basket.lines[a2].ticket_type == "Child", timeout=3000)
    assert panel.type_combo(a2).currentText() == "Child" and table.item(1, 3).text() == "€12.50"
    assert panel.total.text() == "3 seats · €45.50"

    seen = {}

    def pay_in_dialog():
        dialog = QApplication.activeModalWidget()
        seen["total"] = dialog.total_minor
        seen["tickets"] = dialog.findChild(QLabel, "ticketSummary").text()
        qtbot.keyClicks(dialog.tendered, "50")
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)

    sold = []
    widget.saleCompleted.connect(sold.append)
    _when_payment_dialog(pay_in_dialog)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(sold), timeout=10_000)
    assert seen["total"] == 4550 and seen["tickets"] == "1 Concession · 1 Child · 1 Full"
    result, views = sold[0]
    assert result.total_minor == 4550 and result.change_minor == 450
    assert sorted((v.seat, v.price_label, v.price_minor) for v in views if v.category == "A") == [
        ("1", "A · Concession", 1800),
        ("2", "A · Child", 1250),
    ]
    assert (
        session.execute(text("SELECT total_minor FROM orders WHERE id = :o"), {"o": result.order_id}).scalar_one()
        == 4550
    )
    rows = session.execute(
        text(
            "SELECT t.seat_id, tt.code, t.price_minor FROM ticket t JOIN ticket_type tt ON tt.id = t.ticket_type_id "
            "WHERE t.order_id = :o ORDER BY t.seat_id"
        ),
        {"o": result.order_id},
    ).all()
    assert rows == [(a1, "concession", 1800), (a2, "child", 1250), (b1, "full", 1500)]
