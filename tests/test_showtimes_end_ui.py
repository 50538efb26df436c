"""Showtimes end, on the real main window: the picker marks a started showtime, hides an
ended one until "Show ended" is ticked; a cashier's hold on an ended showtime is refused
by the database, a manager still sells it (the manager's override)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import text

from boxoffice.services import drawer, setup
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.payment import PaymentDialog
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.test_sell_screen import click_seat

TILL = "till:test"
PASSWORD = "correct horse battery"


@pytest.fixture
def house(session):
    house = make_small_house(session)  # its showtime starts tomorrow
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    short = setup.create_show(session, title="Short Film", duration_minutes=20)
    prices = {"A": 2500, "B": 1500}
    house["ended"] = setup.schedule_showtime(
        session, show_id=short, plan_id=house["plan_id"], starts_at=now - dt.timedelta(minutes=40), prices=prices
    )
    house["started"] = setup.schedule_showtime(
        session, show_id=short, plan_id=house["plan_id"], starts_at=now - dt.timedelta(minutes=10), prices=prices
    )
    return house


def _window(qtbot, session, session_factory, db_url, role):
    """The real main window with a ``role`` signed in as themselves (their own login) and
    their drawer open (cash needs a shift)."""
    make_actor(session, role=role, username=role, password=PASSWORD)
    sessions = TillSessions(db_url)
    person = sessions.sign_in(username=role, password=PASSWORD, till=TILL)
    with sessions.session_factory(person)() as own:
        drawer.open_shift(own, TILL, 10_000)
    runner = TaskRunner(None, actor=person, require_actor=True, factory_for=sessions.session_factory)
    window = MainWindow(runner, channel=TILL, hold_seconds=120, database_label="test", sessions=sessions)
    window.sell.saleCompleted.disconnect(window._sale_completed)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None, timeout=10_000)
    return window, runner, sessions


def _items(picker) -> dict[int, str]:
    return {picker.itemData(i): picker.itemText(i) for i in range(picker.count())}


def _choose(qtbot, window, showtime_id: int) -> None:
    """Pick a showtime in the picker as a person does (choose the item: ``activated``)."""
    picker = window.sell.picker
    index = picker.findData(showtime_id)
    assert index >= 0
    picker.setCurrentIndex(index)
    picker.activated.emit(index)
    qtbot.waitUntil(
        lambda: window.sell.seat_map is not None and window.sell.seat_map.showtime.id == showtime_id, timeout=10_000
    )
    qtbot.waitUntil(lambda: window.sell._version > 0, timeout=10_000)


def _close(window, runner, sessions) -> None:
    runner.wait(5000)
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()
    sessions.close()


def test_picker_marks_started_hides_ended_and_a_cashier_cannot_sell_it(qtbot, house, session, session_factory, db_url):
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, "cashier")
    try:
        items = _items(window.sell.picker)
        assert house["ended"] not in items
        assert items[house["started"]].endswith("Short Film (started)")
        assert "(" not in items[house["showtime_id"]]
        qtbot.mouseClick(window.sell.ended, Qt.MouseButton.LeftButton)  # "Show ended"
        items = _items(window.sell.picker)
        assert items[house["ended"]].endswith("Short Film (ended)")
        _choose(qtbot, window, house["ended"])
        seat = house["seat_ids"][0]
        click_seat(qtbot, window.sell, seat)
        qtbot.waitUntil(lambda: "closed" in window.statusBar().currentMessage(), timeout=8000)
        assert window.sell.basket is None or seat not in window.sell.basket.lines
        state = session.execute(
            text("SELECT state FROM inventory WHERE showtime_id = :s AND seat_id = :seat"),
            {"s": house["ended"], "seat": seat},
        ).scalar_one()
        assert state == "available"
        qtbot.mouseClick(window.sell.ended, Qt.MouseButton.LeftButton)  # untick: the open one stays listed
        assert house["ended"] in _items(window.sell.picker)
    finally:
        _close(window, runner, sessions)


def test_a_manager_sells_after_the_start(qtbot, house, session, session_factory, db_url):
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, "manager")
    try:
        qtbot.mouseClick(window.sell.ended, Qt.MouseButton.LeftButton)
        _choose(qtbot, window, house["ended"])
        seat = house["seat_ids"][0]
        click_seat(qtbot, window.sell, seat)
        qtbot.waitUntil(lambda: window.sell.basket is not None and seat in window.sell.basket.lines, timeout=8000)

        def pay_in_dialog():
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, PaymentDialog), dialog
            cash = dialog.findChild(QLineEdit, "tendered")
            qtbot.keyClicks(cash, "30")
            qtbot.keyClick(cash, Qt.Key.Key_Return)

        sold = []
        window.sell.saleCompleted.connect(sold.append)
        QTimer.singleShot(300, pay_in_dialog)
        window.sell.panel.table.setFocus()
        qtbot.keyClick(window.sell.panel.table, Qt.Key.Key_F9)  # pay cash
        qtbot.waitUntil(lambda: bool(sold), timeout=15_000)
        row = session.execute(
            text("SELECT t.status, t.price_minor FROM ticket t WHERE t.showtime_id = :s AND t.seat_id = :seat"),
            {"s": house["ended"], "seat": seat},
        ).one()
        assert tuple(row) == ("valid", 2500)
    finally:
        _close(window, runner, sessions)


def test_a_late_show_that_began_before_midnight_is_still_listed_after_it(session):
    """The picker's list (``catalog.list_showtimes``) starts 24 hours back, not at midnight
    UTC: a show that began a minute before midnight is listed whatever the time now (it
    once vanished from the till from midnight until it ended)."""
    from boxoffice.services import catalog

    house = make_small_house(session)  # its showtime starts tomorrow
    midnight = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    late = setup.create_show(session, title="Late Show", duration_minutes=5)
    prices = {"A": 2500, "B": 1500}
    plan = house["plan_id"]
    before_midnight = setup.schedule_showtime(
        session, show_id=late, plan_id=plan, starts_at=midnight - dt.timedelta(minutes=1), prices=prices
    )
    long_gone = setup.schedule_showtime(
        session, show_id=late, plan_id=plan, starts_at=midnight - dt.timedelta(days=2), prices=prices
    )
    listed = {s.id for s in catalog.list_showtimes(session)}
    assert before_midnight in listed
    assert long_gone not in listed
    assert house["showtime_id"] in listed
