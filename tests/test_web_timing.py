"""Server-Timing says where a request's time in the server went: ``app`` for every
answer, and for requests that used the database the ``queue`` (until the handler had a
thread and a connection) and ``db`` (its statements) phases."""

from __future__ import annotations

import re
import time

import pytest
from fastapi.testclient import TestClient

from boxoffice.runtime import Database
from tests.factories import make_small_house
from tests.web_helpers import make_app

_PHASE = re.compile(r'(app|queue|db);dur=([0-9.]+)(?:;desc="(\d+)")?')


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


def _phases(response) -> dict[str, tuple[float, str | None]]:
    return {name: (float(ms), n or None) for name, ms, n in _PHASE.findall(response.headers["server-timing"])}


def test_a_hold_reports_its_queue_and_database_time(database, session):
    house = make_small_house(session)
    session.commit()
    with TestClient(make_app(database)) as client:
        r = client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": house["seat_ids"][:2]})
        assert r.status_code == 201, r.text
        phases = _phases(r)
        assert set(phases) == {"app", "queue", "db"}
        app, queue, db = phases["app"][0], phases["queue"][0], phases["db"][0]
        assert 0 < db <= app and 0 <= queue <= app and queue + db <= app
        assert int(phases["db"][1]) >= 1  # statements counted

        # a request that never touches the database has no phases (control)
        health = client.get("/health")
        assert set(_phases(health)) == {"app"}

        # a refused hold is timed too (the failed statement counts)
        r = client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": house["seat_ids"][:1]})
        assert r.status_code == 409
        assert _phases(r)["db"][0] > 0


def test_a_refused_hold_is_explained_from_the_cached_map_in_one_round_trip(database, session):
    """A 409 used to cost three more round trips (which seats exist?); with the showtime's
    map cached it costs none: the hold's own statement is the only one. Unknown seats are
    still 404 with their ids, from the cache or (no map read yet: the control) the database."""
    house = make_small_house(session)
    session.commit()
    st, seats = house["showtime_id"], house["seat_ids"]
    with TestClient(make_app(database)) as client:
        assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:1]}).status_code == 201
        # control: no map cached yet, the refusal asks the database which seats exist
        r = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:1]})
        assert r.status_code == 409 and int(_phases(r)["db"][1]) > 1
        r = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[1], 10**6]})
        assert r.status_code == 404 and r.json()["error"]["details"]["seat_ids"] == [10**6]

        cache = client.app.state.seat_maps
        deadline = time.monotonic() + 10
        while cache._feed_epoch is None:  # the feed is listening: a map built now is trusted
            assert time.monotonic() < deadline, "the seat map feed did not go live"
            time.sleep(0.02)
        assert client.get(f"/showtimes/{st}/map").status_code == 200  # the map is cached now
        r = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:1]})
        assert r.status_code == 409 and r.json()["error"]["details"]["seat_ids"] == seats[:1]
        assert "db" not in _phases(r)  # the current map shows it taken: no statement at all
        assert r.json()["error"]["message"] == "That seat has just been taken by someone else."
        # adding to a hold goes to the database (its own seats show held on the map)
        token = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[2:3]}).json()["hold_token"]
        r = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:1], "hold_token": token})
        assert r.status_code == 409 and int(_phases(r)["db"][1]) == 1
        r = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[1], 10**6]})
        assert r.status_code == 404 and r.json()["error"]["details"]["seat_ids"] == [10**6]
        assert int(_phases(r)["db"][1]) == 1
        assert client.post("/showtimes/999999/holds", json={"seat_ids": seats[:1]}).status_code == 404


def _sync_dependencies(dependant, found: set[str]) -> set[str]:
    import inspect

    for sub in dependant.dependencies:
        call = sub.call
        if not (inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call)):
            found.add(getattr(call, "__qualname__", repr(call)))
        _sync_dependencies(sub, found)
    return found


def test_no_dependency_costs_a_thread_hop(database):
    """FastAPI runs a plain ``def`` dependency on the thread pool: a thread round trip per
    request (and per dependency) that waits for a free thread under load. Every
    dependency of the app is async; a plain one is found (control)."""
    from fastapi import Depends
    from fastapi.dependencies.utils import get_dependant
    from fastapi.routing import APIRoute

    app = make_app(database)
    found: set[str] = set()
    for route in app.routes:
        if isinstance(route, APIRoute):
            _sync_dependencies(route.dependant, found)
    assert found == set()

    def plain(x: int = 0) -> int:
        return x

    def handler(y: int = Depends(plain)) -> int:
        return y

    assert _sync_dependencies(get_dependant(path="/x", call=handler), set()) == {
        "test_no_dependency_costs_a_thread_hop.<locals>.plain"
    }


def test_holds_reuse_their_few_connections_and_need_no_request_thread(database, session):
    """Twenty holds in a row open one connection of the holds' own, and a hold is served
    while every request thread is taken (it runs on the event loop); control: a request
    that needs a thread waits meanwhile."""
    import threading

    import anyio.to_thread

    house = make_small_house(session)
    session.commit()
    st, seats = house["showtime_id"], house["seat_ids"]
    app = make_app(database)
    with TestClient(app) as client:
        for seat in seats[:20]:
            assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seat]}).status_code == 201
        assert app.state.loop_connections.opened == 1

        release = threading.Event()
        limiter = client.portal.call(lambda: anyio.to_thread.current_default_thread_limiter())
        tokens = limiter.total_tokens
        blockers = [threading.Thread(target=lambda: client.portal.call(_occupy, release)) for _ in range(tokens)]
        for b in blockers:
            b.start()
        try:
            _wait_for(lambda: limiter.borrowed_tokens == tokens)
            answers: list = []
            holding = threading.Thread(
                target=lambda: answers.append(client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[20]]}))
            )
            holding.start()
            holding.join(10)
            assert answers and answers[0].status_code == 201  # served without a free thread
            waiting = threading.Thread(target=lambda: client.get("/showtimes"))
            waiting.start()
            waiting.join(0.5)
            assert waiting.is_alive()  # control: a thread-pool request waits for a thread
        finally:
            release.set()
            for b in blockers:
                b.join(10)
        waiting.join(10)
        holding.join(10)


async def _occupy(release) -> None:
    import anyio.to_thread

    await anyio.to_thread.run_sync(release.wait)


def _wait_for(predicate, timeout=10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_worker_opens_its_connections_before_its_first_request(database, engine, session):
    """``warm_connections`` (what ``boxoffice web`` passes: one per handler thread): the
    pool's connections and all of the holds' are open when the app starts answering, so
    the first holds of an on-sale wait for no new backend; control: without it none is."""
    from boxoffice.web.holds import LOOP_CONNECTIONS

    cold = make_app(database)
    with TestClient(cold):
        assert cold.state.loop_connections.opened == 0
    engine.dispose()
    warm = make_app(database, warm_connections=3)
    with TestClient(warm):
        assert warm.state.loop_connections.opened == LOOP_CONNECTIONS
        assert engine.pool.checkedin() >= 3  # opened, given back, kept
