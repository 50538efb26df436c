"""TaskRunner.run(..., owner=widget): the callbacks of a job whose window was closed or
deleted while it ran are dropped centrally (issue 13 item 7), instead of every screen
copying a ``_run`` guard. The first test is the reported bug: closing the audit log
(opened through the real main window's menu action) during its load raised
``RuntimeError: Internal C++ object ... already deleted`` when the load finished."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import text

from boxoffice.domain.errors import InvalidInputError
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house


@pytest.fixture
def till(qtbot, session, session_factory, db_url):
    """The real main window of a manager (the Manage menu offers the audit log)."""
    make_small_house(session)
    runner = TaskRunner(session_factory, actor=make_actor(session, role="manager"), require_actor=True)
    gate = TaskRunner(session_factory, max_threads=1)
    sessions = TillSessions(db_url)
    window = MainWindow(
        runner, channel="till:test", hold_seconds=120, database_label="test", gate=gate, sessions=sessions
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and window.sell._version > 0, timeout=10_000)
    yield window
    runner.wait(5000)
    gate.wait(5000)
    sessions.close()


def _audit_window():
    found = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "AuditLogWindow" and w.isVisible()]
    return found[0] if len(found) == 1 else None


def test_closing_the_audit_log_during_its_load_raises_nothing(qtbot, till, engine):
    window = till
    # Another transaction holds the audit log table, so the screen's load waits in the
    # database until we let it go: the window is closed while its load is in flight.
    with engine.connect() as blocker:
        blocker.execute(text("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE"))
        window.audit_action.trigger()  # Manage › Audit log…
        qtbot.waitUntil(lambda: _audit_window() is not None, timeout=5000)
        screen = _audit_window()
        assert window.runner.busy and screen.status.text() == "Loading…"
        screen.close()  # WA_DeleteOnClose: the C++ dialog goes away
        qtbot.waitUntil(lambda: not shiboken6.isValid(screen), timeout=5000)
        with qtbot.captureExceptions() as raised:
            blocker.rollback()  # the load finishes now, after its window is gone
            assert window.runner.wait(10_000)
            qtbot.wait(300)  # the queued results reach the GUI thread
    assert [str(e[1]) for e in raised] == []
    assert not window.runner.busy


@pytest.fixture
def runner(session_factory):
    runner = TaskRunner(session_factory, max_threads=2)
    yield runner
    runner.wait(5000)


def _gated(gate: threading.Event, result=None, error: BaseException | None = None):
    def work(session):
        assert gate.wait(10)
        session.execute(text("SELECT 1"))
        if error is not None:
            raise error
        return result

    return work


def test_a_closed_window_gets_no_callbacks_and_the_runner_is_not_busy_after(qtbot, runner):
    dialog = QDialog()  # closed but not deleted (no WA_DeleteOnClose): still dropped
    qtbot.addWidget(dialog)
    dialog.show()
    got, errors, unhandled = [], [], []
    runner.error.connect(unhandled.append)
    gate = threading.Event()
    runner.run(_gated(gate, "done"), got.append, errors.append, owner=dialog)
    runner.run(_gated(gate, error=InvalidInputError("no")), got.append, errors.append, owner=dialog)
    runner.run(_gated(gate, error=InvalidInputError("no")), owner=dialog)  # no on_error: not to runner.error
    control = []
    runner.run(_gated(gate, "control"), control.append)  # no owner: delivered as before
    dialog.close()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.wait(100)
    assert control == ["control"]
    assert got == [] and errors == [] and unhandled == []


def test_an_open_or_reopened_window_gets_its_callbacks(qtbot, runner):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    got = []
    gate = threading.Event()
    runner.run(_gated(gate, "not shown yet"), got.append, owner=dialog)  # a window loads before it shows
    gate.set()
    qtbot.waitUntil(lambda: got == ["not shown yet"], timeout=5000)
    dialog.show()
    dialog.close()
    dialog.show()  # shown again
    gate2 = threading.Event()
    runner.run(_gated(gate2, "after reopening"), got.append, owner=dialog)
    gate2.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.wait(100)
    assert got == ["not shown yet", "after reopening"]


def test_a_deleted_qobject_owner_gets_no_callbacks(qtbot, runner):
    owner = QObject()
    got = []
    gate = threading.Event()
    runner.run(_gated(gate, "x"), got.append, owner=owner)
    shiboken6.delete(owner)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.wait(100)
    assert got == []
