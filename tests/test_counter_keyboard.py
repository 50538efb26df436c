"""The counter at queue speed, on the real main window, by keystrokes only: best available
("2", F9, Enter: two adjacent seats sold for exact cash and printed), the next best offer,
price-category keys, the seat cursor and typed seat references, refusals in a banner on
the map, and selling paused while the database is unreachable."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from boxoffice.db.feed import InventoryFeed
from boxoffice.services import inventory
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.payment import PaymentDialog
from boxoffice.ui.seatmap.live import LiveFeed
from boxoffice.ui.shell.main_window import MainWindow
from tests.counter_helpers import open_till, settle, type_keys
from tests.factories import make_small_house


@pytest.fixture(autouse=True)
def _release_on_close(monkeypatch):
    """Closing a window with seats in the basket asks; the answer here is yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def till(qtbot, session, engine, db_url, tmp_path):
    house = make_small_house(session)  # rows A (category A, 25.00), B and C (B, 15.00), 10 seats each
    window, runner, printed = open_till(qtbot, session, engine, db_url, tmp_path / "data")
    yield window, house, printed


def _held(session, token) -> list[int]:
    rows = session.execute(
        text("SELECT seat_id FROM inventory_live WHERE state = 'held' AND hold_token = :t ORDER BY seat_id"),
        {"t": token},
    )
    return [r[0] for r in rows]


def _seats(session, ids) -> list[tuple[str, int, str]]:
    rows = session.execute(
        text("SELECT row_label, seat_number::int, category_id FROM seat WHERE id = ANY(:s) ORDER BY 2"), {"s": ids}
    )
    return [tuple(r) for r in rows]


def _pay_when_dialog_opens(qtbot, key=Qt.Key.Key_Return) -> PaymentDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PaymentDialog), timeout=10_000)
    dialog = QApplication.activeModalWidget()
    qtbot.keyClick(dialog.focusWidget() or dialog, key)
    return dialog


def test_two_best_seats_cash_exact_printed_in_four_keystrokes(qtbot, till, session):
    window, house, printed = till
    sell = window.sell
    assert QApplication.focusWidget() is sell.map  # the map is ready for the first key
    sold, delivered = [], []
    sell.saleCompleted.connect(sold.append)
    window.printing.delivered.connect(delivered.append)

    type_keys(qtbot, [Qt.Key.Key_2, Qt.Key.Key_F9])  # 1, 2: "2" and at once F9 (the hold is on its way)
    _pay_when_dialog_opens(qtbot)  # 3: Enter, nothing typed: exact cash
    qtbot.waitUntil(lambda: bool(sold), timeout=15_000)
    qtbot.waitUntil(lambda: bool(delivered), timeout=15_000)  # sent to the default ticket printer

    result, views = sold[0]
    order = session.execute(
        text(
            "SELECT o.total_minor, (SELECT sum(amount_minor) FROM payment p WHERE p.order_id = o.id),"
            " (SELECT array_agg(method) FROM payment p WHERE p.order_id = o.id),"
            " (SELECT array_agg(seat_id ORDER BY seat_id) FROM ticket t WHERE t.order_id = o.id AND status = 'valid')"
            " FROM orders o WHERE o.id = :o"
        ),
        {"o": result.order_id},
    ).one()
    total, paid, methods, seat_ids = order
    assert (total, paid, methods) == (5000, 5000, ["cash"]) and len(seat_ids) == 2
    (row_a, n1, _), (row_b, n2, _) = _seats(session, seat_ids)
    assert row_a == row_b == "A" and n2 == n1 + 1  # together, in the best row
    assert len(views) == 2 and result.change_minor == 0
    assert delivered == [f"tickets-{result.order_number}"]
    pdf = printed / f"tickets-{result.order_number}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert sell.basket.empty and window.focusWidget() is sell.map  # ready for the next customer


