"""The online channel's hold limits (migration 0019): seats per hold, live held seats
per client and per address (pending bookings included), holds a minute, hold lifetimes.
Over HTTP through the app, in the database as the web server's own ``bo_web`` login,
and raced by real connections released at a barrier, with a negative control."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.config import ConfigError, Settings
from boxoffice.runtime import Database
from boxoffice.services.staff import scram_verifier
from boxoffice.services.web_holds import HoldLimits
from tests.factories import make_actor, make_small_house
from tests.web_helpers import guards_for_tests, make_app

LIMITS_SQL = "CAST(ROW(%s, %s, %s, %s, %s) AS bo_web_limits)"
WEB_HOLD = f"SELECT bo_web_hold(%s, %s, %s, %s, %s, %s, {LIMITS_SQL})"


@pytest.fixture
def house(session):
    return make_small_house(session, rows=4, seats_per_row=25)


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


def _client(database, limits: HoldLimits) -> TestClient:
    return TestClient(make_app(database, guards=guards_for_tests(limits=limits)))


def _plain(url: str, login: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if login:
        parsed = parsed.set(username=login, password="pw-for-tests")
    return parsed.render_as_string(hide_password=False)


def _web_login(session, db_url: str) -> str:
    """A web server's login (``bo_web``), as a libpq URL."""
    database = session.execute(text("SELECT current_database()")).scalar_one()
    verifier = scram_verifier(session, login=f"{database}_web_shop", password="pw-for-tests")
    login = session.execute(text("SELECT bo_web_login('shop', :v)"), {"v": verifier}).scalar_one()
    session.commit()
    return _plain(db_url, login)


def _held(session, showtime_id: int) -> int:
    session.rollback()
    return session.execute(
        text("SELECT count(*) FROM inventory_live WHERE showtime_id = :s AND state = 'held'"), {"s": showtime_id}
    ).scalar_one()


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    return response.json()["error"]


# --- over HTTP ---------------------------------------------------------------------------


def test_one_hold_takes_at_most_seats_per_hold_seats_even_when_added_to(database, session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    with _client(database, HoldLimits(4, 100, 100, 100, 100)) as client:
        error = _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:5]}), 422, "too_many_seats")
        assert error["details"] == {"limit": 4}
        token = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:3]}).json()["hold_token"]
        grown = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[3:5], "hold_token": token})
        _error(grown, 422, "too_many_seats")
        renewed = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:3] + [seats[3]], "hold_token": token})
        assert renewed.status_code == 201, renewed.text
    assert _held(session, st) == 4


def test_one_client_cannot_hold_the_house_and_pending_bookings_count(database, session, house):
    """The report's attack: one anonymous client holding every seat in two requests."""
    st, seats = house["showtime_id"], house["seat_ids"]
    with _client(database, HoldLimits(10, 6, 8, 100, 100)) as client:
        _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:100]}), 422, "too_many_seats")
        me = {"Boxoffice-Client": "visitor-1"}
        hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:4]}, headers=me).json()
        booking = client.post("/bookings", json={"showtime_id": st, "hold_token": hold["hold_token"]})
        assert booking.status_code == 201, booking.text
        # the booking keeps its 4 seats: 2 more are the client's limit of 6, 3 are not
        refused = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[10:13]}, headers=me)
        error = _error(refused, 409, "held_seats_limit")
        assert error["details"] == {"per": "client", "limit": 6, "left": 2}
        assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[10:12]}, headers=me).status_code == 201
        # another visitor at the same address: the address's limit of 8 leaves it 2
        other = client.post(
            f"/showtimes/{st}/holds", json={"seat_ids": seats[20:23]}, headers={"Boxoffice-Client": "v2"}
        )
        assert _error(other, 409, "held_seats_limit")["details"] == {"per": "ip", "limit": 8, "left": 2}
        # releasing gives the room back
        client.delete(f"/showtimes/{st}/holds/{hold['hold_token']}")  # booked: releases nothing
        client.post(f"/bookings/{booking.json()['id']}/cancel")
        assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[20:23]}, headers=me).status_code == 201
    assert _held(session, st) == 5


