"""A late sale on the real main window: a cashier on a showtime whose sales have closed is
told so and offered "Manager override…"; a manager types their name and password at the
cashier's till (Sale → Manager override: late sale…, Ctrl+M); the sale goes through, the
override is used up by it, and both are in the audit log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import text

from boxoffice.ui.counter.late_sale import LateSaleDialog
from boxoffice.ui.counter.payment import PaymentDialog
from tests.factories import make_actor
from tests.test_sell_screen import click_seat
from tests.test_showtimes_end_ui import (
    PASSWORD,
    _choose,
    _close,
    _window,
    house as house,  # noqa: F401 - the fixture
)


def _dialog(qtbot) -> LateSaleDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LateSaleDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LateSaleDialog)
    return dialog


def _done(window, runner, sessions) -> None:
    """Close the till; a basket left by a failed step is dropped first (no "Release them?" question)."""
    if window.sell.basket is not None:
        window.sell.release_seats(None)
    _close(window, runner, sessions)


def _pay_cash(qtbot, window) -> list:
    timer = QTimer(window)  # the payment dialog runs its own loop: type into it once it shows

    def pay_in_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PaymentDialog):
            return
        timer.stop()
        cash = dialog.findChild(QLineEdit, "tendered")
        qtbot.keyClick(cash, Qt.Key.Key_Return)  # nothing typed: exact cash

    sold: list = []
    window.sell.saleCompleted.connect(sold.append)
    timer.timeout.connect(pay_in_dialog)
    timer.start(100)
    window.sell.panel.table.setFocus()
    qtbot.keyClick(window.sell.panel.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(sold), timeout=15_000)
    return sold


def test_a_cashier_sells_after_the_close_with_a_manager_s_override(qtbot, house, session, session_factory, db_url):  # noqa: F811
    make_actor(session, role="manager", username="maya", password=PASSWORD, display_name="Maya Manager")
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, "cashier")
    try:
        sell = window.sell
        assert sell.late.button.isHidden()  # tomorrow's showtime: nothing to override
        qtbot.mouseClick(sell.ended, Qt.MouseButton.LeftButton)  # "Show ended"
        _choose(qtbot, window, house["ended"])
        assert sell.late.button.isVisible() and "Manager override" in sell.late.button.text()
        assert "Sales closed" in sell.late.button.text()
        a1, a2 = house["seat_ids"][:2]
        click_seat(qtbot, sell, a1)
        qtbot.waitUntil(lambda: "Manager override" in sell.notice.text, timeout=8000)
        assert "closed" in sell.notice.text

        window.late_sale_action.trigger()  # Sale → Manager override: late sale… (Ctrl+M)
        dialog = _dialog(qtbot)
        qtbot.keyClicks(dialog.manager, "maya")
        qtbot.keyClicks(dialog.secret, "not her password")
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "wrong password" in dialog.status.text(), timeout=10_000)
        assert dialog.isVisible() and sell.basket.late_sale is None
        qtbot.keyClicks(dialog.secret, PASSWORD)
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sell.basket.late_sale is not None, timeout=10_000)
        assert "approved by maya" in sell.notice.text
        assert not sell.late.button.isEnabled()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

        click_seat(qtbot, sell, a1)
        qtbot.waitUntil(lambda: a1 in sell.basket.lines, timeout=8000)
        click_seat(qtbot, sell, a2)
        qtbot.waitUntil(lambda: a2 in sell.basket.lines, timeout=8000)
        sold = _pay_cash(qtbot, window)
        order_id = sold[0][0].order_id
        assert sell.basket.late_sale is None  # used up: the next sale needs a new approval
        assert sell.late.button.isEnabled()

        rows = session.execute(
            text("SELECT seat_id, status FROM ticket WHERE order_id = :o ORDER BY seat_id"), {"o": order_id}
        ).all()
        assert [tuple(r) for r in rows] == [(a1, "valid"), (a2, "valid")]
        used = session.execute(
            text(
                "SELECT o.showtime_id, s.username, g.username, o.reason FROM manager_override o "
                "JOIN staff s ON s.id = o.used_by JOIN staff g ON g.id = o.granted_by WHERE o.order_id = :o"
            ),
            {"o": order_id},
        ).one()
        assert tuple(used) == (house["ended"], "cashier", "maya", "Latecomer")
        audit = session.execute(
            text("SELECT action, actor FROM audit_log WHERE action LIKE 'override.%' ORDER BY id")
        ).all()
        assert [tuple(r) for r in audit] == [("override.grant", "maya"), ("override.use", "cashier")]
        session.commit()

        a3 = house["seat_ids"][2]  # the next customer: refused again without a new approval
        sell.notice.dismiss()
        click_seat(qtbot, sell, a3)
        qtbot.waitUntil(lambda: "Manager override" in sell.notice.text, timeout=8000)
        assert a3 not in sell.basket.lines
    finally:
        _done(window, runner, sessions)


def test_a_manager_needs_no_override(qtbot, house, session, session_factory, db_url):  # noqa: F811
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, "manager")
    try:
        qtbot.mouseClick(window.sell.ended, Qt.MouseButton.LeftButton)
        _choose(qtbot, window, house["ended"])
        assert window.sell.late.button.isHidden()
        window.late_sale_action.trigger()
        assert not isinstance(QApplication.activeModalWidget(), LateSaleDialog)
    finally:
        _done(window, runner, sessions)


@pytest.mark.parametrize("role", ["cashier"])
def test_the_started_showtime_is_still_sold_without_override(qtbot, house, session, session_factory, db_url, role):  # noqa: F811
    window, runner, sessions = _window(qtbot, session, session_factory, db_url, role)
    try:
        _choose(qtbot, window, house["started"])  # started 10 minutes ago, closes after 30
        assert window.sell.late.button.isHidden()
        seat = house["seat_ids"][0]
        click_seat(qtbot, window.sell, seat)
        qtbot.waitUntil(lambda: seat in window.sell.basket.lines, timeout=8000)
    finally:
        _done(window, runner, sessions)