def test_enter_again_offers_the_next_best_and_releases_the_previous(qtbot, till, session):
    window, house, _printed = till
    sell = window.sell
    type_keys(qtbot, [Qt.Key.Key_3])  # alone: held after a short pause
    qtbot.waitUntil(lambda: len(sell.basket.lines) == 3, timeout=10_000)
    first = sorted(sell.basket.lines)
    assert _held(session, sell.basket.token) == first
    assert [s for s in sell.marks.offer] and "3 best seats together" in window.statusBar().currentMessage()
    centre = sell.map.mapToScene(sell.map.viewport().rect().center())
    xs = [sell.map.seat_scene_pos(s).x() for s in first]
    assert abs(centre.x() - sum(xs) / 3) < 20 and abs(centre.y() - sell.map.seat_scene_pos(first[0]).y()) < 20

    type_keys(qtbot, [Qt.Key.Key_Return])
    qtbot.waitUntil(lambda: sorted(sell.basket.lines) not in ([], first), timeout=10_000)
    second = sorted(sell.basket.lines)
    assert len(second) == 3 and set(second) != set(first)
    assert _held(session, sell.basket.token) == second  # the first offer's seats were released
    rows = {r for r, _n, _c in _seats(session, second)}
    assert len(rows) == 1


def test_a_category_key_limits_best_available_to_that_category(qtbot, till, session):
    window, house, _printed = till
    sell = window.sell
    assert sell.legend.key_texts()[:2] == ["Ctrl+1 A €25.00", "Ctrl+2 B €15.00"]
    qtbot.keyClick(sell.map, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # B, the cheaper one
    type_keys(qtbot, [Qt.Key.Key_4, Qt.Key.Key_Return])  # "4" then Enter: at once
    qtbot.waitUntil(lambda: len(sell.basket.lines) == 4, timeout=10_000)
    chosen = _seats(session, list(sell.basket.lines))
    assert {c for _r, _n, c in chosen} == {house["category_ids"]["B"]}
    assert sell.panel.total.text() == "4 seats · €60.00"


def test_the_seat_cursor_and_a_typed_seat_reference(qtbot, till, session):
    window, house, _printed = till
    sell = window.sell
    ids = house["seat_ids"]  # row-major: A1..A10, B1..B10, C1..C10
    type_keys(qtbot, [Qt.Key.Key_Right])  # the first key shows the cursor (middle of the section)
    start = sell.cursor.seat
    assert start is not None and sell.marks.cursor is not None and sell.marks.cursor.isVisible()
    type_keys(qtbot, [Qt.Key.Key_Right, Qt.Key.Key_Up])
    moved = sell.cursor.seat
    assert ids.index(moved) == ids.index(start) + 1 - 10  # one seat right, one row to the front
    type_keys(qtbot, [Qt.Key.Key_Space])
    qtbot.waitUntil(lambda: moved in sell.basket.lines, timeout=10_000)
    assert _held(session, sell.basket.token) == [moved]

    qtbot.keyClicks(sell.map, "c3")  # a seat reference, then Enter
    assert "c3" in sell.notice.typed.text()
    type_keys(qtbot, [Qt.Key.Key_Return])
    assert sell.cursor.seat == ids[22]  # row C seat 3
    type_keys(qtbot, [Qt.Key.Key_Space])
    qtbot.waitUntil(lambda: ids[22] in sell.basket.lines, timeout=10_000)
    assert sell.panel.total.text() == "2 seats · €40.00"

    qtbot.keyClicks(sell.map, "Z99")
    type_keys(qtbot, [Qt.Key.Key_Return])
    assert "No seat Z99" in sell.notice.text


def test_a_refusal_stays_on_the_map_until_the_next_action_and_the_seat_flashes(qtbot, till, session):
    window, house, _printed = till
    sell = window.sell
    seat = house["seat_ids"][4]
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=uuid.uuid4(), channel="web", seconds=60
    )
    # the map has not heard of the web's hold (no feed here): the database refuses the click
    view = sell.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat))
    qtbot.waitUntil(lambda: "Not available" in sell.notice.text, timeout=10_000)
    assert sell.marks.flashing and seat not in sell.basket.lines
    qtbot.wait(1500)  # a status-bar message would be gone by now; the banner is not
    assert "Row A seat 5" in sell.notice.text
    other = house["seat_ids"][25]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(other))
    assert sell.notice.text == ""  # the next action clears it
    qtbot.waitUntil(lambda: other in sell.basket.lines, timeout=10_000)
    assert sell.panel.total.text() == "1 seat · €15.00"  # not "1 seats"


