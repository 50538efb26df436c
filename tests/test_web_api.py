"""The HTTP API through FastAPI's TestClient on a real test database: flows, error codes
and bodies, and that failures leave the database as it was."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from boxoffice.domain import ticket_code
from boxoffice.runtime import Database
from boxoffice.services import bookings, inventory, tickets
from boxoffice.web.app import create_app
from tests.factories import make_small_house
from tests.web_helpers import SECRET, buy, make_app


@pytest.fixture
def house(session):
    return make_small_house(session)


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


@pytest.fixture
def client(database):
    """A TestClient whose stand-in gateway delivers webhooks through the same client."""
    with TestClient(make_app(database)) as c:
        yield c


def _error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def _states(session, showtime_id, seat_ids):
    session.rollback()
    rows = dict(
        session.execute(
            text("SELECT seat_id, state FROM inventory_live WHERE showtime_id=:s AND seat_id = ANY(:ids)"),
            {"s": showtime_id, "ids": seat_ids},
        ).all()
    )
    return [rows[s] for s in seat_ids]


def test_openapi_and_docs_are_served(client):
    spec = client.get("/openapi.json").json()
    for path in (
        "/showtimes",
        "/showtimes/{showtime_id}/seats",
        "/showtimes/{showtime_id}/holds",
        "/bookings",
        "/bookings/{booking_id}/payments",
        "/bookings/{booking_id}/refund",
        "/payments/webhook",
        "/gateway/checkout/{session_id}",
    ):
        assert path in spec["paths"], path
    assert "ErrorBody" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_showtimes_and_availability_with_counts(client, house):
    listed = client.get("/showtimes").json()
    assert [s["id"] for s in listed] == [house["showtime_id"]]
    seats = house["seat_ids"]
    client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": seats[:2]})
    body = client.get(f"/showtimes/{house['showtime_id']}/seats").json()
    assert body["counts"] == {"available": 28, "held": 2, "sold": 0, "blocked": 0}
    first = body["seats"][0]
    assert (first["seat_id"], first["state"], first["price_minor"], first["row"]) == (seats[0], "held", 2500, "A")
    assert (first["x"], first["y"]) == (50.0, 150.0)  # row A seat 1's place on the plan
    _error(client.get("/showtimes/999/seats"), 404, "not_found")


def test_full_flow_issues_signed_tickets(client, session, house):
    seats = house["seat_ids"][:2]
    done = buy(client, house["showtime_id"], seats)
    assert done["checkout"]["webhook_status"] == 200
    assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
    booking = client.get(f"/bookings/{done['booking_id']}").json()
    assert booking["status"] == "confirmed" and booking["total_minor"] == 5000
    keys = tickets.venue_public_keys(session)
    claims = [ticket_code.decode(t["code"], keys[house["venue_id"]]) for t in booking["tickets"]]
    assert sorted(c.ticket_id for c in claims) == sorted(t["ticket_id"] for t in booking["tickets"])
    assert _states(session, house["showtime_id"], seats) == ["sold", "sold"]
    payment = session.execute(text("SELECT method, amount_minor, reference FROM payment")).one()
    assert tuple(payment) == ("online", 5000, done["session_id"])


def test_hold_errors(client, session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[0]]})
    err = _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:3]}), 409, "seat_unavailable")
    assert err["details"]["seat_ids"] == [seats[0]]
    assert _states(session, st, seats[1:3]) == ["available", "available"]  # all or nothing
    _error(client.post("/showtimes/999/holds", json={"seat_ids": [seats[0]]}), 404, "not_found")
    err = _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[1], 10**6]}), 404, "not_found")
    assert err["details"]["seat_ids"] == [10**6]
    _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": []}), 422, "invalid_request")
    _error(client.post(f"/showtimes/{2**40}/holds", json={"seat_ids": [seats[1]]}), 422, "invalid_request")
    _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": [2**40]}), 422, "invalid_request")
    _error(
        client.post(f"/showtimes/{st}/holds", content=b"{not json", headers={"Content-Type": "application/json"}),
        400,
        "malformed_json",
    )
    _error(client.get("/no/such/path"), 404, "not_found")
    _error(client.put("/bookings"), 405, "method_not_allowed")
    session.execute(text("UPDATE showtime SET status = 'off_sale'"))
    session.commit()
    _error(client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[5]]}), 409, "not_on_sale")


def test_add_to_hold_and_release(client, session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    token = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[0]]}).json()["hold_token"]
    again = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[1]], "hold_token": token})
    assert again.status_code == 201 and again.json()["hold_token"] == token
    assert client.delete(f"/showtimes/{st}/holds/{token}").json() == {"released": 2}
    assert _states(session, st, seats[:2]) == ["available", "available"]
    _error(client.delete(f"/showtimes/{st}/holds/not-a-uuid"), 422, "invalid_request")


def test_booking_errors(client, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    _error(client.post("/bookings", json={"showtime_id": st, "hold_token": str(uuid.uuid4())}), 410, "hold_expired")
    _error(client.post("/bookings", json={"showtime_id": 999, "hold_token": str(uuid.uuid4())}), 404, "not_found")
    token = client.post(f"/showtimes/{st}/holds", json={"seat_ids": [seats[0]]}).json()["hold_token"]
    _error(
        client.post("/bookings", json={"showtime_id": st, "hold_token": token, "email": "nope"}), 422, "invalid_request"
    )
    made = client.post("/bookings", json={"showtime_id": st, "hold_token": token, "email": "a@example.org"})
    assert made.status_code == 201 and made.json()["status"] == "pending"
    _error(client.post("/bookings", json={"showtime_id": st, "hold_token": token}), 410, "hold_expired")
    _error(client.get(f"/bookings/{uuid.uuid4()}"), 404, "not_found")
    _error(client.get("/bookings/123"), 422, "invalid_request")


def test_cancel_frees_seats_and_state_errors(client, session, house):
    st, seats = house["showtime_id"], house["seat_ids"]
    hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": seats[:2]}).json()
    booking = client.post("/bookings", json={"showtime_id": st, "hold_token": hold["hold_token"]}).json()
    assert client.post(f"/bookings/{booking['id']}/cancel").json()["status"] == "cancelled"
    assert _states(session, st, seats[:2]) == ["available", "available"]
    _error(client.post(f"/bookings/{booking['id']}/cancel"), 409, "booking_state")
    _error(client.post(f"/bookings/{booking['id']}/payments"), 409, "booking_state")
    paid = buy(client, st, seats[2:3])
    err = _error(client.post(f"/bookings/{paid['booking_id']}/cancel"), 409, "booking_state")
    assert "refund" in err["message"]
    _error(client.post(f"/bookings/{uuid.uuid4()}/cancel"), 404, "not_found")


def test_payment_session_is_reused_until_the_buyer_finishes(client, house):
    hold = client.post(f"/showtimes/{house['showtime_id']}/holds", json={"seat_ids": house["seat_ids"][:1]}).json()
    booking = client.post(
        "/bookings", json={"showtime_id": house["showtime_id"], "hold_token": hold["hold_token"]}
    ).json()
    first = client.post(f"/bookings/{booking['id']}/payments").json()
    second = client.post(f"/bookings/{booking['id']}/payments").json()
    assert first["id"] == second["id"] and first["amount_minor"] == 2500
    assert first["checkout_url"].endswith(f"/gateway/checkout/{first['id']}")
    page = client.get(f"/gateway/checkout/{first['id']}")
    assert page.status_code == 200 and "£" not in page.text and "25.00" in page.text
    _error(client.get("/gateway/checkout/ps_nope"), 404, "not_found")
    _error(client.post(f"/gateway/checkout/{first['id']}", params={"outcome": "maybe"}), 422, "invalid_request")


def test_refund_over_http_voids_tickets_and_frees_seats(client, session, house):
    st, seats = house["showtime_id"], house["seat_ids"][:2]
    paid = buy(client, st, seats)
    refund = client.post(f"/bookings/{paid['booking_id']}/refund")
    assert refund.status_code == 200, refund.text
    body = refund.json()
    assert (body["percent"], body["amount_minor"], body["tickets_voided"]) == (50, 2500, 2)
    assert body["booking"]["status"] == "refunded" and body["booking"]["tickets"] == []
    assert _states(session, st, seats) == ["available", "available"]
    # the half refund is shared out over the tickets (the reports' returned money): 1250 each
    assert session.execute(
        text(
            "SELECT array_agg(rt.amount_minor ORDER BY rt.ticket_id), sum(rt.amount_minor) = r.amount_minor "
            "FROM refund r JOIN refund_ticket rt ON rt.refund_id = r.id GROUP BY r.id"
        )
    ).one() == ([1250, 1250], True)
    assert session.execute(text("SELECT count(*) FROM ticket WHERE status = 'valid'")).scalar_one() == 0
    _error(client.post(f"/bookings/{paid['booking_id']}/refund"), 409, "booking_state")
    again = buy(client, st, seats)  # the seats sell again
    assert again["checkout"]["webhook_response"]["outcome"] == "confirmed"


def test_a_half_refund_of_mixed_prices_is_shared_out_to_the_minor_unit(client, session, house):
    st = house["showtime_id"]
    seats = [house["seat_ids"][0], house["seat_ids"][10], house["seat_ids"][11]]  # A 2500, B 1500, B 1500
    paid = buy(client, st, seats)
    body = client.post(f"/bookings/{paid['booking_id']}/refund").json()
    assert (body["percent"], body["amount_minor"]) == (50, 2750)
    lines = session.execute(
        text(
            "SELECT rt.amount_minor, t.price_minor - t.discount_minor FROM refund_ticket rt "
            "JOIN ticket t ON t.id = rt.ticket_id ORDER BY t.id"
        )
    ).all()
    assert sum(a for a, _ in lines) == 2750 and all(0 <= a <= p for a, p in lines) and len(lines) == 3
    assert sorted(a for a, _ in lines) == [750, 750, 1250]


def test_tidy_runs_when_the_server_starts(database, session, house):
    token = uuid.uuid4()
    inventory.hold_seats(
        session,
        showtime_id=house["showtime_id"],
        seat_ids=house["seat_ids"][:1],
        token=token,
        channel="web",
        seconds=60,
    )
    booking = bookings.create_booking(session, showtime_id=house["showtime_id"], hold_token=token, seconds=60)
    session.execute(
        text("UPDATE booking SET created_at = now() - interval '1 hour', expires_at = now() - interval '1 second'")
    )
    session.execute(text("UPDATE inventory SET hold_expires_at = now() - interval '1 second' WHERE state = 'held'"))
    session.commit()
    with TestClient(create_app(database, webhook_secret=SECRET, tidy_seconds=3600)):
        status = session.execute(text("SELECT status FROM booking WHERE id = :id"), {"id": booking.id}).scalar_one()
        raw = session.execute(text("SELECT count(*) FROM inventory WHERE state = 'held'")).scalar_one()
    assert (status, raw) == ("expired", 0)


def test_webhook_secret_is_the_web_server_s_own_file_when_not_configured(database, tmp_path, monkeypatch):
    monkeypatch.delenv("BOXOFFICE_WEBHOOK_SECRET", raising=False)
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path / "data"))
    first = create_app(database, tidy_seconds=None).state.context.secret
    second = create_app(database, tidy_seconds=None).state.context.secret
    assert first == second and len(first) >= 32
    path = tmp_path / "data" / "webhook-secret"
    assert path.read_text().strip() == first and path.stat().st_mode & 0o777 == 0o600
    assert create_app(database, webhook_secret=SECRET, tidy_seconds=None).state.context.secret == SECRET
    monkeypatch.setenv("BOXOFFICE_WEBHOOK_SECRET", SECRET)
    assert create_app(database, tidy_seconds=None).state.context.secret == SECRET
