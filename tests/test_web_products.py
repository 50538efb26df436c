"""The counter's products online (migration 0021) through the HTTP API: ticket types and
their prices, general admission by quantity, bookings with a type per line and a promo
code, paid through the stand-in gateway; the database prices every line."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from boxoffice.runtime import Database
from boxoffice.services import prices, promo, setup
from tests.factories import make_small_house
from tests.web_helpers import make_app

CHILD, CONCESSION = 1250, 1800


def products_house(session, *, capacity: int = 10) -> dict:
    """``make_small_house`` plus a standing area (category B, ``capacity`` places) and a
    showtime with concession (A) and child (A and B) prices."""
    house = make_small_house(session)
    area_id = session.execute(
        text(
            "INSERT INTO ga_area (plan_id, name, capacity, category_id, x, y, w, h) "
            "VALUES (:p, 'Standing', :c, :cat, 50, 300, 300, 80) RETURNING id"
        ),
        {"p": house["plan_id"], "c": capacity, "cat": house["category_ids"]["B"]},
    ).scalar_one()
    session.commit()
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    showtime_id = setup.schedule_showtime(
        session, show_id=house["show_id"], plan_id=house["plan_id"], starts_at=starts, prices={"A": 2500, "B": 1500}
    )
    types = {t.code: t.id for t in prices.ticket_types_of(session, house["venue_id"])}
    a, b = house["category_ids"]["A"], house["category_ids"]["B"]
    session.execute(
        text("INSERT INTO showtime_type_price VALUES (:st, :a, :c, :cp), (:st, :a, :k, :kp), (:st, :b, :k, 900)"),
        {
            "st": showtime_id,
            "a": a,
            "b": b,
            "c": types["concession"],
            "cp": CONCESSION,
            "k": types["child"],
            "kp": CHILD,
        },
    )
    session.commit()
    return {**house, "showtime_id": showtime_id, "area_id": area_id, "types": types}


@pytest.fixture
def house(session):
    return products_house(session)


@pytest.fixture
def client(engine, session_factory, db_url):
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as c:
        yield c


def _pay(client, booking_id):
    payment = client.post(f"/bookings/{booking_id}/payments")
    assert payment.status_code == 201, payment.text
    checkout = client.post(f"/gateway/checkout/{payment.json()['id']}", params={"outcome": "succeeded"})
    assert checkout.json()["webhook_response"]["outcome"] == "confirmed", checkout.text
    return client.get(f"/bookings/{booking_id}/lines").json()


def test_ticket_types_and_ga_areas_are_listed_with_the_databases_prices(client, house):
    st = house["showtime_id"]
    body = client.get(f"/showtimes/{st}/ticket-types").json()
    assert body["currency"] and body["showtime_id"] == st
    offers = {(t["category"], t["code"]): t["price_minor"] for t in body["ticket_types"]}
    assert offers == {
        ("A", "full"): 2500,
        ("A", "concession"): CONCESSION,
        ("A", "child"): CHILD,
        ("B", "full"): 1500,
        ("B", "child"): 900,
    }
    [area] = client.get(f"/showtimes/{st}/ga-areas").json()
    assert (area["area_id"], area["name"], area["capacity"], area["available"]) == (
        house["area_id"],
        "Standing",
        10,
        10,
    )
    assert client.get("/showtimes/999999/ticket-types").status_code == 404


def test_book_seats_and_standing_places_with_types_and_a_promo_code_then_pay(client, session, house):
    st, types = house["showtime_id"], house["types"]
    promo.save_code(session, promo.PromoDraft(code="WEB20", kind="percent", percent=20))
    a1 = house["seat_ids"][0]
    hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [a1]}).json()
    token = hold["hold_token"]
    ga = client.post(
        f"/showtimes/{st}/ga-holds", json={"area_id": house["area_id"], "quantity": 3, "hold_token": token}
    )
    assert ga.status_code == 201, ga.text
    assert client.get(f"/showtimes/{st}/ga-areas").json()[0]["available"] == 7
    body = {
        "showtime_id": st,
        "hold_token": token,
        "email": "fan@example.org",
        "seats": [{"seat_id": a1, "ticket_type_id": types["concession"]}],
        "general_admission": [
            {"area_id": house["area_id"], "ticket_type_id": types["child"], "quantity": 1},
            {"area_id": house["area_id"], "ticket_type_id": types["full"], "quantity": 2},
        ],
        "promo_code": "web20",
    }
    booked = client.post("/bookings/lines", json=body)
    assert booked.status_code == 201, booked.text
    out = booked.json()
    lines = [(x["ticket_type"], x["price_minor"], x["discount_minor"], x["promo_code"]) for x in out["lines"]]
    assert sorted(lines) == [
        ("child", 900, 180, "WEB20"),
        ("concession", 1800, 360, "WEB20"),
        ("full", 1500, 300, "WEB20"),
        ("full", 1500, 300, "WEB20"),
    ]
    assert out["booking"]["total_minor"] == 5700 - 1140 and out["discount_minor"] == 1140
    paid = _pay(client, out["booking"]["id"])
    assert paid["booking"]["status"] == "confirmed" and len(paid["booking"]["tickets"]) == 4
    rows = session.execute(
        text(
            "SELECT t.seat_id IS NULL, tt.code, t.price_minor, t.discount_minor, o.total_minor, "
            "(SELECT count(*) FROM promo_redemption r WHERE r.order_id = o.id) "
            "FROM ticket t JOIN orders o ON o.id = t.order_id JOIN ticket_type tt ON tt.id = t.ticket_type_id"
        )
    ).all()
    assert sorted(tuple(r) for r in rows) == [
        (False, "concession", 1800, 360, 4560, 1),
        (True, "child", 900, 180, 4560, 1),
        (True, "full", 1500, 300, 4560, 1),
        (True, "full", 1500, 300, 4560, 1),
    ]
    assert session.execute(text("SELECT sum(amount_minor) FROM payment")).scalar_one() == 4560
    assert client.get(f"/showtimes/{st}/ga-areas").json()[0]["available"] == 7
    assert session.execute(text("SELECT count(*) FROM ga_hold")).scalar_one() == 0
    session.rollback()
    refund = client.post(f"/bookings/{out['booking']['id']}/refund")  # 3 days ahead: in full, what was paid
    assert refund.status_code == 200 and refund.json()["amount_minor"] == 4560, refund.text
    assert client.get(f"/showtimes/{st}/ga-areas").json()[0]["available"] == 10


def test_a_type_not_sold_for_a_line_and_places_that_do_not_add_up_are_refused(client, session, house):
    st, types = house["showtime_id"], house["types"]
    token = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": house["area_id"], "quantity": 2}).json()[
        "hold_token"
    ]
    wrong = client.post(
        "/bookings/lines",
        json={
            "showtime_id": st,
            "hold_token": token,
            "general_admission": [{"area_id": house["area_id"], "ticket_type_id": types["concession"], "quantity": 2}],
        },
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "ticket_type_not_sold", wrong.text
    short = client.post(
        "/bookings/lines",
        json={
            "showtime_id": st,
            "hold_token": token,
            "general_admission": [{"area_id": house["area_id"], "ticket_type_id": types["child"], "quantity": 1}],
        },
    )
    assert short.status_code == 422, short.text
    assert session.execute(text("SELECT count(*) FROM booking")).scalar_one() == 0


def test_per_customer_limit_is_per_email_online_and_a_cancelled_booking_gives_the_use_and_places_back(
    client, session, house
):
    st = house["showtime_id"]
    promo.save_code(session, promo.PromoDraft(code="ONCE", kind="amount", amount_minor=200, max_uses_per_customer=1))

    def book(email):
        token = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": house["area_id"], "quantity": 1}).json()[
            "hold_token"
        ]
        return client.post(
            "/bookings/lines", json={"showtime_id": st, "hold_token": token, "email": email, "promo_code": "ONCE"}
        )

    first = book("a@example.org")
    assert first.status_code == 201 and first.json()["booking"]["total_minor"] == 1300
    again = book("A@example.org")
    assert again.status_code == 422 and again.json()["error"]["details"]["reason"] == "customer_limit"
    assert book("b@example.org").status_code == 201
    assert client.post(f"/bookings/{first.json()['booking']['id']}/cancel").status_code == 200
    assert book("a@example.org").status_code == 201  # the cancelled booking's use is free again
    left = session.execute(
        text("SELECT count(*) FROM ga_hold h JOIN booking b ON b.hold_token = h.token WHERE b.status = 'cancelled'")
    ).scalar_one()
    assert left == 0  # the cancelled booking's place went back at once
    held = session.execute(text("SELECT coalesce(sum(quantity), 0) FROM ga_hold WHERE expires_at > now()")).scalar_one()
    assert held == 3  # b, the second a, and the refused booking's hold (still the buyer's)


# -- as the web server's own login (bo_web: no table privileges beyond its grants) ----------

from tests.test_trust_web_door import logins, session_as, web_client  # noqa: E402, F401


def test_a_real_web_login_sells_types_standing_and_a_promo_but_cannot_make_codes(session, web_client, session_as):
    house = products_house(session)
    st, types = house["showtime_id"], house["types"]
    promo.save_code(session, promo.PromoDraft(code="LOGIN5", kind="amount", amount_minor=500))
    offers = web_client.get(f"/showtimes/{st}/ticket-types")
    assert offers.status_code == 200 and len(offers.json()["ticket_types"]) == 5, offers.text
    areas = web_client.get(f"/showtimes/{st}/ga-areas")
    assert areas.status_code == 200 and areas.json()[0]["available"] == 10, areas.text
    a1 = house["seat_ids"][0]
    token = web_client.post(f"/showtimes/{st}/holds", json={"seat_ids": [a1]}).json()["hold_token"]
    ga = web_client.post(
        f"/showtimes/{st}/ga-holds", json={"area_id": house["area_id"], "quantity": 1, "hold_token": token}
    )
    assert ga.status_code == 201, ga.text
    booked = web_client.post(
        "/bookings/lines",
        json={
            "showtime_id": st,
            "hold_token": token,
            "email": "x@example.org",
            "seats": [{"seat_id": a1, "ticket_type_id": types["child"]}],
            "promo_code": "LOGIN5",
        },
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["booking"]["total_minor"] == (CHILD - 500) + (1500 - 500)
    paid = _pay(web_client, booked.json()["booking"]["id"])
    assert paid["booking"]["status"] == "confirmed" and len(paid["booking"]["tickets"]) == 2
    cashier = session_as("cashier")  # the counter's GA counts read the same view as a cashier's login
    available = cashier.execute(
        text("SELECT available FROM ga_availability WHERE showtime_id = :s"), {"s": st}
    ).scalar_one()
    assert available == 9
    web = session_as("web")
    for sql in (
        'SELECT bo_promo_save(NULL, \'{"code": "FREE", "kind": "percent", "percent": 100}\')',
        "INSERT INTO promo_redemption (code_id, epoch, discount_minor, order_id) VALUES (1, 1, 0, 1)",
        "SELECT max_uses FROM promo_code",
    ):
        with pytest.raises(DBAPIError) as err:
            web.execute(text(sql))
        assert err.value.orig.sqlstate == "42501", sql
        web.rollback()


def test_a_price_change_while_a_booking_is_pending_makes_its_payment_refund_due(client, session, house):
    st = house["showtime_id"]
    token = client.post(f"/showtimes/{st}/ga-holds", json={"area_id": house["area_id"], "quantity": 2}).json()[
        "hold_token"
    ]
    booking = client.post("/bookings/lines", json={"showtime_id": st, "hold_token": token}).json()["booking"]
    session.execute(
        text("UPDATE showtime_price SET price_minor = 1700 WHERE showtime_id = :s AND category_id = :c"),
        {"s": st, "c": house["category_ids"]["B"]},
    )
    session.commit()
    payment = client.post(f"/bookings/{booking['id']}/payments").json()
    done = client.post(f"/gateway/checkout/{payment['id']}", params={"outcome": "succeeded"}).json()
    assert done["webhook_status"] == 200 and done["webhook_response"]["outcome"] == "refund_due", done
    assert client.get(f"/bookings/{booking['id']}").json()["status"] == "cancelled"
    assert client.get(f"/showtimes/{st}/ga-areas").json()[0]["available"] == 10
