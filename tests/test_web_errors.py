"""Every failure of the web API is a typed JSON error: input the database cannot store is
a 4xx, a database that is down is 503 with Retry-After (and the API comes back with it),
search text is matched literally, and a paid session never changes on later events."""

from __future__ import annotations

import datetime as dt
import json
import socket
import uuid

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from boxoffice.db.engine import make_engine, make_session_factory
from boxoffice.domain import webhook_signature
from boxoffice.runtime import Database
from boxoffice.services import setup
from tests.factories import make_small_house
from tests.web_helpers import SECRET, buy, make_app


@pytest.fixture
def house(session):
    return make_small_house(session)


@pytest.fixture
def client(engine, session_factory, db_url):
    with TestClient(make_app(Database(engine, session_factory, db_url, embedded=False))) as c:
        yield c


def _typed(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def _webhook(client, event: dict):
    body = json.dumps(event).encode()
    return client.post(
        "/payments/webhook",
        content=body,
        headers={"Content-Type": "application/json", webhook_signature.HEADER: webhook_signature.sign(body, SECRET)},
    )


# --- the 500s of the report ----------------------------------------------------------------


def test_a_nul_in_the_search_is_a_422(client, house):
    _typed(client.get("/showtimes", params={"search": "\x00"}), 422, "invalid_request")
    _typed(client.get("/showtimes", params={"search": "a\x1fb"}), 422, "invalid_request")


def test_a_signed_webhook_with_a_nul_in_its_event_id_is_a_400_and_records_nothing(client, session, house):
    for event in (
        {"id": "evt_\u0000x", "type": "payment.succeeded", "data": {"session_id": "ps_x"}},
        {"id": "evt_y", "type": "payment.succeeded", "data": {"session_id": "ps_\u0000"}},
        {"id": "evt_z", "type": "payment.failed", "data": {"session_id": "ps_z", "note": "\ud800"}},
    ):
        _typed(_webhook(client, event), 400, "webhook_payload_invalid")
    deep = b"[" * 50_000 + b"]" * 50_000  # too deep for the JSON parser
    answer = client.post("/payments/webhook", content=deep[:60000], headers={webhook_signature.HEADER: "t=1,v1=00"})
    assert answer.status_code == 400
    assert session.execute(text("SELECT count(*) FROM webhook_event")).scalar_one() == 0


def test_a_nul_in_a_checkout_session_id_is_a_422(client):
    _typed(client.get("/gateway/checkout/ps_%00"), 422, "invalid_input")
    _typed(client.post("/gateway/checkout/ps_%00", params={"outcome": "succeeded"}), 422, "invalid_input")


# --- literal search ----------------------------------------------------------------------


def test_search_matches_percent_and_underscore_literally(client, session, house):
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    for i, title in enumerate(["100% Comedy", "1000 Laughs", "Snake_Case", "SnakeXCase"]):
        show = setup.create_show(session, title=title)
        setup.schedule_showtime(
            session,
            show_id=show,
            plan_id=house["plan_id"],
            starts_at=start + dt.timedelta(days=i),
            prices={"A": 1000, "B": 500},
        )

    def titles(search: str) -> list[str]:
        answer = client.get("/showtimes", params={"search": search})
        assert answer.status_code == 200, answer.text
        return [s["title"] for s in answer.json()]

    assert titles("%") == ["100% Comedy"]
    assert titles("_") == ["Snake_Case"]
    assert titles("e_c") == ["Snake_Case"]
    assert titles("\\") == []
    assert titles("snake") == ["Snake_Case", "SnakeXCase"]


# --- the database is down ---------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.mark.parametrize("warm", [0, 3], ids=["cold", "warm_connections"])
def test_with_the_database_unreachable_every_endpoint_is_503_with_retry_after(warm):
    """Also when the server was told to open its connections before the first request
    (``boxoffice web`` does): it starts all the same and answers 503."""
    url = f"postgresql+psycopg://nobody@127.0.0.1:{_closed_port()}/boxoffice"
    engine = make_engine(url, connect_timeout=2)
    app = make_app(Database(engine, make_session_factory(engine), url, embedded=False), warm_connections=warm)
    booking = uuid.uuid4()
    event = json.dumps({"id": "evt_1", "type": "payment.failed", "data": {"session_id": "ps_1"}}).encode()
    with TestClient(app) as client:
        answers = [
            client.get("/showtimes"),
            client.get("/showtimes/1/seats"),
            client.post("/showtimes/1/holds", json={"seat_ids": [1]}),
            client.post("/bookings", json={"showtime_id": 1, "hold_token": str(uuid.uuid4())}),
            client.get(f"/bookings/{booking}"),
            client.post(f"/bookings/{booking}/payments"),
            client.post(
                "/payments/webhook",
                content=event,
                headers={webhook_signature.HEADER: webhook_signature.sign(event, SECRET)},
            ),
        ]
        for answer in answers:
            _typed(answer, 503, "database_unavailable")
            assert answer.headers["Retry-After"] == "5", answer.request.url
        assert client.get("/health").status_code == 200
    engine.dispose()


def test_when_the_database_goes_away_the_api_answers_503_and_comes_back(client, house, admin_url, db_url):
    """Connections refused and the open ones terminated (what a restart or failover
    does): 503 with Retry-After; once the database takes connections again, 200."""
    name = make_url(db_url).database
    admin = make_url(admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    holds = f"/showtimes/{house['showtime_id']}/holds"
    assert client.get("/showtimes").status_code == 200  # the pool has a connection
    assert client.post(holds, json={"seat_ids": house["seat_ids"][:1]}).status_code == 201  # so do the holds
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        try:
            for path in ("/showtimes", f"/showtimes/{house['showtime_id']}/seats"):
                down = client.get(path)
                _typed(down, 503, "database_unavailable")
                assert down.headers["Retry-After"] == "5"
            for _ in range(2):  # the kept connection is dead, then none can be made
                down = client.post(holds, json={"seat_ids": house["seat_ids"][1:2]})
                _typed(down, 503, "database_unavailable")
        finally:
            conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
    assert client.get("/showtimes").status_code == 200
    assert client.post(holds, json={"seat_ids": house["seat_ids"][1:2]}).status_code == 201


# --- a paid session stays paid --------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "amount_delta"),
    [("payment.succeeded", 0), ("payment.succeeded", 100), ("payment.failed", 0), ("payment.expired", 0)],
)
def test_a_paid_session_never_changes_on_later_events(client, session, house, kind, amount_delta):
    done = buy(client, house["showtime_id"], house["seat_ids"][:1])
    assert done["checkout"]["webhook_response"]["outcome"] == "confirmed"
    ps = session.execute(text("SELECT id, amount_minor, currency FROM payment_session")).one()
    data = {"session_id": ps.id, "amount_minor": ps.amount_minor + amount_delta, "currency": ps.currency}
    answer = _webhook(client, {"id": f"evt_late_{uuid.uuid4().hex}", "type": kind, "data": data})
    assert answer.status_code == 200 and answer.json()["outcome"] == "ignored_session_succeeded"
    session.rollback()
    row = session.execute(
        text(
            "SELECT ps.status, b.status AS booking, (SELECT count(*) FROM ticket WHERE status = 'valid') AS valid, "
            "(SELECT count(*) FROM payment) AS payments FROM payment_session ps JOIN booking b ON b.id = ps.booking_id"
        )
    ).one()
    assert tuple(row) == ("succeeded", "confirmed", 1, 1)
