"""A large plan's seat map in the real main window (issue 13, item 4): at fit, sections are
shapes coloured by availability with names and free counts, and basket seats are marked;
zoomed in, seats are drawn; the minimap moves the view; F6 / Ctrl+F find a seat.

The plan is a generated 20,000-seat grid (20 blocks of 40 rows of 25 seats, five blocks
side by side), imported as a pretix plan, so the test stays quick; the demo stadium is
measured by bench/stadium_map.py."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import text

from boxoffice.domain.plan_generator import generate_grid_plan
from boxoffice.services import setup
from boxoffice.services.plans import import_plan
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.seatmap.layers import MANY_LEFT, SOLD_OUT
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house
from tests.menu_helpers import press_shortcut


@pytest.fixture
def arena(qtbot, session, session_factory):
    """The real main window with a 20,000-seat showtime open, Block 3 sold out."""
    make_small_house(session)
    data = generate_grid_plan(20_000, seats_per_row=25, rows_per_zone=40, zones_per_line=5)
    plan = import_plan(session, venue_name="Test Arena", data=data)
    show_id = setup.create_show(session, title="Arena night")
    showtime_id = setup.schedule_showtime(
        session,
        show_id=show_id,
        plan_id=plan.plan_id,
        starts_at=dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=2),
        prices={c["name"]: 3000 for c in data["categories"]},
    )
    session.execute(  # a test's set-up, not a sale: the whole of Block 3 reads as sold
        text(
            "UPDATE inventory SET state = 'sold' FROM seat JOIN section ON section.id = seat.section_id "
            "WHERE inventory.seat_id = seat.id AND inventory.showtime_id = :st AND section.name = 'Block 3'"
        ),
        {"st": showtime_id},
    )
    session.commit()
    runner = TaskRunner(session_factory, actor=make_actor(session, role="admin"), require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=300, database_label="test")
    window.sell.saleCompleted.disconnect(window._sale_completed)
    window.resize(1300, 800)  # closed below, after the basket is emptied (closing asks about it)
    window.show()
    window.start()
    sell = window.sell
    qtbot.waitUntil(lambda: sell.seat_map is not None and sell._version > 0, timeout=10_000)
    index = sell.picker.findData(showtime_id)  # choose it in the showtime picker, as a cashier does
    assert index >= 0
    sell.picker.setCurrentIndex(index)
    sell.picker.activated.emit(index)
    qtbot.waitUntil(lambda: sell.seat_map.showtime.id == showtime_id and not runner.busy, timeout=20_000)
    yield window
    sell.release_seats(None)
    runner.wait(5000)
    sell.basket.lines.clear()  # else closing the window asks about the basket (a modal box)
    if sell.map._search is not None:  # Find seat is a window of its own: it would cover later tests' views
        sell.map._search.close()
    window.close()


def seat_id(window, section: str, row: str, number: str) -> int:
    seat_map = window.sell.seat_map
    return next(
        s.id
        for s in seat_map.seats
        if seat_map.sections[s.section_id] == section and s.row == row and s.number == number
    )


def section_of(window, name: str):
    return next(s for s in window.sell.map._store.sections if s.name == name)


def grab(view) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def dark_pixels(image: QImage, centre: QPoint, half: int = 8) -> int:
    return sum(
        1
        for x in range(centre.x() - half, centre.x() + half + 1)
        for y in range(centre.y() - half, centre.y() + half + 1)
        if 0 <= x < image.width() and 0 <= y < image.height() and QColor(image.pixel(x, y)).lightness() < 70
    )


def near(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_at_fit_sections_are_shapes_with_free_counts_and_basket_seats_are_marked(qtbot, arena):
    view = arena.sell.map
    assert len(arena.sell.seat_map.seats) == 20_000
    assert view.level() == "shapes"
    image = grab(view)
    free, sold = section_of(arena, "Block 1"), section_of(arena, "Block 3")
    assert (free.free, free.total, sold.free) == (1000, 1000, 0)
    # the sections are filled by availability, the names and counts are written on them
    assert near(QColor(image.pixel(view.mapFromScene(free.bounds.topLeft()) + QPoint(6, 6))), MANY_LEFT)
    assert near(QColor(image.pixel(view.mapFromScene(sold.bounds.topLeft()) + QPoint(6, 6))), SOLD_OUT)
    drawn = dict(view._names.drawn)
    assert drawn["Block 1"] == ["Block 1", "1,000 free"]
    assert drawn["Block 3"] == ["Block 3", "sold out"]
    # seats are too small to click: a click on a section zooms to it instead of holding a seat
    basket_seat = seat_id(arena, "Block 7", "38", "20")  # away from the label in the middle
    other_seat = seat_id(arena, "Block 7", "38", "5")
    arena.sell.hold_seat(basket_seat)
    qtbot.waitUntil(lambda: view.visual_state(basket_seat) == "mine", timeout=5000)
    image = grab(view)
    assert dark_pixels(image, view.seat_view_pos(basket_seat)) > 20  # the marker's dark ring
    assert dark_pixels(image, view.seat_view_pos(other_seat)) == 0  # control: no marker, no ring
    assert view.seat_at(view.seat_view_pos(other_seat)) is None


def test_zooming_in_shows_seats_then_the_minimap_moves_the_view(qtbot, arena):
    view = arena.sell.map
    block = section_of(arena, "Block 12")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(block.centre))
    assert view.level() in ("dots", "seats")  # a click on a section at fit zooms to it
    for _ in range(12):
        if view.level() == "seats":
            break
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.level() == "seats"
    target = seat_id(arena, "Block 12", "20", "13")
    view.centerOn(view.seat_scene_pos(target))
    image = grab(view)
    color = arena.sell.seat_map.categories[next(s for s in arena.sell.seat_map.seats if s.id == target).category_id]
    assert near(QColor(image.pixel(view.seat_view_pos(target))), QColor(color.color), 30)
    view.seatClicked.disconnect(arena.sell._seat_clicked)  # the click is checked, no hold wanted
    with qtbot.waitSignal(view.seatClicked, timeout=2000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(target))
    assert clicked.args == [target]
    # the minimap shows while zoomed in; clicking on it moves the view there
    minimap = view.minimap
    assert minimap.isVisible()
    other = section_of(arena, "Block 1")
    spot = minimap._to_mini().map(other.centre).toPoint()
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=spot)
    centre = view.mapToScene(view.viewport().rect().center())
    assert other.bounds.contains(centre)
    view.fit_all()
    assert not minimap.isVisible()


@pytest.mark.parametrize("keys", ["F6", "Ctrl+F"])
def test_seat_search_jumps_to_the_seat_and_rings_it(qtbot, arena, keys):
    view = arena.sell.map
    press_shortcut(qtbot, arena, keys)
    dialog = view._search
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=3000)
    qtbot.keyClicks(dialog.edit, "block 1")
    assert dialog.current().text == "Block 1"  # exact section before "Block 10".."Block 19"
    qtbot.keyClicks(dialog.edit, "7 row 12 seat 9")
    assert dialog.current().text == "Block 17 · Row 12 · Seat 9"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    wanted = seat_id(arena, "Block 17", "12", "9")
    assert not dialog.isVisible()
    assert view.found_seat() == wanted
    assert view.level() == "seats"
    assert 2 * view._store.typical_r * view.transform().m11() >= 29
    centre = view.viewport().rect().center()
    assert (view.seat_view_pos(wanted) - centre).manhattanLength() <= 4
    assert view._found.isVisible()


def test_seat_search_says_when_nothing_matches(qtbot, arena):
    dialog = arena.sell.map.open_search()
    qtbot.keyClicks(dialog.edit, "Block 99")
    assert dialog.list.count() == 0
    assert "No such" in dialog.note.text()
