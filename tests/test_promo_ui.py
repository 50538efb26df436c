"""Promo codes in the desktop app: Manage → Promo codes opened through the real main
window's menu action (create, edit, disable, usage count, reset), and a code typed in
the sell screen's basket (F7) pricing the basket before the customer pays."""

from __future__ import annotations

import os
import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from boxoffice.services import inventory, promo, sales
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.manage.promo_codes import PromoCodesDialog
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.till_helpers import pay_cash


@pytest.fixture
def house(session):
    return make_small_house(session)


def _window(qtbot, session, session_factory, role):
    runner = TaskRunner(session_factory, actor=make_actor(session, role=role), require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    qtbot.addWidget(window)
    return window, runner


def _open(qtbot, window) -> PromoCodesDialog:
    window.promo_action.trigger()
    dialog = window.findChild(PromoCodesDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.show_pick.count() > 1, timeout=5000)
    return dialog


def _cell(dialog, row, col):
    item = dialog.table.item(row, col)
    return item.text() if item else None


def test_a_manager_creates_edits_disables_and_resets_a_code_from_the_manage_menu(
    qtbot, session, session_factory, house
):
    window, runner = _window(qtbot, session, session_factory, "manager")
    assert window.promo_action.isVisible()
    dialog = _open(qtbot, window)
    qtbot.keyClicks(dialog.code, "spring10")
    dialog.max_uses.setValue(5)
    qtbot.mouseClick(dialog.findChild(type(dialog.update_button), "addPromo"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert [_cell(dialog, 0, c) for c in range(6)] == ["SPRING10", "10 %", "every ticket", "always", "0 / 5", "enabled"]

    dialog.table.setCurrentCell(0, 0)
    dialog.percent.setValue(15)
    dialog.show_pick.setCurrentIndex(dialog.show_pick.findData(house["show_id"]))
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(dialog, 0, 1) == "15 %", timeout=5000)
    assert _cell(dialog, 0, 2) == "Test Show"

    token = uuid.uuid4()  # a sale uses the code once
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=house["seat_ids"][:1], token=token, channel="t", seconds=60
    )
    sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=token,
        channel="t",
        method="card",
        reference="AUTH-1",
        promo="SPRING10",
    )
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(dialog, 0, 5) == "disabled", timeout=5000)
    assert _cell(dialog, 0, 4) == "1 / 5" and dialog.toggle_button.text() == "Enable"
    assert session.execute(text("SELECT active FROM promo_code")).scalar_one() is False
    session.rollback()
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(dialog, 0, 4) == "0 / 5", timeout=5000)
    assert "counts from zero" in dialog.status.text()
    dialog.close()
    runner.wait(5000)


