"""The manage screens driven as a manager would: schedule a series, then sell one of the
new showtimes at the sell screen; edit a price and cancel a showtime; block seats."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text

from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.manage.prices import PricesDialog
from boxoffice.ui.manage.schedule import ScheduleDialog
from boxoffice.ui.manage.shows import ShowsDialog
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor, make_small_house
from tests.till_helpers import pay_cash


@pytest.fixture
def house(session):
    # its own showtime a month away, clear of the series the tests schedule
    return make_small_house(session, starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=30))


@pytest.fixture
def manager_runner(session, session_factory):
    runner = TaskRunner(session_factory, actor=make_actor(session, role="manager"), require_actor=True)
    yield runner
    runner.wait(5000)


def click_seat(qtbot, widget, seat_id):
    qtbot.mouseClick(widget.map.viewport(), Qt.MouseButton.LeftButton, pos=widget.map.seat_view_pos(seat_id))


def test_schedule_a_series_then_sell_from_it(qtbot, session, house, manager_runner):
    dialog = ScheduleDialog(manager_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.plan_box.count() == 1 and dialog.show_box.count() == 1, timeout=5000)
    # tomorrow and the day after, every day of the week, at 10:00 and 20:00
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    from PySide6.QtCore import QDate

    dialog.first_day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    after = tomorrow + dt.timedelta(days=1)
    dialog.last_day.setDate(QDate(after.year, after.month, after.day))
    for box in dialog.day_boxes:
        box.setChecked(True)
    dialog.times.setText("")
    qtbot.keyClicks(dialog.times, "20:00, 10:00")
    qtbot.keyClicks(dialog.price_edits[house["category_ids"]["A"]], "31.50")
    qtbot.keyClicks(dialog.price_edits[house["category_ids"]["B"]], "-2")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "cannot be negative" in dialog.summary.text() and not dialog.create_button.isEnabled()
    dialog.price_edits[house["category_ids"]["B"]].setText("19")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
    last = dialog.table.columnCount() - 1
    assert dialog.create_button.isEnabled(), [dialog.table.item(r, last).text() for r in range(4)]
    assert [dialog.table.item(r, 2).text() for r in range(4)] == ["10:00", "20:00", "10:00", "20:00"]
    header = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert header == ["Day", "Date", "Start", "End", "A", "B", "Sales", "Conflicts"]
    assert [dialog.table.item(0, c).text() for c in (2, 3, 4, 5)] == ["10:00", "12:00", "€31.50", "€19.00"]
    asked = []
    dialog.ask = lambda title, body: asked.append(body) or True
    created = []
    dialog.scheduled.connect(created.append)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=10_000)
    assert "Create 4 showtimes of “Test Show”" in asked[0]
    assert "Created 4 showtimes" in dialog.summary.text()
    # previewing the same series again shows every showtime as a conflict
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be scheduled" in dialog.summary.text(), timeout=5000)
    assert "overlaps “Test Show”" in dialog.table.item(0, last).text() and not dialog.create_button.isEnabled()

    # sell a seat of the first new showtime at the ordinary sell screen
    new_id = created[0][0]
    screen = SellScreen(manager_runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    screen.load_showtimes()
    qtbot.waitUntil(lambda: screen.picker.findData(new_id) >= 0, timeout=5000)
    screen.open_showtime(new_id)
    seat = house["seat_ids"][0]
    qtbot.waitUntil(
        lambda: (
            screen.basket is not None
            and screen.basket.showtime_id == new_id
            and screen.map.state_of(seat) == "available"
        ),
        timeout=5000,
    )
    click_seat(qtbot, screen, seat)
    qtbot.waitUntil(lambda: seat in screen.basket.lines, timeout=5000)
    assert screen.panel.total.text() == "1 seat · €31.50"

    open_shift_as(session, manager_runner.actor)  # cash needs the seller's open shift (0015_drawer)
    pay_cash(qtbot, screen, "40")
    row = session.execute(text("SELECT t.showtime_id, t.price_minor FROM ticket t")).one()
    assert tuple(row) == (new_id, 3150)


def test_price_grid_edit_and_cancel_with_refund_list(qtbot, session, house, manager_runner):
    from tests.door_helpers import sell

    sell(session, house["showtime_id"], house["seat_ids"][:2])
    dialog = PricesDialog(manager_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.grid is not None, timeout=5000)
    assert dialog.table.item(0, 0).text() == "€25.00" and dialog.table.item(0, 1).text() == ""
    dialog.table.item(0, 0).setText("-5")
    assert "cannot be negative" in dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "A · Full" in dialog.status.text()
    dialog.table.item(0, 0).setText("27.50")
    dialog.table.item(1, 1).setText("12")  # B · Concession
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved 2 prices" in dialog.status.text(), timeout=5000)
    assert (
        session.execute(
            text("SELECT price_minor FROM showtime_price WHERE category_id = :c"), {"c": house["category_ids"]["A"]}
        ).scalar_one()
        == 2750
    )
    assert session.execute(text("SELECT sum(price_minor) FROM ticket")).scalar_one() == 5000  # sold: unchanged

    seen = []
    dialog.confirm_cancel = lambda showtime, orders: seen.append(orders) or "Flooded foyer"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Cancelled." in dialog.status.text(), timeout=5000)
    (orders,) = seen
    assert len(orders) == 1 and orders[0].tickets == 2 and orders[0].total_minor == 5000
    assert orders[0].number in dialog.status.text()
    assert "CANCELLED" in dialog.list.item(0).text() and not dialog.cancel_button.isEnabled()
    assert session.execute(text("SELECT status FROM showtime")).scalar_one() == "cancelled"


def test_shows_screen_creates_a_show(qtbot, session, manager_runner):
    dialog = ShowsDialog(manager_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: not manager_runner.busy, timeout=5000)
    dialog.new_show()
    qtbot.keyClicks(dialog.title, "Macbeth")
    dialog.duration.setValue(135)
    dialog.set_image(b"GIF89a")
    assert "PNG or JPEG" in dialog.error.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() == "Saved.", timeout=5000)
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("Macbeth\n135 min")
    assert session.execute(text("SELECT title, duration_minutes FROM show")).one() == ("Macbeth", 135)


def test_block_mode_on_the_sell_screen(qtbot, session, house, session_factory):
    cashier = TaskRunner(session_factory, actor=make_actor(session, role="cashier"), require_actor=True)
    till = SellScreen(cashier, channel="till:test", hold_seconds=120)
    qtbot.addWidget(till)
    assert till.block_mode.isHidden()  # cashiers cannot block
    manager = TaskRunner(session_factory, actor=make_actor(session, role="manager"), require_actor=True)
    screen = SellScreen(manager, channel="till:test", hold_seconds=120)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    screen.load_showtimes()
    a1, a2 = house["seat_ids"][:2]
    qtbot.waitUntil(lambda: screen.seat_map is not None and screen.map.state_of(a1) == "available", timeout=10_000)
    qtbot.keyClick(screen, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert screen.blocking.active and screen.block_mode.isChecked()
    click_seat(qtbot, screen, a1)
    click_seat(qtbot, screen, a2)
    assert screen.blocking.picked == [a1, a2] and not screen.basket.lines  # picked, not held
    screen.blocking.reason.setCurrentText("Camera position")
    qtbot.mouseClick(screen.blocking.block_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.map.state_of(a1) == "blocked" and screen.map.state_of(a2) == "blocked", timeout=5000)
    reason = session.execute(text("SELECT details->>'reason' FROM audit_log WHERE action = 'seat_block'")).scalar_one()
    assert reason == "Camera position"
    click_seat(qtbot, screen, a2)
    qtbot.mouseClick(screen.blocking.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.map.state_of(a2) == "available", timeout=5000)
    screen.blocking.stop()
    click_seat(qtbot, screen, a2)  # back to selling: a click holds the seat
    qtbot.waitUntil(lambda: a2 in screen.basket.lines, timeout=5000)
    screen.release_seats(None)
    manager.wait(5000)
    cashier.wait(5000)


def test_manage_menu_offers_the_screens_by_role(qtbot, session, house, session_factory):
    from boxoffice.ui.shell.main_window import MainWindow

    for role, visible in (("cashier", False), ("manager", True)):
        runner = TaskRunner(session_factory, actor=make_actor(session, role=role), require_actor=True)
        window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
        qtbot.addWidget(window)
        assert window.shows_action.isVisible() is visible
        assert window.schedule_action.isVisible() is visible
        assert window.prices_action.isVisible() is visible
        assert window.sell.block_mode.isVisibleTo(window) is visible
        if visible:
            dialog = window.open_schedule()
            qtbot.waitUntil(lambda d=dialog: d.plan_box.count() == 1, timeout=5000)
            dialog.close()
        runner.wait(5000)


def test_cancel_dialog_needs_a_reason_and_lists_the_orders(qtbot):
    import datetime as dt_

    from boxoffice.services.cancellation import RefundDue
    from boxoffice.services.schedule import ManagedShowtime
    from boxoffice.ui.manage.prices import CancelShowtimeDialog

    showtime = ManagedShowtime(
        1,
        1,
        "Hamlet",
        1,
        "Hall",
        dt_.datetime(2027, 1, 9, 19, 30, tzinfo=dt_.UTC),
        None,
        "on_sale",
        None,
        None,
        "Europe/London",
        "GBP",
        3,
        0,
        100,
    )
    orders = [
        RefundDue(1, "BO-001001", "till:1", 2, 5000, "GBP", ("Stalls A-1", "Stalls A-2"), None),
        RefundDue(2, "BO-001002", "web", 1, 2500, "GBP", ("Stalls B-1",), "ann@example.org"),
    ]
    dialog = CancelShowtimeDialog(showtime, orders)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and dialog.table.item(1, 4).text() == "Stalls B-1 · ann@example.org"
    assert dialog.table.item(0, 3).text() == "£50.00"
    assert not dialog.confirm.isEnabled()
    qtbot.keyClicks(dialog.reason, "Lead actor ill")
    assert dialog.confirm.isEnabled()


def test_price_rules_tab_adds_and_deletes_a_rule(qtbot, session, house, manager_runner):
    from boxoffice.ui.manage.price_rules import PriceRulesPanel

    panel = PriceRulesPanel(manager_runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    qtbot.waitUntil(lambda: panel.ticket_type.count() == 4, timeout=5000)
    qtbot.keyClicks(panel.name, "Matinee")
    panel.use_until.setChecked(True)
    for box in panel.days[:5]:
        box.setChecked(False)  # weekends only
    qtbot.keyClicks(panel.amount, "abc")
    qtbot.mouseClick(panel.findChild(QPushButton, "addRule"), Qt.MouseButton.LeftButton)
    assert "not a percentage" in panel.status.text()
    panel.amount.setText("-20")
    qtbot.mouseClick(panel.findChild(QPushButton, "addRule"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5000)
    assert panel.table.item(0, 4).text() == "Sat Sun · before 17:00 · −20 %"
    panel.table.selectRow(0)
    panel.delete_selected()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=5000)


def test_ticket_types_tab_adds_a_type(qtbot, session, house, manager_runner):
    from boxoffice.ui.manage.ticket_types import TicketTypesPanel

    panel = TicketTypesPanel(manager_runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 4, timeout=5000)
    qtbot.keyClicks(panel.name, "Student")
    panel.position.setValue(5)
    qtbot.mouseClick(panel.findChild(QPushButton, "addType"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 5, timeout=5000)
    assert [panel.table.item(4, c).text() for c in range(4)] == ["5", "Student", "student", "yes"]
    panel.name.setText("Concession")  # a name the venue has: refused, said plainly
    qtbot.mouseClick(panel.findChild(QPushButton, "addType"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already has" in panel.status.text(), timeout=5000)


def test_sales_button_pauses_sales(qtbot, session, house, manager_runner):
    dialog = PricesDialog(manager_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.grid is not None, timeout=5000)
    seen = []

    def ask(settings):
        from boxoffice.ui.manage.sales_window import SalesWindowDialog

        form = SalesWindowDialog(settings, dialog)
        qtbot.addWidget(form)
        form.paused.setChecked(True)
        seen.append(form.values())
        return form.values()

    dialog.ask_sales = ask
    qtbot.mouseClick(dialog.sales_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sales settings saved." in dialog.status.text(), timeout=5000)
    assert seen == [{"paused": True, "on_sale_at": None, "off_sale_at": None, "doors_open_at": None}]
    assert "SALES PAUSED" in dialog.heading.text()
    assert "OFF SALE" in dialog.list.item(0).text()
    assert session.execute(text("SELECT status FROM showtime")).scalar_one() == "off_sale"