@pytest.fixture
def live_till(qtbot, session, session_factory, db_url):
    """A live till whose feed reconnects the test can refuse (``gate.clear()``)."""
    house = make_small_house(session)
    gate = threading.Event()
    gate.set()

    def connect(conninfo, **kwargs):
        if not gate.is_set():
            raise psycopg.OperationalError("connection refused (test)")
        return psycopg.connect(conninfo, **kwargs)

    name = f"bo-test-feed-{uuid.uuid4().hex[:8]}"
    live = LiveFeed(InventoryFeed(db_url, application_name=name, min_backoff=0.1, max_backoff=0.4, connect=connect))
    runner = TaskRunner(session_factory)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test", live=live)
    window.sell.saleCompleted.disconnect(window._sale_completed)
    qtbot.addWidget(window, before_close_func=lambda w: settle(qtbot, w, runner))
    window.resize(1300, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and live.status.live, timeout=10_000)
    yield window, house, gate, name
    gate.set()
    live.stop()


def test_while_the_database_is_unreachable_pay_and_picking_are_disabled(qtbot, live_till, session, plain_db_url):
    window, house, gate, name = live_till
    sell = window.sell
    seat = house["seat_ids"][0]
    view = sell.map
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat))
    qtbot.waitUntil(lambda: seat in sell.basket.lines, timeout=10_000)
    assert sell.panel.pay_button.isEnabled()

    gate.clear()
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        pid = admin.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", (name,)).fetchone()[0]
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    qtbot.waitUntil(lambda: not sell.online, timeout=5000)
    assert not sell.panel.pay_button.isEnabled()
    assert "No connection" in sell.panel.countdown.text() and "held" in sell.panel.countdown.text()
    other = house["seat_ids"][1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(other))
    assert "cannot be picked" in sell.notice.text
    sell.map.setFocus()
    qtbot.keyClick(sell.map, Qt.Key.Key_2)
    qtbot.keyClick(sell.map, Qt.Key.Key_Return)
    qtbot.keyClick(sell.map, Qt.Key.Key_F9)
    assert isinstance(QApplication.activeModalWidget(), type(None))  # no payment dialog
    qtbot.wait(300)
    assert list(sell.basket.lines) == [seat] and _held(session, sell.basket.token) == [seat]

    gate.set()
    qtbot.waitUntil(lambda: sell.online and sell.panel.pay_button.isEnabled(), timeout=10_000)
    assert "No connection" not in sell.panel.countdown.text()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(other))
    qtbot.waitUntil(lambda: other in sell.basket.lines, timeout=10_000)  # picking works again


def test_no_group_that_large_is_said_in_the_banner(qtbot, till, session):
    window, house, _printed = till
    sell = window.sell
    type_keys(qtbot, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Return])  # 12 together: rows hold 10
    qtbot.waitUntil(lambda: sell.notice.text != "", timeout=10_000)
    assert "12" in sell.notice.text and sell.basket.empty
    assert _held(session, sell.basket.token) == []
    type_keys(qtbot, [Qt.Key.Key_Escape])  # nothing typed: Esc goes on; the banner waits for an action
    type_keys(qtbot, [Qt.Key.Key_2])
    assert sell.notice.text == ""  # the next action clears it
    qtbot.waitUntil(lambda: len(sell.basket.lines) == 2, timeout=10_000)
