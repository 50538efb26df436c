"""Best available online (``GET``/``POST /showtimes/{id}/best-available``) over HTTP:
the preview holds nothing, the hold is a web hold within the channel's limits, "other
seats" gives the previous offer back in the same step, every refusal is a typed error
and leaves the buyer's hold as it was; concurrent buyers over a real server get
disjoint seats; the web server's own login may do all of it."""

from __future__ import annotations

import threading
import uuid

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from boxoffice.runtime import Database
from boxoffice.services.web_holds import HoldLimits
from tests.factories import make_small_house
from tests.web_helpers import WebServer, guards_for_tests, make_app

HELD = text(
    "SELECT seat_id FROM inventory_live WHERE showtime_id = :s AND state = 'held' AND hold_token = :t ORDER BY seat_id"
)
ALL_HELD = text("SELECT count(*) FROM inventory_live WHERE showtime_id = :s AND state = 'held'")


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


@pytest.fixture
def client(database):
    with TestClient(make_app(database)) as c:
        yield c


def _held(session, st: int, token) -> list[int]:
    session.rollback()
    return list(session.execute(HELD, {"s": st, "t": uuid.UUID(str(token))}).scalars())


def _count(session, st: int) -> int:
    session.rollback()
    return session.execute(ALL_HELD, {"s": st}).scalar_one()


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text
    return response.json()["error"]


def test_the_preview_holds_nothing_and_the_hold_holds_that_group(client, session, house):
    st = house["showtime_id"]
    preview = client.get(f"/showtimes/{st}/best-available", params={"quantity": 3})
    assert preview.status_code == 200, preview.text
    group = preview.json()
    assert len(group["seat_ids"]) == 3 and len(set(group["seats"])) == 3 and group["section"] == "Stalls"
    assert group["description"].startswith(f"Stalls, row {group['row']}, seats ")
    assert _count(session, st) == 0
    held = client.post(f"/showtimes/{st}/best-available", json={"quantity": 3})
    assert held.status_code == 201, held.text
    body = held.json()
    assert body["seat_ids"] == group["seat_ids"] and body["expires_at"]
    assert _held(session, st, body["hold_token"]) == sorted(body["seat_ids"])
    # the next buyer's preview is another group; the hold books as any web hold
    assert set(client.get(f"/showtimes/{st}/best-available", params={"quantity": 3}).json()["seat_ids"]).isdisjoint(
        body["seat_ids"]
    )
    booking = client.post("/bookings", json={"showtime_id": st, "hold_token": body["hold_token"]})
    assert booking.status_code == 201, booking.text
    assert sorted(s["seat_id"] for s in booking.json()["seats"]) == sorted(body["seat_ids"])


def test_other_seats_gives_the_previous_offer_back_in_the_same_step(client, session, house):
    st = house["showtime_id"]
    first = client.post(f"/showtimes/{st}/best-available", json={"quantity": 2}).json()
    token = first["hold_token"]
    other = client.post(
        f"/showtimes/{st}/best-available",
        json={"quantity": 2, "hold_token": token, "instead_of": first["seat_ids"]},
    )
    assert other.status_code == 201, other.text
    assert set(other.json()["seat_ids"]) != set(first["seat_ids"]) and other.json()["hold_token"] == token
    assert _held(session, st, token) == sorted(other.json()["seat_ids"])
    assert _count(session, st) == 2
    # adding to the hold (no instead_of) keeps what it had
    more = client.post(f"/showtimes/{st}/best-available", json={"quantity": 1, "hold_token": token})
    assert more.status_code == 201, more.text
    assert len(_held(session, st, token)) == 3


def test_refusals_are_typed_and_leave_the_hold_as_it_was(client, session, house):
    st = house["showtime_id"]
    first = client.post(f"/showtimes/{st}/best-available", json={"quantity": 2}).json()
    token = first["hold_token"]
    # no 30 seats together in rows of 25: nothing held, nothing given back
    refused = client.post(
        f"/showtimes/{st}/best-available", json={"quantity": 30, "hold_token": token, "instead_of": first["seat_ids"]}
    )
    error = _error(refused, 409, "not_enough_together")
    assert "30 seats together" in error["message"]
    assert _held(session, st, token) == sorted(first["seat_ids"])
    _error(client.get(f"/showtimes/{st}/best-available", params={"quantity": 30}), 409, "not_enough_together")
    _error(
        client.post(f"/showtimes/{st}/best-available", json={"quantity": 2, "category": "Gold"}), 422, "invalid_input"
    )
    _error(
        client.get(f"/showtimes/{st}/best-available", params={"quantity": 2, "section": "Balcony"}),
        422,
        "invalid_input",
    )
    _error(
        client.post(f"/showtimes/{st}/best-available", json={"quantity": 2, "instead_of": [1]}), 422, "invalid_input"
    )
    for bad in ({"quantity": 0}, {"quantity": 51}, {"quantity": "two"}, {"quantity": 2, "category": "A\x00"}, {}):
        _error(client.post(f"/showtimes/{st}/best-available", json=bad), 422, "invalid_request")
    _error(client.get(f"/showtimes/{st}/best-available"), 422, "invalid_request")
    _error(
        client.get(f"/showtimes/{st}/best-available", params={"quantity": 2, "category": "\x00"}),
        422,
        "invalid_request",
    )
    _error(client.get("/showtimes/999999/best-available", params={"quantity": 2}), 404, "not_found")
    _error(client.post("/showtimes/999999/best-available", json={"quantity": 2}), 404, "not_found")
    assert _count(session, st) == 2


