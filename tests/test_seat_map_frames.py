"""What the seat map's frame caches must not get wrong (issue 13: "any zoom/pan frame < 16 ms
p95", bench/stadium_map.py): a seat sold elsewhere repaints the right colour and count at
every level of detail, a patched dots picture is the picture drawn afresh, a pan shows
what a fresh view shows, and basket seats are marked at every zoom.

The plan is test_stadium_map's 20,000-seat grid in the real main window; states change in
the database (another channel's sale, straight SQL as the fixture does) and reach the map
through the sell screen's own resynchronisation, as a feed notification makes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from sqlalchemy import text

from boxoffice.ui.seatmap.layers import FEW_LEFT, MANY_LEFT, SOLD_OUT
from boxoffice.ui.seatmap.looks import DOT_COLORS
from boxoffice.ui.seatmap.map_view import SeatMapView
from tests.test_stadium_map import arena, dark_pixels, grab, near, seat_id, section_of  # noqa: F401

pytestmark = pytest.mark.usefixtures("arena")


def sell_elsewhere(qtbot, session, window, seat_ids: list[int]) -> None:
    """Seats sold by another channel, then the map brought up to date as a notification does."""
    session.execute(
        text("UPDATE inventory SET state = 'sold' WHERE showtime_id = :st AND seat_id = ANY(:ids)"),
        {"st": window.sell.seat_map.showtime.id, "ids": seat_ids},
    )
    session.commit()
    window.sell.resync(incremental=True)
    qtbot.waitUntil(lambda: all(window.sell.map.state_of(i) == "sold" for i in seat_ids), timeout=10_000)


def block_seats(window, block: str) -> list[int]:
    seat_map = window.sell.seat_map
    return [s.id for s in seat_map.seats if seat_map.sections[s.section_id] == block]


def zoom_until(view, level: str, centre) -> None:
    view.fit_all()
    for _ in range(40):
        if view.level() == level:
            break
        view.zoom_by(1.2)
    assert view.level() == level
    view.centerOn(centre)


def colour_at(image: QImage, p: QPoint) -> QColor:
    return QColor(image.pixel(p))


def around(image: QImage, p: QPoint) -> list[QColor]:
    """The 3 x 3 pixels about ``p`` (a dot is 2-3 pixels across at the dots level)."""
    return [QColor(image.pixel(p.x() + dx, p.y() + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def any_near(image: QImage, p: QPoint, colour: QColor) -> bool:
    return any(near(c, colour, 16) for c in around(image, p))


def saturated(image: QImage, p: QPoint) -> bool:
    """A category colour's dot is there (not a grey one: sold, held, blocked)."""
    return max(c.hsvSaturation() for c in around(image, p)) > 150


def test_shapes_repaint_the_availability_colour_and_count_after_a_sale_elsewhere(qtbot, arena, session):
    view = arena.sell.map
    block = section_of(arena, "Block 2")
    corner = view.mapFromScene(block.bounds.topLeft()) + QPoint(6, 6)
    assert view.level() == "shapes"
    image = grab(view)  # the labels' placement and the fills are now cached for this zoom
    assert near(colour_at(image, corner), MANY_LEFT)
    assert dict(view._names.drawn)["Block 2"] == ["Block 2", "1,000 free"]

    ids = block_seats(arena, "Block 2")
    sell_elsewhere(qtbot, session, arena, ids[:3])  # three seats: the count changes, the colour not yet
    image = grab(view)
    assert dict(view._names.drawn)["Block 2"] == ["Block 2", "997 free"]
    assert near(colour_at(image, corner), MANY_LEFT)

    sell_elsewhere(qtbot, session, arena, ids[3:900])  # 100 left: under 15 %, amber
    image = grab(view)
    assert dict(view._names.drawn)["Block 2"] == ["Block 2", "100 free"]
    assert near(colour_at(image, corner), FEW_LEFT)
    assert not near(FEW_LEFT, MANY_LEFT)  # control: the colours tell apart

    sell_elsewhere(qtbot, session, arena, ids[900:])
    image = grab(view)
    assert dict(view._names.drawn)["Block 2"] == ["Block 2", "sold out"]
    assert near(colour_at(image, corner), SOLD_OUT)


def test_dots_repaint_a_seat_sold_elsewhere_and_the_patched_picture_is_the_fresh_one(qtbot, arena, session):
    view = arena.sell.map
    qtbot.waitUntil(lambda: not view._prepare_timer.isActive(), timeout=20_000)  # the dots pictures are made
    target = seat_id(arena, "Block 8", "6", "6")
    zoom_until(view, "dots", view.seat_scene_pos(target))
    neighbour = seat_id(arena, "Block 8", "6", "5")
    image = grab(view)
    assert not any_near(image, view.seat_view_pos(target), DOT_COLORS["sold"])
    assert saturated(image, view.seat_view_pos(neighbour))

    sell_elsewhere(qtbot, session, arena, [target, seat_id(arena, "Block 8", "6", "7")])
    image = grab(view)
    assert any_near(image, view.seat_view_pos(target), DOT_COLORS["sold"])
    assert not saturated(image, view.seat_view_pos(target))
    assert saturated(image, view.seat_view_pos(neighbour))  # the seat next to it kept its colour

    layer = view._sections
    section = section_of(arena, "Block 8")
    patched, _rect = section.image
    fresh, _rect = layer._draw_dots(section)
    assert patched.size() == fresh.size()
    worst = max(
        max(
            abs(a - b)
            for a, b in zip(QColor(patched.pixel(x, y)).getRgb(), QColor(fresh.pixel(x, y)).getRgb(), strict=True)
        )
        for x in range(patched.width())
        for y in range(patched.height())
    )
    assert worst <= 8  # antialiased edges drawn in another order at most


