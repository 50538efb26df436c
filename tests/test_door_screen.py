"""The door screen driven as door staff would: a handheld scanner types the code and
Enter, the screen fills with the verdict and clears itself; look-up by order number;
a camera frame of a printed ticket; the offline banner and queue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.door.station import DoorStation
from boxoffice.printing import render_tickets_pdf
from boxoffice.printing.render import pdf_page_images
from boxoffice.services import door_info
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.door.media import VerdictSounds, decode_image
from boxoffice.ui.door.screen import DoorScreen
from boxoffice.ui.door.verdict import LOOKS
from tests.door_helpers import door, open_house, sell


def _screen(qtbot, house, station, factory, session):
    scans, info = TaskRunner(factory, max_threads=1), TaskRunner(factory, max_threads=2)
    showtimes = door_info.door_showtimes(session, ids=[house["showtime_id"]])
    widget = DoorScreen(
        station,
        scans,
        info_runner=info,
        showtimes=showtimes,
        reentry=True,
        sounds=VerdictSounds(enabled=True),
        counters_s=0.2,
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.focusWidget() is widget.input, timeout=2000)
    return widget, [scans, info]


@pytest.fixture
def house(session):
    house = open_house(session)
    house["tickets"] = sell(session, house["showtime_id"], house["seat_ids"][:3] + [house["seat_ids"][20]])
    return house


@pytest.fixture
def screen(qtbot, house, session, session_factory, tmp_path):
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    widget, runners = _screen(qtbot, house, station, session_factory, session)
    widget.start()
    qtbot.waitUntil(lambda: station.online is True, timeout=10_000)
    yield widget
    widget.stop()
    for r in runners:
        r.wait(5000)


def scan_like_a_scanner(qtbot, widget, code, end=Qt.Key.Key_Return):
    assert widget.focusWidget() is widget.input  # no click needed: the scan field has the keyboard
    qtbot.keyClicks(widget.input, code)
    qtbot.keyClick(widget.input, end)


def test_scanner_types_a_code_and_enter_and_the_screen_says_admit(qtbot, screen, house, session):
    view = house["tickets"][0]
    assert screen.panel.texts()[0] == "Scan the next ticket"
    scan_like_a_scanner(qtbot, screen, view.code)
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ADMIT", timeout=5000)
    headline, lines = screen.panel.texts()
    assert lines[:2] == ["Stalls \u00b7 Row A \u00b7 Seat 1", "A"]
    assert screen.panel.colour == LOOKS[screen.last_verdict.kind][0]
    assert screen.input.text() == "" and screen.input.hasFocus()
    assert screen.sounds.played[-1] == "admit"
    assert (
        session.execute(text("SELECT gate FROM admission WHERE ticket_id = :t"), {"t": view.ticket_id}).scalar_one()
        == "North"
    )
    qtbot.waitUntil(lambda: screen.stats.total.text() == "1 / 4", timeout=5000)
    assert "North: 1" in screen.stats.per_gate.text()

    scan_like_a_scanner(qtbot, screen, view.code, end=Qt.Key.Key_Tab)  # some scanners end with Tab
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ALREADY ADMITTED", timeout=5000)
    assert "gate North" in screen.panel.texts()[1][0]
    assert screen.sounds.played[-1] == "refuse" and screen.input.hasFocus()


def test_wheelchair_notice_and_the_verdict_clears_by_itself(qtbot, screen, house):
    screen.panel.admit_ms = 150
    wheelchair = next(t for t in house["tickets"] if t.wheelchair)
    scan_like_a_scanner(qtbot, screen, wheelchair.code)
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ADMIT", timeout=5000)
    assert any("WHEELCHAIR" in line for line in screen.panel.texts()[1])
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "Scan the next ticket", timeout=3000)
    assert screen.panel.colour == LOOKS[None][0]


def test_not_valid_code_and_exit_mode(qtbot, screen, house):
    scan_like_a_scanner(qtbot, screen, "NOT-A-TICKET")
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "NOT VALID", timeout=5000)
    code = house["tickets"][1].code
    scan_like_a_scanner(qtbot, screen, code)
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ADMIT", timeout=5000)
    qtbot.keyClick(screen.input, Qt.Key.Key_F6)
    assert screen.mode_label.text() == "EXIT" and screen.exit_mode
    scan_like_a_scanner(qtbot, screen, code)
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "EXIT OK", timeout=5000)
    qtbot.keyClick(screen.input, Qt.Key.Key_F6)
    scan_like_a_scanner(qtbot, screen, code)
    qtbot.waitUntil(lambda: "Re-entry" in screen.panel.texts()[1], timeout=5000)


def test_camera_option_says_why_when_there_is_none(qtbot, screen):
    available, why = screen.camera.availability()
    if available:
        pytest.skip("this machine has a camera")
    assert not screen.camera_button.isEnabled() and screen.camera_button.toolTip() == why
    qtbot.keyClick(screen.input, Qt.Key.Key_F4)
    assert screen.hint.text() and not screen.preview.isVisible()


def test_a_camera_frame_of_a_printed_ticket_is_admitted(qtbot, screen, house):
    view = house["tickets"][2]
    (page,) = pdf_page_images(render_tickets_pdf([view], layout="a4"), dpi=120)
    frame = QImage(
        page.convert("RGB").tobytes(), page.width, page.height, page.width * 3, QImage.Format.Format_RGB888
    ).copy()
    (code,) = decode_image(frame)  # what CameraScanner does with each frame
    screen.camera.codeFound.emit(code)
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ADMIT", timeout=5000)
    assert screen.last_verdict.ticket_id == view.ticket_id


def test_find_an_order_and_admit_by_hand(qtbot, screen, house, session):
    number = house["tickets"][0].order_number
    seen = {}

    def drive():
        dialog = QApplication.activeModalWidget()
        query = dialog.findChild(QLineEdit, "lookupQuery")
        qtbot.keyClicks(query, number)
        qtbot.keyClick(query, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5000)
        seen["rows"] = dialog.table.rowCount()
        dialog.admit_selected()
        qtbot.waitUntil(lambda: "inside since" in dialog.table.item(0, 3).text(), timeout=5000)
        dialog.reject()

    QTimer.singleShot(0, drive)
    screen.open_lookup()
    assert seen["rows"] == 4
    qtbot.waitUntil(lambda: screen.panel.texts()[0] == "ADMIT", timeout=5000)
    assert session.execute(text("SELECT method FROM admission")).scalar_one() == "manual"
    assert screen.focusWidget() is screen.input  # the scanner types into the scan field again


def test_offline_screen_queues_and_says_so(qtbot, house, session, session_factory, tmp_path):
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    with session_factory() as s:
        station.sync(s)  # online once
    dead = make_engine("postgresql+psycopg://nobody@/nowhere?host=/nonexistent", poolclass=NullPool, pool_size=None)
    widget, runners = _screen(qtbot, house, station, make_session_factory(dead), session)
    try:
        scan_like_a_scanner(qtbot, widget, house["tickets"][0].code)
        qtbot.waitUntil(lambda: widget.panel.texts()[0] == "ADMIT", timeout=5000)
        assert "Checked offline" in widget.panel.texts()[1]
        assert widget.online_label.text() == "\u25cf OFFLINE \u00b7 1 queued"
        assert station.pending == 1
    finally:
        for r in runners:
            r.wait(5000)
        dead.dispose()


def test_door_staff_sign_in_then_scans_run_as_them(qtbot, house, session, session_factory, tmp_path):
    """``boxoffice door`` asks for a door account: a cashier is refused (the account
    lacks ``scan``), door staff sign in with the keyboard, and the screen's scans then
    run as them (the sign-in is in the audit log with the door's name)."""
    from boxoffice.config import Settings
    from boxoffice.services import door_info as info
    from boxoffice.ui.door.app import DoorStart, build_door_screen, sign_in_door_staff
    from boxoffice.ui.shell.sign_in import SignInDialog
    from tests.factories import make_actor

    make_actor(session, role="cashier", username="carl", password="carl-secret")
    make_actor(session, role="door", username="dora", password="dora-secret")
    start = DoorStart(
        engine=session.get_bind(),
        session_factory=session_factory,
        showtimes=info.door_showtimes(session, ids=[house["showtime_id"]]),
        online=True,
    )
    steps = iter([("carl", "carl-secret"), ("dora", "dora-secret")])
    seen_errors: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, fill_in)
            return
        if dialog.error.text() and dialog.error.text() != "Checking…":
            seen_errors.append(dialog.error.text())
        if not dialog.submit.isEnabled():
            QTimer.singleShot(50, fill_in)
            return
        try:
            name, secret = next(steps)
        except StopIteration:
            return
        dialog.username.setText(name)
        dialog.password.setFocus()
        qtbot.keyClicks(dialog.password, secret)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        QTimer.singleShot(50, fill_in)

    QTimer.singleShot(0, fill_in)
    settings = Settings(database_url=None, data_dir=tmp_path, hold_seconds=60, till_name="door-pc-1")
    go_on, actor = sign_in_door_staff(start, settings, gate="North")
    assert go_on and actor is not None and actor.username == "dora" and actor.role == "door"
    assert any("may not" in e.lower() or "scan" in e.lower() for e in seen_errors), seen_errors
    screen, runners = build_door_screen(
        start, settings, gate="North", showtimes=start.showtimes, actor=actor, sounds=False
    )
    qtbot.addWidget(screen)
    assert screen.served_label.text().startswith("Dora · ")
    assert all(r.actor is not None and r.actor.username == "dora" and r.actor.till == "door:North" for r in runners)
    audit = session.execute(
        text("SELECT action, till FROM audit_log WHERE staff_id = :s ORDER BY id"), {"s": actor.staff_id}
    ).all()
    session.rollback()
    assert ("sign_in", "door:North") in [(a, t) for a, t in audit], audit
