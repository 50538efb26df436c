"""Issue 4 end to end, as a manager and a cashier would do it with mouse and keyboard: build
a small plan in the seating plan editor (a block of rows, row A made Premium by rubber
band), save it, schedule a series on it in the Schedule screen, and sell a Premium seat of
one of the new showtimes at the sell screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from sqlalchemy import text

from boxoffice.services import setup
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.manage.schedule import ScheduleDialog
from boxoffice.ui.plan_editor.window import PlanEditorWindow
from tests.drawer_helpers import open_shift_as
from tests.factories import make_actor
from tests.test_plan_editor_ui import add_block, press, row_seats, view_pos
from tests.till_helpers import pay_cash


def test_build_a_plan_schedule_a_series_and_sell_from_it(qtbot, session, session_factory):
    manager = make_actor(session, role="manager", username="maya")
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)

    # 1. the plan, in the editor
    editor = PlanEditorWindow(runner)
    qtbot.addWidget(editor, before_close_func=lambda w: (runner.wait(5000), w.undo_stack.setClean()))
    editor.resize(1100, 750)
    editor.show()
    qtbot.waitExposed(editor)
    editor.new_plan("Studio Hall", "Studio")
    add_block(qtbot, editor, rows=3, seats=6)
    editor.add_category("Premium")
    editor.canvas.fit_all()
    a = row_seats(editor, "A")
    viewport = editor.canvas.viewport()
    start = view_pos(editor, min(s.x for s in a) - 14, min(s.y for s in a) - 14)
    end = view_pos(editor, max(s.x for s in a) + 14, max(s.y for s in a) + 14)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert editor.canvas.selected == {s.guid for s in a}
    editor.category.setCurrentIndex(editor.category.findText("Premium"))
    qtbot.mouseClick(editor.set_category_button, Qt.MouseButton.LeftButton)
    saved = []
    editor.saved.connect(saved.append)
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    plan_id = saved[0].plan_id
    premium_guid = a[2].guid
    categories = dict(
        session.execute(text("SELECT name, id FROM price_category WHERE plan_id = :p"), {"p": plan_id}).all()
    )
    premium_seat = session.execute(
        text("SELECT id FROM seat WHERE plan_id = :p AND guid = :g"), {"p": plan_id, "g": premium_guid}
    ).scalar_one()
    session.rollback()
    assert set(categories) == {"Standard", "Premium"}

    # 2. a series on it, in the Schedule screen
    show_id = setup.create_show(session, title="Studio Nights", duration_minutes=90)
    dialog = ScheduleDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(
        lambda: dialog.plan_box.findData(plan_id) >= 0 and dialog.show_box.findData(show_id) >= 0, timeout=5000
    )
    dialog.select(show_id=show_id, plan_id=plan_id)
    first = dt.date.today() + dt.timedelta(days=1)
    last = first + dt.timedelta(days=6)
    dialog.first_day.setDate(QDate(first.year, first.month, first.day))
    dialog.last_day.setDate(QDate(last.year, last.month, last.day))
    for box in dialog.day_boxes:
        box.setChecked(box is dialog.day_boxes[first.isoweekday() - 1] or box is dialog.day_boxes[4])
    dialog.times.setText("")
    qtbot.keyClicks(dialog.times, "19:30")
    qtbot.keyClicks(dialog.price_edits[categories["Premium"]], "42.00")
    qtbot.keyClicks(dialog.price_edits[categories["Standard"]], "25.00")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    expected = 1 if first.isoweekday() == 5 else 2  # the first day, and Friday
    qtbot.waitUntil(lambda: dialog.table.rowCount() == expected and dialog.create_button.isEnabled(), timeout=5000)
    dialog.ask = lambda title, body: True
    created = []
    dialog.scheduled.connect(created.append)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=10_000)
    showtimes = session.execute(
        text("SELECT id, plan_id FROM showtime WHERE show_id = :s ORDER BY starts_at"), {"s": show_id}
    ).all()
    session.rollback()
    assert [sid for sid, _ in showtimes] == created[0] and {p for _, p in showtimes} == {plan_id}

    # 3. sell a Premium seat of the first one at the sell screen
    new_id = created[0][0]
    screen = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    screen.load_showtimes()
    qtbot.waitUntil(lambda: screen.picker.findData(new_id) >= 0, timeout=5000)
    screen.open_showtime(new_id)
    qtbot.waitUntil(
        lambda: (
            screen.basket is not None
            and screen.basket.showtime_id == new_id
            and screen.map.state_of(premium_seat) == "available"
        ),
        timeout=5000,
    )
    qtbot.mouseClick(screen.map.viewport(), Qt.MouseButton.LeftButton, pos=screen.map.seat_view_pos(premium_seat))
    qtbot.waitUntil(lambda: premium_seat in screen.basket.lines, timeout=5000)

    session.rollback()
    open_shift_as(session, manager)  # cash needs the seller's open shift (0015_drawer)
    pay_cash(qtbot, screen, "50")
    runner.wait(5000)
    ticket = session.execute(text("SELECT showtime_id, seat_id, price_minor FROM ticket")).one()
    session.rollback()
    assert tuple(ticket) == (new_id, premium_seat, 4200)