def test_holds_a_minute_are_limited_with_retry_after(database, session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    with _client(database, HoldLimits(10, 100, 100, 3, 100)) as client:
        me = {"Boxoffice-Client": "fast-clicker"}
        for i in range(3):
            assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[i]]}, headers=me).status_code == 201
        refused = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[5]]}, headers=me)
        error = _error(refused, 429, "too_many_holds")
        assert refused.headers["Retry-After"] == str(error["details"]["retry_after"])
        assert 1 <= int(refused.headers["Retry-After"]) <= 20  # 3 a minute: one every 20 s
        # another client at the same address is not slowed down by this one
        assert client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[6]]}).status_code == 201
        # a refused hold does not use up the allowance of anybody else
    assert _held(session, st) == 4


def test_a_bad_client_id_is_a_422(database, house):
    with _client(database, HoldLimits()) as client:
        answer = client.post(
            f"/showtimes/{house['showtime_id']}/holds",
            json={"seat_ids": house["seat_ids"][:1]},
            headers={"Boxoffice-Client": "x" * 65},
        )
        _error(answer, 422, "invalid_input")


def test_limits_come_from_the_environment(monkeypatch):
    from boxoffice.web.guards import WebGuards

    monkeypatch.setenv("BOXOFFICE_WEB_SEATS_PER_HOLD", "6")
    monkeypatch.setenv("BOXOFFICE_WEB_HELD_PER_IP", "50")
    monkeypatch.setenv("BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP", "90")
    guards = WebGuards.from_env()
    assert (guards.limits.seats_per_hold, guards.limits.held_per_ip, guards.limits.holds_per_minute_ip) == (6, 50, 90)
    assert guards.limits.held_per_client == HoldLimits().held_per_client
    monkeypatch.setenv("BOXOFFICE_WEB_SEATS_PER_HOLD", "0")
    with pytest.raises(ConfigError, match="BOXOFFICE_WEB_SEATS_PER_HOLD"):
        WebGuards.from_env()


# --- hold lifetimes ----------------------------------------------------------------------


def test_hold_lifetimes_are_capped_in_the_database_and_the_settings(session, db_url, house, monkeypatch):
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    limits = (10, 100, 100, 100, 100)
    with psycopg.connect(web) as conn:
        for seconds in (3601, 2_147_483_647, 0):
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute(WEB_HOLD, (st, [seats[0]], uuid.uuid4(), seconds, None, "198.51.100.1", *limits))
            conn.rollback()
        # and it cannot go around them through bo_hold / bo_ga_hold any more
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT bo_hold(%s, %s, %s, 'web', 60)", (st, [seats[0]], uuid.uuid4()))
        conn.rollback()
        expires = conn.execute(WEB_HOLD, (st, [seats[0]], uuid.uuid4(), 3600, None, "198.51.100.1", *limits))
        assert expires.fetchone()[0] is not None
        conn.commit()
    with pytest.raises(psycopg.errors.InvalidParameterValue):  # the system's ceiling stays a day
        with psycopg.connect(_plain(db_url)) as conn:
            conn.execute("SELECT bo_hold(%s, %s, %s, 'x', 2147483647)", (st, [seats[1]], uuid.uuid4()))
    assert _held(session, st) == 1
    monkeypatch.setenv("BOXOFFICE_WEB_HOLD_SECONDS", "3601")
    with pytest.raises(ConfigError, match="BOXOFFICE_WEB_HOLD_SECONDS"):
        Settings.from_env()


# --- who may ----------------------------------------------------------------------------


def test_a_cashier_cannot_use_the_web_hold_or_its_tables(session, db_url, house):
    cashier = make_actor(session, role="cashier", password="pw-for-tests")
    web = _web_login(session, db_url)
    st, seats = house["showtime_id"], house["seat_ids"]
    with psycopg.connect(_plain(db_url, cashier.login)) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(WEB_HOLD, (st, [seats[0]], uuid.uuid4(), 60, None, "10.0.0.1", 10, 100, 100, 100, 100))
    for statement in (
        "INSERT INTO web_client (key, allowance, refilled_at) VALUES ('ip:10.0.0.1', 1e9, now())",
        "UPDATE web_client SET allowance = 1e9",
        "DELETE FROM web_hold_owner",
        "SELECT * FROM web_hold_owner",
    ):
        for login in (web, _plain(db_url, cashier.login)):
            with psycopg.connect(login) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with psycopg.connect(web) as conn:  # what it may: hold within limits, and tidy
        conn.execute(WEB_HOLD, (st, [seats[0]], uuid.uuid4(), 60, None, "10.0.0.1", 10, 100, 100, 100, 100))
        conn.execute("SELECT bo_web_forget()")
    assert _held(session, st) == 1


