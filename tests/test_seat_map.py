"""GET /showtimes/{id}/map: one document with sections, rows, seats and states, served
from bytes cached per inventory version (ETag, 304), rebuilt when the feed says the
showtime changed, when its version moved (feed off), or when a hold lapsed."""

from __future__ import annotations

import time
import uuid

import pytest
from fastapi.testclient import TestClient

from boxoffice.runtime import Database
from boxoffice.services import inventory
from tests.factories import make_small_house
from tests.web_helpers import make_app


@pytest.fixture
def house(session):
    return make_small_house(session)


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


def _client(database, **options):
    return TestClient(make_app(database, **options))


def _seats(doc: dict) -> dict[int, dict]:
    return {seat["id"]: seat for sec in doc["sections"] for row in sec["rows"] for seat in row["seats"]}


def _hold_directly(session, house, seats, seconds=600):
    """A till's hold: the database changes, the web server is not told by any request."""
    inventory.hold_seats(
        session, showtime_id=house["showtime_id"], seat_ids=seats, token=uuid.uuid4(), channel="till", seconds=seconds
    )


def _wait(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_map_has_sections_rows_seats_states_and_prices(database, house):
    with _client(database) as client:
        r = client.get(f"/showtimes/{house['showtime_id']}/map")
    assert r.status_code == 200 and r.headers["etag"] and r.headers["cache-control"] == "no-cache"
    assert "app;dur=" in r.headers["server-timing"]
    doc = r.json()
    assert doc["showtime_id"] == house["showtime_id"] and doc["currency"] and doc["status"] == "on_sale"
    assert doc["categories"] == [{"name": "A", "price_minor": 2500}, {"name": "B", "price_minor": 1500}]
    assert [s["name"] for s in doc["sections"]] == ["Stalls"]
    assert [row["row"] for row in doc["sections"][0]["rows"]] == ["A", "B", "C"]
    first = doc["sections"][0]["rows"][0]["seats"][0]
    assert first == {
        "id": house["seat_ids"][0],
        "seat": "1",
        "x": 50.0,
        "y": 150.0,
        "category": 0,
        "wheelchair": False,
        "state": "available",
    }
    assert doc["counts"] == {"available": 30, "held": 0, "sold": 0, "blocked": 0}
    assert doc["plan"]["width"] > 0 and doc["version"] > 0
    assert client.get("/showtimes/999999/map").status_code == 404


def test_unchanged_map_answers_304_and_a_change_gives_new_bytes(database, house, session):
    url = f"/showtimes/{house['showtime_id']}/map"
    with _client(database, live_maps=False) as client:
        cache = client.app.state.seat_maps
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == first.headers["etag"]
        assert cache.builds == 1 and cache.checks == 1  # the version was checked, nothing rebuilt
        # a hold over HTTP and one at a till: both show, with a new ETag
        held = client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": [house["seat_ids"][1]]})
        assert held.status_code == 201
        _hold_directly(session, house, [house["seat_ids"][2]])
        changed = client.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert changed.status_code == 200 and changed.headers["etag"] != first.headers["etag"]
        seats = _seats(changed.json())
        assert seats[house["seat_ids"][1]]["state"] == "held" and seats[house["seat_ids"][2]]["state"] == "held"
        assert changed.json()["counts"]["held"] == 2
        assert cache.builds == 1 and cache.patches == 1  # the two changed seats read, the rest reused


def test_the_feed_invalidates_and_an_unchanged_map_needs_no_database(database, house, session):
    url = f"/showtimes/{house['showtime_id']}/map"
    with _client(database) as client:
        cache = client.app.state.seat_maps
        _wait(lambda: cache._feed_epoch is not None)  # the feed is listening
        etag = client.get(url).headers["etag"]
        checks = cache.checks
        for _ in range(5):
            assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert cache.checks == checks and cache.builds == 1  # served without a query
        _hold_directly(session, house, [house["seat_ids"][3]])
        _wait(lambda: cache.peek(house["showtime_id"]) is None)  # the notification arrived
        r = client.get(url, headers={"If-None-Match": etag})
        assert r.status_code == 200 and _seats(r.json())[house["seat_ids"][3]]["state"] == "held"


def test_a_lapsed_hold_reads_available_without_a_new_version(database, house, session):
    url = f"/showtimes/{house['showtime_id']}/map"
    _hold_directly(session, house, [house["seat_ids"][4]], seconds=1)
    with _client(database, live_maps=False) as client:
        before = client.get(url).json()
        assert _seats(before)[house["seat_ids"][4]]["state"] == "held"
        time.sleep(1.2)
        after = client.get(url).json()
    assert _seats(after)[house["seat_ids"][4]]["state"] == "available"
    assert after["version"] == before["version"]


def test_readers_arriving_together_after_a_change_share_one_build(session_factory, house, session):
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from boxoffice.services.seat_map import SeatMapCache

    cache, st = SeatMapCache(), house["showtime_id"]
    with session_factory() as s:
        cache.get(s, st)
    _hold_directly(session, house, [house["seat_ids"][5]])
    barrier = Barrier(8)

    def read(_):
        with session_factory() as s:
            barrier.wait()
            return cache.get(s, st)

    with ThreadPoolExecutor(8) as pool:
        docs = list(pool.map(read, range(8)))
    assert len({d.etag for d in docs}) == 1
    assert cache.builds == 1 and cache.patches == 1  # the first, and one patch after the change
    assert b'"state":"held"' in docs[0].body


def test_requests_arriving_during_a_read_wait_for_it_then_read_again(database, house, session):
    """Many map requests at once (no feed: each must see the database as it was when it
    arrived): one read at a time per showtime, every request answered."""
    import asyncio

    import httpx

    app = make_app(database, live_maps=False)
    url = f"/showtimes/{house['showtime_id']}/map"

    async def main():
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://web") as client:
                await client.get(url)
                _hold_directly(session, house, [house["seat_ids"][6]])
                return await asyncio.wait_for(asyncio.gather(*(client.get(url) for _ in range(20))), 30)

    answers = asyncio.run(main())
    assert {r.status_code for r in answers} == {200}
    assert all(_seats(r.json())[house["seat_ids"][6]]["state"] == "held" for r in answers)
    assert app.state.seat_maps.builds == 1 and app.state.seat_maps.patches == 1


def test_a_finished_read_not_yet_forgotten_does_not_spin_the_event_loop():
    """A request that finds a read already finished (its done-callback not run yet) and
    too old for it starts a new read instead of awaiting the finished one forever: that
    loop never yielded, and the worker stopped answering (found in a rehearsal)."""
    import asyncio
    import threading

    from boxoffice.web.routes_map import Flights

    class Cache:  # nothing trusted; a read counts only if it began after the request
        now, reads = 10.0, []

        def clock(self):
            return self.now

        def peek(self, showtime_id):
            return None

        def read_since(self, showtime_id, arrived):
            return "new" if any(started >= arrived for started in self.reads) else None

    cache = Cache()
    flights = Flights(cache)
    result = []

    async def start():
        cache.reads.append(cache.now)
        return "new"

    async def main():
        old = asyncio.get_running_loop().create_future()
        old.set_result("old")  # began before the request, finished, still listed
        flights._running[7] = old
        result.append(await flights.read(7, start))

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "the event loop is spinning"
    assert result == ["new"]


def test_a_patched_map_is_byte_for_byte_the_map_built_whole(session_factory, house, session):
    """Holds and releases in random order, the map patched after each (only the changed
    seats read): every time the same bytes as a new cache building it from all states."""
    import random

    from boxoffice.services.seat_map import SeatMapCache

    rng, st, seats = random.Random(14), house["showtime_id"], house["seat_ids"]
    patched_cache = SeatMapCache(layout_seconds=3600)
    holds: list[uuid.UUID] = []
    with session_factory() as s:
        patched_cache.get(s, st)
    for _ in range(25):
        if holds and rng.random() < 0.4:
            inventory.release_seats(session, showtime_id=st, token=holds.pop(rng.randrange(len(holds))))
        else:
            free = [x for x in seats if x not in _held(session, st)]
            token = uuid.uuid4()
            inventory.hold_seats(
                session,
                showtime_id=st,
                seat_ids=rng.sample(free, rng.randint(1, 3)),
                token=token,
                channel="till",
                seconds=600,
            )
            holds.append(token)
        with session_factory() as s:
            patched = patched_cache.get(s, st)
        with session_factory() as s:
            whole = SeatMapCache().get(s, st)
        assert patched.body == whole.body and patched.etag == whole.etag
    assert patched_cache.builds == 1 and patched_cache.patches == 25


def _held(session, showtime_id: int) -> set[int]:
    from sqlalchemy import text

    return set(
        session.execute(
            text("SELECT seat_id FROM inventory_live WHERE showtime_id = :s AND state = 'held'"), {"s": showtime_id}
        ).scalars()
    )


def test_a_seat_the_map_shows_taken_is_refused_until_it_is_released(database, house, session):
    """A new hold of a seat the current map shows held is refused from the map (no
    statement); once the seat is released the notification makes the map current again
    and the same hold succeeds. Control: with the feed off nothing is trusted and every
    hold goes to the database."""
    st, seat = house["showtime_id"], house["seat_ids"][7]
    token = uuid.uuid4()
    inventory.hold_seats(session, showtime_id=st, seat_ids=[seat], token=token, channel="till", seconds=600)
    with _client(database) as client:
        cache = client.app.state.seat_maps
        _wait(lambda: cache._feed_epoch is not None)
        client.get(f"/showtimes/{st}/map")
        assert cache.taken(st, [seat, house["seat_ids"][8]]) == [seat]
        refused = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seat]})
        assert refused.status_code == 409 and "db;" not in refused.headers["server-timing"]
        inventory.release_seats(session, showtime_id=st, token=token)
        _wait(lambda: cache.peek(st) is None)  # notified
        assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seat]}).status_code == 201
    with _client(database, live_maps=False) as client:
        client.get(f"/showtimes/{st}/map")
        assert client.app.state.seat_maps.taken(st, [seat]) is None
        again = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seat]})
        assert again.status_code == 409 and "db;" in again.headers["server-timing"]