def on_screen(view) -> QImage:
    """What the window shows of the map now: its backing store (the old picture scrolled by
    Qt and the strips that came into view painted), not a fresh render as ``grab()`` is."""
    store = view.window().backingStore().paintDevice()
    assert isinstance(store, QImage)
    return store.copy(QRect(view.viewport().mapTo(view.window(), QPoint(0, 0)), view.viewport().size()))


def test_a_pan_shows_what_a_fresh_view_shows(qtbot, arena):
    view = arena.sell.map
    block = section_of(arena, "Block 12")
    qtbot.waitUntil(lambda: not view._prepare_timer.isActive(), timeout=20_000)
    for level in ("shapes", "dots", "seats"):
        zoom_until(view, level, block.centre)
        if level == "seats":
            view.zoom_by(1.5)  # the names pinned to the top edge as the section fills the view
            view.centerOn(block.centre)
        qtbot.wait(20)
        for dx, dy in ((120, 0), (0, 90), (-45, -30), (7, 61)):  # scrolled as a drag does
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
            view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
            qtbot.wait(10)
        panned = on_screen(view)
        fresh = SeatMapView()
        qtbot.addWidget(fresh)
        fresh.resize(view.size())
        fresh.show()
        fresh.set_map(arena.sell.seat_map)
        fresh.set_states([_State(i, view.state_of(i)) for i in fresh._index if view.state_of(i) != "available"])
        qtbot.waitUntil(lambda f=fresh: not f._prepare_timer.isActive(), timeout=20_000)
        fresh.setTransform(view.transform())
        fresh.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
        fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
        fresh._zoomed()
        assert fresh.level() == level
        other = grab(fresh)
        assert panned.size() == other.size()
        minimap = view.minimap.geometry().adjusted(-2, -2, 2, 2) if view.minimap.isVisible() else QRect()
        differing = sum(
            1
            for x in range(0, panned.width(), 3)
            for y in range(0, panned.height(), 3)
            if not minimap.contains(x, y) and not near(QColor(panned.pixel(x, y)), QColor(other.pixel(x, y)), 24)
        )
        assert differing <= panned.width() * panned.height() // 9 // 200, (level, differing)  # under 0.5 %
        assert dict(view._names.drawn) == dict(fresh._names.drawn) or level == "seats"  # seats: strips only
        fresh.close()


def test_basket_seats_are_marked_at_every_level(qtbot, arena):
    view = arena.sell.map
    mine = seat_id(arena, "Block 9", "30", "20")
    other = seat_id(arena, "Block 9", "30", "5")
    arena.sell.hold_seat(mine)
    qtbot.waitUntil(lambda: view.visual_state(mine) == "mine", timeout=5000)
    seen = set()
    view.fit_all()
    while True:
        view.centerOn(view.seat_scene_pos(mine))
        image = grab(view)
        half = max(8, int(1.2 * view._store.typical_r * view.transform().m11()))  # the seat's ring, when big
        assert dark_pixels(image, view.seat_view_pos(mine), half) > 20, view.level()
        if view.level() != "seats":  # seats drawn one by one are checked by their own tests
            assert dark_pixels(image, view.seat_view_pos(other)) <= 2, view.level()  # control
        seen.add(view.level())
        before = view.transform().m11()
        view.zoom_by(1.44)
        if view.transform().m11() == before:
            break
    assert seen == {"shapes", "dots", "seats"}


class _State:
    def __init__(self, seat_id: int, state: str) -> None:
        self.seat_id, self.state = seat_id, state
        self.hold_token = self.hold_channel = self.hold_expires_at = None


def test_row_chunks_are_found_through_the_scene_index_and_hidden_when_zoomed_out(qtbot, arena):
    """Seats are top-level items once shown (the scene's index then finds the few in view;
    as children of one item every frame asked all of them for their bounds), and zooming
    out hides every one of them again."""
    view = arena.sell.map
    assert len(view._store.chunks) >= 800

    def made() -> list:
        return [c for c in view._store.chunks if c is not None]  # made as they come into view

    zoom_until(view, "seats", section_of(arena, "Block 12").centre)
    first = made()
    assert first and all(c.parentItem() is None and c.isVisible() for c in first)
    in_view = view.scene().items(view.mapToScene(view.viewport().rect()).boundingRect())
    known = set(first)
    assert 0 < sum(1 for item in in_view if item in known) < len(view._store.chunks) // 4
    view.fit_all()
    assert view.level() == "shapes"
    assert not any(c.isVisible() for c in made())
    assert not view._seat_layer.isVisible()
    # chunks made after the first switch (another block) are top-level too, and hidden with the rest
    zoom_until(view, "seats", section_of(arena, "Block 1").centre)
    later = [c for c in made() if c not in known]
    assert later and all(c.parentItem() is None and c.isVisible() for c in later)
    view.fit_all()
    assert not any(c.isVisible() for c in made())
