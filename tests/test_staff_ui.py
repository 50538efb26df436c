"""Signing in, locking and switching at the till, the audit screen and staff accounts,
driven with keys and clicks as staff would."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from sqlalchemy import text

from boxoffice.domain.roles import SELL
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.manage.staff_accounts import StaffAccountsDialog
from boxoffice.ui.shell.main_window import MainWindow
from boxoffice.ui.shell.sign_in import FirstAdminDialog, LockDialog, SignInDialog
from tests.factories import make_actor, make_small_house

TILL = "till:test"


@pytest.fixture
def gate(session_factory):
    runner = TaskRunner(session_factory, max_threads=1)
    yield runner
    runner.wait(5000)


@pytest.fixture
def sessions(db_url):
    """The till's people: each signs in as their own PostgreSQL login (real SCRAM)."""
    till = TillSessions(db_url)
    yield till
    till.close()


def open_window(qtbot, sessions, gate, actor, *, idle=0.0):
    """The main window whose tasks run on ``actor``'s own login (they signed in on ``sessions``)."""
    runner = TaskRunner(None, actor=actor, require_actor=True, factory_for=sessions.session_factory)
    window = MainWindow(
        runner,
        channel=TILL,
        hold_seconds=120,
        database_label="test database",
        gate=gate,
        idle_lock_seconds=idle,
        sessions=sessions,
    )
    window.sell.saleCompleted.disconnect(window._sale_completed)  # no modal "sale complete" dialog
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and window.sell._version > 0, timeout=10_000)
    return window, runner


def click_seat(qtbot, window, seat_id):
    view = window.sell.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat_id))


def type_into(qtbot, widget, keys: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, keys)


