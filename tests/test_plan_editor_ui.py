"""The seating plan editor driven as a manager would: add rows through the dialog,
rubber-band and Shift+click seats, set a category, nudge, undo/redo, fix a problem the
validator finds, save, and find the new version in the database."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from boxoffice.config import DEMO_PLAN_PATH as DEMO  # noqa: E402
from boxoffice.db.models import PriceCategory, Seat, SeatingPlan
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.plan_editor.window import PlanEditorWindow
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes are recorded instead of shown (they would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def editor(qtbot, session, session_factory):
    manager = make_actor(session, role="manager", username="maya")
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)
    window = PlanEditorWindow(runner)
    # no "unsaved changes" question when pytest-qt closes the window
    qtbot.addWidget(window, before_close_func=lambda w: (runner.wait(5000), w.undo_stack.setClean()))
    window.resize(1100, 750)
    window.show()
    qtbot.waitExposed(window)
    yield window
    runner.wait(5000)


def view_pos(editor, x: float, y: float) -> QPoint:
    return editor.canvas.mapFromScene(QPointF(x, y))


def type_number(qtbot, spin, value) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, str(value))


def press(qtbot, editor, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on the canvas as the person would type it; window shortcuts (Ctrl+S,
    Ctrl+Z) need the window to be the active one, which the offscreen platform may forget."""
    if not editor.isActiveWindow():
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClick(editor.canvas, key, modifiers)


def row_seats(editor, label):
    return [s for z in editor.plan.zones for r in z.rows if r.display == label for s in r.seats]


def add_block(qtbot, editor, rows=3, seats=6):
    dialog = editor.add_rows()
    type_number(qtbot, dialog.rows, rows)
    type_number(qtbot, dialog.seats, seats)
    assert len(editor.canvas.preview) == rows * seats  # the live preview follows the form
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert editor.canvas.preview == []


def test_build_a_plan_with_mouse_and_keys_then_save_a_version(qtbot, editor, session, warnings):
    editor.new_plan("Test Hall", "Studio")
    assert "Studio" in editor.windowTitle() and "*" not in editor.windowTitle()
    add_block(qtbot, editor)
    assert editor.plan.seat_count() == 18 and editor.windowTitle().endswith("*")
    editor.add_category("Premium")
    editor.canvas.fit_all()

    # rubber band around row A (from empty space above-left to below-right of the row)
    a = row_seats(editor, "A")
    top_left = view_pos(editor, min(s.x for s in a) - 14, min(s.y for s in a) - 14)
    bottom_right = view_pos(editor, max(s.x for s in a) + 14, max(s.y for s in a) + 14)
    viewport = editor.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=top_left)
    qtbot.mouseMove(viewport, bottom_right)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=bottom_right)
    assert editor.canvas.selected == {s.guid for s in a}
    # Shift+click adds the first seat of row B
    b0 = row_seats(editor, "B")[0]
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=view_pos(editor, b0.x, b0.y)
    )
    chosen = {s.guid for s in a} | {b0.guid}
    assert editor.canvas.selected == chosen
    assert "7 seats selected" in editor.selection_label.text()

    editor.category.setCurrentIndex(editor.category.findText("Premium"))
    qtbot.mouseClick(editor.set_category_button, Qt.MouseButton.LeftButton)
    assert {editor.plan.seat_map()[g].category for g in chosen} == {"Premium"}

    before = {g: (editor.plan.seat_map()[g].x, editor.plan.seat_map()[g].y) for g in chosen}
    press(qtbot, editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # 10 px left
    moved = {g: (s.x, s.y) for g, s in editor.plan.seat_map().items() if g in chosen}
    assert moved == {g: (x - 10, y) for g, (x, y) in before.items()}

    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the move
    assert {g: (editor.plan.seat_map()[g].x, editor.plan.seat_map()[g].y) for g in chosen} == before
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the category
    assert {editor.plan.seat_map()[g].category for g in chosen} == {"Standard"}
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, editor, Qt.Key.Key_Z, redo)
    press(qtbot, editor, Qt.Key.Key_Z, redo)
    assert {editor.plan.seat_map()[g].category for g in chosen} == {"Premium"}
    assert editor.plan.seat_map()[b0.guid].x == before[b0.guid][0] - 10

    # wheelchair space: click one seat of row C, tick the box
    c5 = row_seats(editor, "C")[5]
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view_pos(editor, c5.x, c5.y))
    assert editor.canvas.selected == {c5.guid}
    qtbot.mouseClick(editor.flags["wheelchair"], Qt.MouseButton.LeftButton)
    assert editor.plan.seat_map()[c5.guid].wheelchair

    # drag that seat onto its neighbour: Save refuses and shows the overlap
    c4 = row_seats(editor, "C")[4]
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view_pos(editor, c5.x, c5.y))
    qtbot.mouseMove(viewport, view_pos(editor, c5.x - 8, c5.y))
    qtbot.mouseMove(viewport, view_pos(editor, c4.x + 4, c4.y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view_pos(editor, c4.x + 4, c4.y))
    assert editor.plan.seat_map()[c5.guid].x == pytest.approx(c4.x + 4, abs=1.5)
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert warnings and "Fix the problems" in warnings[-1]
    assert not editor.saving
    assert editor.canvas.problems == {c4.guid, c5.guid}
    assert "overlap" in editor.problem_list.item(0).text()
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the drag
    assert editor.canvas.problems == set() and editor.problem_list.item(0).text() == "No problems."

    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.version == 1 and not editor.saving, timeout=10_000)
    assert not editor.dirty and "version 1" in editor.windowTitle() and "*" not in editor.windowTitle()

    plan = session.scalars(select(SeatingPlan).where(SeatingPlan.name == "Studio")).one()
    assert plan.version == 1 and plan.venue.name == "Test Hall"
    seats = {s.guid: s for s in session.scalars(select(Seat).where(Seat.plan_id == plan.id))}
    categories = {c.id: c.name for c in session.scalars(select(PriceCategory).where(PriceCategory.plan_id == plan.id))}
    assert len(seats) == 18
    assert {g for g, s in seats.items() if categories[s.category_id] == "Premium"} == chosen
    assert seats[b0.guid].x == pytest.approx(before[b0.guid][0] - 10)
    assert [g for g, s in seats.items() if s.wheelchair] == [c5.guid]

    # a second save is a second version; the first stays as it was
    press(qtbot, editor, Qt.Key.Key_Delete)  # c5 is still selected
    assert editor.plan.seat_count() == 17
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.version == 2 and not editor.saving, timeout=10_000)
    session.expire_all()
    versions = {
        p.version: len(session.scalars(select(Seat.id).where(Seat.plan_id == p.id)).all())
        for p in session.scalars(select(SeatingPlan).where(SeatingPlan.name == "Studio"))
    }
    assert versions == {1: 18, 2: 17}


