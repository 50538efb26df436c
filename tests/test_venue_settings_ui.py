"""Manage → Venue settings… on the real main window: a manager changes the time zone,
locale and off-sale minutes, adds and renames halls; a cashier is not offered the screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.menu_helpers import menu_actions


def _window(qtbot, session_factory, db_url, actor):
    runner = TaskRunner(session_factory, actor=actor, require_actor=True)
    sessions = TillSessions(db_url)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test", sessions=sessions)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.start()
    return window, runner, sessions


@pytest.fixture
def manager_window(qtbot, session, session_factory, db_url):
    house = make_small_house(session)
    window, runner, sessions = _window(qtbot, session_factory, db_url, make_actor(session, role="manager"))
    yield window, house
    runner.wait(5000)
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()
    sessions.close()


def _dialog(qtbot):
    found = []

    def opened():
        found[:] = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "VenueSettingsDialog"]
        return bool(found) and found[0].isVisible() and bool(found[0].venues)

    qtbot.waitUntil(opened, timeout=8000)
    return found[0]


def test_manager_changes_settings_and_halls_through_the_menu(qtbot, manager_window, session):
    window, house = manager_window
    menu_actions(window)["Manage › Venue settings…"].trigger()
    dialog = _dialog(qtbot)
    assert dialog.name.text() == "Test Hall" and dialog.off_sale.value() == 30
    assert [dialog.halls.item(i).text() for i in range(dialog.halls.count())] == ["Main hall"]
    # the searchable time-zone list finds a zone by part of its name
    dialog.timezone.setEditText("Berlin")
    dialog.timezone.completer().setCompletionPrefix("Berlin")
    assert dialog.timezone.completer().currentCompletion() == "Europe/Berlin"
    dialog.timezone.setCurrentText("Europe/Berlin")
    dialog.locale.setCurrentIndex(dialog.locale.findData("de_DE"))
    dialog.off_sale.setValue(20)
    dialog.tax_number.setText("DE 123 456 789")
    qtbot.mouseClick(dialog.save_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved.", timeout=8000)
    row = session.execute(
        text("SELECT timezone, locale, off_sale_after_minutes, tax_number FROM venue WHERE id = :v"),
        {"v": house["venue_id"]},
    ).one()
    assert tuple(row) == ("Europe/Berlin", "de_DE", 20, "DE 123 456 789")
    # halls: rename the first, add a second
    dialog.halls.setCurrentRow(0)
    dialog.hall_name.setText("Screen 1")
    qtbot.mouseClick(dialog.rename_button, qtbot_left())
    qtbot.waitUntil(lambda: "renamed" in dialog.status.text(), timeout=8000)
    dialog.hall_name.setText("Screen 2")
    qtbot.mouseClick(dialog.add_hall_button, qtbot_left())
    qtbot.waitUntil(lambda: "added" in dialog.status.text(), timeout=8000)
    names = session.execute(
        text("SELECT name FROM hall WHERE venue_id = :v ORDER BY position"), {"v": house["venue_id"]}
    ).scalars()
    assert list(names) == ["Screen 1", "Screen 2"]
    # a name the venue has already: the database refuses, the screen says so
    dialog.hall_name.setText("Screen 2")
    qtbot.mouseClick(dialog.add_hall_button, qtbot_left())
    qtbot.waitUntil(lambda: "already has a hall" in dialog.status.text(), timeout=8000)


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_cashier_is_not_offered_venue_settings(qtbot, session, session_factory, db_url):
    make_small_house(session)
    window, runner, sessions = _window(qtbot, session_factory, db_url, make_actor(session, role="cashier"))
    try:
        assert not window.venue_settings_action.isVisible()
    finally:
        runner.wait(5000)
        sessions.close()
