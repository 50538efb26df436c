"""General admission on the sell screen, driven as a cashier would: click the area, choose
2 places, pay cash; the database has 2 GA tickets and the map's count drops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QSpinBox
from sqlalchemy import text

from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.seatmap.ga_areas import GaQuantityDialog
from tests.test_general_admission import ga_house
from tests.till_helpers import pay_cash


@pytest.fixture
def screen(qtbot, session, session_factory):
    house = ga_house(session, capacity=143)
    runner = TaskRunner(session_factory)
    widget = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load_showtimes()
    qtbot.waitUntil(lambda: widget.seat_map is not None, timeout=10_000)
    widget.open_showtime(house["showtime_id"])
    qtbot.waitUntil(lambda: house["area_id"] in widget.map.ga_items(), timeout=10_000)
    yield widget, house
    runner.wait(5000)


def _in_dialog(qtbot, seen, keys):
    def act():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = type(dialog).__name__
        spin = dialog.findChild(QSpinBox, "gaQuantity")
        seen["max"] = spin.maximum()
        spin.selectAll()
        qtbot.keyClicks(spin, keys)
        qtbot.keyClick(spin, Qt.Key.Key_Return)

    return act


def test_click_the_area_choose_two_pay_cash(qtbot, screen, session):
    widget, house = screen
    area = widget.map.ga_items()[house["area_id"]]
    assert area.label == "Standing · 143 left"

    seen = {}
    QTimer.singleShot(200, _in_dialog(qtbot, seen, "2"))
    qtbot.mouseClick(widget.map.viewport(), Qt.MouseButton.LeftButton, pos=widget.map.ga_view_pos(house["area_id"]))
    qtbot.waitUntil(lambda: house["area_id"] in widget.basket.ga, timeout=5000)
    assert seen == {"dialog": GaQuantityDialog.__name__, "max": 143}
    table = widget.panel.table
    assert table.item(0, 0).text() == "Standing (GA) × 2" and table.item(0, 3).text() == "€30.00"
    assert widget.panel.total.text() == "2 tickets · €30.00"
    qtbot.waitUntil(lambda: widget.map.ga_items()[house["area_id"]].available == 141, timeout=5000)
    assert (
        session.execute(text("SELECT quantity FROM ga_hold WHERE token = :t"), {"t": widget.basket.token}).scalar_one()
        == 2
    )
    session.rollback()

    result, views = pay_cash(qtbot, widget, "30")
    assert len(views) == 2 and all(v.place_label == "General admission · Standing" for v in views)
    rows = session.execute(
        text("SELECT seat_id, ga_area_id, price_minor FROM ticket WHERE order_id = :o"), {"o": result.order_id}
    ).all()
    session.rollback()
    assert rows == [(None, house["area_id"], 1500)] * 2
    qtbot.waitUntil(lambda: widget.map.ga_items()[house["area_id"]].label == "Standing · 141 left", timeout=5000)
    assert widget.panel.table.rowCount() == 0


def test_a_ga_line_is_removable_and_releases_its_places(qtbot, screen, session):
    widget, house = screen
    seen = {}
    QTimer.singleShot(200, _in_dialog(qtbot, seen, "3"))
    widget.map.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # the keyboard way in
    qtbot.waitUntil(lambda: house["area_id"] in widget.basket.ga, timeout=5000)
    assert widget.basket.ga[house["area_id"]].quantity == 3
    widget.panel.table.selectRow(0)
    qtbot.mouseClick(widget.panel.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.map.ga_items()[house["area_id"]].available == 143, timeout=5000)
    assert not widget.basket.ga

    def held_rows() -> int:  # the release runs on a worker; the map may show it a moment earlier
        count = session.execute(text("SELECT count(*) FROM ga_hold")).scalar_one()
        session.rollback()
        return count

    qtbot.waitUntil(lambda: held_rows() == 0, timeout=5000)


# -- the plan editor ----------------------------------------------------------------------------------


def test_plan_editor_adds_moves_deletes_undoes_and_saves_a_ga_area(qtbot, session, session_factory, monkeypatch):
    from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox

    from boxoffice.domain.plan_editing import GA_KEY
    from boxoffice.services import plan_editor
    from boxoffice.ui.plan_editor.window import PlanEditorWindow
    from tests.factories import make_actor
    from tests.test_general_admission import DEMO

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    manager = make_actor(session, role="manager", username="maya")
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)
    editor = PlanEditorWindow(runner)
    qtbot.addWidget(editor, before_close_func=lambda w: (runner.wait(5000), w.undo_stack.setClean()))
    editor.resize(1100, 750)
    editor.show()
    qtbot.waitExposed(editor)
    editor.new_plan("GA Hall", "Club")
    assert editor.import_file(str(DEMO))

    seen = {}

    def fill(name, capacity, then_ok=True):
        def act():
            dialog = QApplication.activeModalWidget()
            field = dialog.findChild(QLineEdit, "gaName")
            field.selectAll()
            qtbot.keyClicks(field, name)
            spin = dialog.findChild(QSpinBox, "gaCapacity")
            spin.lineEdit().selectAll()
            qtbot.keyClicks(spin, str(capacity))
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
            seen.setdefault("problems", []).append(dialog.findChild(QLabel, "gaProblem").text())
            if dialog.isVisible():
                dialog.reject()

        return act

    QTimer.singleShot(200, fill("Standing", 143))
    editor.ga_action.trigger()
    qtbot.waitUntil(lambda: len(editor.plan.ga_areas) == 1, timeout=5000)
    (area,) = editor.plan.ga_areas
    assert area.data[GA_KEY] == {"name": "Standing", "capacity": 143, "category": editor.plan.categories[0].name}
    assert editor.canvas.selected_areas == {area.key}
    QTimer.singleShot(200, fill("standing", 10))  # the same name (any case) is refused in the dialog
    editor.ga_action.trigger()
    assert "already an area called" in seen["problems"][-1] and len(editor.plan.ga_areas) == 1

    x0 = area.data["position"]["x"]
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.plan.ga_areas[0].data["position"]["x"] == x0 + 10
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert editor.plan.ga_areas == []
    editor.undo_stack.undo()
    assert editor.plan.ga_areas[0].data["position"]["x"] == x0 + 10
    editor.undo_stack.undo()
    assert editor.plan.ga_areas[0].data["position"]["x"] == x0

    assert editor.save()
    qtbot.waitUntil(lambda: editor.version == 1 and not editor.saving, timeout=10_000)
    loaded = plan_editor.load_plan(session, plan_id=editor.plan_id)
    assert [a.data[GA_KEY]["name"] for a in loaded.plan.ga_areas] == ["Standing"]
    rows = session.execute(text("SELECT name, capacity FROM ga_area WHERE plan_id = :p"), {"p": editor.plan_id}).all()
    session.rollback()
    assert rows == [("Standing", 143)]
