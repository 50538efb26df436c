"""General admission by quantity over HTTP against a real ``boxoffice web`` server: 50
buyers released together for 20 standing places never get more than the capacity
(asserted in the database), and a negative control with the area lock taken out of
``bo_ga_hold`` shows the same race over HTTP does oversell."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import text

from tests.test_web_products import products_house
from tests.web_helpers import WebServer

BUYERS = 50
CAPACITY = 20


@pytest.fixture
def server(db_url, tmp_path):
    web = WebServer(db_url, tmp_path / "web.log")
    yield web
    web.stop()


def _race(base_url, attempt):
    barrier = threading.Barrier(BUYERS)

    def one(i):
        # no keep-alive: under load a connection idle past uvicorn's keep-alive timeout
        # while the others reach the barrier is closed by the server mid-request
        limits = httpx.Limits(max_keepalive_connections=0)
        # 50 different buyers: each its own address (X-Forwarded-For, trusted from the
        # local proxy address) and client id, as on the internet; one address for all
        # would be serialised by the per-address limit's lock (migration 0019)
        headers = {"X-Forwarded-For": f"10.0.{i // 200}.{i % 200 + 1}", "Boxoffice-Client": f"buyer-{i}"}
        with httpx.Client(base_url=base_url, timeout=60, limits=limits, headers=headers) as client:
            client.get("/health")
            barrier.wait()
            return attempt(client, i)

    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        return list(pool.map(one, range(BUYERS)))


def _taken(session, house):
    session.rollback()
    return session.execute(
        text(
            "SELECT (SELECT count(*) FROM ticket WHERE ga_area_id = :a AND status = 'valid'), "
            "(SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE ga_area_id = :a AND expires_at > clock_timestamp())"
        ),
        {"a": house["area_id"]},
    ).one()


def test_fifty_web_buyers_for_twenty_standing_places_never_exceed_capacity(server, session):
    house = products_house(session, capacity=CAPACITY)
    st, area = house["showtime_id"], house["area_id"]

    def buyer(client, i):
        quantity = 1 + i % 2  # ones and twos
        hold = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": area, "quantity": quantity})
        if hold.status_code == 409:
            return 0
        assert hold.status_code == 201, hold.text
        booking = client.post("/bookings/lines", json={"showtime_id": st, "hold_token": hold.json()["hold_token"]})
        assert booking.status_code == 201, booking.text
        payment = client.post(f"/bookings/{booking.json()['booking']['id']}/payments").json()
        done = client.post(f"/gateway/checkout/{payment['id']}", params={"outcome": "succeeded"}).json()
        assert done["webhook_response"]["outcome"] == "confirmed", done
        return quantity

    bought = _race(server.base_url, buyer)
    sold, held = _taken(session, house)
    assert sold == sum(bought) <= CAPACITY and held == 0
    assert sold >= CAPACITY - 1  # sold out (a last single place may be left when only twos remained)


NAIVE_GA_HOLD = """
CREATE OR REPLACE FUNCTION bo_ga_hold(p_showtime integer, p_area integer, p_quantity integer, p_token uuid,
                                      p_channel text, p_seconds integer) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cap integer;
    others integer;
    expires timestamptz := clock_timestamp() + make_interval(secs => p_seconds);
BEGIN
    SELECT capacity INTO cap FROM ga_inventory WHERE showtime_id = p_showtime AND ga_area_id = p_area;  -- no lock
    others := bo_ga_taken(p_showtime, p_area, p_token);
    PERFORM pg_sleep(0.2);  -- everyone has counted before anyone inserts
    IF others + p_quantity > cap THEN
        RAISE EXCEPTION 'only % places left', greatest(cap - others, 0) USING ERRCODE = 'BO001',
            DETAIL = greatest(cap - others, 0)::text;
    END IF;
    INSERT INTO ga_hold (token, showtime_id, ga_area_id, quantity, channel, expires_at, hold_login)
    VALUES (p_token, p_showtime, p_area, p_quantity, p_channel, expires, session_user);
    RETURN expires;
END $$;
"""


def test_control_without_the_area_lock_the_same_http_race_oversells(server, session):
    house = products_house(session, capacity=CAPACITY)
    session.execute(text(NAIVE_GA_HOLD))
    session.commit()
    st, area = house["showtime_id"], house["area_id"]

    def buyer(client, i):
        hold = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": area, "quantity": 1})
        return 1 if hold.status_code == 201 else 0

    won = sum(_race(server.base_url, buyer))
    _sold, held = _taken(session, house)
    assert won > CAPACITY and held > CAPACITY


def test_fifty_web_buyers_race_for_a_code_limited_to_ten_exactly_ten_bookings_get_it(server, session):
    from boxoffice.services import promo

    house = products_house(session, capacity=BUYERS)
    promo.save_code(session, promo.PromoDraft(code="WEBTEN", kind="amount", amount_minor=100, max_uses=10))
    st, area = house["showtime_id"], house["area_id"]

    def buyer(client, i):
        hold = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": area, "quantity": 1})
        assert hold.status_code == 201, hold.text
        booking = client.post(
            "/bookings/lines",
            json={"showtime_id": st, "hold_token": hold.json()["hold_token"], "promo_code": "WEBTEN"},
        )
        return booking.json()["error"]["details"]["reason"] if booking.status_code == 422 else booking.status_code

    outcomes = _race(server.base_url, buyer)
    assert sorted(outcomes, key=str) == [201] * 10 + ["used_up"] * (BUYERS - 10), outcomes
    session.rollback()
    rows = session.execute(
        text(
            "SELECT count(*), count(DISTINCT booking_id) FROM promo_redemption r JOIN promo_code c ON c.id = r.code_id"
        )
    ).one()
    assert tuple(rows) == (10, 10)
