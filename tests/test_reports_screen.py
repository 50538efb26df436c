"""Reports → Sales and takings, opened as a manager would (Ctrl+Shift+R on the real main
window): the day's tenders, charts and tables; exports; a cashier has no Reports menu and
the database refuses them if they get the screen anyway."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.reports.window import ReportsWindow
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.menu_helpers import press_shortcut
from tests.report_helpers import refund_counter, sell_counter, sell_web


@pytest.fixture
def day_of_sales(session):
    house = make_small_house(session)
    st, seats = house["showtime_id"], house["seat_ids"]
    cara = make_actor(session, role="cashier", display_name="Cara")
    a = sell_counter(session, cara, st, seats[0:2], till="till:1")
    sell_counter(session, cara, st, seats[10:14], method="card", till="till:2")
    sell_web(session, st, seats[20:23])
    refund_counter(session, cara, a.order_number, reason="Wrong night", till="till:1")
    return house


def _window(qtbot, session, session_factory, role):
    runner = TaskRunner(session_factory, actor=make_actor(session, role=role), require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    qtbot.addWidget(window, before_close_func=lambda _w: runner.wait(5000))
    window.show()
    return window, runner


def _reports_window() -> ReportsWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportsWindow) and w.isVisible()]
    return found[-1] if found else None


def test_a_manager_reads_the_day_through_the_menu(qtbot, session, session_factory, day_of_sales, tmp_path):
    window, runner = _window(qtbot, session, session_factory, "manager")
    assert window.reports_menu.menuAction().isVisible()
    press_shortcut(qtbot, window, "Ctrl+Shift+R")
    qtbot.waitUntil(lambda: _reports_window() is not None and _reports_window().report is not None, timeout=10_000)
    screen = _reports_window()
    assert "9 tickets sold (€155.00), 2 refunded (€50.00)" in screen.summary.text()
    assert "Net sales €105.00" in screen.summary.text()
    t = screen.tenders
    rows = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    assert ["till:1", "cash", "1", "€50.00", "1", "€50.00", "€0.00"] in rows
    assert ["web", "online", "1", "€45.00", "0", "€0.00", "€45.00"] in rows
    assert rows[2] == ["all channels", "online", "1", "€45.00", "0", "€0.00", "€45.00"]
    # charts: over time by hour (one day), by channel, by category
    assert screen.time_chart.chart().title() == "Net sales by hour"
    assert dict(zip(screen.channel_chart.keys, screen.channel_chart.values, strict=True)) == {
        "till:1": 0.0,
        "till:2": 60.0,
        "web": 45.0,
    }
    assert dict(zip(screen.category_chart.keys, screen.category_chart.values, strict=True)) == {"A": 0.0, "B": 105.0}
    # the Sales tab by cashier
    screen.dimension.setCurrentIndex(screen.dimension.findData("seller"))
    s = screen.sales
    assert s.horizontalHeaderItem(0).text() == "Cashier"
    assert [s.item(r, 0).text() for r in range(s.rowCount())] == ["Cara", "Web", "Total"]
    assert s.item(2, 6).text() == "€105.00"
    assert screen.refunds.rowCount() == 1 and screen.refunds.item(0, 5).text() == "Wrong night"
    # exports
    done = []
    screen.exported.connect(done.append)
    screen.export_to(tmp_path / "day.csv")
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10_000)
    with open(tmp_path / "day.csv", newline="", encoding="utf-8") as f:
        assert ["# Sales by cashier"] in list(csv.reader(f))
    screen.export_to(tmp_path / "day.pdf")
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10_000)
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    # another period: yesterday only has nothing
    yesterday = dt.date.today() - dt.timedelta(days=2)
    screen.first.setDate(yesterday)
    screen.last.setDate(yesterday + dt.timedelta(days=1))
    shown = []
    screen.reportShown.connect(shown.append)
    qtbot.keyClick(screen, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].total().sold == 0 and screen.time_chart.chart().title() == "Net sales by day"
    runner.wait(5000)


def test_a_cashier_has_no_reports_and_the_database_refuses_them(qtbot, session, session_factory, day_of_sales):
    window, runner = _window(qtbot, session, session_factory, "cashier")
    assert not window.reports_menu.menuAction().isVisible()
    # past the menu (a tampered till): the screen asks, the database says no
    screen = window.open_reports()
    qtbot.waitUntil(lambda: screen.status.text() != "Reading the ledger…", timeout=10_000)
    assert "may not read reports" in screen.status.text() and screen.report is None
    screen.close()
    runner.wait(5000)
