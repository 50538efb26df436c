"""Live seat maps in the real window: other connections change seats and the open map
follows with no user action and no polling; a killed listener connection is reported,
comes back, and the whole showtime is read again.

The sell screen's one-second tick (basket countdown, local hold expiry) is stopped in
these tests, and nothing else in the screen fetches on a timer: a change on the map can
only come from a notification (the control test shows the map stays stale without one).
"""

from __future__ import annotations

import threading
import uuid
from types import SimpleNamespace

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from boxoffice.db.feed import InventoryFeed
from boxoffice.services import inventory, sales
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.counter.sell import SellScreen
from boxoffice.ui.seatmap.live import LiveFeed
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_small_house

LIVE_TIMEOUT_MS = 2000  # generous for a loaded CI machine; the latency figure is bench/notify_latency.py's


@pytest.fixture
def app(qtbot, session, session_factory, db_url, monkeypatch):
    """The main window on a small house, live, with a feed whose reconnects the test can
    refuse (``gate.clear()``) while the server itself stays up."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    house = make_small_house(session)
    gate = threading.Event()
    gate.set()

    def connect(conninfo, **kwargs):
        if not gate.is_set():
            raise psycopg.OperationalError("connection refused (test)")
        return psycopg.connect(conninfo, **kwargs)

    name = f"bo-test-feed-{uuid.uuid4().hex[:8]}"
    feed = InventoryFeed(db_url, application_name=name, min_backoff=0.1, max_backoff=0.4, connect=connect)
    live = LiveFeed(feed)
    runner = TaskRunner(session_factory)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test", live=live)
    qtbot.addWidget(window)
    sell = window.sell
    sell._tick.stop()  # no timer may touch the map: changes must come from notifications
    window.resize(1300, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: sell.seat_map is not None and live.status.live, timeout=10_000)
    qtbot.waitUntil(lambda: not sell.sync.busy, timeout=5000)
    yield SimpleNamespace(
        window=window,
        sell=sell,
        house=house,
        live=live,
        feed=feed,
        gate=gate,
        name=name,
        runner=runner,
        showtime=house["showtime_id"],
        seats=house["seat_ids"],
    )
    gate.set()
    live.stop()
    runner.wait(5000)


def web_hold(url: str, showtime: int, seats: list[int], token: uuid.UUID | None = None) -> uuid.UUID:
    """The web channel holding seats as the contract says, on a connection of its own."""
    token = token or uuid.uuid4()
    with psycopg.connect(url) as conn:  # one transaction, committed on leaving the block
        conn.execute("SELECT bo_hold(%s, %s, %s, 'web', 600)", (showtime, seats, token))
    return token


def db_states(session, showtime: int) -> dict[int, str]:
    rows = session.execute(text("SELECT seat_id, state FROM inventory_live WHERE showtime_id = :s"), {"s": showtime})
    return dict(rows.all())


def test_holds_and_sales_elsewhere_show_up_without_any_user_action(qtbot, app, session, plain_db_url):
    sell, seat, web_seat = app.sell, app.seats[4], app.seats[12]
    heard: list[int] = []
    app.live.inventoryChanged.connect(heard.append)
    fetches = sell.sync.fetches
    assert sell.map.visual_state(seat) == sell.map.visual_state(web_seat) == "available"

    token = uuid.uuid4()  # another till holds a seat...
    inventory.hold_seats(
        session, showtime_id=app.showtime, seat_ids=[seat], token=token, channel="till:box-2", seconds=300
    )
    qtbot.waitUntil(lambda: sell.map.visual_state(seat) == "held", timeout=LIVE_TIMEOUT_MS)
    assert heard and heard[0] == app.showtime and sell.sync.fetches > fetches
    assert "Held at till box-2 until" in sell.map.describe_seat(seat)

    web_hold(plain_db_url, app.showtime, [web_seat])  # ...the web holds another...
    qtbot.waitUntil(lambda: sell.map.visual_state(web_seat) == "web", timeout=LIVE_TIMEOUT_MS)
    assert "Held online until" in sell.map.describe_seat(web_seat)

    quote = sales.quote(session, showtime_id=app.showtime, seat_ids=[seat])  # ...and the till sells its seat
    sales.sell_cash(
        session,
        showtime_id=app.showtime,
        seat_ids=[seat],
        token=token,
        channel="till:box-2",
        tendered_minor=quote.total_minor,
        expected_total_minor=quote.total_minor,
    )
    qtbot.waitUntil(lambda: sell.map.visual_state(seat) == "sold", timeout=LIVE_TIMEOUT_MS)
    assert sell.map.describe_seat(seat).endswith("· Sold")
    assert sell.banner.isHidden()


def test_control_without_the_feed_the_map_stays_stale(qtbot, session, session_factory):
    """Proves the test above can fail: with no feed, nothing else updates the map."""
    house = make_small_house(session)
    runner = TaskRunner(session_factory)
    sell = SellScreen(runner, channel="till:test", hold_seconds=120)
    qtbot.addWidget(sell)
    sell._tick.stop()
    sell.show()
    sell.load_showtimes()
    seat = house["seat_ids"][4]
    qtbot.waitUntil(lambda: sell.seat_map is not None and sell.map.state_of(seat) == "available", timeout=10_000)
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=[seat], token=uuid.uuid4(), channel="web", seconds=300
    )
    qtbot.wait(LIVE_TIMEOUT_MS // 2)
    assert sell.map.state_of(seat) == "available"
    sell.resync()  # F5 still works
    qtbot.waitUntil(lambda: sell.map.visual_state(seat) == "web", timeout=5000)
    runner.wait(5000)


def test_a_commit_that_took_its_version_earlier_is_not_missed(qtbot, app, plain_db_url):
    """A transaction that changed a row before a newer commit was fetched, and stays open
    longer than the 5 s the sell screen used to re-read, is still fetched when it
    commits: the database gives versions at commit, in commit order (migration 0020;
    tests/test_commit_order.py keeps one open 30 s, with a control)."""
    sell, early, late = app.sell, app.seats[20], app.seats[21]
    with psycopg.connect(plain_db_url) as slow:
        slow.execute("SELECT bo_hold(%s, %s, %s, 'web', 600)", (app.showtime, [early], uuid.uuid4()))
        web_hold(plain_db_url, app.showtime, [late])  # takes a higher version, commits first
        qtbot.waitUntil(lambda: sell.map.visual_state(late) == "web", timeout=LIVE_TIMEOUT_MS)
        qtbot.waitUntil(lambda: not sell.sync.busy, timeout=LIVE_TIMEOUT_MS)
        assert sell.map.visual_state(early) == "available"
        assert sell.sync.version > 0
        qtbot.wait(6000)  # past the old re-read window
    # the slow transaction commits now: its version is above the one the map holds
    qtbot.waitUntil(lambda: sell.map.visual_state(early) == "web", timeout=LIVE_TIMEOUT_MS)


def test_a_killed_listener_is_reported_and_the_map_resynchronised(qtbot, app, session, plain_db_url):
    sell, window, seats = app.sell, app.window, app.seats
    mine, released, newly_held, sold = seats[0], seats[5], seats[6], seats[7]
    qtbot.mouseClick(sell.map.viewport(), Qt.MouseButton.LeftButton, pos=sell.map.seat_view_pos(mine))
    qtbot.waitUntil(lambda: mine in sell.basket.lines and sell.map.visual_state(mine) == "mine", timeout=5000)
    web_token = web_hold(plain_db_url, app.showtime, [released])
    qtbot.waitUntil(lambda: sell.map.visual_state(released) == "web", timeout=LIVE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not sell.sync.busy, timeout=LIVE_TIMEOUT_MS)  # nothing in flight from here on
    assert window.live_label.text() == "● Live"

    app.gate.clear()  # the server refuses the listener's reconnects for now
    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        pid = admin.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", (app.name,)).fetchone()[0]
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    qtbot.waitUntil(lambda: not sell.banner.isHidden(), timeout=LIVE_TIMEOUT_MS)
    assert "Reconnecting" in sell.banner.text() and "Reconnecting" in window.live_label.text()

    # while it is down, other channels change seats; nobody tells this till
    inventory.release_seats(session, showtime_id=app.showtime, token=web_token)
    web_hold(plain_db_url, app.showtime, [newly_held])
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=app.showtime, seat_ids=[sold], token=token, channel="till:box-2", seconds=300
    )
    quote = sales.quote(session, showtime_id=app.showtime, seat_ids=[sold])
    sales.sell_cash(
        session,
        showtime_id=app.showtime,
        seat_ids=[sold],
        token=token,
        channel="till:box-2",
        tendered_minor=quote.total_minor,
        expected_total_minor=quote.total_minor,
    )
    qtbot.wait(500)  # several refused reconnects
    assert app.live.status.state in ("down", "connecting") and app.live.status.attempt >= 2
    assert [sell.map.visual_state(s) for s in (released, newly_held, sold)] == ["web", "available", "available"]
    assert mine in sell.basket.lines  # what the cashier was doing stays on screen

    app.gate.set()
    qtbot.waitUntil(lambda: sell.banner.isHidden(), timeout=5000)
    assert app.live.status.live and app.live.status.connections == 2
    assert window.live_label.text() == "● Live"
    truth = db_states(session, app.showtime)
    assert {s: sell.map.state_of(s) for s in truth} == truth
    assert [sell.map.visual_state(s) for s in (mine, released, newly_held, sold)] == [
        "mine",
        "available",
        "web",
        "sold",
    ]
    assert list(sell.basket.lines) == [mine]
