"""The real main window of a till for the counter's keyboard tests (and the counter bench):
a small house, a cashier with an open shift, tickets printed to a PDF folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from boxoffice.app import build_window
from boxoffice.config import Settings
from boxoffice.db.engine import make_session_factory
from boxoffice.printing.till_printers import TillPrinters
from boxoffice.runtime import Database
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor


def open_till(qtbot, session, engine, db_url, data_dir: Path, *, till: str = "front-1"):
    """The main window of ``till`` worked by a cashier whose shift is open, its tickets
    going to the PDF folder ``data_dir / "printed"``; shown, its showtime opened and the
    window active. Returns ``(window, runner, printed folder)``."""
    cashier = make_actor(session, role="cashier", display_name="Cara")
    open_shift_as(session, cashier.at(f"till:{till}"))
    settings = Settings(database_url=None, data_dir=data_dir, till_name=till)
    db = Database(engine, make_session_factory(engine), db_url, True)
    window, runner = build_window(db, settings, actor=cashier, idle_lock_seconds=0)
    qtbot.addWidget(window, before_close_func=lambda w: settle(qtbot, w, runner))
    printed = data_dir / "printed"
    printed.mkdir(parents=True, exist_ok=True)
    window.printing.set_printers(TillPrinters(ticket_printer=f"pdf:{printed}"))
    window.resize(1366, 768)
    window.show()
    window.sell.load_showtimes()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and not window.sell.sync.busy, timeout=15_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window, runner, printed


def type_keys(qtbot, keys) -> None:
    """Press ``keys`` (Qt.Key values) one after another on the focused widget, as a
    cashier would on the keyboard."""
    for key in keys:
        qtbot.keyClick(QApplication.focusWidget(), key)


def settle(qtbot, window, runner) -> None:
    """Before ``window`` closes: release its basket and let every task and its callbacks
    finish (a map refresh delivered after the window is deleted would reach deleted items)."""
    window.sell.release_seats(None)
    for _ in range(3):
        runner.wait(5000)
        qtbot.wait(50)  # deliver the callbacks (a release asks for a map refresh)
        qtbot.waitUntil(lambda: not window.sell.sync.busy, timeout=5000)
    window.sell._tick.stop()
    window.sell.sync.clear()  # a refresh still on its way is dropped
