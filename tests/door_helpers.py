"""Building blocks for the admission tests: a showtime whose doors are open, with tickets sold."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.orm import Session

from boxoffice.services import inventory, sales, tickets
from boxoffice.services.admission import Door
from tests.factories import make_small_house


def sell(session: Session, showtime_id: int, seat_ids: list[int]) -> list[tickets.TicketView]:
    """Sell ``seat_ids`` of ``showtime_id`` for cash in one order; returns its tickets (with codes)."""
    token = uuid.uuid4()
    inventory.hold_seats(
        session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="till-1", seconds=120
    )
    result = sales.sell_cash(
        session, showtime_id=showtime_id, seat_ids=seat_ids, token=token, channel="till-1", tendered_minor=1_000_00
    )
    return tickets.order_tickets(session, order_id=result.order_id)


def open_house(
    session: Session, *, starts_in: dt.timedelta = dt.timedelta(minutes=30), rows: int = 3, seats_per_row: int = 10
) -> dict:
    """``make_small_house`` starting ``starts_in`` from now (by default its doors opened
    15 minutes ago: they open 45 minutes before the start)."""
    starts = dt.datetime.now(dt.UTC).replace(microsecond=0) + starts_in
    return make_small_house(session, rows=rows, seats_per_row=seats_per_row, starts_at=starts)


def door(house: dict, gate: str = "North", *extra_showtimes: int) -> Door:
    return Door(gate=gate, device=f"test-{gate.lower()}", serving=(house["showtime_id"], *extra_showtimes))
