"""Paying at the real main window with the keyboard, as the person signed in (their own
login): a split of card and cash, and a complimentary ticket a manager approves in place
without the cashier signing out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.services import drawer
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.payment import PaymentDialog
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house

TILL = "till:test"
PASSWORD = "correct horse battery"


@pytest.fixture
def till(qtbot, session, db_url):
    """A house; cashier ``cass`` signed in at the till (her own login) in the real main
    window; manager ``meg`` exists but is not signed in here."""
    house = make_small_house(session)
    make_actor(session, role="cashier", username="cass", password=PASSWORD)
    make_actor(session, role="manager", username="meg", password="meg-secret")
    sessions = TillSessions(db_url)
    cass = sessions.sign_in(username="cass", password=PASSWORD, till=TILL)
    with sessions.session_factory(cass)() as own:  # her drawer is open (cash needs a shift, 0015_drawer)
        drawer.open_shift(own, TILL, 10_000)
    runner = TaskRunner(None, actor=cass, require_actor=True, factory_for=sessions.session_factory)
    window = MainWindow(runner, channel=TILL, hold_seconds=120, database_label="test", sessions=sessions)
    window.sell.saleCompleted.disconnect(window._sale_completed)  # no modal "sale complete" dialog
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and window.sell._version > 0, timeout=10_000)
    yield window, house, cass
    runner.wait(5000)
    sessions.close()


def _basket(qtbot, window, seats) -> None:
    view = window.sell.map
    for seat in seats:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat))
        qtbot.waitUntil(lambda s=seat: s in window.sell.basket.lines, timeout=5000)


def _pay(qtbot, window, key, in_dialog) -> tuple:
    """Press ``key`` at the sell screen, let ``in_dialog(dialog)`` work the payment dialog;
    returns what the sale emitted."""
    sold: list = []
    seen: list = []
    window.sell.saleCompleted.connect(sold.append)

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog), dialog
        seen.append(dialog)
        in_dialog(dialog)

    QTimer.singleShot(200, work)
    window.sell.panel.table.setFocus()
    qtbot.keyClick(window.sell.panel.table, key)
    qtbot.waitUntil(lambda: bool(sold), timeout=15_000)
    assert seen, "the payment dialog did not open"
    return sold[0]


def _payments(session, order_id):
    rows = session.execute(
        text(
            "SELECT method, amount_minor, tendered_minor, reference, comp_reason, override_id IS NOT NULL "
            "FROM payment WHERE order_id = :o ORDER BY id"
        ),
        {"o": order_id},
    ).all()
    return [tuple(r) for r in rows]


def test_a_cashier_sells_two_seats_paying_20_by_card_and_the_rest_cash(qtbot, till, session):
    window, house, cass = till
    _basket(qtbot, window, house["seat_ids"][:2])  # row A: 2 x 25.00
    seen = {}

    def in_dialog(dialog) -> None:
        remaining = dialog.findChild(QLabel, "remaining")
        seen["start"] = remaining.text()
        qtbot.keyClick(dialog, Qt.Key.Key_F10)  # card
        qtbot.keyClicks(dialog.findChild(QLineEdit, "cardAmount"), "20")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "cardReference"), "AUTH 4711")
        seen["card"] = remaining.text()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F12)  # take it as a part payment
        seen["after card"] = (remaining.text(), dialog.method, [dialog.parts_list.item(0).text()])
        cash = dialog.findChild(QLineEdit, "tendered")
        assert cash.hasFocus()
        qtbot.keyClicks(cash, "40")
        seen["change"] = dialog.findChild(QLabel, "change").text()
        seen["visible"] = remaining.isVisible()
        qtbot.keyClick(cash, Qt.Key.Key_Return)

    result, views = _pay(qtbot, window, Qt.Key.Key_F9, in_dialog)
    assert seen == {
        "start": "€50.00",
        "card": "€50.00 → €30.00 after this",
        "after card": ("€30.00", "cash", ["Card €20.00 · ref AUTH 4711"]),
        "change": "€10.00",
        "visible": True,
    }
    assert (result.method, result.change_minor, len(views)) == ("split", 1000, 2)
    assert _payments(session, result.order_id) == [
        ("card", 2000, 2000, "AUTH 4711", None, False),
        ("cash", 3000, 4000, None, None, False),
    ]
    staff = session.execute(text("SELECT staff_id FROM orders WHERE id = :o"), {"o": result.order_id}).scalar_one()
    assert staff == cass.staff_id


def test_a_manager_approves_a_comp_in_place_and_the_cashier_stays_signed_in(qtbot, till, session):
    window, house, cass = till
    seat = house["seat_ids"][12]  # row B: 15.00
    _basket(qtbot, window, [seat])
    seen = {}

    def in_dialog(dialog) -> None:
        assert dialog.method == "comp"
        confirm = dialog.findChild(QPushButton, "confirmSale")
        qtbot.keyClicks(dialog.comp_reason.lineEdit(), "Press night")
        seen["before approval"] = (confirm.isEnabled(), dialog.findChild(QLabel, "problem").text())
        panel = dialog.override_panel
        assert panel.isVisible()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "managerName"), "meg")
        password = dialog.findChild(QLineEdit, "managerPassword")
        qtbot.keyClicks(password, "wrong")
        qtbot.keyClick(password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "password" in panel.status.text(), timeout=10_000)
        seen["wrong"] = (panel.status.text(), dialog.isVisible())
        qtbot.keyClicks(password, "meg-secret")
        qtbot.keyClick(password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.token is not None, timeout=10_000)
        seen["approved"] = (panel.status.text(), confirm.isEnabled())
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)

    result, _views = _pay(qtbot, window, Qt.Key.Key_F11, in_dialog)
    assert seen["before approval"][0] is False and "manager approves" in seen["before approval"][1]
    assert seen["wrong"] == ("Unknown name or wrong password.", True)
    assert seen["approved"] == ("Approved by meg for this sale.", True)
    assert _payments(session, result.order_id) == [("comp", 1500, 1500, None, "Press night", True)]
    assert window.runner.actor == cass  # nobody was signed out or in
    audit = session.execute(
        text(
            "SELECT action, actor, till FROM audit_log WHERE action IN ('override.grant', 'override.use', 'sale') ORDER BY id"
        )
    ).all()
    assert [tuple(r) for r in audit] == [
        ("override.grant", "meg", TILL),
        ("override.use", "cass", TILL),
        ("sale", "cass", TILL),
    ]
