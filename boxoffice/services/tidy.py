"""The tidy job: mark lapsed pending bookings expired and return lapsed holds to
``available``, one statement each, so the changes get new versions and are announced.

Correctness never waits for it (expiry is lazy: ``inventory_live`` and ``booking_live``
already show lapsed holds as available and lapsed bookings as expired); it keeps the
tables honest and lets seat maps hear about expiries through the existing
``bo_inventory`` NOTIFY trigger (one notification per showtime, at commit). Rows another
transaction has locked right now are skipped (``SKIP LOCKED``) and tidied next time,
so the job never waits behind a till or deadlocks with one. ``boxoffice web`` runs it
every ``BOXOFFICE_TIDY_SECONDS`` (60 s); ``boxoffice tidy`` runs it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.services.errors import unit_of_work

_EXPIRE_BOOKINGS = text("""
WITH lapsed AS (
    SELECT id FROM booking WHERE status = 'pending' AND expires_at <= now()
    ORDER BY id FOR UPDATE SKIP LOCKED
), expired AS (
    UPDATE booking b SET status = 'expired', ended_at = now()
    FROM lapsed WHERE b.id = lapsed.id
    RETURNING 1
)
SELECT count(*) FROM expired
""")

_RELEASE_HOLDS = text("""
WITH lapsed AS (
    SELECT showtime_id, seat_id FROM inventory WHERE state = 'held' AND hold_expires_at <= now()
    ORDER BY showtime_id, seat_id FOR UPDATE SKIP LOCKED
), released AS (
    UPDATE inventory i
    SET state = 'available', hold_token = NULL, hold_channel = NULL, hold_expires_at = NULL
    FROM lapsed
    WHERE i.showtime_id = lapsed.showtime_id AND i.seat_id = lapsed.seat_id
      AND i.state = 'held' AND i.hold_expires_at <= now()
    RETURNING 1
)
SELECT count(*) FROM released
""")


@dataclass(frozen=True)
class TidyResult:
    """How many pending bookings were marked expired and how many lapsed seat holds
    (including those of the expired bookings) were returned to available."""

    bookings_expired: int
    holds_released: int


def tidy(session: Session) -> TidyResult:
    """Run the tidy job once, as one transaction (see the module docstring)."""
    with unit_of_work(session):
        bookings = session.execute(_EXPIRE_BOOKINGS).scalar_one()
        holds = session.execute(_RELEASE_HOLDS).scalar_one()
        # general admission (migration 0008): lapsed GA holds already count for nothing; drop their rows
        session.execute(text("DELETE FROM ga_hold WHERE ctid IN (SELECT ctid FROM ga_hold WHERE expires_at <= now() "
                             "FOR UPDATE SKIP LOCKED)"))
    return TidyResult(bookings_expired=bookings, holds_released=holds)