def test_a_cashier_has_no_promo_menu_and_the_database_refuses_them_anyway(qtbot, session, session_factory, house):
    window, runner = _window(qtbot, session, session_factory, "cashier")
    assert not window.promo_action.isVisible()
    dialog = window.open_promo_codes()  # even if the screen were reached somehow
    qtbot.waitUntil(lambda: bool(dialog.status.text()) and "may not" in dialog.status.text(), timeout=5000)
    qtbot.keyClicks(dialog.code, "FREEBIE")
    dialog.percent.setValue(100)
    qtbot.mouseClick(dialog.findChild(type(dialog.update_button), "addPromo"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "may not" in dialog.status.text(), timeout=5000)
    runner.wait(5000)
    assert session.execute(text("SELECT count(*) FROM promo_code")).scalar_one() == 0


@pytest.fixture
def screen(qtbot, session, session_factory, house):
    runner = TaskRunner(session_factory)
    widget = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load_showtimes()
    qtbot.waitUntil(
        lambda: widget.seat_map is not None and widget.map.state_of(house["seat_ids"][0]) == "available", timeout=10_000
    )
    yield widget
    runner.wait(5000)


def click_seat(qtbot, widget, seat_id):
    qtbot.mouseClick(widget.map.viewport(), Qt.MouseButton.LeftButton, pos=widget.map.seat_view_pos(seat_id))


def test_a_code_typed_in_the_basket_shows_the_discount_before_paying(qtbot, session, house, screen):
    promo.save_code(session, promo.PromoDraft(code="TENOFF", kind="percent", percent=10))
    a1, a2 = house["seat_ids"][0], house["seat_ids"][1]
    for seat in (a1, a2):
        click_seat(qtbot, screen, seat)
        qtbot.waitUntil(lambda s=seat: s in screen.basket.lines, timeout=5000)
    assert screen.panel.total.text() == "2 seats · €50.00"

    qtbot.keyClick(screen.panel.table, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.panel.promo_edit.hasFocus(), timeout=2000)
    qtbot.keyClicks(screen.panel.promo_edit, "nope")
    qtbot.keyClick(screen.panel.promo_edit, Qt.Key.Key_Return)
    messages = []
    screen.message.connect(messages.append)
    qtbot.waitUntil(lambda: screen.basket.promo_code is None and bool(messages), timeout=5000)
    assert "no such promo code" in messages[-1]

    screen.panel.promo_edit.clear()
    qtbot.keyClicks(screen.panel.promo_edit, "tenoff")
    qtbot.keyClick(screen.panel.promo_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.panel.promo_label.text() == "Promo TENOFF \u2212€5.00", timeout=5000)
    assert screen.panel.total.text() == "2 seats · €45.00"
    if os.environ.get("BOXOFFICE_SCREENSHOTS"):
        screen.panel.grab().save("/tmp/promo-basket.png")

    result, views = pay_cash(qtbot, screen, "50")
    assert (result.total_minor, result.change_minor, result.discount_minor) == (4500, 500, 500)
    assert [v.promo_line for v in views] == ["Promo TENOFF \u2013€2.50"] * 2
    assert screen.basket.promo_code is None and screen.panel.promo_label.text() == ""


def test_the_promo_codes_screen_lists_scope_window_and_usage(qtbot, session, session_factory, house):
    import datetime as dt

    cats, tz = house["category_ids"], dt.UTC
    promo.save_code(
        session,
        promo.PromoDraft(code="SPRING10", kind="percent", percent=10, max_uses=500, description="Spring mailing"),
    )
    promo.save_code(
        session,
        promo.PromoDraft(
            code="FRONTROW5",
            kind="amount",
            amount_minor=500,
            category_id=cats["A"],
            valid_from=dt.datetime(2026, 12, 1, tzinfo=tz),
            valid_until=dt.datetime(2026, 12, 24, tzinfo=tz),
        ),
    )
    promo.save_code(
        session,
        promo.PromoDraft(code="FRIENDS", kind="percent", percent=25, show_id=house["show_id"], max_uses_per_customer=1),
    )
    old = promo.save_code(session, promo.PromoDraft(code="SUMMER", kind="percent", percent=20))
    promo.set_active(session, old, active=False)
    token = uuid.uuid4()
    seats = house["seat_ids"][:3]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=token, channel="t", seconds=60
    )
    sales.sell(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=seats,
        token=token,
        channel="t",
        method="card",
        reference="AUTH-1",
        promo="SPRING10",
    )
    window, runner = _window(qtbot, session, session_factory, "manager")
    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
    rows = {_cell(dialog, r, 0): [_cell(dialog, r, c) for c in range(1, 6)] for r in range(4)}
    assert rows["SPRING10"] == ["10 %", "every ticket", "always", "1 / 500", "enabled"]
    assert rows["FRONTROW5"][0] == "€5.00" and rows["FRONTROW5"][1].startswith("A (Main v1)")
    assert rows["FRIENDS"][1] == "Test Show" and rows["SUMMER"][4] == "disabled"
    dialog.table.setCurrentCell(0, 0)
    if os.environ.get("BOXOFFICE_SCREENSHOTS"):
        dialog.grab().save("docs/screenshots/promo-codes.png")
    dialog.close()
    runner.wait(5000)
