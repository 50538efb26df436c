"""The shortcuts of the door and of the manage screens, typed on the real screens (the
manage screens opened through the main window's menu actions): each must do its thing —
open its dialog, reload, toggle, save — which the test sees in the screen's state."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.menu_helpers import press_shortcut


def _count_tasks(runner: TaskRunner) -> list:
    """Record every task ``runner`` is given from now on (the screen's reloads and saves)."""
    calls: list = []
    original = runner.run

    def counted(fn, on_done=None, on_error=None):
        calls.append(fn)
        return original(fn, on_done, on_error)

    runner.run = counted
    return calls


def _closing_modals(seen: list[str], until: set[str], rounds: int = 100) -> None:
    """Close modal dialogs as they appear, noting their class, until every class in
    ``until`` was seen (or ``rounds`` × 50 ms passed: no watcher outlives its test)."""

    def tick(left: int = rounds) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(type(modal).__name__)
            modal.close()
        if left > 0 and not until <= set(seen):
            QTimer.singleShot(50, lambda: tick(left - 1))

    QTimer.singleShot(50, tick)


@pytest.fixture
def manager_window(qtbot, session, session_factory):
    house = make_small_house(session, starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=30))
    runner = TaskRunner(session_factory, actor=make_actor(session, role="manager"), require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.show()
    yield window, house
    runner.wait(5000)


def _opened(qtbot, window, action, cls):
    action.trigger()
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(cls)), timeout=8000)
    screen = next(w for w in window.findChildren(cls) if w.isVisible())
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=8000)
    return screen


def test_reports_f5_reads_again(qtbot, manager_window):
    from boxoffice.ui.reports.window import ReportsWindow

    window, _house = manager_window
    screen = _opened(qtbot, window, window.sales_report_action, ReportsWindow)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=8000)
    shown = []
    screen.reportShown.connect(shown.append)
    press_shortcut(qtbot, screen, "F5")
    qtbot.waitUntil(lambda: bool(shown), timeout=8000)


def test_admission_conflicts_f5_reloads(qtbot, manager_window):
    from boxoffice.ui.door.admission_conflicts import AdmissionConflictsDialog

    window, _house = manager_window
    screen = _opened(qtbot, window, window.conflicts_action, AdmissionConflictsDialog)
    calls = _count_tasks(window.runner)
    press_shortcut(qtbot, screen, "F5")
    assert len(calls) == 1
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=8000)


def test_shows_ctrl_n_then_ctrl_s_makes_a_show(qtbot, manager_window):
    from boxoffice.ui.manage.shows import ShowsDialog

    window, _house = manager_window
    screen = _opened(qtbot, window, window.shows_action, ShowsDialog)
    screen.title.setText("left over")
    press_shortcut(qtbot, screen, "Ctrl+N")
    assert screen.title.text() == "" and screen.current_id is None
    qtbot.keyClicks(screen.title, "Twelfth Night")
    press_shortcut(qtbot, screen, "Ctrl+S")
    qtbot.waitUntil(lambda: any(s.title == "Twelfth Night" for s in screen.items), timeout=8000)


def test_schedule_ctrl_return_previews_and_ctrl_s_asks_to_create(qtbot, manager_window):
    from boxoffice.ui.manage.schedule import ScheduleDialog

    window, house = manager_window
    screen = _opened(qtbot, window, window.schedule_action, ScheduleDialog)
    qtbot.waitUntil(lambda: screen.plan_box.count() == 1 and screen.show_box.count() == 1, timeout=8000)
    for edit in screen.price_edits.values():
        edit.setText("20")
    # clear of the house's own showtime (it starts a day from now): half a day off its time of day
    clear = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=12)).strftime("%H:05")
    screen.times.setText(clear)
    before = screen.summary.text()
    press_shortcut(qtbot, screen, "Ctrl+Return")
    qtbot.waitUntil(lambda: screen.summary.text() != before and screen.table.rowCount() > 0, timeout=8000)
    qtbot.waitUntil(lambda: screen.create_button.isEnabled(), timeout=8000)
    asked = []
    screen.ask = lambda title, body: asked.append(body) or False  # the manager says no
    press_shortcut(qtbot, screen, "Ctrl+S")
    assert asked and "Create" in asked[0]