# --- races ------------------------------------------------------------------------------

RACERS = 12


def _race(url: str, attempt) -> list:
    """Run ``attempt(conn, i)`` on RACERS connections released together; returns what
    each returned (or the exception it raised) and whether the race was real."""
    barrier, results, spans = threading.Barrier(RACERS), [None] * RACERS, [None] * RACERS

    def run(i: int) -> None:
        with psycopg.connect(url) as conn:
            conn.execute("SELECT 1")
            conn.commit()
            barrier.wait()
            started = time.monotonic()
            try:
                results[i] = attempt(conn, i)
                conn.commit()
            except psycopg.Error as exc:
                conn.rollback()
                results[i] = exc
            spans[i] = (started, time.monotonic())

    threads = [threading.Thread(target=run, args=(i,)) for i in range(RACERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first_done = min(end for _, end in spans)
    assert sum(1 for start, _ in spans if start < first_done) >= 2  # several were under way at once
    return results


def test_racing_holds_from_one_address_cannot_pass_its_limit(session, db_url, house):
    """Twelve web holds of 2 seats each from one address, at once, with a limit of 6
    live held seats per address (and time to spare inside each transaction): exactly 3
    succeed, and the database holds 6 seats."""
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)

    def attempt(conn, i):
        pair = seats[2 * i : 2 * i + 2]
        row = conn.execute(WEB_HOLD, (st, pair, uuid.uuid4(), 60, f"c{i}", "203.0.113.7", 10, 100, 6, 100, 100))
        conn.execute("SELECT pg_sleep(0.1)")  # keep the transaction open: a racer could slip in now
        return row.fetchone()[0]

    results = _race(web, attempt)
    refused = [r for r in results if isinstance(r, psycopg.Error)]
    assert len(refused) == RACERS - 3 and {r.sqlstate for r in refused} == {"BO112"}
    assert _held(session, st) == 6


def test_racing_holds_cannot_pass_the_holds_a_minute(session, db_url, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)

    def attempt(conn, i):
        row = conn.execute(WEB_HOLD, (st, [seats[i]], uuid.uuid4(), 60, None, "203.0.113.8", 10, 100, 100, 100, 5))
        conn.execute("SELECT pg_sleep(0.1)")
        return row.fetchone()[0]

    results = _race(web, attempt)
    assert sorted({getattr(r, "sqlstate", "ok") for r in results}) == ["BO111", "ok"]
    assert sum(1 for r in results if not isinstance(r, psycopg.Error)) == 5
    assert _held(session, st) == 5


def test_control_counting_without_the_lock_does_pass_the_limit(session, db_url, house):
    """Negative control: the same race, checked the naive way (count the address's held
    seats, then hold, no lock), holds more than the limit of 6: the race is real."""
    st, seats = house["showtime_id"], house["seat_ids"]

    def attempt(conn, i):
        held = conn.execute(
            "SELECT count(*) FROM inventory WHERE showtime_id = %s AND state = 'held' AND hold_channel = 'naive'", (st,)
        ).fetchone()[0]
        conn.execute("SELECT pg_sleep(0.1)")
        if held + 2 > 6:
            return None
        return conn.execute(
            "SELECT bo_hold(%s, %s, %s, 'naive', 60)", (st, seats[2 * i : 2 * i + 2], uuid.uuid4())
        ).fetchone()[0]

    _race(_plain(db_url), attempt)
    assert _held(session, st) > 6


def test_general_admission_places_count_like_seats(session):
    """bo_web_ga_hold (for the shop's GA areas): places and seats of one buyer add up
    against the same limits, and a hold's places count toward its size."""
    from boxoffice.domain.errors import HeldSeatsLimitError, TooManySeatsError
    from boxoffice.services.web_holds import Buyer, hold_places_online, hold_seats_online
    from tests.test_general_admission import ga_house

    house = ga_house(session, capacity=50)
    st, area = house["showtime_id"], house["area_id"]
    limits = HoldLimits(6, 100, 5, 100, 100)
    me, token = Buyer(ip="192.0.2.44"), uuid.uuid4()
    hold_seats_online(
        session, showtime_id=st, seat_ids=house["seat_ids"][:3], token=token, seconds=60, buyer=me, limits=limits
    )
    with pytest.raises(HeldSeatsLimitError) as refused:
        hold_places_online(
            session, showtime_id=st, area_id=area, quantity=3, token=uuid.uuid4(), seconds=60, buyer=me, limits=limits
        )
    assert refused.value.details == {"per": "ip", "limit": 5, "left": 2}
    with pytest.raises(TooManySeatsError):  # 3 seats + 4 places in one hold > 6
        hold_places_online(
            session,
            showtime_id=st,
            area_id=area,
            quantity=4,
            token=token,
            seconds=60,
            buyer=Buyer(ip="192.0.2.45"),
            limits=limits,
        )
    hold_places_online(
        session, showtime_id=st, area_id=area, quantity=2, token=token, seconds=60, buyer=me, limits=limits
    )
    hold_places_online(
        session, showtime_id=st, area_id=area, quantity=1, token=token, seconds=60, buyer=me, limits=limits
    )
    session.rollback()
    places = session.execute(text("SELECT sum(quantity) FROM ga_hold WHERE token = :t"), {"t": token}).scalar_one()
    assert (places, _held(session, st)) == (1, 3)  # the area's count was replaced, not added


@pytest.mark.parametrize("level", ["REPEATABLE READ", "SERIALIZABLE"])
def test_a_stale_snapshot_cannot_count_past_the_limit(session, db_url, house, level):
    """A transaction that took its snapshot before another hold of the same address
    committed fails (40001) instead of counting without that hold."""
    st, seats = house["showtime_id"], house["seat_ids"]
    web = _web_login(session, db_url)
    hold = (None, "203.0.113.9", 10, 100, 4, 100, 100)  # 4 live seats per address
    with psycopg.connect(web) as first, psycopg.connect(web) as late:
        first.execute(WEB_HOLD, (st, seats[0:2], uuid.uuid4(), 60, *hold))
        first.commit()
        late.execute(f"BEGIN ISOLATION LEVEL {level}")
        late.execute("SELECT count(*) FROM showtime")  # the snapshot: 2 seats held
        first.execute(WEB_HOLD, (st, seats[2:4], uuid.uuid4(), 60, *hold))
        first.commit()  # now 4
        with pytest.raises(psycopg.errors.SerializationFailure):
            late.execute(WEB_HOLD, (st, seats[4:6], uuid.uuid4(), 60, *hold))
        late.rollback()
    assert _held(session, st) == 4


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.5", "203.0.113.5"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("testclient", "testclient"),
    ],
)
def test_an_ipv6_buyer_counts_as_its_64(host, key):
    from boxoffice.web.guards import address_key

    assert address_key(host) == key


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_buyer(session, db_url, house, tmp_path):
    """A real ``boxoffice web`` behind a proxy on the same host (uvicorn trusts
    127.0.0.1's X-Forwarded-For): the limits count per forwarded address."""
    import httpx

    from tests.web_helpers import WebServer

    st, seats = house["showtime_id"], house["seat_ids"]
    server = WebServer(db_url, tmp_path / "web.log", extra_env={"BOXOFFICE_WEB_HELD_PER_IP": "2"})
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as client:

            def hold(seat_ids, forwarded):
                return client.post(
                    f"/showtimes/{st}/holds", json={"seat_ids": seat_ids}, headers={"X-Forwarded-For": forwarded}
                )

            assert hold(seats[0:2], "198.51.100.1").status_code == 201
            assert hold(seats[2:4], "198.51.100.2").status_code == 201
            refused = hold(seats[4:5], "198.51.100.1")
            assert refused.status_code == 409 and refused.json()["error"]["details"]["per"] == "ip"
            assert hold(seats[4:5], "2001:db8::1").status_code == 201
            assert hold(seats[5:7], "2001:db8::ffff").status_code == 409  # the same /64
    finally:
        server.stop()
    assert _held(session, st) == 5
