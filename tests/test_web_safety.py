"""The web channel is safe by default (issue 14): the stand-in gateway only when asked
for, request bodies capped before they are read, CORS for the shop's origin only, and
security headers on every answer."""

from __future__ import annotations

import asyncio
import json
import socket
import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from boxoffice.config import ConfigError
from boxoffice.runtime import Database
from boxoffice.web.guards import WebGuards
from tests.factories import make_small_house
from tests.web_helpers import WebServer, guards_for_tests, make_app

SHOP = "https://shop.example.org"


@pytest.fixture
def house(session):
    return make_small_house(session)


@pytest.fixture
def database(engine, session_factory, db_url):
    return Database(engine, session_factory, db_url, embedded=False)


def _client(database, **guards) -> TestClient:
    return TestClient(make_app(database, guards=guards_for_tests(**guards)))


def _pending_payment(client, house) -> tuple[str, str]:
    st = house["showtime_id"]
    hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": house["seat_ids"][:2]}).json()
    booking = client.post("/bookings", json={"showtime_id": st, "hold_token": hold["hold_token"]}).json()
    payment = client.post(f"/bookings/{booking['id']}/payments")
    assert payment.status_code == 201, payment.text
    return booking["id"], payment.json()["id"]


# --- the stand-in gateway ------------------------------------------------------------------


def test_without_the_flag_nobody_can_confirm_a_booking_at_the_stand_in_gateway(database, session, house):
    """The report: an anonymous POST to the stand-in checkout confirmed a booking and
    issued tickets with no money taken. Off by default, the route is not there."""
    with _client(database, test_gateway=False) as client:
        booking_id, session_id = _pending_payment(client, house)
        paid = client.post(f"/gateway/checkout/{session_id}", params={"outcome": "succeeded"})
        assert paid.status_code == 404 and paid.json()["error"]["code"] == "not_found"
        assert client.get(f"/gateway/checkout/{session_id}").status_code == 404
        assert not any(p.startswith("/gateway") for p in client.get("/openapi.json").json()["paths"])
        assert client.get(f"/bookings/{booking_id}").json()["status"] == "pending"
    assert session.execute(text("SELECT count(*) FROM ticket")).scalar_one() == 0
    assert session.execute(text("SELECT status FROM payment_session")).scalar_one() == "open"


def test_with_the_flag_the_stand_in_gateway_pays(database, house):
    with _client(database, test_gateway=True) as client:
        booking_id, session_id = _pending_payment(client, house)
        paid = client.post(f"/gateway/checkout/{session_id}", params={"outcome": "succeeded"})
        assert paid.status_code == 200 and paid.json()["webhook_response"]["outcome"] == "confirmed"
        assert client.get(f"/bookings/{booking_id}").json()["status"] == "confirmed"


@pytest.mark.parametrize(("raw", "on"), [(None, False), ("", False), ("0", False), ("1", True), ("true", True)])
def test_the_gateway_flag_is_read_from_the_environment(monkeypatch, raw, on):
    monkeypatch.delenv("BOXOFFICE_WEB_TEST_GATEWAY", raising=False)
    if raw is not None:
        monkeypatch.setenv("BOXOFFICE_WEB_TEST_GATEWAY", raw)
    assert WebGuards.from_env().test_gateway is on


def test_a_garbled_gateway_flag_is_refused(monkeypatch):
    monkeypatch.setenv("BOXOFFICE_WEB_TEST_GATEWAY", "perhaps")
    with pytest.raises(ConfigError, match="BOXOFFICE_WEB_TEST_GATEWAY"):
        WebGuards.from_env()


# --- the body limit ------------------------------------------------------------------------


def test_a_declared_body_over_the_limit_is_a_413(database, house):
    with _client(database, max_body_bytes=2048) as client:
        answer = client.post("/bookings", content=b"x" * 5000, headers={"Content-Type": "application/json"})
        assert answer.status_code == 413, answer.text
        assert answer.json()["error"]["code"] == "payload_too_large"
        assert answer.headers["Connection"] == "close" and answer.headers["X-Content-Type-Options"] == "nosniff"
        small = client.post("/bookings", content=b"{}", headers={"Content-Type": "application/json"})
        assert small.status_code == 422  # under the limit: read and validated as before


