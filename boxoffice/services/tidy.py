"""The tidy job: mark lapsed pending bookings expired and return lapsed holds to
``available``, one statement each, so the changes get new versions and are announced.

Correctness never waits for it (expiry is lazy: ``inventory_live`` and ``booking_live``
already show lapsed holds as available and lapsed bookings as expired); it keeps the
tables honest and lets seat maps hear about expiries through the existing
``bo_inventory`` NOTIFY trigger (one notification per showtime, at commit). Rows another
transaction has locked right now are skipped (``SKIP LOCKED``) and tidied next time,
so the job never waits behind a till or deadlocks with one. ``boxoffice web`` runs it
every ``BOXOFFICE_TIDY_SECONDS`` (60 s); ``boxoffice tidy`` runs it once. It is one
SECURITY DEFINER function, ``bo_tidy()`` (migration 0012), for the web channel's login
and the system principal; ``bo_web_forget()`` (migration 0019) also drops the online hold
limits' stale bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.services.errors import unit_of_work

_TIDY = text("SELECT bookings_expired, holds_released FROM bo_tidy()")  # migration 0012
_FORGET = text("SELECT bo_web_forget()")  # the web limits' stale bookkeeping (migration 0019)


@dataclass(frozen=True)
class TidyResult:
    """How many pending bookings were marked expired and how many lapsed seat holds
    (including those of the expired bookings) were returned to available."""

    bookings_expired: int
    holds_released: int


def tidy(session: Session) -> TidyResult:
    """Run the tidy job once, as one transaction (see the module docstring)."""
    with unit_of_work(session):
        bookings, holds = session.execute(_TIDY).one()
        session.execute(_FORGET)
    return TidyResult(bookings_expired=bookings, holds_released=holds)