def test_prices_ctrl_s_saves(qtbot, manager_window):
    from boxoffice.ui.manage.prices import PricesDialog

    window, _house = manager_window
    screen = _opened(qtbot, window, window.prices_action, PricesDialog)
    qtbot.waitUntil(lambda: screen.grid is not None, timeout=8000)
    screen.status.setText("")
    press_shortcut(qtbot, screen, "Ctrl+S")
    assert screen.status.text() == "No prices changed."


def test_plan_editor_shortcuts(qtbot, manager_window):
    from boxoffice.ui.plan_editor.window import PlanEditorWindow

    window, _house = manager_window
    seen: list[str] = []
    _closing_modals(seen, {"OpenPlanDialog"})
    screen = _opened(qtbot, window, window.plans_action, PlanEditorWindow)
    qtbot.waitUntil(lambda: "OpenPlanDialog" in seen, timeout=8000)  # the Open dialog comes first
    seen.clear()
    _closing_modals(seen, {"OpenPlanDialog", "BlockDialog"})
    press_shortcut(qtbot, screen, "Ctrl+O")
    qtbot.waitUntil(lambda: "OpenPlanDialog" in seen, timeout=8000)
    press_shortcut(qtbot, screen, "Ctrl+R")  # Add rows: a window-modal dialog (open())
    qtbot.waitUntil(lambda: screen.block_dialog is not None and "BlockDialog" in seen, timeout=8000)
    screen.statusBar().clearMessage()
    press_shortcut(qtbot, screen, "F7")
    qtbot.waitUntil(lambda: "problem" in screen.statusBar().currentMessage().lower(), timeout=8000)
    if screen.block_dialog is not None:
        screen.block_dialog.reject()
    screen.close()


@pytest.fixture
def door_screen(qtbot, session, session_factory, tmp_path):
    from boxoffice.door.station import DoorStation
    from tests.door_helpers import door, open_house, sell
    from tests.test_door_screen import _screen

    for stray in QApplication.topLevelWidgets():  # what earlier tests left open would keep the keyboard
        if stray.isVisible():
            stray.close()
    house = open_house(session)
    house["tickets"] = sell(session, house["showtime_id"], house["seat_ids"][:2])
    station = DoorStation(door=door(house, "North"), folder=tmp_path / "door")
    widget, runners = _screen(qtbot, house, station, session_factory, session)
    widget.start()
    qtbot.waitUntil(lambda: station.online is True, timeout=10_000)
    yield widget
    widget.stop()
    for r in runners:
        r.wait(5000)


def test_door_f3_opens_the_lookup(qtbot, door_screen):
    seen: list[str] = []
    _closing_modals(seen, {"LookupDialog"})
    press_shortcut(qtbot, door_screen, "F3")
    qtbot.waitUntil(lambda: "LookupDialog" in seen, timeout=5000)


def test_door_f4_camera_says_why_without_one(qtbot, door_screen):
    door_screen.hint.setText("")
    press_shortcut(qtbot, door_screen, "F4")
    qtbot.waitUntil(lambda: door_screen.hint.text() != "" or door_screen.camera.running, timeout=5000)
    if door_screen.camera.running:
        press_shortcut(qtbot, door_screen, "F4")
        assert not door_screen.camera.running


def test_door_f6_switches_entry_and_exit(qtbot, door_screen):
    assert not door_screen.exit_mode
    press_shortcut(qtbot, door_screen, "F6")
    assert door_screen.exit_mode and door_screen.mode_label.text() == "EXIT"
    press_shortcut(qtbot, door_screen, "F6")
    assert not door_screen.exit_mode


def test_door_f11_full_screen(qtbot, door_screen):
    top = door_screen.window()
    assert not top.isFullScreen()
    press_shortcut(qtbot, door_screen, "F11")
    qtbot.waitUntil(top.isFullScreen, timeout=3000)
    press_shortcut(qtbot, door_screen, "F11")
    qtbot.waitUntil(lambda: not top.isFullScreen(), timeout=3000)