def _drive(app, path: str, chunks: int, chunk: bytes, content_length: int | None = None) -> tuple[int, int, bytes]:
    """Send POST ``path`` to the ASGI ``app`` with a body of ``chunks`` x ``chunk`` as it
    arrives (chunked: no Content-Length); returns (status, chunks the app read, body)."""
    taken, sent = 0, []

    async def receive():
        nonlocal taken
        taken += 1
        if taken > chunks:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": chunk, "more_body": taken < chunks}

    async def send(message):
        sent.append(message)

    headers = [(b"content-type", b"application/json"), (b"host", b"test")]
    if content_length is not None:
        headers.append((b"content-length", str(content_length).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("192.0.2.1", 5000),
        "server": ("test", 80),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], taken, body


@pytest.mark.parametrize("path", ["/bookings", "/showtimes/1/holds", "/payments/webhook"])
def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit(database, path):
    """A 100 MB body in 64 KiB chunks: the app stops reading after the limit (1 MiB
    here), never holding the rest, and answers 413."""
    app = make_app(database, guards=guards_for_tests(max_body_bytes=1024 * 1024))
    status, taken, body = _drive(app, path, chunks=1600, chunk=b" " * 65536)
    assert status == 413 and json.loads(body)["error"]["code"] == "payload_too_large"
    assert taken <= 1024 * 1024 // 65536 + 1  # 17 of the 1600 chunks
    # the declared length is refused before a single chunk is read
    status, taken, _ = _drive(app, path, chunks=1600, chunk=b" " * 65536, content_length=1600 * 65536)
    assert (status, taken) == (413, 0)


def test_a_real_server_refuses_a_chunked_upload_early(db_url, tmp_path):
    """``boxoffice web`` itself: a chunked upload is answered 413 after about the limit,
    while the client still has most of its 100 MB to send."""
    server = WebServer(db_url, tmp_path / "web.log", extra_env={"BOXOFFICE_WEB_MAX_BODY_BYTES": "65536"})
    try:
        host, port = server.base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(
                b"POST /bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            chunk, sent, answer = b" " * 16384, 0, b""
            sock.setblocking(False)
            deadline = time.monotonic() + 30
            while sent < 100 * 1024 * 1024 and time.monotonic() < deadline:
                try:
                    answer += sock.recv(65536)
                    if answer:
                        break
                except BlockingIOError:
                    pass
                try:
                    sock.sendall(b"4000\r\n" + chunk + b"\r\n")
                    sent += len(chunk)
                except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                    time.sleep(0.01)
            sock.setblocking(True)
            while b"\r\n\r\n" not in answer:
                more = sock.recv(65536)
                if not more:
                    break
                answer += more
    finally:
        server.stop()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 16 * 1024 * 1024, sent  # socket buffers, not the 100 MB


# --- CORS and headers ------------------------------------------------------------------


def test_cors_answers_the_shop_s_origin_only(database, house):
    st = house["showtime_id"]
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,boxoffice-client",
    }
    with _client(database, cors_origins=(SHOP,)) as client:
        ok = client.options(f"/showtimes/{st}/holds", headers={"Origin": SHOP, **preflight})
        assert ok.status_code == 200 and ok.headers["Access-Control-Allow-Origin"] == SHOP
        assert "boxoffice-client" in ok.headers["Access-Control-Allow-Headers"].lower()
        evil = client.options(f"/showtimes/{st}/holds", headers={"Origin": "https://evil.example", **preflight})
        assert evil.status_code == 400 and "Access-Control-Allow-Origin" not in evil.headers
        read = client.get("/showtimes", headers={"Origin": SHOP})
        assert read.headers["Access-Control-Allow-Origin"] == SHOP
        assert (
            "Access-Control-Allow-Origin"
            not in client.get("/showtimes", headers={"Origin": "https://evil.example"}).headers
        )
    with _client(database) as client:  # not configured: no origin is allowed
        assert "Access-Control-Allow-Origin" not in client.get("/showtimes", headers={"Origin": SHOP}).headers


@pytest.mark.parametrize("raw", ["*", "shop.example.org", "ftp://shop.example.org", "https://shop.example.org/path"])
def test_cors_origins_must_be_origins(monkeypatch, raw):
    monkeypatch.setenv("BOXOFFICE_WEB_CORS_ORIGINS", raw)
    with pytest.raises(ConfigError, match="BOXOFFICE_WEB_CORS_ORIGINS"):
        WebGuards.from_env()


def test_cors_origins_from_the_environment(monkeypatch):
    monkeypatch.setenv("BOXOFFICE_WEB_CORS_ORIGINS", f" {SHOP} , http://localhost:5173 ")
    assert WebGuards.from_env().cors_origins == (SHOP, "http://localhost:5173")


def test_security_headers_and_private_answers_are_not_stored(database, house):
    st = house["showtime_id"]
    with _client(database) as client:
        public = client.get("/showtimes")
        hold = client.post(f"/showtimes/{st}/holds", json={"seat_ids": house["seat_ids"][:1]})
        booking = client.post("/bookings", json={"showtime_id": st, "hold_token": hold.json()["hold_token"]})
        private = client.get(f"/bookings/{booking.json()['id']}")
        missing = client.get("/bookings/00000000-0000-0000-0000-000000000000")
        for answer in (public, hold, booking, private, missing):
            assert answer.headers["X-Content-Type-Options"] == "nosniff"
            assert answer.headers["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
            assert answer.headers["Referrer-Policy"] == "no-referrer"
        for answer in (hold, booking, private, missing):
            assert answer.headers["Cache-Control"] == "no-store", answer.request.url
        assert "no-store" not in public.headers.get("Cache-Control", "")
