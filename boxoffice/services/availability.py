"""What a buyer sees of a showtime: every seat with its live state and price."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from boxoffice.domain.errors import NotFoundError
from boxoffice.services.errors import unit_of_work

STATES = ("available", "held", "sold", "blocked")

_SHOWTIME = text(
    "SELECT st.id, sh.title, st.starts_at, st.status, v.currency "
    "FROM showtime st JOIN show sh ON sh.id = st.show_id JOIN seating_plan p ON p.id = st.plan_id "
    "JOIN venue v ON v.id = p.venue_id WHERE st.id = :id"
)
_SEATS = text(
    "SELECT il.seat_id, sec.name, s.row_label, s.seat_number, pc.name, sp.price_minor, il.state, s.wheelchair, "
    "s.x, s.y "
    "FROM inventory_live il JOIN seat s ON s.id = il.seat_id JOIN section sec ON sec.id = s.section_id "
    "JOIN price_category pc ON pc.id = s.category_id "
    "LEFT JOIN showtime_price sp ON sp.showtime_id = il.showtime_id AND sp.category_id = s.category_id "
    "WHERE il.showtime_id = :id ORDER BY sec.position, il.seat_id"
)


@dataclass(frozen=True)
class SeatAvailability:
    """One seat: ``state`` is available, held, sold or blocked (lapsed holds read as
    available); ``price_minor`` in minor units (``None``: not priced, not for sale);
    ``x``, ``y`` its centre on the seating plan in plan pixels (to draw a seat map)."""

    seat_id: int
    section: str
    row: str
    seat: str
    category: str
    price_minor: int | None
    state: str
    wheelchair: bool
    x: float
    y: float


@dataclass(frozen=True)
class Availability:
    """A showtime's seats and how many are in each state (``counts`` has every state);
    ``starts_at`` is aware."""

    showtime_id: int
    title: str
    starts_at: dt.datetime
    status: str
    currency: str
    seats: list[SeatAvailability]
    counts: dict[str, int]


def showtime_availability(session: Session, *, showtime_id: int) -> Availability:
    """Every seat of ``showtime_id`` with its live state and price, plus counts.

    Raises:
        NotFoundError: no such showtime.
    """
    with unit_of_work(session):
        show = session.execute(_SHOWTIME, {"id": showtime_id}).one_or_none()
        if show is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        seats = [SeatAvailability(*r) for r in session.execute(_SEATS, {"id": showtime_id})]
    tally = Counter(s.state for s in seats)
    return Availability(show.id, show.title, show.starts_at, show.status, show.currency, seats,
                        {state: tally.get(state, 0) for state in STATES})


def explain_refusal(session: Session, *, showtime_id: int, seat_ids: list[int] | None = None) -> None:
    """After a hold or booking was refused, raise :class:`NotFoundError` if that was
    because the showtime, or some of ``seat_ids``, does not exist; else return (the
    original refusal stands).

    Raises:
        NotFoundError: no such showtime, or seats not on its plan (``details['seat_ids']``).
    """
    with unit_of_work(session):
        if session.execute(text("SELECT 1 FROM showtime WHERE id = :id"), {"id": showtime_id}).first() is None:
            raise NotFoundError(f"Showtime {showtime_id} does not exist.")
        if not seat_ids:
            return
        known = set(session.execute(
            text("SELECT seat_id FROM inventory WHERE showtime_id = :id AND seat_id = ANY(:seats)"),
            {"id": showtime_id, "seats": sorted(set(seat_ids))},
        ).scalars())
    unknown = sorted(set(seat_ids) - known)
    if unknown:
        raise NotFoundError(f"Seats {', '.join(map(str, unknown))} are not part of this showtime.", seat_ids=unknown)