def test_category_and_section_choose_among_those_seats(client, session, house):
    st = house["showtime_id"]
    row_a = set(house["seat_ids"][:25])  # category A is the first row
    a = client.post(f"/showtimes/{st}/best-available", json={"quantity": 2, "category": "a"}).json()
    assert set(a["seat_ids"]) <= row_a
    b = client.get(f"/showtimes/{st}/best-available", params={"quantity": 4, "category": "B", "section": "stalls"})
    assert b.status_code == 200 and set(b.json()["seat_ids"]).isdisjoint(row_a)


def test_within_the_web_hold_limits(database, session, house):
    """Seats per hold and live held seats per client apply; "other seats" counts only the
    new offer (the old one is given back first), so it works at the per-hold limit."""
    st = house["showtime_id"]
    limits = HoldLimits(seats_per_hold=4, held_per_client=6, held_per_ip=100, holds_per_minute_client=100)
    me = {"Boxoffice-Client": "best-buyer"}
    with TestClient(make_app(database, guards=guards_for_tests(limits=limits))) as client:
        url = f"/showtimes/{st}/best-available"
        assert _error(client.post(url, json={"quantity": 5}, headers=me), 422, "too_many_seats")["details"] == {
            "limit": 4
        }
        first = client.post(url, json={"quantity": 4}, headers=me).json()
        again = client.post(
            url, json={"quantity": 4, "hold_token": first["hold_token"], "instead_of": first["seat_ids"]}, headers=me
        )
        assert again.status_code == 201, again.text
        over = client.post(url, json={"quantity": 3}, headers=me)
        assert _error(over, 409, "held_seats_limit")["details"] == {"per": "client", "limit": 6, "left": 2}
    assert _count(session, st) == 4


def test_concurrent_buyers_over_a_real_server_get_disjoint_seats(session, db_url, house, tmp_path):
    """Twelve buyers ask for the best 2 seats at once over HTTP: twelve holds, 24
    seats held, none twice (a real server, its threads and the database's lock)."""
    st = house["showtime_id"]
    server = WebServer(db_url, tmp_path / "web.log")
    barrier, answers = threading.Barrier(12), [None] * 12

    def buyer(i: int) -> None:
        with httpx.Client(base_url=server.base_url, timeout=60) as c:
            c.get("/health")
            barrier.wait()
            answers[i] = c.post(f"/showtimes/{st}/best-available", json={"quantity": 2})

    try:
        threads = [threading.Thread(target=buyer, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.stop()
    assert [a.status_code for a in answers] == [201] * 12, [a.text for a in answers if a.status_code != 201]
    seats = [s for a in answers for s in a.json()["seat_ids"]]
    assert len(seats) == len(set(seats)) == 24
    assert _count(session, st) == 24


def test_the_web_login_may_choose_and_hold(session, db_url, house):
    """As the web server's own login (bo_web), not the system principal."""
    from boxoffice.db.engine import make_engine, make_session_factory
    from boxoffice.services import best_available
    from boxoffice.services.web_holds import Buyer
    from tests.test_web_limits import _web_login

    st = house["showtime_id"]
    engine = make_engine(_web_login(session, db_url), pool_size=1)
    try:
        with make_session_factory(engine)() as web:
            choice = best_available.choose_best(web, showtime_id=st, quantity=2)
            held = best_available.hold_best(
                web,
                showtime_id=st,
                token=uuid.uuid4(),
                quantity=2,
                channel="web",
                seconds=60,
                buyer=Buyer(ip="198.51.100.60"),
                limits=HoldLimits(),
                cache=best_available.BestCache(),
            )
    finally:
        engine.dispose()
    assert held.seat_ids == choice.seat_ids and _count(session, st) == 2
