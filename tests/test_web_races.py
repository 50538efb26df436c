"""Races against a real ``boxoffice web`` server (uvicorn, its own process) on the test
database. Clients start together at a barrier; the verdict is read from the database.
A negative control without the guards shows the double-sale check can fail."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import text

from boxoffice.services import gateway
from tests import race_clients
from tests.factories import make_small_house
from tests.web_helpers import DOUBLE_SOLD, SECRET, SOLD_SEATS, WebServer, buy

HTTP_CLIENTS = 50


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)


@pytest.fixture
def server(db_url, tmp_path):
    web = WebServer(db_url, tmp_path / "web.log")
    yield web
    web.stop()


def _http_race(base_url, attempt):
    """Run ``attempt(client, i)`` on ``HTTP_CLIENTS`` threads, each with its own
    connection, released together; returns the responses."""
    barrier = threading.Barrier(HTTP_CLIENTS)

    def one(i):
        with httpx.Client(base_url=base_url, timeout=60) as client:
            client.get("/health")  # connect before the start line
            barrier.wait()
            return attempt(client, i)

    with ThreadPoolExecutor(max_workers=HTTP_CLIENTS) as pool:
        return list(pool.map(one, range(HTTP_CLIENTS)))


def test_fifty_http_holds_for_one_seat_exactly_one_wins(server, session, house):
    seat = house["seat_ids"][7]
    url = f"/showtimes/{house['showtime_id']}/holds"
    responses = _http_race(server.base_url, lambda c, i: c.post(url, json={"seat_ids": [seat]}))
    winners = [r for r in responses if 200 <= r.status_code < 300]
    losers = [r for r in responses if r.status_code == 409]
    assert len(winners) == 1 and len(losers) == HTTP_CLIENTS - 1, [r.status_code for r in responses]
    for r in losers:
        error = r.json()["error"]
        assert error["code"] == "seat_unavailable" and error["details"]["seat_ids"] == [seat], error
        assert "taken" in error["message"]
    held = session.execute(
        text("SELECT hold_token::text, hold_channel FROM inventory_live WHERE showtime_id=:s AND state='held'"),
        {"s": house["showtime_id"]},
    ).all()
    assert held == [(winners[0].json()["hold_token"], "web")]


def test_fifty_http_holds_for_different_seats_all_succeed(server, session, house):
    seats = house["seat_ids"][:HTTP_CLIENTS]
    url = f"/showtimes/{house['showtime_id']}/holds"
    responses = _http_race(server.base_url, lambda c, i: c.post(url, json={"seat_ids": [seats[i]]}))
    assert [r.status_code for r in responses] == [201] * HTTP_CLIENTS
    held = dict(
        session.execute(
            text("SELECT seat_id, hold_token::text FROM inventory_live WHERE showtime_id=:s AND state='held'"),
            {"s": house["showtime_id"]},
        ).all()
    )
    assert held == {seats[i]: r.json()["hold_token"] for i, r in enumerate(responses)}


def test_checkout_delivers_a_real_signed_webhook(server, session, house):
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        done = buy(client, house["showtime_id"], house["seat_ids"][:2])
        assert done["checkout"]["webhook_status"] == 200
        assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
        assert len(client.get(f"/bookings/{done['booking_id']}").json()["tickets"]) == 2


def test_concurrent_duplicate_webhooks_are_applied_once(server, session, house):
    """The gateway delivering one event many times at once: one delivery applies it, the
    others see a duplicate; one order, one payment, one event row."""
    st = house["showtime_id"]
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        token = client.post(f"/showtimes/{st}/holds", json={"seat_ids": house["seat_ids"][:2]}).json()["hold_token"]
        booking = client.post("/bookings", json={"showtime_id": st, "hold_token": token}).json()
        ps = client.post(f"/bookings/{booking['id']}/payments").json()
    event = gateway.build_event(ps["id"], booking["id"], "succeeded", ps["amount_minor"], ps["currency"])
    headers = event.headers(SECRET)
    answers = _http_race(server.base_url, lambda c, i: c.post("/payments/webhook", content=event.body, headers=headers))
    assert [r.status_code for r in answers] == [200] * HTTP_CLIENTS
    assert sorted(r.json()["duplicate"] for r in answers) == [False] + [True] * (HTTP_CLIENTS - 1)
    assert {r.json()["outcome"] for r in answers} == {"confirmed"}
    counts = session.execute(
        text(
            "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM payment), (SELECT count(*) FROM webhook_event), "
            "(SELECT count(*) FROM ticket WHERE status = 'valid')"
        )
    ).one()
    assert tuple(counts) == (1, 1, 1, 2)


def _run_processes(targets):
    """Start one spawned process per ``(function, name, args)``, all released by one
    barrier; returns ``{name: (bought, unexpected)}``."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(len(targets)), ctx.Queue()
    procs = [ctx.Process(target=fn, args=(name, *args, barrier, results)) for fn, name, args in targets]
    for p in procs:
        p.start()
    try:
        outcomes = dict(
            (name, (bought, unexpected)) for name, bought, unexpected in (results.get(timeout=120) for _ in procs)
        )
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    return outcomes


def test_web_and_counter_race_for_the_same_seats(server, db_url, session, house):
    st, seats = house["showtime_id"], house["seat_ids"][:16]
    backwards = list(reversed(seats))
    targets = [
        (race_clients.web_buyer, f"web-{i}", (server.base_url, st, seats if i % 2 == 0 else backwards))
        for i in range(3)
    ]
    targets += [
        (race_clients.counter_clerk, f"till-{i}", (db_url, st, seats if i % 2 else backwards)) for i in range(3)
    ]
    outcomes = _run_processes(targets)
    assert all(not unexpected for _, unexpected in outcomes.values()), outcomes
    reported = sorted(seat for bought, _ in outcomes.values() for seat in bought)
    assert session.execute(DOUBLE_SOLD, {"s": st}).scalar_one() == 0
    sold = session.execute(SOLD_SEATS, {"s": st}).scalars().all()
    assert reported == sold == sorted(seats)  # every seat sold exactly once, as reported
    channels = session.execute(
        text("SELECT count(*) FROM inventory WHERE showtime_id=:s AND state='sold' AND hold_channel='web'"),
        {"s": st},
    ).scalar_one()
    assert channels == sum(len(b) for name, (b, _) in outcomes.items() if name.startswith("web"))


def test_control_naive_read_then_write_does_sell_twice(plain_db_url, session, house):
    """Negative control: with the database guards dropped and a naive read-then-write
    sale, sellers released together do sell a seat twice, and the check above sees it."""
    session.execute(text("DROP INDEX ticket_one_live_per_seat"))
    session.commit()
    st, seats = house["showtime_id"], house["seat_ids"][:3]
    outcomes = _run_processes([(race_clients.naive_seller, f"naive-{i}", (plain_db_url, st, seats)) for i in range(4)])
    reported = sum(len(bought) for bought, _ in outcomes.values())
    assert session.execute(DOUBLE_SOLD, {"s": st}).scalar_one() > 0
    assert reported > len(set(session.execute(SOLD_SEATS, {"s": st}).scalars()))