def test_rotate_keys_and_renumber_dialog(qtbot, editor, warnings):
    editor.new_plan("Test Hall", "Studio")
    add_block(qtbot, editor, rows=1, seats=4)
    editor.canvas.set_selection(editor.plan.seat_map())
    ys = [s.y for s in row_seats(editor, "A")]
    press(qtbot, editor, Qt.Key.Key_BracketRight)  # 5° clockwise: the right end goes down
    seats = row_seats(editor, "A")
    assert seats[-1].y > ys[-1] and seats[0].y < ys[0]
    dialog = editor.renumber_selected_row()
    dialog.label.setText("K")
    dialog.numbering.setCurrentIndex(dialog.numbering.findData("rtl"))
    dialog.accept()
    assert [s.number for s in row_seats(editor, "K")] == ["4", "3", "2", "1"]
    assert editor.undo_stack.count() == 3  # add, rotate, renumber


def test_import_refuses_a_malformed_file_and_export_round_trips(qtbot, editor, warnings, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"name": "x", "zones": [}')
    assert not editor.import_file(str(bad))
    assert "not valid JSON" in warnings[-1] and "line 1" in warnings[-1]
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "x", "categories": [], "zones": [{"position": {"x": 0}, "rows": []}]}))
    assert not editor.import_file(str(wrong))
    assert "zones[0].position" in warnings[-1]

    assert editor.import_file(str(DEMO))
    assert editor.plan.seat_count() == 997 and editor.dirty
    out = tmp_path / "out.json"
    assert editor.export_file(str(out))
    assert json.loads(out.read_text()) == json.loads(DEMO.read_text())
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.plan.seat_count() == 0


def test_the_manage_menu_offers_seating_plans_to_managers_only(qtbot, session, session_factory):
    manager = make_actor(session, role="manager")
    cashier = make_actor(session, role="cashier")
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    qtbot.addWidget(window)
    assert window.plans_action.isVisible()
    runner.set_actor(cashier)
    assert not window.plans_action.isVisible()
    runner.wait(5000)


