"""Hypothesis throws odd input at every endpoint of the web API (path and query values
with NUL and huge numbers, arbitrary JSON bodies, correctly signed webhooks with odd
events, odd client ids): the answer is never a 5xx, and every error is the typed body."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings, strategies as st

from boxoffice.domain import webhook_signature
from boxoffice.runtime import Database
from tests.factories import make_small_house
from tests.web_helpers import SECRET, buy, make_app

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# any code point (NUL and lone surrogates included), and often the nastiest few
texts = st.one_of(st.text(max_size=120), st.text(alphabet="\x00\x1f%_\\'\"\u202e\ud800\U0001f600a", max_size=8))
numbers = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([0, 1, 2, 2**31 - 1, 2**31]))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, st.floats(allow_nan=False, allow_infinity=False), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(texts, inner, max_size=5)),
    max_leaves=20,
)


@pytest.fixture
def fuzz_client(engine, session_factory, db_url, session):
    """A client on a house with one paid booking, and the real ids to mix in."""
    house = make_small_house(session)
    with TestClient(
        make_app(Database(engine, session_factory, db_url, embedded=False)), raise_server_exceptions=False
    ) as client:
        done = buy(client, house["showtime_id"], house["seat_ids"][:1])
        yield (
            client,
            {
                "showtime": house["showtime_id"],
                "seats": house["seat_ids"],
                "booking": done["booking_id"],
                "session": done["session_id"],
                "token": done["hold"]["hold_token"],
            },
        )


def _segment(value) -> str:
    """``value`` percent-encoded as UTF-8 (a lone surrogate as the invalid bytes it would be)."""
    return quote(str(value), safe="", errors="surrogatepass") or "%20"


def _query(params: dict) -> str:
    return "&".join(f"{k}={_segment(v)}" for k, v in params.items() if v is not None)


def _json(body) -> dict:
    """Request arguments sending ``body`` as JSON (lone surrogates as ``\\ud800`` escapes)."""
    return {"content": json.dumps(body).encode(), "headers": {"Content-Type": "application/json"}}


def _check(response) -> None:
    assert response.status_code < 500, (response.request.method, response.request.url, response.text)
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"], body


ids = st.one_of(numbers, texts)


@FUZZ
@given(
    endpoint=st.sampled_from(
        [
            ("GET", "/showtimes/{}/seats"),
            ("POST", "/showtimes/{}/holds"),
            ("DELETE", "/showtimes/{}/holds/{}"),
            ("GET", "/bookings/{}"),
            ("POST", "/bookings/{}/cancel"),
            ("POST", "/bookings/{}/payments"),
            ("POST", "/bookings/{}/refund"),
            ("GET", "/gateway/checkout/{}"),
            ("POST", "/gateway/checkout/{}"),
        ]
    ),
    first=ids,
    second=ids,
    real=st.booleans(),
    body=json_values,
    outcome=st.one_of(st.sampled_from(["succeeded", "failed"]), texts),
)
def test_paths_and_bodies(fuzz_client, endpoint, first, second, real, body, outcome):
    client, known = fuzz_client
    method, template = endpoint
    if real:  # a real id in the first place, so the request reaches the database's checks
        first = (
            known["booking"]
            if "bookings" in template
            else known["session"]
            if "gateway" in template
            else known["showtime"]
        )
    path = template.format(_segment(first), _segment(second))
    if template.startswith("/gateway") and method == "POST":
        path += "?" + _query({"outcome": outcome})
    _check(client.request(method, path, **(_json(body) if method == "POST" else {})))


@FUZZ
@given(
    since=st.one_of(st.none(), st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()), texts),
    search=st.one_of(st.none(), texts),
    limit=st.one_of(st.none(), st.integers(min_value=1, max_value=500).map(str), numbers.map(str), texts),
)
def test_showtime_queries(fuzz_client, since, search, limit):
    client, _ = fuzz_client
    _check(client.get("/showtimes?" + _query({"since": since, "search": search, "limit": limit})))


@FUZZ
@given(
    seat_ids=st.one_of(st.lists(numbers, max_size=12), json_values),
    token=st.one_of(st.none(), st.uuids().map(str), texts),
    client_id=st.one_of(st.none(), st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)),
    use_real=st.booleans(),
)
def test_holds_and_bookings(fuzz_client, seat_ids, token, client_id, use_real):
    client, known = fuzz_client
    if use_real and isinstance(seat_ids, list) and all(type(s) is int for s in seat_ids):
        seat_ids = [known["seats"][abs(int(s)) % len(known["seats"])] for s in seat_ids]
    args = _json({"seat_ids": seat_ids, "hold_token": token})
    if client_id is not None:
        args["headers"]["Boxoffice-Client"] = client_id
    hold = client.post(f"/showtimes/{known['showtime']}/holds", **args)
    _check(hold)
    hold_token = hold.json()["hold_token"] if hold.status_code == 201 else token
    _check(
        client.post("/bookings", **_json({"showtime_id": known["showtime"], "hold_token": hold_token, "email": token}))
    )


@FUZZ
@given(
    event_id=st.one_of(texts, json_values),
    kind=st.one_of(st.sampled_from(["payment.succeeded", "payment.failed", "payment.expired"]), texts),
    real_session=st.booleans(),
    data=st.dictionaries(texts, json_values, max_size=4),
    amount=st.one_of(numbers, json_values),
)
def test_signed_webhooks(fuzz_client, event_id, kind, real_session, data, amount):
    """Correctly signed, so the event reaches the database: whatever it says."""
    client, known = fuzz_client
    data = {
        **data,
        "session_id": known["session"] if real_session else data.get("session_id", "ps_x"),
        "amount_minor": amount,
    }
    body = json.dumps({"id": event_id, "type": kind, "data": data}).encode()
    headers = {webhook_signature.HEADER: webhook_signature.sign(body, SECRET)}
    _check(client.post("/payments/webhook", content=body, headers=headers))
