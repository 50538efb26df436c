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
        assert changed.json()["counts"]["held"] == 2 and cache.builds == 2


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
    assert len({d.etag for d in docs}) == 1 and cache.builds == 2  # the first and one after the change
    assert b'"state":"held"' in docs[0].body