def test_sign_in_with_the_keyboard_sell_and_see_it_in_the_audit_log(qtbot, session, sessions, gate):
    house = make_small_house(session)
    make_actor(session, role="manager", username="maya", display_name="Maya Manager", password="maya-secret")
    make_actor(session, role="door", username="dan", password="dan-secret")

    dialog = SignInDialog(gate, sessions, till=TILL, permission=SELL)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.username.completer() is not None, timeout=5000)
    # a door account cannot work a till
    type_into(qtbot, dialog.username, "dan")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, "dan-secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "cannot sell" in dialog.error.text(), timeout=5000)
    assert dialog.password.text() == "" and dialog.isVisible()
    # the manager signs in
    dialog.username.clear()
    type_into(qtbot, dialog.username, "maya")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "maya-secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=5000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted and dialog.actor.role == "manager"

    window, runner = open_window(qtbot, sessions, gate, dialog.actor)
    assert window.who_label.text() == "Signed in: Maya Manager (manager)"
    with sessions.session_factory(dialog.actor)() as own:  # the window works on Maya's own login
        assert own.execute(text("SELECT session_user")).scalar_one() == dialog.actor.login
    assert window.audit_action.isVisible() and window.manage_menu.menuAction().isVisible()
    assert window.conflicts_action.isVisible()  # managers follow up admission conflicts
    assert not window.staff_action.isVisible()  # accounts are for admins
    # no shift open on this till yet: the till says so, and she opens one (cash needs it)
    qtbot.waitUntil(lambda: window.drawer.banner.isVisible(), timeout=5000)
    window.drawer.open_action.trigger()
    opening = window.drawer.last_dialog
    qtbot.keyClicks(opening.total, "100")
    qtbot.mouseClick(opening.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.drawer.shift is not None, timeout=5000)
    seat = house["seat_ids"][3]
    click_seat(qtbot, window, seat)
    qtbot.waitUntil(lambda: seat in window.sell.basket.lines, timeout=5000)
    sold = []
    window.sell.saleCompleted.connect(sold.append)
    window.sell.pay_cash(30_00)
    qtbot.waitUntil(lambda: bool(sold), timeout=10_000)
    order = sold[0][0].order_number

    screen = window.open_audit_log()
    qtbot.waitUntil(lambda: screen.page is not None and screen.who.count() > 1, timeout=5000)
    screen.what.setCurrentIndex(screen.what.findData("sale"))
    shown = []
    screen.pageShown.connect(shown.append)
    qtbot.mouseClick(screen.findChild(QPushButton, "apply"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    table = screen.table
    assert table.rowCount() == 1 and screen.position.text() == "Entries 1–1 of 1"
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[1:6] == ["maya", "manager", TILL, "sale", f"order {order}"]
    assert "Stalls A-4" in cells[6] and "€25.00" in cells[6]
    runner.wait(5000)


def test_idle_lock_keeps_the_basket_and_unlocks_with_the_pin(qtbot, session, sessions, gate):
    house = make_small_house(session)
    make_actor(session, role="cashier", username="cara", display_name="Cara", password="cara-secret")
    make_actor(session, role="cashier", username="colin", display_name="Colin", password="colin-secret")
    # both signed in with their passwords on this till this shift, and chose a PIN then
    cara = sessions.sign_in(username="cara", password="cara-secret", till=TILL, pin="1111")
    sessions.sign_in(username="colin", password="colin-secret", till=TILL, pin="2222")
    window, runner = open_window(qtbot, sessions, gate, cara, idle=0.6)
    assert not window.audit_action.isVisible() and not window.manage_menu.menuAction().isVisible()
    assert not window.conflicts_action.isVisible()
    seat = house["seat_ids"][0]
    clicked = time.monotonic()  # before the click: the last input is no earlier than this
    click_seat(qtbot, window, seat)
    qtbot.waitUntil(lambda: seat in window.sell.basket.lines, timeout=5000)
    assert not window.lock.locked

    qtbot.waitUntil(lambda: window.lock.locked, timeout=5000)
    assert time.monotonic() - clicked >= 0.6
    lock = window.lock.dialog
    assert isinstance(lock, LockDialog) and lock.isVisible() and "was idle" in lock.heading.text()
    # the basket stays on screen behind the lock
    assert window.sell.panel.table.rowCount() == 1 and seat in window.sell.basket.lines
    lock.reject()  # Esc does not unlock
    assert lock.isVisible()

    secret = lock.findChild(QLineEdit, "secret")
    qtbot.keyClicks(secret, "9999")
    qtbot.keyClick(secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in lock.error.text(), timeout=5000)
    qtbot.keyClicks(secret, "1111")
    qtbot.keyClick(secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=5000)
    assert runner.actor.username == "cara" and seat in window.sell.basket.lines
    assert window.sell.panel.table.rowCount() == 1

    # Ctrl+L: Colin takes over the till with his PIN; the basket is still there
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.lock.locked and window.lock.dialog.who.count() == 2, timeout=5000)
    lock = window.lock.dialog
    lock.who.setCurrentIndex(lock.who.findData("colin"))
    qtbot.keyClicks(lock.secret, "2222")
    qtbot.keyClick(lock.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=5000)
    assert runner.actor.username == "colin" and window.who_label.text() == "Signed in: Colin (cashier)"
    assert seat in window.sell.basket.lines
    runner.wait(5000)
    reasons = session.execute(
        text(
            "SELECT actor, action, details->>'method', details->>'reason' FROM audit_log "
            "WHERE action LIKE 'sign_in%' ORDER BY id"
        )
    ).all()
    assert [tuple(r) for r in reasons] == [
        ("cara", "sign_in", "password", "start"),
        ("colin", "sign_in", "password", "start"),
        ("cara", "sign_in_failed", "pin", "unlock"),
        ("cara", "sign_in", "pin", "unlock"),
        ("colin", "sign_in", "pin", "switch"),
    ]
    window.sell.release_seats(None)
    runner.wait(5000)


def test_first_run_creates_the_admin_who_deactivates_an_account(qtbot, session, sessions, gate, monkeypatch):
    make_small_house(session)
    make_actor(session, role="cashier", username="cara", display_name="Cara")
    first = FirstAdminDialog(gate, sessions, till=TILL)
    qtbot.addWidget(first)
    first.show()
    qtbot.keyClicks(first.password, "admin-password")
    qtbot.keyClicks(first.repeat, "admin-passwort")
    qtbot.keyClick(first.repeat, Qt.Key.Key_Return)
    assert first.error.text() == "The two passwords differ." and first.actor is None
    qtbot.keyClicks(first.repeat, "admin-password")
    qtbot.keyClick(first.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.actor is not None, timeout=5000)
    assert (first.actor.username, first.actor.role) == ("admin", "admin")

    window, runner = open_window(qtbot, sessions, gate, first.actor)
    assert window.staff_action.isVisible()
    window.staff_action.trigger()  # Staff → Staff accounts…, as an admin arrives there
    accounts = window.findChild(StaffAccountsDialog)
    assert accounts is not None and accounts.isVisible()
    qtbot.waitUntil(lambda: len(accounts.accounts) == 2, timeout=5000)
    accounts.select("cara")
    assert accounts.actions["active"].text() == "&Deactivate…"
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a[2]), answers.pop(0))[1])
    qtbot.mouseClick(accounts.actions["active"], Qt.MouseButton.LeftButton)  # cancelled
    qtbot.mouseClick(accounts.actions["active"], Qt.MouseButton.LeftButton)  # confirmed
    qtbot.waitUntil(lambda: accounts.status.text() == "cara deactivated.", timeout=5000)
    assert "Deactivate Cara (cara)?" in asked[0] and len(asked) == 2
    qtbot.waitUntil(lambda: accounts.selected() is not None and not accounts.selected().active, timeout=5000)
    assert session.execute(text("SELECT active FROM staff WHERE username = 'cara'")).scalar_one() is False
    assert accounts.actions["active"].text() == "Re&activate"
    runner.wait(5000)
