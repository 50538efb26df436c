"""Helpers for the web channel's tests: an API client on the test database, the
buyer's steps, and the database checks the race tests share."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import text

SECRET = "test-webhook-secret-0123456789abcdef"

DOUBLE_SOLD = text(
    "SELECT count(*) FROM (SELECT seat_id FROM ticket WHERE showtime_id = :s AND status = 'valid' "
    "GROUP BY seat_id HAVING count(*) > 1) twice"
)
SOLD_SEATS = text("SELECT seat_id FROM ticket WHERE showtime_id = :s AND status = 'valid' ORDER BY seat_id")


# The stand-in gateway on, and hold limits no functional test reaches (tests of the
# limits pass their own WebGuards / environment).
NO_LIMITS = {
    "BOXOFFICE_WEB_TEST_GATEWAY": "1",
    "BOXOFFICE_WEB_SEATS_PER_HOLD": "100",
    "BOXOFFICE_WEB_HELD_PER_CLIENT": "1000000",
    "BOXOFFICE_WEB_HELD_PER_IP": "1000000",
    "BOXOFFICE_WEB_HOLDS_PER_MINUTE": "1000000",
    "BOXOFFICE_WEB_HOLDS_PER_MINUTE_PER_IP": "1000000",
}


def guards_for_tests(**changes):
    """The tests' WebGuards: stand-in gateway mounted, limits out of reach; ``changes``
    replace fields (``limits=HoldLimits(...)`` for the limits' own tests)."""
    from boxoffice.services.web_holds import HoldLimits
    from boxoffice.web.guards import WebGuards

    unlimited = HoldLimits(100, 1_000_000, 1_000_000, 1_000_000, 1_000_000)
    return WebGuards(**{"test_gateway": True, "limits": unlimited, **changes})


def make_app(database, **options):
    """The web app on ``database`` with the tidy job off, the stand-in gateway mounted
    (delivering webhooks to the app itself, as ``boxoffice web`` does) and the hold limits
    out of reach (pass ``guards=`` to test them)."""
    from boxoffice.web.app import create_app

    options = {"webhook_secret": SECRET, "tidy_seconds": None, "guards": guards_for_tests(), **options}
    return create_app(database, **options)


def buy(client, showtime_id: int, seat_ids: list[int], outcome: str = "succeeded") -> dict:
    """Hold, book, pay at the stand-in gateway; returns the ids and the checkout answer.
    Raises AssertionError if the hold, booking or payment session is refused."""
    hold = client.post(f"/showtimes/{showtime_id}/holds", json={"seat_ids": seat_ids})
    assert hold.status_code == 201, hold.text
    booking = client.post("/bookings", json={"showtime_id": showtime_id, "hold_token": hold.json()["hold_token"]})
    assert booking.status_code == 201, booking.text
    payment = client.post(f"/bookings/{booking.json()['id']}/payments")
    assert payment.status_code == 201, payment.text
    checkout = client.post(f"/gateway/checkout/{payment.json()['id']}", params={"outcome": outcome})
    assert checkout.status_code == 200, checkout.text
    return {
        "hold": hold.json(),
        "booking_id": booking.json()["id"],
        "session_id": payment.json()["id"],
        "checkout": checkout.json(),
    }


class WebServer:
    """``boxoffice web --port 0`` in a subprocess against ``db_url``; ``base_url`` once up.
    The stand-in gateway is on and the hold limits out of reach unless ``extra_env`` says
    otherwise."""

    def __init__(
        self, db_url: str, log_path: Path, extra_args: tuple[str, ...] = (), extra_env: dict[str, str] | None = None
    ) -> None:
        env = dict(
            os.environ,
            BOXOFFICE_DATABASE_URL=db_url,
            BOXOFFICE_WEBHOOK_SECRET=SECRET,
            BOXOFFICE_TIDY_SECONDS="3600",
            BOXOFFICE_TILL="web-test",
        )
        env = {**env, **NO_LIMITS, **(extra_env or {})}
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "boxoffice", "web", "--port", "0", *extra_args],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.base_url = self._wait_for_url()

    def _wait_for_url(self, limit: float = 60.0) -> str:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            found = re.search(rb"serving on (http://[^/\s]+)/", self.log_path.read_bytes())
            if found and self._healthy(found.group(1).decode()):
                return found.group(1).decode()
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"boxoffice web did not start:\n{self.log_path.read_text(errors='replace')}")

    @staticmethod
    def _healthy(url: str) -> bool:
        try:
            return httpx.get(f"{url}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
