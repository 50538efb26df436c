"""The Drawer menu on the real main window (pytest-qt, offscreen): a cashier without a
shift is prompted to open one, opens it, takes an X report and closes blind; a manager
closes a shift someone left open and sees the variance."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.printing.render import pdf_page_images
from boxoffice.printing.z_report import render_report_pdf
from boxoffice.services import bookings, drawer, inventory
from boxoffice.services.auth import act_as
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.drawer.dialogs import (
    CloseShiftDialog,
    MovementDialog,
    OpenShiftDialog,
    OpenShiftsDialog,
    ReportDialog,
)
from boxoffice.ui.shell.main_window import MainWindow
from tests.drawer_helpers import open_shift_as, sell_as
from tests.factories import make_actor, make_small_house

SHOTS = os.environ.get("BOXOFFICE_SCREENSHOTS")  # a directory: save the screens shown


def _web_sale(session, house, seat_index: int) -> None:
    token = inventory.new_hold_token()
    seat = house["seat_ids"][seat_index]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=token, channel="web", seconds=60
    )
    booking = bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=token, seconds=300)
    bookings.confirm_booking(session, booking_id=booking.id, method="online", reference="ps_ui")


def _window(qtbot, session_factory, actor):
    runner = TaskRunner(session_factory, actor=actor, require_actor=True)
    window = MainWindow(runner, channel=actor.till, hold_seconds=120, database_label="test")
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.show()
    window.drawer.refresh()
    return window


def _click(qtbot, widget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _scalar(session, sql: str, **params):
    value = session.execute(text(sql), params).scalar()
    session.rollback()
    return value


def test_a_cashier_is_prompted_opens_a_shift_and_closes_blind(qtbot, session, session_factory):
    house = make_small_house(session)
    ann = make_actor(session, role="cashier", till="till:front-1", display_name="Ann Till")
    window = _window(qtbot, session_factory, ann)
    qtbot.waitUntil(lambda: window.drawer.banner.isVisible(), timeout=5000)  # the prompt
    assert not window.drawer.close_action.isEnabled() and not window.drawer.close_other_action.isVisible()

    window.drawer.open_action.trigger()
    dialog = window.drawer.last_dialog
    assert isinstance(dialog, OpenShiftDialog)
    dialog.grid.boxes[5000].setValue(2)  # 2 x €50 = €100 float
    assert dialog.findChild(QLineEdit, "floatTotal").text() == "100.00"
    _click(qtbot, dialog, "openShift")
    qtbot.waitUntil(lambda: window.drawer.shift is not None, timeout=5000)
    assert not window.drawer.banner.isVisible() and window.drawer.close_action.isEnabled()
    assert window.drawer.shift.float_minor == 10_000

    sell_as(session, ann, house, 0, tendered=5_000)  # €25 cash
    window.drawer.drop_action.trigger()
    drop = window.drawer.last_dialog
    assert isinstance(drop, MovementDialog)
    qtbot.keyClicks(drop.findChild(QLineEdit, "movementAmount"), "10")
    _click(qtbot, drop, "recordMovement")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Recorded.", timeout=5000)
    assert _scalar(session, "SELECT amount_minor || ' ' || reason FROM drawer_movement") == "1000 To the safe"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(  # the X report by its shortcut
        window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: isinstance(window.drawer.last_dialog, ReportDialog), timeout=5000)
    x_text = window.drawer.last_dialog.findChild(object, "reportText").toPlainText()
    assert "X REPORT" in x_text and "€115.00" in x_text  # expected cash: 100 + 25 - 10

    window.drawer.close_action.trigger()
    closing = window.drawer.last_dialog
    assert isinstance(closing, CloseShiftDialog)
    shown = " ".join(w.text() for w in closing.pages.currentWidget().findChildren(object) if hasattr(w, "text"))
    assert "115" not in shown  # blind: the expected figure is not on screen before the count
    closing.grid.boxes[10000].setValue(1)
    closing.grid.boxes[1000].setValue(1)  # €110 counted: €5 short
    _click(qtbot, closing, "commitCount")
    qtbot.waitUntil(lambda: closing.z is not None, timeout=5000)
    assert "Variance: <b>-€5.00</b> (short)" in closing.variance.text()
    assert _scalar(session, "SELECT variance_minor FROM z_report WHERE number = 1") == -500
    qtbot.waitUntil(lambda: window.drawer.banner.isVisible(), timeout=5000)  # no shift again


def test_a_manager_closes_a_shift_left_open_and_sees_the_variance(qtbot, session, session_factory):
    house = make_small_house(session)
    ann = make_actor(session, role="cashier", till="till:front-1", display_name="Ann Till")
    meg = make_actor(session, role="manager", till="till:office", display_name="Meg Manager")
    shift = open_shift_as(session, ann, 10_000)
    for seat in (0, 1, 10):  # 2500 + 2500 + 1500 cash
        sell_as(session, ann, house, seat, tendered=5_000)
    sell_as(session, ann, house, 11, method="card")  # not in the drawer
    act_as(session, ann)
    drawer.record_movement(session, shift, "payout", 500, "Stamps")
    act_as(session, None)
    _web_sale(session, house, 12)  # the web's, shown for the day
    window = _window(qtbot, session_factory, meg)
    qtbot.waitUntil(lambda: window.drawer.banner.isVisible(), timeout=5000)
    assert window.drawer.close_other_action.isVisible()

    window.drawer.close_other_action.trigger()
    chooser = window.drawer.last_dialog
    assert isinstance(chooser, OpenShiftsDialog)
    qtbot.waitUntil(lambda: chooser.list.count() == 1, timeout=5000)
    assert "till:front-1 · Ann Till" in chooser.list.itemText(0)
    _click(qtbot, chooser, "closeChosen")
    closing = window.drawer.last_dialog
    assert isinstance(closing, CloseShiftDialog)
    closing.grid.boxes[10000].setValue(1)
    closing.grid.boxes[5000].setValue(1)
    closing.grid.boxes[1000].setValue(1)
    closing.grid.boxes[200].setValue(1)  # €162.00 counted; €160.00 expected (100 + 65 - 5)
    _click(qtbot, closing, "commitCount")
    qtbot.waitUntil(lambda: closing.z is not None, timeout=5000)
    assert "Expected cash: <b>€160.00</b>" in closing.variance.text()
    assert "Variance: <b>+€2.00</b> (over)" in closing.variance.text()
    z = closing.z
    assert (z.closed_by, z.figures.staff_name, z.variance_minor) == ("Meg Manager", "Ann Till", 200)
    assert [(t.name, t.paid_minor) for t in z.figures.tenders] == [("cash", 6500), ("card", 1500)]
    assert [(w.name, w.paid_minor) for w in z.figures.web] == [("web · online", 1500)]
    assert _scalar(session, "SELECT closed_by FROM till_shift") == meg.staff_id
    page = pdf_page_images(render_report_pdf(z.figures), dpi=100)[0]
    assert 300 <= page.width <= 330  # 80 mm at 100 dpi
    if SHOTS:
        closing.resize(560, 720)
        closing.grab().save(str(Path(SHOTS) / "cash-up.png"))
        pdf_page_images(render_report_pdf(z.figures), dpi=150)[0].save(str(Path(SHOTS) / "z-report.png"))
