"""The sell screen driven as a cashier would: click seats, pay cash, confirm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.ui.payment import PayCashDialog
from boxoffice.ui.sell import SellScreen
from boxoffice.ui.tasks import TaskRunner
from tests.factories import make_small_house


@pytest.fixture
def screen(qtbot, session, session_factory):
    house = make_small_house(session)
    runner = TaskRunner(session_factory)
    widget = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load_showtimes()
    qtbot.waitUntil(lambda: widget.seat_map is not None and widget.map.state_of(house["seat_ids"][0]) == "available",
                    timeout=10_000)
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
    assert table.item(1, 2).text() == "€25.00"
    assert widget.panel.total.text() == "2 seats · €50.00"
    assert widget.panel.countdown.text() != ""
    qtbot.waitUntil(lambda: widget.map.state_of(a1) == "held" and widget.map.state_of(a2) == "held", timeout=5000)
    held = session.execute(text("SELECT count(*) FROM inventory_live WHERE state='held' AND hold_token=:t"),
                           {"t": widget.basket.token}).scalar_one()
    assert held == 2

    seen = {}

    def pay_in_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PayCashDialog)
        tendered = dialog.findChild(QLineEdit, "tendered")
        qtbot.keyClicks(tendered, "60")
        seen["change"] = dialog.findChild(QLabel, "change").text()
        confirm = dialog.findChild(QPushButton, "confirmSale")
        seen["enabled"] = confirm.isEnabled()
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    sold = []
    widget.saleCompleted.connect(sold.append)
    QTimer.singleShot(200, pay_in_dialog)
    qtbot.mouseClick(widget.panel.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(sold), timeout=10_000)

    assert seen == {"change": "€10.00", "enabled": True}
    result, views = sold[0]
    assert result.change_minor == 10_00 and len(views) == 2
    assert widget.panel.table.rowCount() == 0
    qtbot.waitUntil(lambda: widget.map.state_of(a1) == "sold" and widget.map.state_of(a2) == "sold", timeout=5000)
    rows = session.execute(text("SELECT seat_id, state FROM inventory WHERE seat_id = ANY(:s) ORDER BY seat_id"),
                           {"s": [a1, a2]}).all()
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
    inventory.hold_seats(session, showtime_id=house["showtime_id"], seat_ids=[seat], token=uuid.uuid4(),
                         channel="web", seconds=60)
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
