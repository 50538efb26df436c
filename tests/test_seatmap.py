"""The seat-map widget driven with the mouse and keyboard, on plain data (no database)."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from boxoffice.services.catalog import CategoryInfo, SeatInfo, SeatMap, ShowtimeSummary
from boxoffice.ui.seatmap.map_view import SeatMapView

LONDON_7PM = dt.datetime(2030, 3, 1, 19, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class State:
    """Quacks like inventory.SeatState."""

    seat_id: int
    state: str
    hold_token: uuid.UUID | None = None
    hold_channel: str | None = None
    hold_expires_at: dt.datetime | None = None


def small_map() -> SeatMap:
    """5 rows x 10 seats (ids 101..150) in two sections, a stage and a text area."""
    show = ShowtimeSummary(7, "Hamlet", "Riverside", LONDON_7PM, "on_sale", "Europe/London")
    categories = {1: CategoryInfo(1, "Premium", "#c0392b", 4200), 2: CategoryInfo(2, "Standard", "#2e86c1", None)}
    seats = []
    for r in range(5):
        for n in range(10):
            seats.append(
                SeatInfo(
                    101 + 10 * r + n,
                    1 if r < 3 else 2,
                    "ABCDE"[r],
                    str(n + 1),
                    100.0 + 40 * n,
                    200.0 + 40 * r + (15 if r >= 3 else 0),
                    15.0,
                    1 if r < 2 else 2,
                    r == 4 and n == 0,
                )
            )
    areas = [
        {
            "shape": "rectangle",
            "position": {"x": 150, "y": 40},
            "rectangle": {"width": 300, "height": 80},
            "color": "#374151",
            "text": {"text": "STAGE", "color": "#ffffff", "size": 24},
        },
        {"shape": "text", "position": {"x": 280, "y": 470}, "text": {"text": "Exit", "size": 14}},
    ]
    return SeatMap(show, 1, 600, 500, "EUR", {1: "Stalls", 2: "Rear Stalls"}, categories, seats, areas)


@pytest.fixture
def view(qtbot):
    widget = SeatMapView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_map(small_map())
    return widget


def click(qtbot, view, pos: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_a_seat_emits_its_id(qtbot, view):
    with qtbot.waitSignal(view.seatClicked, timeout=1000) as blocker:
        click(qtbot, view, view.seat_view_pos(123))
    assert blocker.args == [123]


def test_clicking_a_sold_seat_still_reports_it(qtbot, view):
    view.set_states([State(140, "sold")])
    with qtbot.waitSignal(view.seatClicked, timeout=1000) as blocker:
        click(qtbot, view, view.seat_view_pos(140))
    assert blocker.args == [140]


def test_clicking_empty_space_emits_nothing(qtbot, view):
    seen = []
    view.seatClicked.connect(seen.append)
    between = (view.seat_view_pos(101) + view.seat_view_pos(112)) / 2  # the gap between two rows and seats
    assert view.seat_at(between) is None
    click(qtbot, view, between)
    click(qtbot, view, QPoint(3, 3))
    assert seen == []


def test_set_states_changes_state_and_look(view):
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    until = LONDON_7PM - dt.timedelta(hours=2)
    view.set_own_token(mine)
    assert view.state_of(101) == "available"
    view.set_states(
        [
            State(101, "sold"),
            State(102, "held", mine, "till:1", until),
            State(103, "held", theirs, "web", until),
            State(104, "blocked"),
            State(106, "held", uuid.uuid4(), "till:2", until),
        ]
    )
    assert [view.state_of(s) for s in (101, 102, 103, 104, 105, 106)] == [
        "sold",
        "held",
        "held",
        "blocked",
        "available",
        "held",
    ]
    assert [view.visual_state(s) for s in (101, 102, 103, 104, 105, 106)] == [
        "sold",
        "mine",
        "web",
        "blocked",
        "available",
        "held",
    ]
    view.set_states([State(101, "available")])
    assert view.state_of(101) == "available"
    view.set_states([State(99999, "sold")])  # another plan's seat: ignored


def test_selection_and_own_token_mark_the_basket(view):
    view.set_selected([105, 106])
    assert view.visual_state(105) == view.visual_state(106) == "mine"
    view.set_states([State(106, "sold")])
    assert view.visual_state(106) == "sold"  # sold under us: show the truth
    view.set_selected([])
    assert view.visual_state(105) == "available"
    token = uuid.uuid4()
    view.set_states([State(107, "held", token, "till:2", LONDON_7PM)])
    assert view.visual_state(107) == "held"
    view.set_own_token(token)
    assert view.visual_state(107) == "mine"


def test_holds_look_different_by_who_holds_them(view):
    other_basket = uuid.uuid4()
    view.set_own_token(uuid.uuid4())
    view.set_own_channel("till:box-1")
    view.set_states(
        [
            State(101, "held", uuid.uuid4(), "web", LONDON_7PM),
            State(102, "held", uuid.uuid4(), "web-shop:partner", LONDON_7PM),
            State(103, "held", uuid.uuid4(), "till:box-2", LONDON_7PM),
            State(104, "held", other_basket, "till:box-1", LONDON_7PM),
            State(105, "held", uuid.uuid4(), "phone", LONDON_7PM),
        ]
    )
    assert [view.visual_state(s) for s in range(101, 106)] == ["web", "web", "held", "ours", "held"]
    view.set_own_token(other_basket)  # that basket is on screen now
    assert view.visual_state(104) == "mine"
    view.set_own_channel("till:box-2")
    assert view.visual_state(103) == "ours"


def test_a_whole_snapshot_replaces_stale_states(view):
    view.set_states([State(101, "sold"), State(102, "held", uuid.uuid4(), "web", LONDON_7PM)])
    view.set_states([State(103, "sold")], replace=True)  # 101 and 102 are not mentioned: available
    assert [view.state_of(s) for s in (101, 102, 103)] == ["available", "available", "sold"]
    assert view.visual_state(102) == "available"
    assert view.expire_holds(LONDON_7PM + dt.timedelta(days=1)) == []  # 102's hold is forgotten


def test_expired_holds_show_as_available(view):
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)
    view.set_states([State(110, "held", uuid.uuid4(), "web", soon)])
    assert view.expire_holds(soon - dt.timedelta(seconds=1)) == []
    assert view.expire_holds(soon) == [110]
    assert view.state_of(110) == "available"


def test_describe_seat_names_section_row_seat_price_and_state(view):
    assert view.describe_seat(112) == "Stalls · Row B · Seat 2 · Premium · €42.00 · Available"
    assert view.describe_seat(141) == (
        "Rear Stalls · Row E · Seat 1 · Wheelchair space · Standard · no price · Available"
    )
    until = dt.datetime(2030, 3, 1, 19, 32, tzinfo=dt.UTC)  # London is on UTC in March
    token = uuid.uuid4()
    view.set_states(
        [
            State(112, "held", uuid.uuid4(), "web", until),
            State(113, "sold"),
            State(114, "held", token, "till:1", until),
            State(115, "held", uuid.uuid4(), "till:box-2", until),
            State(116, "held", uuid.uuid4(), "till:1", until),
            State(117, "held", uuid.uuid4(), "phone", until),
        ]
    )
    view.set_own_token(token)
    view.set_own_channel("till:1")
    assert view.describe_seat(112).endswith("· Held online until 19:32")
    assert view.describe_seat(113).endswith("· Sold")
    assert view.describe_seat(114).endswith("· In this basket until 19:32")
    assert view.describe_seat(115).endswith("· Held at till box-2 until 19:32")
    assert view.describe_seat(116).endswith("· Held at this till (another sale) until 19:32")
    assert view.describe_seat(117).endswith("· Held by phone until 19:32")


def test_hover_highlights_the_seat_and_shows_a_hand(qtbot, view):
    hovered = []
    view.seatHovered.connect(hovered.append)
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))  # from elsewhere: the pointer may still rest on seat 125
    qtbot.mouseMove(view.viewport(), view.seat_view_pos(125))
    qtbot.waitUntil(lambda: bool(hovered) and hovered[-1] == 125, timeout=1000)
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert view._ring.isVisible()
    qtbot.mouseMove(view.viewport(), QPoint(3, 3))
    qtbot.waitUntil(lambda: hovered[-1] == -1, timeout=1000)
    assert not view._ring.isVisible()


def wheel(view, pos: QPoint, delta: int) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_wheel_zooms_about_the_cursor_within_limits(qtbot, view):
    before = view.transform().m11()
    anchor = view.seat_view_pos(133)
    wheel(view, anchor, 120)
    assert view.transform().m11() > before * 1.1
    assert (view.seat_view_pos(133) - anchor).manhattanLength() <= 2  # the seat stayed under the cursor
    for _ in range(40):
        wheel(view, anchor, 120)
    assert view.zoom_level() <= 8.0 + 1e-6 or view.transform().m11() * 30 <= 48.0 + 1e-6
    for _ in range(80):
        wheel(view, anchor, -120)
    assert view.zoom_level() == pytest.approx(0.5)


def test_keys_zoom_and_fit(qtbot, view):
    view.setFocus()
    fitted = view.transform().m11()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.transform().m11() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.transform().m11() < fitted
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.transform().m11() == pytest.approx(fitted)


def test_dragging_empty_space_pans_but_pressing_a_seat_does_not(qtbot, view):
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # zoom in so there is room to pan
    start = view.seat_view_pos(101)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(125))
    qtbot.mouseMove(view.viewport(), view.seat_view_pos(125) + QPoint(60, 40))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(125) + QPoint(60, 40))
    assert view.seat_view_pos(101) == start
    empty = QPoint(5, view.viewport().height() // 2)
    assert view.seat_at(empty) is None
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), empty + QPoint(12 * step, 8 * step))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=empty + QPoint(60, 40))
    assert view.seat_view_pos(101) != start


def test_states_are_painted_differently(view):
    """Each visual state puts different pixels on screen (not only a different colour)."""
    token = uuid.uuid4()
    view.set_own_token(token)
    view.set_own_channel("till:1")
    view.set_states(
        [
            State(102, "held", token, "till:1", LONDON_7PM),
            State(103, "held", uuid.uuid4(), "web"),
            State(104, "sold"),
            State(105, "blocked"),
            State(106, "held", uuid.uuid4(), "till:2"),
            State(107, "held", uuid.uuid4(), "till:1"),
        ]
    )
    assert [view.visual_state(s) for s in range(101, 108)] == [
        "available",
        "mine",
        "web",
        "sold",
        "blocked",
        "held",
        "ours",
    ]
    image: QImage = view.grab().toImage()
    patches = []
    for seat in range(101, 108):
        p = view.seat_view_pos(seat)
        patches.append(
            tuple(image.pixelColor(p.x() + dx, p.y() + dy).name() for dx in range(-6, 7, 3) for dy in range(-6, 7, 3))
        )
    assert len(set(patches)) == 7
    beside_number = view.seat_view_pos(101) - QPoint(round(15 * view.transform().m11() * 0.6), 0)
    assert image.pixelColor(beside_number).name() == QColor("#c0392b").name()  # available: category colour


def test_legend_has_every_state(view):
    entries = view.legend_entries()
    labels = [e.label for e in entries]
    assert labels[:7] == [
        "Available",
        "In this basket",
        "Held at this till",
        "Held at another till",
        "Held online",
        "Sold",
        "Blocked",
    ]
    assert "Wheelchair space" in labels
    assert not entries[1].pixmap(20).isNull()


def stadium(n: int) -> SeatMap:
    show = ShowtimeSummary(1, "Final", "Stadium", LONDON_7PM, "on_sale", "UTC")
    categories = {
        i: CategoryInfo(i, f"Cat {i}", c, 1000 * i) for i, c in enumerate(["#c0392b", "#2e86c1", "#27ae60"], 1)
    }
    seats, rows = [], 50
    per_row = n // rows
    for k in range(n):
        r, s = divmod(k, per_row)
        angle = 2 * math.pi * s / per_row
        radius = 600 + 22 * r
        seats.append(
            SeatInfo(
                k + 1,
                1 + s * 8 // per_row,
                str(r + 1),
                str(s + 1),
                2000 + radius * math.cos(angle),
                2000 + radius * math.sin(angle),
                7.0,
                1 + r % 3,
                False,
            )
        )
    return SeatMap(show, 1, 4000, 4000, "EUR", {i: f"Block {i}" for i in range(1, 9)}, categories, seats, [])


def test_twenty_thousand_seats_set_and_paint(qtbot):
    view = SeatMapView()
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    seat_map = stadium(20_000)
    started = time.perf_counter()
    view.set_map(seat_map)
    view.set_states([State(k, ("available", "sold", "held", "blocked")[k % 4]) for k in range(1, 20_001)])
    assert not view.grab().isNull()
    for _ in range(6):
        view.zoom_by(1.6)
        view.grab()
    elapsed = time.perf_counter() - started
    assert elapsed < 20  # generous: a smoke test, benchmarks report the real figures
    assert len(view.scene().items()) < 1000  # batched, not one item per seat
    assert view.state_of(19_999) == "blocked"


def test_does_not_import_the_database_layer():
    code = "import sys, boxoffice.ui.seatmap.map_view; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tooltip_describes_the_seat_under_the_mouse(qtbot, view):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    pos = view.seat_view_pos(112)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert QToolTip.text() == "Stalls · Row B · Seat 2 · Premium · €42.00 · Available"
    empty = QPoint(3, 3)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, empty, view.viewport().mapToGlobal(empty)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=1000)


def test_a_new_map_replaces_the_old_one(qtbot, view):
    view.set_states([State(101, "sold")])
    view.set_selected([102])
    empty = SeatMap(small_map().showtime, 2, 300, 200, "EUR", {}, {}, [], [])
    view.set_map(empty)
    assert view.seat_at(QPoint(100, 100)) is None
    with pytest.raises(KeyError):
        view.state_of(101)
    view.grab()
    view.set_map(small_map())
    assert view.state_of(101) == "available" and view.visual_state(102) == "available"
    assert not view.grab().isNull()


def test_a_painting_error_is_logged_not_fatal(view, monkeypatch, caplog):
    from boxoffice.ui.seatmap import items as seatmap_items

    def broken(*args, **kwargs):
        raise RuntimeError("no sprite")

    monkeypatch.setattr(seatmap_items, "sprite", broken)
    assert not view.grab().isNull()  # an exception escaping paint() would kill the process
    assert "painting SeatChunk failed" in caplog.text
