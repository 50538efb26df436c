"""The inventory feed without Qt: notifications arrive, the feed comes back after its
server connection is killed, backs off while the server is unreachable, and stops promptly."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest

from boxoffice.db.feed import InventoryFeed, libpq_url
from boxoffice.services import inventory
from tests.factories import make_small_house


class Recorder:
    """Collects what a feed reports (called on the feed's thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.notes: list[int] = []
        self.statuses: list = []

    def note(self, showtime_id: int) -> None:
        with self.lock:
            self.notes.append(showtime_id)

    def status(self, status) -> None:
        with self.lock:
            self.statuses.append(status)

    def states(self) -> list[str]:
        with self.lock:
            return [s.state for s in self.statuses]


def wait_for(predicate, timeout: float = 5.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def make_feed(db_url):
    feeds = []

    def make(url: str | None = None, **kwargs) -> tuple[InventoryFeed, Recorder]:
        kwargs.setdefault("application_name", f"bo-test-feed-{uuid.uuid4().hex[:8]}")
        feed = InventoryFeed(url or db_url, **kwargs)
        recorder = Recorder()
        feed.add_listener(recorder.note, recorder.status)
        feeds.append(feed)
        return feed, recorder

    yield make
    for feed in feeds:
        feed.stop()


def backend_pid(plain_db_url: str, application_name: str) -> int | None:
    with psycopg.connect(plain_db_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE application_name = %s AND datname = current_database()",
            (application_name,),
        ).fetchone()
    return row[0] if row else None


def test_one_notification_per_transaction_and_showtime(make_feed, session):
    house = make_small_house(session)
    showtime, seats = house["showtime_id"], house["seat_ids"]
    feed, seen = make_feed()
    feed.start()
    wait_for(lambda: feed.status.live, what="the feed to listen")

    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=showtime, seat_ids=seats[:5], token=token, channel="web", seconds=60)
    wait_for(lambda: seen.notes == [showtime], timeout=2, what="the hold's notification")
    inventory.release_seats(session, showtime_id=showtime, token=token)
    wait_for(lambda: len(seen.notes) == 2, timeout=2, what="the release's notification")
    time.sleep(0.3)
    assert seen.notes == [showtime, showtime]  # five seats, one transaction: one notification each
    assert feed.received == 2


def test_comes_back_after_its_backend_is_terminated(make_feed, session, plain_db_url):
    house = make_small_house(session)
    feed, seen = make_feed(min_backoff=0.05, max_backoff=0.2)
    feed.start()
    wait_for(lambda: feed.status.live, what="the feed to listen")
    first = feed.status.backend_pid
    assert backend_pid(plain_db_url, feed.application_name) == first  # findable by application_name

    with psycopg.connect(plain_db_url, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (first,)).fetchone()[0]
    wait_for(lambda: feed.status.live and feed.status.backend_pid != first, what="the feed to reconnect")
    assert "down" in seen.states()
    assert feed.status.connections == 2
    assert backend_pid(plain_db_url, feed.application_name) == feed.status.backend_pid

    inventory.hold_seats(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=uuid.uuid4(),
        channel="web",
        seconds=60,
    )
    wait_for(lambda: seen.notes == [house["showtime_id"]], timeout=2, what="a notification after reconnecting")


def test_backs_off_while_the_server_is_unreachable_and_stops_at_once(make_feed):
    feed, seen = make_feed("postgresql://nobody@127.0.0.1:1/none", min_backoff=0.05, max_backoff=0.2, jitter=0)
    feed.start()
    wait_for(lambda: seen.states().count("down") >= 5, what="five failed attempts")
    with seen.lock:
        waits = [s.retry_in for s in seen.statuses if s.state == "down"][:5]
        attempts = [s.attempt for s in seen.statuses if s.state == "down"][:5]
    assert waits == [0.05, 0.1, 0.2, 0.2, 0.2]
    assert attempts == [1, 2, 3, 4, 5]
    assert feed.status.error  # the reason, for the status bar

    slow, _ = make_feed("postgresql://nobody@127.0.0.1:1/none", min_backoff=5, max_backoff=5, jitter=0)
    slow.start()
    wait_for(lambda: slow.status.state == "down", what="the first failure")
    started = time.monotonic()
    assert slow.stop(timeout=2)  # in the middle of a 5 s wait
    assert time.monotonic() - started < 0.5
    assert not slow.is_running() and slow.status.state == "stopped"


def test_stop_ends_a_listening_feed_promptly(make_feed):
    feed, seen = make_feed(poll_interval=0.2)
    feed.start()
    wait_for(lambda: feed.status.live, what="the feed to listen")
    started = time.monotonic()
    assert feed.stop(timeout=2)
    assert time.monotonic() - started < 0.6
    assert not feed.is_running()
    assert seen.states()[-1] == "stopped"
    assert feed.stop()  # twice is fine


def test_a_failing_listener_does_not_stop_the_feed(make_feed, session):
    house = make_small_house(session)
    feed, seen = make_feed()

    def broken(_showtime_id: int) -> None:
        raise RuntimeError("listener bug")

    feed.add_listener(broken)
    feed.remove_listener(seen.note)
    feed.add_listener(seen.note)  # after the broken one
    feed.start()
    wait_for(lambda: feed.status.live, what="the feed to listen")
    inventory.hold_seats(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=uuid.uuid4(),
        channel="web",
        seconds=60,
    )
    wait_for(lambda: seen.notes == [house["showtime_id"]], timeout=2, what="the notification")
    assert feed.status.live


def test_libpq_url_accepts_app_urls():
    assert libpq_url("postgresql+psycopg://u:p@h:5433/db") == "postgresql://u:p@h:5433/db"
    assert libpq_url("postgres://u@h/db") == "postgresql://u@h/db"
    with pytest.raises(ValueError):
        libpq_url("sqlite:///x.db")


def test_a_staff_login_whose_password_has_spaces_goes_live(make_feed, session, db_url):
    """A till's feed connects as the signed-in person's own login (``TillSessions.url_of``).
    A passphrase with spaces ("correct horse 1") once made a URL that libpq refuses
    ("unexpected spaces found"): the feed stayed down and the till offline for good."""
    from boxoffice.services.till import TillSessions
    from tests.factories import make_actor

    make_actor(session, role="cashier", username="spacey", password="correct horse 1")
    sessions = TillSessions(db_url)
    try:
        person = sessions.sign_in(username="spacey", password="correct horse 1", till="till:test")
        feed, seen = make_feed(sessions.url_of(person))
        feed.start()
        wait_for(lambda: feed.status.live, what="the feed to listen as the cashier")
        assert "down" not in seen.states()
    finally:
        sessions.close()