def test_move_a_showtime_to_the_saved_version_refused_then_allowed(qtbot, editor, session, warnings):
    import uuid

    from boxoffice.db.models import Showtime
    from boxoffice.services import inventory, sales
    from tests.factories import make_small_house

    house = make_small_house(session)
    token = uuid.uuid4()
    sold = house["seat_ids"][0]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[sold], token=token, channel="till:x", seconds=60
    )
    order = sales.sell_cash(
        session, showtime_id=house["showtime_id"], seat_ids=[sold], token=token, channel="till:x", tendered_minor=100_00
    )
    sold_guid = session.get(Seat, sold).guid
    editor.load_version(house["plan_id"])
    qtbot.waitUntil(lambda: editor.plan.seat_count() == 30, timeout=10_000)

    def save_with(guid):
        editor.canvas.set_selection({guid})
        press(qtbot, editor, Qt.Key.Key_Down)
        press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not editor.saving and not editor.dirty, timeout=10_000)

    def move_showtime():
        dialog = editor.move_showtimes()
        qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
        dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report.toPlainText().strip() != "", timeout=10_000)
        qtbot.waitUntil(lambda: not editor.runner.busy, timeout=10_000)  # the list is reloaded too
        report = dialog.report.toPlainText()
        dialog.close()
        return report

    save_with(sold_guid)  # version 2 moves the sold seat A-1 down by 1 px
    report = move_showtime()
    assert report.startswith("✗") and order.order_number in report and "Stalls row A seat 1 (moved)" in report
    session.expire_all()
    assert session.get(Showtime, house["showtime_id"]).plan_id == house["plan_id"]

    press(qtbot, editor, Qt.Key.Key_Up)  # back where it was; and move an unsold seat instead
    save_with("r1s5")  # version 3
    assert editor.version == 3
    report = move_showtime()
    assert report.startswith("✓") and "30 seats carried over" in report
    session.expire_all()
    assert session.get(Showtime, house["showtime_id"]).plan_id == editor.plan_id


def test_open_a_stored_version_and_double_click_a_row(qtbot, editor, session, monkeypatch):
    from boxoffice.ui.plan_editor import window as module
    from tests.factories import make_small_house

    house = make_small_house(session)

    def pick_latest(dialog):
        assert (
            dialog.list.count() == 1
            and "Test Hall · Main · version 1 (30 seats, 1 showtimes)" in dialog.list.item(0).text()
        )
        dialog._open()
        return module.OpenPlanDialog.DialogCode.Accepted

    monkeypatch.setattr(module.OpenPlanDialog, "exec", pick_latest)
    editor.open_dialog()
    qtbot.waitUntil(lambda: editor.plan_id == house["plan_id"], timeout=10_000)
    assert "Test Hall · Main (version 1)" in editor.windowTitle()
    seat = row_seats(editor, "B")[3]
    qtbot.mouseDClick(editor.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view_pos(editor, seat.x, seat.y))
    assert editor.canvas.selected == {s.guid for s in row_seats(editor, "B")}


def test_saving_after_someone_else_saved_asks_first(qtbot, editor, session, monkeypatch):
    """The editor has version 1 open; meanwhile another manager saves version 2. Ctrl+S
    asks before making a version 3 without their changes: Cancel saves nothing, Save
    saves."""
    from tests.factories import make_small_house

    house = make_small_house(session)
    editor.load_version(house["plan_id"])
    qtbot.waitUntil(lambda: editor.plan_id == house["plan_id"], timeout=5000)
    from boxoffice.services import plan_editor as service

    loaded = service.load_plan(session, plan_id=house["plan_id"])
    service.save_plan_version(
        session, venue_name="Test Hall", plan_name="Main", plan=loaded.plan, based_on=loaded.plan_id
    )
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text, *a, **k: (asked.append(text), next(answers))[1]
    )

    def versions():
        found = sorted(session.execute(select(SeatingPlan.version).where(SeatingPlan.name == "Main")).scalars())
        session.rollback()
        return found

    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(asked) == 1 and not editor.saving, timeout=5000)
    assert "Version 2 of 'Main' was saved" in asked[0] and versions() == [1, 2]
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.version == 3, timeout=5000)
    assert len(asked) == 2 and versions() == [1, 2, 3]
