"""Manage → Best seats… on the real main window: a manager ranks a section first and
clicks a best point on the mini map; the database holds them and best available follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import text

from boxoffice.domain.plan_generator import demo_theatre
from boxoffice.services import plans, setup
from boxoffice.services.best_available import choose_best
from boxoffice.services.till import TillSessions
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.manage.best_seats import BestSeatsDialog
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor
from tests.menu_helpers import visible_windows

SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


@pytest.fixture
def theatre(session):
    summary = plans.import_plan(session, venue_name="Riverside", data=demo_theatre())
    show = setup.create_show(session, title="Hamlet")
    cats = [
        n
        for (n,) in session.execute(text("SELECT name FROM price_category WHERE plan_id = :p"), {"p": summary.plan_id})
    ]
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    st = setup.schedule_showtime(
        session, show_id=show, plan_id=summary.plan_id, starts_at=starts, prices={n: 1000 for n in cats}
    )
    return {"plan_id": summary.plan_id, "showtime_id": st}


@pytest.fixture
def window(qtbot, session, session_factory, db_url, theatre):
    runner = TaskRunner(session_factory, actor=make_actor(session, role="manager"), require_actor=True)
    window = MainWindow(
        runner, channel="till:test", hold_seconds=120, database_label="test", sessions=TillSessions(db_url)
    )
    qtbot.addWidget(window)
    window.show()
    yield window
    runner.wait(5000)


def test_a_manager_ranks_circle_first_and_clicks_a_best_point(qtbot, session, window, theatre):
    before = visible_windows()
    window.best_seats_action.trigger()
    dialog = next(w for w in visible_windows() - before if isinstance(w, BestSeatsDialog))
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.sections.count() == 3, timeout=10_000)
    names = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert names == ["Stalls", "Circle", "Balcony"]
    circle = names.index("Circle")
    dialog.sections.setCurrentRow(circle)
    qtbot.mouseClick(dialog.up, Qt.MouseButton.LeftButton)
    dialog.sections.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.sections.item(0).text() == "Circle"
    # click the map in the middle of the balcony's seats
    plan = dialog.current
    bx = sum(x for x, y in plan.seat_points if y > 1300) / sum(1 for _, y in plan.seat_points if y > 1300)
    target = dialog.map.to_screen(bx, 1400)
    qtbot.mouseClick(dialog.map, Qt.MouseButton.LeftButton, pos=QPoint(round(target.x()), round(target.y())))
    assert dialog.point is not None and abs(dialog.point[1] - 1400) < 20
    dialog.grab().save(str(SHOTS / "best-seats-manager.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=10_000)
    ranks = dict(
        session.execute(text("SELECT name, best_rank FROM section WHERE plan_id = :p"), {"p": theatre["plan_id"]}).all()
    )
    assert ranks == {"Circle": 1, "Stalls": None, "Balcony": None}
    x, y = session.execute(
        text("SELECT best_x, best_y FROM seating_plan WHERE id = :p"), {"p": theatre["plan_id"]}
    ).one()
    assert abs(y - 1400) < 20
    session.rollback()
    assert choose_best(session, showtime_id=theatre["showtime_id"], quantity=2).section == "Circle"
    # back to the default point: the balcony is no longer nearest, the circle still first
    qtbot.mouseClick(dialog.use_default, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.status.text().startswith("Saved") and dialog.current.best_point is None, timeout=10_000
    )
